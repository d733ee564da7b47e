import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Role } from '../../db/schema/accounts.ts';
import { SESSION_COOKIE, STAFF_SESSION_ABSOLUTE_MS, STAFF_SESSION_IDLE_MS } from '../../platform/sessions.ts';
import { lastMailTo, startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember } from '../../test/members.ts';
import { accountService } from './service.ts';
import { RECOVERY_CODE_COUNT, TOTP_PERIOD_SECONDS, totpCode } from './totp.ts';

const PASSWORD = 'harbour lanterns at dusk';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let testApp: TestApp;
before(async () => {
  testApp = await startTestApp();
});
after(() => testApp.close());
// Every test signs in from the same address; the sign-in limit is not what they are about.
beforeEach(() => testApp.deps.db.deleteFrom('rate_limits').execute());

let accounts = 0;
/** An account with a password, for tests that go through the sign-in forms. */
async function account(role: Role = 'member', locale: 'en' | 'fr' = 'en') {
  accounts += 1;
  const email = `person${accounts}@example.org`;
  const name = `Person ${accounts}`;
  const { id } = await accountService(testApp.deps).createAccount(
    { name, email, role, password: PASSWORD, organisation: '', stakeholderType: '', country: '' },
    locale,
  );
  return { id, email, name };
}

/** A code the app shows `steps` steps from now: the next one once the current one is used. */
const codeAt = (secret: string, steps = 0) => totpCode(secret, Date.now() + steps * TOTP_PERIOD_SECONDS * 1000);

/** Reads the set-up key from the page, as a member types it into the app. */
function secretOn(html: string): string {
  const match = /id="two-factor-secret">([A-Z2-7 ]+)</.exec(html);
  assert.ok(match?.[1], 'the set-up page shows the key');
  return match[1].replace(/ /g, '');
}

async function signInWithPassword(client: TestClient, email: string, locale = 'en', userAgent = FIREFOX) {
  await client.get(`/${locale}/login`, { 'user-agent': userAgent });
  return client.post(`/${locale}/login`, { email, password: PASSWORD }, { 'user-agent': userAgent });
}

/** Signs in and turns two-factor sign-in on; returns the client, the secret and the recovery codes. */
async function memberWithTwoFactor(locale: 'en' | 'fr' = 'en') {
  const person = await account('member', locale);
  const client = new TestClient(testApp.app);
  assert.equal((await signInWithPassword(client, person.email)).statusCode, 303);
  const setup = await client.get('/en/account/two-factor');
  const secret = secretOn(setup.body);
  const setupCode = codeAt(secret);
  const enabled = await client.post('/en/account/two-factor/enable', { code: setupCode, currentPassword: PASSWORD });
  assert.equal(enabled.statusCode, 200);
  const codes = [...enabled.body.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((match) => match[1] ?? '');
  return { ...person, client, secret, setupCode, codes };
}

function auditOf(userId: number) {
  return testApp.deps.db.selectFrom('audit_log').selectAll().where('subject', '=', `user:${userId}`).orderBy('id').execute();
}

describe('turning two-factor sign-in on', () => {
  test('the key is shown until a code and the password confirm it; recovery codes are shown once and stored hashed', async () => {
    const person = await account('member', 'fr');
    const client = new TestClient(testApp.app);
    await signInWithPassword(client, person.email, 'fr');

    const account_ = await client.get('/fr/account');
    assert.match(account_.body, /La connexion en deux étapes est désactivée/);
    const setup = await client.get('/fr/account/two-factor');
    assert.equal(setup.statusCode, 200);
    const secret = secretOn(setup.body);
    assert.match(setup.body, /href="otpauth:\/\/totp\/Bridges:person\d+%40example\.org\?issuer=Bridges&amp;secret=[A-Z2-7]+/);
    assert.equal(secretOn((await client.get('/fr/account/two-factor')).body), secret, 'reloading keeps the key already scanned');

    // A wrong code and a missing password: 422, translated, nothing turned on.
    const wrongCode = String((Number(codeAt(secret)) + 1) % 1_000_000).padStart(6, '0');
    const refused = await client.post('/fr/account/two-factor/enable', { code: wrongCode, currentPassword: '' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /class="error-summary"/);
    assert.match(refused.body, /href="#currentPassword"/);
    assert.match(refused.body, /Saisissez votre mot de passe actuel/);
    const wrong = await client.post('/fr/account/two-factor/enable', { code: wrongCode, currentPassword: PASSWORD });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /href="#code"/);
    assert.match(wrong.body, /Le code est incorrect/);
    assert.equal((await testApp.deps.db.selectFrom('two_factor').select('enabled_at').where('user_id', '=', person.id).executeTakeFirstOrThrow()).enabled_at, null);

    const enabled = await client.post('/fr/account/two-factor/enable', { code: codeAt(secret), currentPassword: PASSWORD });
    assert.equal(enabled.statusCode, 200);
    assert.equal(enabled.headers['cache-control'], 'private, no-store');
    const codes = [...enabled.body.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((match) => match[1]);
    assert.equal(codes.length, RECOVERY_CODE_COUNT);
    assert.equal(new Set(codes).size, RECOVERY_CODE_COUNT);

    // Stored: the key sealed, the codes hashed; neither readable from the database.
    const stored = await testApp.deps.db.selectFrom('two_factor').selectAll().where('user_id', '=', person.id).executeTakeFirstOrThrow();
    assert.ok(stored.enabled_at);
    assert.ok(!stored.secret_sealed.includes(secret));
    const hashes = await testApp.deps.db.selectFrom('two_factor_recovery_codes').select('code_hash').where('user_id', '=', person.id).execute();
    assert.equal(hashes.length, RECOVERY_CODE_COUNT);
    for (const code of codes) assert.ok(!hashes.some((row) => row.code_hash.includes(code ?? '') || row.code_hash.includes((code ?? '').replace('-', ''))));

    // Never shown again: the page now says it is on, without the key.
    const status = await client.get('/fr/account/two-factor');
    assert.doesNotMatch(status.body, new RegExp(secret.slice(0, 8)));
    assert.doesNotMatch(status.body, /otpauth:/);
    assert.match(status.body, /Il vous reste 10 codes de secours inutilisés/);
    assert.match((await client.get('/fr/account')).body, /La connexion en deux étapes est activée/);

    const entries = await auditOf(person.id);
    assert.ok(entries.some((entry) => entry.action === 'user.two_factor_enabled' && entry.actor_id === person.id));
    const mail = await lastMailTo(testApp.deps, person.email);
    assert.equal(mail?.subject, 'La connexion en deux étapes est activée sur votre compte Bridges');
    assert.match(mail?.body ?? '', /http:\/\/localhost:3000\/fr\/forgot-password/);
  });
});

describe('signing in with two-factor sign-in on', () => {
  test('the password leads to the code step; a wrong code is refused with 422; the right one signs in, once', async () => {
    const person = await memberWithTwoFactor();
    const client = new TestClient(testApp.app);
    const password = await signInWithPassword(client, person.email, 'fr');
    assert.equal(password.statusCode, 303);
    assert.equal(password.headers.location, '/fr/login/code');
    assert.equal(client.cookie(SESSION_COOKIE), undefined, 'no session before the code');
    assert.equal((await client.get('/fr/account')).statusCode, 303);

    const page = await client.get('/fr/login/code');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Saisissez votre code d’authentification/);
    assert.match(page.body, /autocomplete="one-time-code"/);

    const empty = await client.post('/fr/login/code', { code: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Saisissez le code de votre application d’authentification/);
    const wrong = await client.post('/fr/login/code', { code: '000000' === codeAt(person.secret, 1) ? '000001' : '000000' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /href="#code"/);
    assert.match(wrong.body, /Le code est incorrect/);

    // The code of the set-up step is spent; the app's next code works.
    const code = codeAt(person.secret, 1);
    const signedIn = await client.post('/fr/login/code', { code });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, '/fr/account');
    assert.ok(client.cookie(SESSION_COOKIE));
    assert.equal((await client.get('/fr/account')).statusCode, 200);

    // The same code, seen over a shoulder, does not sign anyone in again.
    const other = new TestClient(testApp.app);
    await signInWithPassword(other, person.email);
    const replay = await other.post('/en/login/code', { code });
    assert.equal(replay.statusCode, 422);
    assert.equal(other.cookie(SESSION_COOKIE), undefined);
  });

  test('a code step keeps the page asked for, and ends after five wrong codes', async () => {
    const person = await memberWithTwoFactor();
    const client = new TestClient(testApp.app);
    await client.get('/en/login?next=%2Fen%2Faccount%2Fexport');
    const password = await client.post('/en/login', { email: person.email, password: PASSWORD, next: '/en/account/export' });
    assert.equal(password.headers.location, '/en/login/code?next=%2Fen%2Faccount%2Fexport');
    await client.get(password.headers.location ?? '');
    for (let attempt = 1; attempt < 5; attempt += 1) {
      assert.equal((await client.post('/en/login/code', { code: 'zzzzz-zzzzz', next: '/en/account/export' })).statusCode, 422);
    }
    const fifth = await client.post('/en/login/code', { code: 'zzzzz-zzzzz', next: '/en/account/export' });
    assert.equal(fifth.statusCode, 303);
    assert.equal(fifth.headers.location, '/en/login?again=code&next=%2Fen%2Faccount%2Fexport');
    assert.match((await client.get(fifth.headers.location ?? '')).body, /the code was not entered in time, or was wrong too many times/);
    // Even the right code is too late now: the password must come first again.
    const late = await client.post('/en/login/code', { code: codeAt(person.secret, 1) });
    assert.equal(late.statusCode, 303);
    assert.match(late.headers.location ?? '', /^\/en\/login/);
    assert.equal(client.cookie(SESSION_COOKIE), undefined);

    await signInWithPassword(client, person.email);
    const signedIn = await client.post('/en/login/code', { code: codeAt(person.secret, 1), next: '/en/account/export' });
    assert.equal(signedIn.headers.location, '/en/account/export');
  });

  test('a recovery code signs in once; its use is audited and its owner mailed', async () => {
    const person = await memberWithTwoFactor();
    const [recovery] = person.codes;
    assert.ok(recovery);
    const client = new TestClient(testApp.app);
    await signInWithPassword(client, person.email);
    // People type them in capitals or without the hyphen; both are the same code.
    const signedIn = await client.post('/en/login/code', { code: ` ${recovery.toUpperCase().replace('-', ' ')} ` });
    assert.equal(signedIn.statusCode, 303);
    assert.equal((await client.get('/en/account')).statusCode, 200);
    assert.match((await client.get('/en/account/two-factor')).body, /You have 9 unused recovery codes/);
    const mail = await lastMailTo(testApp.deps, person.email);
    assert.equal(mail?.subject, 'A recovery code was used to sign in to your Bridges account');
    assert.match(mail?.body ?? '', /http:\/\/localhost:3000\/en\/forgot-password/);
    assert.doesNotMatch(mail?.body ?? '', new RegExp(recovery), 'the code itself is not mailed');

    const again = new TestClient(testApp.app);
    await signInWithPassword(again, person.email);
    const reused = await again.post('/en/login/code', { code: recovery });
    assert.equal(reused.statusCode, 422);
    assert.match(reused.body, /The code is not correct/);
    const mails = await testApp.deps.db.selectFrom('outbox').select('subject').where('recipient', '=', person.email).execute();
    assert.equal(mails.filter((sent) => sent.subject === mail?.subject).length, 1, 'a refused code mails nobody');

    const used = (await auditOf(person.id)).filter((entry) => entry.action === 'user.recovery_code_used');
    assert.equal(used.length, 1);
    assert.deepEqual(used[0]?.details, { left: 9 });
  });
});

describe('turning two-factor sign-in off', () => {
  test('needs the password or a current code; the member is mailed and the change audited', async () => {
    const person = await memberWithTwoFactor();
    const { client } = person;
    await client.get('/en/account/two-factor');
    const wrong = await client.post('/en/account/two-factor/disable', { confirmation: 'not my password' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /href="#confirmation"/);
    assert.match(wrong.body, /The password or code is not correct/);
    // The code that turned it on is spent, so it does not confirm anything either.
    assert.equal((await client.post('/en/account/two-factor/disable', { confirmation: person.setupCode })).statusCode, 422);

    const done = await client.post('/en/account/two-factor/disable', { confirmation: codeAt(person.secret, 1) });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/en/account?updated=twoFactorOff');
    assert.match((await client.get(done.headers.location ?? '')).body, /Two-factor sign-in has been turned off/);
    assert.equal(await testApp.deps.db.selectFrom('two_factor').select('user_id').where('user_id', '=', person.id).executeTakeFirst(), undefined);
    assert.equal((await testApp.deps.db.selectFrom('two_factor_recovery_codes').select('id').where('user_id', '=', person.id).execute()).length, 0);
    assert.ok((await auditOf(person.id)).some((entry) => entry.action === 'user.two_factor_disabled'));
    assert.equal((await lastMailTo(testApp.deps, person.email))?.subject, 'Two-factor sign-in is off for your Bridges account');

    // The password alone signs in again.
    const fresh = new TestClient(testApp.app);
    assert.equal((await signInWithPassword(fresh, person.email)).headers.location, '/en/account');
  });

  test('staff cannot turn it off', async () => {
    const editor = await createMember(testApp, { role: 'editor' });
    const page = await editor.client.get('/en/account/two-factor');
    assert.match(page.body, /Your role on Bridges requires two-factor sign-in, so it cannot be turned off/);
    assert.doesNotMatch(page.body, /two-factor\/disable/);
    const refused = await editor.client.post('/en/account/two-factor/disable', { confirmation: codeAt(editor.totpSecret ?? '') });
    assert.equal(refused.statusCode, 403);
    assert.ok(await testApp.deps.db.selectFrom('two_factor').select('user_id').where('user_id', '=', editor.id).executeTakeFirst());
  });
});

describe('staff without two-factor sign-in', () => {
  test('reach only the set-up page and sign-out until it is on', async () => {
    const person = await account('chair');
    const client = new TestClient(testApp.app);
    const signedIn = await signInWithPassword(client, person.email);
    assert.equal(signedIn.statusCode, 303);
    for (const path of ['/en/account', '/fr/', '/en/practices', '/en/review', '/en/account/export', '/en/account/delete']) {
      const response = await client.get(path);
      assert.equal(response.statusCode, 303, path);
      assert.equal(response.headers.location, `/${path.slice(1, 3)}/account/two-factor`, path);
    }
    const api = await client.get('/api/v1/practices', { accept: 'application/json' });
    assert.equal(api.statusCode, 403);

    const setup = await client.get('/en/account/two-factor');
    assert.equal(setup.statusCode, 200);
    assert.match(setup.body, /Your role on Bridges requires two-factor sign-in. Set it up to continue/);
    // A form elsewhere is refused too, even with a valid CSRF token.
    const profile = await client.post('/en/account/profile', { name: 'Someone Else' });
    assert.equal(profile.statusCode, 303);
    assert.equal((await testApp.deps.db.selectFrom('users').select('name').where('id', '=', person.id).executeTakeFirstOrThrow()).name, person.name);

    const secret = secretOn(setup.body);
    const enabled = await client.post('/en/account/two-factor/enable', { code: codeAt(secret), currentPassword: PASSWORD });
    assert.equal(enabled.statusCode, 200);
    assert.equal((await client.get('/en/account')).statusCode, 200);
  });

  test('can sign out', async () => {
    const editor = await createMember(testApp, { role: 'editor', twoFactor: false });
    await editor.client.get('/en/account/two-factor');
    const out = await editor.client.post('/en/logout');
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/en/');
    assert.equal((await testApp.deps.db.selectFrom('sessions').select('user_id').where('user_id', '=', editor.id).execute()).length, 0);
  });
});

describe('staff sessions', () => {
  /** Moves a member's sessions back in time, as if the minutes had passed. */
  async function age(userId: number, times: { idleMs?: number; ageMs?: number }) {
    const now = Date.now();
    const lastSeen = new Date(now - (times.idleMs ?? 0));
    // created_at is never written by the app, so the query layer offers no update for it.
    const created = times.ageMs === undefined ? sql`created_at` : sql`${new Date(now - times.ageMs)}`;
    await sql`UPDATE sessions SET last_seen_at = ${lastSeen}, created_at = ${created} WHERE user_id = ${userId}`.execute(testApp.deps.db);
  }
  const MINUTE = 60_000;

  test('end after 30 idle minutes, when a member’s go on', async () => {
    const editor = await createMember(testApp, { role: 'editor' });
    const member = await createMember(testApp);
    await age(editor.id, { idleMs: STAFF_SESSION_IDLE_MS - MINUTE });
    await age(member.id, { idleMs: STAFF_SESSION_IDLE_MS + MINUTE });
    assert.equal((await editor.client.get('/en/account')).statusCode, 200, '29 idle minutes');
    assert.equal((await member.client.get('/en/account')).statusCode, 200, 'a member after 31 idle minutes');

    await age(editor.id, { idleMs: STAFF_SESSION_IDLE_MS + MINUTE });
    const expired = await editor.client.get('/en/account');
    assert.equal(expired.statusCode, 303);
    assert.equal(expired.headers.location, '/en/login?next=%2Fen%2Faccount');
  });

  test('end 12 hours after sign-in however active, when a member’s go on', async () => {
    const admin = await createMember(testApp, { role: 'admin' });
    const member = await createMember(testApp);
    await age(admin.id, { ageMs: STAFF_SESSION_ABSOLUTE_MS - MINUTE });
    await age(member.id, { ageMs: STAFF_SESSION_ABSOLUTE_MS + MINUTE });
    assert.equal((await admin.client.get('/en/admin')).statusCode, 200);
    assert.equal((await member.client.get('/en/account')).statusCode, 200);

    await age(admin.id, { ageMs: STAFF_SESSION_ABSOLUTE_MS + MINUTE });
    assert.equal((await admin.client.get('/en/admin')).statusCode, 303);
  });

  test('a staff sign-in sets a session of 12 hours at most', async () => {
    const person = await account('lab_coordinator');
    const client = new TestClient(testApp.app);
    const response = await signInWithPassword(client, person.email);
    const cookie = response.cookies.find((entry) => entry.name === SESSION_COOKIE) as { maxAge?: number } | undefined;
    assert.equal(cookie?.maxAge, STAFF_SESSION_ABSOLUTE_MS / 1000);
    const session = await testApp.deps.db.selectFrom('sessions').select(['created_at', 'expires_at']).where('user_id', '=', person.id).executeTakeFirstOrThrow();
    assert.ok(session.expires_at.getTime() - session.created_at.getTime() <= STAFF_SESSION_ABSOLUTE_MS + 5_000);
  });
});

describe('audit log and mail', () => {
  test('a sign-in from a new browser or address is audited once; admins read it labelled', async () => {
    const person = await account();
    const newDevice = async () => (await auditOf(person.id)).filter((entry) => entry.action === 'user.signed_in_new_device');
    await signInWithPassword(new TestClient(testApp.app), person.email, 'en', FIREFOX);
    await signInWithPassword(new TestClient(testApp.app), person.email, 'en', FIREFOX);
    assert.equal((await newDevice()).length, 1);
    await signInWithPassword(new TestClient(testApp.app), person.email, 'en', SAFARI_IPHONE);
    const entries = await newDevice();
    assert.equal(entries.length, 2);
    assert.deepEqual(entries[1]?.details, { browser: 'Safari', system: 'iPhone' });
    assert.ok(!JSON.stringify(entries).includes('127.0.0.1'), 'no address in the log');

    const admin = await createMember(testApp, { role: 'admin' });
    const audit = await admin.client.get('/en/admin/audit');
    assert.match(audit.body, /Signed in from a new device/);
    assert.match((await admin.client.get('/ar/admin/audit')).body, /تسجيل دخول من جهاز جديد/);
  });

  test('deleting an account is audited and removes its two-factor records', async () => {
    const person = await memberWithTwoFactor();
    await person.client.get('/en/account/delete');
    const deleted = await person.client.post('/en/account/delete', { currentPassword: PASSWORD });
    assert.equal(deleted.statusCode, 303);
    const entries = await auditOf(person.id);
    const deletion = entries.find((entry) => entry.action === 'user.deleted');
    assert.ok(deletion);
    assert.equal(deletion.actor_id, person.id);
    assert.deepEqual(deletion.details, {});
    for (const table of ['two_factor', 'two_factor_recovery_codes', 'known_devices', 'sign_in_challenges'] as const) {
      const rows = await testApp.deps.db.selectFrom(table).select('user_id').where('user_id', '=', person.id).execute();
      assert.equal(rows.length, 0, table);
    }
  });

  test('a member is mailed in their language when the password changes, from the account page or a reset link', async () => {
    const person = await account('member', 'fr');
    const client = new TestClient(testApp.app);
    await signInWithPassword(client, person.email);
    await client.get('/en/account');
    const changed = await client.post('/en/account/password', { currentPassword: PASSWORD, newPassword: 'quiet rivers run deep' });
    assert.equal(changed.statusCode, 303);
    const mail = await lastMailTo(testApp.deps, person.email);
    assert.equal(mail?.subject, 'Votre mot de passe Bridges a été modifié');
    assert.match(mail?.body ?? '', new RegExp(`Bonjour ${person.name}`));

    await client.post('/en/forgot-password', { email: person.email });
    const link = /http:\/\/localhost:3000(\/\S+)/.exec((await lastMailTo(testApp.deps, person.email))?.body ?? '')?.[1] ?? '';
    await client.get(link);
    await client.post('/fr/reset-password', { token: new URL(link, 'http://x').searchParams.get('token') ?? '', password: 'another strong passphrase' });
    assert.equal((await lastMailTo(testApp.deps, person.email))?.subject, 'Votre mot de passe Bridges a été modifié');
  });
});
