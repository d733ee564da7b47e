import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { inspectBackup } from './platform/backup.ts';

// The real server as `npm start` runs it, on an embedded PostgreSQL of its own.
const ROOT = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bridges-server-test-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(port: number): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', DATABASE_URL: '', DEMO_ADMIN_PASSWORD: 'a demo password' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitUntilReady(port: number, server: Started): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (server.child.exitCode !== null) throw new Error(`The server exited:\n${server.output()}`);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not become ready:\n${server.output()}`);
}

function postmasterPid(): number | undefined {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('first start prints the demo admin; a second server on the same data is refused; SIGTERM stops both processes', async () => {
  const port = await freePort();
  const first = startServer(port);
  await waitUntilReady(port, first);
  assert.match(first.output(), /admin@bridges\.example/);
  assert.match(first.output(), /a demo password/);

  const second = startServer(await freePort());
  assert.equal(await second.exited, 1);
  assert.match(second.output(), /already using the data directory/);

  const postgres = postmasterPid();
  assert.ok(postgres && isAlive(postgres), 'the embedded PostgreSQL runs');
  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0);
  assert.equal(isAlive(postgres), false, 'the embedded PostgreSQL stopped with it');
  assert.equal(postmasterPid(), undefined);
});

test('a backup reads the running server\'s embedded PostgreSQL, without stopping it', async () => {
  const port = await freePort();
  const running = startServer(port);
  await waitUntilReady(port, running);
  const out = path.join(dataDir, '..', `${path.basename(dataDir)}-backup.tar.gz`);
  try {
    const backup = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'backup', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
    assert.equal(backup.status, 0, backup.stderr);
    const manifest = await inspectBackup(out);
    assert.ok((manifest.tables.find((table) => table.name === 'practices')?.rows ?? 0) > 0, 'the demo practices are in it');
    assert.ok((await fetch(`http://127.0.0.1:${port}/ready`)).ok, 'the server still serves');
  } finally {
    rmSync(out, { force: true });
    running.child.kill('SIGTERM');
    assert.equal(await running.exited, 0);
  }
});

test('after the server is killed outright, the next start takes over its orphaned PostgreSQL, and keeps the data', async () => {
  const port = await freePort();
  const killed = startServer(port);
  await waitUntilReady(port, killed);
  assert.doesNotMatch(killed.output(), /admin@bridges\.example/, 'the demo is only loaded into an empty database');
  const orphan = postmasterPid() as number;
  killed.child.kill('SIGKILL');
  await killed.exited;
  assert.ok(isAlive(orphan), 'PostgreSQL outlived the killed server');

  const next = startServer(port);
  await waitUntilReady(port, next);
  assert.equal(isAlive(orphan), false);
  const practices = await fetch(`http://127.0.0.1:${port}/api/v1/practices`).then((response) => response.json() as Promise<{ total: number }>);
  assert.ok(practices.total > 0, 'the demo practices are still there');
  next.child.kill('SIGTERM');
  assert.equal(await next.exited, 0);
});
