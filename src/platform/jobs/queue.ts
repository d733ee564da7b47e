import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.ts';
import { countBusyJobs, JOBS_SCHEMA } from './queries.ts';

/**
 * Background work on a PostgreSQL job queue (pg-boss), so that it survives restarts, is retried
 * when it fails, and runs once however many processes serve the same database.
 *
 * Features define named queues with the function that works them, and may put a queue on a
 * cron schedule; every process that starts the queue works every defined queue. pg-boss keeps
 * its tables in a schema of its own (`pgboss`), created and upgraded by `start()`.
 */

/** What a job carries: plain JSON, stored in the job's row. */
export type JobData = Readonly<Record<string, unknown>>;

/** What a run reports, logged and kept with the job: counts, not personal data. */
export type JobReport = Readonly<Record<string, number | string>>;

export interface JobInfo {
  readonly id: string;
  readonly name: string;
  /** 1 on the first try. */
  readonly attempt: number;
  /** No retry follows if this attempt fails. */
  readonly lastAttempt: boolean;
}

/** Works one job; what it returns (if anything) is logged and kept with the job. */
export type JobHandler<T extends JobData> = (data: T, job: JobInfo) => Promise<JobReport | undefined> | Promise<void>;

export interface QueueOptions {
  /** Attempts after the first one fails; 2 unless told. */
  retryLimit?: number;
  /** Wait before the first retry, in whole seconds; 30 unless told. */
  retryDelaySeconds?: number;
  /** Double the wait at each retry (with jitter); true unless told. */
  retryBackoff?: boolean;
  /** An attempt still running after this long is failed, then retried; 15 minutes unless told. */
  expireInSeconds?: number;
  /** Never two jobs of this queue running at once, across every process. */
  oneAtATime?: boolean;
  /** Jobs of this queue one process works side by side; 1 unless told. */
  concurrency?: number;
}

export interface ScheduleOptions {
  /**
   * Also run this many seconds after each start, so that a process that is seldom up at the
   * cron time still runs the job. Processes starting in the same five-minute window of the
   * clock (:00 to :05 and so on) run it once.
   */
  afterStartSeconds?: number;
}

/** What the queue needs from a logger; Fastify's (pino) fits. */
export interface JobsLog {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** A Kysely connection or transaction: a job sent through it is committed with the transaction. */
export type JobExecutor = Kysely<Database> | Transaction<Database>;

export interface SendOptions {
  /**
   * Send inside this transaction: the job exists if and only if the transaction commits. Call
   * `wake(name)` after the commit, since a worker woken earlier would find nothing yet.
   */
  executor?: JobExecutor;
  /** Not before this many seconds from now. */
  startAfterSeconds?: number;
}

export type JobOutcome = { state: 'completed'; report: JobReport } | { state: 'failed'; error: string };

export interface Jobs {
  /** Declares a queue and how its jobs are worked; before `start()`. */
  define<T extends JobData>(name: string, handler: JobHandler<T>, options?: QueueOptions): void;
  /** Sends a job to a defined queue on a cron schedule (UTC); before `start()`. */
  schedule(name: string, cron: string, options?: ScheduleOptions): void;
  /** Installs or upgrades the queue's tables, creates the queues and schedules, starts the workers. */
  start(log: JobsLog): Promise<void>;
  /** Queues a job; its id, or null when a singleton rule refused it. */
  send<T extends JobData>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Lets this process's workers of a queue look for work now rather than at their next poll. */
  wake(name: string): void;
  /** Waits until the job has completed or failed for good, whichever process ran it. */
  outcome(name: string, id: string, options?: { timeoutMs?: number }): Promise<JobOutcome>;
  /** Waits until no job of these queues is running or due now (retries waiting for their turn are not). */
  whenIdle(names: readonly string[], options?: { timeoutMs?: number }): Promise<void>;
  /** Stops taking jobs, lets those under way finish for a while, then closes the connections. */
  stop(): Promise<void>;
}

export interface JobsOptions {
  connectionString: string;
  /** How often an idle worker looks for jobs: 2 seconds unless told, at least 0.5. */
  pollingIntervalSeconds?: number;
  /** How often schedules are checked: 30 seconds unless told, from 1 to 45. */
  cronCheckIntervalSeconds?: number;
  /** pg-boss's own pool, apart from the app's, so that a burst of requests cannot starve the workers. */
  maxConnections?: number;
  /** How long `stop()` waits for jobs under way before failing them, to be retried later. */
  stopTimeoutMs?: number;
}

interface Definition {
  name: string;
  handler: JobHandler<JobData>;
  options: QueueOptions;
}

const DEFAULT_QUEUE_OPTIONS = { retryLimit: 2, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 15 * 60 };
/** Processes starting within this many seconds of each other share one after-start run. */
const AFTER_START_WINDOW_SECONDS = 5 * 60;
const POLL_CONDITION_MS = 20;
/**
 * Creating queues creates tables, and two processes doing it at once deadlock: they take turns
 * under this advisory lock (migrations use 4_210_001, a key of their own).
 */
const QUEUE_SETUP_LOCK = 4_210_003;

/** Runs `setup` while holding the queue set-up lock on a session of its own. */
async function whileHoldingSetupLock(connectionString: string, setup: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: 'bridges-jobs-setup' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [QUEUE_SETUP_LOCK]);
    try {
      await setup();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [QUEUE_SETUP_LOCK]);
    }
  } finally {
    await client.end();
  }
}

/** pg-boss runs its SQL through this when a job must be sent inside the app's own transaction. */
function throughKysely(executor: JobExecutor): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await executor.executeQuery(CompiledQuery.raw(text, values as unknown[]));
      return { rows: result.rows };
    },
  };
}

async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(POLL_CONDITION_MS);
  }
}

export function createJobs(options: JobsOptions): Jobs {
  const definitions = new Map<string, Definition>();
  const schedules = new Map<string, { cron: string; options: ScheduleOptions }>();
  const workerIds = new Map<string, string[]>();
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  let boss: PgBoss | undefined;
  let started = false;

  function wake(name: string): void {
    if (!boss) return;
    for (const id of workerIds.get(name) ?? []) boss.notifyWorker(id);
  }

  function running(): PgBoss {
    if (!boss || !started) throw new Error('The job queue is not started');
    return boss;
  }

  async function work(instance: PgBoss, definition: Definition, log: JobsLog): Promise<void> {
    const { name, handler } = definition;
    const ids: string[] = [];
    for (let index = 0; index < (definition.options.concurrency ?? 1); index += 1) {
      const id = await instance.work<JobData>(name, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
        if (!job) return undefined;
        const info: JobInfo = { id: job.id, name, attempt: job.retryCount + 1, lastAttempt: job.retryCount >= job.retryLimit };
        const started = performance.now();
        try {
          const report = (await handler(job.data, info)) as JobReport | undefined;
          const details = { job: name, id: job.id, attempt: info.attempt, ms: Math.round(performance.now() - started), ...report };
          // Runs that report something are worth a line at the default level; mail deliveries are not.
          if (report) log.info(details, 'Job finished');
          else log.debug(details, 'Job finished');
          return report ?? undefined;
        } catch (error) {
          // The server goes on serving: pg-boss marks the job failed and retries it while it may.
          const details = { job: name, id: job.id, attempt: info.attempt, err: error };
          if (info.lastAttempt) log.error(details, 'Job failed and will not be retried');
          else log.warn(details, 'Job failed and will be retried');
          throw error;
        }
      });
      ids.push(id);
    }
    workerIds.set(name, ids);
  }

  return {
    define(name, handler, queueOptions = {}) {
      if (started) throw new Error(`Define the queue "${name}" before the job queue starts`);
      if (definitions.has(name)) throw new Error(`The queue "${name}" is defined twice`);
      definitions.set(name, { name, handler: handler as JobHandler<JobData>, options: queueOptions });
    },

    schedule(name, cron, scheduleOptions = {}) {
      if (started) throw new Error(`Schedule "${name}" before the job queue starts`);
      schedules.set(name, { cron, options: scheduleOptions });
    },

    async start(log) {
      if (started) return;
      for (const name of schedules.keys()) {
        if (!definitions.has(name)) throw new Error(`The scheduled queue "${name}" is not defined`);
      }
      const instance = new PgBoss({
        connectionString: options.connectionString,
        schema: JOBS_SCHEMA,
        max: options.maxConnections ?? 4,
        application_name: 'bridges-jobs',
        ...(options.cronCheckIntervalSeconds
          ? { cronMonitorIntervalSeconds: options.cronCheckIntervalSeconds, cronWorkerIntervalSeconds: options.cronCheckIntervalSeconds }
          : {}),
      });
      // Without a listener an 'error' event would throw and end the process; these are the
      // queue's own housekeeping errors (a lost connection, a failed poll), retried on their own.
      instance.on('error', (error) => log.error({ err: error }, 'Job queue error'));
      await instance.start();
      boss = instance;
      try {
        await whileHoldingSetupLock(options.connectionString, async () => {
          for (const definition of definitions.values()) {
            const settings = { ...DEFAULT_QUEUE_OPTIONS, ...definition.options };
            const queue: PgBoss.Queue = {
              name: definition.name,
              policy: settings.oneAtATime ? 'singleton' : 'standard',
              retryLimit: settings.retryLimit,
              retryDelay: settings.retryDelaySeconds,
              retryBackoff: settings.retryBackoff,
              expireInSeconds: settings.expireInSeconds,
            };
            // createQueue leaves an existing queue as it was; updateQueue brings its settings up to date.
            await instance.createQueue(definition.name, queue);
            await instance.updateQueue(definition.name, queue);
          }
          for (const [name, { cron }] of schedules) await instance.schedule(name, cron, {}, { tz: 'UTC' });
        });
        started = true;
        for (const definition of definitions.values()) await work(instance, definition, log);
        for (const [name, schedule] of schedules) {
          const delay = schedule.options.afterStartSeconds;
          if (delay === undefined) continue;
          // One slot for processes starting together; no singleton key, so that a queue worked one
          // job at a time keeps this run apart from the cron's.
          await instance.send(name, {}, { startAfter: delay, singletonSeconds: AFTER_START_WINDOW_SECONDS });
        }
      } catch (error) {
        started = false;
        await instance.stop({ graceful: false });
        boss = undefined;
        throw error;
      }
    },

    async send(name, data, sendOptions = {}) {
      const instance = running();
      const id = await instance.send(name, data, {
        ...(sendOptions.executor ? { db: throughKysely(sendOptions.executor) } : {}),
        ...(sendOptions.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
      });
      if (!sendOptions.executor && !sendOptions.startAfterSeconds) wake(name);
      return id;
    },

    wake,

    async outcome(name, id, { timeoutMs = 60 * 60 * 1000 } = {}) {
      const instance = running();
      return waitFor<JobOutcome>(
        async () => {
          const job = await instance.getJobById<JobData>(name, id, { includeArchive: true });
          if (!job) throw new Error(`No job ${id} in the queue "${name}"`);
          const output = (job.output ?? {}) as Record<string, unknown>;
          if (job.state === 'completed') return { state: 'completed', report: output as JobReport };
          if (job.state === 'failed' || job.state === 'cancelled') return { state: 'failed', error: String(output.message ?? job.state) };
          return undefined;
        },
        timeoutMs,
        `job ${id} of "${name}"`,
      );
    },

    async whenIdle(names, { timeoutMs = 30_000 } = {}) {
      const instance = running();
      await waitFor(async () => ((await countBusyJobs(instance.getDb(), names)) === 0 ? true : undefined), timeoutMs, `the queues ${names.join(', ')} to be idle`);
    },

    async stop() {
      const instance = boss;
      if (!instance) return;
      started = false;
      boss = undefined;
      workerIds.clear();
      // Jobs still running at the timeout are failed, so that another process retries them.
      await instance.stop({ graceful: true, wait: true, close: true, timeout: options.stopTimeoutMs ?? 10_000 });
    },
  };
}
