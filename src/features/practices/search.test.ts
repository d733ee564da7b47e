import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Role } from '../../db/schema/accounts.ts';
import { SESSION_COOKIE } from '../../platform/sessions.ts';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { signInThroughForms, turnOnTwoFactor } from '../../test/members.ts';
import { accountService } from '../accounts/service.ts';
import { parseCsv } from '../../open-data/csv.ts';
import { samplePractice } from './fixtures.ts';
import type { PracticeInput } from './model.ts';
import { practiceService } from './service.ts';
import { missQueryOf, missRecorder } from '../../search/index.ts';

let testApp: TestApp;
let authorId: number;
const PASSWORD = 'harbour lanterns at dusk';

/** The authenticator secret of each account with two-factor sign-in, which staff must have. */
const totpSecrets = new Map<string, string>();

async function createAccount(name: string, email: string, role: Role): Promise<number> {
  const { id } = await accountService(testApp.deps).createAccount({ name, email, role, password: PASSWORD, organisation: '', stakeholderType: '', country: '' });
  if (role !== 'member') totpSecrets.set(email, await turnOnTwoFactor(testApp.deps, id));
  return id;
}

async function signedIn(email: string): Promise<TestClient> {
  const client = new TestClient(testApp.app);
  const response = await signInThroughForms(testApp, client, { email, password: PASSWORD, totpSecret: totpSecrets.get(email) });
  assert.equal(response.statusCode, 303);
  return client;
}

function publish(overrides: Partial<PracticeInput>, status: 'published' | 'draft' = 'published'): Promise<string> {
  return practiceService(testApp.deps).create(samplePractice(overrides), { authorId, status });
}

const visitor = () => new TestClient(testApp.app);

interface ApiPage {
  total: number;
  page: number;
  page_count: number;
  items: { slug: string; title: string }[];
  facets: Record<string, { value: string; count: number }[]>;
  links: { next: string | null; prev: string | null; self: string };
}

async function api(url: string): Promise<ApiPage> {
  const response = await visitor().get(url);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as ApiPage;
}

function slugsOf(page: ApiPage): string[] {
  return page.items.map((item) => item.slug);
}

/** Balanced tags, no stray `<` or `&`: enough to catch an unescaped title in the feed. */
function assertWellFormedXml(xml: string): void {
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n/);
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const token of body.split(/(<[^>]*>)/)) {
    if (token.startsWith('<')) {
      const name = /^<\/?([A-Za-z][\w:.-]*)/.exec(token)?.[1];
      assert.ok(name, `malformed tag ${token}`);
      if (token.startsWith('</')) assert.equal(stack.pop(), name, `unbalanced ${token}`);
      else if (!token.endsWith('/>')) stack.push(name);
    } else {
      assert.doesNotMatch(token, /<|>/, 'raw angle bracket in text');
      assert.doesNotMatch(token, /&(?!(amp|lt|gt|quot|apos);)/, 'raw ampersand in text');
    }
  }
  assert.deepEqual(stack, []);
}

let slugs: Record<string, string>;

before(async () => {
  testApp = await startTestApp();
  authorId = await createAccount('Ana Author', 'ana@example.org', 'member');
  await createAccount('Eddie Editor', 'eddie@example.org', 'editor');
  await createAccount('Mo Member', 'mo@example.org', 'member');
  slugs = {
    lyon: await publish({}),
    emploi: await publish({
      title: 'Accompagnement des femmes réfugiées vers les emplois du soin',
      summary: 'Des ateliers hebdomadaires préparent les femmes réfugiées aux métiers de l’aide à domicile.',
      language: 'fr',
      topics: ['employment'],
      countries: ['FR'],
      city: null,
      startDate: '2019-09-01',
    }),
    integracion: await publish({
      title: 'Mesas de integración comunitaria en Quito',
      summary: 'Vecinos y personas refugiadas se reúnen cada mes.',
      language: 'es',
      topics: ['community_building'],
      countries: ['EC'],
      city: null,
      organisations: [{ name: 'Municipio de Quito', stakeholderType: 'local_government', role: 'implementing' }],
    }),
    madrid: await publish({
      title: 'Shared flats for young refugees in Madrid',
      summary: 'Young refugees share flats with students.',
      topics: ['housing'],
      countries: ['ES'],
      city: null,
      organisations: [{ name: 'Red Acoge', stakeholderType: 'civil_society', role: 'implementing' }],
    }),
    markup: await publish({
      title: 'Night shelter <b>beds</b> & meals',
      summary: 'A shelter. <script>alert("x")</script> Volunteers serve zanzibarique soup every night.',
      topics: ['housing'],
      countries: ['GB'],
      city: null,
      contact: { name: 'Pat Public', email: 'pat@example.org', public: true },
    }),
    formula: await publish({
      title: '=HYPERLINK("http://evil.example","click")',
      summary: 'Cells, "quotes" and commas, all in one summary.',
      topics: ['education'],
      countries: ['DE'],
      city: null,
    }),
  };
  slugs.draft = await publish({ title: 'A quixotic draft about zanzibarique plans', topics: ['housing'] }, 'draft');
});
after(() => testApp.close());

describe('search page', () => {
  test('finds practices by words in their own language, stemmed', async () => {
    const response = await visitor().get('/fr/practices?q=emploi');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Accompagnement des femmes réfugiées/);
  });

  test('the search form sends no order until one is chosen, so a new query is ranked by relevance', async () => {
    const page = await visitor().get('/en/practices');
    assert.match(page.body, /<select[^>]*id="sort"[\s\S]*?<option value selected/);
    assert.doesNotMatch(page.body, /<option value="newest" selected/);
    const chosen = await visitor().get('/en/practices?sort=useful');
    assert.match(chosen.body, /<option value="useful" selected/);
  });

  test('is accent-insensitive', async () => {
    const page = await api('/api/v1/practices?q=integracion+comunitaria');
    assert.deepEqual(slugsOf(page), [slugs.integracion]);
  });

  test('tolerates typos in titles', async () => {
    const response = await visitor().get(`/en/practices?${new URLSearchParams({ q: 'welcom deskz' })}`);
    assert.match(response.body, /href="\/en\/practices\/welcome-desks-for-newcomers-at-the-town-hall"/);
    assert.match(response.body, /titles that look like them are included/);
  });

  test('finds an English practice with a French word through its taxonomy labels', async () => {
    const page = await api('/api/v1/practices?q=logement');
    assert.ok(slugsOf(page).includes(slugs.lyon as string), 'tagged housing, written in English');
    assert.ok(slugsOf(page).includes(slugs.madrid as string));
    assert.ok(!slugsOf(page).includes(slugs.emploi as string));
  });

  test('counts facets among the matches of a filtered search', async () => {
    const page = await api('/api/v1/practices?country=FR');
    assert.equal(page.total, 2);
    const topics = Object.fromEntries(page.facets.topic?.map((value) => [value.value, value.count]) ?? []);
    assert.deepEqual(topics, { employment: 2, housing: 1 });
    const countries = page.facets.country?.map((value) => value.value);
    assert.deepEqual(countries, ['FR']);
    const html = (await visitor().get('/en/practices?country=FR')).body;
    assert.match(html, /Employment \(2\)/);
    assert.match(html, /Housing \(1\)/);
  });

  test('combines filters: any value within a facet, every facet', async () => {
    const either = await api('/api/v1/practices?country=FR&country=ES&sort=newest');
    assert.deepEqual(new Set(slugsOf(either)), new Set([slugs.lyon, slugs.emploi, slugs.madrid]));
    const both = await api('/api/v1/practices?country=FR&country=ES&topic=housing');
    assert.deepEqual(new Set(slugsOf(both)), new Set([slugs.lyon, slugs.madrid]));
    const none = await api('/api/v1/practices?country=EC&topic=housing');
    assert.equal(none.total, 0);
  });

  test('never shows unpublished practices', async () => {
    const page = await api('/api/v1/practices?q=zanzibarique');
    assert.deepEqual(slugsOf(page), [slugs.markup]);
    assert.equal((await visitor().get(`/api/v1/practices/${slugs.draft}`)).statusCode, 404);
  });

  test('shows markup in practices as text while highlighting matches', async () => {
    const response = await visitor().get('/en/practices?q=zanzibarique');
    assert.doesNotMatch(response.body, /<script>alert/);
    assert.match(response.body, /&lt;script>alert\(&quot;x&quot;\)&lt;\/script>|&lt;script&gt;/);
    assert.match(response.body, /<mark>zanzibarique<\/mark>/);
    assert.match(response.body, /Night shelter &lt;b>beds&lt;\/b> &amp; meals/);
  });

  test('keeps filters in links: removable tags, pagination, empty state that says what to loosen', async () => {
    const response = await visitor().get('/en/practices?q=refugees&country=EC&topic=housing');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /No practices match your search/);
    assert.match(response.body, /href="\/en\/practices\?q=refugees&amp;topic=housing"/, 'without the country');
    assert.match(response.body, /href="\/en\/practices\?q=refugees&amp;country=EC"/, 'without the topic');
    assert.match(response.body, /href="\/en\/practices\?q=refugees"/, 'the query without filters');
  });

  test('handles tampered parameters without a server error', async () => {
    const client = visitor();
    assert.equal((await client.get('/en/practices?page=0')).statusCode, 400);
    assert.equal((await client.get('/en/practices?page=abc')).statusCode, 400);
    const beyond = await client.get('/en/practices?page=99');
    assert.equal(beyond.statusCode, 404);
    assert.match(beyond.body, /There is no page 99/);
    const unknown = await client.get('/en/practices?topic=not_a_topic&country=ZZ&year=abc&sort=sideways');
    assert.equal(unknown.statusCode, 200);
    assert.match(unknown.body, /6 practices found/);
    const long = await client.get(`/en/practices?q=${'a'.repeat(5000)}`);
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /The request could not be understood/);
    assert.equal((await client.get('/fr/practices?q=%22%27%3C%3E%28%29%26%7C%21%3A*')).statusCode, 200);
  });
});

describe('search page in every language', () => {
  test('renders with its facets in each locale, right to left in Arabic', async () => {
    for (const [locale, q] of [['en', 'housing'], ['fr', 'logement'], ['es', 'vivienda'], ['ar', 'السكن']] as const) {
      const response = await visitor().get(`/${locale}/practices?${new URLSearchParams({ q })}&topic=housing`);
      assert.equal(response.statusCode, 200, locale);
      assert.match(response.body, /name="topic" value="housing" checked/, locale);
      assert.ok(response.body.includes(slugs.lyon as string), `${locale} finds the English practice tagged housing`);
    }
    assert.match((await visitor().get('/ar/practices')).body, /<html lang="ar" dir="rtl">/);
  });
});

describe('searches that find nothing', () => {
  const asVisitor = (userAgent: string) => ({ 'user-agent': userAgent });

  test('keep only a normalised query: lowercase, accents folded, no address, no long number', () => {
    assert.equal(missQueryOf('  Quokka   SANCTUÁRIES '), 'quokka sanctuaries');
    assert.equal(missQueryOf('Écoles à Lyon, mail ana.diallo@example.org'), 'ecoles a lyon mail');
    assert.equal(missQueryOf('call 06 12 34 56 78 or 0612345678 about 2024'), 'call or about 2024');
    assert.equal(missQueryOf('ana@example.org'), null);
    assert.equal(missQueryOf('x'.repeat(101)), null);
  });

  test('are shown to editors once three different visitors made them, and never say who', async () => {
    await visitor().get('/en/practices?q=Quokka+sanctuaries', asVisitor('Browser A'));
    await visitor().get('/en/practices?q=quokka%20SANCTU%C3%81RIES', asVisitor('Browser B'));
    // The same visitor again counts once.
    await visitor().get('/en/practices?q=quokka+sanctuaries', asVisitor('Browser B'));
    await visitor().get('/en/practices?q=Wombat+ana%40example.org', asVisitor('Browser A'));
    const rows = await testApp.deps.db.selectFrom('search_misses').selectAll().orderBy('query').execute();
    assert.deepEqual([...new Set(rows.map((row) => row.query))], ['quokka sanctuaries', 'wombat']);
    assert.equal(rows.filter((row) => row.query === 'quokka sanctuaries').length, 2);
    const stored = JSON.stringify(rows);
    assert.ok(!/127\.0\.0\.1|Browser|example\.org/.test(stored), 'no address, user agent or email is stored');

    const editor = await signedIn('eddie@example.org');
    assert.doesNotMatch((await editor.get('/en/review/gaps')).body, /quokka sanctuaries/, 'two visitors are not enough');
    await visitor().get('/fr/practices?q=quokka+sanctuaries', asVisitor('Browser C'));
    await visitor().get('/en/practices?q=quokka+sanctuaries', asVisitor('Browser C'));
    const gaps = await editor.get('/en/review/gaps');
    assert.equal(gaps.statusCode, 200);
    assert.match(gaps.body, /quokka sanctuaries/);
    assert.doesNotMatch(gaps.body, /wombat/);

    assert.equal((await visitor().get('/en/review/gaps')).statusCode, 303);
    assert.equal((await (await signedIn('mo@example.org')).get('/en/review/gaps')).statusCode, 403);
  });

  test('are forgotten after 90 days (the daily job, src/jobs.ts), with the salts of past days', async () => {
    const db = testApp.deps.db;
    const old = new Date(Date.now() - 91 * 86_400_000);
    const recent = new Date(Date.now() - 89 * 86_400_000);
    await db.insertInto('search_misses').values([
      { query: 'old question', locale: 'en', visitor_hash: 'a', last_at: old },
      { query: 'recent question', locale: 'en', visitor_hash: 'b', last_at: recent },
    ]).execute();
    await db.insertInto('search_miss_salts').values({ day: '2020-01-01', salt: 'past' }).execute();
    assert.deepEqual(await missRecorder(db).forgetOld(), { misses: 1 });
    const left = await db.selectFrom('search_misses').select('query').where('query', 'in', ['old question', 'recent question']).execute();
    assert.deepEqual(left.map((row) => row.query), ['recent question']);
    assert.equal(await db.selectFrom('search_miss_salts').select('day').where('salt', '=', 'past').executeTakeFirst(), undefined);
  });
});

describe('API', () => {
  test('pages with links, limits per_page and refuses bad numbers', async () => {
    const first = await api('/api/v1/practices?per_page=2&sort=newest');
    assert.equal(first.total, 6);
    assert.equal(first.page_count, 3);
    assert.equal(first.items.length, 2);
    assert.equal(first.links.prev, null);
    assert.ok(first.links.next?.endsWith('/api/v1/practices?sort=newest&per_page=2&page=2'));
    const second = await api(new URL(first.links.next as string).pathname + new URL(first.links.next as string).search);
    assert.equal(second.page, 2);
    assert.ok(second.links.prev);
    assert.equal(new Set([...slugsOf(first), ...slugsOf(second)]).size, 4);
    assert.equal((await visitor().get('/api/v1/practices?per_page=101')).statusCode, 400);
    assert.equal((await visitor().get('/api/v1/practices?page=0')).statusCode, 400);
  });

  test('gives one published practice, without a private contact', async () => {
    const response = await visitor().get(`/api/v1/practices/${slugs.lyon}`);
    assert.equal(response.statusCode, 200);
    const record = response.json() as { title: string; contact: unknown; topics: { code: string }[] };
    assert.equal(record.title, 'Welcome desks for newcomers at the town hall');
    assert.equal(record.contact, null);
    assert.doesNotMatch(response.body, /claire\.martin@example\.org/);
    assert.deepEqual(record.topics.map((topic) => topic.code).sort(), ['employment', 'housing']);
    const open = (await visitor().get(`/api/v1/practices/${slugs.markup}`)).json() as { contact: { email: string } };
    assert.equal(open.contact.email, 'pat@example.org');
    const missing = await visitor().get('/api/v1/practices/no-such-practice');
    assert.equal(missing.statusCode, 404);
    assert.equal((missing.json() as { error: { code: string } }).error.code, 'not_found');
  });

  test('is described by an OpenAPI document and a docs page', async () => {
    const response = await visitor().get('/api/openapi.json');
    const document = response.json() as { openapi: string; paths: Record<string, unknown> };
    assert.match(document.openapi, /^3\./);
    for (const path of ['/api/v1/practices', '/api/v1/practices/{slug}', '/api/v1/practices/export.csv', '/api/v1/practices/export.json', '/feeds/practices.atom']) {
      assert.ok(path in document.paths, path);
    }
    const docs = await visitor().get('/api/docs');
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /GET \/api\/v1\/practices\/\{slug\}/);
  });
});

describe('feed and exports', () => {
  test('the Atom feed is well-formed, escaped and honours filters', async () => {
    const response = await visitor().get('/feeds/practices.atom?topic=housing');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/atom\+xml/);
    assert.match(String(response.headers.vary), /Accept-Language/, 'its language follows Accept-Language, so caches keep one copy per language');
    assertWellFormedXml(response.body);
    assert.equal(response.body.match(/<entry>/g)?.length, 3);
    assert.match(response.body, /Night shelter &lt;b&gt;beds&lt;\/b&gt; &amp; meals/);
    assert.doesNotMatch(response.body, /Accompagnement/);
  });

  test('CSV export quotes cells and neutralises formulas', async () => {
    const response = await visitor().get('/api/v1/practices/export.csv');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    const rows = parseCsv(response.body);
    assert.equal(rows.length, 7, 'a header and six published practices');
    const header = rows[0]?.cells ?? [];
    const formula = rows.find((row) => row.cells[header.indexOf('slug')] === slugs.formula);
    assert.equal(formula?.cells[header.indexOf('title')], `'=HYPERLINK("http://evil.example","click")`);
    assert.equal(formula?.cells[header.indexOf('summary')], 'Cells, "quotes" and commas, all in one summary.');
    assert.match(response.body, /"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)"/);
    assert.doesNotMatch(response.body, /claire\.martin@example\.org/);
    assert.doesNotMatch(response.body, /practice-draft|quixotic/i);
  });

  test('JSON export lists every published practice', async () => {
    const response = await visitor().get('/api/v1/practices/export.json');
    const records = response.json() as { slug: string }[];
    assert.equal(records.length, 6);
  });
});

describe('CSV import', () => {
  const header = 'title,summary,activities,outcomes,dimensions,topics,countries,implementing_organisations,start_date,contact_name,contact_email,language\n';
  const good = (title: string) =>
    `"${title}","Mentors meet newcomers, weekly.",Weekly mentoring,Jobs found,socio_economic,employment;housing,PT,"Câmara Municipal de Lisboa | local_government",2020-01-01,Rita,rita@example.org,pt\n`;

  /** Posts the import form as a browser would: multipart, with the page's CSRF token and cookies. */
  async function postFile(client: TestClient, content: Buffer) {
    const page = await client.get('/en/practices/import');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const boundary = '----bridges-search-test';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="practices.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const cookies = Object.fromEntries(
      [SESSION_COOKIE, 'bridges_csrf'].flatMap((name) => {
        const value = client.cookie(name);
        return value === undefined ? [] : [[name, value]];
      }),
    );
    return testApp.app.inject({
      method: 'POST',
      url: '/en/practices/import',
      cookies,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  }

  const upload = (client: TestClient, csv: string) => postFile(client, Buffer.from(csv));

  test('is for editors only', async () => {
    assert.equal((await visitor().get('/en/practices/import')).statusCode, 303);
    assert.equal((await (await signedIn('mo@example.org')).get('/en/practices/import')).statusCode, 403);
  });

  test('writes nothing when one row is invalid, and reports the row', async () => {
    const before = await testApp.deps.db.selectFrom('practices').select('id').execute();
    const editor = await signedIn('eddie@example.org');
    const csv = header + good('Mentoring in Lisbon') + good('').replace('employment;housing', 'employment;not_a_topic') + good('Mentoring in Porto');
    const response = await upload(editor, csv);
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Nothing was imported/);
    assert.match(response.body, /<td[^>]*>3<\/td>\s*<td[^>]*>title<\/td>\s*<td[^>]*>Enter a title<\/td>/);
    assert.match(response.body, /<td[^>]*>3<\/td>\s*<td[^>]*>topics<\/td>/);
    const afterRows = await testApp.deps.db.selectFrom('practices').select('id').execute();
    assert.equal(afterRows.length, before.length);
  });

  test('reports numbers, dates and text that cannot be stored by row and column, and writes nothing', async () => {
    const before = await testApp.deps.db.selectFrom('practices').select('id').execute();
    const editor = await signedIn('eddie@example.org');
    const csv =
      'title,people_reached,start_date,summary\n' +
      '"Huge reach",3000000000,2020-01-01,Fine\n' +
      '"Year zero",10,0000-01-01,Fine\n' +
      '"Bell",10,2020-01-01,"ring \u0007 ring"\n';
    const response = await upload(editor, csv);
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Nothing was imported/);
    assert.match(response.body, /<td[^>]*>2<\/td>\s*<td[^>]*>people_reached<\/td>\s*<td[^>]*>Enter a number of people reached of 1,000,000,000 or fewer<\/td>/);
    assert.match(response.body, /<td[^>]*>3<\/td>\s*<td[^>]*>start_date<\/td>\s*<td[^>]*>Enter a date between the years 1900 and 2100<\/td>/);
    assert.match(response.body, /<td[^>]*>4<\/td>\s*<td[^>]*>summary<\/td>\s*<td[^>]*>Remove the control characters/);
    assert.equal((await testApp.deps.db.selectFrom('practices').select('id').execute()).length, before.length);
  });

  test('imports every row of a good file as published, searchable practices', async () => {
    const editor = await signedIn('eddie@example.org');
    const response = await upload(editor, header + good('Mentoring in Lisbon') + good('Mentoring in Porto'));
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /2 practices imported/);
    const page = await api('/api/v1/practices?country=PT');
    assert.deepEqual(page.items.map((item) => item.title).sort(), ['Mentoring in Lisbon', 'Mentoring in Porto']);
  });

  test('refuses a file that is not text', async () => {
    const editor = await signedIn('eddie@example.org');
    const response = await postFile(editor, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /must be a CSV text file/);
  });
});

/** Stores a practice's rating totals as the engagement service does (its own tests cover how they add up). */
async function setTotals(slug: string, count: number, sum: number): Promise<void> {
  await sql`
    INSERT INTO rating_totals (kind, subject_id, count, sum)
    SELECT 'practice', id, ${count}::integer, ${sum}::integer FROM practices WHERE slug = ${slug}
    ON CONFLICT (kind, subject_id) DO UPDATE SET count = EXCLUDED.count, sum = EXCLUDED.sum`.execute(testApp.deps.db);
}

describe('search rows follow the practices', () => {
  const keptCount = async (facet: string) => {
    const result = await sql<{ count: number }>`
      SELECT count FROM search_facet_counts WHERE kind = 'practice' AND facet = ${facet}`.execute(testApp.deps.db);
    return result.rows[0]?.count ?? 0;
  };

  test('a status change made anywhere withdraws or publishes, and the kept counts follow', async () => {
    const [all, germany] = [await keptCount('*'), await keptCount('country:DE')];
    await testApp.deps.db.updateTable('practices').set({ status: 'archived' }).where('slug', '=', slugs.formula as string).execute();
    assert.equal((await api('/api/v1/practices?q=hyperlink')).total, 0);
    assert.equal(await keptCount('*'), all - 1);
    assert.equal(await keptCount('country:DE'), germany - 1);
    assert.equal((await api('/api/v1/practices')).total, all - 1, 'the unfiltered count comes from the kept counts');
    await testApp.deps.db.updateTable('practices').set({ status: 'published' }).where('slug', '=', slugs.formula as string).execute();
    assert.equal((await api('/api/v1/practices?q=hyperlink')).total, 1);
    assert.equal(await keptCount('*'), all);
  });

  test('ratings reorder the most useful first', async () => {
    await setTotals(slugs.madrid as string, 3, 15);
    const page = await api('/api/v1/practices?sort=useful');
    assert.equal(page.items[0]?.slug, slugs.madrid);
  });
});

describe('search generations', () => {
  const generations = async () =>
    (await sql<{ value: string; content: string }>`
      SELECT value::text, content::text FROM search_generations WHERE kind = 'practice'`.execute(testApp.deps.db)).rows[0];

  test('a rating moves the page generation on, and leaves the facet counts to be reused', async () => {
    const before = await generations();
    await setTotals(slugs.lyon as string, 4, 12);
    const afterRating = await generations();
    assert.equal(Number(afterRating?.value), Number(before?.value) + 1);
    assert.equal(afterRating?.content, before?.content);
    await testApp.deps.db.updateTable('practices').set({ title: 'Welcome desks for newcomers at the city hall' }).where('slug', '=', slugs.lyon as string).execute();
    const afterEdit = await generations();
    assert.equal(Number(afterEdit?.content), Number(before?.content) + 1);
    assert.match((await visitor().get('/en/practices?q=city+hall')).body, /Welcome desks for newcomers at the <mark>city<\/mark> <mark>hall<\/mark>/);
  });
});

describe('a deleted practice', () => {
  test('leaves search with its row, its counts and its rating totals', async () => {
    const slug = await publish({ title: 'Quillwort tenancy advice for newcomers', countries: ['IS'] });
    await setTotals(slug, 2, 10);
    assert.equal((await api('/api/v1/practices?q=quillwort')).total, 1);
    const before = await sql<{ count: number }>`
      SELECT count FROM search_facet_counts WHERE kind = 'practice' AND facet = 'country:IS'`.execute(testApp.deps.db);
    assert.equal(before.rows[0]?.count, 1);

    await testApp.deps.db.deleteFrom('practices').where('slug', '=', slug).execute();
    assert.equal((await api('/api/v1/practices?q=quillwort')).total, 0);
    const after = await sql<{ kept: number; totals: number }>`
      SELECT (SELECT count FROM search_facet_counts WHERE kind = 'practice' AND facet = 'country:IS') AS kept,
             (SELECT count(*)::integer FROM rating_totals t WHERE t.kind = 'practice'
                AND NOT EXISTS (SELECT 1 FROM practices p WHERE p.id = t.subject_id)) AS totals`.execute(testApp.deps.db);
    assert.deepEqual(after.rows[0], { kept: 0, totals: 0 });
    const orphans = await sql<{ orphans: number }>`
      SELECT count(*)::integer AS orphans FROM search_documents d
      WHERE d.kind = 'practice' AND NOT EXISTS (SELECT 1 FROM practices p WHERE p.id = d.subject_id)`.execute(testApp.deps.db);
    assert.equal(orphans.rows[0]?.orphans, 0);
  });
});
