import { countryName, countryOptions } from '../../../lib/countries.ts';
import type { ViewContext } from '../../../platform/context.ts';
import { paginationLabels } from '../../../platform/pagination.ts';
import { Button, Card, Pagination, Select, Table } from '../../../ui/index.ts';
import { termLabel } from '../../taxonomies/index.ts';
import type { NetworkIndicators } from '../indicators.ts';
import { OUTCOME_KINDS } from '../model.ts';
import type { LabRow } from '../queries.ts';
import { Count, labPath, LABS_PATH, placeOf } from './parts.tsx';

/** One lab as a card: name, place, status, host, trained facilitators. */
export function LabCard({ ctx, lab, headingLevel = 2 }: { ctx: ViewContext; lab: LabRow; headingLevel?: 2 | 3 }) {
  const { t } = ctx;
  return (
    <Card headingLevel={headingLevel} title={<span dir="auto">{lab.name}</span>} href={ctx.href(labPath(lab.slug))} meta={[placeOf(ctx, lab), t(`labs.statuses.${lab.status}`)].join(' · ')}>
      {lab.organisation_name ? <p dir="auto">{t('labs.page.hostedBy', { organisation: lab.organisation_name })}</p> : null}
      <p class="muted">{t('labs.page.trainedFacilitators', { count: lab.trained_facilitators })}</p>
    </Card>
  );
}

/** The network's table: labs grouped by country, with each country's subtotal and the totals. */
function NetworkTable({ ctx, caption, head, indicators, table }: { ctx: ViewContext; caption: string; head: string[]; indicators: NetworkIndicators; table: NetworkIndicators['enrolments'] }) {
  const { t } = ctx;
  const rows: (string | preact.JSX.Element)[][] = [];
  let labRow = 0;
  indicators.countries.forEach((country, group) => {
    for (const lab of country.labs) {
      rows.push([lab.name, ...(table.cells[labRow] ?? []).map((value) => <Count ctx={ctx} value={value} />), <Count ctx={ctx} value={table.rowTotals[labRow]} />]);
      labRow += 1;
    }
    rows.push([t('labs.indicators.countryTotal', { country: countryName(country.country, ctx.locale) }), ...(table.groupCells[group] ?? []).map((value) => <Count ctx={ctx} value={value} />), <Count ctx={ctx} value={table.groupTotals[group]} />]);
  });
  rows.push([t('labs.indicators.networkTotal'), ...table.columnTotals.map((value) => <Count ctx={ctx} value={value} />), <Count ctx={ctx} value={table.total} />]);
  return <Table caption={caption} head={[t('labs.indicators.lab'), ...head, t('labs.indicators.total')]} rowHeaders numericColumns={head.map((_, index) => index + 1).concat(head.length + 1)} rows={rows} />;
}

export interface LabListPageProps {
  ctx: ViewContext;
  labs: readonly LabRow[];
  total: number;
  page: number;
  pageCount: number;
  country?: string;
  mayOpen: boolean;
  indicators: NetworkIndicators;
}

/** `/{l}/labs`: the labs of the network, their indicators, and a way to open one. */
export function LabListPage({ ctx, labs, total, page, pageCount, country, mayOpen, indicators }: LabListPageProps) {
  const { t } = ctx;
  const hrefFor = (next: number) => {
    const params = new URLSearchParams();
    if (country) params.set('country', country);
    if (next > 1) params.set('page', String(next));
    const text = params.toString();
    return ctx.href(`${LABS_PATH}${text ? `?${text}` : ''}`);
  };
  return (
    <div class="stack">
      <h1>{t('labs.list.title')}</h1>
      <p class="lede">{t('labs.list.intro')}</p>
      <p>
        <a href={ctx.href('/map?layer=labs')}>{t('labs.list.map')}</a>
        {mayOpen ? (
          <>
            {' · '}
            <a href={ctx.href(`${LABS_PATH}/new`)}>{t('labs.list.open')}</a>
          </>
        ) : null}
      </p>
      <form method="get" action={ctx.href(LABS_PATH)} class="inline-form" aria-label={t('labs.list.filters')}>
        <Select id="country" label={t('labs.list.country')} emptyOption={t('labs.list.allCountries')} options={countryOptions(ctx.locale)} value={country ?? ''} />
        <Button variant="secondary">{t('labs.list.apply')}</Button>
      </form>
      <h2>{t('labs.list.count', { count: total })}</h2>
      {labs.length === 0 ? (
        <p>{t('labs.list.empty')}</p>
      ) : (
        <ol class="result-list">
          {labs.map((lab) => (
            <li key={lab.slug}>
              <LabCard ctx={ctx} lab={lab} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} labels={paginationLabels(t)} />
      <section class="stack" aria-labelledby="network-indicators">
        <h2 id="network-indicators">{t('labs.indicators.networkTitle')}</h2>
        <p>{t('labs.indicators.networkIntro')}</p>
        {indicators.countries.length === 0 ? (
          <p>{t('labs.indicators.none')}</p>
        ) : (
          <>
            <NetworkTable ctx={ctx} caption={t('labs.indicators.enrolmentsByPillar')} head={indicators.pillars.map((pillar) => termLabel(pillar, ctx.locale))} indicators={indicators} table={indicators.enrolments} />
            <NetworkTable ctx={ctx} caption={t('labs.indicators.outcomesByKind')} head={OUTCOME_KINDS.map((kind) => t(`labs.outcomes.${kind}`))} indicators={indicators} table={indicators.outcomes} />
            <p class="muted">{t('labs.indicators.suppressionNote')}</p>
          </>
        )}
      </section>
    </div>
  );
}
