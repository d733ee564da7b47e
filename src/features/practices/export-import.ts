import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { EvidenceLevel, Scale } from '../../db/schema/practices.ts';
import type { TermLabels, Vocabulary } from '../../db/schema/taxonomies.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ValidationError } from '../../platform/errors.ts';
import { checkTextInput } from '../../platform/input.ts';
import { csvLine, parseCsv, unguardCell, CsvSyntaxError } from '../../open-data/csv.ts';
import { PRACTICE_KIND } from './kind.ts';
import type { ContentLanguage, PracticeInput } from './model.ts';
import { practiceService } from './service.ts';

/**
 * Published practices as open data (the API record, the JSON and CSV exports) and the editors'
 * CSV import, which reads the export's own columns back.
 */

interface TermRef {
  vocabulary: Vocabulary;
  code: string;
  labels: TermLabels;
}

/** A published practice as the API and the exports give it. Never a private contact. */
export interface PracticeRecord {
  slug: string;
  url: string;
  title: string;
  summary: string;
  background: string;
  activities: string;
  participants: string;
  people_reached: number | null;
  outcomes: string;
  evaluation: string;
  evidence_level: string;
  recommendations: string;
  dimensions: { code: string; labels: TermLabels }[];
  pillars: { code: string; labels: TermLabels }[];
  topics: { code: string; labels: TermLabels }[];
  target_groups: { code: string; labels: TermLabels }[];
  gcm_objectives: { code: string; labels: TermLabels }[];
  sdg_targets: { code: string; labels: TermLabels }[];
  implementing_organisations: { name: string; stakeholder_type: string | null }[];
  partners: { name: string; stakeholder_type: string | null }[];
  countries: string[];
  regions: string[];
  city: { name: string; country: string; latitude: number; longitude: number } | null;
  scale: string | null;
  start_date: string | null;
  end_date: string | null;
  ongoing: boolean;
  funding_source: string;
  budget: { amount: number; currency: string | null } | null;
  links: { url: string; label: string }[];
  contact: { name: string; email: string } | null;
  language: string;
  adapted_from: string | null;
  last_confirmed_at: string | null;
  published_at: string | null;
  updated_at: string;
  rating: { average: number | null; count: number };
}

const FIELD_OF_VOCABULARY: Record<Vocabulary, keyof PracticeRecord> = {
  dimension: 'dimensions',
  pillar: 'pillars',
  topic: 'topics',
  target_group: 'target_groups',
  gcm_objective: 'gcm_objectives',
  sdg_target: 'sdg_targets',
};

function isoDate(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  // Dates come back as local midnight; format them without shifting the day.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

async function allTerms(db: Db): Promise<Map<number, TermRef>> {
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'vocabulary', 'code', 'labels']).orderBy('vocabulary').orderBy('position').execute();
  return new Map(rows.map((row) => [row.id, row]));
}

function publishedRows(db: Db) {
  return db
    .selectFrom('practices as p')
    .leftJoin('cities as c', 'c.id', 'p.city_id')
    .leftJoin('practices as origin', 'origin.id', 'p.adapted_from_id')
    .leftJoin('rating_totals as r', (join) => join.onRef('r.subject_id', '=', 'p.id').on('r.kind', '=', PRACTICE_KIND))
    .select([
      'p.id', 'p.slug', 'p.title', 'p.summary', 'p.background', 'p.activities', 'p.participants', 'p.people_reached',
      'p.outcomes', 'p.evaluation', 'p.evidence_level', 'p.recommendations', 'p.term_ids', 'p.countries', 'p.regions',
      'p.scale', 'p.start_date', 'p.end_date', 'p.ongoing', 'p.funding_source', 'p.budget_amount', 'p.budget_currency',
      'p.contact_name', 'p.contact_email', 'p.contact_public', 'p.language', 'p.last_confirmed_at', 'p.published_at',
      'p.updated_at',
      sql<number>`coalesce(r.count, 0)`.as('rating_count'), sql<number>`coalesce(r.sum, 0)`.as('rating_sum'),
      'c.name as city_name', 'c.country as city_country', 'c.latitude as city_latitude', 'c.longitude as city_longitude',
      'origin.slug as adapted_from_slug', 'origin.status as adapted_from_status',
    ])
    .where('p.status', '=', 'published');
}
type PublishedRow = Awaited<ReturnType<ReturnType<typeof publishedRows>['execute']>>[number];

async function relationsOf(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return { organisations: new Map(), links: new Map() };
  const [organisations, links] = await Promise.all([
    db.selectFrom('practice_organisations').select(['practice_id', 'role', 'name', 'stakeholder_type'])
      .where('practice_id', 'in', ids).orderBy('practice_id').orderBy('position').execute(),
    db.selectFrom('practice_links').select(['practice_id', 'url', 'label'])
      .where('practice_id', 'in', ids).orderBy('practice_id').orderBy('position').execute(),
  ]);
  const group = <T extends { practice_id: number }>(rows: T[]) => {
    const grouped = new Map<number, T[]>();
    for (const row of rows) grouped.set(row.practice_id, [...(grouped.get(row.practice_id) ?? []), row]);
    return grouped;
  };
  return { organisations: group(organisations), links: group(links) };
}

function toRecord(
  row: PublishedRow,
  terms: Map<number, TermRef>,
  organisations: { role: string; name: string; stakeholder_type: string | null }[],
  links: { url: string; label: string }[],
  practiceUrl: (slug: string) => string,
): PracticeRecord {
  const record: PracticeRecord = {
    slug: row.slug,
    url: practiceUrl(row.slug),
    title: row.title,
    summary: row.summary,
    background: row.background,
    activities: row.activities,
    participants: row.participants,
    people_reached: row.people_reached,
    outcomes: row.outcomes,
    evaluation: row.evaluation,
    evidence_level: row.evidence_level,
    recommendations: row.recommendations,
    dimensions: [],
    pillars: [],
    topics: [],
    target_groups: [],
    gcm_objectives: [],
    sdg_targets: [],
    implementing_organisations: organisations.filter((o) => o.role === 'implementing').map(({ name, stakeholder_type }) => ({ name, stakeholder_type })),
    partners: organisations.filter((o) => o.role === 'partner').map(({ name, stakeholder_type }) => ({ name, stakeholder_type })),
    countries: row.countries,
    regions: row.regions,
    city:
      row.city_name !== null && row.city_country !== null && row.city_latitude !== null && row.city_longitude !== null
        ? { name: row.city_name, country: row.city_country, latitude: row.city_latitude, longitude: row.city_longitude }
        : null,
    scale: row.scale,
    start_date: isoDate(row.start_date),
    end_date: isoDate(row.end_date),
    ongoing: row.ongoing,
    funding_source: row.funding_source,
    budget: row.budget_amount === null ? null : { amount: Number(row.budget_amount), currency: row.budget_currency },
    links: links.map(({ url, label }) => ({ url, label })),
    // Personal data: only when the contact agreed to be shown.
    contact: row.contact_public && row.contact_name && row.contact_email ? { name: row.contact_name, email: row.contact_email } : null,
    language: row.language,
    adapted_from: row.adapted_from_status === 'published' ? row.adapted_from_slug : null,
    last_confirmed_at: isoDate(row.last_confirmed_at),
    published_at: row.published_at ? row.published_at.toISOString() : null,
    updated_at: row.updated_at.toISOString(),
    rating: { average: row.rating_count > 0 ? Math.round((row.rating_sum / row.rating_count) * 10) / 10 : null, count: row.rating_count },
  };
  for (const id of row.term_ids) {
    const term = terms.get(id);
    if (!term) continue;
    (record[FIELD_OF_VOCABULARY[term.vocabulary]] as { code: string; labels: TermLabels }[]).push({ code: term.code, labels: term.labels });
  }
  return record;
}

/** One published practice as a record, or undefined when there is none by that slug. */
export async function publishedRecord(db: Db, slug: string, practiceUrl: (slug: string) => string): Promise<PracticeRecord | undefined> {
  const row = await publishedRows(db).where('p.slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  const [terms, relations] = await Promise.all([allTerms(db), relationsOf(db, [row.id])]);
  return toRecord(row, terms, relations.organisations.get(row.id) ?? [], relations.links.get(row.id) ?? [], practiceUrl);
}

const EXPORT_BATCH = 500;

/**
 * Every published practice, oldest id first, read in batches by keyset: memory stays flat
 * however large the collection, and the response streams as it goes.
 */
export async function* publishedRecords(db: Db, practiceUrl: (slug: string) => string): AsyncGenerator<PracticeRecord> {
  const terms = await allTerms(db);
  let after = 0;
  for (;;) {
    const rows = await publishedRows(db).where('p.id', '>', after).orderBy('p.id').limit(EXPORT_BATCH).execute();
    if (rows.length === 0) return;
    const relations = await relationsOf(db, rows.map((row) => row.id));
    for (const row of rows) {
      yield toRecord(row, terms, relations.organisations.get(row.id) ?? [], relations.links.get(row.id) ?? [], practiceUrl);
    }
    after = (rows[rows.length - 1] as PublishedRow).id;
  }
}

/** `[` record `,` record … `]`, one record at a time. */
/** The CSV columns: the export writes them all, the import reads them back (slug to published_at excepted). */
export const CSV_COLUMNS = [
  'slug', 'title', 'summary', 'background', 'activities', 'participants', 'people_reached', 'outcomes', 'evaluation',
  'evidence_level', 'recommendations', 'dimensions', 'pillars', 'topics', 'target_groups', 'gcm_objectives', 'sdg_targets',
  'implementing_organisations', 'partners', 'countries', 'city', 'city_country', 'city_latitude', 'city_longitude', 'scale',
  'start_date', 'end_date', 'ongoing', 'funding_source', 'budget_amount', 'budget_currency', 'links', 'contact_name',
  'contact_email', 'contact_public', 'language', 'adapted_from', 'last_confirmed_at', 'published_at',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
/** Written by the export for reference, ignored by the import. */
const EXPORT_ONLY: ReadonlySet<CsvColumn> = new Set(['slug', 'published_at']);
export const IMPORT_COLUMNS = CSV_COLUMNS.filter((column) => !EXPORT_ONLY.has(column));
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['title'];

const LIST_SEPARATOR = ';';
/** Organisations and links: one per line in the cell, `name | type` and `url | label`. */
const ENTRY_SEPARATOR = '\n';
const PART_SEPARATOR = ' | ';

function codes(list: { code: string }[]): string {
  return list.map((item) => item.code).join(LIST_SEPARATOR);
}

function csvRecord(record: PracticeRecord): string {
  const values: Record<CsvColumn, string | number | boolean | null> = {
    slug: record.slug,
    title: record.title,
    summary: record.summary,
    background: record.background,
    activities: record.activities,
    participants: record.participants,
    people_reached: record.people_reached,
    outcomes: record.outcomes,
    evaluation: record.evaluation,
    evidence_level: record.evidence_level,
    recommendations: record.recommendations,
    dimensions: codes(record.dimensions),
    pillars: codes(record.pillars),
    topics: codes(record.topics),
    target_groups: codes(record.target_groups),
    gcm_objectives: codes(record.gcm_objectives),
    sdg_targets: codes(record.sdg_targets),
    implementing_organisations: record.implementing_organisations.map((o) => [o.name, o.stakeholder_type ?? ''].join(PART_SEPARATOR)).join(ENTRY_SEPARATOR),
    partners: record.partners.map((o) => [o.name, o.stakeholder_type ?? ''].join(PART_SEPARATOR)).join(ENTRY_SEPARATOR),
    countries: record.countries.join(LIST_SEPARATOR),
    city: record.city?.name ?? '',
    city_country: record.city?.country ?? '',
    city_latitude: record.city?.latitude ?? null,
    city_longitude: record.city?.longitude ?? null,
    scale: record.scale,
    start_date: record.start_date,
    end_date: record.end_date,
    ongoing: record.ongoing ? 'yes' : 'no',
    funding_source: record.funding_source,
    budget_amount: record.budget?.amount ?? null,
    budget_currency: record.budget?.currency ?? null,
    links: record.links.map((link) => [link.url, link.label].join(PART_SEPARATOR)).join(ENTRY_SEPARATOR),
    contact_name: record.contact?.name ?? '',
    contact_email: record.contact?.email ?? '',
    contact_public: record.contact ? 'yes' : 'no',
    language: record.language,
    adapted_from: record.adapted_from,
    last_confirmed_at: record.last_confirmed_at,
    published_at: record.published_at,
  };
  return csvLine(CSV_COLUMNS.map((column) => values[column]));
}

export async function* csvExport(records: AsyncIterable<PracticeRecord>): AsyncGenerator<string> {
  // A byte-order mark so that spreadsheets read the file as UTF-8.
  yield `\uFEFF${csvLine(CSV_COLUMNS)}`;
  for await (const record of records) yield csvRecord(record);
}

/** One problem of an import: the file line, the column (when it is about one) and a translation key. */
export interface ImportProblem {
  line: number;
  column: string | null;
  message: string;
  params?: Record<string, string>;
}

export const IMPORT_MAX_ROWS = 2_000;

/** Which CSV column each input field's errors belong to, for the report. */
const COLUMN_OF_FIELD: Record<string, string> = {
  targetGroups: 'target_groups',
  gcmObjectives: 'gcm_objectives',
  sdgTargets: 'sdg_targets',
  peopleReached: 'people_reached',
  evidenceLevel: 'evidence_level',
  organisations: 'implementing_organisations',
  cityName: 'city',
  cityLatitude: 'city_latitude',
  cityLongitude: 'city_longitude',
  startDate: 'start_date',
  endDate: 'end_date',
  fundingSource: 'funding_source',
  budgetAmount: 'budget_amount',
  budgetCurrency: 'budget_currency',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
  adaptedFrom: 'adapted_from',
  lastConfirmedAt: 'last_confirmed_at',
};

function list(text: string): string[] {
  return text.split(LIST_SEPARATOR).map((item) => item.trim()).filter(Boolean);
}

function entries(text: string): [string, string][] {
  return text
    .split(/\r?\n/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.lastIndexOf('|');
      return at < 0 ? [entry, ''] : [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
    });
}

/** A CSV row as a practice input, or the problems that stop it being one. */
function rowToInput(get: (column: CsvColumn) => string, line: number): { input: PracticeInput; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const number = (column: CsvColumn): number | null => {
    const text = get(column).trim();
    if (text === '') return null;
    const value = Number(text);
    if (!Number.isFinite(value)) {
      problems.push({ line, column, message: 'practiceSearch.import.errors.numberInvalid' });
      return null;
    }
    return value;
  };
  const yesNo = (column: CsvColumn): boolean => {
    const text = get(column).trim().toLowerCase();
    if (['yes', 'true', '1', 'oui', 'sí', 'si'].includes(text)) return true;
    if (['', 'no', 'false', '0', 'non'].includes(text)) return false;
    problems.push({ line, column, message: 'practiceSearch.import.errors.booleanInvalid' });
    return false;
  };
  const optional = (column: CsvColumn): string | null => get(column).trim() || null;
  const cityName = get('city').trim();
  const latitude = number('city_latitude');
  const longitude = number('city_longitude');
  const contactName = get('contact_name').trim();
  const contactEmail = get('contact_email').trim();
  const input: PracticeInput = {
    title: get('title'),
    summary: get('summary'),
    background: get('background'),
    activities: get('activities'),
    participants: get('participants'),
    peopleReached: number('people_reached'),
    outcomes: get('outcomes'),
    evaluation: get('evaluation'),
    evidenceLevel: (get('evidence_level').trim() || 'none') as EvidenceLevel,
    recommendations: get('recommendations'),
    dimensions: list(get('dimensions')),
    pillars: list(get('pillars')),
    topics: list(get('topics')),
    targetGroups: list(get('target_groups')),
    gcmObjectives: list(get('gcm_objectives')),
    sdgTargets: list(get('sdg_targets')),
    organisations: [
      ...entries(get('implementing_organisations')).map(([name, type]) => ({ name, stakeholderType: type || null, role: 'implementing' as const })),
      ...entries(get('partners')).map(([name, type]) => ({ name, stakeholderType: type || null, role: 'partner' as const })),
    ],
    countries: list(get('countries')).map((code) => code.toUpperCase()),
    city:
      cityName || latitude !== null || longitude !== null
        ? { name: cityName, country: get('city_country').trim().toUpperCase(), latitude: latitude ?? Number.NaN, longitude: longitude ?? Number.NaN }
        : null,
    scale: optional('scale') as Scale | null,
    startDate: optional('start_date'),
    endDate: optional('end_date'),
    ongoing: yesNo('ongoing'),
    fundingSource: get('funding_source'),
    budgetAmount: number('budget_amount'),
    budgetCurrency: optional('budget_currency')?.toUpperCase() ?? null,
    links: entries(get('links')).map(([url, label]) => ({ url, label })),
    contact: contactName || contactEmail ? { name: contactName, email: contactEmail, public: yesNo('contact_public') } : null,
    language: (get('language').trim() || 'en') as ContentLanguage,
    adaptedFromSlug: optional('adapted_from'),
    lastConfirmedAt: optional('last_confirmed_at'),
  };
  return { input, problems };
}

export type ImportOutcome = { imported: number; problems: [] } | { imported: 0; problems: ImportProblem[] };

class ImportRejected extends Error {}

/**
 * Imports a CSV file of practices as published records by `authorId`, all or nothing: every row
 * is validated by the same rules and service as the form, inside one transaction, and a single
 * problem anywhere rolls everything back.
 */
export async function importPractices(deps: AppDeps, text: string, authorId: number): Promise<ImportOutcome> {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { imported: 0, problems: [{ line: error.line, column: null, message: 'practiceSearch.import.errors.badQuotes' }] };
    throw error;
  }
  const [header, ...body] = rows;
  if (!header || body.length === 0) return { imported: 0, problems: [{ line: 1, column: null, message: 'practiceSearch.import.errors.empty' }] };
  if (body.length > IMPORT_MAX_ROWS) return { imported: 0, problems: [{ line: 1, column: null, message: 'practiceSearch.import.errors.tooManyRows' }] };
  const names = header.cells.map((name) => name.trim().toLowerCase());
  const problems: ImportProblem[] = [];
  for (const name of names) {
    if (name && !(CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push({ line: 1, column: name, message: 'practiceSearch.import.errors.unknownColumn', params: { column: name } });
    }
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!names.includes(column)) problems.push({ line: 1, column, message: 'practiceSearch.import.errors.missingColumn', params: { column } });
  }
  if (problems.length > 0) return { imported: 0, problems };

  const service = practiceService(deps);
  try {
    await deps.db.transaction().execute(async (trx) => {
      for (const row of body) {
        const get = (column: CsvColumn) => {
          const index = names.indexOf(column);
          return index < 0 ? '' : unguardCell(row.cells[index] ?? '');
        };
        // The file as a whole is UTF-8 without NUL; a cell still gets the rules of any text input.
        const textProblems: ImportProblem[] = IMPORT_COLUMNS.filter((column) => checkTextInput(get(column)) !== undefined).map((column) => ({
          line: row.line,
          column,
          message: 'practiceSearch.import.errors.textInvalid',
        }));
        problems.push(...textProblems);
        if (textProblems.length > 0) continue;
        const { input, problems: parseProblems } = rowToInput(get, row.line);
        problems.push(...parseProblems);
        if (parseProblems.length > 0) continue;
        try {
          await service.create(input, { authorId, status: 'published', executor: trx });
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          for (const [field, message] of Object.entries(error.errors)) {
            problems.push({ line: row.line, column: COLUMN_OF_FIELD[field] ?? field, message });
          }
        }
      }
      // Nothing is kept unless every row passed.
      if (problems.length > 0) throw new ImportRejected();
    });
  } catch (error) {
    if (error instanceof ImportRejected) return { imported: 0, problems };
    throw error;
  }
  return { imported: body.length, problems: [] };
}
