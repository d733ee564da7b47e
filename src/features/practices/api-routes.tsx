import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/errors.ts';
import { apiErrorSchema, parsePerPage, perPageParameter, searchPageSchema, slugParameter } from '../../platform/http/api.ts';
import { PAGE_GENERATIONS, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { jsonArray, streamDownload } from '../../open-data/index.ts';
import { csvExport, publishedRecord, publishedRecords } from './export-import.ts';
import { feedRoutes } from './feed.ts';
import { PAGE_SIZE, headlineText } from '../../search/index.ts';
import { PRACTICE_KIND } from './kind.ts';
import { FACET_PARAMS, searchQueryString, type SearchRequest } from './search-params.ts';
import { listParam, searchQuerySchema, searchRequestOf } from './search-routes.tsx';
import type { SearchOutcome, SearchService } from './search-service.ts';


/** Answers of the read API are the same for everyone, and change with practices and their tags. */
const API_SHOWS = sharedPage([PRACTICE_KIND, PAGE_GENERATIONS.taxonomy], { sameForEveryone: true });

const facetListSchema = {
  type: 'array',
  items: { type: 'object', properties: { value: { type: 'string' }, count: { type: 'integer' } } },
} as const;

const summarySchema = {
  type: 'object',
  properties: {
    slug: { type: 'string' },
    url: { type: 'string', description: 'The practice page' },
    api_url: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    snippet: { type: 'string', description: 'Text around the matched words (empty without a query)' },
    language: { type: 'string', description: 'ISO 639-1 code of the language the practice is written in' },
    countries: { type: 'array', items: { type: 'string' } },
    topics: { type: 'array', items: { type: 'string' } },
    evidence_level: { type: 'string' },
    published_at: { type: 'string', format: 'date-time' },
    rating: { type: 'object', properties: { average: { type: 'number', nullable: true }, count: { type: 'integer' } } },
  },
} as const;


const recordSchema = {
  type: 'object',
  description: 'A published practice. `contact` is present only when the contact person agreed to be shown.',
  additionalProperties: true,
  properties: {
    slug: { type: 'string' },
    url: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    language: { type: 'string' },
    countries: { type: 'array', items: { type: 'string' } },
    published_at: { type: 'string', format: 'date-time', nullable: true },
  },
} as const;

/** `/api/v1/practices…` and the feed, registered at the root (the OpenAPI document is platform/http's). */
export function apiRoutes(service: SearchService) {
  return async function practiceApiRoutes(app: FastifyInstance) {
    const { baseUrl } = app.deps.config;
    const absolute = (path: string) => new URL(path, baseUrl).href;
    const practiceUrl = (slug: string) => absolute(`/en/practices/${encodeURIComponent(slug)}`);

    const searchParameters = {
      ...searchQuerySchema,
      properties: {
        q: { ...searchQuerySchema.properties.q, description: 'Words in any language; -word excludes, OR joins alternatives' },
        page: { ...searchQuerySchema.properties.page, description: 'Page number, from 1' },
        per_page: perPageParameter,
        sort: { type: 'string', enum: ['relevance', 'newest', 'useful'], description: 'Default: relevance with a query, newest without' },
        ...Object.fromEntries(
          FACET_PARAMS.map((param) => [param, { ...listParam, description: `Filter by ${param} code (repeatable)` }]),
        ),
      },
    } as const;

    function searchLinks(request: SearchRequest, outcome: SearchOutcome, perPage: number) {
      const extra = perPage === PAGE_SIZE ? [] : ([['per_page', String(perPage)]] as const);
      const at = (page: number) => absolute(`/api/v1/practices${searchQueryString(request, page, extra)}`);
      return {
        self: at(request.page),
        first: at(1),
        prev: request.page > 1 ? at(Math.min(request.page - 1, outcome.pageCount)) : null,
        next: request.page < outcome.pageCount ? at(request.page + 1) : null,
      };
    }

    app.get(
      '/api/v1/practices',
      {
        config: API_SHOWS,
        schema: {
          tags: ['practices'],
          summary: 'Search published practices',
          description: 'Full-text search with facets: the same search as /{locale}/practices, as JSON.',
          querystring: searchParameters,
          response: {
            200: searchPageSchema(summarySchema, {
              facets: { type: 'object', additionalProperties: facetListSchema },
              links: {
                type: 'object',
                properties: { self: { type: 'string' }, first: { type: 'string' }, prev: { type: 'string', nullable: true }, next: { type: 'string', nullable: true } },
              },
            }),
            400: apiErrorSchema,
          },
        },
      },
      async (request) => {
        const raw = (request.query ?? {}) as { page?: string; per_page?: string };
        const perPage = parsePerPage(raw.per_page);
        const searchRequest = await searchRequestOf(service, request.query, parsePage(raw.page));
        const outcome = await service.search(searchRequest, { pageSize: perPage });
        return {
          total: outcome.total,
          approximate: outcome.approximate,
          page: searchRequest.page,
          per_page: perPage,
          page_count: outcome.pageCount,
          items: outcome.results.map((result) => ({
            slug: result.slug,
            url: practiceUrl(result.slug),
            api_url: absolute(`/api/v1/practices/${encodeURIComponent(result.slug)}`),
            title: result.title,
            summary: result.summary,
            snippet: headlineText(result.snippet),
            language: result.language,
            countries: result.countries,
            topics: result.terms.filter((term) => term.vocabulary === 'topic').map((term) => term.code),
            evidence_level: result.evidenceLevel,
            published_at: result.publishedAt.toISOString(),
            rating: { average: result.ratingAverage === null ? null : Math.round(result.ratingAverage * 10) / 10, count: result.ratingCount },
          })),
          facets: Object.fromEntries([...outcome.facets].map(([param, values]) => [param, values.map(({ value, count }) => ({ value, count }))])),
          links: searchLinks(searchRequest, outcome, perPage),
        };
      },
    );

    app.get(
      '/api/v1/practices/export.json',
      { schema: { tags: ['practices'], summary: 'Every published practice, as a JSON array (streamed)', produces: ['application/json'] } },
      async (_request, reply) =>
        streamDownload(reply, 'application/json; charset=utf-8', 'bridges-practices.json', jsonArray(publishedRecords(app.deps.db, practiceUrl))),
    );

    app.get(
      '/api/v1/practices/export.csv',
      {
        schema: {
          tags: ['practices'],
          summary: 'Every published practice, as CSV (streamed; the import format)',
          description: 'UTF-8 with a byte-order mark. Cells that a spreadsheet would read as a formula start with a single quote.',
          produces: ['text/csv'],
        },
      },
      async (_request, reply) =>
        streamDownload(reply, 'text/csv; charset=utf-8', 'bridges-practices.csv', csvExport(publishedRecords(app.deps.db, practiceUrl))),
    );

    app.get(
      '/api/v1/practices/:slug',
      {
        config: API_SHOWS,
        schema: {
          tags: ['practices'],
          summary: 'One published practice',
          params: slugParameter,
          response: { 200: recordSchema, 404: apiErrorSchema },
        },
      },
      async (request) => {
        const { slug } = request.params as { slug: string };
        const record = await publishedRecord(app.deps.db, slug, practiceUrl);
        if (!record) throw new NotFoundError(`No published practice ${slug}`);
        return record;
      },
    );

    await app.register(feedRoutes(service));
  };
}
