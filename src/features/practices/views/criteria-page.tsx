import type { ViewContext } from '../../../platform/context.ts';
import { CriteriaList, PublicationRule, ScoreScale } from './rubric-views.tsx';

/** What gets published: the same criteria, scale and rule the editors' rubric is built from. */
export function CriteriaPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('practices.criteria.title')}</h1>
      <p class="lede">{t('practices.criteria.intro')}</p>
      <h2>{t('practices.criteria.listTitle')}</h2>
      <CriteriaList ctx={ctx} />
      <h2>{t('practices.criteria.scaleTitle')}</h2>
      <p>{t('practices.criteria.scaleIntro')}</p>
      <ScoreScale ctx={ctx} />
      <PublicationRule ctx={ctx} />
      <h2>{t('practices.criteria.processTitle')}</h2>
      <p>{t('practices.criteria.process')}</p>
      {ctx.user ? (
        <p>
          <a class="button" href={ctx.href('/practices/new')}>
            {t('practices.criteria.submitLink')}
          </a>
        </p>
      ) : null}
    </>
  );
}
