import type { ViewContext } from '../../../platform/context.ts';
import { fieldBinder, summaryOf, type FormState } from '../../../platform/forms.ts';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { TextInput } from '../../../ui/fields.tsx';
import { NotificationBanner } from '../../../ui/notification.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import type { TwoFactorSetup, TwoFactorStatus } from '../two-factor-service.ts';
import { PasswordInput } from './password-input.tsx';

/** The code field of the set-up and sign-in forms: digits, filled in by the phone's keyboard. */
function CodeInput({ ctx, form, hint, label }: { ctx: ViewContext; form: FormState; hint: string; label: string }) {
  // A code is useless once used, and typing it again after an error is what the form asks.
  const bound = { ...fieldBinder(ctx, form)('code'), value: '' };
  return <TextInput {...bound} label={label} hint={hint} autocomplete="one-time-code" spellcheck={false} width={10} />;
}

/**
 * Set-up: the secret as text and as an `otpauth://` link (which works without JavaScript or a
 * camera), then a code from the app and the password to confirm.
 */
export function TwoFactorSetupPage({ ctx, setup, form, required }: { ctx: ViewContext; setup: TwoFactorSetup; form: FormState; required: boolean }) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, form.errors)} />
      {required ? (
        <NotificationBanner title={t('common.important')}>
          <p>{t('twoFactor.setup.required')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('twoFactor.setup.title')}</h1>
      <p>{t('twoFactor.setup.intro')}</p>
      <h2>{t('twoFactor.setup.step1')}</h2>
      <p>{t('twoFactor.setup.appHint')}</p>
      <h2>{t('twoFactor.setup.step2')}</h2>
      <p>{t('twoFactor.setup.keyIntro')}</p>
      <p class="secret-text" id="two-factor-secret">
        {setup.secret.replace(/(.{4})(?=.)/g, '$1 ')}
      </p>
      <p>
        {t('twoFactor.setup.linkIntro')} <a href={setup.uri}>{t('twoFactor.setup.link')}</a>
      </p>
      <h2>{t('twoFactor.setup.step3')}</h2>
      <PostForm action={ctx.href('/account/two-factor/enable')} csrfToken={ctx.csrfToken()}>
        <CodeInput ctx={ctx} form={form} label={t('twoFactor.fields.code')} hint={t('twoFactor.setup.codeHint')} />
        <PasswordInput
          ctx={ctx}
          form={form}
          id="currentPassword"
          label={t('accounts.fields.currentPassword')}
          hint={t('twoFactor.setup.passwordHint')}
          autocomplete="current-password"
        />
        <Button>{t('twoFactor.setup.submit')}</Button>
      </PostForm>
      {required ? null : (
        <p>
          <a href={ctx.href('/account')}>{t('twoFactor.backToAccount')}</a>
        </p>
      )}
    </>
  );
}

/** Shown once, straight after set-up: the recovery codes are not kept in a readable form. */
export function RecoveryCodesPage({ ctx, codes }: { ctx: ViewContext; codes: readonly string[] }) {
  const { t } = ctx;
  return (
    <>
      <NotificationBanner title={t('common.success')} variant="success">
        <p>{t('twoFactor.enabled.banner')}</p>
      </NotificationBanner>
      <h1>{t('twoFactor.enabled.title')}</h1>
      <p>{t('twoFactor.enabled.intro')}</p>
      <ol class="recovery-codes" aria-label={t('twoFactor.enabled.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <strong>{t('twoFactor.enabled.warning')}</strong>
      </p>
      <p>
        <a href={ctx.href('/account')}>{t('twoFactor.enabled.continue')}</a>
      </p>
    </>
  );
}

/** Two-factor sign-in is on: what is left of the recovery codes, and how to turn it off. */
export function TwoFactorStatusPage({ ctx, status, form }: { ctx: ViewContext; status: TwoFactorStatus; form: FormState }) {
  const { t } = ctx;
  const bind = fieldBinder(ctx, form);
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, form.errors)} />
      <h1>{t('twoFactor.status.title')}</h1>
      <p>{t('twoFactor.status.on')}</p>
      <p>{t('twoFactor.status.recoveryLeft', { count: status.recoveryCodesLeft })}</p>
      <h2>{t('twoFactor.disable.title')}</h2>
      {status.required ? (
        <p>{t('twoFactor.disable.required')}</p>
      ) : (
        <PostForm action={ctx.href('/account/two-factor/disable')} csrfToken={ctx.csrfToken()}>
          <TextInput
            {...bind('confirmation')}
            value=""
            type="password"
            label={t('twoFactor.fields.confirmation')}
            hint={t('twoFactor.disable.hint')}
            autocomplete="current-password"
            spellcheck={false}
          />
          <Button variant="warning">{t('twoFactor.disable.submit')}</Button>
        </PostForm>
      )}
      <p>
        <a href={ctx.href('/account')}>{t('twoFactor.backToAccount')}</a>
      </p>
    </>
  );
}

/** The second step of signing in. */
export function SignInCodePage({ ctx, form, next }: { ctx: ViewContext; form: FormState; next: string | null }) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, form.errors)} />
      <h1>{t('twoFactor.signIn.title')}</h1>
      <PostForm action={ctx.href('/login/code')} csrfToken={ctx.csrfToken()}>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <CodeInput ctx={ctx} form={form} label={t('twoFactor.fields.code')} hint={t('twoFactor.signIn.hint')} />
        <Button>{t('twoFactor.signIn.submit')}</Button>
      </PostForm>
      <p>
        <a href={ctx.href('/login')}>{t('twoFactor.signIn.startAgain')}</a>
      </p>
    </>
  );
}
