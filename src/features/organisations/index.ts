import type { FastifyInstance } from 'fastify';
import { organisationRoutes } from './routes.tsx';
import { organisationsService } from './service.ts';

/**
 * Organisation pages: created by a member who becomes their manager, joined on request or by
 * invitation, handed over between managers, and naming the practices and resources they implemented.
 */

export { organisationsService, type OrganisationsService } from './service.ts';
export { organisationsPersonalData } from './personal-data.ts';
export { countsByCountry as organisationCountsByCountry, type OrganisationFilter } from './queries.ts';
export { OrganisationCards } from './views/pages.tsx';

export async function organisations(app: FastifyInstance) {
  await app.register(organisationRoutes(organisationsService(app.deps, app.contentKinds)));
}
