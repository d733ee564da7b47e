import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../db/schema/accounts.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { signInThroughForms, turnOnTwoFactor } from '../../test/members.ts';
import { accountService } from '../accounts/service.ts';
import { adminService } from './service.ts';

const PASSWORD = 'harbour lanterns at dusk';
const BULK_MEMBERS = 30;

let testApp: TestApp;
let adaId: number;
let moId: number;
let deletedId: number;
/** Signed in once each: sign-in is rate limited per address, and every test here comes from one. */
let ada: TestClient;
let mo: TestClient;

/** The authenticator secret of each account with two-factor sign-in, by email. */
const totpSecrets = new Map<string, string>();

async function signedIn(email: string): Promise<TestClient> {
  const client = new TestClient(testApp.app);
  const response = await signInThroughForms(testApp, client, { email, password: PASSWORD, totpSecret: totpSecrets.get(email) });
  assert.equal(response.statusCode, 303, `${email} signs in`);
  return client;
}

/** Admins have two-factor sign-in, as the site requires of them. */
async function createAccount(name: string, email: string, role: Role): Promise<number> {
  const account = { name, email, role, password: PASSWORD, organisation: '', stakeholderType: '', country: '' };
  const { id } = await accountService(testApp.deps).createAccount(account);
  if (role !== 'member') totpSecrets.set(email, await turnOnTwoFactor(testApp.deps, id));
  return id;
}

function roleOf(id: number) {
  return testApp.deps.db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow();
}

/** Role changes only: sign-ins from new devices are audited too. */
function auditEntries() {
  return testApp.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.role_changed').orderBy('id').execute();
}

/** The rows of the members table: one role form per live account. */
function roleFormCount(html: string): number {
  return html.match(/class="role-form/g)?.length ?? 0;
}

before(async () => {
  testApp = await startTestApp();
  adaId = await createAccount('Ada Admin', 'ada@example.org', 'admin');
  moId = await createAccount('Mo Member', 'mo@example.org', 'member');
  // Plain inserts: hashing thirty passwords would only slow the test down.
  await testApp.deps.db
    .insertInto('users')
    .values(
      Array.from({ length: BULK_MEMBERS }, (_, index) => {
        const number = String(index + 1).padStart(2, '0');
        return { handle: `bulk-${number}`, name: `Bulk Person ${number}`, email: `bulk${number}@example.org`, role: index < 3 ? 'editor' : 'member' };
      }),
    )
    .execute();
  await testApp.deps.db
    .insertInto('users')
    .values({ handle: 'special-chars', name: 'Percent 100%_done', email: 'percent@example.org' })
    .execute();
  const deleted = await testApp.deps.db
    .insertInto('users')
    .values({ handle: 'deleted-1a2b', name: null, email: null, deleted_at: new Date(), role: 'member' })
    .returning('id')
    .executeTakeFirstOrThrow();
  deletedId = deleted.id;
  ada = await signedIn('ada@example.org');
  mo = await signedIn('mo@example.org');
});
after(() => testApp.close());

describe('access', () => {
  test('a visitor is sent to sign in, and brought back afterwards', async () => {
    const visitor = new TestClient(testApp.app);
    for (const path of ['/en/admin', '/en/admin/members?page=2', '/en/admin/outbox', '/en/admin/audit']) {
      const response = await visitor.get(path);
      assert.equal(response.statusCode, 303, path);
      assert.equal(response.headers.location, `/en/login?next=${encodeURIComponent(path)}`);
    }
  });

  test('a member gets a translated 403 page', async () => {
    const member = mo;
    for (const path of ['/fr/admin', '/fr/admin/members', '/fr/admin/outbox', '/fr/admin/audit']) {
      const response = await member.get(path);
      assert.equal(response.statusCode, 403, path);
      assert.match(response.body, /lang="fr"/);
      assert.match(response.body, /Vous ne pouvez pas effectuer cette action/);
    }
    const post = await member.post(`/en/admin/members/${moId}/role`, { role: 'admin' });
    assert.equal(post.statusCode, 403);
    assert.equal((await roleOf(moId)).role, 'member');
  });

  test('an admin sees every page in every language', async () => {
    const admin = ada;
    for (const locale of LOCALES) {
      for (const path of ['/admin', '/admin/members', '/admin/outbox', '/admin/audit']) {
        const response = await admin.get(`/${locale}${path}`);
        assert.equal(response.statusCode, 200, `${locale}${path}`);
        assert.match(response.body, new RegExp(`lang="${locale}"`));
      }
    }
    const overview = await admin.get('/en/admin');
    assert.match(overview.body, /href="\/en\/admin\/members"/);
    assert.match(overview.body, /href="\/en\/admin\/outbox"/);
    assert.match(overview.body, /href="\/en\/admin\/audit"/);
    // Ada, Mo, the bulk members and the special one; the deleted account does not count.
    assert.match(overview.body, new RegExp(`${BULK_MEMBERS + 3} active accounts`));
    assert.match(overview.body, /1 administrator\b/);
  });
});

describe('members list', () => {
  test('pages hold 25 accounts, newest first; a page past the end is 404 and a bad page 400', async () => {
    const admin = ada;
    const first = await admin.get('/en/admin/members');
    assert.equal(first.statusCode, 200);
    assert.equal(first.body.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0].match(/<tr>/g)?.length, 25);
    assert.match(first.body, /Deleted member/);
    assert.match(first.body, new RegExp(`${BULK_MEMBERS + 4} accounts found`));
    assert.match(first.body, /href="\/en\/admin\/members\?page=2" rel="next"/);
    assert.ok(first.body.indexOf('Bulk Person 30') < first.body.indexOf('Bulk Person 29'), 'newest first');

    const second = await admin.get('/en/admin/members?page=2');
    assert.equal(second.statusCode, 200);
    assert.equal(second.body.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0].match(/<tr>/g)?.length, BULK_MEMBERS + 4 - 25);
    assert.match(second.body, /Ada Admin/);
    assert.match(second.body, /ada@example\.org/);
    assert.match(second.body, /Confirmed/);

    assert.equal((await admin.get('/en/admin/members?page=3')).statusCode, 404);
    for (const bad of ['0', 'two', '-1', '1.5']) {
      assert.equal((await admin.get(`/en/admin/members?page=${bad}`)).statusCode, 400, bad);
    }
    assert.equal((await admin.get('/en/admin/members?role=superuser')).statusCode, 400);
  });

  test('a deleted account shows no personal data and no role form', async () => {
    const admin = ada;
    const page = await admin.get('/en/admin/members');
    assert.doesNotMatch(page.body, /deleted-1a2b/, 'the handle is not shown');
    assert.doesNotMatch(page.body, new RegExp(`/admin/members/${deletedId}/role`));
    const post = await admin.post(`/en/admin/members/${deletedId}/role`, { role: 'editor' });
    assert.equal(post.statusCode, 404);
    assert.equal((await roleOf(deletedId)).role, 'member');
  });

  test('search matches name or email without case, and takes % and _ literally', async () => {
    const admin = ada;
    const byName = await admin.get('/en/admin/members?q=bulk+person+07');
    assert.match(byName.body, /Bulk Person 07/);
    assert.equal(roleFormCount(byName.body), 1);
    assert.match(byName.body, /value="bulk person 07"/, 'the search box keeps the query');

    const byEmail = await admin.get('/en/admin/members?q=ADA%40EXAMPLE');
    assert.equal(roleFormCount(byEmail.body), 1);
    assert.match(byEmail.body, /Ada Admin/);

    const percent = await admin.get(`/en/admin/members?q=${encodeURIComponent('100%_')}`);
    assert.equal(roleFormCount(percent.body), 1);
    assert.match(percent.body, /Percent 100%_done/);
    const underscore = await admin.get('/en/admin/members?q=_');
    assert.equal(roleFormCount(underscore.body), 1, 'only the name with an underscore');

    const nothing = await admin.get('/en/admin/members?q=nobody-at-all');
    assert.equal(nothing.statusCode, 200);
    assert.match(nothing.body, /No account matches this search/);
  });

  test('the role filter narrows the list, and pages keep the filter', async () => {
    const admin = ada;
    const editors = await admin.get('/en/admin/members?role=editor');
    assert.equal(roleFormCount(editors.body), 3);
    assert.match(editors.body, /<option value="editor" selected>Editor<\/option>/);
    assert.doesNotMatch(editors.body, /Mo Member/);

    const members = await admin.get('/en/admin/members?q=bulk&role=member');
    assert.equal(roleFormCount(members.body), 25);
    assert.match(members.body, /href="\/en\/admin\/members\?q=bulk&amp;role=member&amp;page=2"/);
    const rest = await admin.get('/en/admin/members?q=bulk&role=member&page=2');
    assert.equal(roleFormCount(rest.body), BULK_MEMBERS - 3 - 25);
  });
});

describe('changing a role', () => {
  test('an unknown role is refused with 422 on the same list, and nothing changes', async () => {
    const admin = ada;
    await admin.get('/en/admin/members?q=mo');
    const auditBefore = (await auditEntries()).length;
    const response = await admin.post(`/en/admin/members/${moId}/role?q=mo`, { role: 'superuser' });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /class="error-summary"/);
    assert.match(response.body, new RegExp(`href="#role-${moId}"`));
    assert.match(response.body, /Choose a role for Mo Member from the list/);
    assert.match(response.body, new RegExp(`id="role-${moId}"[^>]*aria-invalid="true"`));
    assert.equal((await roleOf(moId)).role, 'member');
    assert.equal((await auditEntries()).length, auditBefore);

    // The language switcher on that page links to the form's address: as a page, it leads back.
    const switched = await admin.get(`/ar/admin/members/${moId}/role?q=mo`);
    assert.equal(switched.statusCode, 303);
    assert.equal(switched.headers.location, '/ar/admin/members?q=mo');
  });

  test('a post without the CSRF token is refused and changes nothing', async () => {
    const admin = ada;
    const response = await admin.post(`/en/admin/members/${moId}/role`, { _csrf: '', role: 'editor' });
    assert.equal(response.statusCode, 403);
    assert.equal((await roleOf(moId)).role, 'member');
  });

  test('the last admin cannot give up the role', async () => {
    const admin = ada;
    await admin.get('/fr/admin/members');
    const response = await admin.post(`/fr/admin/members/${adaId}/role`, { role: 'member' });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Ada Admin est le dernier compte d’administration/);
    assert.equal((await roleOf(adaId)).role, 'admin');
    assert.equal((await auditEntries()).length, 0);
  });

  test('a change is recorded, shown in the list, and takes effect at once', async () => {
    const admin = ada;
    await admin.get('/en/admin/members?q=o&page=1');
    const response = await admin.post(`/en/admin/members/${moId}/role?q=o`, { role: 'editor' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/en/admin/members?q=o&changed=${moId}`);

    const list = await admin.get(response.headers.location ?? '');
    assert.match(list.body, /class="notification-banner notification-banner--success"/);
    assert.match(list.body, /The role of Mo Member is now: Editor\./);
    assert.equal((await roleOf(moId)).role, 'editor');

    const [entry] = await auditEntries();
    assert.ok(entry);
    assert.equal(entry.actor_id, adaId);
    assert.equal(entry.action, 'user.role_changed');
    assert.equal(entry.subject, `user:${moId}`);
    assert.deepEqual(entry.details, { from: 'member', to: 'editor' });

    const editors = await admin.get('/en/admin/members?role=editor');
    assert.match(editors.body, /Mo Member/);

    // Sessions read the role on every request: the new editor must set up two-factor sign-in
    // before anything else, then becomes an admin without signing in again.
    const gated = await mo.get('/en/admin');
    assert.equal(gated.statusCode, 303);
    assert.equal(gated.headers.location, '/en/account/two-factor');
    await turnOnTwoFactor(testApp.deps, moId);
    assert.equal((await mo.get('/en/admin')).statusCode, 403);
    await admin.get('/en/admin/members');
    assert.equal((await admin.post(`/en/admin/members/${moId}/role`, { role: 'admin' })).statusCode, 303);
    assert.equal((await mo.get('/en/admin')).statusCode, 200);
  });

  test('with another admin, an admin may step down and loses access', async () => {
    const admin = ada;
    await admin.get('/en/admin/members');
    const response = await admin.post(`/en/admin/members/${adaId}/role`, { role: 'editor' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/');
    assert.equal((await admin.get('/en/admin')).statusCode, 403);

    // Mo is now the last admin; restore Ada for the tests that follow.
    await mo.get('/en/admin/members');
    const refused = await mo.post(`/en/admin/members/${moId}/role`, { role: 'member' });
    assert.equal(refused.statusCode, 422);
    assert.equal((await mo.post(`/en/admin/members/${adaId}/role`, { role: 'admin' })).statusCode, 303);
  });

  test('two admins demoting each other at once cannot leave the site without an admin', async () => {
    const service = adminService(testApp.deps);
    const results = await Promise.allSettled([service.changeRole(adaId, moId, 'member'), service.changeRole(moId, adaId, 'member')]);
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
    const admins = await testApp.deps.db.selectFrom('users').select('id').where('role', '=', 'admin').where('deleted_at', 'is', null).execute();
    assert.equal(admins.length, 1);
    // Whoever is left restores the other, so the rest of the file runs with both admins.
    const [survivor] = admins;
    assert.ok(survivor);
    await service.changeRole(survivor.id, survivor.id === adaId ? moId : adaId, 'admin');
  });
});

describe('outbox', () => {
  test('lists mail newest first and shows a body as escaped text', async () => {
    await testApp.deps.mailer.send({ to: 'first@example.org', subject: 'An older message', text: 'Old news' });
    await testApp.deps.mailer.send({
      to: 'reader@example.org',
      subject: 'Confirm <your> address',
      text: 'Hello,\n\nOpen http://localhost:3000/en/verify-email?token=abc&x=1 to confirm.\n<script>alert(1)</script>',
    });
    const admin = ada;
    await testApp.mailSettled();
    const list = await admin.get('/en/admin/outbox');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /reader@example\.org/);
    assert.match(list.body, /Confirm &lt;your> address/);
    assert.ok(list.body.indexOf('Confirm &lt;your>') < list.body.indexOf('An older message'), 'newest first');
    assert.doesNotMatch(list.body, /mail is now delivered/i);

    const mail = await testApp.deps.db.selectFrom('outbox').select('id').where('recipient', '=', 'reader@example.org').executeTakeFirstOrThrow();
    assert.match(list.body, new RegExp(`href="/en/admin/outbox/${mail.id}"`));
    const detail = await admin.get(`/en/admin/outbox/${mail.id}`);
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /<pre class="mail-body"[^>]*>Hello,\n\nOpen http:\/\/localhost:3000\/en\/verify-email\?token=abc&amp;x=1 to confirm\.\n&lt;script>/);
    assert.doesNotMatch(detail.body, /href="http:\/\/localhost:3000\/en\/verify-email/, 'links are not made clickable');
    assert.doesNotMatch(detail.body, /<script>alert/);

    assert.equal((await admin.get('/en/admin/outbox/999999')).statusCode, 404);
    assert.equal((await admin.get('/en/admin/outbox/abc')).statusCode, 400);
    assert.equal((await admin.get('/en/admin/outbox?page=2')).statusCode, 404);
  });

  test('every mail is listed with its delivery status, attempts and last error, in every language', async () => {
    const { db } = testApp.deps;
    await db
      .insertInto('outbox')
      .values([
        { recipient: 'waiting@example.org', subject: 'Still waiting', body: 'W', status: 'queued', attempts: 2, last_error: 'connect ECONNREFUSED 127.0.0.1:587' },
        { recipient: 'refused@example.org', subject: 'Given up', body: 'G', status: 'failed', attempts: 11, last_error: '550 5.1.1 mailbox unavailable' },
        { recipient: 'smtp@example.org', subject: 'Went out', body: 'S', status: 'sent', transport: 'smtp', attempts: 1, sent_at: new Date() },
      ])
      .execute();
    const list = await ada.get('/en/admin/outbox');
    const rowOf = (recipient: string) => new RegExp(`<tr[^>]*>(?:(?!</tr>).)*${recipient.replace('.', '\\.')}(?:(?!</tr>).)*</tr>`, 's').exec(list.body)?.[0] ?? '';
    assert.match(rowOf('waiting@example.org'), /Waiting to be sent(?:(?!<\/tr>).)*>2<(?:(?!<\/tr>).)*connect ECONNREFUSED 127\.0\.0\.1:587/s);
    assert.match(rowOf('refused@example.org'), /Failed(?:(?!<\/tr>).)*>11<(?:(?!<\/tr>).)*550 5\.1\.1 mailbox unavailable/s);
    assert.match(rowOf('smtp@example.org'), />Sent</);
    assert.match(rowOf('reader@example.org'), /Kept in the outbox/, 'without SMTP a mail is kept, not sent');

    const refused = await db.selectFrom('outbox').select('id').where('recipient', '=', 'refused@example.org').executeTakeFirstOrThrow();
    const detail = await ada.get(`/en/admin/outbox/${refused.id}`);
    assert.match(detail.body, /Delivery attempts(?:(?!<\/div>).)*11/s);
    assert.match(detail.body, /550 5\.1\.1 mailbox unavailable/);

    for (const locale of LOCALES) {
      const page = await ada.get(`/${locale}/admin/outbox`);
      assert.equal(page.statusCode, 200, locale);
      assert.match(page.body, /550 5\.1\.1 mailbox unavailable/, locale);
    }
    await db.deleteFrom('outbox').where('recipient', 'in', ['waiting@example.org', 'refused@example.org', 'smtp@example.org']).execute();
  });

  test('the list is paginated', async () => {
    const { db } = testApp.deps;
    await db
      .insertInto('outbox')
      .values(Array.from({ length: 60 }, (_, index) => ({ recipient: `bulk-mail-${index}@example.org`, subject: `Bulk ${index}`, body: 'B', status: 'sent' as const, transport: 'outbox' as const })))
      .execute();
    try {
      const first = await ada.get('/en/admin/outbox');
      const second = await ada.get('/en/admin/outbox?page=2');
      assert.equal(second.statusCode, 200);
      assert.match(first.body, /href="\/en\/admin\/outbox\?page=2"/);
      assert.ok(first.body.includes('bulk-mail-59@example.org'), 'newest on the first page');
      assert.ok(!second.body.includes('bulk-mail-59@example.org'));
    } finally {
      await db.deleteFrom('outbox').where('recipient', 'like', 'bulk-mail-%').execute();
    }
  });

  test('with SMTP configured the page says mail is delivered by the mail server', async () => {
    const smtpApp = await startTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
    try {
      const account = { name: 'Sam Admin', email: 'sam@example.org', role: 'admin', password: PASSWORD, organisation: '', stakeholderType: '', country: '' };
      const { id } = await accountService(smtpApp.deps).createAccount(account);
      const totpSecret = await turnOnTwoFactor(smtpApp.deps, id);
      const client = new TestClient(smtpApp.app);
      await signInThroughForms(smtpApp, client, { email: 'sam@example.org', password: PASSWORD, totpSecret });
      const page = await client.get('/en/admin/outbox');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Mail is delivered by the mail server \(SMTP\)/);
      assert.match(page.body, /The outbox is empty/);
    } finally {
      await smtpApp.close();
    }
  });
});

describe('audit log', () => {
  test('lists role changes newest first with who, what and when', async () => {
    const admin = ada;
    const page = await admin.get('/en/admin/audit');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Role changed/);
    assert.match(page.body, /From Member to Editor/);
    assert.match(page.body, /Ada Admin/);
    assert.match(page.body, new RegExp(`Mo Member <span class="muted">\\(user:${moId}\\)</span>`));
    assert.match(page.body, /<time datetime="\d{4}-\d\d-\d\dT/);
    const rows = page.body.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0] ?? '';
    assert.ok(rows.indexOf('From Member to Editor') > rows.indexOf('From Editor to Administrator'), 'newest first');

    const french = await admin.get('/fr/admin/audit');
    assert.match(french.body, /Rôle modifié/);
    assert.match(french.body, /Ancien rôle : Membre ; nouveau rôle : Éditeur ou éditrice/);
  });
});
