import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { lastMailTo, startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { checkMythSources } from './link-check.ts';

let testApp: TestApp;
let editor: TestMember;
let author: TestMember;
before(async () => {
  testApp = await startTestApp();
  editor = await createMember(testApp, { role: 'editor', name: 'Edda Editor' });
  author = await createMember(testApp, { name: 'Moussa Author' });
});
after(() => testApp.close());

const fresh = { 'cache-control': 'no-cache' };

function mythForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Migrants take the jobs of local workers',
    fact: 'Migration has a very limited impact on the employment of local workers.',
    explanation: 'Studies across OECD countries find **no lasting effect** on local employment.',
    language: 'en',
    audiences: ['destination_public', 'employers'],
    topics: ['employment'],
    countries: ['FR'],
    sourceTitle: ['Is migration good for the economy?', ''],
    sourcePublisher: ['OECD', ''],
    sourceYear: ['2014', ''],
    sourceUrl: ['https://www.oecd.org/migration/', ''],
    ...overrides,
  };
}

async function propose(member: TestMember, form: Record<string, string | string[]>, action = 'submit') {
  await member.client.get('/en/myths/new');
  return member.client.post('/en/myths', { ...form, action });
}

function slugOf(location: unknown): string {
  const match = /\/myths\/([^?]+)/.exec(String(location));
  if (!match?.[1]) throw new Error(`No myth in ${String(location)}`);
  return decodeURIComponent(match[1]);
}

async function mythCount(): Promise<number> {
  const { rows } = await sql<{ count: number }>`SELECT count(*)::integer AS count FROM myths`.execute(testApp.deps.db);
  return rows[0]?.count ?? 0;
}

describe('myths and facts', () => {
  test('a member proposes a myth with its evidence; an editor publishes it from the shared queue; readers find it in another language', async () => {
    const response = await propose(author, mythForm());
    assert.equal(response.statusCode, 303, response.body);
    const slug = slugOf(response.headers.location);
    const visitor = new TestClient(testApp.app);
    assert.equal((await visitor.get(`/en/myths/${slug}`, fresh)).statusCode, 404, 'hidden until published');
    assert.equal((await visitor.get(`/api/v1/myths/${slug}`, fresh)).statusCode, 404);

    const queue = await editor.client.get('/en/review?kind=myth');
    assert.match(queue.body, /Migrants take the jobs of local workers/);
    assert.match((await lastMailTo(testApp.deps, editor.email))?.subject ?? '', /New myth to review/);

    const review = await editor.client.get(`/en/review/myths/${slug}`);
    assert.equal(review.statusCode, 200);
    const version = /name="version" value="(\d+)"/.exec(review.body)?.[1] ?? '';
    const empty = await editor.client.post(`/en/review/myths/${slug}/decision`, { version, decision: 'decline', message: '' });
    assert.equal(empty.statusCode, 422, 'declining needs a reason');
    const decided = await editor.client.post(`/en/review/myths/${slug}/decision`, { version, decision: 'publish', message: '' });
    assert.equal(decided.statusCode, 303);
    assert.match((await lastMailTo(testApp.deps, author.email))?.subject ?? '', /Published/);

    const page = await visitor.get(`/en/myths/${slug}`, fresh);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /very limited impact/);
    assert.match(page.body, /<strong>no lasting effect<\/strong>/);
    assert.match(page.body, /href="https:\/\/www\.oecd\.org\/migration\/"/);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)?.[1] ?? '{}') as Record<string, unknown>;
    assert.equal(jsonLd['@type'], 'ClaimReview');
    assert.equal(jsonLd.claimReviewed, 'Migrants take the jobs of local workers');

    // A French query finds the English myth through its topic's French label; filters narrow it.
    const french = await visitor.get('/fr/myths?q=emploi', fresh);
    assert.match(french.body, new RegExp(`/fr/myths/${slug}`));
    assert.match((await visitor.get('/en/myths?audience=employers', fresh)).body, new RegExp(slug));
    assert.doesNotMatch((await visitor.get('/en/myths?audience=youth', fresh)).body, new RegExp(`/en/myths/${slug}"`));

    const api = JSON.parse((await visitor.get('/api/v1/myths?country=FR', fresh)).body) as { items: { slug: string; topics: string[] }[] };
    assert.deepEqual(api.items.find((item) => item.slug === slug)?.topics, ['employment']);
    const detail = JSON.parse((await visitor.get(`/api/v1/myths/${slug}`, fresh)).body) as { sources: { publisher: string; year: number }[] };
    assert.deepEqual(detail.sources.map((source) => [source.publisher, source.year]), [['OECD', 2014]]);
    assert.match((await visitor.get('/feeds/myths.atom', fresh)).body, /Migrants take the jobs of local workers/);

    // A translation links back and forth.
    const translated = await propose(editor, mythForm({ title: 'Les migrants prennent les emplois', fact: 'L’effet sur l’emploi local est très limité.', language: 'fr', translationOf: slug }), 'publish');
    assert.equal(translated.statusCode, 303, translated.body);
    const frenchSlug = slugOf(translated.headers.location);
    assert.match((await visitor.get(`/en/myths/${slug}`, fresh)).body, new RegExp(`/en/myths/${frenchSlug}"[^>]*hreflang="fr"`));
    assert.match((await visitor.get(`/en/myths/${frenchSlug}`, fresh)).body, new RegExp(`/en/myths/${slug}"`));

    // A campaign whose message rests on the myth is listed on the myth's page.
    await sql`
      WITH campaign AS (INSERT INTO campaigns (slug, author_id, name, hashtag, starts_on) VALUES ('facts-at-work', ${author.id}, 'Facts at work', '#FactsAtWork', '2026-01-01') RETURNING id),
        message AS (INSERT INTO campaign_messages (campaign_id, audience, language, body) SELECT id, 'employers', 'en', 'Hire on skills.' FROM campaign RETURNING id)
      INSERT INTO campaign_message_myths (message_id, myth_id) SELECT message.id, myths.id FROM message, myths WHERE myths.slug = ${slug}`.execute(testApp.deps.db);
    assert.match((await visitor.get(`/en/myths/${slug}`, fresh)).body, /href="\/en\/campaigns\/facts-at-work"[^>]*>Facts at work<\/a> <span class="muted">#FactsAtWork/);
  });

  test('bad input is refused with a clear error and nothing is saved', async () => {
    const before = await mythCount();
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{ sourceUrl: ['javascript:alert(1)', ''] }, /starting with http:\/\/ or https:\/\//],
      [{ sourceUrl: ['ftp://example.org/report.pdf', ''] }, /starting with http:\/\/ or https:\/\//],
      [{ audiences: [] }, /Choose at least one audience/],
      [{ sourceTitle: ['', ''], sourcePublisher: ['', ''], sourceYear: ['', ''], sourceUrl: ['', ''] }, /Give at least one source/],
      [{ fact: '' }, /Enter the fact that answers the myth/],
      [{ translationOf: 'no-such-myth' }, /No published myth has that address/],
    ];
    for (const [overrides, message] of cases) {
      const response = await propose(author, mythForm(overrides));
      assert.equal(response.statusCode, 422, JSON.stringify(overrides));
      assert.match(response.body, message);
    }
    assert.equal(await mythCount(), before);
  });

  test('the link checker marks a source that no longer answers on the myth page, cached or not', async () => {
    const server = createServer((request, response) => response.writeHead(request.url === '/gone' ? 404 : 200).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const published = await propose(editor, mythForm({ title: 'Refugees never go home', sourceTitle: ['Returns report', 'Old study'], sourcePublisher: ['', ''], sourceYear: ['', ''], sourceUrl: [`${base}/ok`, `${base}/gone`] }), 'publish');
      const slug = slugOf(published.headers.location);
      await sql`UPDATE myth_sources SET link_checked_at = now() WHERE myth_id <> (SELECT id FROM myths WHERE slug = ${slug})`.execute(testApp.deps.db);
      const visitor = new TestClient(testApp.app);
      // Kept by the page cache before the check, as a reader would have it.
      assert.doesNotMatch((await visitor.get(`/en/myths/${slug}`)).body, /did not answer/);
      const result = await checkMythSources(testApp.deps, { allowPrivateAddresses: true, timeoutMs: 5000, batchSize: 2 });
      assert.deepEqual(result, { checked: 2, broken: 1 });
      const page = (await visitor.get(`/en/myths/${slug}`)).body;
      assert.match(page, /Old study<\/a>.*this link did not answer when last checked/s);
      assert.doesNotMatch(page, /Returns report<\/a>[^<]*<span class="muted">/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
