import { Fragment, type ComponentChildren } from 'preact';
import type { DiffSegment } from '../../lib/diff.ts';
import type { ViewContext } from '../../platform/context.ts';
import { paginationLabels, type Page } from '../../platform/pagination.ts';
import { DateText } from '../../ui/date-text.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import type { FieldChange, RevisionEntry } from '../revisions.ts';

/** Text with its line breaks kept, without trusting it as markup. */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {line}
          {index < lines.length - 1 ? <br /> : null}
        </Fragment>
      ))}
    </>
  );
}

/**
 * Removed text in `<del>`, added text in `<ins>`, each announced by screen readers, which
 * do not read those elements out by default.
 */
export function DiffText({ ctx, segments }: { ctx: ViewContext; segments: readonly DiffSegment[] }) {
  return (
    <p class="diff">
      {segments.map((segment, index): ComponentChildren => {
        if (segment.kind === 'same') return <Lines key={index} text={segment.text} />;
        const Tag = segment.kind === 'removed' ? 'del' : 'ins';
        return (
          <Tag key={index}>
            <span class="visually-hidden">{ctx.t(`editorial.history.${segment.kind}Start`)}</span>
            <Lines text={segment.text} />
            <span class="visually-hidden">{ctx.t('editorial.history.changeEnd')}</span>
          </Tag>
        );
      })}
    </p>
  );
}

export interface RevisionListProps<R, F extends string> {
  ctx: ViewContext;
  revisions: Page<RevisionEntry<R>>;
  /** What changed from one version to the next, in the kind's terms. */
  changesOf(previous: R, record: R): FieldChange<F>[];
  fieldLabel(field: F): string;
  hrefFor(page: number): string;
}

/** Every version of an item, newest first, each with who changed it and a diff of each changed field. */
export function RevisionList<R, F extends string>({ ctx, revisions, changesOf, fieldLabel, hrefFor }: RevisionListProps<R, F>) {
  const { t } = ctx;
  return (
    <>
      {revisions.items.map((entry) => {
        const changes = entry.previous ? changesOf(entry.previous, entry.record) : null;
        return (
          <article key={entry.version} aria-labelledby={`version-${entry.version}`} class="revision">
            <h2 id={`version-${entry.version}`}>{t('editorial.history.version', { version: entry.version })}</h2>
            <p>
              {t('editorial.history.changedBy', { name: entry.editorName ?? t('editorial.history.unknownEditor') })}{' '}
              <DateText ctx={ctx} date={entry.createdAt} withTime />
            </p>
            {entry.note ? <p>{t('editorial.history.note', { note: entry.note })}</p> : null}
            {changes === null ? (
              <p>{t('editorial.history.firstVersion')}</p>
            ) : changes.length === 0 ? (
              <p>{t('editorial.history.noTextChanges')}</p>
            ) : (
              <dl class="summary-list">
                {changes.map((change) => (
                  <div class="summary-list__row" key={change.field}>
                    <dt class="summary-list__key">{fieldLabel(change.field)}</dt>
                    <dd class="summary-list__value">
                      <DiffText ctx={ctx} segments={change.segments} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </article>
        );
      })}
      <Pagination page={revisions.page} pageCount={revisions.pageCount} hrefFor={hrefFor} labels={paginationLabels(t)} />
    </>
  );
}
