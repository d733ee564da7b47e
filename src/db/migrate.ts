import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './client.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works: it only has to be the same in every process that migrates this database.
export const MIGRATION_LOCK_ID = 4_210_001;

/** The committed migration files, in the order they apply. */
export async function migrationFiles(): Promise<string[]> {
  return (await fs.readdir(MIGRATIONS_DIR)).filter((file) => file.endsWith('.sql')).sort();
}

export function readMigration(file: string): Promise<string> {
  return fs.readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
}

/** The table of applied migrations; restoring a backup creates it the same way. */
export const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;

/**
 * Applies the committed SQL files in `migrations/` that this database has not seen, in name
 * order, each in its own transaction. An advisory lock lets several processes start at once.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = await migrationFiles();
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(connection);
    try {
      await sql.raw(MIGRATIONS_TABLE_DDL).execute(connection);
      const done = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(connection);
      const applied = new Set(done.rows.map((row) => row.name));
      const pending = files.filter((file) => !applied.has(file));
      for (const file of pending) {
        const text = await readMigration(file);
        await connection.transaction().execute(async (trx) => {
          await sql.raw(text).execute(trx);
          await sql`INSERT INTO schema_migrations (name) VALUES (${file})`.execute(trx);
        });
      }
      return pending;
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(connection);
    }
  });
}
