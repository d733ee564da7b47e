import type { FastifyInstance } from 'fastify';
import { practicePageRoutes } from './page-routes.tsx';
import { recordRoutes } from './record-routes.tsx';
import { reviewRoutes } from './review-routes.tsx';
import { apiRoutes } from './api-routes.tsx';
import { importRoutes } from './import-routes.tsx';
import { searchRoutes } from './search-routes.tsx';
import { submissionRoutes } from './submission-routes.tsx';
import type { SearchService } from './search-service.ts';

/**
 * Practice pages, registered under every locale prefix. The search is built once for the app and
 * shared, so that every locale, the API and the feeds reuse the same cached counts and pages.
 */
export function practices(search: SearchService) {
  return async function practicesPlugin(app: FastifyInstance) {
    await app.register(practicePageRoutes);
    await app.register(searchRoutes(search));
    await app.register(importRoutes);
    await app.register(submissionRoutes);
    await app.register(reviewRoutes);
    await app.register(recordRoutes);
  };
}

/** Machine access to practices (API, feeds, exports), registered at the root. */
export function practicesMachineAccess(search: SearchService) {
  return apiRoutes(search);
}

export { searchService as practiceSearch, type SearchService as PracticeSearch } from './search-service.ts';

export { PRACTICE_KIND, practiceKind } from './kind.ts';
export { loadDemoPractices } from './demo/load.ts';
export { practiceService, type FeaturedPractice } from './service.ts';
export { practicePersonalData } from './personal-data.ts';
export type { PracticeInput } from './model.ts';
export { FACETS as PRACTICE_FACETS, practiceFacets, readSearchRequest as readPracticeSearchRequest, searchQueryString as practiceSearchQueryString } from './search-params.ts';
export { upsertCity } from './queries.ts';
