import { fieldChanges, RevisionList, type DiffedField, type RevisionEntry } from '../../../editorial/index.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { pageHref, type Page } from '../../../platform/pagination.ts';
import type { ResourceInput } from '../model.ts';

export type HistoryField = 'title' | 'summary' | 'body' | 'url' | 'publisher' | 'year' | 'language' | 'countries' | 'topics' | 'targetGroups' | 'relatedPractices';

/** How each field reads as text when two versions are compared (lists line by line). */
export const HISTORY_FIELDS: readonly DiffedField<ResourceInput, HistoryField>[] = [
  { field: 'title', list: false, lines: (record) => [record.title] },
  { field: 'summary', list: false, lines: (record) => [record.summary] },
  { field: 'body', list: false, lines: (record) => [record.body] },
  { field: 'url', list: false, lines: (record) => (record.url ? [record.url] : []) },
  { field: 'publisher', list: false, lines: (record) => [record.publisher] },
  { field: 'year', list: false, lines: (record) => (record.year === null ? [] : [String(record.year)]) },
  { field: 'language', list: false, lines: (record) => [record.language] },
  { field: 'countries', list: true, lines: (record) => record.countries },
  { field: 'topics', list: true, lines: (record) => record.topics },
  { field: 'targetGroups', list: true, lines: (record) => record.targetGroups },
  { field: 'relatedPractices', list: true, lines: (record) => record.relatedPractices },
];

export interface ResourceHistoryPageProps {
  ctx: ViewContext;
  slug: string;
  title: string;
  language: string;
  revisions: Page<RevisionEntry<ResourceInput>>;
}

/** Every published version of a resource, each with what changed from the one before. */
export function ResourceHistoryPage({ ctx, slug, title, language, revisions }: ResourceHistoryPageProps) {
  const { t } = ctx;
  const path = `/resources/${encodeURIComponent(slug)}`;
  return (
    <>
      <p>
        <a href={ctx.href(path)}>{t('resources.history.back')}</a>
      </p>
      <h1>
        {t('resources.history.title')} <span lang={language}>{title}</span>
      </h1>
      <p>{t('resources.history.intro')}</p>
      {revisions.items.length === 0 ? <p>{t('resources.history.empty')}</p> : null}
      <RevisionList
        ctx={ctx}
        revisions={revisions}
        changesOf={(previous, record) => fieldChanges(HISTORY_FIELDS, previous, record)}
        fieldLabel={(field) => t(`resources.fields.${field}.label`)}
        hrefFor={(page) => ctx.href(pageHref(`${path}/history`, {}, page))}
      />
    </>
  );
}
