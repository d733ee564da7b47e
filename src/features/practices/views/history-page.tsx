import { Fragment, type ComponentChildren } from 'preact';
import type { DiffSegment } from '../../../lib/diff.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { paginationLabels, pageHref, type Page } from '../../../platform/pagination.ts';
import { Pagination } from '../../../ui/pagination.tsx';
import type { RevisionEntry } from '../editorial-service.ts';
import { recordChanges, type TextContext } from '../record-text.ts';
import { PRIVATE_RECORD_FIELDS, type RecordField } from '../sections.ts';
import { DateText } from './editorial-shared.tsx';

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
            <span class="visually-hidden">{ctx.t(`practices.history.${segment.kind}Start`)}</span>
            <Lines text={segment.text} />
            <span class="visually-hidden">{ctx.t('practices.history.changeEnd')}</span>
          </Tag>
        );
      })}
    </p>
  );
}

function Changes({ ctx, entry, text, hidden }: { ctx: ViewContext; entry: RevisionEntry; text: TextContext; hidden: ReadonlySet<RecordField> }) {
  if (!entry.previous) return <p>{ctx.t('practices.history.firstVersion')}</p>;
  const changes = recordChanges(entry.previous, entry.record, text, hidden);
  if (changes.length === 0) return <p>{ctx.t('practices.history.noTextChanges')}</p>;
  return (
    <dl class="summary-list">
      {changes.map((change) => (
        <div class="summary-list__row" key={change.field}>
          <dt class="summary-list__key">{ctx.t(`practices.fields.${change.field}.label`)}</dt>
          <dd class="summary-list__value">
            <DiffText ctx={ctx} segments={change.segments} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export interface HistoryPageProps {
  ctx: ViewContext;
  slug: string;
  title: string;
  language: string;
  revisions: Page<RevisionEntry>;
  text: TextContext;
  showContact: boolean;
}

export function HistoryPage({ ctx, slug, title, language, revisions, text, showContact }: HistoryPageProps) {
  const { t } = ctx;
  const hidden = showContact ? new Set<RecordField>() : PRIVATE_RECORD_FIELDS;
  return (
    <>
      <p>
        <a href={ctx.href(`/practices/${slug}`)}>{t('practices.history.backToPractice')}</a>
      </p>
      <h1>
        {t('practices.history.title')} <span lang={language}>{title}</span>
      </h1>
      <p>{t('practices.history.intro')}</p>
      {revisions.items.length === 0 ? <p>{t('practices.history.empty')}</p> : null}
      {revisions.items.map((entry) => (
        <article key={entry.version} aria-labelledby={`version-${entry.version}`} class="revision">
          <h2 id={`version-${entry.version}`}>{t('practices.history.version', { version: entry.version })}</h2>
          <p>
            {t('practices.history.changedBy', { name: entry.editorName ?? t('practices.history.unknownEditor') })}{' '}
            <DateText locale={ctx.locale} date={entry.createdAt} withTime />
          </p>
          {entry.note ? <p>{t('practices.history.note', { note: entry.note })}</p> : null}
          <Changes ctx={ctx} entry={entry} text={text} hidden={hidden} />
        </article>
      ))}
      <Pagination page={revisions.page} pageCount={revisions.pageCount} hrefFor={(page) => ctx.href(pageHref(`/practices/${slug}/history`, {}, page))} labels={paginationLabels(t)} />
    </>
  );
}
