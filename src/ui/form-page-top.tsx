import type { ViewContext } from '../platform/context.ts';
import { summaryOf, type FieldErrors } from '../platform/forms.ts';
import { ErrorSummary } from './error-summary.tsx';
import { NotificationBanner } from './notification.tsx';

/**
 * The top of a page with an item's form: the error summary (first, so a screen reader hears it),
 * a notice when someone else saved the item since it was opened, and the page's heading. Texts
 * come from the area's `form` messages: `newTitle`, `editTitle`, `conflictTitle`, `conflictBody`.
 */
export function FormPageTop({ ctx, errors, area, editing, conflict }: { ctx: ViewContext; errors: FieldErrors; area: string; editing: boolean; conflict?: boolean }) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      {conflict ? (
        <NotificationBanner title={t(`${area}.form.conflictTitle`)} variant="info">
          <p>{t(`${area}.form.conflictBody`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t(`${area}.form.${editing ? 'editTitle' : 'newTitle'}`)}</h1>
    </>
  );
}
