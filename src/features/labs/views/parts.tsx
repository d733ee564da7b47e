import { countryName } from '../../../lib/countries.ts';
import { dateTimeFormat, displayNames, numberFormat } from '../../../lib/intl.ts';
import type { ViewContext } from '../../../platform/context.ts';
import type { PublishedLabIndicators } from '../indicators.ts';
import { Table } from '../../../ui/index.ts';
import { termLabel } from '../../taxonomies/index.ts';
import { OUTCOME_KINDS } from '../model.ts';
import type { LabRow, SessionRow } from '../queries.ts';

/** Pieces the labs' pages share: paths, a session's time, hidden counts, the lab's place. */

export const LABS_PATH = '/labs';
export const labPath = (slug: string, rest = ''): string => `${LABS_PATH}/${encodeURIComponent(slug)}${rest}`;

/** A session's start in the lab's own time zone, which the page names. */
export function sessionWhen(ctx: ViewContext, session: Pick<SessionRow, 'starts_at' | 'duration_minutes'>, timeZone: string): string {
  const start = dateTimeFormat(ctx.locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(session.starts_at);
  return ctx.t('labs.sessions.when', { start, minutes: session.duration_minutes, zone: timeZone });
}

export function languageName(ctx: ViewContext, code: string): string {
  return displayNames(ctx.locale, 'language').of(code) ?? code;
}

export function placeOf(ctx: ViewContext, lab: Pick<LabRow, 'city_name' | 'country'>): string {
  return [lab.city_name, countryName(lab.country, ctx.locale)].filter(Boolean).join(', ');
}

/** A published count, the word that says it is hidden to protect the people it counts, or a dash where nothing runs. */
export function Count({ ctx, value }: { ctx: ViewContext; value: number | null | undefined }) {
  if (value === undefined) return <abbr title={ctx.t('labs.indicators.notRun')}>–</abbr>;
  if (value === null) return <span class="muted">{ctx.t('labs.indicators.hidden')}</span>;
  return <>{numberFormat(ctx.locale).format(value)}</>;
}

/** A lab's published indicators: its row of the network's tables, so that no two pages can be played against each other. */
export function LabIndicatorTables({ ctx, indicators }: { ctx: ViewContext; indicators: PublishedLabIndicators }) {
  const { t } = ctx;
  return (
    <div class="stack">
      <Table
        caption={t('labs.indicators.enrolmentsByPillar')}
        head={[t('labs.indicators.pillar'), t('labs.indicators.enrolments')]}
        rowHeaders
        numericColumns={[1]}
        rows={[
          ...indicators.pillars.map((pillar, column) => [termLabel(pillar, ctx.locale), <Count ctx={ctx} value={indicators.enrolments[column]} />]),
          [t('labs.indicators.total'), <Count ctx={ctx} value={indicators.enrolmentTotal} />],
        ]}
      />
      <Table
        caption={t('labs.indicators.outcomesByKind')}
        head={[t('labs.indicators.outcome'), t('labs.indicators.recorded')]}
        rowHeaders
        numericColumns={[1]}
        rows={[
          ...OUTCOME_KINDS.map((kind, column) => [t(`labs.outcomes.${kind}`), <Count ctx={ctx} value={indicators.outcomes[column]} />]),
          [t('labs.indicators.total'), <Count ctx={ctx} value={indicators.outcomeTotal} />],
        ]}
      />
      <p class="muted">{t('labs.indicators.suppressionNote')}</p>
    </div>
  );
}
