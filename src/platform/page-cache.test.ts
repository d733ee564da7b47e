import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, TestClient, type TestApp } from '../test/app.ts';
import { createMember, type TestMember } from '../test/members.ts';
import { samplePractice } from '../features/practices/fixtures.ts';
import { practiceService } from '../features/practices/service.ts';
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from './page-cache.ts';

let testApp: TestApp;
let editor: TestMember;
let member: TestMember;
before(async () => {
  testApp = await startTestApp();
  editor = await createMember(testApp, { role: 'editor', name: 'Eda Editor' });
  member = await createMember(testApp, { name: 'Mira Member' });
});
after(() => testApp.close());

let counter = 0;
async function publishedPractice(title: string): Promise<string> {
  counter += 1;
  return practiceService(testApp.deps).create(samplePractice({ title: `${title} ${counter}` }), { authorId: null, status: 'published' });
}

/** An edit of the practice's title, through the service as the edit form makes it. */
async function renamePractice(slug: string, title: string): Promise<void> {
  const row = await testApp.deps.db.selectFrom('practices').select('version').where('slug', '=', slug).executeTakeFirstOrThrow();
  await practiceService(testApp.deps).update(editor.user, slug, row.version, samplePractice({ title }));
}

function resourceForm(title: string): Record<string, string | string[]> {
  return {
    type: 'guideline', title, summary: 'How to bring every service a newcomer needs under one roof.', body: '',
    url: 'https://www.iom.int/', publisher: 'IOM', year: '2010', language: 'en', countries: ['PT'],
    topics: ['equal_access'], targetGroups: [], relatedPractices: '',
  };
}

async function publishedResource(title: string): Promise<string> {
  await editor.client.get('/en/resources/new');
  const response = await editor.client.post('/en/resources', { ...resourceForm(title), action: 'publish' });
  assert.equal(response.statusCode, 303, response.body);
  return decodeURIComponent(/\/resources\/([^?]+)/.exec(String(response.headers.location))?.[1] ?? '');
}

function visitor(): TestClient {
  return new TestClient(testApp.app);
}

describe('anonymous public pages', () => {
  test('carry an ETag and a public Cache-Control, vary on Cookie, and come from the cache the second time', async () => {
    const slug = await publishedPractice('Language cafés');
    const first = await visitor().get(`/en/practices/${slug}`);
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['cache-control'], PUBLIC_CACHE_CONTROL);
    assert.match(String(first.headers.etag), /^W\/"[\w-]+"$/);
    assert.match(String(first.headers.vary), /\bCookie\b/);

    const hits = testApp.app.pageCache.hits;
    const second = await visitor().get(`/en/practices/${slug}`);
    assert.equal(second.body, first.body);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(testApp.app.pageCache.hits, hits + 1);
    // Another locale is another page.
    const french = await visitor().get(`/fr/practices/${slug}`);
    assert.notEqual(french.headers.etag, first.headers.etag);
    assert.match(french.body, /<html lang="fr"/);
  });

  test('a conditional request with the ETag gets 304 Not Modified and no body', async () => {
    const slug = await publishedPractice('Mentoring by neighbours');
    const first = await visitor().get(`/en/practices/${slug}`);
    const again = await visitor().get(`/en/practices/${slug}`, { 'if-none-match': String(first.headers.etag) });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, first.headers.etag);
    assert.equal(again.headers['cache-control'], PUBLIC_CACHE_CONTROL);
    const other = await visitor().get(`/en/practices/${slug}`, { 'if-none-match': 'W/"something-else"' });
    assert.equal(other.statusCode, 200);
  });

  test('an edit of a practice shows at once on its page and in the list, with a new ETag', async () => {
    const slug = await publishedPractice('Job fairs for refugees');
    const page = await visitor().get(`/en/practices/${slug}`);
    const list = await visitor().get('/en/practices');
    const home = await visitor().get('/en/');

    await renamePractice(slug, 'Career days with refugee-led firms');

    const pageAfter = await visitor().get(`/en/practices/${slug}`, { 'if-none-match': String(page.headers.etag) });
    assert.equal(pageAfter.statusCode, 200);
    assert.notEqual(pageAfter.headers.etag, page.headers.etag);
    assert.match(pageAfter.body, /Career days with refugee-led firms/);
    const listAfter = await visitor().get('/en/practices');
    assert.notEqual(listAfter.headers.etag, list.headers.etag);
    assert.match(listAfter.body, /Career days with refugee-led firms/);
    assert.notEqual((await visitor().get('/en/')).headers.etag, home.headers.etag);
  });

  test('an edit of a resource leaves practice pages cached, and shows at once on the resource', async () => {
    const practice = await publishedPractice('Housing guarantees');
    const resourceSlug = await publishedResource('Guide to housing guarantees');
    const practicePage = await visitor().get(`/en/practices/${practice}`);
    const resourcePage = await visitor().get(`/en/resources/${resourceSlug}`);
    assert.equal(resourcePage.headers['cache-control'], PUBLIC_CACHE_CONTROL);

    const { version } = await testApp.deps.db.selectFrom('resources').select('version').where('slug', '=', resourceSlug).executeTakeFirstOrThrow();
    await editor.client.get(`/en/resources/${resourceSlug}/edit`);
    const edit = await editor.client.post(`/en/resources/${resourceSlug}`, { ...resourceForm('Guide to rent guarantees'), version: String(version), action: 'publish' });
    assert.equal(edit.statusCode, 303, edit.body);

    const practiceAfter = await visitor().get(`/en/practices/${practice}`, { 'if-none-match': String(practicePage.headers.etag) });
    assert.equal(practiceAfter.statusCode, 304);
    const resourceAfter = await visitor().get(`/en/resources/${resourceSlug}`, { 'if-none-match': String(resourcePage.headers.etag) });
    assert.equal(resourceAfter.statusCode, 200);
    assert.match(resourceAfter.body, /Guide to rent guarantees/);
  });

  test('a comment shows at once to anonymous readers', async () => {
    const slug = await publishedPractice('Buddy programmes');
    const before = await visitor().get(`/en/practices/${slug}`);
    await member.client.get(`/en/practices/${slug}`);
    const posted = await member.client.post(`/en/practices/${slug}/comments`, { comment: 'We run this in Porto too, it works.' });
    assert.equal(posted.statusCode, 303, posted.body);
    const after = await visitor().get(`/en/practices/${slug}`);
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.match(after.body, /We run this in Porto too, it works\./);
  });
});

describe('personal answers', () => {
  test('a signed-in member gets a private, no-store page of their own, never the cached one', async () => {
    const slug = await publishedPractice('Civic orientation courses');
    const anonymous = await visitor().get(`/en/practices/${slug}`);
    assert.doesNotMatch(anonymous.body, /\/en\/logout/);

    const hits = testApp.app.pageCache.hits;
    const own = await member.client.get(`/en/practices/${slug}`, { 'if-none-match': String(anonymous.headers.etag) });
    assert.equal(own.statusCode, 200);
    assert.equal(own.headers['cache-control'], PRIVATE_CACHE_CONTROL);
    assert.equal(own.headers.etag, undefined);
    assert.match(String(own.headers.vary), /\bCookie\b/);
    assert.match(own.body, /action="\/en\/logout"/);
    assert.match(own.body, /action="\/en\/practices\/[^"]+\/rating"/);
    assert.equal(testApp.app.pageCache.hits, hits);
    // And the anonymous copy kept nothing of the member's.
    assert.doesNotMatch((await visitor().get(`/en/practices/${slug}`)).body, /\/en\/logout|\/rating"/);
  });

  test('a page that shows a notice is neither kept nor shared', async () => {
    const hits = testApp.app.pageCache.hits;
    for (let visit = 0; visit < 2; visit += 1) {
      const response = await visitor().get('/en/?account=deleted');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], PRIVATE_CACHE_CONTROL);
      assert.equal(response.headers.etag, undefined);
    }
    assert.equal(testApp.app.pageCache.hits, hits);
  });

  test('a page with a form token is private', async () => {
    const login = await visitor().get('/en/login');
    assert.equal(login.headers['cache-control'], PRIVATE_CACHE_CONTROL);
    assert.equal(login.headers.etag, undefined);
  });
});

describe('machine access', () => {
  test('the read API and the feeds are public to everyone, and the feeds vary on Accept-Language', async () => {
    const slug = await publishedPractice('Legal clinics');
    const api = await visitor().get(`/api/v1/practices/${slug}`);
    assert.equal(api.headers['cache-control'], PUBLIC_CACHE_CONTROL);
    assert.ok(api.headers.etag);
    assert.doesNotMatch(String(api.headers.vary ?? ''), /Cookie/);
    // Signed in or not, the same answer.
    const signedIn = await member.client.get(`/api/v1/practices/${slug}`, { 'if-none-match': String(api.headers.etag) });
    assert.equal(signedIn.statusCode, 304);

    const feed = await visitor().get('/feeds/practices.atom', { 'accept-language': 'fr' });
    assert.equal(feed.headers['cache-control'], PUBLIC_CACHE_CONTROL);
    assert.match(String(feed.headers.vary), /Accept-Language/);
    const english = await visitor().get('/feeds/practices.atom', { 'accept-language': 'en' });
    assert.notEqual(english.headers.etag, feed.headers.etag);
  });
});

describe("signed-in members' pages", () => {
  const tokensIn = (body: string) => [...body.matchAll(/name="_csrf" value="([^"]+)"/g)].map((match) => match[1]);

  test('come from the template of their audience, with nothing of another member: name, rating, form token', async () => {
    const slug = await publishedPractice('Welcome desks');
    const ana = await createMember(testApp, { name: 'Ana Anders' });
    const ben = await createMember(testApp, { name: 'Ben Brooks' });
    await ana.client.get(`/en/practices/${slug}`);
    assert.equal((await ana.client.post(`/en/practices/${slug}/rating`, { score: '4' })).statusCode, 303);

    const misses = testApp.app.pageCache.memberMisses;
    const anas = await ana.client.get(`/en/practices/${slug}`);
    assert.equal(anas.statusCode, 200);
    assert.match(anas.body, /You rated it 4 out of 5/);
    assert.equal(testApp.app.pageCache.memberMisses, misses + 1);

    const hits = testApp.app.pageCache.memberHits;
    const bens = await ben.client.get(`/en/practices/${slug}`);
    assert.equal(testApp.app.pageCache.memberHits, hits + 1, "Ben's page is filled from the template Ana's request made");
    assert.equal(bens.statusCode, 200);
    assert.equal(bens.headers['cache-control'], PRIVATE_CACHE_CONTROL);
    assert.equal(bens.headers.etag, undefined);
    assert.match(bens.body, /action="\/en\/logout"/);
    assert.match(bens.body, /action="\/en\/practices\/[^"]+\/comments"/);
    assert.doesNotMatch(bens.body, /You rated it/);
    assert.doesNotMatch(bens.body, /Ana Anders|bridges-personal-/);
    const anaTokens = new Set(tokensIn(anas.body));
    const benTokens = tokensIn(bens.body);
    assert.ok(benTokens.length >= 2, 'sign-out, rating and comment forms carry a token');
    assert.ok(benTokens.every((token) => !anaTokens.has(token)));
    // Ben's token is his: his rating goes through.
    assert.equal((await ben.client.post(`/en/practices/${slug}/rating`, { score: '2' })).statusCode, 303);
    assert.match((await ben.client.get(`/en/practices/${slug}`)).body, /You rated it 2 out of 5/);
    assert.match((await ana.client.get(`/en/practices/${slug}`)).body, /You rated it 4 out of 5/);

    // The home page greets each by their own name.
    const homeForAna = await ana.client.get('/en/');
    const homeForBen = await ben.client.get('/en/');
    assert.match(homeForAna.body, /Welcome back, Ana Anders/);
    assert.match(homeForBen.body, /Welcome back, Ben Brooks/);
    assert.doesNotMatch(homeForBen.body, /Ana Anders/);
  });

  test('show the edit link to the practice’s author and to editors only', async () => {
    const author = await createMember(testApp, { name: 'Olga Owner' });
    const slug = await practiceService(testApp.deps).create(samplePractice({ title: `Owned practice ${++counter}` }), { authorId: author.id, status: 'published' });
    const editLink = `href="/en/practices/${slug}/edit"`;
    const other = await createMember(testApp);
    assert.ok(!(await other.client.get(`/en/practices/${slug}`)).body.includes(editLink));
    const hits = testApp.app.pageCache.memberHits;
    assert.ok((await author.client.get(`/en/practices/${slug}`)).body.includes(editLink));
    assert.equal(testApp.app.pageCache.memberHits, hits + 1);
    assert.ok((await editor.client.get(`/en/practices/${slug}`)).body.includes(editLink));
  });

  test('a member still sees their own draft, which is never kept', async () => {
    const author = await createMember(testApp);
    const slug = await practiceService(testApp.deps).create(samplePractice({ title: `Draft of mine ${++counter}` }), { authorId: author.id, status: 'draft' });
    const misses = testApp.app.pageCache.memberMisses;
    for (let visit = 0; visit < 2; visit += 1) {
      const response = await author.client.get(`/en/practices/${slug}`);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Draft of mine/);
    }
    assert.equal(testApp.app.pageCache.memberMisses, misses + 2);
    assert.equal((await member.client.get(`/en/practices/${slug}`)).statusCode, 404);
  });

  test('a role change shows on the next page, and a signed-out session gets the anonymous page', async () => {
    const slug = await publishedPractice('Buddy schemes');
    const promoted = await createMember(testApp, { twoFactor: true });
    assert.doesNotMatch((await promoted.client.get(`/en/practices/${slug}`)).body, /href="\/en\/review"/);
    await testApp.deps.db.updateTable('users').set({ role: 'editor' }).where('id', '=', promoted.id).execute();
    const asEditor = await promoted.client.get(`/en/practices/${slug}`);
    assert.match(asEditor.body, /href="\/en\/review"/);
    assert.ok(asEditor.body.includes(`href="/en/practices/${slug}/edit"`));

    assert.equal((await promoted.client.post('/en/logout')).statusCode, 303);
    const after = await promoted.client.get(`/en/practices/${slug}`);
    assert.doesNotMatch(after.body, /\/en\/logout/);
    assert.match(after.body, /href="\/en\/login"/);
  });

  test('resource pages: the rating and the edit link are the member’s own', async () => {
    const slug = await publishedResource('One-stop shops');
    const reader = await createMember(testApp, { name: 'Rita Reader' });
    await reader.client.get(`/en/resources/${slug}`);
    assert.equal((await reader.client.post(`/en/resources/${slug}/rating`, { score: '5' })).statusCode, 303);
    const readers = await reader.client.get(`/en/resources/${slug}`);
    assert.match(readers.body, /You rated it 5 out of 5/);
    assert.ok(!readers.body.includes(`href="/en/resources/${slug}/edit"`));
    const hits = testApp.app.pageCache.memberHits;
    const editors = await editor.client.get(`/en/resources/${slug}`);
    assert.doesNotMatch(editors.body, /You rated it|Rita Reader/);
    assert.ok(editors.body.includes(`href="/en/resources/${slug}/edit"`));
    const second = await createMember(testApp);
    const seconds = await second.client.get(`/en/resources/${slug}`);
    assert.doesNotMatch(seconds.body, /You rated it/);
    assert.ok(testApp.app.pageCache.memberHits >= hits + 1);
  });
});
