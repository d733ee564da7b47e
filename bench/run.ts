/**
 * `npm run bench`: every figure of the performance budget in one run, printed as Markdown, on a
 * fresh embedded PostgreSQL in a temporary folder (never ./data):
 *
 * 1. the first visit of searches (caches off), one at a time and 20 at once, at 10,000 practices;
 * 2. at 100,000 practices and as many resources: the same, the query plans, the pages and searches
 *    under 20 connections (autocannon), the practice, resource and home pages beside Debian's nginx
 *    serving the same HTML as static files (anonymous and signed in), 1 then 2 app processes behind
 *    nginx as a load balancer, and a 10-minute mixed load with the server's resident memory sampled;
 * 3. `npm run cli -- demo:load --practices 1000000` into a fresh DATA_DIR, timed, then the first
 *    visits of searches at 1,000,000.
 *
 *   npm run bench                              the whole run (about 40 minutes)
 *   npm run bench -- --readme                  also write the report into README.md ("Performance")
 *   npm run bench -- --plans bench/search-plans.txt
 *                                              also write EXPLAIN (ANALYZE, BUFFERS) of the search
 *   npm run bench -- --only compare            one part at the main scale: compare, processes, soak,
 *                                              pages (the autocannon scenarios), search (first visits) or
 *                                              community (directory, map and digest run)
 *                                              events (list, month, calendar file, concurrent registrations)
 *                                              discuss (a topic of 500 posts, the forum search)
 *                                              labs (the network's suppressed indicator tables)
 *   npm run bench -- --posts 200000            forum posts for the discuss part (200,000)
 *   npm run bench -- --practices 20000         the main scale (100,000)
 *   npm run bench -- --members 20000           listed members for the community part (20,000)
 *   npm run bench -- --events 20000            published events for the events part (20,000)
 *   npm run bench -- --curve 10000,1000000     the other scales of the search curve ('' for none)
 *   npm run bench -- --duration 5              seconds per scenario (15)
 *   npm run bench -- --soak 1 --sample-seconds 10
 *                                              minutes of mixed load, and how often memory is sampled
 *   npm run bench -- --profile /tmp/prof       the server writes a CPU profile there (node --cpu-prof) when it stops
 *
 * Numbers from here never become assertions in tests: they depend on the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'kysely';
import { createDb, type Db } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadSyntheticPractices } from '../src/features/practices/synthetic.ts';
import { loadSyntheticResources } from '../src/features/resources/index.ts';
import { practiceFacets, readSearchRequest } from '../src/features/practices/search-params.ts';
import { PRACTICE_SEARCH_KIND, resultPageQuery } from '../src/features/practices/search-queries.ts';
import { searchService } from '../src/features/practices/search-service.ts';
import { hashToken, newToken } from '../src/lib/tokens.ts';
import { SESSION_COOKIE } from '../src/platform/sessions.ts';
import { balance, serveStatic } from './nginx.ts';
import { allContentKinds } from '../src/content-kinds.ts';
import { communityService, loadSyntheticMembers } from '../src/features/community/index.ts';
import { notificationsService } from '../src/features/follows/index.ts';
import { organisationsService } from '../src/features/organisations/index.ts';
import { partnershipsService } from '../src/features/partnerships/index.ts';
import { eventsService, loadSyntheticEvents } from '../src/features/events/index.ts';
import { campaignReportPdf, cardPng, campaignsService } from '../src/features/campaigns/index.ts';
import { labsService } from '../src/features/labs/index.ts';
import { publishCrossTable } from '../src/lib/small-cells.ts';
import { mythsService } from '../src/features/myths/index.ts';
import { accountService } from '../src/features/accounts/service.ts';
import { discussServices, loadSyntheticForums } from '../src/features/discuss/index.ts';
import { engagementService } from '../src/engagement/index.ts';
import { practiceService } from '../src/features/practices/service.ts';
import { samplePractice } from '../src/features/practices/fixtures.ts';
import { worldwideService } from '../src/features/worldwide/service.ts';
import { loadConfig } from '../src/config.ts';
import { createJobs } from '../src/platform/jobs/index.ts';
import { createMailer, MAIL_QUEUE } from '../src/platform/mail.ts';
import { facetCountsQuery, parseQuery, prepareSearch, searchTuning, type MatchPlan } from '../src/search/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    practices: { type: 'string', default: '100000' },
    members: { type: 'string', default: '20000' },
    events: { type: 'string', default: '20000' },
    posts: { type: 'string', default: '200000' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '20' },
    readme: { type: 'boolean', default: false },
    only: { type: 'string' },
    curve: { type: 'string', default: '10000,1000000' },
    profile: { type: 'string' },
    plans: { type: 'string' },
    soak: { type: 'string', default: '10' },
    'sample-seconds': { type: 'string', default: '60' },
  },
});
const PRACTICES = Number(options.practices);
const MEMBERS = Number(options.members);
const EVENTS = Number(options.events);
const POSTS = Number(options.posts);
/** Pages of the community and the map under load: each computed once, then served from the page cache. */
const COMMUNITY_SCENARIOS: [string, string[]][] = [
  ['directory, no query', ['/en/community']],
  ['directory, a word and two filters', ['/en/community?q=migrant&country=FR&topic=employment']],
  ['directory, 100 different searches (first visits included)', ['migrant', 'diallo', 'emploi', 'integration', 'costa'].flatMap((word) => ['FR', 'ES', 'PT', 'DE', 'IT', 'SN', 'MA', 'EC', 'MX', 'CA', 'JO', 'LB', 'TR', 'GB', 'NL', 'SE', 'BR', 'KE', 'NG', 'PH'].map((country) => `/en/community?q=${word}&country=${country}`))],
  ['map, practices', ['/en/map']],
  ['map, practices with a filter', ['/en/map?topic=housing']],
  ['map, listed members', ['/en/map?layer=members']],
  ['country page', ['/en/countries/fr']],
];
const DURATION = Number(options.duration);
const CONNECTIONS = Number(options.connections);

interface Row {
  scenario: string;
  path: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`The server stopped with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The server did not start in two minutes');
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** A request of a mixed load: an address, and a member's cookie for a signed-in one. */
interface Target {
  path: string;
  headers?: Record<string, string>;
}

/** One autocannon run; `paths` are taken in turn, one per request. Percentiles from every response. */
async function measure(base: string, scenario: string, paths: readonly (string | Target)[], headers: Record<string, string> = {}, seconds = DURATION): Promise<Row> {
  let next = 0;
  const times: number[] = [];
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const chosen = paths[next % paths.length] as string | Target;
          next += 1;
          if (typeof chosen === 'string') return { ...request, path: chosen };
          return { ...request, path: chosen.path, headers: { ...request.headers, ...chosen.headers } };
        },
      },
    ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await done;
  times.sort((a, b) => a - b);
  const ms = (value: number) => Math.round(value * 10) / 10;
  return {
    scenario,
    path: paths.length === 1 && typeof paths[0] === 'string' ? paths[0] : `${paths.length} different addresses`,
    requests: result.requests.total,
    rps: result.requests.total / seconds,
    p50: ms(percentile(times, 50)),
    p95: ms(percentile(times, 95)),
    p99: ms(percentile(times, 99)),
    errors: result.errors + result.non2xx,
  };
}

function table(rows: readonly Row[]): string {
  const lines = [
    '| scenario | address | req/s | p50 ms | p95 ms | p99 ms | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.scenario} | \`${row.path}\` | ${Math.round(row.rps)} | ${row.p50} | ${row.p95} | ${row.p99} | ${row.errors} |`,
    ),
  ];
  return lines.join('\n');
}

interface Comparison {
  page: string;
  paths: string[];
  /** Sent by the app's side only: the static copy is what that visitor was sent. */
  headers?: Record<string, string>;
  /** Share of nginx's requests per second that the app must reach (issue 8). */
  target: number;
}

interface Compared {
  page: string;
  addresses: number;
  app: Row;
  nginx: Row;
  target: number;
}

/** A signed-in member, straight into the database as the tests make them: their session cookie. */
async function memberCookie(db: Db): Promise<string> {
  const token = newToken();
  const user = await db
    .insertInto('users')
    .values({ handle: `bench-member-${Date.now()}`, email: `bench-member-${Date.now()}@example.org`, name: 'Bench Member', role: 'member', email_verified_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('sessions').values({ id_hash: hashToken(token), user_id: user.id, expires_at: new Date(Date.now() + 86_400_000) }).execute();
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * The member's cookies as their browser holds them after a first page: the session and the CSRF
 * secret the app set (without it, each page would make a new secret and set it again).
 */
async function browserCookies(base: string, sessionCookie: string): Promise<string> {
  const response = await fetch(`${base}/en/`, { headers: { cookie: sessionCookie } });
  const set = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).filter((pair) => pair !== undefined);
  return [sessionCookie, ...set].join('; ');
}

/**
 * Each page measured on the app, then as static files on nginx holding the HTML the app sent for
 * the same addresses, one after the other in this run: requests per second and their ratio.
 */
async function compareWithNginx(base: string, comparisons: readonly Comparison[]): Promise<{ rows: Compared[]; version: string }> {
  const files = new Map<string, string>();
  const staticPaths = (comparison: Comparison, index: number) => comparison.paths.map((address) => `/c${index}${address.endsWith('/') ? `${address}index.html` : address}`);
  for (const [index, comparison] of comparisons.entries()) {
    const saved = staticPaths(comparison, index);
    for (const [i, address] of comparison.paths.entries()) {
      const response = await fetch(`${base}${address}`, { headers: comparison.headers ?? {} });
      if (!response.ok) throw new Error(`${address} answered ${response.status}`);
      files.set(saved[i] as string, await response.text());
    }
  }
  const site = await serveStatic(files, await freePort());
  const rows: Compared[] = [];
  try {
    for (const [index, comparison] of comparisons.entries()) {
      const nginx = await measure(site.base, `${comparison.page} (nginx)`, staticPaths(comparison, index));
      const app = await measure(base, comparison.page, comparison.paths, comparison.headers);
      const ratio = app.rps / nginx.rps;
      console.log(`${comparison.page}: app ${Math.round(app.rps)} req/s, nginx ${Math.round(nginx.rps)} req/s, ratio ${(ratio * 100).toFixed(1)}% (target ${comparison.target * 100}%)`);
      rows.push({ page: comparison.page, addresses: comparison.paths.length, app, nginx, target: comparison.target });
    }
  } finally {
    await site.stop();
  }
  return { rows, version: site.version };
}

function comparisonTable(rows: readonly Compared[]): string {
  return [
    '| page | addresses | app req/s | app p50 ms | nginx req/s | nginx p50 ms | app / nginx | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.page} | ${row.addresses} | ${Math.round(row.app.rps)} | ${row.app.p50} | ${Math.round(row.nginx.rps)} | ${row.nginx.p50} | ${((row.app.rps / row.nginx.rps) * 100).toFixed(1)}% | ${row.target * 100}% ${row.app.rps / row.nginx.rps >= row.target ? 'met' : 'missed'} |`,
    ),
  ].join('\n');
}

interface FirstVisit {
  query: string;
  p50: number;
  p95: number;
  /** p95 while CONNECTIONS searches run at once. */
  p95Concurrent: number;
}

const FIRST_VISIT_QUERIES = ['q=housing', 'q=emploi', 'q=housing&topic=employment&country=FR', 'q=welcom+deskz', 'topic=employment&country=FR', ''];

/**
 * The cost of a search's first visit: on the service (what the search page and the API both call)
 * with its caches off, one search at a time, then CONNECTIONS at once on a pool of the app's size.
 */
async function firstVisits(url: string, rounds: number): Promise<FirstVisit[]> {
  const db = createDb(url);
  const service = searchService({ db });
  searchTuning.cache = false;
  const codes = await service.termCodes();
  const rows: FirstVisit[] = [];
  try {
    for (const query of FIRST_VISIT_QUERIES) {
      const params = new URLSearchParams(query);
      const raw = Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)]));
      const request = readSearchRequest(raw, codes, 1);
      rows.push(await timedCalls(query || '(no query)', () => service.search(request), rounds));
    }
  } finally {
    searchTuning.cache = true;
    await db.destroy();
  }
  return rows;
}

const DIRECTORY_QUERIES = ['q=migrant', 'q=diallo', 'q=emploi', 'country=FR&topic=employment', 'q=integration&language=fr&stakeholder=civil_society', ''];
const MAP_QUERIES = ['', 'topic=housing', 'topic=employment&dimension=socio_economic', 'layer=members', 'layer=resources', 'layer=organisations'];

/** One call timed alone `rounds` times, then CONNECTIONS at once `rounds` times: a first visit's cost. */
async function timedCalls(query: string, call: () => Promise<unknown>, rounds: number): Promise<FirstVisit> {
  const timed = async () => {
    const started = performance.now();
    await call();
    return performance.now() - started;
  };
  await timed();
  const alone: number[] = [];
  for (let i = 0; i < rounds; i += 1) alone.push(await timed());
  const together: number[] = [];
  for (let i = 0; i < rounds; i += 1) together.push(...(await Promise.all(Array.from({ length: CONNECTIONS }, timed))));
  alone.sort((a, b) => a - b);
  together.sort((a, b) => a - b);
  const row = { query: query || '(none)', p50: Math.round(percentile(alone, 50)), p95: Math.round(percentile(alone, 95)), p95Concurrent: Math.round(percentile(together, 95)) };
  console.log(`${query || '(none)'}: p50 ${row.p50} ms, p95 ${row.p95} ms, p95 with ${CONNECTIONS} at once ${row.p95Concurrent} ms`);
  return row;
}

/**
 * The first visit of a directory search and of the map (everything computed, as when the page
 * cache has nothing): on the services the pages call, one at a time and CONNECTIONS at once.
 */
async function communityFirstVisits(url: string, rounds: number): Promise<{ directory: FirstVisit[]; map: FirstVisit[] }> {
  const db = createDb(url);
  const deps = { db };
  const search = searchService({ db });
  const community = communityService(deps);
  const kinds = allContentKinds();
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const jobs = createJobs({ connectionString: url, maxConnections: 2 });
  const mailer = createMailer({ db, jobs, config });
  const world = worldwideService(deps, search, { organisations: organisationsService({ db, mailer, config }, kinds), partnerships: partnershipsService(deps), events: eventsService({ db, mailer, config, jobs }), campaigns: campaignsService({ db, mailer, config }), labs: labsService(deps) });
  const asRaw = (query: string) => {
    const params = new URLSearchParams(query);
    return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)]));
  };
  try {
    const directory: FirstVisit[] = [];
    for (const query of DIRECTORY_QUERIES) {
      const raw = asRaw(query);
      directory.push(await timedCalls(query, async () => community.directory(await community.directoryQuery({ ...raw, q: raw.q?.[0] }), 1), rounds));
    }
    const map: FirstVisit[] = [];
    for (const query of MAP_QUERIES) {
      const raw = asRaw(query);
      map.push(await timedCalls(query, () => world.map({ ...raw, layer: raw.layer?.[0] }), rounds));
    }
    return { directory, map };
  } finally {
    await db.destroy();
  }
}

/**
 * A daily digest run for every member with a digest, of whom `withNews` follow a country where a
 * practice was just published: the time of the run and the mails it queued, then of a run with
 * nothing new.
 */
async function digestRun(url: string, withNews: number): Promise<{ members: number; seconds: number; mails: number; idleSeconds: number }> {
  const db = createDb(url);
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const jobs = createJobs({ connectionString: url, maxConnections: 3 });
  const mailer = createMailer({ db, jobs, config });
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  await jobs.start(silent);
  try {
    const notifications = notificationsService({ db, mailer, config, kinds: allContentKinds() });
    await sql`INSERT INTO follows (user_id, target_kind, target_key)
              SELECT id, 'country', 'IS' FROM users WHERE digest_frequency = 'daily' ORDER BY id LIMIT ${withNews}`.execute(db);
    await practiceService({ db, mailer, config, jobs }).create(samplePractice({ title: 'Welcome desks in Reykjavík', countries: ['IS'], city: null }), { authorId: null, status: 'published' });
    const members = Number((await sql<{ count: string }>`SELECT count(*) AS count FROM users WHERE digest_frequency = 'daily'`.execute(db)).rows[0]?.count ?? 0);
    const before = Number((await sql<{ count: string }>`SELECT count(*) AS count FROM outbox`.execute(db)).rows[0]?.count ?? 0);
    let started = performance.now();
    const run = await notifications.runDigests('daily');
    const seconds = (performance.now() - started) / 1000;
    const after = Number((await sql<{ count: string }>`SELECT count(*) AS count FROM outbox`.execute(db)).rows[0]?.count ?? 0);
    started = performance.now();
    await notifications.runDigests('daily');
    const idleSeconds = (performance.now() - started) / 1000;
    console.log(`digest run: ${members} members with a daily digest, ${run.mails} mails (${after - before} in the outbox) in ${seconds.toFixed(2)} s; a run with nothing new: ${idleSeconds.toFixed(3)} s`);
    await jobs.whenIdle([MAIL_QUEUE], { timeoutMs: 60_000 });
    return { members, seconds, mails: after - before, idleSeconds };
  } finally {
    await jobs.stop();
    await db.destroy();
  }
}

const EVENT_QUERIES = ['', 'country=FR', 'attendance=online&topic=housing', 'language=fr&attendance=in_person', 'when=past'];

/**
 * Events at scale: first visits of the list (upcoming and past, with filters), of the month view
 * and of the calendar file, then `registrants` members registering at once for `seats` seats.
 */
async function eventsRun(url: string, registrants: number, seats: number): Promise<string> {
  const db = createDb(url, { max: 20 });
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const jobs = createJobs({ connectionString: url, maxConnections: 3 });
  const mailer = createMailer({ db, jobs, config });
  await jobs.start({ debug() {}, info() {}, warn() {}, error() {} });
  try {
    let started = performance.now();
    const loaded = await loadSyntheticEvents(db, { count: EVENTS });
    console.log(`${loaded} events loaded (${Math.round((performance.now() - started) / 1000)} s)`);
    const service = eventsService({ db, mailer, config, jobs });
    const list: FirstVisit[] = [];
    for (const query of EVENT_QUERIES) {
      const raw = Object.fromEntries(new URLSearchParams(query));
      list.push(await timedCalls(query, async () => {
        const { query: parsed, filters } = await service.queryOf(raw);
        return service.list(filters, parsed.when, 1);
      }, 10));
    }
    const today = new Date();
    list.push(await timedCalls('month view', () => service.month({}, today.getUTCFullYear(), today.getUTCMonth() + 1), 10));
    list.push(await timedCalls('/events.ics (500 upcoming)', () => service.calendar({}, 'en', 'Bridges events', 500), 10));

    const event = await db.selectFrom('events').select(['id', 'slug']).where('status', '=', 'published').where('starts_at', '>', new Date()).where('recurrence', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('events').set({ capacity: seats, registration_deadline: null }).where('id', '=', event.id).execute();
    await db.deleteFrom('event_registrations').where('event_id', '=', event.id).execute();
    const users = await db
      .insertInto('users')
      .values(Array.from({ length: registrants }, (_, index) => ({ handle: `bench-registrant-${index}`, email: `registrant-${index}@bench.example`, name: `Registrant ${index}`, email_verified_at: new Date() })))
      .returning(['id', 'handle', 'name', 'email'])
      .execute();
    started = performance.now();
    await Promise.all(users.map((user) => service.seats.registerMember(
      { id: user.id, handle: user.handle, name: user.name ?? '', email: user.email ?? '', role: 'member', emailVerified: true, twoFactorEnabled: false, timeZone: 'UTC', unreadNotifications: 0, followsVersion: 0 },
      event.slug,
      'en',
    )));
    const seconds = (performance.now() - started) / 1000;
    const counts = await db.selectFrom('event_registrations').select(['status', (eb) => eb.fn.countAll<string>().as('count')]).where('event_id', '=', event.id).groupBy('status').execute();
    const count = (status: string) => Number(counts.find((row) => row.status === status)?.count ?? 0);
    console.log(`${registrants} registrations at once for ${seats} seats: ${seconds.toFixed(2)} s; ${count('confirmed')} seats, ${count('waiting')} waiting`);
    return [
      `Events at ${loaded.toLocaleString('en')} published events (one in five a weekly series of eight), first visits on the services the pages call (everything computed, as when no cache holds the page), ten times one at a time and ten times ${CONNECTIONS} at once. Lists read \`event_occurrences\` through its index on the start, joined to the published events and filtered on their columns.`,
      timedTable('events', list),
      '',
      `${registrants} members registering at once for one event of ${seats} seats (each registration takes the event's row lock, counts the seats, writes the registration and its mail in one transaction): ${seconds.toFixed(2)} s in all, ${(seconds * 1000 / registrants).toFixed(1)} ms a registration; ${count('confirmed')} seats taken and ${count('waiting')} on the waiting list, as they came.`,
    ].join('\n');
  } finally {
    await jobs.stop();
    await db.destroy();
  }
}

const FORUM_SEARCHES = ['integration', 'housing language', 'logement', 'empleo jóvenes', 'integration&forum=bench-forum-3', 'mediation&language=fr'];

/**
 * Discuss at scale: a topic of 500 posts (its first and last pages, and a member's unread count
 * and first unread post) and the forum search, at POSTS forum posts, with the search caches off.
 */
async function discussRun(url: string): Promise<string> {
  const db = createDb(url, { max: 20 });
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const jobs = createJobs({ connectionString: url, maxConnections: 3 });
  const mailer = createMailer({ db, jobs, config });
  try {
    const started = performance.now();
    const loaded = await loadSyntheticForums(db, { posts: POSTS, longTopic: 500 });
    console.log(`${loaded.posts} forum posts loaded (${Math.round((performance.now() - started) / 1000)} s)`);
    const services = discussServices({ db, jobs, mailer, config }, engagementService({ db, kinds: allContentKinds() }));
    const reader = await db.selectFrom('users').select(['id', 'handle']).where('handle', '=', 'forum-poster-7').executeTakeFirstOrThrow();
    const member = { id: reader.id, handle: reader.handle, name: 'Poster 7', email: 'poster-7@bench.example', role: 'member' as const, emailVerified: true, twoFactorEnabled: false, timeZone: 'UTC', unreadNotifications: 0, followsVersion: 0 };
    const thread = await services.forums.thread(null, loaded.longTopicSlug, 1);
    const rows: FirstVisit[] = [
      await timedCalls(`topic of ${thread.topic.post_count} posts, page 1`, () => services.forums.thread(null, loaded.longTopicSlug, 1), 10),
      await timedCalls(`topic of ${thread.topic.post_count} posts, last page`, () => services.forums.thread(null, loaded.longTopicSlug, thread.posts.pageCount), 10),
      await timedCalls('forum page of topics with unread counts', async () => {
        const { topics } = await services.forums.forumPage(loaded.forumSlug, 1);
        return services.forums.unread(member, topics.items.map((topic) => topic.id));
      }, 10),
      await timedCalls('first unread post of the long topic', () => services.forums.firstUnread(member, loaded.longTopicSlug), 10),
    ];
    searchTuning.cache = false;
    const searches: FirstVisit[] = [];
    for (const query of FORUM_SEARCHES) {
      const [words, filter] = query.split('&');
      const raw: Record<string, string> = { q: words ?? '' };
      if (filter) {
        const [name, value] = filter.split('=');
        if (name && value) raw[name] = value;
      }
      searches.push(await timedCalls(query, () => services.search.search(raw, 1), 10));
    }
    searchTuning.cache = true;
    return [
      `Discuss at ${loaded.posts.toLocaleString('en')} forum posts (practices' summaries in eight languages, fifty a topic, and one topic of 500 posts), first visits on the services the pages call, ten times one at a time and ten times ${CONNECTIONS} at once. A topic's page reads its posts through the comments' index on (kind, topic, time); the forum search is the shared engine over one search row a post, with the caches off.`,
      '',
      timedTable('topic pages', rows),
      '',
      timedTable('forum search', searches),
    ].join('\n');
  } finally {
    await db.destroy();
  }
}

const CAMPAIGN_SUPPORTERS = 10_000;
const CAMPAIGN_VALUES = 200;

/**
 * Campaigns: what a page and its downloads cost at the sizes a popular campaign reaches
 * (CAMPAIGN_SUPPORTERS confirmed supporters, CAMPAIGN_VALUES recorded values): the campaign as
 * its page reads it, a share card rendered to PNG in English and in Arabic, and the report PDF.
 */
async function campaignsRun(url: string): Promise<string> {
  const db = createDb(url, { max: 20 });
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const jobs = createJobs({ connectionString: url, maxConnections: 3 });
  const mailer = createMailer({ db, jobs, config });
  try {
    const accounts = accountService({ db, mailer, config, jobs });
    const { id, handle } = await accounts.createAccount({ name: 'Bench Campaigner', email: 'campaigner@bench.example', password: 'bench campaigns at scale', organisation: 'Bench', stakeholderType: 'civil_society', country: 'FR', role: 'editor' });
    const member = { id, handle, name: 'Bench Campaigner', email: 'campaigner@bench.example', role: 'editor' as const, emailVerified: true, twoFactorEnabled: false, timeZone: 'UTC', unreadNotifications: 0, followsVersion: 0 };
    const myth = await mythsService({ db, mailer, config }).create(member, { title: 'Migrants are a burden on the economy', fact: 'Migrants produced about 9 per cent of global GDP in 2015.', explanation: '', language: 'en', translationOf: '', countries: [], topics: [], audiences: ['destination_public'], sources: [{ title: 'People on the move', publisher: 'McKinsey Global Institute', year: '2016', url: 'https://www.mckinsey.com/' }] }, 'publish');
    const campaigns = campaignsService({ db, mailer, config });
    const slug = await campaigns.create(member, { name: 'No Walls but Bridges', hashtag: 'NoWallsButBridges', language: 'en', problem: 'Negative attitudes.', objectives: '- A positive narrative', audiences: ['destination_public', 'policymakers'], countries: ['FR'], topics: [], startsOn: '2020-01-01', endsOn: '', budget: '0', budgetCurrency: 'EUR', budgetNote: '', deliverables: '', successFactors: '', results: '', recommendations: '', organisations: '', cities: '' });
    const messages = { en: 'Migrants are 3.4% of the world’s people and produced 9% of global GDP. Build bridges, not walls.', ar: 'يشكّل المهاجرون نحو 3.4 في المئة من سكان العالم، وأنتجوا نحو 9 في المئة من الناتج العالمي.' };
    for (const [language, body] of Object.entries(messages)) await campaigns.addMessage(member, slug, { audience: 'destination_public', language, body, myths: [myth] });
    await campaigns.addIndicator(member, slug, { name: 'Posts shared', unit: 'posts', baseline: '0', target: '100000' });
    await sql`
      INSERT INTO campaign_indicator_values (indicator_id, recorded_on, value)
      SELECT i.id, date '2020-01-01' + n, n * 37 FROM campaign_indicators i, generate_series(1, ${CAMPAIGN_VALUES}) AS n`.execute(db);
    await sql`
      INSERT INTO campaign_supporters (campaign_id, email, name, show_name, confirmed_at)
      SELECT c.id, 'supporter-' || n || '@bench.example', 'Supporter ' || n, n % 3 = 0, now() FROM campaigns c, generate_series(1, ${CAMPAIGN_SUPPORTERS}) AS n`.execute(db);
    const detail = await campaigns.find(slug);
    const card = (language: 'en' | 'ar') => ({ message: messages[language], campaignName: detail.row.name, hashtag: detail.row.hashtag, language });
    const rows: FirstVisit[] = [
      await timedCalls(`campaign as its page reads it (${detail.row.supporter_count.toLocaleString('en')} supporters, ${CAMPAIGN_VALUES} values)`, () => campaigns.find(slug), 10),
      await timedCalls('campaign list, first page', () => campaigns.list({}, 1), 10),
      await timedCalls('share card PNG, English', async () => cardPng(card('en')), 10),
      await timedCalls('share card PNG, Arabic (shaped, right to left)', async () => cardPng(card('ar')), 10),
      await timedCalls('report PDF', () => campaignReportPdf(detail, 'en', 'https://bridges.example/en/campaigns/no-walls'), 10),
    ];
    return [
      `Campaigns: one campaign with ${CAMPAIGN_SUPPORTERS.toLocaleString('en')} confirmed supporters and ${CAMPAIGN_VALUES} recorded values, on the services its pages call, ten times one at a time and ten times ${CONNECTIONS} at once. Share cards and the PDF are CPU work in the request (resvg, pdfkit), kept by the page cache per generation once made.`,
      '',
      timedTable('campaign pages and downloads', rows),
    ].join('\n');
  } finally {
    await jobs.stop();
    await db.destroy();
  }
}

/**
 * The labs' published indicators: small-cell and complementary suppression of the network's tables
 * (labs within countries, by outcome), with the audit that proves no hidden count can be worked out.
 * CPU work on one core, kept by the page cache per generation once made: timed one at a time.
 */
function labsRun(): string {
  let seed = 2019;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const rows = [10, 40, 100].map((labs) => {
    // About 30% of the cells below 5, as in a network of small labs; four labs a country.
    const cells = Array.from({ length: labs }, () => Array.from({ length: 5 }, () => (random() < 0.3 ? Math.floor(random() * 5) : 5 + Math.floor(random() * 60))));
    const groups = Array.from({ length: Math.ceil(labs / 4) }, (_, group) => Array.from({ length: Math.min(4, labs - group * 4) }, (__, k) => group * 4 + k));
    const times: number[] = [];
    let hidden = 0;
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      const published = publishCrossTable({ cells, groups });
      times.push(performance.now() - started);
      hidden = published.cells.flat().filter((value) => value === null).length;
    }
    times.sort((a, b) => a - b);
    console.log(`labs indicators, ${labs} labs: p50 ${Math.round(percentile(times, 50))} ms`);
    return `| ${labs} labs in ${groups.length} countries, 5 outcomes | ${hidden} of ${labs * 5} | ${Math.round(percentile(times, 50))} | ${Math.round(percentile(times, 95))} |`;
  });
  return [
    'Labs: the network\'s outcome table suppressed (small cells, complementary cells, and the audit by linear algebra and linear programmes), five times one at a time on synthetic counts.',
    '',
    '| table | cells hidden | p50 ms | p95 ms |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function timedTable(title: string, rows: readonly FirstVisit[]): string {
  return [
    `| ${title} | p50 ms | p95 ms | p95 with ${CONNECTIONS} at once (ms) |`,
    '| --- | ---: | ---: | ---: |',
    ...rows.map((row) => `| \`${row.query}\` | ${row.p50} | ${row.p95} | ${row.p95Concurrent} |`),
    `| budget for p95, one at a time | 100 ms: ${rows.every((row) => row.p95 < 100) ? 'met' : 'missed'} | | |`,
  ].join('\n');
}

async function writePlans(db: Db, url: string, file: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const parts: string[] = [
    `Query plans of the practice search at ${PRACTICES} published practices (EXPLAIN (ANALYZE, BUFFERS), warm cache).`,
    `PostgreSQL ${(await client.query('SHOW server_version')).rows[0].server_version}; ${new Date().toISOString().slice(0, 10)}.`,
    '',
  ];
  const explain = async (title: string, query: { sql: string; parameters: readonly unknown[] }) => {
    await client.query(query.sql, [...query.parameters]); // warm
    const result = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]);
    parts.push(`=== ${title}`, '', ...result.rows.map((row: Record<string, string>) => row['QUERY PLAN'] as string), '');
  };
  const service = searchService({ db });
  const codes = await service.termCodes();
  for (const [title, q, filters] of [
    ['"housing" (common word)', 'housing', {}],
    ['"emploi" (common word, French)', 'emploi', {}],
    ['"housing" with topic=employment and country=FR', 'housing', { topic: ['employment'], country: ['FR'] }],
    ['no words, no filters', '', {}],
  ] as const) {
    const request = readSearchRequest({ q, ...filters }, codes, 1);
    const { tsquery } = await prepareSearch(db, PRACTICE_SEARCH_KIND, parseQuery(request.q));
    const plan: MatchPlan = { tsquery, fuzzyText: null, facetGroups: practiceFacets.facetGroups(request) };
    await explain(`${title}: facet counts and total (computed once per search and content generation, then reused)`, facetCountsQuery(PRACTICE_SEARCH_KIND, plan).compile(db));
    await explain(`${title}: one page of results (${request.sort})`, resultPageQuery(plan, request.sort, { limit: 20, offset: 0 }).compile(db));
  }
  await client.end();
  writeFileSync(path.resolve(root, file), `${parts.join('\n')}\n`);
  console.log(`Query plans written to ${file}`);
}

function machine(): string {
  const memory = `${Math.round(os.totalmem() / 1024 ** 3)} GiB`;
  const load = os.loadavg().map((value) => value.toFixed(1)).join(' / ');
  return `${os.cpus().length} cores (\`nproc\` ${os.availableParallelism()}), ${memory} memory, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${os.type()} ${os.release()}; load average when the run ended ${load} (other work on the machine shows here)`;
}

function writeReadme(text: string): void {
  const file = path.join(root, 'README.md');
  const current = readFileSync(file, 'utf8');
  const start = current.indexOf('\n## Performance\n');
  if (start < 0) {
    writeFileSync(file, `${current.trimEnd()}\n\n${text}`);
    return;
  }
  const after = current.indexOf('\n## ', start + 1);
  writeFileSync(file, `${current.slice(0, start)}\n${text}${after < 0 ? '' : current.slice(after)}`);
}

const servers: ChildProcess[] = [];

/** Node's arguments in `npm start` (its heap sizes included), so that the bench runs the server as deployed. */
function startArguments(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = (scripts.start ?? '').split(/\s+/);
  if (command !== 'node' || args.length === 0) throw new Error('npm start is expected to run node');
  return args.map((arg) => (arg.endsWith('.ts') ? path.join(root, arg) : arg));
}

/** One app process on the bench's database, as a deployment runs it. */
async function startServer(url: string, port: number, base: string, profile?: string, publicBase = base): Promise<ChildProcess> {
  const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : [];
  const child = spawn(process.execPath, [...profiling, ...startArguments()], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', BASE_URL: publicBase, LOG_LEVEL: 'error', NODE_ENV: 'production', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-42', TRUST_PROXY: 'true' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  servers.push(child);
  await waitUntilUp(base, child);
  return child;
}

async function stopServers(): Promise<void> {
  for (const child of servers.splice(0)) {
    if (child.exitCode !== null) continue;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/**
 * 1, then 2 app processes on the one database behind Debian's nginx as a load balancer: the same
 * pages through the balancer each time, so the two runs differ only by the processes behind it.
 */
/** Stands for the member's cookies in a scenario, until the server that sets them is up. */
const SIGNED_IN = 'signed-in';

async function processesRun(url: string, slugs: readonly string[], member: string): Promise<string> {
  const practicePages = slugs.map((slug) => `/en/practices/${slug}`);
  const scenarios: [string, string[], Record<string, string>][] = [
    ['practice page, anonymous', practicePages, {}],
    ['practice page, signed-in member', practicePages, { cookie: SIGNED_IN }],
    ['search page, common word', ['/en/practices?q=housing'], {}],
    ['home page, anonymous', ['/en/'], {}],
  ];
  const results: { processes: number; rows: Row[] }[] = [];
  let version = '';
  for (const count of [1, 2]) {
    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    const balancerPort = await freePort();
    const publicBase = `http://127.0.0.1:${balancerPort}`;
    for (const port of ports) await startServer(url, port, `http://127.0.0.1:${port}`, undefined, publicBase);
    const balancer = await balance(ports, balancerPort);
    version = balancer.version;
    const cookies = await browserCookies(balancer.base, member);
    const rows: Row[] = [];
    try {
      for (const [scenario, paths, given] of scenarios) {
        const headers = given.cookie === SIGNED_IN ? { cookie: cookies } : given;
        // Every address once per process (nginx takes turns), so that the runs compare kept pages.
        for (let turn = 0; turn < count; turn += 1) for (const address of paths) await fetch(`${balancer.base}${address}`, { headers });
        const row = await measure(balancer.base, scenario, paths, headers);
        console.log(`${count} process${count > 1 ? 'es' : ''}, ${scenario}: ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p95 ${row.p95} ms, errors ${row.errors}`);
        rows.push(row);
      }
    } finally {
      await balancer.stop();
      await stopServers();
    }
    results.push({ processes: count, rows });
  }
  const [one, two] = results;
  return [
      `App processes behind nginx as a load balancer (${version}), one embedded PostgreSQL, ${CONNECTIONS} connections, ${DURATION} s per scenario. Machine: ${machine()}.`,
      '',
      '| page | 1 process req/s | 2 processes req/s | 2 / 1 |',
      '| --- | ---: | ---: | ---: |',
      ...(one?.rows ?? []).map((row, index) => {
        const other = two?.rows[index];
        return `| ${row.scenario} | ${Math.round(row.rps)} | ${other ? Math.round(other.rps) : '–'} | ${other ? (other.rps / row.rps).toFixed(2) : '–'} |`;
      }),
    ].join('\n');
}

/** Resident memory of a process, from the kernel. */
function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kilobytes / 1024);
}

/**
 * A mixed load for a while, as a day of readers makes it: practice and resource pages (anonymous and
 * signed in), searches (many different ones, so caches fill and turn over), the read API and the
 * feed. The server's resident memory is sampled after each interval.
 */
async function soakRun(url: string, slugs: readonly string[], resourceSlugs: readonly string[], member: string): Promise<string> {
  const minutes = Number(options.soak);
  const sampleSeconds = Number(options['sample-seconds']);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await startServer(url, port, base);
  const words = ['housing', 'emploi', 'vivienda', 'health', 'youth', 'mentoring', 'logement', 'formación', 'language', 'women'];
  const signedIn = { cookie: await browserCookies(base, member) };
  const targets: Target[] = [];
  for (const [index, slug] of slugs.entries()) {
    const word = words[index % words.length] as string;
    const resource = resourceSlugs[index % Math.max(1, resourceSlugs.length)];
    targets.push(
      { path: `/en/practices/${slug}` },
      { path: `/fr/practices/${slug}`, headers: signedIn },
      { path: `/en/practices?q=${encodeURIComponent(word)}&page=${1 + (index % 5)}` },
      { path: `/api/v1/practices?q=${encodeURIComponent(word)}&page=${1 + (index % 3)}` },
      ...(resource ? [{ path: `/es/resources/${resource}` }, { path: `/en/resources/${resource}`, headers: signedIn }] : []),
      { path: `/en/resources?q=${encodeURIComponent(word)}&country=${['FR', 'ES', 'DE', 'MA'][index % 4] ?? 'FR'}` },
    );
  }
  targets.push({ path: '/en/' }, { path: '/ar/', headers: signedIn }, { path: '/feeds/practices.atom' });
  const samples: { at: number; megabytes: number; rps: number }[] = [{ at: 0, megabytes: residentMegabytes(child.pid ?? 0), rps: 0 }];
  const rounds = Math.max(1, Math.round((minutes * 60) / sampleSeconds));
  for (let round = 1; round <= rounds; round += 1) {
    const row = await measure(base, 'mixed load', targets, {}, sampleSeconds);
    samples.push({ at: round * sampleSeconds, megabytes: residentMegabytes(child.pid ?? 0), rps: row.rps });
    console.log(`${Math.round((round * sampleSeconds) / 6) / 10} min: ${samples.at(-1)?.megabytes} MB resident, ${Math.round(row.rps)} req/s, errors ${row.errors}`);
  }
  await stopServers();
  const middle = samples[Math.ceil(rounds / 2)] ?? samples[0];
  const end = samples.at(-1);
  if (!middle || !end) return '';
  // Garbage collection moves the figure a little either way: growth counts past 5 % or 10 MB.
  const grew = end.megabytes - middle.megabytes > Math.max(10, middle.megabytes * 0.05);
  return [
      `Memory soak: ${minutes} min of mixed load (${targets.length} addresses), ${CONNECTIONS} connections; resident memory of the server process.`,
      '',
      '| minute | MB resident | req/s |',
      '| ---: | ---: | ---: |',
      ...samples.map((sample) => `| ${Math.round(sample.at / 6) / 10} | ${sample.megabytes} | ${Math.round(sample.rps)} |`),
      '',
      `At half time (${Math.round(middle.at / 6) / 10} min): ${middle.megabytes} MB; at the end: ${end.megabytes} MB; ${grew ? 'it grew' : 'it did not grow'} from half time to the end; ${end.megabytes < 300 ? 'under' : 'over'} 300 MB at the end (the budget); the most it reached: ${Math.max(...samples.map((sample) => sample.megabytes))} MB.`,
    ].join('\n');
}

/** The pages and searches under CONNECTIONS connections, one scenario after another. */
async function pageScenarios(base: string, slugs: readonly string[]): Promise<Row[]> {
  const words = ['housing', 'emploi', 'vivienda', 'mediation', 'logement', 'health', 'formación', 'youth', 'interpreters', 'mentoring'];
  const countries = ['FR', 'ES', 'GB', 'MX', 'SN', 'DE', 'MA', 'EC', 'PT', 'IT'];
  const mixed = words.flatMap((word) => countries.map((country) => `/en/practices?q=${encodeURIComponent(word)}&country=${country}`));
  const scenarios: [string, string[]][] = [
    ['search page, common word', ['/en/practices?q=housing']],
    ['search page, common French word', ['/fr/practices?q=emploi']],
    ['search page, word and two facets', ['/en/practices?q=housing&topic=employment&country=FR']],
    ['search page, no query', ['/en/practices']],
    ['search page, 100 different searches (first visits included)', mixed],
    ['API search', ['/api/v1/practices?q=housing']],
    ['practice page', slugs.map((slug) => `/en/practices/${slug}`)],
    ['resource search, common word', ['/en/resources?q=housing']],
    ['resource search, common French word', ['/fr/resources?q=emploi']],
    ['resource search, word and two facets', ['/en/resources?q=housing&topic=employment&country=FR']],
    ['resource search, no query', ['/en/resources']],
    ['resource search, 100 different searches (first visits included)', mixed.map((address) => address.replace('/en/practices', '/en/resources'))],
    ['resource API search', ['/api/v1/resources?q=housing']],
  ];
  const rows: Row[] = [];
  for (const [scenario, paths] of scenarios) {
    // One request warms the code paths; the other addresses of a scenario get their first visit under load.
    await fetch(`${base}${paths[0] as string}`);
    const row = await measure(base, scenario, paths);
    console.log(`${scenario}: ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p95 ${row.p95} ms, p99 ${row.p99} ms, errors ${row.errors}`);
    rows.push(row);
  }
  return rows;
}

type Part = 'search' | 'pages' | 'compare' | 'processes' | 'soak' | 'community' | 'events' | 'discuss' | 'campaigns' | 'labs';
const PARTS: readonly Part[] = ['search', 'pages', 'compare', 'processes', 'soak', 'community', 'events', 'discuss', 'campaigns', 'labs'];
const only = options.only;
if (only !== undefined && !PARTS.some((part) => part === only)) throw new Error(`--only takes one of ${PARTS.join(', ')}`);
const runs = (part: Part) => only === undefined || only === part;
const CURVE = (options.curve ?? '').split(',').filter(Boolean).map(Number);

const dataDirs: string[] = [];
const databases: { stop(): Promise<void> }[] = [];
function scratchDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bridges-bench-'));
  dataDirs.push(dir);
  return dir;
}

/** A fresh embedded database holding `count` synthetic practices (and as many resources if asked). */
async function loadedDatabase(count: number, withResources: boolean) {
  const database = await startEmbeddedPostgres({ dataDir: scratchDir(), database: 'bridges', log: () => {} });
  databases.push(database);
  const url = database.urlFor('bridges');
  const db = createDb(url);
  await migrate(db);
  const started = Date.now();
  await loadSyntheticPractices(db, {
    count,
    onProgress: (done) => {
      if (done % 50_000 === 0) console.log(`${done} practices loaded (${Math.round((Date.now() - started) / 1000)} s)`);
    },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const resources = withResources ? (await loadSyntheticResources(db, { count })).added : 0;
  return { database, url, db, seconds, resources };
}

/**
 * The command a deployment runs, timed as it runs there: its own process on a fresh DATA_DIR,
 * demo content first, then the synthetic practices by the bulk path.
 */
async function timedDemoLoad(count: number): Promise<{ seconds: number; dataDir: string }> {
  const dataDir = scratchDir();
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli.ts'), 'demo:load', '--practices', String(count)], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`demo:load --practices ${count} stopped with code ${code}`);
  return { seconds: Math.round((Date.now() - started) / 1000), dataDir };
}

function firstVisitTable(curve: readonly { practices: number; rows: readonly FirstVisit[] }[]): string {
  const queries = curve[0]?.rows.map((row) => row.query) ?? [];
  const budget = (practices: number) => (practices <= 100_000 ? 100 : 300);
  return [
    `| first visit of | ${curve.map(({ practices }) => `${practices.toLocaleString('en')}: p50 / p95 / p95 with ${CONNECTIONS} at once (ms)`).join(' | ')} |`,
    `| --- | ${curve.map(() => '---:').join(' | ')} |`,
    ...queries.map((query, index) => `| \`${query}\` | ${curve.map(({ rows }) => {
      const row = rows[index];
      return row ? `${row.p50} / ${row.p95} / ${row.p95Concurrent}` : '–';
    }).join(' | ')} |`),
    `| budget for p95, one at a time | ${curve.map(({ practices, rows }) => `${budget(practices)} ms: ${rows.every((row) => row.p95 < budget(practices)) ? 'met' : 'missed'}`).join(' | ')} |`,
  ].join('\n');
}

const sections: string[] = [];
const curve: { practices: number; rows: FirstVisit[] }[] = [];
let demoLoad: { count: number; seconds: number } | undefined;
let main: Awaited<ReturnType<typeof loadedDatabase>> | undefined;
try {
  if (runs('search')) {
    for (const count of CURVE.filter((count) => count < PRACTICES)) {
      const small = await loadedDatabase(count, false);
      curve.push({ practices: count, rows: await firstVisits(small.url, 10) });
      await small.db.destroy();
      await small.database.stop();
    }
  }

  main = await loadedDatabase(PRACTICES, true);
  const { db, url } = main;
  const slugs = (await db.selectFrom('practices').select('slug').where('status', '=', 'published').orderBy('id').limit(200).execute()).map((row) => row.slug);
  const resourceSlugs = (await db.selectFrom('resources').select('slug').where('status', '=', 'published').orderBy('id').limit(200).execute()).map((row) => row.slug);
  const member = await memberCookie(db);
  if (runs('community') || runs('pages')) {
    const started = Date.now();
    const members = await loadSyntheticMembers(db, { count: MEMBERS, digest: 'daily' });
    console.log(`${members} members with public profiles loaded (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  if (options.plans) await writePlans(db, url, options.plans);
  if (runs('search')) curve.push({ practices: PRACTICES, rows: await firstVisits(url, 10) });

  if (runs('pages') || runs('compare') || runs('community')) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    await startServer(url, port, base, options.profile);
    if (runs('pages')) sections.push(table(await pageScenarios(base, slugs)));
    if (runs('community')) {
      const rows: Row[] = [];
      for (const [scenario, paths] of COMMUNITY_SCENARIOS) {
        await fetch(`${base}${paths[0] as string}`);
        rows.push(await measure(base, scenario, paths));
        console.log(`${scenario}: ${Math.round(rows.at(-1)?.rps ?? 0)} req/s, p95 ${rows.at(-1)?.p95} ms`);
      }
      sections.push(`The community and the map at ${MEMBERS.toLocaleString('en')} listed members beside the ${PRACTICES.toLocaleString('en')} practices, under ${CONNECTIONS} connections (the pages come from the page cache once computed):`, table(rows));
    }
    if (runs('compare')) {
      const cookies = await browserCookies(base, member);
      const practicePages = slugs.map((slug) => `/en/practices/${slug}`);
      const compared = await compareWithNginx(base, [
        { page: 'practice page, anonymous', paths: practicePages, target: 0.05 },
        { page: 'resource page, anonymous', paths: resourceSlugs.map((slug) => `/en/resources/${slug}`), target: 0.05 },
        { page: 'home page, anonymous', paths: ['/en/'], target: 0.05 },
        { page: 'practice page, signed-in member', paths: practicePages, headers: { cookie: cookies }, target: 0.2 },
        { page: 'resource page, signed-in member', paths: resourceSlugs.map((slug) => `/en/resources/${slug}`), headers: { cookie: cookies }, target: 0.2 },
        { page: 'home page, signed-in member', paths: ['/en/'], headers: { cookie: cookies }, target: 0.2 },
      ]);
      sections.push(
        `Beside a static copy: the same HTML that the app sent for the same addresses, saved as files and served by Debian's nginx (${compared.version}, started by the benchmark on loopback, one worker per core, sendfile, no compression on either side), measured one after the other. Anonymous pages come from the page cache, members' pages from their audience's template with their own parts (\`src/platform/page-cache.ts\`); generations and sessions from memory while the database's notifications say nothing moved (\`src/db/changes.ts\`).`,
        comparisonTable(compared.rows),
      );
    }
    await stopServers();
  }
  if (runs('community')) {
    const visits = await communityFirstVisits(url, 10);
    const digest = await digestRun(url, 50);
    sections.push(
      `First visits of a directory search and of the map (everything computed, as when no cache holds the page; on the services the pages call), at ${MEMBERS.toLocaleString('en')} listed members and ${PRACTICES.toLocaleString('en')} practices, ten times one at a time and ten times ${CONNECTIONS} at once. The directory matches unaccented words with a trigram index and filters with a GIN index on facet values, both limited to listed members; the map's counts per country come from the counts the triggers keep, or with filters from the matching search rows.`,
      timedTable('directory search', visits.directory),
      '',
      timedTable('map', visits.map),
      '',
      `A daily digest run for ${digest.members.toLocaleString('en')} members with a digest, of whom 50 follow the country where a practice was just published: ${digest.seconds.toFixed(2)} s, ${digest.mails} mails queued; a run with nothing new: ${(digest.idleSeconds * 1000).toFixed(0)} ms. The run reads only members with pending items (a partial index on \`notifications\`), so its work grows with the members who have news, not with every member.`,
    );
  }
  if (runs('events')) sections.push(await eventsRun(url, 200, 50));
  if (runs('discuss')) sections.push(await discussRun(url));
  if (runs('campaigns')) sections.push(await campaignsRun(url));
  if (runs('labs')) sections.push(labsRun());
  if (runs('processes')) sections.push(await processesRun(url, slugs, member));
  if (runs('soak') && Number(options.soak) > 0) sections.push(await soakRun(url, slugs, resourceSlugs, member));
  await db.destroy();
  await main.database.stop();

  if (runs('search')) {
    for (const count of CURVE.filter((count) => count > PRACTICES)) {
      console.log(`npm run cli -- demo:load --practices ${count}, into a fresh DATA_DIR…`);
      const loaded = await timedDemoLoad(count);
      demoLoad = { count, seconds: loaded.seconds };
      console.log(`demo:load --practices ${count}: ${loaded.seconds} s`);
      const large = await startEmbeddedPostgres({ dataDir: loaded.dataDir, database: 'bridges', log: () => {} });
      databases.push(large);
      curve.push({ practices: count, rows: await firstVisits(large.urlFor('bridges'), 10) });
      await large.stop();
    }
  }

  const report = [
    '## Performance',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, in one run: ${PRACTICES.toLocaleString('en')} synthetic published practices (about 1 KB each, eight languages; loaded in ${main.seconds} s) and ${main.resources.toLocaleString('en')} resources made from them in a fresh embedded PostgreSQL; the server runs as its own process (\`NODE_ENV=production\`) and autocannon sends ${CONNECTIONS} concurrent connections for ${DURATION} s per scenario over loopback, on the same machine.`,
    '',
    `Machine: ${machine()}.`,
    '',
    ...sections.flatMap((section) => [section, '']),
    ...(curve.length > 0
      ? [
          'The first visit of a search, the one that computes everything (facet counts, the page of results, highlights): on the search service, which the search page and the API share, with its caches off, ten times one at a time and ten times twenty at once, each scale on a fresh database. Searches reuse what they computed, in any process, until the data changes (`search_generations`): a repeated search costs no query.',
          '',
          firstVisitTable(curve.sort((a, b) => a.practices - b.practices)),
          '',
        ]
      : []),
    ...(demoLoad ? [`\`npm run cli -- demo:load --practices ${demoLoad.count}\` into a fresh DATA_DIR (demo content, then the practices by the bulk path; see [Loading at scale](#loading-at-scale)): ${demoLoad.seconds} s (${(demoLoad.seconds / 60).toFixed(1)} minutes; budget 15).`, ''] : []),
    "How the search keeps to its budget (migrations 015 and 017, `src/search/` shared by every kind of content, `src/features/practices/search-*.ts`): each published practice has a narrow row in `search_documents` (kind `practice`) with a compact weighted vector (title A; summary and taxonomy labels in every locale B; organisations and city C; the long sections without positions), its facet values as one array, and the sort keys (ratings come from `rating_totals` through a trigger that writes only them), each behind a GIN or B-tree index limited to the kind's rows (`WHERE kind = 'practice'`), so another kind's rows never enter a practice search. Relevance ranks only the 500 newest matches (read in date order through the index, so a common word stops early); highlighting runs on the 20 rows shown; facet counts are one pass over the matching rows, or for the whole collection a table of counts per kind that triggers keep (`search_facet_counts`). A search that a first sample of 4,000 rows says matches more than 5,000 items (a common word) has its total and facet counts estimated from a sample of the table's pages large enough for about 1,500 matches, scaled up and rounded to two figures, and the page and the API say so (`approximate`); titles that look like the words (a typo, when fewer than three items match) are capped at the first 200 the trigram index gives. Query plans: `bench/search-plans.txt`.",
    '',
  ].join('\n');
  console.log(`\n${report}`);
  if (options.readme) writeReadme(report);
} finally {
  await stopServers();
  for (const database of databases) await database.stop().catch(() => undefined);
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
