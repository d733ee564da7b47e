export interface PaginationLabels {
  /** Accessible name of the navigation landmark: "Pages". */
  nav: string;
  previous: string;
  next: string;
  /** Accessible name of one page link: (2) => "Page 2". */
  page: (page: number) => string;
}

export interface PaginationProps {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  labels: PaginationLabels;
}

type PageSlot = number | 'ellipsis';

/**
 * First, last and current ±1; a gap of one page shows that page since an ellipsis would
 * take as much room and hide it.
 */
export function pageSlots(page: number, pageCount: number): PageSlot[] {
  const wanted = new Set([1, page - 1, page, page + 1, pageCount]);
  const pages = [...wanted].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const slots: PageSlot[] = [];
  let previous = 0;
  for (const n of pages) {
    if (n - previous === 2) slots.push(n - 1);
    else if (n - previous > 2) slots.push('ellipsis');
    slots.push(n);
    previous = n;
  }
  return slots;
}

export function Pagination({ page: requested, pageCount, hrefFor, labels }: PaginationProps) {
  if (pageCount <= 1) return null;
  const page = Math.min(Math.max(1, Math.trunc(requested)), pageCount);
  return (
    <nav class="pagination" aria-label={labels.nav}>
      {page > 1 ? (
        <a class="pagination__prev" href={hrefFor(page - 1)} rel="prev">
          {labels.previous}
        </a>
      ) : null}
      <ul class="pagination__list">
        {pageSlots(page, pageCount).map((slot, index) =>
          slot === 'ellipsis' ? (
            <li key={`gap-${index}`} class="pagination__item pagination__item--ellipsis">
              …
            </li>
          ) : (
            <li key={slot} class={slot === page ? 'pagination__item pagination__item--current' : 'pagination__item'}>
              <a
                href={hrefFor(slot)}
                aria-label={labels.page(slot)}
                aria-current={slot === page ? 'page' : undefined}
              >
                {slot}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <a class="pagination__next" href={hrefFor(page + 1)} rel="next">
          {labels.next}
        </a>
      ) : null}
    </nav>
  );
}
