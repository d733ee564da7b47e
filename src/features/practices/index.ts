import type { FastifyInstance } from 'fastify';
import { practicePageRoutes } from './page-routes.tsx';
import { recordRoutes } from './record-routes.tsx';
import { reviewRoutes } from './review-routes.tsx';
import { apiRoutes } from './api-routes.tsx';
import { importRoutes } from './import-routes.tsx';
import { searchRoutes } from './search-routes.tsx';
import { submissionRoutes } from './submission-routes.tsx';

/** Practice pages, registered under every locale prefix. */
export async function practices(app: FastifyInstance) {
  await app.register(practicePageRoutes);
  await app.register(searchRoutes);
  await app.register(importRoutes);
  await app.register(submissionRoutes);
  await app.register(reviewRoutes);
  await app.register(recordRoutes);
}

/** Machine access to practices (API, feeds, exports), registered at the root. */
export async function practicesMachineAccess(app: FastifyInstance) {
  await app.register(apiRoutes);
}

export { PRACTICE_KIND, practiceKind } from './kind.ts';
export { loadDemoPractices } from './demo/load.ts';
export { practiceService, type FeaturedPractice } from './service.ts';
export { practicePersonalData } from './personal-data.ts';
