import { displayNames } from '../../lib/intl.ts';
import type { ViewContext } from '../../platform/context.ts';
import { pageHref, paginationLabels, type Page } from '../../platform/pagination.ts';
import { Button } from '../../ui/button.tsx';
import { DateText } from '../../ui/date-text.tsx';
import { Select } from '../../ui/fields.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { Table } from '../../ui/table.tsx';
import { QUEUE_STATES, type QueueFilter, type QueueRow, type QueueState } from '../queue.ts';
import { StatusTag } from './status-tag.tsx';

export const REVIEW_QUEUE_PATH = '/review';

export interface ReviewQueuePageProps {
  ctx: ViewContext;
  counts: ReadonlyMap<QueueState, number>;
  filter: QueueFilter;
  kinds: readonly string[];
  languages: readonly string[];
  list: Page<QueueRow>;
  /** Links shown above the queue: the criteria, the reports waiting for moderators. */
  links: readonly { href: string; label: string }[];
}

function queueHref(ctx: ViewContext, filter: Partial<QueueFilter>, page = 1): string {
  return ctx.href(
    pageHref(REVIEW_QUEUE_PATH, { state: filter.state ?? undefined, kind: filter.kind ?? undefined, language: filter.language ?? undefined }, page),
  );
}

function StateCounts({ ctx, counts, filter }: Pick<ReviewQueuePageProps, 'ctx' | 'counts' | 'filter'>) {
  return (
    <nav aria-labelledby="queue-states-title">
      <h2 id="queue-states-title">{ctx.t('editorial.queue.statesTitle')}</h2>
      <ul>
        {QUEUE_STATES.map((status) => (
          <li key={status}>
            <a href={queueHref(ctx, { ...filter, state: status })} aria-current={status === filter.state ? 'page' : undefined}>
              {ctx.t('editorial.queue.stateCount', { state: ctx.t(`editorial.status.${status}`), count: counts.get(status) ?? 0 })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function QueueFilters({ ctx, filter, kinds, languages }: Pick<ReviewQueuePageProps, 'ctx' | 'filter' | 'kinds' | 'languages'>) {
  const { t } = ctx;
  const languageNames = displayNames(ctx.locale, 'language');
  return (
    <form method="get" action={ctx.href(REVIEW_QUEUE_PATH)} class="filters">
      <Select
        id="state"
        label={t('editorial.queue.stateFilter')}
        emptyOption={t('editorial.queue.awaiting')}
        options={QUEUE_STATES.map((status) => ({ value: status, label: t(`editorial.status.${status}`) }))}
        value={filter.state ?? ''}
      />
      <Select
        id="kind"
        label={t('editorial.queue.kindFilter')}
        emptyOption={t('editorial.queue.anyKind')}
        options={kinds.map((kind) => ({ value: kind, label: t(`editorial.kinds.${kind}`) }))}
        value={filter.kind ?? ''}
      />
      <Select
        id="language"
        label={t('editorial.queue.languageFilter')}
        emptyOption={t('editorial.queue.anyLanguage')}
        options={languages.map((code) => ({ value: code, label: languageNames.of(code) ?? code }))}
        value={filter.language ?? ''}
      />
      <Button variant="secondary">{t('editorial.queue.applyFilters')}</Button>
    </form>
  );
}

/** The editors' queue of every reviewed kind. */
export function ReviewQueuePage(props: ReviewQueuePageProps) {
  const { ctx, list, filter } = props;
  const { t } = ctx;
  const languageNames = displayNames(ctx.locale, 'language');
  return (
    <>
      <h1>{t('editorial.queue.queueTitle')}</h1>
      {props.links.map((link) => (
        <p key={link.href}>
          <a href={ctx.href(link.href)}>{link.label}</a>
        </p>
      ))}
      <StateCounts ctx={ctx} counts={props.counts} filter={filter} />
      <QueueFilters ctx={ctx} filter={filter} kinds={props.kinds} languages={props.languages} />
      {list.items.length === 0 ? (
        <p>{t('editorial.queue.empty')}</p>
      ) : (
        <>
          <Table
            caption={t('editorial.queue.queueCaption', { count: list.total })}
            head={[t('editorial.queue.title'), t('editorial.queue.kind'), t('editorial.queue.status'), t('editorial.queue.language'), t('editorial.queue.author'), t('editorial.queue.submitted')]}
            rows={list.items.map((row) => [
              <a href={ctx.href(row.reviewPath)} lang={row.language}>
                {row.title}
              </a>,
              t(`editorial.kinds.${row.kind}`),
              <StatusTag ctx={ctx} status={row.status} />,
              languageNames.of(row.language) ?? row.language,
              row.author_name ?? t('editorial.queue.unknownAuthor'),
              row.submitted_at ? <DateText ctx={ctx} date={row.submitted_at} /> : '',
            ])}
          />
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => queueHref(ctx, filter, page)} labels={paginationLabels(t)} />
        </>
      )}
    </>
  );
}
