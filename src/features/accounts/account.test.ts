import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { safeNextPath } from '../../platform/guards.ts';
import { SESSION_COOKIE } from '../../platform/sessions.ts';
import { describeUserAgent } from '../../lib/user-agent.ts';
import { hashToken } from '../../lib/tokens.ts';
import { accountService } from './service.ts';

let testApp: TestApp;
before(async () => {
  testApp = await startTestApp();
});
after(() => testApp.close());

const PASSWORD = 'harbour lanterns at dusk';
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0';
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

interface Member {
  id: number;
  email: string;
}

let memberCount = 0;
/** A confirmed member with a profile, created directly: registration has its own tests. */
async function newMember(name: string): Promise<Member> {
  memberCount += 1;
  const email = `member${memberCount}@example.org`;
  const { id } = await accountService(testApp.deps).createAccount({
    name,
    email,
    password: PASSWORD,
    organisation: 'Ville de Lyon',
    stakeholderType: 'local_government',
    country: 'FR',
    role: 'member',
  });
  return { id, email };
}

/** A browser signed in as the member, announcing the given User-Agent. */
async function signedIn(member: Member, userAgent = FIREFOX_ANDROID, password = PASSWORD): Promise<TestClient> {
  // Every client here signs in from the same loopback address: reset the sign-in rate limit
  // so that the number of tests in this file does not trip it.
  await testApp.deps.db.deleteFrom('rate_limits').execute();
  const client = new TestClient(testApp.app);
  await client.get('/en/login');
  const response = await client.post('/en/login', { email: member.email, password }, { 'user-agent': userAgent });
  assert.equal(response.statusCode, 303, 'signed in');
  return client;
}

function sessionsOf(userId: number) {
  return testApp.deps.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute();
}

/** The public ids in the account page's "Sign out this session" forms. */
function publicIdsIn(html: string): string[] {
  return [...html.matchAll(/name="session" value="([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('access', () => {
  test('a visitor is sent to sign in, and comes back to the page asked for', async () => {
    const visitor = new TestClient(testApp.app);
    for (const path of ['/en/account', '/en/account/export', '/en/account/delete']) {
      const response = await visitor.get(path);
      assert.equal(response.statusCode, 303, path);
      assert.equal(response.headers.location, `/en/login?next=${encodeURIComponent(path)}`);
    }
    const form = await visitor.get('/en/login?next=%2Fen%2Faccount%2Fdelete');
    assert.match(form.body, /name="next" value="\/en\/account\/delete"/);

    const member = await newMember('Returning Reader');
    await testApp.deps.db.deleteFrom('rate_limits').execute();
    const back = await visitor.post('/en/login', { email: member.email, password: PASSWORD, next: '/en/account/delete' });
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, '/en/account/delete');
    assert.equal((await visitor.get('/en/account/delete')).statusCode, 200);
  });

  test('a visitor posting to the account area is sent to sign in without a way back', async () => {
    const visitor = new TestClient(testApp.app);
    await visitor.get('/en/login');
    const response = await visitor.post('/en/account/profile', { name: 'Nobody' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/login');
  });

  test('sign-in ignores a next that leaves the site or the locale', async () => {
    const member = await newMember('Careful Clicker');
    for (const next of ['//evil.example/', 'https://evil.example/en/', '/\\evil.example', '/fr/account', 'javascript:alert(1)', '/en/ac count']) {
      const form = await new TestClient(testApp.app).get(`/en/login?next=${encodeURIComponent(next)}`);
      assert.doesNotMatch(form.body, /name="next"/, next);
      await testApp.deps.db.deleteFrom('rate_limits').execute();
      const client = new TestClient(testApp.app);
      await client.get('/en/login');
      const response = await client.post('/en/login', { email: member.email, password: PASSWORD, next });
      assert.equal(response.headers.location, '/en/account', next);
    }
  });

  test('safeNextPath keeps only paths in the locale', () => {
    assert.equal(safeNextPath('/en/account?tab=1', 'en'), '/en/account?tab=1');
    assert.equal(safeNextPath('/en', 'en'), '/en');
    assert.equal(safeNextPath('/fr/account', 'en'), null);
    assert.equal(safeNextPath('/en//evil', 'en'), '/en//evil', 'a double slash after the prefix stays on this site');
    assert.equal(safeNextPath('/enx', 'en'), null);
    assert.equal(safeNextPath('/en/\r\nSet-Cookie:x', 'en'), null);
    assert.equal(safeNextPath(['/en/'], 'en'), null);
    assert.equal(safeNextPath(`/en/${'a'.repeat(600)}`, 'en'), null);
  });
});

describe('profile', () => {
  test('the page shows the profile, and a valid edit is saved with a banner', async () => {
    const member = await newMember('Amina Diallo');
    const client = await signedIn(member);
    const page = await client.get('/en/account');
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'private, no-store');
    assert.match(page.body, /<h1>Your account<\/h1>/);
    assert.match(page.body, /member\d+@example\.org/);
    assert.match(page.body, /Local government or city/);
    assert.match(page.body, /id="name"[^>]*value="Amina Diallo"|value="Amina Diallo"[^>]*id="name"/);
    assert.match(page.body, /href="\/en\/account\/export"/);
    assert.match(page.body, /href="\/en\/account\/delete"/);

    const saved = await client.post('/en/account/profile', { name: '  Amina Diallo-Sow ', organisation: '', stakeholderType: 'civil_society', country: 'SN' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/en/account?updated=profile');
    const after = await client.get('/en/account?updated=profile');
    assert.match(after.body, /Your profile has been saved/);
    assert.match(after.body, /Civil society or NGO/);
    assert.match(after.body, /Senegal/);

    const row = await testApp.deps.db.selectFrom('users').selectAll().where('id', '=', member.id).executeTakeFirstOrThrow();
    assert.equal(row.name, 'Amina Diallo-Sow');
    assert.equal(row.organisation, null);
    assert.equal(row.stakeholder_type, 'civil_society');
    assert.equal(row.country, 'SN');
  });

  test('invalid input re-renders with 422, an error summary and the values kept, and saves nothing', async () => {
    const member = await newMember('Kept Values');
    const client = await signedIn(member);
    await client.get('/fr/account');
    const response = await client.post('/fr/account/profile', {
      name: '',
      organisation: '<b>Mairie</b>',
      stakeholderType: 'pirates',
      country: 'ZZ',
    });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /class="error-summary"/);
    assert.match(response.body, /href="#name"/);
    assert.match(response.body, /href="#country"/);
    assert.match(response.body, /Saisissez votre nom complet/);
    assert.match(response.body, /value="&lt;b>Mairie&lt;\/b>"/, 'the typed value is kept, as text');
    const row = await testApp.deps.db.selectFrom('users').select(['name', 'country']).where('id', '=', member.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { name: 'Kept Values', country: 'FR' });
  });

  test('an unknown banner flag shows no banner', async () => {
    const client = await signedIn(await newMember('Flag Tester'));
    const page = await client.get('/en/account?updated=<script>');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /notification-banner--success/);
  });

  test('a post without the CSRF token is refused and changes nothing', async () => {
    const member = await newMember('Csrf Target');
    const client = await signedIn(member);
    await client.get('/en/account');
    const response = await client.post('/en/account/profile', { _csrf: '', name: 'Hijacked', organisation: '', stakeholderType: '', country: '' });
    assert.equal(response.statusCode, 403);
    const deleted = await client.post('/en/account/delete', { _csrf: '', currentPassword: PASSWORD });
    assert.equal(deleted.statusCode, 403);
    const row = await testApp.deps.db.selectFrom('users').select(['name', 'deleted_at']).where('id', '=', member.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { name: 'Csrf Target', deleted_at: null });
  });
});

describe('password', () => {
  test('a wrong or missing current password is refused with 422 and nothing is echoed', async () => {
    const member = await newMember('Wrong Guess');
    const client = await signedIn(member);
    await client.get('/en/account');
    const wrong = await client.post('/en/account/password', { currentPassword: 'not my password', newPassword: 'a fresh passphrase here' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /href="#currentPassword"/);
    assert.match(wrong.body, /Your current password is not correct/);
    assert.doesNotMatch(wrong.body, /not my password|a fresh passphrase here/);

    const empty = await client.post('/en/account/password', { currentPassword: '', newPassword: 'short' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Enter your current password/);
    assert.match(empty.body, /Password must be 8 characters or more/);

    const row = await testApp.deps.db.selectFrom('users').select('password_hash').where('id', '=', member.id).executeTakeFirstOrThrow();
    const stillOld = await signedIn(member);
    assert.ok(row.password_hash && stillOld, 'the old password still works');
  });

  test('a change keeps this session and ends the others', async () => {
    const member = await newMember('Careful Changer');
    const laptop = await signedIn(member, CHROME_WINDOWS);
    const phone = await signedIn(member, FIREFOX_ANDROID);
    await laptop.get('/en/account');
    const changed = await laptop.post('/en/account/password', { currentPassword: PASSWORD, newPassword: 'a fresh passphrase here' });
    assert.equal(changed.statusCode, 303);
    assert.equal(changed.headers.location, '/en/account?updated=password');

    const page = await laptop.get('/en/account?updated=password');
    assert.equal(page.statusCode, 200, 'this session stays');
    assert.match(page.body, /Your password has been changed/);
    assert.equal((await phone.get('/en/account')).statusCode, 303, 'the other session ended');
    assert.equal((await sessionsOf(member.id)).length, 1);

    await testApp.deps.db.deleteFrom('rate_limits').execute();
    const stranger = new TestClient(testApp.app);
    await stranger.get('/en/login');
    const old = await stranger.post('/en/login', { email: member.email, password: PASSWORD });
    assert.equal(old.statusCode, 422, 'the old password no longer works');
    await signedIn(member, FIREFOX_ANDROID, 'a fresh passphrase here');
  });
});

describe('sessions', () => {
  test('the list shows readable devices, marks this one and never shows a secret', async () => {
    const member = await newMember('Two Devices');
    const laptop = await signedIn(member, CHROME_WINDOWS);
    const phone = await signedIn(member, FIREFOX_ANDROID);
    const page = await laptop.get('/en/account');
    assert.match(page.body, /Chrome on Windows/);
    assert.match(page.body, /Firefox on Android/);
    assert.equal(page.body.match(/This device/g)?.length, 1);
    assert.equal(publicIdsIn(page.body).length, 2);
    for (const session of await sessionsOf(member.id)) {
      assert.ok(page.body.includes(session.public_id));
      assert.ok(!page.body.includes(session.id_hash), 'the lookup hash never reaches the page');
    }
    for (const cookie of [laptop.cookie(SESSION_COOKIE), phone.cookie(SESSION_COOKIE)]) {
      assert.ok(cookie && !page.body.includes(cookie), 'no cookie value on the page');
    }
    assert.match(page.body, /<time datetime="\d{4}-\d\d-\d\dT/);
  });

  test('a member signs out another of their sessions', async () => {
    const member = await newMember('Lost Phone');
    const laptop = await signedIn(member, CHROME_WINDOWS);
    const phone = await signedIn(member, FIREFOX_ANDROID);
    const phoneSession = (await sessionsOf(member.id)).find((session) => session.id_hash === hashToken(phone.cookie(SESSION_COOKIE) ?? ''));
    assert.ok(phoneSession);

    await laptop.get('/en/account');
    const revoked = await laptop.post('/en/account/sessions/revoke', { session: phoneSession.public_id });
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, '/en/account?updated=session');
    assert.equal((await phone.get('/en/account')).statusCode, 303, 'the phone is signed out');
    assert.equal((await laptop.get('/en/account')).statusCode, 200, 'the laptop is not');
    assert.equal((await sessionsOf(member.id)).length, 1);
  });

  test('signing out this very session signs the browser out', async () => {
    const member = await newMember('Self Revoker');
    const client = await signedIn(member);
    const [own] = publicIdsIn((await client.get('/en/account')).body);
    const response = await client.post('/en/account/sessions/revoke', { session: own ?? '' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/login');
    assert.equal(client.cookie(SESSION_COOKIE), undefined);
    assert.equal((await sessionsOf(member.id)).length, 0);
  });

  test("another member's session id is not found and nothing is deleted", async () => {
    const victim = await newMember('Victim Member');
    await signedIn(victim);
    const [victimSession] = await sessionsOf(victim.id);
    assert.ok(victimSession);

    const attacker = await signedIn(await newMember('Nosy Member'));
    await attacker.get('/en/account');
    const response = await attacker.post('/en/account/sessions/revoke', { session: victimSession.public_id });
    assert.equal(response.statusCode, 404);
    const unknown = await attacker.post('/en/account/sessions/revoke', { session: 'no-such-session' });
    assert.equal(unknown.statusCode, 404);
    const byHash = await attacker.post('/en/account/sessions/revoke', { session: victimSession.id_hash });
    assert.equal(byHash.statusCode, 404, 'the lookup hash is not an id either');
    assert.equal((await sessionsOf(victim.id)).length, 1);
  });

  test('user agents are shortened to browser and system', () => {
    assert.deepEqual(describeUserAgent(CHROME_WINDOWS), { browser: 'Chrome', system: 'Windows' });
    assert.deepEqual(describeUserAgent(FIREFOX_ANDROID), { browser: 'Firefox', system: 'Android' });
    assert.deepEqual(
      describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'),
      { browser: 'Safari', system: 'iPhone' },
    );
    assert.deepEqual(
      describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0'),
      { browser: 'Edge', system: 'macOS' },
    );
    assert.deepEqual(describeUserAgent(''), { browser: null, system: null });
  });
});

describe('data export', () => {
  test('is a JSON attachment with the profile and sessions, and no secret', async () => {
    const member = await newMember('Data Subject');
    const client = await signedIn(member, CHROME_WINDOWS);
    await signedIn(member, FIREFOX_ANDROID);
    const response = await client.get('/en/account/export');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.equal(response.headers['content-disposition'], 'attachment; filename="bridges-my-data.json"');
    assert.equal(response.headers['cache-control'], 'no-store');

    const data = JSON.parse(response.body) as {
      format: string;
      account: Record<string, unknown>;
      sessions: Record<string, unknown>[];
      content: Record<string, unknown>;
    };
    assert.equal(data.format, 'bridges-account-export');
    assert.equal(data.account.email, member.email);
    assert.equal(data.account.name, 'Data Subject');
    assert.equal(data.account.organisation, 'Ville de Lyon');
    assert.equal(data.account.country, 'FR');
    assert.equal(data.account.role, 'member');
    assert.equal(data.sessions.length, 2);
    assert.equal(data.sessions.filter((session) => session.thisDevice).length, 1);
    // One section per registered table: nothing written yet, but the audit log saw both sign-ins.
    const { auditEntries, ...written } = data.content as Record<string, Record<string, unknown>[]>;
    for (const rows of Object.values(written)) assert.deepEqual(rows, []);
    assert.deepEqual(auditEntries?.map((entry) => [entry.action, entry.byYou]), [['user.signed_in_new_device', true], ['user.signed_in_new_device', true]]);

    assert.doesNotMatch(response.body, /argon2/i);
    assert.doesNotMatch(response.body, /hash/i);
    const user = await testApp.deps.db.selectFrom('users').select('password_hash').where('id', '=', member.id).executeTakeFirstOrThrow();
    assert.ok(user.password_hash && !response.body.includes(user.password_hash));
    for (const session of await sessionsOf(member.id)) {
      assert.ok(!response.body.includes(session.id_hash), 'no session hash');
    }
    assert.ok(!response.body.includes(client.cookie(SESSION_COOKIE) ?? '<none>'), 'no cookie value');
  });
});

describe('account deletion', () => {
  test('explains what happens, needs the password, then wipes personal data and keeps the row', async () => {
    const member = await newMember('Leaving Member');
    const client = await signedIn(member);
    const other = await signedIn(member, CHROME_WINDOWS);
    // A pending reset link must die with the account.
    await new TestClient(testApp.app).get('/en/forgot-password');
    await accountService(testApp.deps).requestPasswordReset(member.email, 'en');

    const page = await client.get('/en/account/delete');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /What is removed/);
    assert.match(page.body, /deleted member/);

    const empty = await client.post('/en/account/delete', { currentPassword: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /href="#currentPassword"/);
    assert.match(empty.body, /Enter your current password/);
    const wrong = await client.post('/en/account/delete', { currentPassword: 'guess' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Your current password is not correct/);
    assert.equal((await testApp.deps.db.selectFrom('users').select('deleted_at').where('id', '=', member.id).executeTakeFirstOrThrow()).deleted_at, null);

    const deleted = await client.post('/en/account/delete', { currentPassword: PASSWORD });
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/en/?account=deleted');
    assert.equal(client.cookie(SESSION_COOKIE), undefined, 'signed out');
    const home = await client.get('/en/?account=deleted');
    assert.match(home.body, /Your account has been deleted/);
    assert.doesNotMatch(home.body, /Welcome back/);
    assert.equal((await other.get('/en/account')).statusCode, 303, 'every other session ended too');

    const row = await testApp.deps.db.selectFrom('users').selectAll().where('id', '=', member.id).executeTakeFirstOrThrow();
    assert.ok(row.deleted_at, 'the row stays, marked deleted');
    assert.match(row.handle, /^deleted-[0-9a-f]{12}$/);
    assert.deepEqual(
      [row.email, row.name, row.password_hash, row.organisation, row.stakeholder_type, row.country, row.bio],
      [null, null, null, null, null, null, null],
    );
    assert.equal((await sessionsOf(member.id)).length, 0);
    const tokens = await testApp.deps.db.selectFrom('single_use_links').select('subject_id').where('subject_kind', '=', 'user').where('subject_id', '=', member.id).execute();
    assert.equal(tokens.length, 0);

    // Signing in with the old address fails exactly like an unknown one.
    await testApp.deps.db.deleteFrom('rate_limits').execute();
    const visitor = new TestClient(testApp.app);
    await visitor.get('/en/login');
    const refused = await visitor.post('/en/login', { email: member.email, password: PASSWORD });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Enter a correct email address and password/);

    // The address is free again.
    await visitor.get('/en/register');
    const again = await visitor.post('/en/register', {
      name: 'Back Again',
      email: member.email,
      password: PASSWORD,
      organisation: '',
      stakeholderType: '',
      country: '',
    });
    assert.equal(again.statusCode, 303);
    const fresh = await testApp.deps.db.selectFrom('users').select(['id', 'name']).where('email', '=', member.email).executeTakeFirstOrThrow();
    assert.notEqual(fresh.id, member.id);
    assert.equal(fresh.name, 'Back Again');
  });
});
