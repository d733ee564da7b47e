import { sql } from 'kysely';
import { RESOURCE_TYPES } from '../../db/schema/resources.ts';
import type { Db } from '../../db/client.ts';
import { isCountryCode } from '../../lib/countries.ts';
import { CONTENT_LANGUAGES } from '../../lib/languages.ts';
import { createSearchEngine, facetCodec, headline, type RawQuery } from '../../search/index.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import { RESOURCE_KIND } from './kind.ts';

/** Resource search: the shared engine with the resources' facets and result rows. */

export const resourceFacets = facetCodec([
  { param: 'type', key: 'type' },
  { param: 'topic', key: 'topic', vocabulary: 'topic' },
  { param: 'target', key: 'target_group', vocabulary: 'target_group' },
  { param: 'country', key: 'country' },
  { param: 'language', key: 'language' },
  { param: 'year', key: 'year', order: 'descending' },
] as const);
export type ResourceFacet = (typeof resourceFacets.facets)[number];
export type ResourceFacetParam = ResourceFacet['param'];

export interface ResourceResult {
  id: number;
  slug: string;
  type: string;
  title: string;
  marked_title: string;
  snippet: string;
  summary: string;
  publisher: string;
  year: number | null;
  language: string;
  countries: string[];
  term_ids: number[];
  published_at: Date;
  rating_count: number;
  rating_sum: number;
}

/** How long the taxonomy's codes are reused before they are read again. */
const TERMS_TTL_MS = 60_000;

export function resourceSearch(db: Db) {
  const taxonomy = taxonomyService({ db });
  let codes: { byVocabulary: Map<string, Set<string>>; loadedAt: number } | undefined;

  async function termCodes(): Promise<Map<string, Set<string>>> {
    if (!codes || Date.now() - codes.loadedAt > TERMS_TTL_MS) {
      const all = await taxonomy.all();
      codes = { byVocabulary: new Map([...all].map(([vocabulary, terms]) => [vocabulary, new Set(terms.map((term) => term.code))])), loadedAt: Date.now() };
    }
    return codes.byVocabulary;
  }

  function isPossibleValue(facet: ResourceFacet, value: string, terms: Map<string, Set<string>>): boolean {
    switch (facet.param) {
      case 'type':
        return (RESOURCE_TYPES as readonly string[]).includes(value);
      case 'country':
        return isCountryCode(value);
      case 'language':
        return (CONTENT_LANGUAGES as readonly string[]).includes(value);
      case 'year':
        return /^\d{4}$/.test(value) && Number(value) >= 1900 && Number(value) <= 2100;
      default:
        return terms.get(facet.vocabulary ?? '')?.has(value) ?? false;
    }
  }

  const engine = createSearchEngine({
    db,
    kind: RESOURCE_KIND,
    facets: resourceFacets,
    // A retired term keeps its key on old resources: it is no longer offered as a filter.
    isOffered: (facet, value) => !('vocabulary' in facet) || (codes?.byVocabulary.get(facet.vocabulary ?? '')?.has(value) ?? true),
    async loadPage(executor, page, plan) {
      const title = plan.tsquery ? headline(sql`r.language`, sql`r.title`, plan.tsquery, 'whole') : sql<string>`r.title`;
      const snippet = plan.tsquery
        ? headline(sql`r.language`, sql`concat_ws(' ', r.summary, r.body)`, plan.tsquery, 'fragments')
        : sql<string>`''`;
      const { rows } = await sql<ResourceResult>`
        WITH page AS MATERIALIZED (${page})
        SELECT r.id, r.slug, r.type, r.title, r.summary, r.publisher, r.year, r.language, r.countries, r.term_ids, r.published_at,
          coalesce(t.count, 0)::integer AS rating_count, coalesce(t.sum, 0)::integer AS rating_sum,
          ${title} AS marked_title, ${snippet} AS snippet
        FROM page
        JOIN resources r ON r.id = page.subject_id
        LEFT JOIN rating_totals t ON t.kind = ${RESOURCE_KIND} AND t.subject_id = r.id
        ORDER BY page.position`.execute(executor);
      return rows;
    },
  });

  return {
    engine,
    /** The search a query string asks for; values that cannot match anything are dropped. */
    async requestOf(query: RawQuery, page: number) {
      const terms = await termCodes();
      return resourceFacets.readSearchRequest(query, (facet, value) => isPossibleValue(facet, value, terms), page);
    },
  };
}

export type ResourceSearch = ReturnType<typeof resourceSearch>;
