import type { ViewContext } from '../../../platform/context.ts';
import { Button } from '../../../ui/button.tsx';
import { NotificationBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';

/**
 * The page a confirmation link opens. Following the link changes nothing by itself: mail
 * scanners open links too, so the contact confirms with a button.
 */
export function ConfirmRunningPage({ ctx, practice, token }: { ctx: ViewContext; practice: { slug: string; title: string }; token: string }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('practices.confirm.title')}</h1>
      <p>{t('practices.confirm.question', { title: practice.title })}</p>
      <PostForm action={ctx.href(`/practices/${practice.slug}/confirm`)} csrfToken={ctx.csrfToken()}>
        <input type="hidden" name="token" value={token} />
        <Button>{t('practices.confirm.yes')}</Button>
      </PostForm>
      <p>{t('practices.confirm.ended')}</p>
    </>
  );
}

export function ConfirmedPage({ ctx, slug }: { ctx: ViewContext; slug: string }) {
  return (
    <>
      <NotificationBanner title={ctx.t('common.success')} variant="success">
        <p>{ctx.t('practices.confirm.done')}</p>
      </NotificationBanner>
      <p>
        <a href={ctx.href(`/practices/${slug}`)}>{ctx.t('practices.confirm.viewPractice')}</a>
      </p>
    </>
  );
}

export function ConfirmLinkDeadPage({ ctx }: { ctx: ViewContext }) {
  return (
    <>
      <h1>{ctx.t('practices.confirm.deadTitle')}</h1>
      <p>{ctx.t('practices.confirm.deadBody')}</p>
    </>
  );
}
