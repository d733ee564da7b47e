/**
 * Page weight: every public page stays light enough for a cheap phone on a slow network. The home
 * page and, for every area, its list, a search and the page of each published demo item, in every
 * locale for the shared pages, are fetched as a browser would (Accept-Encoding: br, gzip) with the
 * stylesheets, scripts and images they reference, and measured as sent over the wire.
 *
 * A new area adds one line to AREAS.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { loadDemoContent } from './features/demo/service.ts';
import { LOCALES } from './platform/i18n.ts';
import { startTestApp, type TestApp } from './test/app.ts';

const MAX_PAGE_BYTES = 100 * 1024;
const MAX_SCRIPT_BYTES = 20 * 1024;
const ACCEPT_ENCODING = 'br, gzip';

interface Area {
  /** Path of its list, under the locale: `/practices`. */
  path: string;
  /** Its table, for the slugs of its published items. */
  table: string;
  /** A word that the demo content matches. */
  searchWord: string;
}

const AREAS: readonly Area[] = [
  { path: '/practices', table: 'practices', searchWord: 'housing' },
  { path: '/resources', table: 'resources', searchWord: 'housing' },
  { path: '/events', table: 'events', searchWord: 'housing' },
  { path: '/myths', table: 'myths', searchWord: 'emploi' },
];

let testApp: TestApp;
before(async () => {
  testApp = await startTestApp();
  await loadDemoContent(testApp.deps, { adminPassword: 'page-weight-demo-password' });
});
after(() => testApp.close());

interface Fetched {
  status: number;
  /** Bytes of the body as sent, compressed where the server compressed it. */
  bytes: number;
  text: string;
}

async function fetchAsBrowser(url: string): Promise<Fetched> {
  const response = await testApp.app.inject({ method: 'GET', url, headers: { 'accept-encoding': ACCEPT_ENCODING } });
  const encoding = String(response.headers['content-encoding'] ?? '');
  const decoded = await testApp.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
  assert.ok(encoding === '' || encoding === 'br' || encoding === 'gzip', `${url} is sent as ${encoding}`);
  return { status: response.statusCode, bytes: response.rawPayload.length, text: decoded.body };
}

/** Same-site assets a page makes the browser fetch: stylesheets, scripts and images. */
function assetsOf(html: string): { styles: string[]; scripts: string[]; images: string[]; inlineScriptBytes: number } {
  const attribute = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => (match[1] ?? '').replaceAll('&amp;', '&')).filter((url) => url.startsWith('/'));
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    // JSON-LD is data for search engines, not code that runs.
    .filter((match) => !/type="application\/ld\+json"/.test(match[1] ?? ''))
    .reduce((total, match) => total + Buffer.byteLength(match[2] ?? ''), 0);
  return {
    styles: attribute(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
    scripts: attribute(/<script[^>]+src="([^"]+)"/g),
    images: attribute(/<img[^>]+src="([^"]+)"/g),
    inlineScriptBytes: inline,
  };
}

interface Weight {
  url: string;
  total: number;
  script: number;
}

async function weigh(url: string): Promise<Weight> {
  const page = await fetchAsBrowser(url);
  assert.equal(page.status, 200, `${url} answers 200`);
  const assets = assetsOf(page.text);
  const sizes = async (urls: string[]) => (await Promise.all([...new Set(urls)].map(async (asset) => (await fetchAsBrowser(asset)).bytes))).reduce((a, b) => a + b, 0);
  const script = (await sizes(assets.scripts)) + assets.inlineScriptBytes;
  const total = page.bytes + (await sizes(assets.styles)) + (await sizes(assets.images)) + script;
  return { url, total, script };
}

async function publishedSlugs(table: string): Promise<string[]> {
  const result = await sql<{ slug: string }>`SELECT slug FROM ${sql.table(table)} WHERE status = 'published' ORDER BY id`.execute(testApp.deps.db);
  return result.rows.map((row) => row.slug);
}

async function pagesToWeigh(): Promise<string[]> {
  const urls: string[] = [];
  for (const locale of LOCALES) {
    urls.push(`/${locale}/`);
    for (const area of AREAS) urls.push(`/${locale}${area.path}`, `/${locale}${area.path}?q=${encodeURIComponent(area.searchWord)}`);
  }
  for (const area of AREAS) {
    const slugs = await publishedSlugs(area.table);
    assert.ok(slugs.length > 0, `the demo content publishes some ${area.table}`);
    for (const slug of slugs) urls.push(`/en${area.path}/${encodeURIComponent(slug)}`);
    // Right-to-left pages carry their own text: one of them too.
    urls.push(`/ar${area.path}/${encodeURIComponent(slugs[0] as string)}`);
  }
  // Pages of places and people, with every map layer.
  const city = (await sql<{ slug: string }>`SELECT slug FROM cities ORDER BY id LIMIT 1`.execute(testApp.deps.db)).rows[0];
  const member = (await sql<{ handle: string }>`SELECT handle FROM users WHERE listed ORDER BY id LIMIT 1`.execute(testApp.deps.db)).rows[0];
  assert.ok(city && member, 'the demo content has cities and listed members');
  for (const locale of ['en', 'ar']) {
    urls.push(`/${locale}/map`, `/${locale}/map?layer=resources`, `/${locale}/map?layer=members`, `/${locale}/countries/fr`, `/${locale}/cities/${encodeURIComponent(city.slug)}`);
    urls.push(`/${locale}/events/month`, `/${locale}/map?layer=events`);
    urls.push(`/${locale}/community`, `/${locale}/community?q=migration`, `/${locale}/members/${encodeURIComponent(member.handle)}`);
  }
  // Forums, their topics, the dialogue and its threads, the consultations.
  const threads = (await sql<{ path: string }>`
    SELECT '/discuss/' || f.slug AS path FROM forums f
    UNION ALL SELECT '/discuss/' || f.slug || '/' || t.slug FROM forum_topics t JOIN forums f ON f.id = t.forum_id
    UNION ALL SELECT '/dialogues/' || d.slug FROM dialogues d
    UNION ALL SELECT '/dialogues/' || d.slug || '/' || t.slug FROM forum_topics t JOIN dialogues d ON d.id = t.dialogue_id
    UNION ALL SELECT '/consultations/' || slug FROM consultations`.execute(testApp.deps.db)).rows;
  assert.ok(threads.length > 5, 'the demo content has forums, a dialogue and consultations');
  for (const locale of ['en', 'ar']) urls.push(`/${locale}/discuss`, `/${locale}/discuss/search?q=journalists`, ...threads.map((thread) => `/${locale}${thread.path}`));
  // Campaigns, their reports, and the map's campaigns layer.
  const campaigns = (await sql<{ slug: string }>`SELECT slug FROM campaigns ORDER BY id`.execute(testApp.deps.db)).rows;
  assert.ok(campaigns.length >= 3, 'the demo content has campaigns');
  for (const locale of ['en', 'ar']) {
    urls.push(`/${locale}/campaigns`, `/${locale}/map?layer=campaigns`);
    for (const campaign of campaigns) urls.push(`/${locale}/campaigns/${encodeURIComponent(campaign.slug)}`, `/${locale}/campaigns/${encodeURIComponent(campaign.slug)}/report`);
  }
  // Labs, their leaflets and consent notices, and the map's labs layer.
  const labs = (await sql<{ slug: string }>`SELECT slug FROM labs ORDER BY id`.execute(testApp.deps.db)).rows;
  assert.ok(labs.length >= 3, 'the demo content has labs');
  for (const locale of ['en', 'ar']) {
    urls.push(`/${locale}/labs`, `/${locale}/map?layer=labs`, `/${locale}/map?layer=services`);
    for (const lab of labs) urls.push(`/${locale}/labs/${encodeURIComponent(lab.slug)}`, `/${locale}/labs/${encodeURIComponent(lab.slug)}/leaflet`, `/${locale}/labs/${encodeURIComponent(lab.slug)}/consent`);
  }
  return urls;
}

describe('page weight', () => {
  test(`every public page is under ${MAX_PAGE_BYTES / 1024} KB as sent, and under ${MAX_SCRIPT_BYTES / 1024} KB of JavaScript`, async () => {
    const weights: Weight[] = [];
    for (const url of await pagesToWeigh()) weights.push(await weigh(url));
    const heaviest = [...weights].sort((a, b) => b.total - a.total)[0];
    console.log(`page weight: ${weights.length} pages, heaviest ${heaviest?.url} at ${((heaviest?.total ?? 0) / 1024).toFixed(1)} KB`);
    const over = weights.filter((weight) => weight.total > MAX_PAGE_BYTES || weight.script > MAX_SCRIPT_BYTES);
    assert.deepEqual(
      over.map((weight) => `${weight.url}: ${(weight.total / 1024).toFixed(1)} KB, ${(weight.script / 1024).toFixed(1)} KB of script`),
      [],
      'pages over budget',
    );
  });
});
