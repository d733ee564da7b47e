import type { ComponentChildren } from 'preact';

export interface SummaryAction {
  href: string;
  /** Visible link text: "Change". */
  text: string;
  /** Read after the text by screen readers so that links differ: "your name". */
  visuallyHiddenText?: string;
}

export interface SummaryRow {
  key: ComponentChildren;
  value: ComponentChildren;
  action?: SummaryAction;
}

export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  if (rows.length === 0) return null;
  return (
    <dl class="summary-list">
      {rows.map((row, index) => (
        <div class="summary-list__row" key={index}>
          <dt class="summary-list__key">{row.key}</dt>
          <dd class="summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd class="summary-list__action">
              <a href={row.action.href}>
                {row.action.text}
                {row.action.visuallyHiddenText ? (
                  <span class="visually-hidden">{` ${row.action.visuallyHiddenText}`}</span>
                ) : null}
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
