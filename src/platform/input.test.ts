import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, TestClient, type TestApp } from '../test/app.ts';
import { createMember } from '../test/members.ts';
import { checkTextInput, parseUrlEncoded, TEXT_INPUT_MAX_LENGTH } from './input.ts';

describe('checkTextInput', () => {
  test('lets through what people type, in any script, with tabs and line breaks', () => {
    for (const text of ['', 'Accueil des réfugiés', 'مرحبا بكم', '家族 👪', 'line one\r\nline two\tend']) {
      assert.equal(checkTextInput(text), undefined, text);
    }
  });

  test('refuses NUL and other control characters, lone surrogates, replaced bytes and floods', () => {
    assert.equal(checkTextInput('a\u0000b'), 'control_character');
    assert.equal(checkTextInput('bell\u0007'), 'control_character');
    assert.equal(checkTextInput('escape\u001b[31m'), 'control_character');
    assert.equal(checkTextInput('half \uD83D of an emoji'), 'malformed');
    assert.equal(checkTextInput('\uDC00 trailing half'), 'malformed');
    assert.equal(checkTextInput('caf\uFFFD'), 'malformed');
    assert.equal(checkTextInput('x'.repeat(TEXT_INPUT_MAX_LENGTH + 1)), 'too_long');
  });
});

describe('parseUrlEncoded', () => {
  test('reads repeated names as lists, + as a space, and prototype names as plain data', () => {
    const parsed = parseUrlEncoded('q=migrant+housing&topic=a&topic=b&__proto__=x&empty=&flag');
    assert.deepEqual({ ...parsed }, { q: 'migrant housing', topic: ['a', 'b'], ['__proto__']: 'x', empty: '', flag: '' });
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
  });
});

let testApp: TestApp;
before(async () => {
  testApp = await startTestApp();
});
after(() => testApp.close());

const get = (url: string, headers: Record<string, string> = {}) => testApp.app.inject({ method: 'GET', url, headers });

function assertBadInputPage(response: { statusCode: number; body: string; headers: Record<string, unknown> }, lang: string, title: RegExp) {
  assert.equal(response.statusCode, 400, response.body.slice(0, 300));
  assert.match(String(response.headers['content-type']), /text\/html/);
  assert.match(response.body, new RegExp(`<html lang="${lang}"`));
  assert.match(response.body, title);
}

describe('bad input at the edge', () => {
  test('a NUL byte in a search query gets a translated 400 page, in the page’s language', async () => {
    assertBadInputPage(await get('/fr/practices?q=%00'), 'fr', /Un élément de la demande ne peut pas être accepté/);
    assertBadInputPage(await get('/ar/resources?q=a%00b'), 'ar', /تعذّر قبول جزء من الطلب/);
  });

  test('broken percent-encoding in a query is refused, not passed on as text', async () => {
    assertBadInputPage(await get('/en/practices?q=%FF'), 'en', /Something in the request cannot be accepted/);
    assertBadInputPage(await get('/en/practices?q=%E0%A4%A'), 'en', /Something in the request cannot be accepted/);
  });

  test('a malformed percent-encoding in a path gets the translated 400 page, not Fastify’s JSON', async () => {
    assertBadInputPage(await get('/en/practices/%E0%A4%A'), 'en', /Something in the request cannot be accepted/);
    assertBadInputPage(await get('/es/%'), 'es', /No se puede aceptar parte de la solicitud/);
    assertBadInputPage(await get('/fr/resources/%ED%A0%80'), 'fr', /Un élément de la demande/);
  });

  test('a path parameter longer than the router takes gets the translated page too', async () => {
    const response = await get(`/fr/practices/${'x'.repeat(5_000)}/edit`);
    assert.equal(response.statusCode, 414);
    assert.match(response.body, /<html lang="fr"/);
    assert.match(response.body, /Un élément de la demande ne peut pas être accepté/);
  });

  test('a NUL byte in a slug never reaches the database', async () => {
    assertBadInputPage(await get('/en/practices/some%00slug'), 'en', /cannot be accepted/);
    assertBadInputPage(await get('/en/resources/some%00slug'), 'en', /cannot be accepted/);
  });

  test('the API answers bad input with its JSON error shape', async () => {
    for (const url of ['/api/v1/practices?q=%00', '/api/v1/resources/a%00b', '/api/v1/practices/%E0%A4%A']) {
      const response = await get(url);
      assert.equal(response.statusCode, 400, url);
      assert.equal(response.json().error.code, 'bad_input', url);
      assert.match(response.json().error.message, /not allowed/);
    }
  });

  test('a NUL byte in the sign-in email is refused and counts no attempt', async () => {
    const client = new TestClient(testApp.app);
    await client.get('/en/login');
    const response = await client.post('/en/login', { email: 'someone\u0000@example.org', password: 'x' });
    assertBadInputPage(response, 'en', /cannot be accepted/);
    const broken = await testApp.app.inject({
      method: 'POST',
      url: '/en/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=%FF%FE&password=x',
    });
    assertBadInputPage(broken, 'en', /cannot be accepted/);
  });

  test('a member’s comment or form with a control character changes nothing', async () => {
    const member = await createMember(testApp);
    await member.client.get('/en/practices/new');
    const before = await testApp.deps.db.selectFrom('practices').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    const response = await member.client.post('/en/practices/new', { title: 'Welcome \u0007desk', action: 'save' });
    assertBadInputPage(response, 'en', /cannot be accepted/);
    const after = await testApp.deps.db.selectFrom('practices').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    assert.equal(after.count, before.count);
  });

  test('a number that is not finite is refused, however it was written', async () => {
    const admin = await createMember(testApp, { role: 'admin' });
    for (const url of ['/en/admin/outbox/Infinity', '/en/admin/outbox/1e400']) {
      const response = await admin.client.get(url);
      assertBadInputPage(response, 'en', /cannot be accepted/);
    }
    const json = await testApp.app.inject({ method: 'POST', url: '/en/login', headers: { 'content-type': 'application/json' }, payload: '{"email":1e400}' });
    assert.equal(json.statusCode, 400);
  });

  test('a JSON body with a lone surrogate or a prototype key is refused', async () => {
    const lone = await testApp.app.inject({ method: 'POST', url: '/en/login', headers: { 'content-type': 'application/json' }, payload: '{"email":"\\ud800"}' });
    assert.equal(lone.statusCode, 400);
    const proto = await testApp.app.inject({ method: 'POST', url: '/en/login', headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"admin":true}}' });
    assert.equal(proto.statusCode, 400);
  });
});
