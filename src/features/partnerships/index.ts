import type { FastifyInstance } from 'fastify';
import { partnershipRoutes } from './routes.tsx';
import { partnershipsService } from './service.ts';

/** Partnerships: offers and requests members post to find partners, closed by their author when met. */

export { partnershipsService, type PartnershipsService, type ListedPartnership } from './service.ts';
export { PartnershipCards } from './views/pages.tsx';
export { partnershipsPersonalData } from './personal-data.ts';

export async function partnerships(app: FastifyInstance) {
  await app.register(partnershipRoutes(partnershipsService(app.deps)));
}
