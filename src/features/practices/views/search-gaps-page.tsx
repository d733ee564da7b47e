import type { ViewContext } from '../../../platform/context.ts';
import { isLocale, languageName } from '../../../platform/i18n.ts';
import { paginationLabels } from '../../../platform/pagination.ts';
import { Pagination, Table } from '../../../ui/index.ts';
import { numberFormat, dateTimeFormat } from '../../../lib/intl.ts';

export interface GapRow {
  query: string;
  locale: string;
  visitors: number;
  last_at: Date;
}

/** The editors' list of searches that found nothing, most frequent first. */
export function GapsPage({ ctx, rows, page, pageCount }: { ctx: ViewContext; rows: readonly GapRow[]; page: number; pageCount: number }) {
  const { t, locale } = ctx;
  const dates = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numbers = numberFormat(locale);
  return (
    <div class="stack">
      <h1>{t('practiceSearch.gaps.title')}</h1>
      <p class="lede">{t('practiceSearch.gaps.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('practiceSearch.gaps.empty')}</p>
      ) : (
        <Table
          caption={t('practiceSearch.gaps.title')}
          captionHidden
          head={[t('practiceSearch.gaps.query'), t('practiceSearch.gaps.locale'), t('practiceSearch.gaps.misses'), t('practiceSearch.gaps.last')]}
          numericColumns={[2]}
          rows={rows.map((row) => [
            <a
              key="query"
              href={`/${isLocale(row.locale) ? row.locale : locale}/practices?${new URLSearchParams({ q: row.query }).toString()}`}
              aria-label={t('practiceSearch.gaps.searchAgain', { query: row.query })}
            >
              {row.query}
            </a>,
            isLocale(row.locale) ? languageName(row.locale) : row.locale,
            numbers.format(row.visitors),
            dates.format(row.last_at),
          ])}
        />
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(n) => ctx.href(`/review/gaps${n > 1 ? `?page=${n}` : ''}`)} labels={paginationLabels(t)} />
    </div>
  );
}
