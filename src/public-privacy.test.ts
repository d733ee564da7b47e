import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { RouteOptions } from 'fastify';
import { sql } from 'kysely';
import { loadDemoContent } from './features/demo/service.ts';
import { LOCALES } from './platform/i18n.ts';
import { startTestApp, TestClient, type TestApp } from './test/app.ts';

/**
 * What a visitor who is not signed in can reach: every public page, the API, the feeds and the
 * exports, found the way a crawler would (following links from each locale's home page) and from
 * the app's own list of routes (so a page nothing links to yet is walked too). The demo content
 * fills every area, and every member's private data is planted with markers: no email address of
 * any member and no marker may appear in anything the walk reads.
 */

const MARKER = `private-${randomUUID().slice(0, 8)}`;
/** Enough to reach every kind of page in every locale; each path is read with at most a few queries. */
const MAX_REQUESTS = 3_000;
const VARIANTS_PER_PATH = 2;
const TEXT_TYPES = /^(text\/|application\/(json|xml|atom\+xml|rss\+xml|ld\+json|problem\+json|geo\+json)|image\/svg)/;

const routes: RouteOptions[] = [];
let testApp: TestApp;
let secrets: string[] = [];

/** Private values written into every field that is not for the public, on every member and item. */
async function plantPrivateData(testApp: TestApp): Promise<string[]> {
  const { db } = testApp.deps;
  await sql`UPDATE users SET email = 'member-' || id || '.${sql.raw(MARKER)}@example.org' WHERE email IS NOT NULL`.execute(db);
  // Profile fields the member did not make public: written, but kept private.
  await sql`UPDATE users SET job_title = ${`${MARKER} job`}, bio = ${`${MARKER} bio`}, website = ${`https://${MARKER}.example.org/`},
              public_fields = array_remove(array_remove(array_remove(public_fields, 'jobTitle'), 'bio'), 'website')`.execute(db);
  // What only the two members of a conversation, or the editors, may read.
  await sql`UPDATE messages SET body = body || ${` ${MARKER} message`}`.execute(db);
  await sql`UPDATE city_keepers SET note = ${`${MARKER} keeper note`}`.execute(db);
  await sql`UPDATE practices SET contact_name = ${`${MARKER} contact`}, contact_email = ${`${MARKER}.contact@example.org`}, contact_public = false`.execute(db);
  // Join links are for registered people; who registered, and their codes, for the organisers.
  await sql`UPDATE events SET join_url = ${`https://${MARKER}.example.org/join`} WHERE format <> 'in_person'`.execute(db);
  const event = await db.selectFrom('events').select(['id', 'author_id']).where('status', '=', 'published').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await db.insertInto('event_registrations').values({ event_id: event.id, user_id: null, email: `${MARKER}.visitor@example.org`, name: `${MARKER} visitor`, status: 'confirmed', code: 'PRIV8X', queued_at: new Date() }).execute();
  await db.insertInto('events').values({
    slug: `draft-${MARKER}`, status: 'submitted', author_id: event.author_id, title: `${MARKER} draft event`, starts_at: new Date(Date.now() + 86_400_000), ends_at: new Date(Date.now() + 90_000_000), time_zone: 'UTC', format: 'online',
  }).execute();
  // Consultation comments the chair has not published, posts waiting for a moderator or removed.
  await sql`UPDATE consultation_comments SET body = body || ${` ${MARKER} comment`} WHERE status <> 'published'`.execute(db);
  await sql`
    INSERT INTO consultation_comments (consultation_id, question_id, author_id, body, author_name, status)
    SELECT q.consultation_id, q.id, ${event.author_id}, ${`${MARKER} pending comment`}, ${`${MARKER} commenter`}, 'pending'
    FROM consultation_questions q JOIN consultations c ON c.id = q.consultation_id WHERE c.state = 'open' LIMIT 1`.execute(db);
  await sql`
    INSERT INTO comments (kind, subject_id, author_id, body, held_at)
    SELECT 'forum_topic', id, ${event.author_id}, ${`${MARKER} held post https://spam.example`}, now() FROM forum_topics WHERE forum_id IS NOT NULL LIMIT 1`.execute(db);
  await sql`
    INSERT INTO comments (kind, subject_id, author_id, body, removed_at, removed_reason)
    SELECT 'forum_topic', id, ${event.author_id}, ${`${MARKER} removed post`}, now(), 'Off topic' FROM forum_topics WHERE dialogue_id IS NOT NULL LIMIT 1`.execute(db);
  // A myth waiting for the editors, with its evidence.
  await sql`
    WITH draft AS (INSERT INTO myths (slug, status, author_id, title, fact) VALUES (${`draft-myth-${MARKER}`}, 'submitted', ${event.author_id}, ${`${MARKER} draft myth`}, ${`${MARKER} draft fact`}) RETURNING id)
    INSERT INTO myth_sources (myth_id, position, title, url) SELECT id, 1, ${`${MARKER} source`}, 'https://example.org/' FROM draft`.execute(db);
  // Supporters who did not agree to be named, visitors' addresses, and a support not confirmed yet.
  await sql`UPDATE campaign_supporters SET name = ${`${MARKER} supporter`} WHERE NOT show_name`.execute(db);
  await sql`
    INSERT INTO campaign_supporters (campaign_id, email, name, show_name, confirmed_at)
    SELECT id, ${`${MARKER}.supporter@example.org`}, ${`${MARKER} visitor supporter`}, false, now() FROM campaigns ORDER BY id LIMIT 1`.execute(db);
  await sql`
    INSERT INTO campaign_supporters (campaign_id, email, name, show_name)
    SELECT id, ${`${MARKER}.pending@example.org`}, ${`${MARKER} pending supporter`}, true FROM campaigns ORDER BY id DESC LIMIT 1`.execute(db);
  // Participants of the labs are known by their codes: none may reach a public page.
  const participants = (await sql<{ code: string }>`SELECT code FROM lab_participants`.execute(db)).rows;
  assert.ok(participants.length > 20, 'the demo labs have participants');
  const codes = await db.selectFrom('event_registrations').select('code').execute();
  const emails = await db.selectFrom('users').select('email').where('email', 'is not', null).execute();
  return [MARKER, ...emails.flatMap((row) => (row.email ? [row.email] : [])), ...codes.map((row) => `code: ${row.code}`), ...codes.map((row) => `"${row.code}"`), ...participants.map((row) => row.code)];
}

/** Real values for the path parameters of public routes, by the parameter's name. */
async function knownParameterValues(testApp: TestApp): Promise<Map<string, string[]>> {
  const { db } = testApp.deps;
  const practices = await db.selectFrom('practices').select('slug').where('status', '=', 'published').limit(5).execute();
  const resources = await db.selectFrom('resources').select('slug').where('status', '=', 'published').limit(5).execute();
  const members = await db.selectFrom('users').select('handle').where('deleted_at', 'is', null).limit(5).execute();
  const cities = await db.selectFrom('cities').select('slug').limit(3).execute();
  const organisations = await db.selectFrom('organisations').select('slug').limit(3).execute();
  const partnerships = await db.selectFrom('partnerships').select('id').limit(3).execute();
  const events = await db.selectFrom('events').select('slug').where('status', '=', 'published').limit(5).execute();
  const myths = (await sql<{ slug: string }>`SELECT slug FROM myths WHERE status = 'published' ORDER BY id LIMIT 4`.execute(db)).rows;
  const campaigns = (await sql<{ slug: string }>`SELECT slug FROM campaigns ORDER BY id`.execute(db)).rows;
  const labs = (await sql<{ slug: string }>`SELECT slug FROM labs ORDER BY id`.execute(db)).rows;
  const forums = (await sql<{ slug: string }>`SELECT slug FROM forums ORDER BY id LIMIT 3`.execute(db)).rows;
  const topics = (await sql<{ slug: string }>`SELECT slug FROM forum_topics ORDER BY id LIMIT 6`.execute(db)).rows;
  const timed = (await sql<{ slug: string }>`SELECT slug FROM dialogues UNION ALL SELECT slug FROM consultations`.execute(db)).rows;
  const feeds = (await sql<{ name: string }>`
    SELECT 'forum-' || slug || '.atom' AS name FROM forums UNION ALL SELECT 'topic-' || slug || '.atom' FROM forum_topics UNION ALL SELECT 'consultation-' || slug || '.atom' FROM consultations`.execute(db)).rows;
  const countries = await db.selectFrom('practices').select(sql<string>`unnest(countries)`.as('country')).where('status', '=', 'published').limit(3).execute();
  return new Map<string, string[]>([
    ['locale', [...LOCALES]],
    ['slug', [...practices, ...resources, ...cities, ...organisations, ...events, ...timed, ...myths, ...campaigns, ...labs].map((row) => row.slug)],
    ['forum', forums.map((row) => row.slug)],
    ['topic', topics.map((row) => row.slug)],
    ['name', feeds.map((row) => row.name)],
    ['id', partnerships.map((row) => String(row.id))],
    ['handle', members.map((row) => row.handle)],
    ['iso2', countries.map((row) => row.country.toLowerCase())],
  ]);
}

/** The URLs of a GET route with its parameters filled by known values; none when one has no value. */
function urlsOfRoute(route: RouteOptions, values: Map<string, string[]>): string[] {
  let urls = [route.url];
  for (const name of route.url.match(/:[A-Za-z0-9_]+/g) ?? []) {
    const choices = values.get(name.slice(1));
    if (!choices || choices.length === 0) return [];
    urls = urls.flatMap((url) => choices.map((choice) => url.replace(name, encodeURIComponent(choice))));
  }
  return urls.filter((url) => !url.includes('*'));
}

const LINK = /(?:href|src|action)="([^"#]+)"/g;

function linksOf(body: string): string[] {
  return [...body.matchAll(LINK)].flatMap((match) => {
    const href = (match[1] ?? '').replaceAll('&amp;', '&');
    if (!href.startsWith('/') || href.startsWith('//')) return [];
    return [href];
  });
}

before(async () => {
  testApp = await startTestApp({ onRoute: (route) => routes.push(route) });
  const demo = await loadDemoContent(testApp.deps);
  assert.equal(demo.loaded, true);
  secrets = await plantPrivateData(testApp);
});
after(() => testApp.close());

test('no email address or private field reaches any public page, API answer, feed or export', async () => {
  const visitor = new TestClient(testApp.app);
  const values = await knownParameterValues(testApp);
  const routeUrls = routes
    .filter((route) => (Array.isArray(route.method) ? route.method.includes('GET') : route.method === 'GET'))
    .flatMap((route) => urlsOfRoute(route, values));
  const queue = [...LOCALES.map((locale) => `/${locale}/`), ...routeUrls];
  const seen = new Set<string>();
  const variants = new Map<string, number>();
  const read: string[] = [];
  const leaks: string[] = [];
  while (queue.length > 0 && read.length < MAX_REQUESTS) {
    const url = queue.shift() as string;
    const path = url.split('?')[0] as string;
    if (seen.has(url) || (variants.get(path) ?? 0) >= VARIANTS_PER_PATH) continue;
    seen.add(url);
    variants.set(path, (variants.get(path) ?? 0) + 1);
    const response = await visitor.get(url);
    if (response.statusCode >= 500) leaks.push(`${url} answered ${response.statusCode}`);
    if (response.statusCode !== 200) continue;
    read.push(url);
    if (!TEXT_TYPES.test(String(response.headers['content-type'] ?? ''))) continue;
    const body = response.body;
    for (const secret of secrets) if (body.includes(secret)) leaks.push(`${url} shows ${secret}`);
    queue.push(...linksOf(body));
  }
  assert.deepEqual(leaks, []);
  // The walk reached the areas it is meant to guard, not only a few pages.
  for (const area of ['/en/practices/', '/en/resources/', '/api/v1/practices', '.atom', '/en/members/', '/en/organisations/', '/en/partnerships/', '/en/countries/', '/en/cities/', '/en/map', '/en/events/', '/api/v1/events', '/events.ics', '/en/discuss/', '/en/dialogues/', '/en/consultations/', '/api/v1/forums', '/feeds/discuss/', '/en/myths/', '/api/v1/myths', '/feeds/myths.atom', '/en/campaigns/', '/api/v1/campaigns', '/feeds/campaigns.atom', '/en/labs/']) {
    assert.ok(read.some((url) => url.includes(area)), `the walk read ${area}`);
  }
  assert.ok(read.length > 100, `the walk read ${read.length} pages`);
});
