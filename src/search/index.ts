/**
 * Search, shared by every kind of content: a kind registers its rows in `search_documents`
 * (migration 017 says how), lists its facets, and gets a search engine with caches per kind.
 * This is the only door other modules use.
 */
export {
  API_PAGE_SIZE_MAX,
  PAGE_SIZE,
  QUERY_MAX,
  QUERY_PARAM_MAX,
  RESULT_WINDOW,
  SORTS,
  VALUES_PER_FACET_MAX,
  normaliseQuery,
  parseQuery,
  type ParsedQuery,
  type Sort,
} from './query.ts';
export {
  facetCodec,
  facetKey,
  hasFilters,
  withoutAnyFilter,
  withoutFilter,
  type FacetCodec,
  type FacetDefinition,
  type IsPossibleValue,
  type RawQuery,
  type SearchRequest,
} from './facets.ts';
export {
  CANDIDATES,
  contentGenerations,
  facetCounts,
  facetCountsQuery,
  isUnfiltered,
  matchCondition,
  prepareSearch,
  resultIdsQuery,
  type FacetCountRow,
  type MatchPlan,
  type PageEntry,
  type Prepared,
} from './queries.ts';
export { generationsMemory, type GenerationsMemory } from './generations.ts';
export { GREATER_THAN, LESS_THAN, MARK_END, MARK_START, SNIPPET_SOURCE_CHARS, headline, headlineText } from './highlight.ts';
export { Marked } from './views/marked.tsx';
export { FacetFilters, type FacetFiltersProps } from './views/facet-filters.tsx';
export { NoResults, SortChoice } from './views/result-controls.tsx';
export {
  FUZZY_BELOW,
  createSearchEngine,
  matchSummary,
  type MatchSummary,
  searchTuning,
  type FacetValue,
  type SearchEngine,
  type SearchEngineSpec,
  type SearchOptions,
  type SearchOutcome,
} from './engine.ts';
export {
  MISS_RETENTION_DAYS,
  MISS_VISITORS_MIN,
  MISSES_CLEANUP_CRON,
  MISSES_CLEANUP_JOB,
  missQueryOf,
  missRecorder,
  type MissRecorder,
  type MissVisitor,
} from './misses.ts';
export { bulkLoad, type BulkLoadReport, type BulkLoadTarget, type BulkWriter } from './bulk-load.ts';
