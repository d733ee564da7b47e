import type { FastifyInstance } from 'fastify';
import { ratingSummary, type RatingSummary } from '../../engagement/index.ts';
import { ATOM_CONTENT_TYPE, atomXml, csvLine, jsonArray, streamDownload } from '../../open-data/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { apiErrorSchema, parsePerPage, perPageExtra, perPageParameter, searchPageBody, searchPageSchema, slugParameter } from '../../platform/http/api.ts';
import { parsePage } from '../../platform/pagination.ts';
import { listAttachments } from '../../platform/uploads/index.ts';
import { headlineText, type RawQuery } from '../../search/index.ts';
import { taxonomyService, termLabel, type Term } from '../taxonomies/index.ts';
import { RESOURCE_KIND } from './kind.ts';
import { PAGE_GENERATIONS, sharedPage } from '../../platform/page-cache.ts';
import * as queries from './queries.ts';
import { resourceSearchSchema } from './routes.tsx';
import { resourceFacets, type ResourceResult, type ResourceSearch } from './search.ts';

/** `/api/v1/resources…`, the exports and `/feeds/resources.atom`: registered at the root, described in the OpenAPI document. */

const FEED_SIZE = 50;
/** Answers of the read API are the same for everyone, and change with resources and their tags. */
const API_SHOWS = sharedPage([RESOURCE_KIND, PAGE_GENERATIONS.taxonomy], { sameForEveryone: true });
const EXPORT_BATCH = 500;


const ratingSchema = { type: 'object', properties: { average: { type: 'number', nullable: true }, count: { type: 'integer' } } } as const;
const resourceSchema = {
  type: 'object',
  properties: {
    slug: { type: 'string' },
    url: { type: 'string', description: 'The resource page' },
    api_url: { type: 'string' },
    type: { type: 'string', enum: ['news', 'research', 'report', 'tool', 'guideline', 'handbook', 'training', 'media'] },
    title: { type: 'string' },
    summary: { type: 'string' },
    body: { type: 'string', description: 'Markdown' },
    link: { type: 'string', nullable: true, description: 'The external resource' },
    publisher: { type: 'string' },
    year: { type: 'integer', nullable: true },
    language: { type: 'string', description: 'ISO 639-1 code of the language it is written in' },
    countries: { type: 'array', items: { type: 'string' } },
    topics: { type: 'array', items: { type: 'string' } },
    target_groups: { type: 'array', items: { type: 'string' } },
    published_at: { type: 'string', format: 'date-time', nullable: true },
    rating: ratingSchema,
  },
} as const;
/** One resource with its attached files (the list endpoints leave them out to stay one query). */
const resourceDetailSchema = {
  ...resourceSchema,
  properties: {
    ...resourceSchema.properties,
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        properties: { filename: { type: 'string' }, media_type: { type: 'string' }, byte_size: { type: 'integer' }, url: { type: 'string', description: 'Download' } },
      },
    },
  },
} as const;

interface PublishedRow {
  slug: string;
  type: string;
  title: string;
  summary: string;
  body?: string;
  url?: string | null;
  publisher: string;
  year: number | null;
  language: string;
  countries: string[];
  term_ids: number[];
  published_at: Date | null;
}

/** Rows from search and exports carry their totals; the API's one-resource read asks engagement. */
function ratingOf(row: { rating_count: number; rating_sum: number }): RatingSummary {
  return ratingSummary({ count: row.rating_count, sum: row.rating_sum });
}

export function resourceApiRoutes({ search }: { search: ResourceSearch }) {
  return async function resourceApiRoutesPlugin(app: FastifyInstance) {
    const { db, config } = app.deps;
    const taxonomy = taxonomyService(app.deps);
    const absolute = (path: string) => new URL(path, config.baseUrl).href;
    const pageUrl = (slug: string, locale = 'en') => absolute(`/${locale}/resources/${encodeURIComponent(slug)}`);

    async function termsById(): Promise<Map<number, Term>> {
      return new Map([...(await taxonomy.all()).values()].flat().map((term) => [term.id, term]));
    }

    function recordOf(row: PublishedRow, rating: RatingSummary, terms: Map<number, Term>) {
      const codes = (vocabulary: string) => row.term_ids.flatMap((id) => (terms.get(id)?.vocabulary === vocabulary ? [terms.get(id)?.code ?? ''] : []));
      return {
        slug: row.slug,
        url: pageUrl(row.slug),
        api_url: absolute(`/api/v1/resources/${encodeURIComponent(row.slug)}`),
        type: row.type,
        title: row.title,
        summary: row.summary,
        ...(row.body !== undefined ? { body: row.body } : {}),
        ...(row.url !== undefined ? { link: row.url } : {}),
        publisher: row.publisher,
        year: row.year,
        language: row.language,
        countries: row.countries,
        topics: codes('topic'),
        target_groups: codes('target_group'),
        published_at: row.published_at?.toISOString() ?? null,
        rating: { average: rating.average, count: rating.count },
      };
    }

    /** Every published resource, a batch at a time: exports never hold the whole library. */
    async function* published() {
      const terms = await termsById();
      for (let after = 0; ; ) {
        const batch = await queries.publishedBatch(db, { id: after }, EXPORT_BATCH);
        for (const row of batch) yield recordOf(row, ratingOf(row), terms);
        const last = batch[batch.length - 1];
        if (!last || batch.length < EXPORT_BATCH) return;
        after = last.id;
      }
    }

    const searchParameters = {
      ...resourceSearchSchema,
      properties: {
        ...resourceSearchSchema.properties,
        per_page: perPageParameter,
      },
    } as const;

    app.get(
      '/api/v1/resources',
      {
        config: API_SHOWS,
        schema: {
          tags: ['resources'],
          summary: 'Search published resources',
          description: 'Full-text search in any language with facets (type, topic, target, country, language, year): the search of /{locale}/resources, as JSON.',
          querystring: searchParameters,
          response: {
            200: searchPageSchema(
              { ...resourceSchema, properties: { ...resourceSchema.properties, snippet: { type: 'string' } } },
              { next: { type: 'string', nullable: true } },
            ),
            400: apiErrorSchema,
          },
        },
      },
      async (request) => {
        const raw = (request.query ?? {}) as RawQuery & { page?: string; per_page?: string };
        const perPage = parsePerPage(raw.per_page);
        const searchRequest = await search.requestOf(raw, parsePage(raw.page));
        const [outcome, terms] = await Promise.all([search.engine.search(searchRequest, { pageSize: perPage, withFacets: false }), termsById()]);
        return {
          ...searchPageBody(outcome, searchRequest.page, perPage, (result: ResourceResult) => ({ ...recordOf(result, ratingOf(result), terms), snippet: headlineText(result.snippet) })),
          next: searchRequest.page < outcome.pageCount ? absolute(`/api/v1/resources${resourceFacets.searchQueryString(searchRequest, searchRequest.page + 1, perPageExtra(perPage))}`) : null,
        };
      },
    );

    app.get(
      '/api/v1/resources/export.json',
      { schema: { tags: ['resources'], summary: 'Every published resource, as a JSON array (streamed)', produces: ['application/json'] } },
      async (_request, reply) => streamDownload(reply, 'application/json; charset=utf-8', 'bridges-resources.json', jsonArray(published())),
    );

    const CSV_COLUMNS = ['slug', 'url', 'type', 'title', 'summary', 'link', 'publisher', 'year', 'language', 'countries', 'topics', 'target_groups', 'published_at', 'rating_average', 'rating_count'] as const;
    app.get(
      '/api/v1/resources/export.csv',
      {
        schema: {
          tags: ['resources'],
          summary: 'Every published resource, as CSV (streamed)',
          description: 'UTF-8 with a byte-order mark. Cells that a spreadsheet would read as a formula start with a single quote; lists are separated by "; ".',
          produces: ['text/csv'],
        },
      },
      async (_request, reply) => {
        async function* rows() {
          yield `\uFEFF${csvLine(CSV_COLUMNS)}`;
          for await (const record of published()) {
            yield csvLine([
              record.slug, record.url, record.type, record.title, record.summary, record.link ?? '', record.publisher, record.year,
              record.language, record.countries.join('; '), record.topics.join('; '), record.target_groups.join('; '),
              record.published_at, record.rating.average, record.rating.count,
            ]);
          }
        }
        return streamDownload(reply, 'text/csv; charset=utf-8', 'bridges-resources.csv', rows());
      },
    );

    app.get(
      '/api/v1/resources/:slug',
      {
        config: API_SHOWS,
        schema: {
          tags: ['resources'],
          summary: 'One published resource',
          params: slugParameter,
          response: { 200: resourceDetailSchema, 404: apiErrorSchema },
        },
      },
      async (request) => {
        const { slug } = request.params as { slug: string };
        const row = await queries.findBySlug(db, slug);
        if (!row || row.status !== 'published') throw new NotFoundError(`No published resource ${slug}`);
        const [ratings, terms, files] = await Promise.all([app.engagement.summaries(RESOURCE_KIND, [row.id]), termsById(), listAttachments(db, RESOURCE_KIND, row.id)]);
        return {
          ...recordOf(row, ratings.get(row.id) ?? ratingSummary({ count: 0, sum: 0 }), terms),
          attachments: files.map((file) => ({
            filename: file.filename,
            media_type: file.media_type,
            byte_size: file.byte_size,
            url: `${pageUrl(row.slug)}/attachments/${file.id}`,
          })),
        };
      },
    );

    app.get(
      '/feeds/resources.atom',
      { config: sharedPage([RESOURCE_KIND, PAGE_GENERATIONS.taxonomy], { sameForEveryone: true }), schema: { tags: ['resources'], summary: `Atom feed of the ${FEED_SIZE} newest published resources, with the search's filters`, querystring: resourceSearchSchema } },
      async (request, reply) => {
        const { t, locale } = request;
        const searchRequest = { ...(await search.requestOf((request.query ?? {}) as RawQuery, 1)), sort: 'newest' as const, sortGiven: false };
        const [outcome, terms] = await Promise.all([search.engine.search(searchRequest, { pageSize: FEED_SIZE, withFacets: false }), termsById()]);
        const query = resourceFacets.searchQueryString(searchRequest);
        const xml = atomXml({
          selfUrl: absolute(`/feeds/resources.atom${query}`),
          alternateUrl: absolute(`/${locale}/resources${query}`),
          title: t('resources.feed.title'),
          subtitle: t('resources.feed.subtitle'),
          authorName: t('common.siteName'),
          locale,
          entries: outcome.results.map((result) => ({
            url: pageUrl(result.slug, locale),
            title: result.title,
            language: result.language,
            published: result.published_at,
            summary: result.summary,
            categories: result.term_ids.flatMap((id) => {
              const term = terms.get(id);
              return term?.vocabulary === 'topic' ? [{ term: term.code, label: termLabel(term, locale) }] : [];
            }),
          })),
        });
        // The feed's language follows Accept-Language: a shared cache must keep one copy per language.
        return reply.type(ATOM_CONTENT_TYPE).header('vary', 'Accept-Language').send(xml);
      },
    );
  };
}
