import type { Db } from '../../db/client.ts';
import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import type { Locale } from '../../platform/i18n.ts';
import { taxonomyService, type Term } from '../taxonomies/service.ts';
import {
  FACETS,
  PAGE_SIZE,
  RESULT_WINDOW,
  hasFilters,
  parseQuery,
  type Facet,
  type FacetParam,
  type SearchRequest,
} from './search-params.ts';
import * as queries from './search-queries.ts';

/**
 * Practice search: full text in every content language, typo-tolerant titles, facets with counts,
 * three orders, highlighted snippets. See migration 015 and bench/search-plans.txt for why the
 * queries look the way they do.
 */

/** Below this many full-text matches, titles that look like the query (typos) are added. */
export const FUZZY_BELOW = 3;
/** How long the taxonomy (labels, codes) is reused before it is read again. */
const TERMS_TTL_MS = 60_000;
/** Facet counts and pages of this many distinct searches are kept per process (see `summaryCache`). */
const CACHE_SIZE = 300;

/**
 * Switches for the benchmark, which measures the search with and without the caches. The app
 * never changes them.
 */
export const searchTuning = { cache: true };

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

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

export interface SearchOutcome {
  request: SearchRequest;
  total: number;
  /** Facet values with counts among the matches, plus selected values even at zero. */
  facets: Map<FacetParam, FacetValue[]>;
  results: SearchResult[];
  pageSize: number;
  /** Pages that can be browsed: the result window caps it. */
  pageCount: number;
  /** Titles that only look like the query were included (few exact matches). */
  fuzzy: boolean;
}

interface Summary {
  total: number;
  counts: Map<string, number>;
}

interface Taxonomy {
  byId: Map<number, Term>;
  codes: Map<Vocabulary, Set<string>>;
  byKey: Map<string, Term>;
  loadedAt: number;
}

/** A small least-recently-used map. */
class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
  }
}

function facetKey(facet: Facet, value: string): string {
  return `${facet.key}:${value}`;
}

export function searchService({ db }: { db: Db }) {
  const taxonomies = taxonomyService({ db });
  let taxonomy: Taxonomy | undefined;
  /**
   * Facet counts and totals by search, tagged with the database's content generation: it moves
   * on whenever what a search can match changes (a publication, an edit, a withdrawal), so an
   * entry is only ever reused for exactly the collection it was counted on, in any process.
   */
  const summaryCache = new Lru<Promise<Summary>>(CACHE_SIZE);
  /** Whole pages of results, tagged with the generation that ratings move on too (they order and show on cards). */
  const pageCache = new Lru<Promise<Omit<SearchOutcome, 'request'>>>(CACHE_SIZE);

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

  function planOf(request: SearchRequest, tsquery: string, fuzzy: boolean): queries.MatchPlan {
    const facetGroups = FACETS.flatMap((facet) => {
      const values = request.filters.get(facet.param);
      return values ? [values.map((value) => facetKey(facet, value))] : [];
    });
    return { tsquery, fuzzyText: fuzzy ? request.q : null, facetGroups };
  }

  /** Counts depend on what matches, not on ratings: they are kept per content generation. */
  async function summaryOf(plan: queries.MatchPlan, generation: string): Promise<Summary> {
    const key = JSON.stringify([generation, plan.tsquery, plan.fuzzyText, plan.facetGroups]);
    const cached = searchTuning.cache ? summaryCache.get(key) : undefined;
    if (cached) return cached;
    // The promise is shared: visitors asking the same new search at once cause one count.
    const pending = queries.facetCounts(db, plan).then((counts) => ({ total: counts.get('*') ?? 0, counts }));
    summaryCache.set(key, pending);
    pending.catch(() => summaryCache.delete(key));
    return pending;
  }

  function facetValues(request: SearchRequest, counts: Map<string, number>): Map<FacetParam, FacetValue[]> {
    const facets = new Map<FacetParam, FacetValue[]>();
    for (const facet of FACETS) {
      const prefix = `${facet.key}:`;
      const selected = new Set(request.filters.get(facet.param) ?? []);
      const values: FacetValue[] = [];
      for (const [key, count] of counts) {
        if (!key.startsWith(prefix)) continue;
        const value = key.slice(prefix.length);
        // A retired term keeps its key on old practices: it is no longer offered as a filter.
        if ('vocabulary' in facet && !taxonomy?.codes.get(facet.vocabulary)?.has(value)) continue;
        values.push({ value, count, selected: selected.has(value) });
      }
      for (const value of selected) if (!counts.has(facetKey(facet, value))) values.push({ value, count: 0, selected: true });
      values.sort((a, b) =>
        facet.param === 'year' ? Number(b.value) - Number(a.value) : b.count - a.count || a.value.localeCompare(b.value),
      );
      facets.set(facet.param, values);
    }
    return facets;
  }

  async function compute(
    request: SearchRequest,
    context: { tsquery: string; contentGeneration: string; pageSize: number; withFacets: boolean; loaded: Taxonomy },
  ): Promise<Omit<SearchOutcome, 'request'>> {
    const { tsquery, contentGeneration, pageSize, withFacets, loaded } = context;
    // Words that are all stop words give no tsquery: they then filter nothing.
    const hasWords = tsquery !== '';
    const offset = (request.page - 1) * pageSize;
    // Every order stops at the same place: relevance has no more candidates than that.
    const pageWindow = { limit: Math.min(pageSize, RESULT_WINDOW - offset), offset };
    const inWindow = offset < RESULT_WINDOW;

    let plan = planOf(request, tsquery, false);
    const [firstSummary, firstRows] = await Promise.all([
      summaryOf(plan, contentGeneration),
      inWindow ? queries.resultPage(db, plan, request.sort, pageWindow) : Promise.resolve([]),
    ]);
    let summary = firstSummary;
    let rows = firstRows;
    if (hasWords && summary.total < FUZZY_BELOW) {
      plan = planOf(request, tsquery, true);
      summary = await summaryOf(plan, contentGeneration);
      rows = inWindow ? await queries.resultPage(db, plan, request.sort, pageWindow) : [];
    }

    const browsable = Math.min(summary.total, RESULT_WINDOW);
    return {
      total: summary.total,
      facets: withFacets ? facetValues(request, summary.counts) : new Map(),
      results: rows.map((row) => ({
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
      })),
      pageSize,
      pageCount: Math.max(1, Math.ceil(browsable / pageSize)),
      // Said only when titles that merely look like the words were actually added.
      fuzzy: plan.fuzzyText !== null && summary.total > firstSummary.total,
    };
  }

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
    async search(request: SearchRequest, options: { pageSize?: number; withFacets?: boolean } = {}): Promise<SearchOutcome> {
      const pageSize = options.pageSize ?? PAGE_SIZE;
      const withFacets = options.withFacets !== false;
      const loaded = await loadTaxonomy();
      const parsed = parseQuery(request.q);
      const { tsquery, generation, contentGeneration } = await queries.prepareSearch(db, parsed);
      const key = JSON.stringify([generation, tsquery, request.q, planOf(request, '', false).facetGroups, request.sort, request.page, pageSize, withFacets]);
      const cached = searchTuning.cache ? pageCache.get(key) : undefined;
      if (cached) return { ...(await cached), request };
      const pending = compute(request, { tsquery, contentGeneration, pageSize, withFacets, loaded });
      if (searchTuning.cache) {
        pageCache.set(key, pending);
        pending.catch(() => pageCache.delete(key));
      }
      return { ...(await pending), request };
    },
    /**
     * Remembers a search that found nothing, for the editors' gaps page. Only plain queries
     * count: a search emptied by its filters says nothing about missing practices.
     */
    async recordMiss(request: SearchRequest, outcome: SearchOutcome, locale: Locale): Promise<void> {
      if (outcome.total > 0 || !request.q || hasFilters(request) || request.page !== 1) return;
      await queries.recordMiss(db, request.q.toLocaleLowerCase(locale), locale);
    },

    async misses(window: { limit: number; offset: number }) {
      const [total, rows] = await Promise.all([queries.countMisses(db), queries.frequentMisses(db, window)]);
      return { total, rows };
    },
  };
}

export type SearchService = ReturnType<typeof searchService>;
