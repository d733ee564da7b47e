import { LRUCache } from 'lru-cache';
import type { RawBuilder } from 'kysely';
import type { Db } from '../db/client.ts';
import { facetKey, type FacetCodec, type FacetDefinition, type SearchRequest } from './facets.ts';
import * as queries from './queries.ts';
import { PAGE_SIZE, RESULT_WINDOW, parseQuery } from './query.ts';

/**
 * The search engine of one kind of content: full text in every content language, typo-tolerant
 * titles, facets with counts, three orders, and caches that live exactly as long as the kind's
 * collection stays the same (its generations, see migration 017). The kind brings its facets and
 * the query that turns a page of ids into its own result rows.
 */

/** Below this many full-text matches, titles that look like the query (typos) are added. */
export const FUZZY_BELOW = 3;
/** Facet counts and pages of this many distinct searches are kept per process and kind. */
const CACHE_SIZE = 300;

/**
 * Switches for the benchmark, which measures the search with and without the caches. The app
 * never changes them.
 */
export const searchTuning = {
  cache: true,
  /**
   * When counting gives way to estimating (see `countMatches`). Counting the facets of a match
   * costs about 10 µs; reading a row to test it, about 1 µs.
   */
  sampling: {
    /** Rows of the kind in the first sample, which says roughly how many match. */
    pilotRows: 4_000,
    /** Up to this many matches (as the first sample says), facets are counted exactly. */
    exactUpTo: 5_000,
    /** Matches an estimate is made from: facet values of a few per cent stay within about 20 %. */
    sampleMatches: 1_500,
    /** At most this many rows of the kind are read for an estimate. */
    sampleRowsMax: 60_000,
  },
};

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export interface SearchOutcome<P extends string, R> {
  request: SearchRequest<P>;
  total: number;
  /** Facet values with counts among the matches, plus selected values even at zero. */
  facets: Map<P, FacetValue[]>;
  results: R[];
  pageSize: number;
  /** Pages that can be browsed: the result window caps it. */
  pageCount: number;
  /** Titles that only look like the query were included (few exact matches). */
  fuzzy: boolean;
  /** The total and the facet counts are estimates, rounded (a search matching a large share of the collection). */
  approximate: boolean;
}

export interface SearchOptions {
  pageSize?: number;
  /** `false` (feeds) skips the facet values but still gives the total. */
  withFacets?: boolean;
}

export interface SearchEngineSpec<F extends FacetDefinition, R> {
  db: Db;
  /** The kind's name in `search_documents` (registered with `search_register_kind`). */
  kind: string;
  facets: FacetCodec<F>;
  /**
   * Whether a facet value found in the rows is offered as a filter (a retired taxonomy term keeps
   * its key on old items, but is no longer one). Called while facet values are listed; without it
   * every value found is offered.
   */
  isOffered?(facet: F, value: string): boolean;
  /**
   * The kind's result rows of one page: `page` selects `(subject_id, position)` (see
   * `resultIdsQuery`); embed it as `WITH page AS MATERIALIZED (${page})`, join the kind's table on
   * `page.subject_id`, order by `page.position`. Highlight with `headline()` when `plan.tsquery` is set.
   */
  loadPage(db: Db, page: RawBuilder<queries.PageEntry>, plan: queries.MatchPlan): Promise<R[]>;
}

export interface MatchSummary {
  total: number;
  counts: Map<string, number>;
  approximate: boolean;
}

/** An estimate shown as one: two significant figures (43,120 → 43,000). */
function roundEstimate(value: number): number {
  if (value < 100) return Math.round(value);
  const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}

function summaryOf(counts: Map<string, number>, scale = 1): MatchSummary {
  if (scale === 1) return { total: counts.get('*') ?? 0, counts, approximate: false };
  const scaled = new Map([...counts].map(([facet, count]) => [facet, roundEstimate(count * scale)]));
  return { total: scaled.get('*') ?? 0, counts: scaled, approximate: true };
}

type Computed<P extends string, R> = Omit<SearchOutcome<P, R>, 'request'>;

/**
 * How many items of a kind match and how they spread over the facet values: counted exactly up to
 * `exactUpTo` matches (from the counts the triggers keep when nothing filters), estimated from a
 * sample beyond, so that a first visit costs about the same at any size. Searches and the world map
 * share it.
 */
export async function matchSummary(db: Db, kind: string, plan: queries.MatchPlan): Promise<MatchSummary> {
  const { pilotRows, exactUpTo, sampleMatches, sampleRowsMax } = searchTuning.sampling;
  const exactly = async () => summaryOf(await queries.facetCounts(db, kind, plan));
  if (queries.isUnfiltered(plan)) return exactly();
  const size = await queries.kindSize(db, kind);
  if (size <= pilotRows) return exactly();
  const pilotPercent = (100 * pilotRows) / size;
  const pilot = await queries.sampledFacetCounts(db, kind, plan, pilotPercent);
  const pilotMatches = pilot.get('*') ?? 0;
  const estimate = (pilotMatches * 100) / pilotPercent;
  if (estimate <= exactUpTo) return exactly();
  if (pilotMatches >= sampleMatches) return summaryOf(pilot, 100 / pilotPercent);
  const percent = Math.min(100, (100 * sampleMatches) / estimate, (100 * sampleRowsMax) / size);
  if (percent <= pilotPercent) return summaryOf(pilot, 100 / pilotPercent);
  return summaryOf(await queries.sampledFacetCounts(db, kind, plan, percent), 100 / percent);
}

export interface SearchEngine<F extends FacetDefinition, R> {
  readonly kind: string;
  readonly facets: FacetCodec<F>;
  /** Runs a search. A page past the end gives no results; the caller decides what to say. */
  search(request: SearchRequest<F['param']>, options?: SearchOptions): Promise<SearchOutcome<F['param'], R>>;
}

export function createSearchEngine<F extends FacetDefinition, R>(spec: SearchEngineSpec<F, R>): SearchEngine<F, R> {
  const { db, facets: codec, loadPage } = spec;
  const isOffered = spec.isOffered ?? (() => true);
  const kind = queries.checkKind(spec.kind);
  /**
   * Facet counts and totals by search, tagged with the kind's content generation: it moves on
   * whenever what a search can match changes (a publication, an edit, a withdrawal), so an entry
   * is only ever reused for exactly the collection it was counted on, in any process. The promise
   * is kept, so visitors asking the same new search at once cause one count.
   */
  const summaryCache = new LRUCache<string, Promise<MatchSummary>>({ max: CACHE_SIZE });
  /** Whole pages of results, tagged with the generation that ratings move on too (they order and show on cards). */
  const pageCache = new LRUCache<string, Promise<Computed<F['param'], R>>>({ max: CACHE_SIZE });

  /** Shares one pending computation per key; a failure is forgotten, so the next visit tries again. */
  function cached<V extends object>(cache: LRUCache<string, Promise<V>>, key: string, compute: () => Promise<V>): Promise<V> {
    const found = searchTuning.cache ? cache.get(key) : undefined;
    if (found) return found;
    const pending = compute();
    if (searchTuning.cache) {
      cache.set(key, pending);
      pending.catch(() => {
        if (cache.get(key) === pending) cache.delete(key);
      });
    }
    return pending;
  }

  function planOf(request: SearchRequest<F['param']>, tsquery: string, fuzzy: boolean): queries.MatchPlan {
    return { tsquery, fuzzyText: fuzzy ? request.q : null, facetGroups: codec.facetGroups(request) };
  }

  /**
   * The total and facet counts of a search. Counting costs time in proportion to the matches, so
   * a common word ("housing" matches four practices in ten) would cost seconds at a million: a
   * first sample of the kind's rows says roughly how many match; up to `exactUpTo` they are
   * counted, beyond that estimated from a sample large enough for about `sampleMatches` matches
   * and scaled up. The time then stays near constant however large the collection, and the page
   * says the numbers are estimates.
   */
  const countMatches = (plan: queries.MatchPlan): Promise<MatchSummary> => matchSummary(db, kind, plan);

  /** Counts depend on what matches, not on ratings: they are kept per content generation. */
  function summaryFor(plan: queries.MatchPlan, contentGeneration: string): Promise<MatchSummary> {
    const key = JSON.stringify([contentGeneration, plan.tsquery, plan.fuzzyText, plan.facetGroups]);
    return cached(summaryCache, key, () => countMatches(plan));
  }

  function facetValues(request: SearchRequest<F['param']>, counts: Map<string, number>): Map<F['param'], FacetValue[]> {
    const values = new Map<F['param'], FacetValue[]>();
    for (const facet of codec.facets) {
      const prefix = `${facet.key}:`;
      const selected = new Set(request.filters.get(facet.param) ?? []);
      const listed: FacetValue[] = [];
      for (const [key, count] of counts) {
        if (!key.startsWith(prefix)) continue;
        const value = key.slice(prefix.length);
        if (!isOffered(facet, value)) continue;
        listed.push({ value, count, selected: selected.has(value) });
      }
      for (const value of selected) if (!counts.has(facetKey(facet, value))) listed.push({ value, count: 0, selected: true });
      listed.sort((a, b) =>
        facet.order === 'descending' ? b.value.localeCompare(a.value, 'en', { numeric: true }) : b.count - a.count || a.value.localeCompare(b.value),
      );
      values.set(facet.param, listed);
    }
    return values;
  }

  async function compute(
    request: SearchRequest<F['param']>,
    context: { tsquery: string; contentGeneration: string; pageSize: number; withFacets: boolean },
  ): Promise<Computed<F['param'], R>> {
    const { tsquery, contentGeneration, pageSize, withFacets } = context;
    // Words that are all stop words give no tsquery: they then filter nothing.
    const hasWords = tsquery !== '';
    const offset = (request.page - 1) * pageSize;
    // Every order stops at the same place: relevance has no more candidates than that.
    const pageWindow = { limit: Math.min(pageSize, RESULT_WINDOW - offset), offset };
    const inWindow = offset < RESULT_WINDOW;
    const rowsOf = (plan: queries.MatchPlan) =>
      inWindow ? loadPage(db, queries.resultIdsQuery(kind, plan, request.sort, pageWindow), plan) : Promise.resolve([]);

    let plan = planOf(request, tsquery, false);
    const [firstSummary, firstRows] = await Promise.all([summaryFor(plan, contentGeneration), rowsOf(plan)]);
    let summary = firstSummary;
    let rows = firstRows;
    if (hasWords && summary.total < FUZZY_BELOW) {
      plan = planOf(request, tsquery, true);
      summary = await summaryFor(plan, contentGeneration);
      rows = await rowsOf(plan);
    }

    const browsable = Math.min(summary.total, RESULT_WINDOW);
    return {
      total: summary.total,
      facets: withFacets ? facetValues(request, summary.counts) : new Map(),
      results: rows,
      pageSize,
      pageCount: Math.max(1, Math.ceil(browsable / pageSize)),
      // Said only when titles that merely look like the words were actually added.
      fuzzy: plan.fuzzyText !== null && summary.total > firstSummary.total,
      approximate: summary.approximate,
    };
  }

  return {
    kind,
    facets: codec,
    async search(request, options = {}) {
      const pageSize = options.pageSize ?? PAGE_SIZE;
      const withFacets = options.withFacets !== false;
      const { tsquery, generation, contentGeneration } = await queries.prepareSearch(db, kind, parseQuery(request.q));
      const key = JSON.stringify([generation, tsquery, request.q, codec.facetGroups(request), request.sort, request.page, pageSize, withFacets]);
      const outcome = await cached(pageCache, key, () => compute(request, { tsquery, contentGeneration, pageSize, withFacets }));
      return { ...outcome, request };
    },
  };
}
