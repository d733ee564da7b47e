import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { totpCode } from '../features/accounts/index.ts';
import { practiceService } from '../features/practices/index.ts';
import { samplePractice } from '../features/practices/fixtures.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createMember } from '../test/members.ts';
import { hashPassword } from './passwords.ts';
import { POSTING_LIMIT, SENSITIVE_FORM_LIMIT } from './rate-limit.ts';

let testApp: TestApp;
before(async () => {
  testApp = await startTestApp();
});
after(() => testApp.close());

const { max } = SENSITIVE_FORM_LIMIT;
const LOCALES = ['en', 'fr', 'es', 'ar'] as const;

/**
 * A browser at one address: TestClient always comes from 127.0.0.1, and these tests need many
 * (the app trusts no proxy by default, so the connection's address is the client's). It reads a
 * form once for its CSRF cookie and token, then posts forms as often as told.
 */
async function browserAt(remoteAddress: string) {
  const form = await testApp.app.inject({ method: 'GET', url: '/en/login', remoteAddress });
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const cookies = Object.fromEntries(form.cookies.map((cookie) => [cookie.name, cookie.value]));
  return {
    post(url: string, fields: Record<string, string>, extraCookies: Record<string, string> = {}): Promise<LightMyRequestResponse> {
      return testApp.app.inject({
        method: 'POST',
        url,
        remoteAddress,
        cookies: { ...cookies, ...extraCookies },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      });
    },
  };
}

const wrongPassword = (email: string) => ({ email, password: 'wrong password' });

/** The refusal readers get: a translated page saying to wait, and when they may try again. */
function assertRefused(response: LightMyRequestResponse, locale: string, title: RegExp) {
  assert.equal(response.statusCode, 429);
  assert.match(response.body, new RegExp(`lang="${locale}"`));
  assert.match(response.body, title);
  const retryAfter = Number(response.headers['retry-after']);
  assert.ok(retryAfter > 0 && retryAfter <= SENSITIVE_FORM_LIMIT.timeWindow / 1000, `retry-after ${retryAfter}`);
}

describe('per client address', () => {
  test('sign-ins in every language count together: the 11th is refused with a translated 429', async () => {
    assert.equal(max, 10);
    const attacker = await browserAt('203.0.113.7');
    // A different account each time, so that only the address is counted.
    for (let attempt = 1; attempt <= max; attempt += 1) {
      const locale = LOCALES[attempt % LOCALES.length];
      const response = await attacker.post(`/${locale}/login`, wrongPassword(`spread-${attempt}@example.org`));
      assert.equal(response.statusCode, 422, `attempt ${attempt} in ${locale} is judged on its merits`);
    }
    for (const [locale, title] of [
      ['fr', /<h1>Trop de tentatives<\/h1>/],
      ['ar', /<h1>محاولات كثيرة جدًا<\/h1>/],
      ['es', /<h1>Demasiados intentos<\/h1>/],
    ] as const) {
      assertRefused(await attacker.post(`/${locale}/login`, wrongPassword('someone-else@example.org')), locale, title);
    }

    const neighbour = await browserAt('198.51.100.20');
    assert.equal((await neighbour.post('/ar/login', wrongPassword('spread-1@example.org'))).statusCode, 422, 'another address is not affected');
  });

  test('registration and reset requests are counted across languages too, each form on its own', async () => {
    const visitor = await browserAt('203.0.113.8');
    for (let attempt = 1; attempt <= max; attempt += 1) {
      const locale = LOCALES[attempt % LOCALES.length];
      const response = await visitor.post(`/${locale}/forgot-password`, { email: `forgot-${attempt}@example.org` });
      assert.equal(response.statusCode, 200, `request ${attempt} in ${locale}`);
    }
    assertRefused(await visitor.post('/es/forgot-password', { email: 'forgot-11@example.org' }), 'es', /<h1>Demasiados intentos<\/h1>/);
    // Sign-in has its own count: a member who asked for many links can still sign in.
    assert.equal((await visitor.post('/es/login', wrongPassword('forgot-1@example.org'))).statusCode, 422);

    for (let attempt = 1; attempt <= max; attempt += 1) {
      const locale = LOCALES[attempt % LOCALES.length];
      const response = await visitor.post(`/${locale}/register`, { name: '', email: `new-${attempt}@example.org`, password: '' });
      assert.equal(response.statusCode, 422, `registration ${attempt} in ${locale}`);
    }
    assertRefused(await visitor.post('/en/register', { name: '', email: 'new-11@example.org', password: '' }), 'en', /<h1>Too many attempts<\/h1>/);
  });
});

describe('per account', () => {
  test('guesses at one account from many addresses are stopped; another account is not', async () => {
    const victim = await createMember(testApp);
    for (let attempt = 1; attempt <= max; attempt += 1) {
      const guesser = await browserAt(`192.0.2.${attempt}`);
      const locale = LOCALES[attempt % LOCALES.length];
      // The address as typed varies; the account it names does not.
      const email = attempt % 2 === 0 ? victim.email.toUpperCase() : ` ${victim.email}`;
      assert.equal((await guesser.post(`/${locale}/login`, wrongPassword(email))).statusCode, 422, `guess ${attempt}`);
    }
    const fresh = await browserAt('192.0.2.200');
    assertRefused(await fresh.post('/fr/login', wrongPassword(victim.email)), 'fr', /<h1>Trop de tentatives<\/h1>/);

    const other = await createMember(testApp);
    assert.equal((await fresh.post('/fr/login', wrongPassword(other.email))).statusCode, 422, 'another account is not affected');
    const keys = await testApp.deps.db.selectFrom('rate_limits').select('key').execute();
    assert.ok(!keys.some(({ key }) => key.includes(victim.email)), 'the counters do not hold email addresses');
  });

  test('reset links asked for one address from many places stop after 10, so its owner is not flooded', async () => {
    const victim = await createMember(testApp);
    for (let attempt = 1; attempt <= max; attempt += 1) {
      const sender = await browserAt(`192.0.2.${50 + attempt}`);
      assert.equal((await sender.post('/en/forgot-password', { email: victim.email })).statusCode, 200, `request ${attempt}`);
    }
    const last = await browserAt('192.0.2.201');
    assertRefused(await last.post('/ar/forgot-password', { email: victim.email }), 'ar', /<h1>محاولات كثيرة جدًا<\/h1>/);
    await testApp.mailSettled();
    const mails = await testApp.deps.db.selectFrom('outbox').select('id').where('recipient', '=', victim.email).execute();
    assert.equal(mails.length, max);
  });

  test('codes tried against one pending sign-in from many addresses are stopped', async () => {
    const password = 'a long enough password';
    const member = await createMember(testApp, { twoFactor: true });
    await testApp.deps.db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('id', '=', member.id).execute();

    /** Signs in with the password from `address`, and returns the pending sign-in's cookie. */
    async function passwordStep(address: string) {
      const browser = await browserAt(address);
      const response = await browser.post('/en/login', { email: member.email, password });
      assert.equal(response.statusCode, 303);
      const challenge = response.cookies.find((cookie) => cookie.name === 'bridges_sign_in')?.value ?? '';
      return (code: string) => browser.post('/en/login/code', { code }, { bridges_sign_in: challenge });
    }

    // Each pending sign-in allows a few wrong codes before asking for the password again; the
    // account's count goes on across them and across addresses.
    let tries = 0;
    let tryCode = await passwordStep('192.0.2.100');
    let address = 100;
    while (tries < max) {
      const response = await tryCode('000000');
      tries += 1;
      if (response.statusCode === 303) {
        address += 1;
        tryCode = await passwordStep(`192.0.2.${address}`);
      } else {
        assert.equal(response.statusCode, 422, `code ${tries}`);
      }
    }
    tryCode = await passwordStep('192.0.2.150');
    const refused = await tryCode(totpCode(member.totpSecret ?? ''));
    assertRefused(refused, 'en', /<h1>Too many attempts<\/h1>/);
    const sessions = await testApp.deps.db.selectFrom('sessions').select('id_hash').where('user_id', '=', member.id).execute();
    assert.equal(sessions.length, 1, 'only the session the test made: the refused code signed nobody in');
  });
});

describe('posting by signed-in members', () => {
  test('is counted per member, so colleagues behind one address do not use up each other’s posts', async () => {
    const slug = await practiceService(testApp.deps).create(samplePractice({ title: 'A practice much discussed' }), { authorId: null, status: 'published' });
    const [chatty, colleague] = [await createMember(testApp), await createMember(testApp)];
    await chatty.client.get(`/en/practices/${slug}`);
    await colleague.client.get(`/fr/practices/${slug}`);
    for (let posted = 1; posted <= POSTING_LIMIT.max; posted += 1) {
      const locale = LOCALES[posted % LOCALES.length];
      const response = await chatty.client.post(`/${locale}/practices/${slug}/comments`, { comment: `Comment number ${posted}` });
      assert.equal(response.statusCode, 303, `comment ${posted}`);
    }
    // Both come from the same address (TestClient's 127.0.0.1): only the member's own count is spent.
    assert.equal((await chatty.client.post(`/ar/practices/${slug}/comments`, { comment: 'One too many' })).statusCode, 429);
    assert.equal((await colleague.client.post(`/fr/practices/${slug}/comments`, { comment: 'Mon premier commentaire' })).statusCode, 303);
    const bodies = await testApp.deps.db.selectFrom('comments').select('body').where('author_id', 'in', [chatty.id, colleague.id]).execute();
    assert.equal(bodies.length, POSTING_LIMIT.max + 1);
    assert.ok(!bodies.some((row) => row.body === 'One too many'));
  });
});
