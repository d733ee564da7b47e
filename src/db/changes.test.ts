import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { samplePractice } from '../features/practices/fixtures.ts';
import { practiceService } from '../features/practices/service.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import { startTestApp, TestClient, type TestApp } from '../test/app.ts';
import { createMember, SignedInClient, type TestMember } from '../test/members.ts';
import { waitFor } from '../test/wait.ts';
import { DatabaseChanges, GENERATIONS_CHANNEL, LISTENER_NAME, type ChangesOptions } from './changes.ts';
import { createDb } from './client.ts';
import { freshDatabase, type TestDatabase } from '../test/database.ts';

/**
 * Two app processes on one database, as behind a load balancer: what one remembers (the
 * generations its pages are cached against, the member behind a session) gives way to a change
 * made through the other as soon as the notification arrives, and to its own change at once.
 */
let first: TestApp;
let second: TestApp;
let editor: TestMember;
before(async () => {
  first = await startTestApp();
  second = await startTestApp({ database: first.database });
  editor = await createMember(first, { role: 'editor' });
});
after(async () => {
  await second.close();
  await first.close();
});

let counter = 0;
async function publishedPractice(title: string): Promise<string> {
  counter += 1;
  return practiceService(first.deps).create(samplePractice({ title: `${title} ${counter}` }), { authorId: null, status: 'published' });
}

async function renameThrough(testApp: TestApp, slug: string, title: string): Promise<void> {
  const row = await testApp.deps.db.selectFrom('practices').select('version').where('slug', '=', slug).executeTakeFirstOrThrow();
  await practiceService(testApp.deps).update(editor.user, slug, row.version, samplePractice({ title }));
}

/** One session, as a browser holding its cookie would send it to either process. */
async function sessionOn(memberId: number): Promise<{ onFirst: SignedInClient; onSecond: SignedInClient }> {
  const token = newToken();
  await first.deps.db.insertInto('sessions').values({ id_hash: hashToken(token), user_id: memberId, expires_at: new Date(Date.now() + 86_400_000) }).execute();
  return { onFirst: new SignedInClient(first.app, token), onSecond: new SignedInClient(second.app, token) };
}

const signedIn = (body: string) => /action="\/en\/logout"/.test(body);

describe('what a process remembers', () => {
  test("a page kept by one process gives way to an edit made through the other", async () => {
    await waitFor(async () => first.app.changes.listening && second.app.changes.listening);
    const slug = await publishedPractice('Language cafés');
    const before = await new TestClient(second.app).get(`/en/practices/${slug}`);
    assert.equal(before.statusCode, 200);
    const hits = second.app.pageCache.hits;
    assert.equal((await new TestClient(second.app).get(`/en/practices/${slug}`)).statusCode, 200);
    assert.equal(second.app.pageCache.hits, hits + 1, 'the second visit is served from what the process remembers');

    await renameThrough(first, slug, 'Language cafés for parents');
    await waitFor(async () => (await new TestClient(second.app).get(`/en/practices/${slug}`)).body.includes('Language cafés for parents'));
    // In the process that made the change, at once.
    await renameThrough(first, slug, 'Language cafés for grandparents');
    assert.match((await new TestClient(first.app).get(`/en/practices/${slug}`)).body, /Language cafés for grandparents/);
  });

  test('signing out through one process ends the session in the other', async () => {
    const member = await createMember(first);
    const { onFirst, onSecond } = await sessionOn(member.id);
    assert.ok(signedIn((await onSecond.get('/en/account')).body));
    assert.ok(signedIn((await onSecond.get('/en/account')).body), 'remembered');
    await onFirst.get('/en/account');
    assert.equal((await onFirst.post('/en/logout')).statusCode, 303);
    // The process that signed the member out forgets at once…
    assert.equal((await onFirst.get('/en/account')).statusCode, 303);
    // …the other as soon as it hears of it.
    await waitFor(async () => (await onSecond.get('/en/account')).statusCode === 303);
  });

  test('a role changed in the database shows on the next page of the process that changed it, and soon in the other', async () => {
    const member = await createMember(first, { twoFactor: true });
    const { onFirst, onSecond } = await sessionOn(member.id);
    const slug = await publishedPractice('Buddy schemes');
    assert.doesNotMatch((await onFirst.get(`/en/practices/${slug}`)).body, /href="\/en\/review"/);
    assert.doesNotMatch((await onSecond.get(`/en/practices/${slug}`)).body, /href="\/en\/review"/);
    await first.deps.db.updateTable('users').set({ role: 'editor' }).where('id', '=', member.id).execute();
    assert.match((await onFirst.get(`/en/practices/${slug}`)).body, /href="\/en\/review"/);
    await waitFor(async () => /href="\/en\/review"/.test((await onSecond.get(`/en/practices/${slug}`)).body));
  });

  test('a deleted account is signed out everywhere', async () => {
    const member = await createMember(first);
    const { onSecond } = await sessionOn(member.id);
    assert.ok(signedIn((await onSecond.get('/en/account')).body));
    await first.deps.db.updateTable('users').set({ deleted_at: new Date() }).where('id', '=', member.id).execute();
    await waitFor(async () => (await onSecond.get('/en/account')).statusCode === 303);
  });
});

describe('a memory of the database', () => {
  const log = { warn() {} };
  let database: TestDatabase;
  before(async () => {
    database = await freshDatabase();
  });
  after(() => database.drop());

  async function listening(options: ChangesOptions = {}): Promise<DatabaseChanges> {
    const changes = new DatabaseChanges(database.db, log, options);
    await changes.start();
    assert.ok(changes.listening);
    return changes;
  }

  const cutListeners = () =>
    sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${LISTENER_NAME} AND datname = current_database()`.execute(database.db);

  test('recalls a value until this process changes something, however it read', async () => {
    const changes = await listening();
    const memory = changes.memory<string, string>({ max: 10 });
    memory.keep('practice', '7', memory.beginRead());
    assert.equal(memory.recall('practice'), '7');
    await database.db.selectFrom('users').select('id').execute();
    await sql`SELECT 1`.execute(database.db);
    assert.equal(memory.recall('practice'), '7', 'reads change nothing');
    await database.db.updateTable('users').set({ name: 'Nobody' }).where('id', '=', -1).execute();
    assert.equal(memory.recall('practice'), undefined);
    memory.keep('practice', '8', memory.beginRead());
    changes.changed();
    assert.equal(memory.recall('practice'), undefined, 'a request that changed something counts');
    await changes.stop();
  });

  test("forgets what a notification names, and keeps no read that was under way when it came", async () => {
    const changes = await listening();
    const memory = changes.memory<string, string>({ max: 10 });
    const heard: string[] = [];
    changes.on(GENERATIONS_CHANNEL, (kind) => {
      heard.push(kind);
      memory.forget((key) => key === kind);
    });
    memory.keep('practice', '7', memory.beginRead());
    memory.keep('resource', '3', memory.beginRead());
    const underWay = memory.beginRead();
    const other = createDb(database.url, { max: 1 });
    try {
      await sql`SELECT pg_notify(${GENERATIONS_CHANNEL}, 'practice')`.execute(other);
    } finally {
      await other.destroy();
    }
    await waitFor(async () => heard.includes('practice'));
    assert.equal(memory.recall('practice'), undefined);
    assert.equal(memory.recall('resource'), '3');
    memory.keep('practice', '7', underWay);
    assert.equal(memory.recall('practice'), undefined);
    await changes.stop();
  });

  test('while it cannot listen it remembers nothing, and nothing from before once it listens again', async () => {
    const slow = await listening({ reconnectAfterMs: 60_000 });
    const memory = slow.memory<string, string>({ max: 10 });
    memory.keep('practice', '7', memory.beginRead());
    await cutListeners();
    await waitFor(async () => !slow.listening);
    assert.equal(memory.recall('practice'), undefined);
    memory.keep('practice', '8', memory.beginRead());
    assert.equal(memory.recall('practice'), undefined, 'nothing read meanwhile is kept');
    await slow.stop();

    const quick = await listening({ reconnectAfterMs: 10 });
    const remembered = quick.memory<string, string>({ max: 10 });
    remembered.keep('practice', '7', remembered.beginRead());
    await cutListeners();
    // Listening again, it does not trust what it read before: a notification may have been missed.
    await waitFor(async () => quick.listening && remembered.recall('practice') === undefined);
    remembered.keep('practice', '9', remembered.beginRead());
    assert.equal(remembered.recall('practice'), '9');
    await quick.stop();
  });
});
