/**
 * Runs every test against a real PostgreSQL: the embedded server in `.test-data/` (started once
 * per run), or the server at DATABASE_URL. The schema is migrated once into a template database
 * that each test file copies into a fresh database of its own.
 *
 *   tsx scripts/test.ts                      unit, integration and browser tests
 *   tsx scripts/test.ts --integration-only   everything but the browser journeys
 *   tsx scripts/test.ts --e2e-only           only the browser journeys
 *   tsx scripts/test.ts src/features/admin   only the test files under these paths
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createDatabaseIfMissing, startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts';
import { createDb } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { TEMPLATE_DATABASE, dropDatabase } from '../src/test/database.ts';
import { ensureChromium } from './ensure-chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const mode = args.includes('--integration-only') ? 'integration' : args.includes('--e2e-only') ? 'e2e' : 'all';
const only = args.filter((arg) => !arg.startsWith('--')).map((arg) => path.relative(root, path.resolve(arg)));

function findFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function prepareServer(): Promise<{ maintenanceUrl: string; server?: EmbeddedServer }> {
  if (process.env.DATABASE_URL) {
    console.log('Tests use the PostgreSQL server at DATABASE_URL.');
    return { maintenanceUrl: process.env.DATABASE_URL };
  }
  // One folder per run, so that runs started side by side do not share a cluster.
  const dataDir = path.join(root, '.test-data', `run-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir, database: 'postgres', log: () => {} });
  console.log('Tests use an embedded PostgreSQL server in .test-data/.');
  return {
    maintenanceUrl: server.urlFor('postgres'),
    server: {
      urlFor: server.urlFor,
      async stop() {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    },
  };
}

async function prepareTemplate(maintenanceUrl: string): Promise<void> {
  await dropDatabase(maintenanceUrl, TEMPLATE_DATABASE);
  await createDatabaseIfMissing(maintenanceUrl, TEMPLATE_DATABASE);
  const url = new URL(maintenanceUrl);
  url.pathname = `/${TEMPLATE_DATABASE}`;
  const db = createDb(url.toString(), { max: 1 });
  try {
    await migrate(db);
  } finally {
    await db.destroy();
  }
}

const files = [
  ...(mode === 'e2e' ? [] : findFiles('src', /\.test\.tsx?$/)),
  ...(mode === 'integration' ? [] : findFiles('e2e', /\.e2e\.tsx?$/)),
].filter((file) => only.length === 0 || only.some((prefix) => file.startsWith(prefix)));
if (files.length === 0) {
  console.error('No test files match.');
  process.exit(1);
}
if (files.some((file) => file.startsWith('e2e'))) ensureChromium();

const { maintenanceUrl, server } = await prepareServer();
// Interrupted runs stop their PostgreSQL too: it runs detached and would outlive us.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130)));
}
let status = 1;
try {
  await prepareTemplate(maintenanceUrl);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: maintenanceUrl, DATABASE_URL: '' },
  });
  status = result.status ?? 1;
} finally {
  await server?.stop();
}
process.exit(status);
