import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../../test/database.ts';
import { startTestApp } from '../../test/app.ts';
import { createJobs, type JobInfo, type Jobs, type JobsLog } from './index.ts';

let database: TestDatabase;
const started: Jobs[] = [];

before(async () => {
  database = await freshDatabase();
});
after(async () => {
  for (const jobs of started) await jobs.stop();
  await database.drop();
});

interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  details: Record<string, unknown>;
  message: string;
}

function recordingLog(): JobsLog & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record = (level: LogLine['level']) => (details: object, message: string) => lines.push({ level, details: { ...details }, message });
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}

/** One process's queue on the test database; stopped after the file. */
function processQueue(): Jobs {
  const jobs = createJobs({ connectionString: database.url, pollingIntervalSeconds: 0.5, cronCheckIntervalSeconds: 1, maxConnections: 3, stopTimeoutMs: 2_000 });
  started.push(jobs);
  return jobs;
}

/** Waits until `condition` holds, polling; fails after `timeoutMs` so a broken queue cannot hang the run. */
async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function databaseNow(): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(database.db);
  return (rows[0] as { now: Date }).now;
}

async function jobCount(name: string): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    SELECT (SELECT count(*) FROM pgboss.job WHERE name = ${name}) + (SELECT count(*) FROM pgboss.archive WHERE name = ${name}) AS count`.execute(database.db);
  return Number(rows[0]?.count);
}

describe('schedules', () => {
  test('a job scheduled by two processes runs once per turn', async () => {
    // A cron for the current minute of the database's clock: one turn, due at once. Close to the
    // end of a minute the turn could be missed, so start with the next one.
    let now = await databaseNow();
    if (now.getUTCSeconds() > 45) {
      const next = new Date(now);
      next.setUTCSeconds(60, 0);
      await waitFor(async () => (await databaseNow()) >= next, 20_000);
      now = await databaseNow();
    }
    const cron = `${now.getUTCMinutes()} ${now.getUTCHours()} * * *`;

    const runs: string[] = [];
    const processes = [processQueue(), processQueue()];
    processes.forEach((jobs, index) => {
      jobs.define('test-scheduled', async () => {
        runs.push(`process ${index}`);
        return { runs: runs.length };
      });
      jobs.schedule('test-scheduled', cron);
    });
    const log = recordingLog();
    await Promise.all(processes.map((jobs) => jobs.start(log)));

    await waitFor(() => runs.length > 0);
    // Both processes go on checking the schedule every second while the turn is due: let three
    // more checks pass, then the turn must still have produced one job and one run.
    const ranAt = await databaseNow();
    await waitFor(async () => {
      const { rows } = await sql<{ cron_on: Date | null }>`SELECT cron_on FROM pgboss.version`.execute(database.db);
      const checkedAt = rows[0]?.cron_on;
      return checkedAt !== null && checkedAt !== undefined && checkedAt.getTime() - ranAt.getTime() >= 3_000;
    });
    await processes[0]?.whenIdle(['test-scheduled']);
    assert.equal(runs.length, 1, `ran once: ${runs.join(', ')}`);
    assert.equal(await jobCount('test-scheduled'), 1);
    assert.ok(log.lines.some((line) => line.level === 'info' && line.message === 'Job finished' && line.details.runs === 1));
  });

  test('a job run after start is run once by processes starting together', async () => {
    let runs = 0;
    const processes = [processQueue(), processQueue()];
    for (const jobs of processes) {
      jobs.define('test-after-start', async () => {
        runs += 1;
      });
      // A cron that never comes due during the test: only the after-start run happens.
      jobs.schedule('test-after-start', '0 0 29 2 1', { afterStartSeconds: 0 });
    }
    await Promise.all(processes.map((jobs) => jobs.start(recordingLog())));
    await waitFor(() => runs > 0);
    await processes[0]?.whenIdle(['test-after-start']);
    await processes[1]?.whenIdle(['test-after-start']);
    assert.equal(runs, 1);
    assert.equal(await jobCount('test-after-start'), 1);
  });
});

describe('retries', () => {
  test('a failing job is retried, then succeeds; one that always fails stops after its retries', async () => {
    const attempts: JobInfo[] = [];
    const jobs = processQueue();
    jobs.define(
      'test-flaky',
      async (_data, job) => {
        attempts.push(job);
        if (job.attempt === 1) throw new Error('SMTP server down');
        return { delivered: 1 };
      },
      { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: false },
    );
    const hopeless: JobInfo[] = [];
    jobs.define(
      'test-hopeless',
      async (_data, job) => {
        hopeless.push(job);
        throw new Error(`attempt ${job.attempt} failed`);
      },
      { retryLimit: 1, retryDelaySeconds: 1, retryBackoff: false },
    );
    const log = recordingLog();
    await jobs.start(log);

    const flaky = await jobs.send('test-flaky', { n: 1 });
    const doomed = await jobs.send('test-hopeless', {});
    assert.ok(flaky && doomed);
    assert.deepEqual(await jobs.outcome('test-flaky', flaky, { timeoutMs: 15_000 }), { state: 'completed', report: { delivered: 1 } });
    assert.deepEqual(
      attempts.map((job) => [job.attempt, job.lastAttempt]),
      [
        [1, false],
        [2, false],
      ],
    );
    const failed = await jobs.outcome('test-hopeless', doomed, { timeoutMs: 15_000 });
    assert.deepEqual(failed, { state: 'failed', error: 'attempt 2 failed' });
    assert.deepEqual(
      hopeless.map((job) => [job.attempt, job.lastAttempt]),
      [
        [1, false],
        [2, true],
      ],
    );
    assert.ok(log.lines.some((line) => line.level === 'warn' && line.details.job === 'test-flaky' && /SMTP server down/.test(String(line.details.err))));
    assert.ok(log.lines.some((line) => line.level === 'error' && line.details.job === 'test-hopeless' && line.details.attempt === 2));
  });
});

describe('one at a time', () => {
  test('a queue worked one job at a time never runs two at once, across processes', async () => {
    let active = 0;
    let mostAtOnce = 0;
    let done = 0;
    const processes = [processQueue(), processQueue()];
    for (const jobs of processes) {
      jobs.define(
        'test-exclusive',
        async () => {
          active += 1;
          mostAtOnce = Math.max(mostAtOnce, active);
          // Long enough for the other process to poll while this one runs.
          await new Promise((resolve) => setTimeout(resolve, 600));
          active -= 1;
          done += 1;
        },
        { oneAtATime: true, concurrency: 2 },
      );
    }
    await Promise.all(processes.map((jobs) => jobs.start(recordingLog())));
    for (let index = 0; index < 3; index += 1) await processes[index % 2]?.send('test-exclusive', { index });
    await waitFor(() => done === 3, 20_000);
    assert.equal(mostAtOnce, 1);
  });
});

describe('transactions and shutdown', () => {
  test('a job sent in a transaction exists only if the transaction commits', async () => {
    const seen: unknown[] = [];
    const jobs = processQueue();
    jobs.define('test-transactional', async (data) => {
      seen.push(data.label);
    });
    await jobs.start(recordingLog());
    await database.db
      .transaction()
      .execute(async (trx) => {
        await jobs.send('test-transactional', { label: 'rolled back' }, { executor: trx });
        throw new Error('abort');
      })
      .catch(() => undefined);
    await database.db.transaction().execute(async (trx) => {
      await jobs.send('test-transactional', { label: 'committed' }, { executor: trx });
    });
    jobs.wake('test-transactional');
    await waitFor(() => seen.length > 0);
    await jobs.whenIdle(['test-transactional']);
    assert.deepEqual(seen, ['committed']);
    assert.equal(await jobCount('test-transactional'), 1);
  });

  test('stop() lets a job under way finish, then takes no more', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let began = 0;
    let finished = 0;
    const jobs = processQueue();
    jobs.define('test-slow', async () => {
      began += 1;
      await gate;
      finished += 1;
    });
    await jobs.start(recordingLog());
    const id = await jobs.send('test-slow', {});
    await waitFor(() => began === 1);
    await jobs.send('test-slow', {});
    const stopping = jobs.stop();
    release();
    await stopping;
    assert.equal(finished, 1);
    assert.equal(began, 1, 'the second job waits for another start');
    const { rows } = await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE id = ${id}::uuid`.execute(database.db);
    assert.equal(rows[0]?.state, 'completed');
    await assert.rejects(jobs.send('test-slow', {}), /not started/);
  });
});

describe('in the app', () => {
  test('the server keeps serving when a job fails', async () => {
    const attempts: number[] = [];
    const testApp = await startTestApp({
      defineJobs({ jobs }) {
        jobs.define(
          'test-broken',
          async (_data, job) => {
            attempts.push(job.attempt);
            throw new TypeError('Cannot read properties of undefined');
          },
          { retryLimit: 0 },
        );
      },
    });
    try {
      const id = await testApp.deps.jobs.send('test-broken', {});
      assert.ok(id);
      const outcome = await testApp.deps.jobs.outcome('test-broken', id, { timeoutMs: 10_000 });
      assert.equal(outcome.state, 'failed');
      assert.deepEqual(attempts, [1]);
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/en/' })).statusCode, 200);
      // And the queue goes on working: a mail sent afterwards is delivered.
      await testApp.deps.mailer.send({ to: 'after@example.org', subject: 'Still here', text: 'Yes.' });
      await testApp.mailSettled();
      const mail = await testApp.deps.db.selectFrom('outbox').select('status').where('recipient', '=', 'after@example.org').executeTakeFirstOrThrow();
      assert.equal(mail.status, 'sent');
    } finally {
      await testApp.close();
    }
  });
});
