import type { FastifyInstance } from 'fastify';
import type { ContentKinds } from '../../content/kinds.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { followRoutes } from './routes.tsx';
import { notificationsService, type SubjectResolver } from './service.ts';

/**
 * Follows, notifications and digests: members follow topics, countries, cities, organisations,
 * members and single items; what happens to them reaches the member's notifications, and by mail
 * either at once (what concerns them directly) or in a digest they chose.
 */

export { FollowButton, followPersonaliser } from './views/follow-button.tsx';
export { notificationsService, type NotificationsService, type SubjectResolver } from './service.ts';
export { followsPersonalData } from './personal-data.ts';
export { notifyMember } from './queries.ts';
export { readUnsubscribeToken, unsubscribeToken, unsubscribeHeaders } from './unsubscribe.ts';

/** Fans out what happened to the followers; every minute, and before each digest. */
export const NOTIFICATIONS_FAN_OUT_JOB = 'notifications-fan-out';
export const DAILY_DIGEST_JOB = 'digest-daily';
export const WEEKLY_DIGEST_JOB = 'digest-weekly';

/** The jobs of this feature, on the queue of every process: each runs one at a time across them all. */
export function defineFollowJobs(deps: AppDeps, kinds: ContentKinds): void {
  const service = notificationsService({ ...deps, kinds });
  deps.jobs.define(NOTIFICATIONS_FAN_OUT_JOB, () => service.processEvents(), { oneAtATime: true, retryLimit: 2, retryDelaySeconds: 60 });
  deps.jobs.schedule(NOTIFICATIONS_FAN_OUT_JOB, '* * * * *');
  // Digests go out early in the morning, UTC; a failed run is tried again, sending only what is still pending.
  deps.jobs.define(DAILY_DIGEST_JOB, () => service.runDigests('daily'), { oneAtATime: true, retryLimit: 3, retryDelaySeconds: 10 * 60, expireInSeconds: 60 * 60 });
  deps.jobs.schedule(DAILY_DIGEST_JOB, '0 6 * * *');
  deps.jobs.define(WEEKLY_DIGEST_JOB, () => service.runDigests('weekly'), { oneAtATime: true, retryLimit: 3, retryDelaySeconds: 10 * 60, expireInSeconds: 60 * 60 });
  deps.jobs.schedule(WEEKLY_DIGEST_JOB, '0 6 * * 1');
}

/** `subjects`: areas whose notifications are about something other than content (conversations). */
export function follows(subjects: readonly SubjectResolver[] = []) {
  return async function followsPlugin(app: FastifyInstance) {
    await app.register(followRoutes(notificationsService({ ...app.deps, kinds: app.contentKinds, subjects })));
  };
}
