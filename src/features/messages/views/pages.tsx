import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { paginationLabels, type Page } from '../../../platform/pagination.ts';
import { Button, Pagination, Radios, Textarea, TextInput } from '../../../ui/index.ts';
import { DateText } from '../../../ui/date-text.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { Paragraphs } from '../../../ui/paragraphs.tsx';
import { SuccessBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { Tag } from '../../../ui/tag.tsx';
import { FLAG_REASONS } from '../../../engagement/index.ts';
import type { Conversation, MessagesService } from '../service.ts';
import { MESSAGE_MAX } from '../service.ts';

type ConversationView = Awaited<ReturnType<MessagesService['conversation']>>;

/** `/{l}/messages`: the member's conversations, latest first. */
export function InboxPage({ ctx, page }: { ctx: ViewContext; page: Page<Conversation> }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('messages.inbox.title')}</h1>
      <p class="lede">{t('messages.inbox.intro')}</p>
      <p>
        <a href={ctx.href('/community')}>{t('messages.inbox.findSomeone')}</a> · <a href={ctx.href('/messages/blocked')}>{t('messages.inbox.blocked')}</a>
      </p>
      {page.items.length === 0 ? (
        <p>{t('messages.inbox.empty')}</p>
      ) : (
        <ul class="list">
          {page.items.map((conversation) => {
            const unread = Number(conversation.unread);
            return (
              <li key={conversation.id}>
                <a href={ctx.href(`/messages/${conversation.id}`)} dir="auto">
                  {conversation.other_name ?? t('messages.deletedMember')}
                </a>{' '}
                {unread > 0 ? <Tag variant="success">{t('messages.inbox.unread', { count: unread })}</Tag> : null}{' '}
                <span class="muted">
                  <DateText ctx={ctx} date={conversation.last_message_at} withTime />
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(number) => ctx.href(`/messages?page=${number}`)} labels={paginationLabels(t)} />
    </div>
  );
}

/** `/{l}/messages/new?to=`: the first message to a member. */
export function ComposePage({ ctx, recipient, body, errors }: { ctx: ViewContext; recipient: { handle: string; name: string }; body: string; errors: FieldErrors }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <h1>{t('messages.compose.title', { name: recipient.name })}</h1>
      <p>{t('messages.compose.privacy')}</p>
      <PostForm action={ctx.href('/messages')} csrfToken={ctx.csrfToken()}>
        <input type="hidden" name="to" value={recipient.handle} />
        <Textarea id="body" label={t('messages.compose.body')} hint={t('messages.compose.hint', { max: MESSAGE_MAX })} rows={8} value={body} error={errors.body ? t(errors.body) : undefined} errorPrefix={t('common.errorPrefix')} />
        <Button>{t('messages.compose.send')}</Button>
      </PostForm>
    </div>
  );
}

/** `/{l}/messages/{id}`: one conversation, its reply form, and blocking and reporting. */
export function ConversationPage({ ctx, view, errors, body, notice }: { ctx: ViewContext; view: ConversationView; errors: FieldErrors; body: string; notice: string | undefined }) {
  const { t } = ctx;
  const otherName = view.other?.name ?? t('messages.deletedMember');
  const base = `/messages/${view.id}`;
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={notice ? t(`messages.notice.${notice}`) : undefined} />
      <h1>{t('messages.conversation.title', { name: otherName })}</h1>
      <p>
        <a href={ctx.href('/messages')}>{t('messages.conversation.back')}</a>
      </p>
      <ol class="message-list" aria-label={t('messages.conversation.messages')}>
        {view.messages.map((message) => {
          const mine = message.sender_id === ctx.user?.id;
          return (
            <li key={message.id} class={mine ? 'message message--mine' : 'message'}>
              <p class="message__meta">
                <strong dir="auto">{mine ? t('messages.conversation.you') : (message.sender_name ?? t('messages.deletedMember'))}</strong>{' '}
                <DateText ctx={ctx} date={message.created_at} withTime />
              </p>
              <Paragraphs text={message.body} />
              {!mine ? (
                <details class="message__report">
                  <summary>{t('messages.report.open')}</summary>
                  <PostForm action={ctx.href(`${base}/report`)} csrfToken={ctx.csrfToken()}>
                    <input type="hidden" name="message" value={String(message.id)} />
                    <Radios id={`reason-${message.id}`} label={t('messages.report.reason')} items={FLAG_REASONS.map((reason) => ({ value: reason, label: t(`engagement.flag.reasons.${reason}`) }))} />
                    <TextInput id={`note-${message.id}`} label={t('messages.report.note')} />
                    <Button variant="secondary">{t('messages.report.send')}</Button>
                  </PostForm>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
      {view.other ? (
        <PostForm action={ctx.href(base)} csrfToken={ctx.csrfToken()}>
          <Textarea id="body" label={t('messages.conversation.reply')} hint={t('messages.compose.hint', { max: MESSAGE_MAX })} rows={5} value={body} error={errors.body ? t(errors.body) : undefined} errorPrefix={t('common.errorPrefix')} />
          <Button>{t('messages.compose.send')}</Button>
        </PostForm>
      ) : (
        <p>{t('messages.conversation.left')}</p>
      )}
      <PostForm action={ctx.href(`${base}/block`)} csrfToken={ctx.csrfToken()}>
        <input type="hidden" name="blocked" value={view.blocked ? 'no' : 'yes'} />
        <p class="hint">{t(view.blocked ? 'messages.block.blockedHint' : 'messages.block.hint', { name: otherName })}</p>
        <Button variant={view.blocked ? 'secondary' : 'warning'}>{t(view.blocked ? 'messages.block.unblock' : 'messages.block.block', { name: otherName })}</Button>
      </PostForm>
    </div>
  );
}

/** `/{l}/messages/blocked`: the members the member blocked, each with an unblock button. */
export function BlockedPage({ ctx, blocked }: { ctx: ViewContext; blocked: readonly { id: number; name: string | null }[] }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('messages.blocked.title')}</h1>
      {blocked.length === 0 ? (
        <p>{t('messages.blocked.empty')}</p>
      ) : (
        <ul class="list">
          {blocked.map((member) => (
            <li key={member.id}>
              <span dir="auto">{member.name ?? t('messages.deletedMember')}</span>{' '}
              <PostForm action={ctx.href('/messages/blocked')} csrfToken={ctx.csrfToken()} class="inline-form">
                <input type="hidden" name="member" value={String(member.id)} />
                <Button variant="secondary">{t('messages.block.unblock', { name: member.name ?? t('messages.deletedMember') })}</Button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
