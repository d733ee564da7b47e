import type { FastifyInstance } from 'fastify';
import { resourceApiRoutes } from './api-routes.ts';
import { resourceRoutes } from './routes.tsx';
import { resourceSearch } from './search.ts';
import { resourceService } from './service.ts';

/**
 * The resources library: news, research, reports, tools, guidelines, handbooks, training and
 * media, on the shared machinery (search, engagement, review queue, revisions, open data).
 */

export { RESOURCE_KIND, resourceKind } from './kind.ts';
export { loadDemoResources } from './demo/load.ts';
export { loadSyntheticResources } from './synthetic.ts';
export { checkResourceLinks, RESOURCE_LINK_CHECK_CRON, RESOURCE_LINK_CHECK_JOB } from './link-check.ts';

/** Pages under every locale prefix; `search` is built once in app.ts so its caches are shared. */
export function resources(search: ReturnType<typeof resourceSearch>) {
  return async function resourcesPlugin(app: FastifyInstance) {
    await app.register(resourceRoutes({ service: resourceService(app.deps), search }));
  };
}

/** The API, the exports and the feed, registered at the root. */
export function resourcesMachineAccess(search: ReturnType<typeof resourceSearch>) {
  return resourceApiRoutes({ search });
}

export { resourceSearch };
export { resourcesPersonalData } from './personal-data.ts';
