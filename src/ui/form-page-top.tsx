import type { ViewContext } from '../platform/context.ts';
import { summaryOf, type FieldErrors } from '../platform/forms.ts';
import { ErrorSummary } from './error-summary.tsx';
import { NotificationBanner } from './notification.tsx';

/**
 * The top of a page with an item's form: the error summary (first, so a screen reader hears it),
 * a notice when someone else saved the item since it was opened, and the page's heading.
 */
export function FormPageTop({ ctx, errors, title, conflict }: { ctx: ViewContext; errors: FieldErrors; title: string; conflict?: { title: string; body: string } }) {
  return (
    <>
      <ErrorSummary title={ctx.t('common.errorSummaryTitle')} errors={summaryOf(ctx, errors)} />
      {conflict ? (
        <NotificationBanner title={conflict.title} variant="info">
          <p>{conflict.body}</p>
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
    </>
  );
}
