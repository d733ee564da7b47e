import { confirmationService } from './features/practices/confirmation-service.ts';
import { checkResourceLinks, RESOURCE_LINK_CHECK_CRON, RESOURCE_LINK_CHECK_JOB } from './features/resources/index.ts';
import type { AppDeps } from './platform/deps.ts';
import { allContentKinds } from './content-kinds.ts';
import { defineFollowJobs } from './features/follows/index.ts';
import { defineEventJobs } from './features/events/index.ts';
import { defineDiscussJobs } from './features/discuss/index.ts';
import { defineMythJobs } from './features/myths/index.ts';
import { defineLabJobs } from './features/labs/index.ts';
import { MISSES_CLEANUP_CRON, MISSES_CLEANUP_JOB, missRecorder } from './search/index.ts';

/** Asks contacts whether their practices still run; see the README, "Scheduled jobs". */
export const CONFIRM_RUNNING_JOB = 'practices-confirm-running';
/** Daily at 03:00 UTC, a quiet hour for most readers. */
const CONFIRM_RUNNING_CRON = '0 3 * * *';
/** Long enough for start-up to settle, short enough that a restart does not skip a day. */
const FIRST_RUN_AFTER_START_SECONDS = 30;

/**
 * The server's own scheduled work, defined on the job queue of every process that runs it: the
 * cron sends one job per turn however many processes there are, and the queue runs one at a time.
 */
export function defineScheduledJobs(deps: AppDeps): void {
  deps.jobs.define(CONFIRM_RUNNING_JOB, async () => ({ asked: await confirmationService(deps).askDue() }), {
    oneAtATime: true,
    // A failed run is tried again within the hour; the run records each request before mailing
    // it, so a retry asks only the contacts that were not asked yet.
    retryLimit: 2,
    retryDelaySeconds: 10 * 60,
    expireInSeconds: 60 * 60,
  });
  deps.jobs.schedule(CONFIRM_RUNNING_JOB, CONFIRM_RUNNING_CRON, { afterStartSeconds: FIRST_RUN_AFTER_START_SECONDS });
  // Searches that found nothing are kept for a limited time only (search/misses.ts).
  deps.jobs.define(MISSES_CLEANUP_JOB, () => missRecorder(deps.db).forgetOld(), { oneAtATime: true, retryLimit: 2, retryDelaySeconds: 10 * 60 });
  deps.jobs.schedule(MISSES_CLEANUP_JOB, MISSES_CLEANUP_CRON);
  defineFollowJobs(deps, allContentKinds());
  defineEventJobs(deps);
  defineDiscussJobs(deps);
  defineMythJobs(deps);
  defineLabJobs(deps);
  if (deps.config.linkCheck) {
    deps.jobs.define(RESOURCE_LINK_CHECK_JOB, () => checkResourceLinks(deps), { oneAtATime: true, retryLimit: 1, expireInSeconds: 2 * 60 * 60 });
    deps.jobs.schedule(RESOURCE_LINK_CHECK_JOB, RESOURCE_LINK_CHECK_CRON);
  }
}
