import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { isCountryCode } from '../../lib/countries.ts';
import { CONTENT_LANGUAGES } from '../../lib/languages.ts';
import { createSearchEngine, facetCodec, headline, type RawQuery } from '../../search/index.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import { MYTH_KIND } from './kind.ts';
import { isAudience } from './model.ts';

/** Myth search: the shared engine with the myths' facets; topic labels in every locale make it cross languages. */

export const mythFacets = facetCodec([
  { param: 'topic', key: 'topic', vocabulary: 'topic' },
  { param: 'audience', key: 'audience' },
  { param: 'country', key: 'country' },
  { param: 'language', key: 'language' },
] as const);
export type MythFacet = (typeof mythFacets.facets)[number];
export type MythFacetParam = MythFacet['param'];

export interface MythResult {
  id: number;
  slug: string;
  title: string;
  marked_title: string;
  fact: string;
  language: string;
  countries: string[];
  audiences: string[];
  term_ids: number[];
  published_at: Date;
  rating_count: number;
  rating_sum: number;
}

const TERMS_TTL_MS = 60_000;

export function mythSearch(db: Db) {
  const taxonomy = taxonomyService({ db });
  let topics: { codes: Set<string>; loadedAt: number } | undefined;

  async function topicCodes(): Promise<Set<string>> {
    if (!topics || Date.now() - topics.loadedAt > TERMS_TTL_MS) {
      topics = { codes: new Set((await taxonomy.list('topic')).map((term) => term.code)), loadedAt: Date.now() };
    }
    return topics.codes;
  }

  function isPossibleValue(facet: MythFacet, value: string, codes: Set<string>): boolean {
    switch (facet.param) {
      case 'audience':
        return isAudience(value);
      case 'country':
        return isCountryCode(value);
      case 'language':
        return (CONTENT_LANGUAGES as readonly string[]).includes(value);
      case 'topic':
        return codes.has(value);
    }
  }

  const engine = createSearchEngine({
    db,
    kind: MYTH_KIND,
    facets: mythFacets,
    isOffered: (facet, value) => facet.param !== 'topic' || (topics?.codes.has(value) ?? true),
    async loadPage(executor, page, plan) {
      const title = plan.tsquery ? headline(sql`m.language`, sql`m.title`, plan.tsquery, 'whole') : sql<string>`m.title`;
      const { rows } = await sql<MythResult>`
        WITH page AS MATERIALIZED (${page})
        SELECT m.id, m.slug, m.title, m.fact, m.language, m.countries::text[] AS countries, m.audiences, m.term_ids, m.published_at,
          coalesce(t.count, 0)::integer AS rating_count, coalesce(t.sum, 0)::integer AS rating_sum, ${title} AS marked_title
        FROM page
        JOIN myths m ON m.id = page.subject_id
        LEFT JOIN rating_totals t ON t.kind = ${MYTH_KIND} AND t.subject_id = m.id
        ORDER BY page.position`.execute(executor);
      return rows;
    },
  });

  return {
    engine,
    async requestOf(query: RawQuery, page: number) {
      const codes = await topicCodes();
      return mythFacets.readSearchRequest(query, (facet, value) => isPossibleValue(facet, value, codes), page);
    },
  };
}

export type MythSearch = ReturnType<typeof mythSearch>;
