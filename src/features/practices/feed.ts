import type { FastifyInstance } from 'fastify';
import { ATOM_CONTENT_TYPE, atomXml } from '../../open-data/index.ts';
import { PAGE_GENERATIONS, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { termLabel } from '../taxonomies/index.ts';
import { PRACTICE_KIND } from './kind.ts';
import { searchQueryString } from './search-params.ts';
import { searchQuerySchema, searchRequestOf } from './search-routes.tsx';
import type { SearchService } from './search-service.ts';

/** The feed lists this many of the newest practices that match its filters. */
export const FEED_SIZE = 50;

/** `/feeds/practices.atom`: Atom 1.0 of newly published practices, honouring the search filters. */
export function feedRoutes(service: SearchService) {
  return async function practiceFeedRoutes(app: FastifyInstance) {
    const { baseUrl } = app.deps.config;
    const absolute = (path: string) => new URL(path, baseUrl).href;

    app.get(
      '/feeds/practices.atom',
      {
        config: sharedPage([PRACTICE_KIND, PAGE_GENERATIONS.taxonomy], { sameForEveryone: true }),
        schema: {
          tags: ['practices'],
          summary: `Atom feed of the ${FEED_SIZE} newest published practices, with the search's filters`,
          querystring: searchQuerySchema,
        },
      },
      async (request, reply) => {
        const { t, locale } = request;
        const searchRequest = { ...(await searchRequestOf(service, request.query, parsePage(undefined))), sort: 'newest' as const, sortGiven: false };
        const outcome = await service.search(searchRequest, { pageSize: FEED_SIZE, withFacets: false });
        const query = searchQueryString(searchRequest);
        const xml = atomXml({
          selfUrl: absolute(`/feeds/practices.atom${query}`),
          alternateUrl: absolute(`/${locale}/practices${query}`),
          title: t('practiceSearch.feed.title'),
          subtitle: t('practiceSearch.feed.subtitle'),
          authorName: t('common.siteName'),
          locale,
          entries: outcome.results.map((result) => ({
            url: absolute(`/${locale}/practices/${encodeURIComponent(result.slug)}`),
            title: result.title,
            language: result.language,
            published: result.publishedAt,
            summary: result.summary,
            categories: result.terms.filter((term) => term.vocabulary === 'topic').map((term) => ({ term: term.code, label: termLabel(term, locale) })),
          })),
        });
        // The feed's language follows Accept-Language: a shared cache must keep one copy per language.
        return reply.type(ATOM_CONTENT_TYPE).header('vary', 'Accept-Language').send(xml);
      },
    );
  };
}
