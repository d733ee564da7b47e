import type { ViewContext } from '../../../platform/context.ts';
import { summaryOf, type FormState } from '../../../platform/forms.ts';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { PostForm } from '../../../ui/post-form.tsx';
import { PasswordInput } from './password-input.tsx';

const REMOVED = ['removedPersonal', 'removedAccess', 'removedProfile'] as const;
const KEPT = ['keptContent', 'keptEmail'] as const;

/** Says plainly what deletion removes and what it keeps, then asks for the password. */
export function DeleteAccountPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, form.errors)} />
      <h1>{t('accountPage.delete.title')}</h1>
      <h2>{t('accountPage.delete.removedTitle')}</h2>
      <ul>
        {REMOVED.map((key) => (
          <li key={key}>{t(`accountPage.delete.${key}`)}</li>
        ))}
      </ul>
      <h2>{t('accountPage.delete.keptTitle')}</h2>
      <ul>
        {KEPT.map((key) => (
          <li key={key}>{t(`accountPage.delete.${key}`)}</li>
        ))}
      </ul>
      <p>
        <strong>{t('accountPage.delete.warning')}</strong>
      </p>
      <PostForm action={ctx.href('/account/delete')} csrfToken={ctx.csrfToken()}>
        <PasswordInput
          ctx={ctx}
          form={form}
          id="currentPassword"
          label={t('accounts.fields.currentPassword')}
          hint={t('accountPage.delete.passwordHint')}
          autocomplete="current-password"
        />
        <Button variant="warning">{t('accountPage.delete.submit')}</Button>
      </PostForm>
      <p>
        <a href={ctx.href('/account')}>{t('accountPage.delete.cancel')}</a>
      </p>
    </>
  );
}
