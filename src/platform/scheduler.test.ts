import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { createDb, type Db } from '../db/client.ts';
import { freshDatabase, type TestDatabase } from '../test/database.ts';
import { lockKeyOf, runJobOnce, startScheduler, type ScheduledJob, type SchedulerLog } from './scheduler.ts';

let database: TestDatabase;
/** A second pool on the same database: what another server process would have. */
let otherProcess: Db;
before(async () => {
  database = await freshDatabase();
  otherProcess = createDb(database.url, { max: 3 });
});
after(async () => {
  await otherProcess.destroy();
  await database.drop();
});

interface LogLine {
  level: 'info' | 'error';
  details: Record<string, unknown>;
  message: string;
}

function recordingLog(): SchedulerLog & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (details, message) => lines.push({ level: 'info', details: { ...details }, message }),
    error: (details, message) => lines.push({ level: 'error', details: { ...details }, message }),
  };
}

/** Waits until `condition` holds, polling; fails after `timeoutMs` so a broken scheduler cannot hang the run. */
async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}

/** A job that counts its runs. */
function countingJob(name: string): ScheduledJob & { runs: number } {
  const job = {
    name,
    runs: 0,
    async run() {
      job.runs += 1;
      return { runs: job.runs };
    },
  };
  return job;
}

describe('runJobOnce', () => {
  test('a second run while the first holds the lock is skipped, from another process too', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = false;
    const slow: ScheduledJob = {
      name: 'test:slow',
      async run() {
        started = true;
        await gate;
        return {};
      },
    };
    const log = recordingLog();
    const first = runJobOnce(slow, { db: database.db, log });
    await waitFor(() => started);

    assert.equal(await runJobOnce(slow, { db: otherProcess, log }), 'skipped', 'another process');
    assert.equal(await runJobOnce(slow, { db: database.db, log }), 'skipped', 'another connection of the same process');
    // Another job has a lock of its own.
    assert.equal(await runJobOnce(countingJob('test:other'), { db: otherProcess, log }), 'ran');

    release();
    assert.equal(await first, 'ran');
    // Released: the next turn runs.
    assert.equal(await runJobOnce({ ...slow, run: async () => ({}) }, { db: otherProcess, log }), 'ran');
    assert.ok(log.lines.some((line) => line.message.includes('skipped') && line.details.job === 'test:slow'));
  });

  test('a failing job is logged with its error and releases its lock', async () => {
    const log = recordingLog();
    const failing: ScheduledJob = {
      name: 'test:failing',
      async run() {
        throw new Error('SMTP server down');
      },
    };
    assert.equal(await runJobOnce(failing, { db: database.db, log }), 'failed');
    const [line] = log.lines.filter((entry) => entry.level === 'error');
    assert.equal(line?.details.job, 'test:failing');
    assert.match(String(line?.details.err), /SMTP server down/);
    assert.equal(await runJobOnce({ ...failing, run: async () => ({}) }, { db: otherProcess, log }), 'ran', 'the lock was released');
  });

  test('lock keys are stable and differ between jobs', () => {
    assert.equal(lockKeyOf('practices:confirm-running'), lockKeyOf('practices:confirm-running'));
    assert.notEqual(lockKeyOf('practices:confirm-running'), lockKeyOf('test:other'));
    assert.ok(Number.isInteger(lockKeyOf('x')) && Math.abs(lockKeyOf('x')) < 2 ** 31);
  });
});

describe('startScheduler', () => {
  test('runs each job soon after start, then every interval; a failing job does not stop the others', async () => {
    const log = recordingLog();
    const failing: ScheduledJob = {
      name: 'test:always-fails',
      async run() {
        throw new Error('boom');
      },
    };
    const counting = countingJob('test:counting');
    const scheduler = startScheduler([failing, counting], { db: database.db, log, intervalMs: 20, firstRunAfterMs: 0 });
    try {
      await waitFor(() => counting.runs >= 3);
      await waitFor(() => log.lines.filter((line) => line.level === 'error').length >= 2);
    } finally {
      scheduler.stop();
    }
    const errors = log.lines.filter((line) => line.level === 'error');
    assert.ok(errors.every((line) => line.details.job === 'test:always-fails'), 'only the failing job logs errors');
    assert.ok(log.lines.some((line) => line.message === 'Scheduled job finished' && line.details.job === 'test:counting' && typeof line.details.ms === 'number'));
  });

  test('stop() prevents further runs', async () => {
    const log = recordingLog();
    const counting = countingJob('test:stopped');
    const scheduler = startScheduler([counting], { db: database.db, log, intervalMs: 20, firstRunAfterMs: 0 });
    await waitFor(() => counting.runs >= 2);
    scheduler.stop();
    // A run that had already begun may still finish: let it, then nothing more may start.
    await sleep(30);
    const runs = counting.runs;
    await sleep(100);
    assert.equal(counting.runs, runs);
  });

  test('stopped before the first run, a job never runs', async () => {
    const counting = countingJob('test:never');
    const scheduler = startScheduler([counting], { db: database.db, log: recordingLog(), intervalMs: 20, firstRunAfterMs: 20 });
    scheduler.stop();
    await sleep(80);
    assert.equal(counting.runs, 0);
  });

  test('two processes scheduling the same job never run it at the same time', async () => {
    let active = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const shared: ScheduledJob = {
      name: 'test:shared',
      async run() {
        active += 1;
        mostAtOnce = Math.max(mostAtOnce, active);
        await sleep(15);
        active -= 1;
        runs += 1;
        return {};
      },
    };
    const options = { log: recordingLog(), intervalMs: 10, firstRunAfterMs: 0 };
    const schedulers = [startScheduler([shared], { ...options, db: database.db }), startScheduler([shared], { ...options, db: otherProcess })];
    try {
      await waitFor(() => runs >= 5);
    } finally {
      for (const scheduler of schedulers) scheduler.stop();
    }
    await waitFor(() => active === 0);
    assert.equal(mostAtOnce, 1);
  });
});
