import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import tar from 'tar-stream';
import { createDb } from '../db/client.ts';
import { MIGRATIONS_TABLE_DDL, MIGRATION_LOCK_ID, migrate, migrationFiles, readMigration } from '../db/migrate.ts';

/*
 * Backups are logical and made by Bridges itself, with PostgreSQL's COPY, rather than with
 * pg_dump or a copy of the data directory:
 *
 * - pg_dump refuses to dump a server newer than itself. The embedded server is PostgreSQL 18 and
 *   ships no pg_dump; Debian 12 has only pg_dump 15; an external server may be any version from 15.
 *   COPY is spoken by every one of them, through the connection the app already has.
 * - A copy of the data directory only works for the embedded server, needs the server stopped
 *   (or WAL archiving), and restores only into the same major version.
 *
 * Every table is read in one REPEATABLE READ transaction, so the backup is one consistent moment
 * even while the server keeps writing. COPY's text format is exact for every type (floats print
 * their shortest exact form; dates are pinned to ISO and UTC below, so the reading and the writing
 * session agree). The schema is not in the archive: it comes from the committed migrations, whose
 * names the backup records. A restore applies exactly those, loads the rows with the tables'
 * own triggers off (the search rows and counters they maintain are in the backup already), then
 * brings the schema up to date like any start would.
 *
 * Uploaded files are the ones the database names (every `storage_key` column, the attachment
 * store's convention): files left by an upload that never committed are not part of any state.
 */

const FORMAT = 'bridges-backup';
const FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';
/** Identifiers and keys as Bridges makes them; anything else in an archive is refused. */
const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const STORAGE_KEY = /^[A-Za-z0-9_-]{1,200}$/;
/** How often a backup is tried again when an uploaded file goes while it runs. */
const ATTEMPTS = 3;

/**
 * How both sessions write and read values: what pg_dump pins too. Without this, a server whose
 * DateStyle is `SQL, DMY` would write dates that a restoring `ISO, MDY` session misreads.
 */
const SESSION_SETTINGS = [
  "SET client_encoding = 'UTF8'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET TimeZone = 'UTC'",
  'SET extra_float_digits = 3',
  "SET bytea_output = 'hex'",
];

interface TableEntry {
  name: string;
  /** Stored columns in table order; generated columns are computed again on restore. */
  columns: string[];
  rows: number;
  sha256: string;
}

interface FileEntry {
  key: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: TableEntry[];
  /** Each sequence's last value, or null when it has never been used. */
  sequences: { name: string; lastValue: string | null }[];
  files: FileEntry[];
}

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
  /** Files in the uploads folder that no row names (left by interrupted uploads): not kept. */
  unreferencedFiles: number;
  archiveBytes: number;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  files: number;
  /** Migrations newer than the backup, applied after the restore. */
  migrated: string[];
}

/** The target holds data already, or the archive is not a Bridges backup: nothing was changed. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/** An uploaded file named by the snapshot went before it was read: its row was deleted since. */
class FileVanishedError extends Error {}

const tableEntryName = (table: string) => `database/${table}.copy`;
const fileEntryName = (key: string) => `uploads/${key}`;

/** Passes bytes through while hashing and counting them. */
function digest(): { stream: Transform; result: () => { sha256: string; bytes: number } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), bytes }) };
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  for (const statement of SESSION_SETTINGS) await client.query(statement);
  return client;
}

/** Ordinary tables of the app's schema, leaving out those that belong to extensions. */
async function listTables(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array(SELECT a.attname::text FROM pg_attribute a
                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                 ORDER BY a.attnum) AS columns
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relpersistence <> 't'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    ORDER BY c.relname`);
  return rows;
}

const quoted = (identifier: string) => pg.escapeIdentifier(identifier);
const columnList = (columns: readonly string[]) => columns.map(quoted).join(', ');

async function dumpTable(client: pg.Client, table: { name: string; columns: string[] }, file: string): Promise<TableEntry> {
  if (!TABLE_NAME.test(table.name)) throw new Error(`Cannot back up table "${table.name}": unexpected name`);
  const copy = client.query(copyTo(`COPY ${quoted(table.name)} (${columnList(table.columns)}) TO STDOUT`));
  const counted = digest();
  await pipeline(copy, counted.stream, createWriteStream(file, { mode: 0o600 }));
  return { name: table.name, columns: table.columns, rows: copy.rowCount, sha256: counted.result().sha256 };
}

/** The uploaded files the database names: every `storage_key` column. */
async function referencedFiles(client: pg.Client): Promise<Set<string>> {
  const { rows: holders } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name = 'storage_key' ORDER BY table_name`,
  );
  const keys = new Set<string>();
  for (const { table_name } of holders) {
    const { rows } = await client.query<{ key: string }>(`SELECT storage_key AS key FROM ${quoted(table_name)} WHERE storage_key IS NOT NULL`);
    for (const { key } of rows) {
      if (!STORAGE_KEY.test(key)) throw new Error(`Cannot back up ${table_name}: storage key "${key}" is not a file name`);
      keys.add(key);
    }
  }
  return keys;
}

interface Snapshot {
  manifest: Omit<Manifest, 'files'>;
  keys: Set<string>;
}

async function snapshotDatabase(databaseUrl: string, spool: string): Promise<Snapshot> {
  const client = await connect(databaseUrl);
  try {
    // READ ONLY: a backup never writes. The snapshot is taken at the first query below and every
    // later read sees the database as it was then.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const tables = await listTables(client);
    if (tables.length > 0) {
      // As pg_dump does: a migration (ALTER TABLE, DROP) waits until the backup is read.
      await client.query(`LOCK TABLE ${tables.map((table) => quoted(table.name)).join(', ')} IN ACCESS SHARE MODE`);
    }
    if (!tables.some((table) => table.name === 'schema_migrations')) {
      throw new Error('The database has no Bridges schema: nothing to back up.');
    }
    const { rows: migrations } = await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    const entries: TableEntry[] = [];
    for (const table of tables) entries.push(await dumpTable(client, table, path.join(spool, `${table.name}.copy`)));
    const { rows: sequences } = await client.query<{ name: string; lastValue: string | null }>(
      `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences
       WHERE schemaname = current_schema() ORDER BY sequencename`,
    );
    const keys = await referencedFiles(client);
    const { rows: version } = await client.query<{ server_version: string }>('SHOW server_version');
    await client.query('COMMIT');
    return {
      manifest: {
        format: FORMAT,
        version: FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        serverVersion: version[0]?.server_version ?? 'unknown',
        migrations: migrations.map((row) => row.name),
        tables: entries,
        sequences,
      },
      keys,
    };
  } finally {
    await client.end();
  }
}

/** Adds a file of known size to the archive, passing it through `through` (a hash) on the way. */
async function addEntry(pack: tar.Pack, name: string, size: number, file: string, through?: Transform): Promise<void> {
  let entry: ReturnType<tar.Pack['entry']> | undefined;
  const added = new Promise<void>((resolve, reject) => {
    entry = pack.entry({ name, size, mode: 0o600, mtime: new Date() }, (error) => (error ? reject(error) : resolve()));
  });
  const source = createReadStream(file);
  await Promise.all([through ? pipeline(source, through, entry as NodeJS.WritableStream) : pipeline(source, entry as NodeJS.WritableStream), added]);
}

async function writeArchive(out: string, spool: string, snapshot: Snapshot, uploadsDir: string): Promise<FileEntry[]> {
  const pack = tar.pack();
  const written = pipeline(pack, createGzip(), createWriteStream(out, { mode: 0o600 }));
  try {
    for (const table of snapshot.manifest.tables) {
      const file = path.join(spool, `${table.name}.copy`);
      await addEntry(pack, tableEntryName(table.name), (await fs.stat(file)).size, file);
    }
    const files: FileEntry[] = [];
    for (const key of [...snapshot.keys].sort()) {
      const file = path.join(uploadsDir, key);
      let size: number;
      try {
        size = (await fs.stat(file)).size;
      } catch {
        throw new FileVanishedError(key);
      }
      // Stored files are written once and never changed, so the size read above still holds.
      const counted = digest();
      await addEntry(pack, fileEntryName(key), size, file, counted.stream);
      files.push({ key, ...counted.result() });
    }
    const manifest: Manifest = { ...snapshot.manifest, files };
    const body = Buffer.from(JSON.stringify(manifest, null, 2));
    await new Promise<void>((resolve, reject) => pack.entry({ name: MANIFEST, size: body.length, mode: 0o600 }, body, (error) => (error ? reject(error) : resolve())));
    pack.finalize();
    await written;
    return files;
  } catch (error) {
    pack.destroy();
    await written.catch(() => {});
    throw error;
  }
}

/** Flushes a file to disk, so that a backup reported as written survives a power cut. */
async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes one gzipped tar archive holding every table's rows, the sequences, and the uploaded
 * files the database names. The archive appears under `out` only once complete (it is written
 * beside it and renamed), so a scheduled run that fails never leaves a truncated backup behind.
 */
export async function writeBackup(options: { databaseUrl: string; uploadsDir: string; out: string }): Promise<BackupSummary> {
  const out = path.resolve(options.out);
  await fs.mkdir(path.dirname(out), { recursive: true });
  const spool = await fs.mkdtemp(path.join(path.dirname(out), '.bridges-backup-'));
  const partial = path.join(spool, 'archive.tar.gz');
  try {
    for (let attempt = 1; ; attempt += 1) {
      const snapshot = await snapshotDatabase(options.databaseUrl, spool);
      let files: FileEntry[];
      try {
        files = await writeArchive(partial, spool, snapshot, options.uploadsDir);
      } catch (error) {
        // A member removed a file after the snapshot was taken: its row is in the snapshot but
        // the file is gone. A fresh snapshot no longer names it.
        if (error instanceof FileVanishedError && attempt < ATTEMPTS) continue;
        if (error instanceof FileVanishedError) {
          throw new Error(`Uploaded files kept disappearing while the backup ran (last: ${error.message}); try again.`);
        }
        throw error;
      }
      await syncFile(partial);
      await fs.rename(partial, out);
      const present = await fs.readdir(options.uploadsDir).catch(() => [] as string[]);
      return {
        tables: snapshot.manifest.tables.length,
        rows: snapshot.manifest.tables.reduce((sum, table) => sum + table.rows, 0),
        files: files.length,
        unreferencedFiles: present.filter((name) => !snapshot.keys.has(name)).length,
        archiveBytes: (await fs.stat(out)).size,
      };
    }
  } finally {
    await fs.rm(spool, { recursive: true, force: true });
  }
}

/** Names of the app's relations already in the database: a restore goes only into an empty one. */
async function existingRelations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    ORDER BY 1 LIMIT 5`);
  return rows.map((row) => row.name);
}

async function refuseUnlessEmpty(client: pg.Client, uploadsDir: string): Promise<void> {
  const relations = await existingRelations(client);
  if (relations.length > 0) {
    throw new RestoreRefusedError(
      `The target database is not empty (it has ${relations.join(', ')}…). ` +
        'Restore into a new, empty database (createdb), or an empty DATA_DIR for the embedded server.',
    );
  }
  const uploads = await fs.readdir(uploadsDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (uploads.length > 0) {
    throw new RestoreRefusedError(`${uploadsDir} already holds files. Restore into an empty DATA_DIR.`);
  }
}

async function readText(entry: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of entry) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Unpacks the archive into `staging`, checking every name and, against the manifest, every byte. */
async function unpack(archive: string, staging: string): Promise<Manifest> {
  const hashes = new Map<string, { sha256: string; bytes: number }>();
  let manifestText = '';
  await fs.mkdir(path.join(staging, 'database'));
  await fs.mkdir(path.join(staging, 'uploads'));
  // The entry listener is in place before any byte flows: tar-stream hands each entry to the
  // listeners present when it is read, and an entry read before anyone listens is never seen.
  const extract = tar.extract();
  let writing: { entry: { destroy(): void }; file: WriteStream } | undefined;
  extract.on('entry', (header, entry, next) => {
    const { name, type } = header;
    const valid =
      type === 'file' &&
      !hashes.has(name) &&
      (name === MANIFEST ||
        (name.startsWith('database/') && name.endsWith('.copy') && TABLE_NAME.test(name.slice(9, -5))) ||
        (name.startsWith('uploads/') && STORAGE_KEY.test(name.slice(8))));
    if (!valid) {
      extract.destroy(new RestoreRefusedError(`${archive} is not a Bridges backup: unexpected entry "${name}".`));
      return;
    }
    const counted = digest();
    // Uploads get the attachment store's own mode; table rows stay private to this user.
    const mode = name.startsWith('uploads/') ? 0o640 : 0o600;
    const target = name === MANIFEST ? path.join(staging, MANIFEST) : path.join(staging, name);
    const file = createWriteStream(target, { mode });
    writing = { entry, file };
    pipeline(entry, counted.stream, file).then(
      () => {
        hashes.set(name, counted.result());
        next();
      },
      (error: Error) => extract.destroy(error),
    );
  });
  try {
    await pipeline(createReadStream(archive), createGunzip(), extract);
    manifestText = hashes.has(MANIFEST) ? await fs.readFile(path.join(staging, MANIFEST), 'utf8') : '';
  } catch (error) {
    // An archive that ends early leaves its last entry neither ended nor failed: end it, and let
    // its file close before the caller removes the staging folder.
    if (writing && !writing.file.closed) {
      const file = writing.file;
      const closed = new Promise<void>((resolve) => file.once('close', () => resolve()));
      writing.entry.destroy();
      writing.file.destroy();
      await closed;
    }
    if (error instanceof RestoreRefusedError) throw error;
    throw new RestoreRefusedError(`${archive} cannot be read as a Bridges backup (${error instanceof Error ? error.message : String(error)}).`);
  }

  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestText) as Manifest;
  } catch {
    throw new RestoreRefusedError(`${archive} is not a Bridges backup: it has no readable ${MANIFEST}.`);
  }
  if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION) {
    throw new RestoreRefusedError(`${archive} is not a Bridges backup of format version ${FORMAT_VERSION}.`);
  }
  const expected = [
    ...manifest.tables.map((table) => [tableEntryName(table.name), table.sha256] as const),
    ...manifest.files.map((file) => [fileEntryName(file.key), file.sha256] as const),
  ];
  for (const [name, sha256] of expected) {
    if (hashes.get(name)?.sha256 !== sha256) throw new RestoreRefusedError(`${archive} is damaged: ${name} is missing or altered.`);
  }
  return manifest;
}

/** What a backup holds, read from its manifest without unpacking the rest. */
export async function inspectBackup(archive: string): Promise<Manifest> {
  let text: string | undefined;
  const extract = tar.extract();
  extract.on('entry', (header, entry, next) => {
    if (header.name !== MANIFEST) {
      entry.on('end', next).resume();
      return;
    }
    readText(entry).then((read) => {
      text = read;
      next();
    }, (error: Error) => extract.destroy(error));
  });
  await pipeline(createReadStream(archive), createGunzip(), extract);
  if (text === undefined) throw new RestoreRefusedError(`${archive} is not a Bridges backup: it has no ${MANIFEST}.`);
  return JSON.parse(text) as Manifest;
}

/**
 * Parents before children, so that foreign keys hold as each table is loaded (a table that
 * refers to itself is checked at the end of its own COPY). A cycle between tables would need
 * deferrable keys; the schema has none, and the backup test fails if one appears.
 */
async function loadOrder(client: pg.Client, tables: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(`
    SELECT DISTINCT child.relname AS child, parent.relname AS parent
    FROM pg_constraint k
    JOIN pg_class child ON child.oid = k.conrelid
    JOIN pg_class parent ON parent.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = child.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema() AND k.conrelid <> k.confrelid`);
  const pending = new Set(tables);
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter((table) => !rows.some((key) => key.child === table && pending.has(key.parent)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among ${[...pending].join(', ')}: cannot order the restore`);
    for (const table of ready.sort()) {
      order.push(table);
      pending.delete(table);
    }
  }
  return order;
}

async function loadDatabase(client: pg.Client, manifest: Manifest, staging: string): Promise<void> {
  const known = new Set(await migrationFiles());
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(`The backup was made by a newer version of Bridges (migrations ${unknown.join(', ')}); update Bridges first.`);
  }
  await client.query('BEGIN');
  try {
    // Servers starting on this database wait for the restore instead of migrating beside it.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    const relations = await existingRelations(client);
    if (relations.length > 0) throw new RestoreRefusedError(`The target database is no longer empty (it has ${relations.join(', ')}…).`);

    // The schema exactly as it was when the backup was made.
    await client.query(MIGRATIONS_TABLE_DDL);
    for (const name of manifest.migrations) {
      await client.query(await readMigration(name));
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    }

    const target = new Map((await listTables(client)).map((table) => [table.name, table.columns]));
    for (const table of manifest.tables) {
      const columns = target.get(table.name);
      if (!columns || columns.join(',') !== table.columns.join(',')) {
        throw new RestoreRefusedError(`The backup's table ${table.name} does not match the schema its migrations create.`);
      }
    }
    const names = manifest.tables.map((table) => table.name);
    const extra = [...target.keys()].filter((name) => !names.includes(name));
    if (extra.length > 0) throw new RestoreRefusedError(`The backup has no rows for ${extra.join(', ')}, which its migrations create.`);

    // Rows that migrations seed (taxonomies, counters) come back from the backup, as they were.
    const all = names.map(quoted).join(', ');
    await client.query(`TRUNCATE ${all}`);
    // User triggers (search rows, facet counts, generation counters) would write a second time
    // what the backup already holds. Foreign keys are system triggers and stay on.
    for (const name of names) await client.query(`ALTER TABLE ${quoted(name)} DISABLE TRIGGER USER`);
    const byName = new Map(manifest.tables.map((table) => [table.name, table]));
    for (const name of await loadOrder(client, names)) {
      const table = byName.get(name) as TableEntry;
      const copy = client.query(copyFrom(`COPY ${quoted(name)} (${columnList(table.columns)}) FROM STDIN`));
      await pipeline(createReadStream(path.join(staging, tableEntryName(name))), copy);
      if (copy.rowCount !== table.rows) throw new Error(`${name}: loaded ${copy.rowCount} rows, the backup has ${table.rows}`);
    }
    for (const name of names) await client.query(`ALTER TABLE ${quoted(name)} ENABLE TRIGGER USER`);
    for (const sequence of manifest.sequences) {
      if (sequence.lastValue === null) continue; // never used: it is at its start already
      await client.query('SELECT setval($1::regclass, $2::bigint, true)', [quoted(sequence.name), sequence.lastValue]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * Restores an archive made by `writeBackup` into an empty database and an empty uploads folder.
 * Refuses (changing nothing) when either holds data, or when the archive is damaged. The rows go
 * in within one transaction, so a failed restore leaves the database empty and can be retried.
 */
export async function restoreBackup(options: { archive: string; databaseUrl: string; uploadsDir: string }): Promise<RestoreSummary> {
  const uploadsDir = path.resolve(options.uploadsDir);
  await fs.access(options.archive).catch(() => {
    throw new RestoreRefusedError(`${options.archive} does not exist or cannot be read.`);
  });
  const client = await connect(options.databaseUrl);
  // Beside the uploads folder, on the same disk: the files move into place with one rename.
  const staging = path.join(path.dirname(uploadsDir), `.restore-${randomBytes(6).toString('hex')}`);
  try {
    await refuseUnlessEmpty(client, uploadsDir);
    await fs.mkdir(staging, { recursive: true, mode: 0o700 });
    const manifest = await unpack(options.archive, staging);
    await loadDatabase(client, manifest, staging);
    // rmdir, not rm: it fails rather than delete a file that arrived since the check.
    await fs.rmdir(uploadsDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await fs.rename(path.join(staging, 'uploads'), uploadsDir);
    const db = createDb(options.databaseUrl, { max: 1 });
    let migrated: string[];
    try {
      migrated = await migrate(db);
    } finally {
      await db.destroy();
    }
    return {
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
      files: manifest.files.length,
      migrated,
    };
  } finally {
    await client.end();
    await fs.rm(staging, { recursive: true, force: true });
  }
}
