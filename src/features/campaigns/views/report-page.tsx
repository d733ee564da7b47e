import type { ViewContext } from '../../../platform/context.ts';
import { Table } from '../../../ui/index.ts';
import { MarkdownText } from '../../../ui/markdown-text.tsx';
import { campaignPath } from '../kind.ts';
import type { CampaignDetail } from '../service.ts';
import { amountText, budgetText, dayText } from './format.ts';

/**
 * `/{l}/campaigns/{slug}/report`: the campaign summed up on one printable page, as the seeds'
 * white paper did: objectives, messages, reach, results and recommendations.
 */
export function ReportPage({ ctx, detail }: { ctx: ViewContext; detail: CampaignDetail }) {
  const { t } = ctx;
  const { row } = detail;
  const when = row.ends_on ? t('campaigns.page.fromTo', { from: dayText(ctx.locale, row.starts_on), to: dayText(ctx.locale, row.ends_on) }) : t('campaigns.page.since', { from: dayText(ctx.locale, row.starts_on) });
  return (
    <article class="stack report">
      <p class="no-print">
        <a href={ctx.href(campaignPath(row.slug))}>{t('campaigns.report.back')}</a> · <a href={ctx.href(`${campaignPath(row.slug)}/report.pdf`)}>{t('campaigns.report.pdf')}</a>
      </p>
      <p class="no-print muted">{t('campaigns.report.printHint')}</p>
      <h1 dir="auto">{t('campaigns.report.title', { name: row.name })}</h1>
      <p class="lede">
        <strong>
          <bdi>{row.hashtag}</bdi>
        </strong>{' · '}
        {when}
      </p>
      {row.problem ? (
        <>
          <h2>{t('campaigns.page.problem')}</h2>
          <p dir="auto">{row.problem}</p>
        </>
      ) : null}
      {row.objectives ? (
        <>
          <h2>{t('campaigns.page.objectives')}</h2>
          <MarkdownText source={row.objectives} />
        </>
      ) : null}
      <h2>{t('campaigns.page.messages')}</h2>
      {detail.messages.length === 0 ? (
        <p>{t('campaigns.page.noMessages')}</p>
      ) : (
        <ul>
          {detail.messages.map((message) => (
            <li key={message.id}>
              {t(`myths.audiences.${message.audience}`)}:{' '}
              <span lang={message.language} dir="auto">
                {message.body}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('campaigns.report.reach')}</h2>
      <p>{t('campaigns.page.supporterCount', { count: row.supporter_count })}</p>
      {detail.indicators.length > 0 ? (
        <Table
          caption={t('campaigns.report.indicators')}
          head={[t('campaigns.fields.indicatorName'), t('campaigns.progress.baseline'), t('campaigns.progress.target'), t('campaigns.report.latest')]}
          rows={detail.indicators.map((indicator) => {
            const latest = indicator.values[indicator.values.length - 1];
            return [indicator.name, amountText(ctx.locale, Number(indicator.baseline)), amountText(ctx.locale, Number(indicator.target)), latest ? `${amountText(ctx.locale, Number(latest.value))} (${dayText(ctx.locale, latest.on)})` : t('campaigns.progress.none')];
          })}
          numericColumns={[1, 2]}
        />
      ) : null}
      <h2>{t('campaigns.page.budget')}</h2>
      <p>{row.budget === null ? t('campaigns.page.budgetUnknown') : budgetText(ctx.locale, row.budget, row.budget_currency)}</p>
      {row.success_factors ? (
        <>
          <h2>{t('campaigns.page.successFactors')}</h2>
          <MarkdownText source={row.success_factors} />
        </>
      ) : null}
      {row.results ? (
        <>
          <h2>{t('campaigns.page.results')}</h2>
          <MarkdownText source={row.results} />
        </>
      ) : null}
      {row.recommendations ? (
        <>
          <h2>{t('campaigns.page.recommendations')}</h2>
          <MarkdownText source={row.recommendations} />
        </>
      ) : null}
    </article>
  );
}
