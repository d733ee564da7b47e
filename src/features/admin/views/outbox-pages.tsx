import type { MailStatus, MailTransportName } from '../../../db/schema/platform.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { pageHref, type Page } from '../../../platform/pagination.ts';
import { NotificationBanner } from '../../../ui/notification.tsx';
import { SummaryList } from '../../../ui/summary-list.tsx';
import { Tag, type TagVariant } from '../../../ui/tag.tsx';
import { BackToOverview, DateText, PagedTable } from './shared.tsx';

export interface OutboxListItem {
  id: number;
  recipient: string;
  subject: string;
  created_at: Date;
  status: MailStatus;
  transport: MailTransportName | null;
  attempts: number;
  /** Already stripped of credentials when it was recorded. */
  last_error: string | null;
}

export interface OutboxMail extends OutboxListItem {
  body: string;
  sent_at: Date | null;
  message_id: string | null;
}

/**
 * A mail kept in the outbox (no mail server) is "sent" to the database, not to anyone: it is
 * shown as kept, so that an admin never takes it for delivered.
 */
function DeliveryStatus({ ctx, mail }: { ctx: ViewContext; mail: Pick<OutboxListItem, 'status' | 'transport'> }) {
  const [key, variant]: [string, TagVariant] =
    mail.status === 'queued'
      ? ['queued', 'warning']
      : mail.status === 'failed'
        ? ['failed', 'danger']
        : mail.transport === 'outbox'
          ? ['kept', 'muted']
          : ['sent', 'success'];
  return <Tag variant={variant}>{ctx.t(`admin.outbox.status.${key}`)}</Tag>;
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
        head={[
          t('admin.outbox.columns.recipient'),
          t('admin.outbox.columns.subject'),
          t('admin.outbox.columns.status'),
          t('admin.outbox.columns.attempts'),
          t('admin.outbox.columns.lastError'),
          t('admin.outbox.columns.date'),
        ]}
        row={(mail) => [
          mail.recipient,
          <a href={ctx.href(`/admin/outbox/${mail.id}`)}>{mail.subject}</a>,
          <DeliveryStatus ctx={ctx} mail={mail} />,
          String(mail.attempts),
          mail.last_error ?? '',
          <DateText ctx={ctx} date={mail.created_at} withTime />,
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
          { key: t('admin.outbox.mail.date'), value: <DateText ctx={ctx} date={mail.created_at} withTime /> },
          { key: t('admin.outbox.mail.status'), value: <DeliveryStatus ctx={ctx} mail={mail} /> },
          { key: t('admin.outbox.mail.attempts'), value: String(mail.attempts) },
          ...(mail.sent_at ? [{ key: t('admin.outbox.mail.sentAt'), value: <DateText ctx={ctx} date={mail.sent_at} withTime /> }] : []),
          ...(mail.last_error ? [{ key: t('admin.outbox.mail.lastError'), value: mail.last_error }] : []),
          ...(mail.message_id ? [{ key: t('admin.outbox.mail.messageId'), value: <code>{mail.message_id}</code> }] : []),
        ]}
      />
      <h2>{t('admin.outbox.mail.body')}</h2>
      <pre class="mail-body" tabindex={0}>
        {mail.body}
      </pre>
    </>
  );
}
