import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../platform/context.ts';
import type { Page } from '../../../platform/pagination.ts';
import { paginationLabels } from '../../../platform/pagination.ts';
import { Pagination } from '../../../ui/pagination.tsx';
import { Table } from '../../../ui/table.tsx';

export { DateText } from '../../../ui/date-text.tsx';

export function BackToOverview({ ctx }: { ctx: ViewContext }) {
  return (
    <p>
      <a href={ctx.href('/admin')}>{ctx.t('admin.backToOverview')}</a>
    </p>
  );
}

export interface PagedTableProps<T> {
  ctx: ViewContext;
  list: Page<T>;
  caption: string;
  head: readonly string[];
  row: (item: T) => readonly ComponentChildren[];
  /** Said instead of an empty table. */
  empty: string;
  hrefFor: (page: number) => string;
}

/** The admin lists share this shape: a table of one page, or a sentence when there is nothing. */
export function PagedTable<T>({ ctx, list, caption, head, row, empty, hrefFor }: PagedTableProps<T>) {
  if (list.items.length === 0) return <p>{empty}</p>;
  return (
    <>
      <Table caption={caption} head={head} rows={list.items.map(row)} />
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} labels={paginationLabels(ctx.t)} />
    </>
  );
}
