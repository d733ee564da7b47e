import { EVIDENCE_LEVELS } from '../../db/schema/practices.ts';
import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import { isCountryCode } from '../../lib/countries.ts';
import { REGIONS, SUBREGIONS } from '../../lib/regions.ts';
import { isStakeholderType } from '../../lib/stakeholders.ts';
import { CONTENT_LANGUAGES } from './model.ts';

/**
 * The search's address: every filter is a query-string parameter (repeated for several values),
 * so that a search is a link. This module reads and writes those parameters; it knows nothing of
 * HTTP or SQL.
 */

export const FACETS = [
  { param: 'country', key: 'country' },
  { param: 'region', key: 'region' },
  { param: 'dimension', key: 'dimension', vocabulary: 'dimension' },
  { param: 'pillar', key: 'pillar', vocabulary: 'pillar' },
  { param: 'topic', key: 'topic', vocabulary: 'topic' },
  { param: 'target', key: 'target_group', vocabulary: 'target_group' },
  { param: 'stakeholder', key: 'stakeholder' },
  { param: 'gcm', key: 'gcm_objective', vocabulary: 'gcm_objective' },
  { param: 'evidence', key: 'evidence' },
  { param: 'language', key: 'language' },
  { param: 'year', key: 'year' },
] as const satisfies readonly { param: string; key: string; vocabulary?: Vocabulary }[];

export type FacetParam = (typeof FACETS)[number]['param'];
export type Facet = (typeof FACETS)[number];
export const FACET_PARAMS: readonly FacetParam[] = FACETS.map((facet) => facet.param);

export const SORTS = ['relevance', 'newest', 'useful'] as const;
export type Sort = (typeof SORTS)[number];

/** Longer queries are cut here: nobody types more, and each word costs the database a lookup. */
export const QUERY_MAX = 200;
/** The query-string schema refuses (400) anything longer than this: no form sends it. */
export const QUERY_PARAM_MAX = 1_000;
export const VALUES_PER_FACET_MAX = 30;
export const PAGE_SIZE = 20;
export const API_PAGE_SIZE_MAX = 100;
/**
 * Only the first 500 results of a search can be paged through (refining it is the way on), and
 * relevance ranks exactly these: the 500 newest matches (see search-queries.ts).
 */
export const RESULT_WINDOW = 500;

export interface SearchRequest {
  q: string;
  filters: ReadonlyMap<FacetParam, readonly string[]>;
  sort: Sort;
  /** Whether `sort` was given, rather than chosen by default. */
  sortGiven: boolean;
  page: number;
}

const REGION_CODES: ReadonlySet<string> = new Set([...REGIONS, ...SUBREGIONS.map((subregion) => subregion.code)]);

/** Facet values that can exist, apart from taxonomy codes (checked against the live terms). */
export function isPossibleValue(facet: Facet, value: string, termCodes: ReadonlyMap<Vocabulary, ReadonlySet<string>>): boolean {
  switch (facet.param) {
    case 'country':
      return isCountryCode(value);
    case 'region':
      return REGION_CODES.has(value);
    case 'stakeholder':
      return isStakeholderType(value);
    case 'evidence':
      return (EVIDENCE_LEVELS as readonly string[]).includes(value);
    case 'language':
      return (CONTENT_LANGUAGES as readonly string[]).includes(value);
    case 'year': {
      if (!/^\d{4}$/.test(value)) return false;
      const year = Number(value);
      return year >= 1900 && year <= 2100;
    }
    default:
      return termCodes.get(facet.vocabulary)?.has(value) ?? false;
  }
}

/** Collapses white space and cuts the query to a length worth searching. */
export function normaliseQuery(raw: string | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, QUERY_MAX).trim();
}

export type RawQuery = Readonly<Record<string, unknown>>;

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

/**
 * Reads the search from a parsed query string. Values that cannot match anything (unknown codes,
 * a malformed year) are dropped rather than refused: an old link still shows a useful search.
 */
export function readSearchRequest(
  query: RawQuery,
  termCodes: ReadonlyMap<Vocabulary, ReadonlySet<string>>,
  page: number,
): SearchRequest {
  const q = normaliseQuery(asList(query.q)[0]);
  const filters = new Map<FacetParam, string[]>();
  for (const facet of FACETS) {
    const values = [...new Set(asList(query[facet.param]).map((value) => value.trim()))]
      .filter((value) => isPossibleValue(facet, value, termCodes))
      .slice(0, VALUES_PER_FACET_MAX);
    if (values.length > 0) filters.set(facet.param, values);
  }
  const requested = asList(query.sort)[0];
  const given = (SORTS as readonly string[]).includes(requested ?? '') ? (requested as Sort) : undefined;
  // Relevance needs words to be relevant to; without them the newest come first.
  const sort: Sort = given && !(given === 'relevance' && !q) ? given : q ? 'relevance' : 'newest';
  return { q, filters, sort, sortGiven: given !== undefined, page };
}

export function hasFilters(request: Pick<SearchRequest, 'filters'>): boolean {
  return request.filters.size > 0;
}

/**
 * The query string of a search, in a fixed order so that one search has one address. `page` 1
 * and the default sort are left out.
 */
export function searchQueryString(
  request: Pick<SearchRequest, 'q' | 'filters' | 'sort' | 'sortGiven'>,
  page = 1,
  extra: readonly (readonly [string, string])[] = [],
): string {
  const params = new URLSearchParams();
  if (request.q) params.set('q', request.q);
  for (const param of FACET_PARAMS) for (const value of request.filters.get(param) ?? []) params.append(param, value);
  if (request.sortGiven) params.set('sort', request.sort);
  for (const [name, value] of extra) params.append(name, value);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The same search without one value of one facet (or without the whole facet). */
export function withoutFilter<T extends Pick<SearchRequest, 'filters'>>(request: T, param: FacetParam, value?: string): T {
  const filters = new Map(request.filters);
  const kept = value === undefined ? [] : (filters.get(param) ?? []).filter((item) => item !== value);
  if (kept.length > 0) filters.set(param, kept);
  else filters.delete(param);
  return { ...request, filters };
}

export function withoutAnyFilter<T extends Pick<SearchRequest, 'filters'>>(request: T): T {
  return { ...request, filters: new Map() };
}

/**
 * A search's words as the database will combine them: every clause must match, a clause matches
 * when any of its words does ("housing OR shelter"), and `-word` excludes. Quotes only group
 * words: the long sections of a practice are indexed without positions, so phrases are not kept.
 */
export interface ParsedQuery {
  clauses: string[][];
  excluded: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

export function parseQuery(q: string): ParsedQuery {
  const clauses: string[][] = [];
  const excluded: string[] = [];
  let joinNext = false;
  for (const token of q.split(' ')) {
    if (token === 'OR' || token === '|') {
      joinNext = clauses.length > 0;
      continue;
    }
    const negated = token.startsWith('-') && token.length > 1;
    const words = token.normalize('NFC').match(WORD) ?? [];
    if (words.length === 0) continue;
    if (negated) {
      excluded.push(...words);
    } else if (joinNext && words.length === 1) {
      (clauses[clauses.length - 1] as string[]).push(words[0] as string);
    } else {
      for (const word of words) clauses.push([word]);
    }
    joinNext = false;
  }
  return { clauses: clauses.slice(0, 16), excluded: excluded.slice(0, 8) };
}
