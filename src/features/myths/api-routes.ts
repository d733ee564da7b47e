import type { FastifyInstance } from 'fastify';
import { ATOM_CONTENT_TYPE, atomXml } from '../../open-data/index.ts';
import { apiErrorSchema, parsePerPage, perPageExtra, perPageParameter, searchPageBody, searchPageSchema, slugParameter } from '../../platform/http/api.ts';
import { PAGE_GENERATIONS, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import type { RawQuery } from '../../search/index.ts';
import { taxonomyService, termLabel, type Term } from '../taxonomies/index.ts';
import { MYTH_KIND, mythPath } from './kind.ts';
import { mythSearchSchema } from './routes.tsx';
import { mythFacets, type MythSearch } from './search.ts';
import type { MythsService } from './service.ts';

/** `/api/v1/myths…` and `/feeds/myths.atom`: registered at the root, described in the OpenAPI document; published myths only. */

const FEED_SIZE = 50;
const API_SHOWS = sharedPage([MYTH_KIND, PAGE_GENERATIONS.taxonomy], { sameForEveryone: true });

const mythSchema = {
  type: 'object',
  properties: {
    slug: { type: 'string' },
    url: { type: 'string', description: 'The myth page' },
    api_url: { type: 'string' },
    claim: { type: 'string', description: 'The myth as people say it' },
    fact: { type: 'string', description: 'The short fact that answers it' },
    language: { type: 'string', description: 'ISO 639-1 code of the language it is written in' },
    countries: { type: 'array', items: { type: 'string' }, description: 'Where it circulates' },
    audiences: { type: 'array', items: { type: 'string' } },
    topics: { type: 'array', items: { type: 'string' } },
    published_at: { type: 'string', format: 'date-time', nullable: true },
  },
} as const;
const sourceSchema = {
  type: 'object',
  properties: { title: { type: 'string' }, publisher: { type: 'string' }, year: { type: 'integer', nullable: true }, url: { type: 'string' } },
} as const;
const mythDetailSchema = {
  ...mythSchema,
  properties: {
    ...mythSchema.properties,
    explanation: { type: 'string', description: 'Markdown' },
    sources: { type: 'array', items: sourceSchema },
    translations: { type: 'array', items: { type: 'object', properties: { language: { type: 'string' }, api_url: { type: 'string' } } } },
  },
} as const;

export function mythApiRoutes({ service, search }: { service: MythsService; search: MythSearch }) {
  return async function mythApiRoutesPlugin(app: FastifyInstance) {
    const taxonomy = taxonomyService(app.deps);
    const absolute = (path: string) => new URL(path, app.deps.config.baseUrl).href;
    const topicsById = async () => new Map((await taxonomy.list('topic')).map((term) => [term.id, term]));

    function recordOf(row: { slug: string; title: string; fact: string; language: string; countries: string[]; audiences: string[]; term_ids: number[]; published_at: Date | null }, topics: ReadonlyMap<number, Term>) {
      return {
        slug: row.slug,
        url: absolute(`/en${mythPath(row.slug)}`),
        api_url: absolute(`/api/v1/myths/${encodeURIComponent(row.slug)}`),
        claim: row.title,
        fact: row.fact,
        language: row.language,
        countries: row.countries,
        audiences: row.audiences,
        topics: row.term_ids.flatMap((id) => topics.get(id)?.code ?? []),
        published_at: row.published_at?.toISOString() ?? null,
      };
    }

    app.get(
      '/api/v1/myths',
      {
        config: API_SHOWS,
        schema: {
          tags: ['campaigns'],
          summary: 'Search published myths and the facts that answer them',
          description: 'Full-text search in any language with facets (topic, audience, country, language): the search of /{locale}/myths, as JSON.',
          querystring: { ...mythSearchSchema, properties: { ...mythSearchSchema.properties, per_page: perPageParameter } },
          response: { 200: searchPageSchema(mythSchema, { next: { type: 'string', nullable: true } }), 400: apiErrorSchema },
        },
      },
      async (request) => {
        const raw = (request.query ?? {}) as RawQuery & { page?: string; per_page?: string };
        const perPage = parsePerPage(raw.per_page);
        const searchRequest = await search.requestOf(raw, parsePage(raw.page));
        const [outcome, topics] = await Promise.all([search.engine.search(searchRequest, { pageSize: perPage, withFacets: false }), topicsById()]);
        return {
          ...searchPageBody(outcome, searchRequest.page, perPage, (result) => recordOf(result, topics)),
          next: searchRequest.page < outcome.pageCount ? absolute(`/api/v1/myths${mythFacets.searchQueryString(searchRequest, searchRequest.page + 1, perPageExtra(perPage))}`) : null,
        };
      },
    );

    app.get(
      '/api/v1/myths/:slug',
      { config: API_SHOWS, schema: { tags: ['campaigns'], summary: 'One published myth with its evidence and translations', params: slugParameter, response: { 200: mythDetailSchema, 404: apiErrorSchema } } },
      async (request) => {
        const detail = await service.find(null, (request.params as { slug: string }).slug);
        const topics = await topicsById();
        return {
          ...recordOf(detail.row, topics),
          explanation: detail.row.explanation,
          sources: detail.sources.map((source) => ({ title: source.title, publisher: source.publisher, year: source.year, url: source.url })),
          translations: detail.translations.map((translation) => ({ language: translation.language, api_url: absolute(`/api/v1/myths/${encodeURIComponent(translation.slug)}`) })),
        };
      },
    );

    app.get(
      '/feeds/myths.atom',
      { config: API_SHOWS, schema: { tags: ['campaigns'], summary: `Atom feed of the ${FEED_SIZE} most recently published myths` } },
      async (request, reply) => {
        const { t, locale } = request;
        const [rows, topics] = await Promise.all([service.newest(FEED_SIZE), topicsById()]);
        const xml = atomXml({
          selfUrl: absolute('/feeds/myths.atom'),
          alternateUrl: absolute(`/${locale}/myths`),
          title: t('myths.feed.title'),
          subtitle: t('myths.feed.subtitle'),
          authorName: t('common.siteName'),
          locale,
          entries: rows.map((row) => ({
            url: absolute(`/${locale}${mythPath(row.slug)}`),
            title: row.title,
            language: row.language,
            published: row.published_at ?? row.updated_at,
            summary: row.fact,
            categories: row.term_ids.flatMap((id) => {
              const term = topics.get(id);
              return term ? [{ term: term.code, label: termLabel(term, locale) }] : [];
            }),
          })),
        });
        return reply.type(ATOM_CONTENT_TYPE).header('vary', 'Accept-Language').send(xml);
      },
    );
  };
}
