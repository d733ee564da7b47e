import type { Config } from '../config.ts';
import { createDb, type Db } from './client.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrate } from './migrate.ts';

export interface OpenDatabase {
  db: Db;
  /** The connection URL, for what keeps a pool of its own (the job queue). */
  url: string;
  /** True when this process started its own PostgreSQL server under DATA_DIR. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects to `DATABASE_URL`, or starts the embedded server under `DATA_DIR` when it is unset,
 * then brings the schema up to date.
 */
export async function openDatabase(config: Config, log: (message: string) => void): Promise<OpenDatabase> {
  const server = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'bridges', log });
  const url = config.databaseUrl ?? (server?.urlFor('bridges') as string);
  const db = createDb(url);
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    await server?.stop();
    throw error;
  }
  return {
    db,
    url,
    embedded: server !== undefined,
    async close() {
      await db.destroy();
      await server?.stop();
    },
  };
}
