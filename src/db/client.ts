import {
  Kysely,
  PostgresDialect,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type Transaction,
  type UnknownRow,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema/index.ts';

export type { Database } from './schema/index.ts';
export type Db = Kysely<Database>;
/** The database or a transaction on it: what a query function runs on. */
export type Executor = Db | Transaction<Database>;

// int8 (COUNT(*), SUM) arrives as a string by default; the counts here fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

// The pool behind each Db, for the few jobs a query builder cannot do (COPY streams).
const pools = new WeakMap<Db, pg.Pool>();

/**
 * Counts the statements other than reads that a Db has completed. What a process remembers of
 * the database (src/db/changes.ts) is trusted only while this count has not moved since it was
 * read: the notification of a change made by this very process may not have arrived yet, and
 * that change must show on its next page. A SELECT counts as a read; anything else as a change.
 */
export class ChangeCount implements KyselyPlugin {
  #completed = 0;
  readonly #changing = new WeakSet<PluginTransformQueryArgs['queryId']>();

  get completed(): number {
    return this.#completed;
  }

  /** Counts a change made outside this Db's statements (a request that changed something has ended). */
  moveOn(): void {
    this.#completed += 1;
  }

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (!isRead(node)) this.#changing.add(queryId);
    return node;
  }

  async transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.#changing.has(queryId)) this.#completed += 1;
    return result;
  }
}

function isRead(node: RootOperationNode): boolean {
  if (node.kind === 'RawNode') return /^\s*select\b/i.test(node.sqlFragments[0] ?? '');
  if (node.kind !== 'SelectQueryNode') return false;
  // A common table expression may hold an INSERT, UPDATE or DELETE.
  return (node.with?.expressions ?? []).every((expression) => expression.expression.kind === 'SelectQueryNode');
}

const changeCounts = new WeakMap<Db, ChangeCount>();
const connectionStrings = new WeakMap<Db, string>();

/** Where a Db made by createDb connects: for a connection of its own beside the pool (LISTEN). */
export function connectionStringOf(db: Db): string {
  const url = connectionStrings.get(db);
  if (url === undefined) throw new Error('This Db was not made by createDb');
  return url;
}

/** The change count of a Db made by createDb. */
export function changeCountOf(db: Db): ChangeCount {
  const count = changeCounts.get(db);
  if (!count) throw new Error('This Db was not made by createDb');
  return count;
}

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection dropped by the server (a restart, a failover) must not crash the process:
  // the pool replaces it, and queries that were using it fail on their own.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  const changes = new ChangeCount();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [changes] });
  pools.set(db, pool);
  changeCounts.set(db, changes);
  connectionStrings.set(db, connectionString);
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
