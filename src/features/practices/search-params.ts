import { EVIDENCE_LEVELS } from '../../db/schema/practices.ts';
import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import { isCountryCode } from '../../lib/countries.ts';
import { REGIONS, SUBREGIONS } from '../../lib/regions.ts';
import { isStakeholderType } from '../../lib/stakeholders.ts';
import { facetCodec, type FacetDefinition, type RawQuery, type SearchRequest as SharedSearchRequest } from '../../search/index.ts';
import { CONTENT_LANGUAGES } from './model.ts';

/**
 * The facets of practice search and the values they can take. Reading and writing them in the
 * query string is the shared codec's work (search/facets.ts).
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
  { param: 'year', key: 'year', order: 'descending' },
] as const satisfies readonly (FacetDefinition & { vocabulary?: Vocabulary })[];

export type Facet = (typeof FACETS)[number];
export type FacetParam = Facet['param'];
export const practiceFacets = facetCodec(FACETS);
export const FACET_PARAMS: readonly FacetParam[] = practiceFacets.params;

export type SearchRequest = SharedSearchRequest<FacetParam>;

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

/** Reads a practice search from a parsed query string (see `FacetCodec.readSearchRequest`). */
export function readSearchRequest(query: RawQuery, termCodes: ReadonlyMap<Vocabulary, ReadonlySet<string>>, page: number): SearchRequest {
  return practiceFacets.readSearchRequest(query, (facet, value) => isPossibleValue(facet, value, termCodes), page);
}

/** The query string of a practice search, in the one order (see `FacetCodec.searchQueryString`). */
export const searchQueryString: (typeof practiceFacets)['searchQueryString'] = practiceFacets.searchQueryString;
