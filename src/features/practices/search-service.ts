import type { Db } from '../../db/client.ts';
import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import type { Locale } from '../../platform/i18n.ts';
import { createSearchEngine, hasFilters, missRecorder, type MissVisitor, type SearchOptions, type SearchOutcome as SharedOutcome } from '../../search/index.ts';
import { taxonomyService, type Term } from '../taxonomies/index.ts';
import { practiceFacets, type FacetParam, type SearchRequest } from './search-params.ts';
import * as queries from './search-queries.ts';

/**
 * Practice search on the shared engine (src/search): the practices' facets, their result cards
 * and the editors' record of searches that found nothing. See migrations 015 and 017 and
 * bench/search-plans.txt for why the queries look the way they do.
 */

/** How long the taxonomy (labels, codes) is reused before it is read again. */
const TERMS_TTL_MS = 60_000;

export type { FacetValue } from '../../search/index.ts';

export interface SearchResult {
  slug: string;
  title: string;
  /** Text with MARK_START / MARK_END around matched words (never markup). */
  markedTitle: string;
  snippet: string;
  summary: string;
  language: string;
  countries: string[];
  terms: Term[];
  evidenceLevel: string;
  publishedAt: Date;
  ratingCount: number;
  ratingAverage: number | null;
}

export type SearchOutcome = SharedOutcome<FacetParam, SearchResult>;

interface Taxonomy {
  byId: Map<number, Term>;
  codes: Map<Vocabulary, Set<string>>;
  byKey: Map<string, Term>;
  loadedAt: number;
}

export function searchService({ db }: { db: Db }) {
  const misses = missRecorder(db);
  const taxonomies = taxonomyService({ db });
  let taxonomy: Taxonomy | undefined;

  async function loadTaxonomy(): Promise<Taxonomy> {
    if (taxonomy && Date.now() - taxonomy.loadedAt < TERMS_TTL_MS) return taxonomy;
    const grouped = await taxonomies.all();
    const byId = new Map<number, Term>();
    const codes = new Map<Vocabulary, Set<string>>();
    const byKey = new Map<string, Term>();
    for (const [vocabulary, terms] of grouped) {
      codes.set(vocabulary, new Set(terms.map((term) => term.code)));
      for (const term of terms) {
        byId.set(term.id, term);
        byKey.set(`${vocabulary}:${term.code}`, term);
      }
    }
    taxonomy = { byId, codes, byKey, loadedAt: Date.now() };
    return taxonomy;
  }

  const engine = createSearchEngine({
    db,
    kind: queries.PRACTICE_SEARCH_KIND,
    facets: practiceFacets,
    // A retired term keeps its key on old practices: it is no longer offered as a filter.
    isOffered: (facet, value) => !('vocabulary' in facet) || (taxonomy?.codes.get(facet.vocabulary)?.has(value) ?? false),
    async loadPage(executor, page, plan) {
      const [rows, loaded] = await Promise.all([queries.practiceRowsQuery(page, plan).execute(executor), loadTaxonomy()]);
      return rows.rows.map(
        (row): SearchResult => ({
          slug: row.slug,
          title: row.title,
          markedTitle: row.marked_title,
          snippet: row.snippet,
          summary: row.summary,
          language: row.language,
          countries: row.countries,
          terms: row.term_ids.flatMap((id) => loaded.byId.get(id) ?? []),
          evidenceLevel: row.evidence_level,
          publishedAt: row.published_at,
          ratingCount: row.rating_count,
          ratingAverage: row.rating_count > 0 ? row.rating_sum / row.rating_count : null,
        }),
      );
    },
  });

  return {
    /** Live taxonomy codes by vocabulary, to validate filter values. */
    async termCodes(): Promise<Map<Vocabulary, Set<string>>> {
      return (await loadTaxonomy()).codes;
    },

    async termsByKey(): Promise<Map<string, Term>> {
      return (await loadTaxonomy()).byKey;
    },

    /**
     * Runs a search. `withFacets: false` (feeds) skips the counts but still gives the total.
     * A page past the end gives no results; the caller decides what to say.
     */
    async search(request: SearchRequest, options: SearchOptions = {}): Promise<SearchOutcome> {
      // Facet values are checked against the taxonomy: it is read (or found fresh) first.
      await loadTaxonomy();
      return engine.search(request, options);
    },

    /**
     * Remembers a search that found nothing, for the editors' gaps page. Only plain queries
     * count: a search emptied by its filters says nothing about missing practices.
     */
    async recordMiss(request: SearchRequest, outcome: SearchOutcome, locale: Locale, visitor: MissVisitor): Promise<void> {
      if (outcome.total > 0 || !request.q || hasFilters(request) || request.page !== 1) return;
      await misses.record(request.q, locale, visitor);
    },

    misses: (window: { limit: number; offset: number }) => misses.page(window),
  };
}

export type SearchService = ReturnType<typeof searchService>;
