import { countryOptions } from '../../../lib/countries.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FieldErrors } from '../../../platform/forms.ts';
import { paginationLabels, type Page } from '../../../platform/pagination.ts';
import { Button, Checkboxes, Pagination, Radios, Select } from '../../../ui/index.ts';
import { DateText } from '../../../ui/date-text.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { SuccessBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { Tag } from '../../../ui/tag.tsx';
import { termLabel, type Term } from '../../taxonomies/index.ts';
import type { FollowedTarget, NotificationItem } from '../service.ts';

function notificationText(ctx: ViewContext, item: NotificationItem): string {
  const about = item.about?.label ?? '';
  const title = item.subject.title;
  if (item.event === 'published' && item.about && item.about.kind !== item.subject.kind) return ctx.t(`follows.notification.publishedIn.${item.subject.kind}`, { title, about });
  return ctx.t(`follows.notification.${item.event}`, { title });
}

/** `/{l}/notifications`: what happened since the member last looked, newest first. */
export function NotificationsPage({ ctx, page, unread }: { ctx: ViewContext; page: Page<NotificationItem>; unread: number }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <h1>{t('follows.notifications.title')}</h1>
      <p>
        {unread > 0 ? t('follows.notifications.unread', { count: unread }) : t('follows.notifications.allRead')}{' '}
        <a href={ctx.href('/account/follows')}>{t('follows.notifications.whatYouFollow')}</a> ·{' '}
        <a href={ctx.href('/account/notifications')}>{t('follows.notifications.mailSettings')}</a>
      </p>
      {page.items.length === 0 ? (
        <p>{t('follows.notifications.empty')}</p>
      ) : (
        <ol class="notification-list" aria-label={t('follows.notifications.title')}>
          {page.items.map((item) => (
            <li key={item.id} class={item.unread ? 'notification notification--unread' : 'notification'}>
              {item.unread ? (
                <>
                  <Tag variant="success">{t('follows.notifications.new')}</Tag>{' '}
                </>
              ) : null}
              <a href={ctx.href(item.subject.path)} dir="auto">
                {notificationText(ctx, item)}
              </a>{' '}
              <span class="muted">
                <DateText ctx={ctx} date={item.createdAt} withTime />
              </span>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(number) => ctx.href(`/notifications?page=${number}`)} labels={paginationLabels(t)} />
    </div>
  );
}

export interface FollowsPageProps {
  ctx: ViewContext;
  followed: readonly FollowedTarget[];
  topics: readonly Term[];
  cities: readonly { slug: string; name: string }[];
  errors: FieldErrors;
  done: boolean;
}

/** `/{l}/account/follows`: what the member follows, and topics, countries and cities to add. */
export function FollowsPage({ ctx, followed, topics, cities, errors, done }: FollowsPageProps) {
  const { t } = ctx;
  const errorPrefix = t('common.errorPrefix');
  const back = `/${ctx.locale}/account/follows`;
  const hidden = (kind: string) => (
    <>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="action" value="follow" />
      <input type="hidden" name="back" value={back} />
    </>
  );
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={done ? t('follows.follows.saved') : undefined} />
      <h1>{t('follows.follows.title')}</h1>
      <p class="lede">{t('follows.follows.intro')}</p>
      {followed.length === 0 ? (
        <p>{t('follows.follows.none')}</p>
      ) : (
        <ul class="list">
          {followed.map((target) => (
            <li key={`${target.kind}:${target.key}`}>
              {t(`follows.kinds.${target.kind}`)}:{' '}
              {target.path ? (
                <a href={ctx.href(target.path)} dir="auto">
                  {target.label}
                </a>
              ) : (
                <span dir="auto">{target.label}</span>
              )}{' '}
              <PostForm action={ctx.href('/follows')} csrfToken={ctx.csrfToken()} class="inline-form">
                <input type="hidden" name="kind" value={target.kind} />
                <input type="hidden" name="key" value={target.key} />
                <input type="hidden" name="action" value="unfollow" />
                <input type="hidden" name="back" value={back} />
                <Button variant="secondary">{t('follows.button.unfollow', { name: target.label })}</Button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('follows.follows.add')}</h2>
      <PostForm action={ctx.href('/follows')} csrfToken={ctx.csrfToken()}>
        {hidden('topic')}
        <Select id="topicKey" label={t('follows.kinds.topic')} error={errors.topicKey ? t(errors.topicKey) : undefined} errorPrefix={errorPrefix} options={topics.map((term) => ({ value: term.code, label: termLabel(term, ctx.locale) }))} />
        <Button variant="secondary">{t('follows.follows.followTopic')}</Button>
      </PostForm>
      <PostForm action={ctx.href('/follows')} csrfToken={ctx.csrfToken()}>
        {hidden('country')}
        <Select id="countryKey" label={t('follows.kinds.country')} error={errors.countryKey ? t(errors.countryKey) : undefined} errorPrefix={errorPrefix} options={countryOptions(ctx.locale)} />
        <Button variant="secondary">{t('follows.follows.followCountry')}</Button>
      </PostForm>
      {cities.length > 0 ? (
        <PostForm action={ctx.href('/follows')} csrfToken={ctx.csrfToken()}>
          {hidden('city')}
          <Select id="cityKey" label={t('follows.kinds.city')} error={errors.cityKey ? t(errors.cityKey) : undefined} errorPrefix={errorPrefix} options={cities.map((city) => ({ value: city.slug, label: city.name }))} />
          <Button variant="secondary">{t('follows.follows.followCity')}</Button>
        </PostForm>
      ) : null}
    </div>
  );
}

export interface MailSettingsPageProps {
  ctx: ViewContext;
  values: { digest: string; notices: string };
  errors: FieldErrors;
  saved: boolean;
}

/** `/{l}/account/notifications`: the digest (off until chosen) and mail about what concerns the member. */
export function MailSettingsPage({ ctx, values, errors, saved }: MailSettingsPageProps) {
  const { t } = ctx;
  return (
    <div class="stack">
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      <SuccessBanner title={t('common.success')} message={saved ? t('follows.settings.saved') : undefined} />
      <h1>{t('follows.settings.title')}</h1>
      <PostForm action={ctx.href('/account/notifications')} csrfToken={ctx.csrfToken()}>
        <Radios
          id="digest"
          label={t('follows.settings.digest')}
          hint={t('follows.settings.digestHint')}
          error={errors.digest ? t(errors.digest) : undefined}
          errorPrefix={t('common.errorPrefix')}
          items={['off', 'daily', 'weekly'].map((value) => ({ value, label: t(`follows.settings.frequency.${value}`) }))}
          checked={values.digest}
        />
        <Checkboxes
          id="notices"
          label={t('follows.settings.notices')}
          items={[{ value: 'yes', label: t('follows.settings.noticesYes'), hint: t('follows.settings.noticesHint') }]}
          checked={values.notices === 'yes' ? ['yes'] : []}
        />
        <Button>{t('follows.settings.save')}</Button>
      </PostForm>
    </div>
  );
}

/** The page a link in a mail opens: the one button that stops the mail, no sign-in needed. */
export function UnsubscribePage({ ctx, action, purpose, done }: { ctx: ViewContext; action: string; purpose: string; done: boolean }) {
  const { t } = ctx;
  if (done) {
    return (
      <div class="stack">
        <h1>{t('follows.unsubscribe.doneTitle')}</h1>
        <p>{t(`follows.unsubscribe.done.${purpose}`)}</p>
        <p>
          <a href={ctx.href('/account/notifications')}>{t('follows.unsubscribe.settings')}</a>
        </p>
      </div>
    );
  }
  return (
    <div class="stack">
      <h1>{t('follows.unsubscribe.title')}</h1>
      <p>{t(`follows.unsubscribe.confirm.${purpose}`)}</p>
      <form method="post" action={action}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <Button>{t('follows.unsubscribe.button')}</Button>
      </form>
    </div>
  );
}
