import { SMALL_CELL_THRESHOLD } from '../../lib/small-cells.ts';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../lib/languages.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { translator, type Locale } from '../../platform/i18n.ts';
import { practiceService, type PracticeInput } from '../practices/index.ts';
import type { Term } from '../taxonomies/index.ts';
import { OUTCOME_KINDS } from './model.ts';
import * as queries from './queries.ts';
import { labsService } from './service.ts';

/**
 * A programme written up as a practice: a draft for its coordinator to complete and submit, with
 * the evaluation prefilled from the programme's aggregate figures. A practice is published for
 * everyone, so counts are written in bands ("fewer than 5", "10 to 19") and the attendance rate
 * to the nearest 10%.
 */

const COUNT_BANDS: readonly (readonly [number, number])[] = [
  [5, 9],
  [10, 19],
  [20, 49],
  [50, 99],
];
const LAST_BAND_START = 100;

export async function programmeAsPractice(deps: AppDeps, actor: CurrentUser, slug: string, programmeId: number, locale: Locale): Promise<string> {
  const labs = labsService(deps);
  const { lab } = await labs.run(actor, slug);
  const programme = await labs.programme(lab, programmeId);
  const [pillars, { figures, outcomes }, city] = await Promise.all([labs.pillars(), queries.programmeFigures(deps.db, programme.id), lab.city_id === null ? undefined : queries.cityOf(deps.db, lab.city_id)]);
  const t = translator(locale);
  // A programme's figures are another cut of the counts the network publishes: given in bands,
  // they cannot be subtracted from the published tables to recover a hidden count.
  const count = (value: number) => {
    if (value < SMALL_CELL_THRESHOLD) return t('labs.practice.fewerThan', { count: SMALL_CELL_THRESHOLD });
    const band = COUNT_BANDS.find(([low, high]) => value >= low && value <= high);
    return band ? t('labs.practice.between', { low: band[0], high: band[1] }) : t('labs.practice.atLeast', { count: LAST_BAND_START });
  };
  const lines = [
    t('labs.practice.evaluationIntro', { lab: lab.name }),
    `- ${t('labs.practice.enrolled', { value: count(figures.enrolled) })}`,
    `- ${t('labs.practice.sessions', { value: String(figures.sessions) })}`,
    ...(figures.recorded >= SMALL_CELL_THRESHOLD && figures.enrolled >= SMALL_CELL_THRESHOLD
      ? [`- ${t('labs.practice.attendanceRate', { value: String(10 * Math.round((10 * figures.attended) / figures.recorded)) })}`]
      : []),
    ...OUTCOME_KINDS.map((kind) => `- ${t(`labs.outcomes.${kind}`)}: ${count(outcomes.filter((row) => row.kind === kind).reduce((sum, row) => sum + row.count, 0))}`),
  ];
  const pillar: Term | undefined = pillars.find((term) => term.id === programme.pillar_id);
  const language: ContentLanguage = CONTENT_LANGUAGES.find((candidate) => candidate === locale) ?? 'en';
  const input: PracticeInput = {
    title: programme.title,
    summary: programme.description,
    background: lab.description,
    activities: programme.modules.map((module) => `- ${module}`).join('\n'),
    participants: '',
    peopleReached: null,
    outcomes: '',
    evaluation: lines.join('\n'),
    evidenceLevel: 'self_assessment',
    recommendations: '',
    dimensions: [],
    pillars: pillar ? [pillar.code] : [],
    topics: [],
    targetGroups: [],
    gcmObjectives: [],
    sdgTargets: [],
    organisations: lab.organisation_name ? [{ name: lab.organisation_name, stakeholderType: null, role: 'implementing' }] : [],
    countries: [lab.country],
    city: city ? { name: city.name, country: city.country, latitude: city.latitude, longitude: city.longitude } : null,
    scale: 'local',
    startDate: programme.starts_on,
    endDate: programme.ends_on,
    ongoing: false,
    fundingSource: '',
    budgetAmount: null,
    budgetCurrency: null,
    links: [],
    contact: null,
    language,
    adaptedFromSlug: null,
    lastConfirmedAt: null,
  };
  return practiceService(deps).create(input, { authorId: actor.id, status: 'draft' });
}
