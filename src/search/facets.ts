import { SORTS, VALUES_PER_FACET_MAX, normaliseQuery, type Sort } from './query.ts';

/**
 * The search's address: every filter is a query-string parameter (repeated for several values),
 * so that a search is a link. A kind lists its facets once; this codec reads and writes their
 * parameters, in the listed order, so that one search has one address.
 */

export interface FacetDefinition<P extends string = string> {
  /** The query-string parameter, e.g. `target`. */
  readonly param: P;
  /** The prefix of the values in the search rows' `facets` array, e.g. `target_group`. */
  readonly key: string;
  /** Set when the values are the codes of a taxonomy vocabulary. */
  readonly vocabulary?: string;
  /** How the values are listed with their counts: most frequent first (default), or highest value first (years). */
  readonly order?: 'count' | 'descending';
}

export interface SearchRequest<P extends string = string> {
  q: string;
  filters: ReadonlyMap<P, readonly string[]>;
  sort: Sort;
  /** Whether `sort` was given, rather than chosen by default. */
  sortGiven: boolean;
  page: number;
}

export type RawQuery = Readonly<Record<string, unknown>>;

/** Whether a value of a facet can exist at all; values that cannot are dropped from requests and counts. */
export type IsPossibleValue<F extends FacetDefinition> = (facet: F, value: string) => boolean;

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

/** The key a facet value has in the search rows' `facets` array. */
export function facetKey(facet: FacetDefinition, value: string): string {
  return `${facet.key}:${value}`;
}

export interface FacetCodec<F extends FacetDefinition> {
  readonly facets: readonly F[];
  readonly params: readonly F['param'][];
  isParam(name: string): name is F['param'];
  /**
   * Reads the search from a parsed query string. Values that cannot match anything (unknown codes,
   * a malformed year) are dropped rather than refused: an old link still shows a useful search.
   */
  readSearchRequest(query: RawQuery, isPossibleValue: IsPossibleValue<F>, page: number): SearchRequest<F['param']>;
  /**
   * The query string of a search, in a fixed order so that one search has one address. `page` 1
   * and the default sort are left out; `extra` parameters come before the page.
   */
  searchQueryString(
    request: Pick<SearchRequest<F['param']>, 'q' | 'filters' | 'sort' | 'sortGiven'>,
    page?: number,
    extra?: readonly (readonly [string, string])[],
  ): string;
  /** The filters as the database takes them: one list of facet keys per facet (any of a list, every list). */
  facetGroups(request: Pick<SearchRequest<F['param']>, 'filters'>): string[][];
}

export function facetCodec<const F extends FacetDefinition>(facets: readonly F[]): FacetCodec<F> {
  const params: readonly F['param'][] = facets.map((facet) => facet.param);
  const paramSet: ReadonlySet<string> = new Set(params);
  return {
    facets,
    params,
    isParam: (name): name is F['param'] => paramSet.has(name),
    readSearchRequest(query, isPossibleValue, page) {
      const q = normaliseQuery(asList(query.q)[0]);
      const filters = new Map<F['param'], string[]>();
      for (const facet of facets) {
        const values = [...new Set(asList(query[facet.param]).map((value) => value.trim()))]
          .filter((value) => isPossibleValue(facet, value))
          .slice(0, VALUES_PER_FACET_MAX);
        if (values.length > 0) filters.set(facet.param, values);
      }
      const requested = asList(query.sort)[0];
      const given = (SORTS as readonly string[]).includes(requested ?? '') ? (requested as Sort) : undefined;
      // Relevance needs words to be relevant to; without them the newest come first.
      const sort: Sort = given && !(given === 'relevance' && !q) ? given : q ? 'relevance' : 'newest';
      return { q, filters, sort, sortGiven: given !== undefined, page };
    },
    searchQueryString(request, page = 1, extra = []) {
      const search = new URLSearchParams();
      if (request.q) search.set('q', request.q);
      for (const param of params) for (const value of request.filters.get(param) ?? []) search.append(param, value);
      if (request.sortGiven) search.set('sort', request.sort);
      for (const [name, value] of extra) search.append(name, value);
      if (page > 1) search.set('page', String(page));
      const text = search.toString();
      return text ? `?${text}` : '';
    },
    facetGroups(request) {
      return facets.flatMap((facet) => {
        const values = request.filters.get(facet.param);
        return values ? [values.map((value) => facetKey(facet, value))] : [];
      });
    },
  };
}

export function hasFilters(request: Pick<SearchRequest, 'filters'>): boolean {
  return request.filters.size > 0;
}

type FilterParam<T> = T extends { filters: ReadonlyMap<infer P, readonly string[]> } ? P : never;

/** The same search without one value of one facet (or without the whole facet). */
export function withoutFilter<T extends { filters: ReadonlyMap<string, readonly string[]> }>(request: T, param: FilterParam<T>, value?: string): T {
  const filters = new Map(request.filters);
  const kept = value === undefined ? [] : (filters.get(param) ?? []).filter((item) => item !== value);
  if (kept.length > 0) filters.set(param, kept);
  else filters.delete(param);
  return { ...request, filters };
}

export function withoutAnyFilter<T extends { filters: ReadonlyMap<string, readonly string[]> }>(request: T): T {
  return { ...request, filters: new Map() };
}
