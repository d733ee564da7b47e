import type { FastifyInstance } from 'fastify';
import type { PracticeSearch } from '../practices/index.ts';
import { worldwideRoutes } from './routes.tsx';
import { worldwideService } from './service.ts';
import { organisationsService } from '../organisations/index.ts';
import { partnershipsService } from '../partnerships/index.ts';
import { eventsService } from '../events/index.ts';
import { campaignsService } from '../campaigns/index.ts';
import { labsService } from '../labs/index.ts';

/**
 * Worldwide: a map of everything drawn on the server, country pages and city pages, and cities
 * that keep their own page. Areas add a layer in layers.ts to appear on all of them.
 */

export { MAP_LAYERS, type MapLayer } from './layers.ts';
export { worldwidePersonalData } from './personal-data.ts';

export function worldwide(practiceSearch: PracticeSearch) {
  return async function worldwidePlugin(app: FastifyInstance) {
    const others = { organisations: organisationsService(app.deps, app.contentKinds), partnerships: partnershipsService(app.deps), events: eventsService(app.deps), campaigns: campaignsService(app.deps), labs: labsService(app.deps) };
    await app.register(worldwideRoutes(worldwideService(app.deps, practiceSearch, others)));
  };
}
