/**
 * A crash trial: the real server (`src/server.ts`) on an embedded PostgreSQL of its own takes
 * writes over HTTP from a few concurrent clients; at a random moment the server and every
 * PostgreSQL process are killed with SIGKILL, no chance to flush or finish anything. After each
 * restart the database must hold every write that was acknowledged (a 2xx or 3xx response
 * arrived) and no write in part. Used by `src/crash.test.ts` (20 kills) and `bench/crash.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runningEmbeddedUrl } from '../db/embedded.ts';
import { samplePractice } from '../features/practices/fixtures.ts';
import { fieldsFromInput, formBodyOf } from '../features/practices/practice-form.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import { POSTING_LIMIT } from '../platform/rate-limit.ts';
import { SESSION_COOKIE } from '../platform/sessions.ts';
import { restoreBackup, writeBackup, type BackupSummary } from '../platform/backup.ts';
import { samplePng } from './sample-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WRITERS = 4;
const MEMBERS = 6;
/** How long writes run before a kill: a random moment in this window (milliseconds). */
const KILL_AFTER = { min: 100, max: 1000 };

export interface CrashTrialResult {
  kills: number;
  /** Acknowledged writes by kind, all found again. */
  acknowledged: Record<WriteKind, number>;
  /** Writes sent whose answer never came (cut by a kill): each may or may not have happened. */
  unacknowledged: number;
  /** The backup taken while writes arrived, restored and checked like the live database. */
  backupUnderLoad: { rows: number; files: number };
  durationMs: number;
  settings: { fsync: string; synchronousCommit: string };
}

type WriteKind = 'registration' | 'draft' | 'rating' | 'comment';

interface Registration {
  email: string;
  name: string;
  organisation: string;
}

interface Member {
  id: number;
  cookie: string;
  csrf: string;
}

interface Rating {
  memberId: number;
  practiceId: number;
  score: number;
  acknowledged: boolean;
}

interface VerifyTarget {
  url: string;
  uploadsDir: string;
  registrations: readonly Registration[];
  drafts: readonly { slug: string; title: string; memberId: number }[];
  comments: readonly { body: string; memberId: number; practiceId: number }[];
  /** Every attempt per member and practice; left out where the order of attempts is unknown. */
  ratings: ReadonlyMap<string, readonly Rating[]> | undefined;
}

/** Thrown by a verification: what was lost or half-written. */
export class CrashTrialError extends Error {}

function fail(message: string): never {
  throw new CrashTrialError(message);
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Server {
  child: ChildProcess;
  exited: Promise<void>;
}

function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      // Printed once the server listens, after migrations and the demo content.
      if (output.includes('Bridges is running at')) resolve({ child, exited });
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', (code, signal) => reject(new Error(`The server exited (${code ?? signal}) while starting:\n${output}`)));
  });
}

/** Cookies as a browser keeps them, from Set-Cookie headers. */
function cookiesOf(response: Response, known: Map<string, string>): Map<string, string> {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (pair && at > 0) known.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return known;
}

const cookieHeader = (cookies: Map<string, string>) => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
const CSRF_FIELD = /name="_csrf" value="([^"]+)"/;

export async function runCrashTrial(options: { kills: number; log?: (line: string) => void }): Promise<CrashTrialResult> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bridges-crash-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: baseUrl,
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
    DEMO_ADMIN_PASSWORD: 'crash trial administrator',
    SESSION_SECRET: 'a crash trial secret that is long enough',
    // Each simulated visitor sends its own address, as a proxy would: the sign-up and posting
    // limits, counted per address, then leave the many writes of the trial alone.
    TRUST_PROXY: 'true',
  };
  let server: Server | undefined;
  const visitor = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  const registrations: Registration[] = [];
  const drafts: { slug: string; title: string; memberId: number; bytes: number }[] = [];
  const comments: { body: string; memberId: number; practiceId: number }[] = [];
  const commentAttempts = new Map<number, number>();
  const ratings = new Map<string, Rating[]>();
  const ratingsInFlight = new Set<string>();
  let unacknowledged = 0;
  const settings = { fsync: '', synchronousCommit: '' };

  async function query<T extends pg.QueryResultRow>(client: pg.Client, text: string, values: unknown[] = []): Promise<T[]> {
    return (await client.query<T>(text, values)).rows;
  }

  const liveUrl = () => runningEmbeddedUrl(dataDir, 'bridges') ?? fail('The server runs but its PostgreSQL was not found');

  async function withDatabase<T>(use: (client: pg.Client) => Promise<T>, url = liveUrl()): Promise<T> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  }

  try {
    server = await startServer(env);

    // Members with sessions, written as the app writes them, and the form token of each.
    const members: Member[] = [];
    const practices = await withDatabase(async (client) => {
      for (let index = 0; index < MEMBERS; index += 1) {
        const handle = `crash-member-${index}-${randomUUID().slice(0, 6)}`;
        const [user] = await query<{ id: number }>(
          client,
          `INSERT INTO users (handle, email, name, role, email_verified_at) VALUES ($1, $2, $3, 'member', now()) RETURNING id`,
          [handle, `${handle}@example.org`, `Crash Member ${index}`],
        );
        const token = newToken();
        await client.query(`INSERT INTO sessions (id_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [hashToken(token), user?.id]);
        const cookies = new Map([[SESSION_COOKIE, token]]);
        const page = await fetch(`${baseUrl}/en/practices/new`, { headers: { cookie: cookieHeader(cookies) } });
        const csrf = CSRF_FIELD.exec(await page.text())?.[1] ?? fail('No form token on the new practice page');
        members.push({ id: user?.id ?? fail('no user'), cookie: cookieHeader(cookiesOf(page, cookies)), csrf });
      }
      return query<{ id: number; slug: string }>(client, `SELECT id, slug FROM practices WHERE status = 'published' ORDER BY id`);
    });
    if (practices.length === 0) fail('The demo content has no published practice to rate');
    const anonymous = await fetch(`${baseUrl}/en/register`);
    const anonymousCsrf = CSRF_FIELD.exec(await anonymous.text())?.[1] ?? fail('No form token on the registration page');
    const anonymousCookie = cookieHeader(cookiesOf(anonymous, new Map()));

    const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
    const acknowledged = (response: Response) => response.status >= 200 && response.status < 400;
    let stopping = false;
    /** A refusal while the server runs is a failure; one during the kill is a write cut short. */
    const refused = (message: string): never => {
      if (stopping) throw new Error(`cut short: ${message}`);
      fail(message);
    };

    /** One write; resolves whether or not it was acknowledged, records it only if it was. */
    async function write(): Promise<void> {
      const roll = Math.random();
      const headers = { 'x-forwarded-for': visitor() };
      if (roll < 0.3) {
        const id = randomBytes(5).toString('hex');
        const registration = { email: `crash-${id}@example.org`, name: `Crash Visitor ${id}`, organisation: `Organisation ${id}` };
        const body = new URLSearchParams({ _csrf: anonymousCsrf, ...registration, password: `a long password ${id}`, stakeholderType: 'civil_society', country: 'FR' });
        const response = await fetch(`${baseUrl}/en/register`, { method: 'POST', redirect: 'manual', headers: { ...headers, cookie: anonymousCookie }, body });
        if (acknowledged(response)) registrations.push(registration);
        else refused(`A registration was refused with ${response.status}`);
        return;
      }
      const member = pick(members);
      if (roll < 0.5) {
        const title = `Crash trial practice ${randomBytes(5).toString('hex')}`;
        const form = new FormData();
        form.append('_csrf', member.csrf); // first, as a browser sends it: checked before files are read
        for (const [key, value] of Object.entries(formBodyOf(fieldsFromInput(samplePractice({ title }))))) {
          for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
        }
        form.append('action', 'save');
        const picture = samplePng({ text: title });
        form.append('attachments', new Blob([new Uint8Array(picture)], { type: 'image/png' }), 'poster.png');
        const response = await fetch(`${baseUrl}/en/practices/new`, { method: 'POST', redirect: 'manual', headers: { ...headers, cookie: member.cookie }, body: form });
        if (!acknowledged(response)) refused(`A draft was refused with ${response.status}: ${(await response.text()).slice(0, 300)}`);
        const slug = /\/practices\/([^/]+)\/edit/.exec(response.headers.get('location') ?? '')?.[1] ?? fail('A saved draft did not lead to its edit page');
        drafts.push({ slug, title, memberId: member.id, bytes: picture.length });
        return;
      }
      const practice = pick(practices);
      // The site takes so many comments from one member in its window (the posting limit, counted
      // per member); past it, the member rates instead of being refused.
      // Attempts count, acknowledged or cut short by a kill, as the limit counts them.
      const mayComment = (commentAttempts.get(member.id) ?? 0) < POSTING_LIMIT.max;
      if (roll < 0.75 || !mayComment) {
        const key = `${member.id}/${practice.id}`;
        // One rating of a pair at a time, so that the order of its attempts is known.
        if (ratingsInFlight.has(key)) return;
        ratingsInFlight.add(key);
        const attempt: Rating = { memberId: member.id, practiceId: practice.id, score: 1 + Math.floor(Math.random() * 5), acknowledged: false };
        ratings.set(key, [...(ratings.get(key) ?? []), attempt]);
        try {
          const body = new URLSearchParams({ _csrf: member.csrf, score: String(attempt.score) });
          const response = await fetch(`${baseUrl}/en/practices/${practice.slug}/rating`, { method: 'POST', redirect: 'manual', headers: { ...headers, cookie: member.cookie }, body });
          if (!acknowledged(response)) refused(`A rating was refused with ${response.status}`);
          attempt.acknowledged = true;
        } finally {
          ratingsInFlight.delete(key);
        }
        return;
      }
      commentAttempts.set(member.id, (commentAttempts.get(member.id) ?? 0) + 1);
      const comment = `Crash trial comment ${randomBytes(6).toString('hex')}`;
      const body = new URLSearchParams({ _csrf: member.csrf, comment });
      const response = await fetch(`${baseUrl}/en/practices/${practice.slug}/comments`, { method: 'POST', redirect: 'manual', headers: { ...headers, cookie: member.cookie }, body });
      if (!acknowledged(response)) refused(`A comment was refused with ${response.status}`);
      comments.push({ body: comment, memberId: member.id, practiceId: practice.id });
    }

    /** Writers run until the kill; a write cut by it fails, unacknowledged. */
    async function writer(): Promise<void> {
      while (!stopping) {
        try {
          await write();
        } catch (error) {
          if (error instanceof CrashTrialError) throw error;
          if (!stopping) throw error; // the server failed a write while it was up
          unacknowledged += 1;
        }
      }
    }

    for (let kill = 1; kill <= options.kills; kill += 1) {
      await verify();
      stopping = false;
      const writers = Array.from({ length: WRITERS }, () => writer());
      const writing = Promise.all(writers);
      const delay = KILL_AFTER.min + Math.random() * (KILL_AFTER.max - KILL_AFTER.min);
      // The moment of the kill is the point of the trial: a timer is what chooses it.
      const outcome = await Promise.race([writing.then(() => 'stopped' as const), new Promise<'kill'>((resolve) => setTimeout(() => resolve('kill'), delay))]);
      if (outcome === 'stopped') fail('The writers stopped before the kill');
      const postmaster = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      stopping = true;
      server.child.kill('SIGKILL');
      await server.exited;
      // PostgreSQL runs in a process group of its own: the postmaster and every backend go at once.
      // It goes once the server is gone, so that no dying connection turns into an answer.
      process.kill(-postmaster, 'SIGKILL');
      await writing;
      // A new server refuses a data directory whose PostgreSQL still runs: wait until it is gone.
      for (let waited = 0; isAlive(postmaster); waited += 1) {
        if (waited > 500) fail(`PostgreSQL ${postmaster} outlived SIGKILL`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const restarting = Date.now();
      server = await startServer(env);
      log(`kill ${kill} after ${Math.round(delay)} ms of writes, restarted in ${Date.now() - restarting} ms: ${registrations.length} registrations, ${drafts.length} drafts, ${comments.length} comments acknowledged so far`);
    }
    await verify();

    // A backup taken while writes arrive is one moment of the database: restored beside it, it
    // holds every write acknowledged before the backup began, and nothing half-written.
    const acknowledgedBefore = { registrations: [...registrations], drafts: [...drafts], comments: [...comments] };
    stopping = false;
    const writing = Promise.all(Array.from({ length: WRITERS }, () => writer()));
    const backupDir = mkdtempSync(path.join(os.tmpdir(), 'bridges-crash-backup-'));
    let backup: BackupSummary;
    try {
      const archive = path.join(backupDir, 'under-load.tar.gz');
      backup = await writeBackup({ databaseUrl: liveUrl(), uploadsDir: path.join(dataDir, 'uploads'), out: archive });
      stopping = true;
      await writing;
      await withDatabase((client) => client.query('CREATE DATABASE restored_under_load'));
      const restoredUrl = new URL(liveUrl());
      restoredUrl.pathname = '/restored_under_load';
      const restoredUploads = path.join(backupDir, 'uploads');
      await restoreBackup({ archive, databaseUrl: restoredUrl.toString(), uploadsDir: restoredUploads });
      await verify({ url: restoredUrl.toString(), uploadsDir: restoredUploads, ...acknowledgedBefore, ratings: undefined });
    } finally {
      stopping = true;
      await writing.catch(() => {});
      rmSync(backupDir, { recursive: true, force: true });
    }

    async function verify(target: VerifyTarget = { url: liveUrl(), uploadsDir: path.join(dataDir, 'uploads'), registrations, drafts, comments, ratings }): Promise<void> {
      await withDatabase(async (client) => {
        const [fsync] = await query<{ fsync: string }>(client, 'SHOW fsync');
        const [commit] = await query<{ synchronous_commit: string }>(client, 'SHOW synchronous_commit');
        settings.fsync = fsync?.fsync ?? '';
        settings.synchronousCommit = commit?.synchronous_commit ?? '';
        if (settings.fsync !== 'on' || settings.synchronousCommit !== 'on') {
          fail(`PostgreSQL runs with fsync=${settings.fsync}, synchronous_commit=${settings.synchronousCommit}`);
        }
        // One snapshot: what is checked together was committed together.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');

        // Each kind is read in one query: the lists grow with every kill.
        const users = new Map(
          (
            await query<{ email: string; name: string; organisation: string; tokens: number; mails: number }>(
              client,
              `SELECT u.email, u.name, u.organisation,
                      (SELECT count(*)::int FROM single_use_links t WHERE t.subject_kind = 'user' AND t.subject_id = u.id AND t.purpose = 'verify_email') AS tokens,
                      coalesce(m.mails, 0) AS mails
               FROM users u
               LEFT JOIN (SELECT recipient, count(*)::int AS mails FROM outbox GROUP BY recipient) m ON m.recipient = u.email
               WHERE u.email = ANY($1)`,
              [target.registrations.map((registration) => registration.email)],
            )
          ).map((row) => [row.email, row]),
        );
        for (const registration of target.registrations) {
          const user = users.get(registration.email);
          if (!user) fail(`Acknowledged registration of ${registration.email} is lost`);
          if (user.name !== registration.name || user.organisation !== registration.organisation) fail(`The profile of ${registration.email} is not what was sent`);
          if (user.tokens < 1 || user.mails < 1) fail(`${registration.email} was acknowledged without its confirmation link or mail`);
        }
        const unconfirmable = await query<{ email: string }>(
          client,
          `SELECT email FROM users u WHERE u.email_verified_at IS NULL AND u.password_hash IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM single_use_links t WHERE t.subject_kind = 'user' AND t.subject_id = u.id AND t.purpose = 'verify_email')`,
        );
        if (unconfirmable.length > 0) fail(`Half-written registrations (an account without its confirmation link): ${unconfirmable.map((row) => row.email).join(', ')}`);

        const practicesBySlug = new Map(
          (await query<{ slug: string; title: string; author_id: number }>(client, 'SELECT slug, title, author_id FROM practices WHERE slug = ANY($1)', [target.drafts.map((draft) => draft.slug)])).map((row) => [row.slug, row]),
        );
        for (const draft of target.drafts) {
          const row = practicesBySlug.get(draft.slug);
          if (!row) fail(`Acknowledged draft ${draft.slug} is lost`);
          if (row.title !== draft.title || row.author_id !== draft.memberId) fail(`Draft ${draft.slug} is not what was sent`);
        }
        // Every practice the trial created, acknowledged or not, is whole: its organisation, its
        // link and its file, or nothing at all.
        const partial = await query<{ slug: string }>(
          client,
          `SELECT p.slug FROM practices p
           WHERE p.title LIKE 'Crash trial practice %'
             AND ((SELECT count(*) FROM practice_organisations o WHERE o.practice_id = p.id) <> 1
               OR (SELECT count(*) FROM practice_links l WHERE l.practice_id = p.id) <> 1
               OR (SELECT count(*) FROM attachments a WHERE a.kind = 'practice' AND a.subject_id = p.id) <> 1)`,
        );
        if (partial.length > 0) fail(`Half-written drafts: ${partial.map((row) => row.slug).join(', ')}`);
        const attachments = await query<{ storage_key: string; byte_size: number }>(client, 'SELECT storage_key, byte_size FROM attachments');
        for (const attachment of attachments) {
          const size = await stat(path.join(target.uploadsDir, attachment.storage_key)).then((file) => file.size, () => -1);
          if (size !== attachment.byte_size) fail(`Attachment ${attachment.storage_key}: the row says ${attachment.byte_size} bytes, the disk has ${size}`);
        }

        const commentsByBody = new Map(
          (await query<{ body: string; author_id: number; practice_id: number }>(client, "SELECT body, author_id, subject_id AS practice_id FROM comments WHERE kind = 'practice' AND body LIKE 'Crash trial comment %'")).map((row) => [row.body, row]),
        );
        for (const comment of target.comments) {
          const row = commentsByBody.get(comment.body);
          if (!row || row.author_id !== comment.memberId || row.practice_id !== comment.practiceId) fail(`Acknowledged comment "${comment.body}" is lost`);
        }

        const scores = new Map(
          (await query<{ key: string; score: number }>(client, "SELECT user_id || '/' || subject_id AS key, score FROM ratings WHERE kind = 'practice'")).map((row) => [row.key, row.score]),
        );
        for (const [key, attempts] of target.ratings ?? []) {
          let last = -1;
          attempts.forEach((attempt, index) => {
            if (attempt.acknowledged) last = index;
          });
          if (last < 0) continue;
          // The last acknowledged score, or one sent after it whose answer the kill cut off.
          const allowed = attempts.slice(last).map((attempt) => attempt.score);
          const score = scores.get(key);
          if (score === undefined || !allowed.includes(score)) fail(`Rating ${key}: expected one of ${allowed.join(', ')}, found ${score ?? 'none'}`);
        }
        // Totals kept beside the ratings, and the search rows' copy of them, move with them.
        const totals = await query<{ slug: string }>(
          client,
          `SELECT p.slug FROM practices p
           LEFT JOIN (SELECT subject_id, count(*)::int AS n, sum(score)::int AS total FROM ratings WHERE kind = 'practice' GROUP BY subject_id) r ON r.subject_id = p.id
           LEFT JOIN rating_totals t ON t.kind = 'practice' AND t.subject_id = p.id
           LEFT JOIN search_documents s ON s.kind = 'practice' AND s.subject_id = p.id
           WHERE coalesce(t.count, 0) <> coalesce(r.n, 0) OR coalesce(t.sum, 0) <> coalesce(r.total, 0)
              OR (s.subject_id IS NOT NULL AND s.rating_count <> coalesce(t.count, 0))`,
        );
        if (totals.length > 0) fail(`Rating totals out of step with the ratings: ${totals.map((row) => row.slug).join(', ')}`);
        const facets = await query<{ facet: string }>(
          client,
          `SELECT coalesce(c.facet, f.facet) AS facet FROM (SELECT facet, count FROM search_facet_counts WHERE kind = 'practice') c
           FULL JOIN (SELECT facet, count(*)::int AS n FROM search_documents, unnest(facets || '{*}'::text[]) AS facet WHERE kind = 'practice' GROUP BY facet) f ON f.facet = c.facet
           WHERE coalesce(c.count, 0) <> coalesce(f.n, 0)`,
        );
        // '*' counts the published practices themselves, as the triggers keep it.
        if (facets.length > 0) fail(`Facet counts out of step with the search rows: ${facets.map((row) => row.facet).join(', ')}`);
        await client.query('COMMIT');
      }, target.url);
    }

    return {
      kills: options.kills,
      acknowledged: {
        registration: registrations.length,
        draft: drafts.length,
        rating: [...ratings.values()].filter((attempts) => attempts.some((attempt) => attempt.acknowledged)).length,
        comment: comments.length,
      },
      unacknowledged,
      backupUnderLoad: { rows: backup.rows, files: backup.files },
      durationMs: Date.now() - started,
      settings,
    };
  } finally {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM'); // stops its PostgreSQL too
      await server.exited;
    }
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pid > 0 && isAlive(pid)) process.kill(-pid, 'SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
