import { sql } from 'kysely';
import type { Executor } from '../../content/kinds.ts';
import type { Db } from '../../db/client.ts';
import type { Jobs } from '../../platform/jobs/index.ts';

/**
 * Dialogues and consultations are open between two instants. Whether one takes a post is read
 * from the clock at that moment; its `state` column, which pages show and which moves their
 * kept copies on, is written by a job sent for the exact instants it opens and closes (and a
 * sweep every few minutes, should a process have been down then).
 */

export type WindowState = 'scheduled' | 'open' | 'closed';

export interface TimedWindow {
  opensAt: Date;
  closesAt: Date;
}

export function windowState(window: TimedWindow, now: Date): WindowState {
  if (now < window.opensAt) return 'scheduled';
  return now < window.closesAt ? 'open' : 'closed';
}

export const DISCUSSION_CLOCK_JOB = 'discussion-clock';
/** A sweep for changes a stopped process missed. */
export const DISCUSSION_CLOCK_CRON = '*/5 * * * *';

/** Writes the state the clock says into every dialogue and consultation whose state is behind. */
export async function advanceStates(db: Executor): Promise<number> {
  let changed = 0;
  for (const table of ['dialogues', 'consultations'] as const) {
    const result = await sql`
      UPDATE ${sql.table(table)} SET state = CASE WHEN now() < opens_at THEN 'scheduled' WHEN now() < closes_at THEN 'open' ELSE 'closed' END
      WHERE state IS DISTINCT FROM CASE WHEN now() < opens_at THEN 'scheduled' WHEN now() < closes_at THEN 'open' ELSE 'closed' END`.execute(db);
    changed += Number(result.numAffectedRows ?? 0);
  }
  return changed;
}

/** Sends the clock job for the moments a window opens and closes. */
export async function scheduleWindow(jobs: Jobs, window: TimedWindow, now = new Date()): Promise<void> {
  for (const moment of [window.opensAt, window.closesAt]) {
    const seconds = Math.ceil((moment.getTime() - now.getTime()) / 1000);
    if (seconds > 0) await jobs.send(DISCUSSION_CLOCK_JOB, { at: moment.toISOString() }, { startAfterSeconds: seconds });
  }
}

export function defineClock(deps: { db: Db; jobs: Jobs }): void {
  deps.jobs.define(DISCUSSION_CLOCK_JOB, async () => ({ changed: await advanceStates(deps.db) }), { retryLimit: 3, retryDelaySeconds: 5 });
  deps.jobs.schedule(DISCUSSION_CLOCK_JOB, DISCUSSION_CLOCK_CRON);
}
