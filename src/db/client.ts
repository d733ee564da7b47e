import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema/index.ts';

export type { Database } from './schema/index.ts';
export type Db = Kysely<Database>;

// int8 (COUNT(*), SUM) arrives as a string by default; the counts here fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

// The pool behind each Db, for the few jobs a query builder cannot do (COPY streams).
const pools = new WeakMap<Db, pg.Pool>();

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection dropped by the server (a restart, a failover) must not crash the process:
  // the pool replaces it, and queries that were using it fail on their own.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/**
 * One connection of the database's pool as a plain `pg` client, for work that needs the driver
 * itself (streaming rows in with COPY), returned to the pool when `use` ends.
 */
export async function withDriverClient<T>(db: Db, use: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const pool = pools.get(db);
  if (!pool) throw new Error('This Db was not made by createDb');
  const client = await pool.connect();
  try {
    const result = await use(client);
    client.release();
    return result;
  } catch (error) {
    // It may have stopped in the middle of a COPY: a fresh connection is safer than this one.
    client.release(true);
    throw error;
  }
}
