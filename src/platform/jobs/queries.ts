import type PgBoss from 'pg-boss';

/**
 * The few questions the queue asks of pg-boss's own tables that its API does not answer. pg-boss
 * keeps them in a schema of its own, apart from the app's migrations.
 */

export const JOBS_SCHEMA = 'pgboss';

/**
 * Jobs of these queues that a worker is running or could pick up now: retries waiting for their
 * delay and jobs set to start later are not counted, since nothing can be done about them yet.
 */
export async function countBusyJobs(db: PgBoss.Db, queues: readonly string[]): Promise<number> {
  const { rows } = await db.executeSql(
    `SELECT count(*)::integer AS busy FROM ${JOBS_SCHEMA}.job
      WHERE name = ANY($1::text[])
        AND (state = 'active' OR (state IN ('created', 'retry') AND start_after < now()))`,
    [queues],
  );
  return Number((rows[0] as { busy: number } | undefined)?.busy ?? 0);
}
