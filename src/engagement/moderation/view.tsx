import type { ContentRef } from '../../content/kinds.ts';
import type { ViewContext } from '../../platform/context.ts';
import { pageHref, paginationLabels, type Page } from '../../platform/pagination.ts';
import { Button } from '../../ui/button.tsx';
import { DateText } from '../../ui/date-text.tsx';
import { NotificationBanner } from '../../ui/notification.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { PostForm } from '../../ui/post-form.tsx';
import { SummaryList, type SummaryRow } from '../../ui/summary-list.tsx';
import type { FlaggedContent, OpenFlag } from './service.ts';

/** What just happened, said at the top of the queue after a redirect. */
export const MODERATION_NOTICES = ['dismissed', 'removed', 'alreadyResolved'] as const;
export type ModerationNotice = (typeof MODERATION_NOTICES)[number];

export const MODERATION_PATH = '/review/flags';

export interface ModerationPageProps {
  ctx: ViewContext;
  list: Page<OpenFlag>;
  notice?: ModerationNotice;
}

function ItemLink({ ctx, item }: { ctx: ViewContext; item: ContentRef }) {
  return (
    <a href={ctx.href(item.path)} lang={item.language}>
      {item.title}
    </a>
  );
}

/** The rows that say what was reported: the item, or the comment and where it was posted. */
function contentRows(ctx: ViewContext, content: FlaggedContent): SummaryRow[] {
  const { t } = ctx;
  if (content.kind === 'gone') return [{ key: t('moderation.queue.fields.content'), value: <span class="muted">{t('moderation.queue.gone')}</span> }];
  if (content.kind === 'message') {
    return [
      { key: t('moderation.queue.fields.message'), value: <q class="flag__excerpt" dir="auto">{content.excerpt}</q> },
      { key: t('moderation.queue.fields.messageSender'), value: <span dir="auto">{content.authorName ?? t('engagement.comments.deletedMember')}</span> },
    ];
  }
  const itemRow = { key: t(`moderation.queue.fields.${content.item.kind}`), value: <ItemLink ctx={ctx} item={content.item} /> };
  if (content.kind === 'item') return [itemRow];
  return [
    {
      key: t('moderation.queue.fields.comment'),
      value: content.removed ? (
        <span class="muted">{t('engagement.comments.removed')}</span>
      ) : (
        <q class="flag__excerpt" dir="auto">
          {content.excerpt}
        </q>
      ),
    },
    { key: t('moderation.queue.fields.commentAuthor'), value: <span dir="auto">{content.authorName ?? t('engagement.comments.deletedMember')}</span> },
    itemRow,
  ];
}

function reportRows(ctx: ViewContext, flag: OpenFlag): SummaryRow[] {
  const { t } = ctx;
  return [
    { key: t('moderation.queue.fields.reason'), value: flag.reason ? t(`engagement.flag.reasons.${flag.reason}`) : flag.rawReason },
    {
      key: t('moderation.queue.fields.note'),
      value: flag.note ? (
        <span class="flag__note" dir="auto">
          {flag.note}
        </span>
      ) : (
        <span class="muted">{t('moderation.queue.noNote')}</span>
      ),
    },
    { key: t('moderation.queue.fields.reporter'), value: <span dir="auto">{flag.reporterName ?? t('engagement.comments.deletedMember')}</span> },
    { key: t('moderation.queue.fields.reported'), value: <DateText ctx={ctx} date={flag.reportedAt} withTime /> },
  ];
}

/**
 * The buttons that settle one report. Every report has the same buttons, so each also names its
 * report for screen readers. The page number comes back so the editor returns where they were.
 */
function FlagActions({ ctx, flag, page, heading }: { ctx: ViewContext; flag: OpenFlag; page: number; heading: string }) {
  const { t } = ctx;
  const { content } = flag;
  const removable = content.kind === 'comment' && !content.removed && content.item.status === 'published';
  const action = (name: string, label: string, variant: 'secondary' | 'warning') => (
    <PostForm action={ctx.href(`${MODERATION_PATH}/${flag.id}/${name}`)} csrfToken={ctx.csrfToken()} class="inline-form">
      <input type="hidden" name="page" value={String(page)} />
      <Button variant={variant}>
        {label}
        <span class="visually-hidden">{` ${heading}`}</span>
      </Button>
    </PostForm>
  );
  return (
    <div class="button-group">
      {action('dismiss', t('moderation.queue.dismiss'), 'secondary')}
      {removable ? action('remove-comment', t('moderation.queue.removeComment'), 'warning') : null}
    </div>
  );
}

function FlagItem({ ctx, flag, page }: { ctx: ViewContext; flag: OpenFlag; page: number }) {
  const about = flag.content.kind === 'comment' || flag.content.kind === 'message' ? flag.content.kind : flag.content.kind === 'item' ? flag.content.item.kind : 'unknown';
  const heading = ctx.t(`moderation.queue.itemTitle.${about}`, { id: flag.id });
  return (
    <li class="flag" id={`flag-${flag.id}`}>
      <h2 class="flag__title">{heading}</h2>
      <SummaryList rows={[...contentRows(ctx, flag.content), ...reportRows(ctx, flag)]} />
      <FlagActions ctx={ctx} flag={flag} page={page} heading={heading} />
    </li>
  );
}

export function ModerationPage({ ctx, list, notice }: ModerationPageProps) {
  const { t } = ctx;
  return (
    <>
      {notice ? (
        <NotificationBanner title={t(notice === 'alreadyResolved' ? 'moderation.notices.alreadyResolvedTitle' : 'common.success')} variant={notice === 'alreadyResolved' ? 'info' : 'success'}>
          <p>{t(`moderation.notices.${notice}`)}</p>
        </NotificationBanner>
      ) : null}
      <p>
        <a href={ctx.href('/review')}>{t('moderation.queue.backToQueue')}</a>
      </p>
      <h1>{t('moderation.queue.title')}</h1>
      <p>{t('moderation.queue.intro')}</p>
      {list.total === 0 ? (
        <p>{t('moderation.queue.empty')}</p>
      ) : (
        <>
          <p class="muted">{t('moderation.queue.count', { count: list.total })}</p>
          <ol class="flag-list" aria-label={t('moderation.queue.listLabel')}>
            {list.items.map((flag) => (
              <FlagItem key={flag.id} ctx={ctx} flag={flag} page={list.page} />
            ))}
          </ol>
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => ctx.href(pageHref(MODERATION_PATH, {}, page))} labels={paginationLabels(t)} />
        </>
      )}
    </>
  );
}
