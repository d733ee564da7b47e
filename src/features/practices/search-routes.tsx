import type { FastifyInstance } from 'fastify';
import { requireCapability } from '../../platform/guards.ts';
import { PAGE_GENERATIONS, keepPrivate, sharedPage } from '../../platform/page-cache.ts';
import { DEFAULT_PAGE_SIZE, offsetOf, pageCountOf, parsePage } from '../../platform/pagination.ts';
import { QUERY_PARAM_MAX, type RawQuery } from '../../search/index.ts';
import { PRACTICE_KIND } from './kind.ts';
import { FACET_PARAMS, practiceFacets, readSearchRequest } from './search-params.ts';
import type { SearchService } from './search-service.ts';
import { GapsPage } from './views/search-gaps-page.tsx';
import { SearchPage, facetLabeller } from './views/search-page.tsx';

export const listParam = { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 50 } as const;

/** What a search address may carry; anything longer or stranger is a 400, never a 500. */
export const searchQuerySchema = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: QUERY_PARAM_MAX },
    page: { type: 'string', maxLength: 12 },
    sort: { type: 'string', maxLength: 20 },
    more: listParam,
    ...Object.fromEntries(FACET_PARAMS.map((param) => [param, listParam])),
  },
} as const;

/** Reads the search of a request (the page number is checked by the caller's rules). */
export async function searchRequestOf(service: SearchService, query: unknown, page: number) {
  return readSearchRequest((query ?? {}) as RawQuery, await service.termCodes(), page);
}

/** `/{l}/practices` (search and facets) and the editors' `/{l}/review/gaps`. */
export function searchRoutes(service: SearchService) {
  return async function practiceSearchRoutes(app: FastifyInstance) {

    app.get('/practices', { schema: { querystring: searchQuerySchema }, config: sharedPage([PRACTICE_KIND, PAGE_GENERATIONS.taxonomy]) }, async (request, reply) => {
      const raw = (request.query ?? {}) as RawQuery & { page?: string; more?: string[] };
      const searchRequest = await searchRequestOf(service, raw, parsePage(raw.page));
      const outcome = await service.search(searchRequest);
      await service.recordMiss(searchRequest, outcome, request.locale, { address: request.ip, userAgent: request.headers['user-agent'] ?? '' });
      // Every search that finds nothing must reach the server, which counts them for the editors.
      if (outcome.total === 0) keepPrivate(reply);
      const termsByKey = await service.termsByKey();
      const expanded = new Set((raw.more ?? []).filter(practiceFacets.isParam));
      const outOfRange = searchRequest.page > outcome.pageCount;
      const title = searchRequest.q
        ? request.t('practiceSearch.titleWithQuery', { query: searchRequest.q })
        : request.t('practiceSearch.title');
      return reply.page(
        title,
        (ctx) => <SearchPage ctx={ctx} outcome={outcome} label={facetLabeller(ctx, termsByKey)} expanded={expanded} outOfRange={outOfRange} />,
        outOfRange ? 404 : 200,
      );
    });

    app.get(
      '/review/gaps',
      { preHandler: requireCapability('content.curate'), schema: { querystring: { type: 'object', properties: { page: { type: 'string', maxLength: 12 } } } } },
      async (request, reply) => {
        const page = parsePage((request.query as { page?: string }).page);
        const { total, rows } = await service.misses({ limit: DEFAULT_PAGE_SIZE, offset: offsetOf(page) });
        const pageCount = pageCountOf(total);
        return reply.page(
          request.t('practiceSearch.gaps.title'),
          (ctx) => <GapsPage ctx={ctx} rows={rows} page={Math.min(page, pageCount)} pageCount={pageCount} />,
          page > pageCount ? 404 : 200,
        );
      },
    );
  };
}
