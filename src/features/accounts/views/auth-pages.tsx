import type { ViewContext } from '../../../platform/context.ts';
import { fieldBinder, summaryOf, type FormState } from '../../../platform/forms.ts';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { TextInput } from '../../../ui/fields.tsx';
import { NotificationBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { PasswordInput } from './password-input.tsx';
import { ProfileFields } from './profile-fields.tsx';

interface FormPageProps {
  ctx: ViewContext;
  form: FormState;
}

export function RegisterPage({ ctx, form }: FormPageProps) {
  const { t } = ctx;
  const bind = fieldBinder(ctx, form);
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, form.errors)} />
      <h1>{t('accounts.register.title')}</h1>
      <p>{t('accounts.register.intro')}</p>
      <PostForm action={ctx.href('/register')} csrfToken={ctx.csrfToken()}>
        <TextInput {...bind('email')} type="email" label={t('accounts.fields.email')} autocomplete="email" spellcheck={false} />
        <PasswordInput
          ctx={ctx}
          form={form}
          id="password"
          label={t('accounts.fields.password')}
          hint={t('accounts.fields.passwordHint')}
          autocomplete="new-password"
        />
        <ProfileFields ctx={ctx} bind={bind} />
        <p>{t('accounts.register.privacy')}</p>
        <Button>{t('accounts.register.submit')}</Button>
      </PostForm>
      <p>
        {t('accounts.register.haveAccount')} <a href={ctx.href('/login')}>{t('common.nav.signIn')}</a>
      </p>
    </>
  );
}

export function CheckEmailPage({ ctx, message }: { ctx: ViewContext; message: string }) {
  return (
    <>
      <h1>{ctx.t('accounts.checkEmail.title')}</h1>
      <p>{message}</p>
      <p>{ctx.t('accounts.checkEmail.spam')}</p>
    </>
  );
}

/** A success banner and where to go next. */
export function DonePage({ ctx, message, next }: { ctx: ViewContext; message: string; next: { href: string; label: string } }) {
  return (
    <>
      <NotificationBanner title={ctx.t('common.success')} variant="success">
        <p>{message}</p>
      </NotificationBanner>
      <p>
        <a href={next.href}>{next.label}</a>
      </p>
    </>
  );
}

export function VerifyResultPage({ ctx, verified }: { ctx: ViewContext; verified: boolean }) {
  const { t } = ctx;
  if (verified) {
    return <DonePage ctx={ctx} message={t('accounts.verify.done')} next={{ href: ctx.href('/login'), label: t('accounts.verify.signInNow') }} />;
  }
  return (
    <>
      <h1>{t('accounts.verify.deadTitle')}</h1>
      <p>{t('accounts.verify.deadBody')}</p>
      <p>
        <a href={ctx.href('/login')}>{t('common.nav.signIn')}</a>
      </p>
    </>
  );
}

/** `next`: a page on this site to return to after signing in, already checked by the route. */
export function LoginPage({ ctx, form, notice, next }: FormPageProps & { notice?: string; next?: string | null }) {
  const { t } = ctx;
  const bind = fieldBinder(ctx, form);
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, form.errors)} />
      {notice ? (
        <NotificationBanner title={t('common.important')} variant="info">
          <p>{notice}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('accounts.login.title')}</h1>
      <PostForm action={ctx.href('/login')} csrfToken={ctx.csrfToken()}>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <TextInput {...bind('email')} type="email" label={t('accounts.fields.email')} autocomplete="username" spellcheck={false} />
        <PasswordInput ctx={ctx} form={form} id="password" label={t('accounts.fields.password')} autocomplete="current-password" />
        <Button>{t('accounts.login.submit')}</Button>
      </PostForm>
      <p>
        <a href={ctx.href('/forgot-password')}>{t('accounts.login.forgot')}</a>
      </p>
      <p>
        {t('accounts.login.noAccount')} <a href={ctx.href('/register')}>{t('common.nav.register')}</a>
      </p>
    </>
  );
}

export function ForgotPasswordPage({ ctx, form }: FormPageProps) {
  const { t } = ctx;
  const bind = fieldBinder(ctx, form);
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, form.errors)} />
      <h1>{t('accounts.forgot.title')}</h1>
      <p>{t('accounts.forgot.intro')}</p>
      <PostForm action={ctx.href('/forgot-password')} csrfToken={ctx.csrfToken()}>
        <TextInput {...bind('email')} type="email" label={t('accounts.fields.email')} autocomplete="email" spellcheck={false} />
        <Button>{t('accounts.forgot.submit')}</Button>
      </PostForm>
    </>
  );
}

export function ResetPasswordPage({ ctx, form, token }: FormPageProps & { token: string }) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, form.errors)} />
      <h1>{t('accounts.reset.title')}</h1>
      <PostForm action={ctx.href('/reset-password')} csrfToken={ctx.csrfToken()}>
        <input type="hidden" name="token" value={token} />
        <PasswordInput
          ctx={ctx}
          form={form}
          id="password"
          label={t('accounts.fields.newPassword')}
          hint={t('accounts.fields.passwordHint')}
          autocomplete="new-password"
        />
        <Button>{t('accounts.reset.submit')}</Button>
      </PostForm>
    </>
  );
}

export function ResetLinkDeadPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('accounts.reset.deadTitle')}</h1>
      <p>{t('accounts.reset.deadBody')}</p>
      <p>
        <a href={ctx.href('/forgot-password')}>{t('accounts.reset.askAgain')}</a>
      </p>
    </>
  );
}
