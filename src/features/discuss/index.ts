import type { FastifyInstance } from 'fastify';
import type { EngagementService } from '../../engagement/index.ts';
import { translator } from '../../platform/i18n.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { SubjectResolver } from '../follows/index.ts';
import { discussApiRoutes } from './api-routes.ts';
import { CONSULTATION_KIND, consultationsService } from './consultations.ts';
import { consultationById } from './consultation-queries.ts';
import { dialoguesService } from './dialogues.ts';
import { forumsService } from './forums.ts';
import { consultationPath } from './kind.ts';
import { discussRoutes } from './routes.tsx';
import { forumSearch } from './search.ts';
import { defineClock } from './windows.ts';

/**
 * Discuss: forums of topics and posts, timed dialogues around guiding questions, and chaired
 * consultations whose comments the chair publishes or declines. Posts are comments on topics
 * (a content kind), so reports, moderation and erasure are the shared ones.
 */

export { TOPIC_KIND, topicKind, DISCUSSION_GENERATION } from './kind.ts';
export { discussPersonalData } from './personal-data.ts';
export { loadDemoDiscussions } from './demo.ts';
export { FORUM_POST_SEARCH_KIND } from './search.ts';
export { advanceStates } from './windows.ts';
export { loadSyntheticForums } from './synthetic.ts';

/** The services of the area, built once and shared by its pages, its API and its jobs. */
export function discussServices(deps: Pick<AppDeps, 'db' | 'jobs' | 'mailer' | 'config'>, engagement: EngagementService) {
  const dialogues = dialoguesService(deps);
  const forums = forumsService({ db: deps.db, engagement, windowOf: (dialogueId) => dialogues.windowOf(dialogueId) });
  const consultations = consultationsService({ db: deps.db, jobs: deps.jobs, mailer: deps.mailer, baseUrl: deps.config.baseUrl });
  return { forums, dialogues, consultations, search: forumSearch(deps.db) };
}
export type DiscussServices = ReturnType<typeof discussServices>;

export function discuss(services: DiscussServices) {
  return async function discussPlugin(app: FastifyInstance) {
    await app.register(discussRoutes(services));
  };
}

/** The API and the feeds, registered at the root. */
export function discussMachineAccess(services: DiscussServices) {
  return async function discussMachineAccessPlugin(app: FastifyInstance) {
    await app.register(discussApiRoutes(services));
  };
}

/** The chair's notice of waiting comments names the consultation. */
export const consultationSubjects: SubjectResolver = {
  kind: CONSULTATION_KIND,
  async resolve(db, ids, _memberId, locale) {
    const t = translator(locale);
    const found = new Map<number, { title: string; path: string }>();
    for (const id of ids) {
      const row = await consultationById(db, id);
      if (row) found.set(id, { title: t('discuss.consultation.notification', { title: row.title }), path: consultationPath(row.slug) });
    }
    return found;
  },
};

export const CHAIR_NOTICES_JOB = 'consultation-chair-notices';

/** The clock of dialogues and consultations, and the chairs' daily notice of waiting comments. */
export function defineDiscussJobs(deps: AppDeps): void {
  defineClock(deps);
  const consultations = consultationsService({ db: deps.db, jobs: deps.jobs, mailer: deps.mailer, baseUrl: deps.config.baseUrl });
  deps.jobs.define(CHAIR_NOTICES_JOB, async () => ({ told: await consultations.noticeChairs() }), { oneAtATime: true, retryLimit: 2, retryDelaySeconds: 60 });
  // Hourly: a chair hears of the first comment within the hour, and of the rest at most once a day.
  deps.jobs.schedule(CHAIR_NOTICES_JOB, '17 * * * *');
}
