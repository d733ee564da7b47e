import type { ViewContext } from '../../../platform/context.ts';
import { pageHref, type Page } from '../../../platform/pagination.ts';
import { NotificationBanner } from '../../../ui/notification.tsx';
import { SummaryList } from '../../../ui/summary-list.tsx';
import { BackToOverview, DateText, PagedTable } from './shared.tsx';

export interface OutboxListItem {
  id: number;
  recipient: string;
  subject: string;
  created_at: Date;
}

export interface OutboxMail extends OutboxListItem {
  body: string;
}

export function OutboxPage({ ctx, list, smtpConfigured }: { ctx: ViewContext; list: Page<OutboxListItem>; smtpConfigured: boolean }) {
  const { t } = ctx;
  return (
    <>
      <BackToOverview ctx={ctx} />
      <h1>{t('admin.outbox.title')}</h1>
      {smtpConfigured ? (
        <NotificationBanner title={t('common.important')}>
          <p>{t('admin.outbox.smtpConfigured')}</p>
        </NotificationBanner>
      ) : (
        <p>{t('admin.outbox.intro')}</p>
      )}
      <PagedTable
        ctx={ctx}
        list={list}
        caption={t('admin.outbox.caption')}
        head={[t('admin.outbox.columns.recipient'), t('admin.outbox.columns.subject'), t('admin.outbox.columns.date')]}
        row={(mail) => [
          mail.recipient,
          <a href={ctx.href(`/admin/outbox/${mail.id}`)}>{mail.subject}</a>,
          <DateText locale={ctx.locale} date={mail.created_at} withTime />,
        ]}
        empty={t('admin.outbox.none')}
        hrefFor={(page) => ctx.href(pageHref('/admin/outbox', {}, page))}
      />
    </>
  );
}

/**
 * The body is plain text shown as written: the renderer escapes it and nothing turns its links
 * into anchors, since they are single-use tokens meant for the recipient, not for the admin.
 */
export function OutboxMailPage({ ctx, mail }: { ctx: ViewContext; mail: OutboxMail }) {
  const { t } = ctx;
  return (
    <>
      <p>
        <a href={ctx.href('/admin/outbox')}>{t('admin.outbox.title')}</a>
      </p>
      <h1>{mail.subject}</h1>
      <SummaryList
        rows={[
          { key: t('admin.outbox.mail.recipient'), value: mail.recipient },
          { key: t('admin.outbox.mail.date'), value: <DateText locale={ctx.locale} date={mail.created_at} withTime /> },
        ]}
      />
      <h2>{t('admin.outbox.mail.body')}</h2>
      <pre class="mail-body" tabindex={0}>
        {mail.body}
      </pre>
    </>
  );
}
