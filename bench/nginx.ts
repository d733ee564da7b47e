/**
 * Debian's nginx for the benchmark's yardstick: the same HTML the app sends, saved as static files
 * and served by nginx on loopback, started by the benchmark in the foreground with a config of its
 * own and stopped with it.
 *
 * An nginx on PATH is used as it is. Otherwise Debian's package is fetched with `apt-get download`
 * and unpacked into a cache folder, never installed: installing it would run its maintainer
 * scripts, which start a system nginx on port 80 as root.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const UNPACKED = path.join(os.tmpdir(), 'bridges-bench-nginx');

function onPath(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** The nginx binary: on PATH, or Debian's package unpacked here once. */
export function nginxBinary(): string {
  const installed = onPath();
  if (installed) return installed;
  const binary = path.join(UNPACKED, 'root', 'usr', 'sbin', 'nginx');
  if (existsSync(binary)) return binary;
  mkdirSync(UNPACKED, { recursive: true });
  const download = () => spawnSync('apt-get', ['download', 'nginx'], { cwd: UNPACKED, stdio: 'inherit' }).status === 0;
  if (!download()) {
    // A machine that never read the package lists: read them, then try once more.
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    if (!download()) throw new Error('Could not download Debian\'s nginx package (apt-get download nginx)');
  }
  const deb = readdirSync(UNPACKED).find((name) => name.startsWith('nginx_') && name.endsWith('.deb'));
  if (!deb) throw new Error('apt-get download nginx left no package');
  execFileSync('dpkg-deb', ['-x', path.join(UNPACKED, deb), path.join(UNPACKED, 'root')]);
  return binary;
}

export interface StaticSite {
  base: string;
  version: string;
  stop(): Promise<void>;
}

/** Starts nginx in the foreground with `http` as the body of its http block; stopped with `stop`. */
async function startNginx(prefix: string, http: string, port: number, readyPath: string): Promise<StaticSite> {
  const binary = nginxBinary();
  // Run as root, nginx's workers drop to nobody: they must be able to read what they serve.
  chmodSync(prefix, 0o755);
  const config = path.join(prefix, 'nginx.conf');
  writeFileSync(
    config,
    `worker_processes auto;
pid ${prefix}/nginx.pid;
error_log stderr error;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000;
  client_body_temp_path ${prefix}/client;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
${http}
}
`,
  );
  const version = spawnSync(binary, ['-v'], { encoding: 'utf8' }).stderr.trim();
  const child: ChildProcess = spawn(binary, ['-p', prefix, '-c', config, '-e', 'stderr'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`nginx stopped with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 100) throw new Error('nginx did not start in 20 seconds');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    base,
    version,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/**
 * Serves `files` (path → HTML) on 127.0.0.1:port with one worker per core, the way a plain static
 * site is usually set up (sendfile, keep-alive), and no compression: autocannon asks for none, and
 * neither gets it from the app.
 */
export async function serveStatic(files: ReadonlyMap<string, string>, port: number): Promise<StaticSite> {
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'bridges-bench-static-'));
  const html = path.join(prefix, 'html');
  for (const [address, body] of files) {
    const file = path.join(html, address.replace(/^\/+/, ''));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  spawnSync('chmod', ['-R', 'a+rX', html]);
  const first = files.keys().next().value as string;
  return startNginx(
    prefix,
    `  sendfile on;
  tcp_nopush on;
  types { text/html html; }
  default_type text/html;
  server {
    listen 127.0.0.1:${port};
    root ${html};
  }`,
    port,
    first,
  );
}

/**
 * A load balancer in front of app processes on loopback, as one would run it: requests go to the
 * processes in turn over kept-alive connections, with the headers the app reads behind a proxy.
 */
export async function balance(appPorts: readonly number[], port: number): Promise<StaticSite> {
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'bridges-bench-balancer-'));
  return startNginx(
    prefix,
    `  upstream bridges {
${appPorts.map((appPort) => `    server 127.0.0.1:${appPort};`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://bridges;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering on;
    }
  }`,
    port,
    '/health',
  );
}
