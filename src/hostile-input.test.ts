import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { HTTPMethods, LightMyRequestResponse, RouteOptions } from 'fastify';
import { LOCALES } from './platform/i18n.ts';
import { startTestApp, TestClient, type TestApp } from './test/app.ts';
import { createMember, newSession, type TestMember } from './test/members.ts';

/**
 * Every route, as the app itself lists them (so a route added tomorrow is covered without
 * touching this file), gets hostile values in its path parameters, query and body, sent by a
 * visitor, a member and an administrator with valid CSRF tokens. No answer may be a 5xx or show
 * internals. The seed is fixed so a failure replays; HOSTILE_INPUT_SEED and HOSTILE_INPUT_RUNS
 * explore further.
 */

const SEED = Number(process.env.HOSTILE_INPUT_SEED ?? 20_261_207);
const RUNS_PER_ROUTE = Number(process.env.HOSTILE_INPUT_RUNS ?? 9);

/** What a stack trace, a database error or our source paths look like in a body. */
const INTERNALS = /\n\s+at \S.*:\d+:\d+|node_modules\/|\/src\/\S+\.tsx?\b|\b(?:TypeError|ReferenceError|RangeError)\b|invalid byte sequence|out of range for type|invalid input syntax for|violates \S+ constraint|"stack"\s*:/;

/** Field names any route might read, beyond those its schema names. */
const GENERIC_QUERY_FIELDS = ['q', 'page', 'per_page', 'sort', 'done', 'next', 'comments', 'kind', 'state', 'token', 'id', 'topic', 'country', 'year'];
const GENERIC_BODY_FIELDS = ['title', 'email', 'password', 'name', 'body', 'message', 'version', 'action', 'removeAttachment', 'score', 'reason', 'code', 'role', 'id', 'page'];

const routes: RouteOptions[] = [];
let testApp: TestApp;
let member: TestMember;
let admin: TestMember;
/** Real values for path parameters, so that handlers past "not found" are reached too. */
let knownValues: string[] = [];

before(async () => {
  testApp = await startTestApp({ onRoute: (route) => routes.push(route) });
  member = await createMember(testApp);
  admin = await createMember(testApp, { role: 'admin' });
  await member.client.get('/en/practices/new');
  const practice = await member.client.post('/en/practices/new', { title: 'Welcome desks for newcomers', action: 'save' });
  const practiceSlug = /\/practices\/([^/?]+)\/edit/.exec(String(practice.headers.location))?.[1];
  await member.client.get('/en/resources/new');
  const resource = await member.client.post('/en/resources', {
    type: 'guideline', title: 'Guide to one-stop shops', summary: 'One roof for every service.', url: 'https://www.iom.int/', language: 'en', action: 'draft',
  });
  const resourceSlug = /\/resources\/([^/?]+)/.exec(String(resource.headers.location))?.[1];
  assert.ok(practiceSlug && resourceSlug, 'the fixtures were created');
  knownValues = [practiceSlug, resourceSlug, String(member.id), String(admin.id), '1'];
});
after(() => testApp.close());

/** Percent-escapes of one UTF-16 code unit as three UTF-8-style bytes: how a lone surrogate travels. */
function escapedCodeUnit(unit: number): string {
  const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
  return bytes.map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** encodeURIComponent that also carries lone surrogates (as a broken client would send them). */
function encodeHostile(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return Array.from(text, (char) => {
      try {
        return encodeURIComponent(char);
      } catch {
        return escapedCodeUnit(char.charCodeAt(0));
      }
    }).join('');
  }
}

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const controlCharacter = fc.integer({ min: 0, max: 0x1f }).map((unit) => String.fromCharCode(unit));

/** Text that passes the input checks but means trouble: numbers and dates out of range, ids that are not ids. */
const troublesomeText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__', 'constructor', 'toString', "' OR 1=1 --", '<script>alert(1)</script>', '', ' ', '-1', '0', '1.5', '1e309',
    'NaN', 'Infinity', '-Infinity', '3000000000', '99999999999999999999', '-2147483649', '2147483648', '0000-01-01',
    '99999-12-31', '2024-02-30', '1899-12-31', '0x10', 'true', '[]', '{}', 'null', 'undefined', '../../etc/passwd', '%',
  ),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.double().map(String),
);

/** Text no person types: NUL and other controls, lone surrogates, the replacement character. */
const brokenText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\u0007', '\u001b[2J', '\uD800', 'tail \uDFFF', 'x\uFFFD'),
  fc.string({ unit: anyCodeUnit, maxLength: 30 }),
  fc.tuple(fc.string({ maxLength: 10 }), controlCharacter, fc.string({ maxLength: 10 })).map((parts) => parts.join('')),
);

type FieldValue = string | string[];
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The values of one run: a scalar or a list where one value is expected, as URL text and as JSON. */
interface ValueKind {
  encoded: fc.Arbitrary<string>;
  field: fc.Arbitrary<FieldValue>;
  json: fc.Arbitrary<JsonValue>;
}

function valueKind(text: fc.Arbitrary<string>, rawEscapes: fc.Arbitrary<string>): ValueKind {
  const encoded = fc.oneof({ weight: 6, arbitrary: text.map(encodeHostile) }, { weight: 1, arbitrary: rawEscapes });
  const field = fc.oneof({ weight: 3, arbitrary: encoded }, { weight: 1, arbitrary: fc.array(encoded, { minLength: 2, maxLength: 3 }) });
  const json = fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.oneof(fc.double(), fc.integer(), fc.constantFrom(3e9, -1, 2 ** 31, Number.MAX_SAFE_INTEGER)),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.oneof(text, fc.constantFrom('__proto__', 'constructor')), tie('value'), { maxKeys: 3 }),
    ),
  })).value;
  return { encoded, field, json };
}

/**
 * Half the runs send only values the edge must refuse; the other half only values that pass it,
 * to reach the handlers and the database with numbers, dates and ids out of range.
 */
const VALUE_KINDS = {
  broken: valueKind(
    fc.oneof({ weight: 8, arbitrary: brokenText }, { weight: 1, arbitrary: fc.constant('x'.repeat(100_001)) }),
    fc.constantFrom('%', '%E0%A4%A', '%FF', '%ED%A0%80', '%C0%AF', 'a%2', '%00', '%25%00'),
  ),
  troublesome: valueKind(
    fc.oneof({ weight: 30, arbitrary: troublesomeText }, { weight: 1, arbitrary: fc.constant('x'.repeat(70_000)) }),
    fc.constantFrom('%25', '%2F..%2F', '%2B1', '%20'),
  ),
};

function schemaFields(schema: unknown): string[] {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

interface HostileRequest {
  identity: 'visitor' | 'member' | 'admin';
  locale: string;
  params: Record<string, string>;
  query: [string, FieldValue][];
  body: { type: 'form'; fields: [string, FieldValue][] } | { type: 'json'; value: JsonValue } | null;
}

function requestsFor(route: RouteOptions, method: string): fc.Arbitrary<HostileRequest> {
  const paramNames = [...route.url.matchAll(/:(\w+)|\*/g)].map((match) => match[1] ?? '*');
  const querySchema = schemaFields(route.schema?.querystring);
  const bodySchema = schemaFields(route.schema?.body);
  const withBody = !['GET', 'HEAD', 'OPTIONS'].includes(method);
  return fc.constantFrom('broken' as const, 'troublesome' as const).chain((kindName) => {
    const kind = VALUE_KINDS[kindName];
    // The fields the route's schema names, and a few any route might read.
    const someOf = (names: string[], most: number) => fc.subarray(names, { maxLength: Math.min(most, names.length) });
    const fieldsOf = (named: string[], generic: string[]) =>
      fc
        .tuple(someOf(named, 12), someOf(generic.filter((name) => !named.includes(name)), 2))
        .chain(([some, more]) => fc.tuple(...[...some, ...more].map((name) => kind.field.map((value): [string, FieldValue] => [name, value]))));
    // Real slugs and ids too, so that troublesome values reach past "not found".
    const param = kindName === 'broken' ? kind.encoded : fc.oneof(kind.encoded, fc.constantFrom(...knownValues));
    return fc.record({
      identity: fc.constantFrom('visitor' as const, 'member' as const, 'admin' as const),
      locale: fc.constantFrom(...LOCALES),
      params: fc.record(Object.fromEntries(paramNames.map((name) => [name, param]))),
      query: fieldsOf(querySchema, GENERIC_QUERY_FIELDS),
      body: withBody
        ? fc.oneof(
            fieldsOf(bodySchema, GENERIC_BODY_FIELDS).map((fields) => ({ type: 'form' as const, fields })),
            fc
              .dictionary(fc.constantFrom(...bodySchema, ...GENERIC_BODY_FIELDS, '__proto__'), kind.json, { maxKeys: 6 })
              .map((value) => ({ type: 'json' as const, value })),
          )
        : fc.constant(null),
    });
  });
}

function urlOf(route: RouteOptions, request: HostileRequest): string {
  const path = route.url
    .replace(/^\/(en|fr|es|ar)(?=\/|$)/, `/${request.locale}`)
    .replace(/:(\w+)|\*/g, (match, name: string | undefined) => request.params[name ?? '*'] ?? match);
  const query = request.query.flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${encodeURIComponent(name)}=${item}`));
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

/**
 * The browser of an identity, signed in again when an earlier hostile request signed it out
 * (a post to /logout) or, for the member, made again when an administrator deleted the account.
 */
/** Identities whose last request could have ended their session; each starts by reading a page for its CSRF token. */
const mayBeSignedOut = new Set<HostileRequest['identity']>(['member', 'admin']);

async function browserOf(identity: HostileRequest['identity']): Promise<TestClient> {
  if (identity === 'visitor') return new TestClient(testApp.app);
  let account = identity === 'member' ? member : admin;
  if (!mayBeSignedOut.has(identity)) return account.client;
  mayBeSignedOut.delete(identity);
  if ((await account.client.get('/en/account')).statusCode === 200) return account.client;
  const exists = await testApp.deps.db.selectFrom('users').select('id').where('id', '=', account.id).executeTakeFirst();
  if (exists) account.client = await newSession(testApp, account.id);
  else account = await createMember(testApp, { role: identity });
  if (identity === 'member') member = account;
  else admin = account;
  await account.client.get('/en/account');
  return account.client;
}

async function send(route: RouteOptions, method: string, request: HostileRequest): Promise<{ url: string; response: LightMyRequestResponse }> {
  const url = urlOf(route, request);
  const browser = await browserOf(request.identity);
  // The token of the account page just read: what a form of this site would carry.
  const token = request.identity === 'visitor' ? '' : browser.lastCsrfToken;
  const headers: Record<string, string> = token ? { 'x-csrf-token': token } : {};
  let payload: string | undefined;
  if (request.body?.type === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const fields: [string, FieldValue][] = token ? [['_csrf', encodeURIComponent(token)], ...request.body.fields] : request.body.fields;
    payload = fields.flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${encodeURIComponent(name)}=${item}`)).join('&');
  } else if (request.body?.type === 'json') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(request.body.value);
  }
  // Any post may sign out, delete an account or change a role: look again before the next request.
  if (method !== 'GET') {
    mayBeSignedOut.add('member');
    mayBeSignedOut.add('admin');
  }
  const response = await browser.send({ method: method as HTTPMethods, url, headers, ...(payload !== undefined ? { payload } : {}) });
  return { url, response };
}

test('no route answers hostile input with a 5xx or internals', { timeout: 180_000 }, async () => {
  // One locale stands for the four: each run picks the locale it sends.
  const seen = new Set<string>();
  const targets: { route: RouteOptions; method: string }[] = [];
  for (const route of routes) {
    for (const method of [route.method].flat()) {
      const key = `${method} ${route.url.replace(/^\/(en|fr|es|ar)(?=\/|$)/, '/{locale}')}`;
      if (method === 'HEAD' || seen.has(key)) continue;
      seen.add(key);
      targets.push({ route, method });
    }
  }
  assert.ok(targets.length > 50, `the route table lists the app's routes (${targets.length})`);

  for (const { route, method } of targets) {
    await fc.assert(
      fc.asyncProperty(requestsFor(route, method), async (request) => {
        const { url, response } = await send(route, method, request);
        const where = `${method} ${url.slice(0, 300)} as ${request.identity} (route ${route.url})`;
        assert.ok(response.statusCode < 500, `${where} answered ${response.statusCode}: ${response.body.slice(0, 500)}`);
        assert.doesNotMatch(response.body, INTERNALS, `${where} shows internals`);
      }),
      {
        seed: SEED,
        numRuns: RUNS_PER_ROUTE,
        endOnFailure: true,
        // The counterexample may hold a 100,000-character value: report its start, with the seed to replay it.
        reporter: (details) => {
          if (!details.failed) return;
          const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          throw new Error(`${cause.slice(0, 1_500)}\n${(fc.defaultReportMessage(details) ?? '').slice(0, 2_500)}`);
        },
      },
    );
  }
});
