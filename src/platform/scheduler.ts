import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '../db/client.ts';

/**
 * Jobs that run by themselves while the server runs, so that self-hosters need no cron.
 *
 * Several processes may serve one database (see the README), and each starts the scheduler. A
 * PostgreSQL advisory lock per job makes sure that only one of them runs a job at a time: the
 * others find the lock taken and skip that turn. The lock is held by a session of its own and
 * dies with it, so a process that crashes mid-job does not keep the others out.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Long enough for start-up to settle, short enough that a restart does not skip a day. */
const FIRST_RUN_DELAY_MS = 30_000;
/**
 * The first of the two advisory-lock keys: it keeps the jobs' locks apart from any other
 * advisory lock taken on the same database (migrations use a single bigint key, another space).
 */
const LOCK_NAMESPACE = 4_210_002;

/** What a run reports, added to its log line: counts, not personal data. */
export type JobReport = Readonly<Record<string, number | string>>;

export interface ScheduledJob {
  /** Stable across releases and processes: it names the job in logs and derives its lock. */
  readonly name: string;
  run(): Promise<JobReport>;
}

/** What the scheduler needs from a logger; Fastify's (pino) fits. */
export interface SchedulerLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SchedulerOptions {
  db: Db;
  log: SchedulerLog;
  /** Time between runs of each job; a day unless told. */
  intervalMs?: number;
  /** Time from start to the first run of each job. */
  firstRunAfterMs?: number;
}

export type JobOutcome = 'ran' | 'skipped' | 'failed';

export interface Scheduler {
  /** No run starts after this; one under way finishes on its own. */
  stop(): void;
}

/** The job's half of its lock key: the same in every process, from the name alone. */
export function lockKeyOf(name: string): number {
  return createHash('sha256').update(name).digest().readInt32BE(0);
}

/**
 * Runs the job once if no other session holds its lock; never throws. Used by the scheduler, and
 * by anything else that must not run a job alongside it.
 */
export async function runJobOnce(job: ScheduledJob, { db, log }: Pick<SchedulerOptions, 'db' | 'log'>): Promise<JobOutcome> {
  const key = lockKeyOf(job.name);
  try {
    // One connection holds the lock for the whole run; the job's own queries use the pool.
    return await db.connection().execute(async (connection) => {
      const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${LOCK_NAMESPACE}::integer, ${key}::integer) AS locked`.execute(connection);
      if (!rows[0]?.locked) {
        log.info({ job: job.name }, 'Scheduled job skipped: another process is running it');
        return 'skipped';
      }
      try {
        const started = performance.now();
        const report = await job.run();
        log.info({ job: job.name, ms: Math.round(performance.now() - started), ...report }, 'Scheduled job finished');
        return 'ran';
      } finally {
        await sql`SELECT pg_advisory_unlock(${LOCK_NAMESPACE}::integer, ${key}::integer)`.execute(connection);
      }
    });
  } catch (error) {
    // A failed run waits for its next turn; the server it runs in must keep serving.
    log.error({ job: job.name, err: error }, 'Scheduled job failed');
    return 'failed';
  }
}

/**
 * Runs each job shortly after start, then every `intervalMs`. Timers are unref'd so they never
 * keep a process alive on their own. A job still running when its next turn comes is not
 * started twice by this process; other processes are kept out by the lock.
 */
export function startScheduler(jobs: readonly ScheduledJob[], options: SchedulerOptions): Scheduler {
  const intervalMs = options.intervalMs ?? DAY_MS;
  const firstRunAfterMs = options.firstRunAfterMs ?? Math.min(FIRST_RUN_DELAY_MS, intervalMs);
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  let stopped = false;

  const turn = (job: ScheduledJob) => {
    if (stopped || running.has(job.name)) return;
    running.add(job.name);
    void runJobOnce(job, options).finally(() => running.delete(job.name));
  };

  for (const job of jobs) {
    const first = setTimeout(() => {
      turn(job);
      const every = setInterval(() => turn(job), intervalMs);
      every.unref();
      timers.push(every);
    }, firstRunAfterMs);
    first.unref();
    timers.push(first);
  }

  return {
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.length = 0;
    },
  };
}
