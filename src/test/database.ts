import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabaseIfMissing } from '../db/embedded.ts';
import { createDb, type Db } from '../db/client.ts';

/** Migrated once per run by scripts/test.ts; every test file copies it. */
export const TEMPLATE_DATABASE = 'bridges_test_template';

export async function dropDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function maintenanceUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`.');
  return url;
}

export interface TestDatabase {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, dropped again by `drop()`. */
export async function freshDatabase(): Promise<TestDatabase> {
  const name = `bridges_test_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(maintenanceUrl(), name, TEMPLATE_DATABASE);
  const url = new URL(maintenanceUrl());
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), { max: 5 });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.destroy();
      await dropDatabase(maintenanceUrl(), name);
    },
  };
}

/** A new database with nothing in it, not even the schema: a target to restore a backup into. */
export async function emptyDatabase(): Promise<TestDatabase> {
  const name = `bridges_test_empty_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(maintenanceUrl(), name);
  const url = new URL(maintenanceUrl());
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), { max: 2 });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.destroy();
      await dropDatabase(maintenanceUrl(), name);
    },
  };
}
