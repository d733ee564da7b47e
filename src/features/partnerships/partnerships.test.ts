import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { samplePractice } from '../practices/fixtures.ts';
import { practiceService } from '../practices/service.ts';

let testApp: TestApp;
let author: TestMember;
let visitor: TestClient;
let practiceSlug: string;
before(async () => {
  testApp = await startTestApp();
  author = await createMember(testApp, { name: 'Pia Poster' });
  visitor = new TestClient(testApp.app);
  practiceSlug = await practiceService(testApp.deps).create(samplePractice({ title: 'Welcome desks in Lyon' }), { authorId: null, status: 'published' });
});
after(() => testApp.close());

const look = (path: string) => visitor.get(path, { 'cache-control': 'no-cache' });

async function post(member: TestMember, form: Record<string, string | string[]>) {
  await member.client.get('/en/partnerships/new');
  return member.client.post('/en/partnerships', { kind: 'request', title: 'We want to adapt the welcome desk in Tétouan', description: 'A city looking for a partner city.', countries: ['MA'], topics: ['housing'], practices: practiceSlug, ...form });
}

describe('partnerships', () => {
  test('a member posts a request linked to a practice; it is listed, searchable without accents and filtered', async () => {
    const posted = await post(author, {});
    assert.equal(posted.statusCode, 303);
    const id = /\/partnerships\/(\d+)/.exec(String(posted.headers.location))?.[1];
    const page = await look(`/en/partnerships/${id}`);
    assert.match(page.body, /We want to adapt the welcome desk in Tétouan/);
    assert.match(page.body, /Welcome desks in Lyon/);
    assert.match(page.body, /Write to Pia Poster/);
    assert.ok(!page.body.includes(author.email));
    assert.match((await look('/en/partnerships?q=tetouan')).body, /adapt the welcome desk/);
    assert.match((await look('/en/partnerships?country=MA&topic=housing&kind=request')).body, /adapt the welcome desk/);
    assert.doesNotMatch((await look('/en/partnerships?kind=offer&q=tetouan')).body, /adapt the welcome desk/);
    const odd = await look('/en/partnerships?kind=gift&q=tetouan');
    assert.equal(odd.statusCode, 200);
    assert.match(odd.body, /Some filters were ignored/);
  });

  test('bad input is refused with translated errors', async () => {
    const refused = await post(author, { title: '', kind: 'gift', practices: 'no-such-practice' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Enter a title/);
    assert.match(refused.body, /Choose offer or request/);
    assert.match(refused.body, /Enter the addresses of up to 10 published practices/);
  });

  test('only the author closes it, after confirming; it then leaves the open list', async () => {
    const posted = await post(author, { title: 'Offer of a mentoring programme for Quito', kind: 'offer', countries: ['EC'] });
    const id = /\/partnerships\/(\d+)/.exec(String(posted.headers.location))?.[1];
    const other = await createMember(testApp);
    await other.client.get('/en/partnerships');
    assert.equal((await other.client.post(`/en/partnerships/${id}/close`)).statusCode, 403);
    assert.equal((await other.client.get(`/en/partnerships/${id}/edit`)).statusCode, 403);
    assert.match((await author.client.get(`/en/partnerships/${id}/close`)).body, /Close “Offer of a mentoring programme for Quito”\?/);
    assert.equal((await author.client.post(`/en/partnerships/${id}/close`)).statusCode, 303);
    assert.doesNotMatch((await look('/en/partnerships?q=mentoring')).body, /Offer of a mentoring programme/);
    assert.match((await look('/en/partnerships?q=mentoring&status=closed')).body, /Offer of a mentoring programme/);
  });
});
