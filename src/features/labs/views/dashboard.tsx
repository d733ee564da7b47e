import { numberFormat } from '../../../lib/intl.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { lineChartSvg } from '../../../ui/line-chart.ts';
import { Section } from '../../../ui/section.tsx';
import { Table } from '../../../ui/index.ts';
import { termLabel } from '../../taxonomies/index.ts';
import type { PillarDashboard } from '../indicators.ts';
import { OUTCOME_KINDS } from '../model.ts';
import type { LabRow } from '../queries.ts';
import { labPath } from './parts.tsx';

/** `/{l}/labs/{slug}/dashboard`: each pillar's enrolments, attendance, completion and outcomes over time. */
export function DashboardPage({ ctx, lab, pillars }: { ctx: ViewContext; lab: LabRow; pillars: readonly PillarDashboard[] }) {
  const { t } = ctx;
  const number = numberFormat(ctx.locale);
  const percent = numberFormat(ctx.locale, { style: 'percent' });
  const rate = (attended: number, recorded: number) => (recorded === 0 ? t('labs.dashboard.noAttendance') : percent.format(attended / recorded));
  const monthText = (month: string) => new Intl.DateTimeFormat(ctx.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  return (
    <div class="stack">
      <p>
        <a href={ctx.href(labPath(lab.slug, '/manage'))}>{t('labs.participants.backToLab', { lab: lab.name })}</a>
      </p>
      <h1>
        {t('labs.dashboard.title')} <span dir="auto">{lab.name}</span>
      </h1>
      <p>{t('labs.dashboard.intro')}</p>
      {pillars.map((figures, index) => {
        const label = termLabel(figures.pillar, ctx.locale);
        const chart = lineChartSvg({
          id: `pillar-${index}`,
          title: t('labs.dashboard.chartTitle', { pillar: label }),
          description: t('labs.dashboard.chartDescription', { count: figures.enrolled }),
          points: figures.months.map((month) => ({ on: `${month.month}-01`, value: month.cumulative })),
          formatNumber: (value) => number.format(value),
          formatDate: (on) => monthText(on.slice(0, 7)),
        });
        return (
          <Section key={figures.pillar.code} id={`pillar-${figures.pillar.code}`} title={label}>
            <Table
              caption={t('labs.dashboard.totals', { pillar: label })}
              head={[t('labs.dashboard.measure'), t('labs.dashboard.value')]}
              rowHeaders
              numericColumns={[1]}
              rows={[
                [t('labs.dashboard.enrolled'), number.format(figures.enrolled)],
                [t('labs.dashboard.attendanceRate'), rate(figures.attended, figures.recorded)],
                [t('labs.dashboard.completed'), number.format(figures.completed)],
                ...OUTCOME_KINDS.map((kind) => [t(`labs.outcomes.${kind}`), number.format(figures.outcomes[kind] ?? 0)]),
              ]}
            />
            {figures.months.length > 0 ? (
              <>
                <div
                  // Built on the server by lineChartSvg from counts, with every text in it escaped.
                  dangerouslySetInnerHTML={{ __html: chart }}
                />
                <Table
                  caption={t('labs.dashboard.byMonth', { pillar: label })}
                  head={[t('labs.dashboard.month'), t('labs.dashboard.enrolled'), t('labs.dashboard.cumulative'), t('labs.dashboard.attendanceRate'), t('labs.dashboard.completed')]}
                  rowHeaders
                  numericColumns={[1, 2, 3, 4]}
                  rows={figures.months.map((month) => [monthText(month.month), number.format(month.enrolled), number.format(month.cumulative), rate(month.attended, month.recorded), number.format(month.completed)])}
                />
              </>
            ) : (
              <p>{t('labs.dashboard.empty')}</p>
            )}
          </Section>
        );
      })}
    </div>
  );
}
