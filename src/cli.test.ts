import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, type TestDatabase } from './test/database.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs the real command line, as `npm run cli -- …` would, against one test database. */
function cli(database: TestDatabase, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent', DEMO_ADMIN_PASSWORD: '' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let database: TestDatabase;
before(async () => {
  database = await freshDatabase();
});
after(() => database.drop());

describe('migrate', () => {
  test('reports a migrated database as up to date', () => {
    const result = cli(database, 'migrate');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /The database is up to date\./);
  });
});

describe('user:create', () => {
  test('creates a confirmed account with the role and prints a generated password', async () => {
    const result = cli(database, 'user:create', '--email', 'Editor@Example.org', '--name', 'Elena Duarte', '--role', 'editor');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Created editor Editor@Example\.org \(@elena-duarte\)\./);
    assert.match(result.stdout, /Password: \S{16,}/);
    const user = await database.db.selectFrom('users').selectAll().where('email', '=', 'editor@example.org').executeTakeFirstOrThrow();
    assert.equal(user.role, 'editor');
    assert.ok(user.email_verified_at, 'the account is confirmed');
  });

  test('a bad role exits with 1 and a message naming the field, creating nothing', async () => {
    const result = cli(database, 'user:create', '--email', 'x@example.org', '--name', 'X', '--role', 'superuser');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /--role: Choose a role from the list/);
    const user = await database.db.selectFrom('users').select('id').where('email', '=', 'x@example.org').executeTakeFirst();
    assert.equal(user, undefined);
  });

  test('missing options print the usage', () => {
    const result = cli(database, 'user:create', '--email', 'y@example.org');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /user:create needs --email, --name and --role/);
    assert.match(result.stderr, /Usage: npm run cli -- <command>/);
  });

  test('an unknown command prints the usage', () => {
    const result = cli(database, 'frobnicate');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Unknown command "frobnicate"/);
    assert.match(result.stderr, /Usage:/);
  });
});

describe('user:reset-two-factor', () => {
  test('turns two-factor sign-in off for a locked-out account, audits it as the system and mails the member', async () => {
    const created = cli(database, 'user:create', '--email', 'locked@example.org', '--name', 'Lena Locked', '--role', 'admin');
    assert.equal(created.status, 0, created.stderr);
    const user = await database.db.selectFrom('users').select('id').where('email', '=', 'locked@example.org').executeTakeFirstOrThrow();
    // The value is never opened on the way out, so any sealed text will do.
    await database.db.insertInto('two_factor').values({ user_id: user.id, secret_sealed: 'v1.sealed', enabled_at: new Date() }).execute();

    const reset = cli(database, 'user:reset-two-factor', '--email', 'Locked@Example.org');
    assert.equal(reset.status, 0, reset.stderr);
    assert.match(reset.stdout, /Two-factor sign-in is off for Locked@Example\.org/);
    assert.equal(await database.db.selectFrom('two_factor').select('user_id').where('user_id', '=', user.id).executeTakeFirst(), undefined);
    const entry = await database.db.selectFrom('audit_log').selectAll().where('subject', '=', `user:${user.id}`).executeTakeFirstOrThrow();
    assert.equal(entry.action, 'user.two_factor_disabled');
    assert.equal(entry.actor_id, null);
    const mail = await database.db.selectFrom('outbox').select('subject').where('recipient', '=', 'locked@example.org').executeTakeFirst();
    assert.equal(mail?.subject, 'Two-factor sign-in is off for your Bridges account');

    const again = cli(database, 'user:reset-two-factor', '--email', 'locked@example.org');
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /had no two-factor sign-in/);
    const unknown = cli(database, 'user:reset-two-factor', '--email', 'nobody@example.org');
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /No account uses nobody@example\.org/);
  });
});

describe('demo:load', () => {
  test('fills an empty database once and prints the admin to sign in with', async () => {
    const empty = await freshDatabase();
    try {
      const first = cli(empty, 'demo:load');
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /Demo content loaded\. Admin: admin@bridges\.example \/ \S+/);
      const admin = await empty.db.selectFrom('users').select('role').where('email', '=', 'admin@bridges.example').executeTakeFirstOrThrow();
      assert.equal(admin.role, 'admin');
      const published = await empty.db.selectFrom('practices').select('slug').where('status', '=', 'published').execute();
      assert.ok(published.length >= 10, 'the demo practices are published');
      const featured = await empty.db.selectFrom('practices').select('slug').where('featured_at', 'is not', null).execute();
      assert.deepEqual(featured.map((row) => row.slug), ['migrant-integration-lab'], 'one practice is on the home page');

      const second = cli(empty, 'demo:load');
      assert.equal(second.status, 0, second.stderr);
      assert.match(second.stdout, /already has accounts/);
    } finally {
      await empty.drop();
    }
  });
});

describe('practices:confirm-running', () => {
  test('asks the contacts of practices that are due, once, and says how many', async () => {
    const demo = await freshDatabase();
    try {
      assert.equal(cli(demo, 'demo:load').status, 0);
      const first = cli(demo, 'practices:confirm-running');
      assert.equal(first.status, 0, first.stderr);
      const asked = Number(/"asked":(\d+)/.exec(first.stdout)?.[1]);
      assert.ok(asked > 0, first.stdout);
      // The command waits for the queue to deliver what it wrote (to the outbox: no SMTP here).
      const mails = await demo.db.selectFrom('outbox').select('status').execute();
      assert.equal(mails.length, asked);
      assert.ok(mails.every((mail) => mail.status === 'sent'));

      const second = cli(demo, 'practices:confirm-running');
      assert.match(second.stdout, /"asked":0/, 'nobody is asked twice within the waiting period');
    } finally {
      await demo.drop();
    }
  });
});
