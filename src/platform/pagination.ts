import type { PaginationLabels } from '../ui/pagination.tsx';
import { AppError, NotFoundError } from './errors.ts';
import type { Translate } from './i18n.ts';

/** What most lists show: enough to scan, small enough for a cheap phone. */
export const DEFAULT_PAGE_SIZE = 25;

/**
 * Beyond this a page number is not a link we ever printed; the cap also keeps the offset a
 * small integer that PostgreSQL accepts.
 */
const MAX_PAGE = 1_000_000;

/** `?page=` that is not a page number. Classified as `bad_request` by the error handler. */
export class InvalidPageError extends AppError {
  constructor(raw: string) {
    super('bad_request', 400, `Invalid page number "${raw}"`);
  }
}

/**
 * Reads `?page=`: absent or empty is the first page. Anything else that is not a positive whole
 * number is refused with 400 rather than quietly shown as page 1: such a URL was edited by hand
 * or is broken, and answering it with the first page would give one list many addresses.
 */
export function parsePage(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  if (!/^[1-9][0-9]{0,6}$/.test(raw)) throw new InvalidPageError(raw);
  const page = Number(raw);
  if (page > MAX_PAGE) throw new InvalidPageError(raw);
  return page;
}

/** Never zero: an empty list still has one (empty) page, so `?page=1` always exists. */
export function pageCountOf(total: number, pageSize: number = DEFAULT_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function offsetOf(page: number, pageSize: number = DEFAULT_PAGE_SIZE): number {
  return (page - 1) * pageSize;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export interface PageSource<T> {
  count(): Promise<number>;
  rows(window: { limit: number; offset: number }): Promise<T[]>;
}

/**
 * Loads one page of a list: the count and the rows are independent queries, so they run side by
 * side. A page past the end is a 404, like any other address that shows nothing.
 */
export async function loadPage<T>(page: number, source: PageSource<T>, pageSize: number = DEFAULT_PAGE_SIZE): Promise<Page<T>> {
  const [total, items] = await Promise.all([source.count(), source.rows({ limit: pageSize, offset: offsetOf(page, pageSize) })]);
  const pageCount = pageCountOf(total, pageSize);
  if (page > pageCount) throw new NotFoundError(`Page ${page} of ${pageCount}`);
  return { items, page, pageCount, total };
}

/**
 * A list URL with its filters and a page: empty filters are left out and page 1 has no `page`
 * parameter, so each page has exactly one address.
 */
export function pageHref(path: string, filters: Readonly<Record<string, string | undefined>>, page: number): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** The pagination component's labels in the page's language. */
export function paginationLabels(t: Translate): PaginationLabels {
  return {
    nav: t('common.pagination.label'),
    previous: t('common.pagination.previous'),
    next: t('common.pagination.next'),
    page: (page) => t('common.pagination.page', { page }),
  };
}
