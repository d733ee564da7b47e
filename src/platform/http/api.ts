import { API_PAGE_SIZE_MAX, PAGE_SIZE } from '../../search/index.ts';
import { AppError } from '../errors.ts';

/** What every `/api/v1/…` route shares: page sizes, the error body, one item's path parameter. */

class InvalidPerPageError extends AppError {
  constructor(raw: string) {
    super('bad_request', 400, `Invalid per_page "${raw}"`);
  }
}

/** `per_page` of a search: 1 to API_PAGE_SIZE_MAX, the search page's size when absent. */
export function parsePerPage(raw: string | undefined): number {
  if (raw === undefined || raw === '') return PAGE_SIZE;
  if (!/^[1-9][0-9]{0,2}$/.test(raw) || Number(raw) > API_PAGE_SIZE_MAX) throw new InvalidPerPageError(raw);
  return Number(raw);
}

export const perPageParameter = {
  type: 'string',
  maxLength: 3,
  description: `Results per page, 1 to ${API_PAGE_SIZE_MAX} (default ${PAGE_SIZE})`,
} as const;

/** The JSON error body of the error handler, for the OpenAPI document. */
export const apiErrorSchema = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
} as const;

export const slugParameter = {
  type: 'object',
  properties: { slug: { type: 'string', maxLength: 200 } },
  required: ['slug'],
} as const;

/** The body of a search answer: totals and a page of items, plus what the kind adds (facets, links). */
export function searchPageSchema(items: object, extra: Record<string, object> = {}) {
  return {
    type: 'object',
    properties: {
      total: { type: 'integer' },
      approximate: {
        type: 'boolean',
        description: 'The total and facet counts are estimates, rounded to two significant figures: the search matches a large share of the collection.',
      },
      page: { type: 'integer' },
      per_page: { type: 'integer' },
      page_count: { type: 'integer' },
      items: { type: 'array', items },
      ...extra,
    },
  } as const;
}

/** The totals and the page of items of a search answer, as every kind's API gives them. */
export function searchPageBody<R, I>(outcome: { total: number; approximate: boolean; pageCount: number; results: readonly R[] }, page: number, perPage: number, itemOf: (result: R) => I) {
  return {
    total: outcome.total,
    approximate: outcome.approximate,
    page,
    per_page: perPage,
    page_count: outcome.pageCount,
    items: outcome.results.map(itemOf),
  };
}

/** The query string's extra parameters that keep a page size asked for on the next page's address. */
export function perPageExtra(perPage: number): readonly (readonly [string, string])[] {
  return perPage === PAGE_SIZE ? [] : [['per_page', String(perPage)]];
}
