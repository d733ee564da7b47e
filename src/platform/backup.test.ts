import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile, mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { loadDemoContent } from '../features/demo/service.ts';
import { samplePractice } from '../features/practices/fixtures.ts';
import { fieldsFromInput, formBodyOf } from '../features/practices/practice-form.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { emptyDatabase, type TestDatabase } from '../test/database.ts';
import { createMember } from '../test/members.ts';
import { samplePdf, sampleJpeg, samplePng } from '../test/sample-files.ts';
import { inspectBackup, RestoreRefusedError, restoreBackup, writeBackup } from './backup.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Characters that COPY's text format has to escape, and some it must carry untouched. */
const AWKWARD_TEXT = 'Tab\there, a new\nline, a back\\slash, \\N not a null, "quotes", é, 中文, العربية, 🙂';

let source: TestApp;
let work: string;
let dataDir: string;
let archive: string;

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'bridges-backup-'));
  dataDir = path.join(work, 'source');
  source = await startTestApp({ env: { DATA_DIR: dataDir } });
  await loadDemoContent(source.deps, { adminPassword: 'a demo password for the backup test' });

  // Drafts with files, a rating and comments: rows in most tables, and files under uploads/.
  const author = await createMember(source, { name: 'Amina Haddad' });
  const form = (title: string) => formBodyOf(fieldsFromInput(samplePractice({ title, summary: AWKWARD_TEXT })));
  await author.client.get('/en/practices/new');
  const first = await author.client.postMultipart('/en/practices/new', { ...form('Welcome desks with posters'), action: 'save' }, [
    { field: 'attachments', filename: 'poster.png', contentType: 'image/png', content: samplePng() },
    { field: 'attachments', filename: 'photo.jpg', contentType: 'image/jpeg', content: sampleJpeg() },
  ]);
  assert.equal(first.statusCode, 303, first.body.slice(0, 500));
  await author.client.get('/en/practices/new');
  const second = await author.client.postMultipart('/en/practices/new', { ...form('Language cafés, the report'), action: 'save' }, [
    { field: 'attachments', filename: 'report.pdf', contentType: 'application/pdf', content: samplePdf() },
  ]);
  assert.equal(second.statusCode, 303, second.body.slice(0, 500));

  const reader = await createMember(source, { name: 'Jonas Berg' });
  const published = await source.deps.db.selectFrom('practices').select('slug').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
  await reader.client.get(`/en/practices/${published.slug}`);
  const rated = await reader.client.post(`/en/practices/${published.slug}/rating`, { score: '4' });
  assert.equal(rated.statusCode, 303, rated.body.slice(0, 500));
  await reader.client.get(`/en/practices/${published.slug}`);
  const commented = await reader.client.post(`/en/practices/${published.slug}/comments`, { comment: AWKWARD_TEXT });
  assert.equal(commented.statusCode, 303, commented.body.slice(0, 500));

  archive = path.join(work, 'backups', 'nightly.tar.gz');
  await writeBackup({ databaseUrl: source.database.url, uploadsDir: path.join(dataDir, 'uploads'), out: archive });
});

after(async () => {
  await source.close();
  await rm(work, { recursive: true, force: true });
});

/** Every table's row count and a checksum of all its rows, and every sequence's position. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 1`.execute(db);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    // Whole rows as text, generated columns included, in an order that needs no primary key.
    const { rows } = await sql<{ rows: number; checksum: string | null }>`
      SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\n' ORDER BY t::text)) AS checksum
      FROM ${sql.table(name)} AS t`.execute(db);
    result[`table ${name}`] = `${rows[0]?.rows} rows, ${rows[0]?.checksum}`;
  }
  const sequences = await sql<{ name: string; last_value: string | null }>`
    SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = current_schema()`.execute(db);
  for (const sequence of sequences.rows) result[`sequence ${sequence.name}`] = String(sequence.last_value);
  return result;
}

async function fileChecksums(uploadsDir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(uploadsDir)).sort()) {
    result[name] = createHash('sha256').update(await readFile(path.join(uploadsDir, name))).digest('hex');
  }
  return result;
}

describe('backup and restore', () => {
  let target: TestDatabase;
  before(async () => {
    target = await emptyDatabase();
  });
  after(() => target.drop());

  test('a backup restored into an empty database and data folder has every row and every file', async () => {
    const targetDir = path.join(work, 'restored');
    const summary = await restoreBackup({ archive, databaseUrl: target.url, uploadsDir: path.join(targetDir, 'uploads') });
    assert.deepEqual(summary.migrated, [], 'the backup was made with every migration applied');

    const before = await fingerprint(source.deps.db);
    const restored = await fingerprint(target.db);
    assert.deepEqual(restored, before);
    // Guards against a comparison of two empty sets passing.
    for (const table of ['users', 'practices', 'attachments', 'ratings', 'comments', 'search_documents', 'schema_migrations']) {
      assert.doesNotMatch(before[`table ${table}`] ?? '', /^0 rows/, `${table} has rows`);
    }
    const comment = await target.db.selectFrom('comments').select('body').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(comment.body, AWKWARD_TEXT);

    const files = await fileChecksums(path.join(dataDir, 'uploads'));
    assert.equal(Object.keys(files).length, 3);
    assert.deepEqual(await fileChecksums(path.join(targetDir, 'uploads')), files);

    // Sequences carry on after the restored rows rather than colliding with them.
    const added = await target.db
      .insertInto('users')
      .values({ handle: 'after-restore', email: 'after-restore@example.org', name: 'After Restore' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const highest = await source.deps.db.selectFrom('users').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
    assert.ok(added.id > Number(highest.id));
  });

  test('refuses a database that is not empty, and an uploads folder that holds files, changing nothing', async () => {
    await assert.rejects(
      restoreBackup({ archive, databaseUrl: target.url, uploadsDir: path.join(work, 'another', 'uploads') }),
      (error: Error) => error instanceof RestoreRefusedError && /The target database is not empty/.test(error.message),
    );

    const empty = await emptyDatabase();
    try {
      const uploadsDir = path.join(work, 'occupied', 'uploads');
      await mkdir(uploadsDir, { recursive: true });
      await writeFile(path.join(uploadsDir, 'someone-elses-file'), 'keep me');
      await assert.rejects(
        restoreBackup({ archive, databaseUrl: empty.url, uploadsDir }),
        (error: Error) => error instanceof RestoreRefusedError && /already holds files/.test(error.message),
      );
      assert.equal(await readFile(path.join(uploadsDir, 'someone-elses-file'), 'utf8'), 'keep me');
      const tables = await sql<{ count: number }>`SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'`.execute(empty.db);
      assert.equal(tables.rows[0]?.count, 0);
    } finally {
      await empty.drop();
    }
  });

  test('a damaged archive is refused and leaves the database empty', async () => {
    const damaged = path.join(work, 'damaged.tar.gz');
    await writeFile(damaged, await readFile(archive));
    await truncate(damaged, Math.floor((await stat(archive)).size / 2));
    const empty = await emptyDatabase();
    try {
      await assert.rejects(
        restoreBackup({ archive: damaged, databaseUrl: empty.url, uploadsDir: path.join(work, 'from-damaged', 'uploads') }),
        (error: Error) => error instanceof RestoreRefusedError && /cannot be read as a Bridges backup|is damaged/.test(error.message),
      );
      const tables = await sql<{ count: number }>`SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'`.execute(empty.db);
      assert.equal(tables.rows[0]?.count, 0);
      await assert.rejects(stat(path.join(work, 'from-damaged', 'uploads')), 'no files were written');
    } finally {
      await empty.drop();
    }
  });
});

/** The real command line, as cron would run it. */
function cli(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', DEMO_ADMIN_PASSWORD: '', ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the backup and restore commands', () => {
  test('back up an external database, restore into an empty embedded DATA_DIR, and back up that again to the same bytes', async () => {
    const out = path.join(work, 'cli', 'from-external.tar.gz');
    const backup = cli({ DATABASE_URL: source.database.url, DATA_DIR: dataDir }, 'backup', '--out', out);
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(backup.stdout, /Backup written to .*from-external\.tar\.gz .*: \d+ tables, \d+ rows, 3 uploaded files\./);

    const embeddedDir = path.join(work, 'cli', 'embedded');
    const restore = cli({ DATABASE_URL: '', DATA_DIR: embeddedDir }, 'restore', out);
    assert.equal(restore.status, 0, restore.stderr);
    assert.match(restore.stdout, /Restored \d+ tables \(\d+ rows\) and 3 uploaded files into the embedded database/);

    const again = cli({ DATABASE_URL: '', DATA_DIR: embeddedDir }, 'restore', out);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /The target database is not empty/);

    // The embedded copy, backed up in turn, gives every table's rows back byte for byte.
    const roundTrip = path.join(work, 'cli', 'from-embedded.tar.gz');
    const second = cli({ DATABASE_URL: '', DATA_DIR: embeddedDir }, 'backup', '--out', roundTrip);
    assert.equal(second.status, 0, second.stderr);
    assert.deepEqual(await fileChecksums(path.join(embeddedDir, 'uploads')), await fileChecksums(path.join(dataDir, 'uploads')));
    const tablesOf = async (file: string) => (await inspectBackup(file)).tables.map((table) => `${table.name} ${table.rows} ${table.sha256}`);
    assert.deepEqual(await tablesOf(roundTrip), await tablesOf(out));
  });

  test('backup without a database in DATA_DIR says so', () => {
    const result = cli({ DATABASE_URL: '', DATA_DIR: path.join(work, 'nothing-here') }, 'backup');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /There is no Bridges database in .*nothing-here to back up/);
  });
});
