import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, TestClient, lastMailTo, linkIn, type TestApp } from '../../test/app.ts';
import { SESSION_COOKIE } from '../../platform/sessions.ts';

let testApp: TestApp;
before(async () => {
  testApp = await startTestApp();
});
after(() => testApp.close());

const registration = {
  name: 'Amina Diallo',
  email: 'Amina@Example.org',
  password: 'harbour lanterns at dusk',
  organisation: 'Ville de Lyon',
  stakeholderType: 'local_government',
  country: 'FR',
};

async function registerAndVerify(client: TestClient, form = registration) {
  await client.get('/en/register');
  const response = await client.post('/en/register', form);
  assert.equal(response.statusCode, 303);
  const mail = await lastMailTo(testApp.deps, form.email.toLowerCase());
  assert.ok(mail, 'a confirmation mail is sent');
  const verified = await client.get(linkIn(mail.body));
  assert.equal(verified.statusCode, 200);
}

describe('registration', () => {
  test('invalid input re-renders the form with 422, an error summary and kept values, and writes nothing', async () => {
    const client = new TestClient(testApp.app);
    await client.get('/fr/register');
    const response = await client.post('/fr/register', {
      ...registration,
      name: '<b>Amina</b>',
      email: 'not-an-email',
      password: 'password',
      country: 'ZZ',
    });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /class="error-summary"/);
    assert.match(response.body, /href="#email"/);
    assert.match(response.body, /Saisissez une adresse e-mail/i);
    assert.match(response.body, /value="&lt;b>Amina&lt;\/b>"/, 'markup is kept as text');
    assert.doesNotMatch(response.body, /value="password"/, 'the password is never sent back');
    const users = await testApp.deps.db.selectFrom('users').select('id').where('email', '=', 'not-an-email').execute();
    assert.equal(users.length, 0);
  });

  test('a new member confirms the email, then signs in on a new session id', async () => {
    const client = new TestClient(testApp.app);
    await registerAndVerify(client);
    const user = await testApp.deps.db.selectFrom('users').selectAll().where('email', '=', 'amina@example.org').executeTakeFirstOrThrow();
    assert.ok(user.email_verified_at);
    assert.match(user.password_hash ?? '', /^\$argon2id\$/);

    await client.get('/en/login');
    const before = client.cookie(SESSION_COOKIE);
    const signedIn = await client.post('/en/login', { email: 'AMINA@example.org', password: registration.password });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, '/en/account');
    const sessionCookie = signedIn.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
    assert.ok(sessionCookie?.httpOnly);
    assert.equal(sessionCookie?.sameSite, 'Lax');
    assert.notEqual(client.cookie(SESSION_COOKIE), before);

    const home = await client.get('/en/');
    assert.match(home.body, /Welcome back, Amina Diallo/);
    await client.post('/en/logout');
    assert.doesNotMatch((await client.get('/en/')).body, /Welcome back/);
  });

  test('registering an email that exists looks the same to the visitor and warns the owner', async () => {
    const client = new TestClient(testApp.app);
    await client.get('/en/register');
    const response = await client.post('/en/register', { ...registration, name: 'Somebody Else' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/register/check-email');
    const mail = await lastMailTo(testApp.deps, 'amina@example.org');
    assert.match(mail?.subject ?? '', /tried to create/);
  });

  test('a confirmation link works once', async () => {
    const client = new TestClient(testApp.app);
    await client.get('/en/register');
    await client.post('/en/register', { ...registration, email: 'once@example.org', name: 'Once Only' });
    const link = linkIn((await lastMailTo(testApp.deps, 'once@example.org'))?.body ?? '');
    assert.equal((await client.get(link)).statusCode, 200);
    assert.equal((await client.get(link)).statusCode, 410);
  });
});

describe('sign-in', () => {
  test('wrong password and unknown email get the same answer', async () => {
    const client = new TestClient(testApp.app);
    await client.get('/en/login');
    const wrong = await client.post('/en/login', { email: 'amina@example.org', password: 'not the password' });
    const unknown = await client.post('/en/login', { email: 'nobody@example.org', password: 'not the password' });
    assert.equal(wrong.statusCode, 422);
    assert.equal(unknown.statusCode, 422);
    assert.match(wrong.body, /Enter a correct email address and password/);
    assert.equal(
      wrong.body.replace(/name="_csrf" value="[^"]+"/, '').replace(/value="[^"]*@example.org"/, ''),
      unknown.body.replace(/name="_csrf" value="[^"]+"/, '').replace(/value="[^"]*@example.org"/, ''),
    );
  });

  test('an unconfirmed account cannot sign in and is sent a new link', async () => {
    const client = new TestClient(testApp.app);
    await client.get('/en/register');
    await client.post('/en/register', { ...registration, email: 'late@example.org', name: 'Late Reader' });
    const response = await client.post('/en/login', { email: 'late@example.org', password: registration.password });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /not confirmed yet/);
    await testApp.mailSettled();
    const mails = await testApp.deps.db.selectFrom('outbox').select('id').where('recipient', '=', 'late@example.org').where('status', '=', 'sent').execute();
    assert.equal(mails.length, 2);
  });

  test('a post without the CSRF token is refused with a translated page', async () => {
    const client = new TestClient(testApp.app);
    const response = await client.post('/es/login', { _csrf: '', email: 'amina@example.org', password: registration.password });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /lang="es"/);
    assert.match(response.body, /<h1>/);
  });
});

describe('password reset', () => {
  test('a single-use link sets a new password and ends every session', async () => {
    const member = new TestClient(testApp.app);
    await member.get('/en/login');
    await member.post('/en/login', { email: 'amina@example.org', password: registration.password });

    const visitor = new TestClient(testApp.app);
    await visitor.get('/en/forgot-password');
    const asked = await visitor.post('/en/forgot-password', { email: 'amina@example.org' });
    assert.equal(asked.statusCode, 200);
    const unknown = await visitor.post('/en/forgot-password', { email: 'nobody@example.org' });
    assert.equal(unknown.body.replace(/name="_csrf" value="[^"]+"/, ''), asked.body.replace(/name="_csrf" value="[^"]+"/, ''));

    const link = linkIn((await lastMailTo(testApp.deps, 'amina@example.org'))?.body ?? '');
    const form = await visitor.get(link);
    assert.equal(form.statusCode, 200);
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const common = await visitor.post('/en/reset-password', { token, password: 'password123' });
    assert.equal(common.statusCode, 422);
    assert.match(common.body, /too common/);
    const reset = await visitor.post('/en/reset-password', { token, password: 'a brand new passphrase' });
    assert.equal(reset.statusCode, 200);
    assert.equal((await visitor.get(link)).statusCode, 410, 'the link works once');

    assert.doesNotMatch((await member.get('/en/')).body, /Welcome back/, 'old sessions ended');
    const again = await visitor.post('/en/login', { email: 'amina@example.org', password: 'a brand new passphrase' });
    assert.equal(again.statusCode, 303);
  });
});
