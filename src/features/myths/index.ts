import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { mythApiRoutes } from './api-routes.ts';
import { checkMythSources, MYTH_SOURCE_CHECK_CRON, MYTH_SOURCE_CHECK_JOB } from './link-check.ts';
import { mythRoutes } from './routes.tsx';
import { mythSearch, type MythSearch } from './search.ts';
import { mythsService, type MythsService } from './service.ts';

/**
 * Myths and facts: the claim as people say it, the fact that answers it and the evidence, which
 * members propose and editors publish through the shared review queue; campaigns rest on them.
 */

export { MYTH_KIND, MYTHS_PATH, mythKind, mythPath } from './kind.ts';
export { AUDIENCES, isAudience, type Audience } from './model.ts';
export { mythsPersonalData } from './personal-data.ts';
export { checkMythSources } from './link-check.ts';
export { loadDemoMyths } from './demo.ts';
export { mythSearch, mythsService, type MythSearch, type MythsService };

/** What a myth page lists of the campaigns resting on it; given by the campaigns, which come after. */
export type CampaignsUsing = (mythId: number) => Promise<{ slug: string; name: string; hashtag: string; language: string }[]>;

export function myths(search: MythSearch, campaignsUsing: CampaignsUsing) {
  return async function mythsPlugin(app: FastifyInstance) {
    await app.register(mythRoutes({ service: mythsService(app.deps), search, campaignsUsing }));
  };
}

export function mythsMachineAccess(search: MythSearch) {
  return async function mythsMachineAccessPlugin(app: FastifyInstance) {
    await app.register(mythApiRoutes({ service: mythsService(app.deps), search }));
  };
}

export function defineMythJobs(deps: AppDeps): void {
  if (!deps.config.linkCheck) return;
  deps.jobs.define(MYTH_SOURCE_CHECK_JOB, () => checkMythSources(deps), { oneAtATime: true, retryLimit: 1, expireInSeconds: 2 * 60 * 60 });
  deps.jobs.schedule(MYTH_SOURCE_CHECK_JOB, MYTH_SOURCE_CHECK_CRON);
}
