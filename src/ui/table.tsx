import type { ComponentChildren } from 'preact';
import { cx } from './class-names.ts';

export interface TableProps {
  caption: string;
  captionHidden?: boolean;
  head: readonly string[];
  rows: readonly (readonly ComponentChildren[])[];
  /** Make each row's first cell its header (`<th scope="row">`). */
  rowHeaders?: boolean;
  /** Indexes of columns holding numbers, aligned to the end so digits line up. */
  numericColumns?: readonly number[];
}

/**
 * The wrapper scrolls sideways on narrow screens; it is focusable and named after the
 * caption so keyboard users can scroll it too.
 */
export function Table({ caption, captionHidden, head, rows, rowHeaders, numericColumns = [] }: TableProps) {
  const numeric = (column: number) => (numericColumns.includes(column) ? 'table__cell--numeric' : undefined);
  return (
    <div class="table-wrap" role="region" aria-label={caption} tabindex={0}>
      <table class="table">
        <caption class={cx('table__caption', captionHidden && 'visually-hidden')}>{caption}</caption>
        <thead>
          <tr>
            {head.map((heading, column) => (
              <th scope="col" key={column} class={numeric(column)}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, rowIndex) => (
            <tr key={rowIndex}>
              {cells.map((cell, column) =>
                rowHeaders && column === 0 ? (
                  <th scope="row" key={column}>
                    {cell}
                  </th>
                ) : (
                  <td key={column} class={numeric(column)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
