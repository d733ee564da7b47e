import { RevisionList } from '../../../editorial/index.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { pageHref, type Page } from '../../../platform/pagination.ts';
import type { RevisionEntry } from '../editorial-service.ts';
import { recordChanges, type TextContext } from '../record-text.ts';
import { PRIVATE_RECORD_FIELDS, type RecordField } from '../sections.ts';

export interface HistoryPageProps {
  ctx: ViewContext;
  slug: string;
  title: string;
  language: string;
  revisions: Page<RevisionEntry>;
  text: TextContext;
  showContact: boolean;
}

/** A practice's published versions with what changed in each; the contact only for those who may see it. */
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
      <RevisionList
        ctx={ctx}
        revisions={revisions}
        changesOf={(previous, record) => recordChanges(previous, record, text, hidden)}
        fieldLabel={(field) => t(`practices.fields.${field}.label`)}
        hrefFor={(page) => ctx.href(pageHref(`/practices/${slug}/history`, {}, page))}
      />
    </>
  );
}
