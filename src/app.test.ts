import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDb } from './db/client.ts';
import { createJobs } from './platform/jobs/index.ts';
import { createMailer } from './platform/mail.ts';
import { startTestApp, TestClient, type TestApp } from './test/app.ts';

let testApp: TestApp;
before(async () => {
  testApp = await startTestApp();
});
after(() => testApp.close());

const get = (url: string, headers: Record<string, string> = {}) => testApp.app.inject({ method: 'GET', url, headers });

describe('locales', () => {
  test('/ redirects by Accept-Language', async () => {
    const french = await get('/', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    assert.equal(french.statusCode, 302);
    assert.equal(french.headers.location, '/fr/');
    assert.match(String(french.headers.vary), /Accept-Language/);
    assert.equal((await get('/', { 'accept-language': 'de' })).headers.location, '/en/');
  });

  test('a cacheable response in the language of Accept-Language sends Vary: Accept-Language', async () => {
    // The routes without a locale in their path: feeds, API docs, the API and its exports.
    const rootRoutes = ['/api/docs', '/api/openapi.json', '/api/v1/practices', '/api/v1/resources', '/feeds/practices.atom', '/feeds/resources.atom'];
    const translatedCacheable: string[] = [];
    for (const route of rootRoutes) {
      const french = await get(route, { 'accept-language': 'fr' });
      const english = await get(route, { 'accept-language': 'en' });
      const cacheable = !/no-store|private/.test(String(french.headers['cache-control'] ?? ''));
      if (french.statusCode !== 200 || !cacheable || french.body === english.body) continue;
      translatedCacheable.push(route);
      assert.match(String(french.headers.vary), /Accept-Language/, `${route} varies by Accept-Language`);
    }
    for (const route of ['/api/docs', '/feeds/practices.atom', '/feeds/resources.atom']) {
      assert.ok(translatedCacheable.includes(route), `${route} is translated and cacheable`);
    }
    assert.match((await get('/api/docs', { 'accept-language': 'fr' })).body, /<html lang="fr"/);
    const styles = await get('/static/styles.css', { 'accept-language': 'fr' });
    assert.doesNotMatch(String(styles.headers.vary ?? ''), /Accept-Language/, 'what is the same in every language does not vary');
  });

  test('Arabic pages are right-to-left and the switcher keeps the current page', async () => {
    const response = await get('/ar/login');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<html lang="ar" dir="rtl">/);
    assert.match(response.body, /href="\/fr\/login"[^>]*hreflang="fr"/);
    assert.match((await get('/es/')).body, /<html lang="es" dir="ltr">/);
  });

  test('after a refused form post, the switcher links to the page the form was on', async () => {
    const client = new TestClient(testApp.app);
    await client.get('/fr/login');
    const response = await client.post('/fr/login', { email: '', password: '' }, { referer: 'http://localhost:80/fr/login?next=%2Ffr%2Faccount' });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /href="\/en\/login\?next=%2Ffr%2Faccount"/);
    const foreign = await client.post('/fr/login', { email: '', password: '' }, { referer: 'https://elsewhere.example/fr/phish' });
    assert.match(foreign.body, /href="\/en\/"[^>]*hreflang="en"/);
  });

  test('an unknown locale or path gets a translated 404 page', async () => {
    const unknownLocale = await get('/de/login', { 'accept-language': 'es' });
    assert.equal(unknownLocale.statusCode, 404);
    assert.match(unknownLocale.body, /lang="es"/);
    const unknownPath = await get('/fr/nowhere');
    assert.equal(unknownPath.statusCode, 404);
    assert.match(unknownPath.body, /Page introuvable/);
  });

  test('machine clients get JSON errors', async () => {
    const response = await get('/api/v1/nothing-here');
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json().error.code, 'not_found');
  });
});

describe('probes', () => {
  test('/health and /ready answer while the database does', async () => {
    assert.deepEqual((await get('/health')).json(), { status: 'ok' });
    const ready = await get('/ready');
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.headers['cache-control'], 'no-store');
  });

  test('/ready answers 503 while the database does not, /health still 200', async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused at once.
    const unreachable = 'postgres://nobody:nothing@127.0.0.1:1/none';
    const db = createDb(unreachable, { max: 1 });
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    // The queue is never started: nothing here sends a job.
    const jobs = createJobs({ connectionString: unreachable });
    const app = await buildApp({ config, db, jobs, mailer: createMailer({ db, jobs, config }) }, { logger: false });
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/ready' })).statusCode, 503);
      assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});

describe('security headers', () => {
  test('a Content-Security-Policy without unsafe-inline or unsafe-eval, and no framing', async () => {
    const response = await get('/en/');
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    // The home page shows nothing personal to an anonymous visitor (platform/page-cache.ts).
    assert.equal(response.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=300');
  });

  test('cookies are Secure when BASE_URL is https', async () => {
    const secureApp = await startTestApp({ env: { BASE_URL: 'https://bridges.example' } });
    try {
      const response = await secureApp.app.inject({ method: 'GET', url: '/en/login' });
      const csrfCookie = response.cookies.find((cookie) => cookie.name === 'bridges_csrf');
      assert.equal(csrfCookie?.secure, true);
      assert.match(String(response.headers['strict-transport-security']), /max-age=/);
    } finally {
      await secureApp.close();
    }
  });
});

describe('bad requests', () => {
  test('an oversized body gets a translated 413 page and writes nothing', async () => {
    const client = new TestClient(testApp.app);
    await client.get('/fr/register');
    const response = await client.post('/fr/register', { name: 'x'.repeat(100_000), email: 'big@example.org', password: 'long enough passphrase' });
    assert.equal(response.statusCode, 413);
    assert.match(response.body, /lang="fr"/);
    const users = await testApp.deps.db.selectFrom('users').select('id').where('email', '=', 'big@example.org').execute();
    assert.equal(users.length, 0);
  });

  test('a tampered form (a field sent twice) gets a translated 400 page', async () => {
    const client = new TestClient(testApp.app);
    await client.get('/en/login');
    const response = await client.post('/en/login', { email: ['a@example.org', 'b@example.org'], password: 'whatever it is' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /could not be understood/);
  });

  test('a malformed JSON body to the API gets a JSON 400', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/en/login',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      payload: '{"email":',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'bad_request');
  });
});

describe('static assets', () => {
  test('the stylesheet is served compressed and cacheable', async () => {
    const page = await get('/en/');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const css = await get(href, { 'accept-encoding': 'gzip' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /text\/css/);
    assert.match(String(css.headers['cache-control']), /immutable/);
  });
});
