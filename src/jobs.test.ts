import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { CONFIRM_RUNNING_JOB, defineScheduledJobs } from './jobs.ts';
import { MISSES_CLEANUP_JOB } from './search/index.ts';
import { SILENT_JOBS_LOG, startTestApp, testJobs } from './test/app.ts';

test('the confirmation job is scheduled daily and about 30 seconds after start, once for processes starting together', async () => {
  const testApp = await startTestApp({ defineJobs: defineScheduledJobs });
  // A second process on the same database, defining the same jobs.
  const otherProcess = testJobs(testApp.database);
  try {
    defineScheduledJobs({ ...testApp.deps, jobs: otherProcess });
    await otherProcess.start(SILENT_JOBS_LOG);

    const { rows: schedules } = await sql<{ cron: string; timezone: string }>`
      SELECT cron, timezone FROM pgboss.schedule WHERE name = ${CONFIRM_RUNNING_JOB}`.execute(testApp.deps.db);
    assert.deepEqual(schedules, [{ cron: '0 3 * * *', timezone: 'UTC' }]);
    const { rows: cleanup } = await sql<{ cron: string }>`SELECT cron FROM pgboss.schedule WHERE name = ${MISSES_CLEANUP_JOB}`.execute(testApp.deps.db);
    assert.deepEqual(cleanup, [{ cron: '0 4 * * *' }], 'searches that found nothing are cleaned up daily');

    const { rows: jobs } = await sql<{ state: string; wait: number }>`
      SELECT state::text AS state, extract(epoch FROM start_after - created_on)::float AS wait
        FROM pgboss.job WHERE name = ${CONFIRM_RUNNING_JOB}`.execute(testApp.deps.db);
    assert.equal(jobs.length, 1, 'one run after start for both processes');
    assert.equal(jobs[0]?.state, 'created');
    assert.ok(Math.abs((jobs[0]?.wait ?? 0) - 30) < 2, `starts about 30 s later (${jobs[0]?.wait})`);
  } finally {
    await otherProcess.stop();
    await testApp.close();
  }
});
