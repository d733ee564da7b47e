import { pdfWriter, plainText } from '../../open-data/index.ts';
import { translator, type Locale } from '../../platform/i18n.ts';
import type { CampaignDetail } from './service.ts';
import { amountText, budgetText, dayText } from './views/format.ts';

/** The campaign's report as a PDF, in the reader's language (the shared PDF writer). */

export async function campaignReportPdf(detail: CampaignDetail, locale: Locale, pageUrl: string): Promise<Buffer> {
  const t = translator(locale);
  const { row } = detail;
  const { paragraph, heading, finish } = pdfWriter({ title: t('campaigns.report.title', { name: row.name }), subject: row.hashtag, locale });
  const when = row.ends_on ? t('campaigns.page.fromTo', { from: dayText(locale, row.starts_on), to: dayText(locale, row.ends_on) }) : t('campaigns.page.since', { from: dayText(locale, row.starts_on) });

  paragraph(t('campaigns.report.title', { name: row.name }), { bold: true, size: 20 });
  paragraph(`${row.hashtag} · ${when}`);
  paragraph(pageUrl, { size: 9 });
  if (row.problem) {
    heading(t('campaigns.page.problem'));
    paragraph(row.problem);
  }
  if (row.objectives) {
    heading(t('campaigns.page.objectives'));
    paragraph(plainText(row.objectives));
  }
  heading(t('campaigns.page.messages'));
  for (const message of detail.messages) paragraph(`${t(`myths.audiences.${message.audience}`)}: ${message.body}`);
  heading(t('campaigns.report.reach'));
  paragraph(t('campaigns.page.supporterCount', { count: row.supporter_count }));
  for (const indicator of detail.indicators) {
    const latest = indicator.values[indicator.values.length - 1];
    paragraph(t('campaigns.report.indicatorLine', {
      name: indicator.name,
      baseline: amountText(locale, Number(indicator.baseline)),
      target: amountText(locale, Number(indicator.target)),
      latest: latest ? `${amountText(locale, Number(latest.value))} (${dayText(locale, latest.on)})` : t('campaigns.progress.none'),
    }));
  }
  heading(t('campaigns.page.budget'));
  paragraph(row.budget === null ? t('campaigns.page.budgetUnknown') : budgetText(locale, row.budget, row.budget_currency));
  if (row.success_factors) {
    heading(t('campaigns.page.successFactors'));
    paragraph(plainText(row.success_factors));
  }
  if (row.results) {
    heading(t('campaigns.page.results'));
    paragraph(plainText(row.results));
  }
  if (row.recommendations) {
    heading(t('campaigns.page.recommendations'));
    paragraph(plainText(row.recommendations));
  }
  return finish();
}
