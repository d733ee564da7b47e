import type { ViewContext } from '../../../platform/context.ts';
import type { Review } from '../editorial-service.ts';
import type { PracticeDetail } from '../service.ts';
import { StatusTag } from './editorial-shared.tsx';
import { DecisionList } from './rubric-views.tsx';

/** The editors' decisions on one practice, as its author reads them, declined ones included. */
export function FeedbackPage({ ctx, detail, reviews, editable }: { ctx: ViewContext; detail: PracticeDetail; reviews: readonly Review[]; editable: boolean }) {
  const { t } = ctx;
  const { row } = detail;
  return (
    <>
      <p>
        <a href={ctx.href('/practices/mine')}>{t('practices.mine.backLink')}</a>
      </p>
      <h1>
        {t('practices.feedbackPage.title')} <span lang={row.language}>{row.title}</span>
      </h1>
      <p>
        {t('practices.form.statusLabel')} <StatusTag ctx={ctx} status={row.status} />
      </p>
      {reviews.length === 0 ? <p>{t('practices.feedbackPage.empty')}</p> : <DecisionList ctx={ctx} reviews={reviews} />}
      {editable ? (
        <p>
          <a href={ctx.href(`/practices/${row.slug}/edit`)}>{t('practices.feedbackPage.edit')}</a>
        </p>
      ) : null}
    </>
  );
}
