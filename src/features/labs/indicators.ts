import type { Db } from '../../db/client.ts';
import { publishCrossTable, type PublishedCount, type PublishedCrossTable } from '../../lib/small-cells.ts';
import type { Term } from '../taxonomies/index.ts';
import { OUTCOME_KINDS } from './model.ts';
import * as queries from './queries.ts';

/**
 * What labs achieve, as counts. Published figures (a lab's page, the network's table) pass through
 * small-cell suppression with complementary suppression (lib/small-cells.ts), so no count below 5
 * is shown and none can be worked out from the others. A lab's dashboard is for its coordinators,
 * who see the records themselves, and shows exact counts.
 */

export interface NetworkIndicators {
  countries: { country: string; labs: { id: number; slug: string; name: string }[] }[];
  pillars: Term[];
  /** Rows are labs, in the order of `countries`, grouped by country. */
  enrolments: PublishedCrossTable;
  outcomes: PublishedCrossTable;
}

export interface PublishedLabIndicators {
  /** The pillars the lab runs, and its published enrolments in each. */
  pillars: Term[];
  enrolments: PublishedCount[];
  enrolmentTotal: PublishedCount;
  /** By outcome kind, in the order of OUTCOME_KINDS. */
  outcomes: PublishedCount[];
  outcomeTotal: PublishedCount;
}

/**
 * A lab's published indicators are its row of the network's tables, suppressed together with every
 * other lab: a lab page and the network page never give two views that could be subtracted.
 */
export function labRow(network: NetworkIndicators, labId: number): PublishedLabIndicators {
  const row = network.countries.flatMap((country) => country.labs).findIndex((lab) => lab.id === labId);
  const ran = network.pillars.map((_, column) => network.enrolments.cells[row]?.[column] !== undefined);
  return {
    pillars: network.pillars.filter((_, column) => ran[column]),
    enrolments: (network.enrolments.cells[row] ?? []).filter((_, column) => ran[column]),
    enrolmentTotal: network.enrolments.rowTotals[row],
    outcomes: network.outcomes.cells[row] ?? [],
    outcomeTotal: network.outcomes.rowTotals[row],
  };
}

/** The network's indicators: labs within countries, by pillar and by outcome, suppressed together. */
export async function networkIndicators(db: Db, labs: readonly queries.LabRow[], pillars: readonly Term[]): Promise<NetworkIndicators> {
  const [enrolments, outcomes] = await Promise.all([queries.enrolmentCounts(db), queries.outcomeCounts(db)]);
  const ordered = [...labs].sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name));
  const countries: NetworkIndicators['countries'] = [];
  const groups: number[][] = [];
  ordered.forEach((lab, row) => {
    const last = countries[countries.length - 1];
    if (last && last.country === lab.country) {
      last.labs.push({ id: lab.id, slug: lab.slug, name: lab.name });
      groups[groups.length - 1]?.push(row);
    } else {
      countries.push({ country: lab.country, labs: [{ id: lab.id, slug: lab.slug, name: lab.name }] });
      groups.push([row]);
    }
  });
  const enrolled = (labId: number, pillarId: number) => enrolments.filter((row) => row.lab_id === labId && row.pillar_id === pillarId).reduce((sum, row) => sum + row.count, 0);
  const achieved = (labId: number, kind: string) => outcomes.filter((row) => row.lab_id === labId && row.kind === kind).reduce((sum, row) => sum + row.count, 0);
  return {
    countries,
    pillars: [...pillars],
    // A pillar a lab does not run is known to be zero from its page: not a count to protect, nor a partner.
    enrolments: publishCrossTable({ cells: ordered.map((lab) => pillars.map((pillar) => enrolled(lab.id, pillar.id))), groups, structuralZeros: ordered.map((lab) => pillars.map((pillar) => !lab.pillar_ids.includes(pillar.id))) }),
    outcomes: publishCrossTable({ cells: ordered.map((lab) => OUTCOME_KINDS.map((kind) => achieved(lab.id, kind))), groups }),
  };
}

export interface PillarDashboard {
  pillar: Term;
  enrolled: number;
  attended: number;
  recorded: number;
  completed: number;
  outcomes: Record<string, number>;
  /** Month by month (YYYY-MM), with the running total of enrolments. */
  months: { month: string; enrolled: number; cumulative: number; attended: number; recorded: number; completed: number }[];
}

/** A lab's dashboard, pillar by pillar, for its coordinators. */
export async function labDashboard(db: Db, labId: number, pillars: readonly Term[]): Promise<PillarDashboard[]> {
  const [monthly, outcomes] = await Promise.all([queries.monthlyPillarFigures(db, labId), queries.outcomesByPillar(db, labId)]);
  return pillars.map((pillar) => {
    const rows = monthly.filter((row) => row.pillar_id === pillar.id);
    let cumulative = 0;
    const months = rows.map((row) => {
      cumulative += row.enrolled;
      return { month: row.month, enrolled: row.enrolled, cumulative, attended: row.attended, recorded: row.recorded, completed: row.completed };
    });
    const sum = (key: 'enrolled' | 'attended' | 'recorded' | 'completed') => rows.reduce((total, row) => total + row[key], 0);
    return {
      pillar,
      enrolled: sum('enrolled'),
      attended: sum('attended'),
      recorded: sum('recorded'),
      completed: sum('completed'),
      outcomes: Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, outcomes.filter((row) => row.pillar_id === pillar.id && row.kind === kind).reduce((total, row) => total + row.count, 0)])),
      months,
    };
  });
}
