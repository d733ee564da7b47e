import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { eventApiRoutes } from './api-routes.ts';
import { organiserService } from './organiser.ts';
import { EVENT_REMINDERS_CRON, EVENT_REMINDERS_JOB, sendDueReminders } from './reminders.ts';
import { eventRoutes } from './routes.tsx';
import { eventsService } from './service.ts';

/**
 * Events: a calendar of workshops, roundtables and launches on the shared machinery (review queue,
 * comments, jobs, mail), with registration, a waiting list, reminders and calendar files.
 */

export { EVENT_KIND, EVENTS_PATH, eventKind } from './kind.ts';
export { eventsService, type EventsService } from './service.ts';
export { EventCards } from './views/list-pages.tsx';
export { upcomingCountsByCity, upcomingCountsByCountry } from './queries.ts';
export { eventsPersonalData } from './personal-data.ts';
export { loadDemoEvents } from './demo.ts';
export { sendDueReminders, EVENT_REMINDERS_JOB } from './reminders.ts';
export { loadSyntheticEvents } from './synthetic.ts';

export async function events(app: FastifyInstance) {
  const service = eventsService(app.deps);
  await app.register(eventRoutes({ service, organiser: organiserService(app.deps, service) }));
}

/** The calendar files, the API and the feed, registered at the root. */
export async function eventsMachineAccess(app: FastifyInstance) {
  const service = eventsService(app.deps);
  await app.register(eventApiRoutes({ service, organiser: organiserService(app.deps, service) }));
}

/** Reminders a day and an hour ahead, on every process's queue: the cron sends one job a turn. */
export function defineEventJobs(deps: AppDeps): void {
  deps.jobs.define(EVENT_REMINDERS_JOB, async () => ({ sent: await sendDueReminders(deps) }), { oneAtATime: true, retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 10 * 60 });
  deps.jobs.schedule(EVENT_REMINDERS_JOB, EVENT_REMINDERS_CRON);
}
