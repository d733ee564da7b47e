import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { SMTPServer } from 'smtp-server';
import { allContentKinds } from '../../content-kinds.ts';
import { smtpTransport, MAIL_QUEUE } from '../../platform/mail.ts';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { listenSmtp, readableMail, stopSmtp, type ReceivedMail } from '../../test/smtp.ts';
import { samplePractice } from '../practices/fixtures.ts';
import { practiceService } from '../practices/service.ts';
import { notificationsService, type NotificationsService } from './index.ts';

let testApp: TestApp;
let smtp: SMTPServer;
const received: ReceivedMail[] = [];
let notifications: NotificationsService;
let titleCount = 0;

before(async () => {
  let port: number;
  ({ smtp, port } = await listenSmtp(received));
  testApp = await startTestApp({ transport: smtpTransport(`smtp://127.0.0.1:${port}`, 'Bridges <no-reply@bridges.example>') });
  notifications = notificationsService({ ...testApp.deps, kinds: allContentKinds() });
});
after(async () => {
  await testApp.close();
  await stopSmtp(smtp);
});

async function mailsTo(member: TestMember): Promise<ReceivedMail[]> {
  await testApp.deps.jobs.whenIdle([MAIL_QUEUE]);
  return received.filter((mail) => mail.to.includes(member.email));
}

async function publish(overrides: Parameters<typeof samplePractice>[0] = {}, authorId: number | null = null): Promise<{ slug: string; title: string }> {
  titleCount += 1;
  const title = `Followed practice ${titleCount} ${Date.now()}`;
  const slug = await practiceService(testApp.deps).create(samplePractice({ title, ...overrides }), { authorId, status: 'published' });
  return { slug, title };
}

async function follow(member: TestMember, kind: string, key: string) {
  await member.client.get('/en/account/follows');
  return member.client.post('/en/follows', { kind, key, action: 'follow', back: '/en/account/follows' });
}

async function chooseDigest(member: TestMember, digest: 'off' | 'daily' | 'weekly') {
  await member.client.get('/en/account/notifications');
  const response = await member.client.post('/en/account/notifications', { digest, notices: 'yes' });
  assert.equal(response.statusCode, 303);
}

describe('digests', () => {
  let reader: TestMember;
  beforeEach(async () => {
    reader = await createMember(testApp, { name: 'Dora Digest' });
  });

  test('a member who follows a country gets the new practice there in the next digest exactly once, and not in the one after', async () => {
    await chooseDigest(reader, 'daily');
    assert.equal((await follow(reader, 'country', 'SN')).statusCode, 303);
    const practice = await publish({ countries: ['SN'], topics: ['employment'], city: { name: 'Dakar', country: 'SN', latitude: 14.7167, longitude: -17.4677 } });

    const first = await notifications.runDigests('daily');
    assert.ok(first.mails >= 1);
    const mails = await mailsTo(reader);
    assert.equal(mails.length, 1);
    const text = readableMail(mails[0] as ReceivedMail);
    assert.equal(text.split(practice.title).length - 1, 1, 'the practice appears once');
    assert.match(text, /In Senegal/);
    assert.match(text, /^List-Unsubscribe: <http:\/\/localhost:3000\/en\/unsubscribe\/[^>]+>/m);
    assert.match(text, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

    await notifications.runDigests('daily');
    assert.equal((await mailsTo(reader)).length, 1, 'nothing new: no second mail');
  });

  test('an item that two follows bring appears once, and a digest is never sent empty', async () => {
    await chooseDigest(reader, 'weekly');
    await follow(reader, 'country', 'MA');
    await follow(reader, 'topic', 'health');
    const practice = await publish({ countries: ['MA'], topics: ['health'] });
    await notifications.runDigests('weekly');
    const mails = await mailsTo(reader);
    assert.equal(mails.length, 1);
    assert.equal(readableMail(mails[0] as ReceivedMail).split(practice.title).length - 1, 1);
    // A daily run has nothing for a weekly reader.
    await notifications.runDigests('daily');
    assert.equal((await mailsTo(reader)).length, 1);
  });

  test('the digest is off until the member opts in', async () => {
    await follow(reader, 'country', 'EC');
    await publish({ countries: ['EC'] });
    await notifications.runDigests('daily');
    await notifications.runDigests('weekly');
    assert.equal((await mailsTo(reader)).length, 0);
  });

  test('two runs at once send each digest once', async () => {
    await chooseDigest(reader, 'daily');
    await follow(reader, 'country', 'KE');
    await publish({ countries: ['KE'] });
    await Promise.all([notifications.runDigests('daily'), notifications.runDigests('daily')]);
    assert.equal((await mailsTo(reader)).length, 1);
  });

  test('one-click unsubscribe, without signing in, stops the digest', async () => {
    await chooseDigest(reader, 'daily');
    await follow(reader, 'country', 'GH');
    await publish({ countries: ['GH'] });
    await notifications.runDigests('daily');
    const [mail] = await mailsTo(reader);
    const link = /^List-Unsubscribe: <([^>]+)>/m.exec(readableMail(mail as ReceivedMail))?.[1];
    assert.ok(link);
    const path = new URL(link).pathname;
    // What a mail client sends (RFC 8058): a POST with this body, no cookie, no form token.
    const oneClick = await testApp.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    assert.equal(oneClick.statusCode, 200);
    const stored = await testApp.deps.db.selectFrom('users').select('digest_frequency').where('id', '=', reader.id).executeTakeFirstOrThrow();
    assert.equal(stored.digest_frequency, 'off');
    await publish({ countries: ['GH'] });
    await notifications.runDigests('daily');
    assert.equal((await mailsTo(reader)).length, 1, 'no digest after unsubscribing');

    const forged = await testApp.app.inject({ method: 'POST', url: path.replace(/\.[^.]+$/, '.forged'), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    assert.equal(forged.statusCode, 404);
  });

  test('the link in the mail opens a page with the button, in a browser without a session', async () => {
    await chooseDigest(reader, 'daily');
    await follow(reader, 'country', 'TN');
    await publish({ countries: ['TN'] });
    await notifications.runDigests('daily');
    const [mail] = await mailsTo(reader);
    const link = /Stop the digest: (\S+)/.exec(readableMail(mail as ReceivedMail))?.[1];
    assert.ok(link);
    const page = await new TestClient(testApp.app).get(new URL(link).pathname);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Stop the digest of what you follow\?/);
  });

  test('a run reads only the members who have news', async () => {
    // Many members with a digest and follows, none with anything new.
    await sql`INSERT INTO users (handle, email, name, digest_frequency)
              SELECT 'bulk-' || n, 'bulk-' || n || '@example.org', 'Bulk Member', 'daily' FROM generate_series(1, 2000) AS n`.execute(testApp.deps.db);
    await chooseDigest(reader, 'daily');
    await follow(reader, 'country', 'UG');
    await publish({ countries: ['UG'] });
    await notifications.processEvents();
    // Earlier tests may have left nothing pending; this run has exactly one member with news.
    const result = await notifications.runDigests('daily');
    assert.equal(result.mails, 1);
  });
});

describe('follows and notifications', () => {
  test('following needs a real target; bad input gets a translated error and changes nothing', async () => {
    const member = await createMember(testApp);
    const unknown = await follow(member, 'country', 'ZZ');
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /Choose something to follow from the list/);
    const badKind = await follow(member, 'planet', 'mars');
    assert.equal(badKind.statusCode, 422);
    const rows = await testApp.deps.db.selectFrom('follows').selectAll().where('user_id', '=', member.id).execute();
    assert.deepEqual(rows, []);
    assert.notEqual((await new TestClient(testApp.app).post('/en/follows', { kind: 'country', key: 'FR' })).statusCode, 303);
  });

  test('follow and unfollow a practice from its page; the button says which', async () => {
    const member = await createMember(testApp);
    const practice = await publish();
    const before = await member.client.get(`/en/practices/${practice.slug}`);
    assert.match(before.body, new RegExp(`Follow ${practice.title}`));
    const id = (await testApp.deps.db.selectFrom('practices').select('id').where('slug', '=', practice.slug).executeTakeFirstOrThrow()).id;
    const followed = await member.client.post('/en/follows', { kind: 'practice', key: String(id), action: 'follow', back: `/en/practices/${practice.slug}` });
    assert.equal(followed.headers.location, `/en/practices/${practice.slug}`);
    assert.match((await member.client.get(`/en/practices/${practice.slug}`)).body, new RegExp(`Stop following ${practice.title}`));
    await member.client.post('/en/follows', { kind: 'practice', key: String(id), action: 'unfollow', back: `/en/practices/${practice.slug}` });
    assert.match((await member.client.get(`/en/practices/${practice.slug}`)).body, new RegExp(`Follow ${practice.title}`));
  });

  test('the notifications page lists what happened, the header counts what is new, and looking clears it', async () => {
    const member = await createMember(testApp);
    await follow(member, 'topic', 'gender');
    const practice = await publish({ topics: ['gender'] });
    await notifications.processEvents();
    const home = await member.client.get('/en/');
    assert.match(home.body, /Notifications \(1 new\)/);
    const page = await member.client.get('/en/notifications');
    assert.match(page.body, new RegExp(`New practice in Gender[^:]*: ${practice.title}`));
    assert.match((await member.client.get('/en/')).body, />Notifications</);
  });

  test('a comment on a member’s practice is a notification and a mail at once, with its unsubscribe link', async () => {
    const author = await createMember(testApp, { name: 'Aisha Author' });
    const commenter = await createMember(testApp, { name: 'Carl Commenter' });
    const practice = await publish({}, author.id);
    await commenter.client.get(`/en/practices/${practice.slug}`);
    const posted = await commenter.client.post(`/en/practices/${practice.slug}/comments`, { comment: 'We tried this in Ghent too.' });
    assert.equal(posted.statusCode, 303, posted.body);
    await notifications.processEvents();
    const mails = await mailsTo(author);
    assert.equal(mails.length, 1);
    const text = readableMail(mails[0] as ReceivedMail);
    assert.match(text, /Someone commented on “Followed practice/);
    assert.match(text, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    assert.ok(!text.includes(commenter.email));
    assert.match((await author.client.get('/en/notifications')).body, /New comment on/);
  });

  test('a member who deletes their account leaves no follows or notifications behind', async () => {
    const leaving = await createMember(testApp);
    await chooseDigest(leaving, 'daily');
    await follow(leaving, 'country', 'PE');
    await publish({ countries: ['PE'] });
    await notifications.processEvents();
    await testApp.app.personalData.erase(testApp.deps.db, { userId: leaving.id, email: leaving.email, name: leaving.name }, { dataDir: testApp.deps.config.dataDir });
    const follows = await testApp.deps.db.selectFrom('follows').select('user_id').where('user_id', '=', leaving.id).execute();
    const pending = await testApp.deps.db.selectFrom('notifications').select('id').where('user_id', '=', leaving.id).execute();
    assert.deepEqual([follows.length, pending.length], [0, 0]);
    await notifications.runDigests('daily');
    assert.equal((await mailsTo(leaving)).length, 0);
  });
});
