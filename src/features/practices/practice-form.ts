import { detectLanguage } from '../../lib/language-detection.ts';
import type { EvidenceLevel, Scale } from '../../db/schema/practices.ts';
import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import type { Term } from '../taxonomies/index.ts';
import { CONTENT_LANGUAGES, type ContentLanguage, type OrganisationInput, type PracticeInput } from './model.ts';
import { unknownTermErrors } from './record.ts';
import { isoDay } from './running.ts';
import { MAX_LINKS, MAX_ORGANISATIONS, practiceErrors } from './validation.ts';

/**
 * The practice form as people fill it in: every value as the text they typed, so a refused form
 * comes back exactly as it was sent, and the one function that turns it into a PracticeInput.
 *
 * Repeated rows use numbered names (`organisation1Name`, `link2Url`) so that each control's
 * name is also its id and error anchor, and rows cannot shift when one is left empty.
 */

/** Rows the form always offers; a practice with more keeps all of its own plus one empty row. */
export const ORGANISATION_ROWS = 5;
export const LINK_ROWS = 3;

export interface OrganisationRow {
  name: string;
  type: string;
  role: string;
}

export interface LinkRow {
  url: string;
  label: string;
}

export interface PracticeFormFields {
  title: string;
  summary: string;
  language: string;
  background: string;
  activities: string;
  participants: string;
  peopleReached: string;
  targetGroups: string[];
  outcomes: string;
  evaluation: string;
  evidenceLevel: string;
  recommendations: string;
  dimensions: string[];
  pillars: string[];
  topics: string[];
  gcmObjectives: string[];
  sdgTargets: string[];
  countries: string[];
  cityName: string;
  cityCountry: string;
  cityLatitude: string;
  cityLongitude: string;
  scale: string;
  startDate: string;
  endDate: string;
  ongoing: boolean;
  organisations: OrganisationRow[];
  fundingSource: string;
  budgetAmount: string;
  budgetCurrency: string;
  links: LinkRow[];
  contactName: string;
  contactEmail: string;
  contactPublic: boolean;
  adaptedFrom: string;
  lastConfirmedAt: string;
}

const TEXT_FIELDS = [
  'title',
  'summary',
  'language',
  'background',
  'activities',
  'participants',
  'peopleReached',
  'outcomes',
  'evaluation',
  'evidenceLevel',
  'recommendations',
  'cityName',
  'cityCountry',
  'cityLatitude',
  'cityLongitude',
  'scale',
  'startDate',
  'endDate',
  'fundingSource',
  'budgetAmount',
  'budgetCurrency',
  'contactName',
  'contactEmail',
  'adaptedFrom',
  'lastConfirmedAt',
] as const satisfies readonly (keyof PracticeFormFields)[];

const LIST_FIELDS = ['targetGroups', 'dimensions', 'pillars', 'topics', 'gcmObjectives', 'sdgTargets', 'countries'] as const satisfies readonly (keyof PracticeFormFields)[];

/** Every field name the form may send, for the JSON schema at the edge. */
export const PRACTICE_FORM_TEXT_FIELDS: readonly string[] = [
  ...TEXT_FIELDS,
  'ongoing',
  'contactPublic',
  ...Array.from({ length: MAX_ORGANISATIONS }, (_, i) => [`organisation${i + 1}Name`, `organisation${i + 1}Type`, `organisation${i + 1}Role`]).flat(),
  ...Array.from({ length: MAX_LINKS }, (_, i) => [`link${i + 1}Url`, `link${i + 1}Label`]).flat(),
];
export const PRACTICE_FORM_LIST_FIELDS: readonly string[] = LIST_FIELDS;

export const organisationFieldId = (row: number, part: 'Name' | 'Type' | 'Role'): string => `organisation${row}${part}`;
export const linkFieldId = (row: number, part: 'Url' | 'Label'): string => `link${row}${part}`;

type Body = Readonly<Record<string, unknown>>;

function asBody(body: unknown): Body {
  return typeof body === 'object' && body !== null ? (body as Body) : {};
}

/** The first value sent under `name` (a tampered form may repeat a single field). */
function textOf(body: Body, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Every value sent under `name`: a checkbox group sends one per ticked box. */
function listOf(body: Body, name: string): string[] {
  const value = body[name];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === 'string' && item !== '');
}

function organisationRows(body: Body): OrganisationRow[] {
  return Array.from({ length: MAX_ORGANISATIONS }, (_, i) => ({
    name: textOf(body, organisationFieldId(i + 1, 'Name')),
    type: textOf(body, organisationFieldId(i + 1, 'Type')),
    role: textOf(body, organisationFieldId(i + 1, 'Role')),
  }));
}

function linkRows(body: Body): LinkRow[] {
  return Array.from({ length: MAX_LINKS }, (_, i) => ({
    url: textOf(body, linkFieldId(i + 1, 'Url')),
    label: textOf(body, linkFieldId(i + 1, 'Label')),
  }));
}

/** Reads the submitted form as text, as it must be shown again; empty rows are dropped. */
export function readPracticeForm(rawBody: unknown): PracticeFormFields {
  const body = asBody(rawBody);
  const text = Object.fromEntries(TEXT_FIELDS.map((name) => [name, textOf(body, name)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  const lists = Object.fromEntries(LIST_FIELDS.map((name) => [name, listOf(body, name)])) as Record<(typeof LIST_FIELDS)[number], string[]>;
  return {
    ...text,
    ...lists,
    ongoing: textOf(body, 'ongoing') !== '',
    contactPublic: textOf(body, 'contactPublic') !== '',
    // The role select always sends a value, so a row only counts when a name or type was given.
    organisations: organisationRows(body).filter((row) => row.name.trim() !== '' || row.type !== ''),
    links: linkRows(body).filter((row) => row.url.trim() !== '' || row.label.trim() !== ''),
  };
}

const emptyToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/**
 * A whole number as people write it: "1200", "1 200" or "1,200". Anything else is NaN, which
 * validation reports in the person's language.
 */
export function parseWholeNumber(value: string): number | null {
  const compact = value.replace(/[\s\u00a0\u202f_]/g, '');
  if (compact === '') return null;
  const digits = /^\d{1,3}(,\d{3})+$/.test(compact) ? compact.replace(/,/g, '') : compact;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/**
 * An amount with an optional decimal part: "15000", "15,000.50", "15 000,50" (a comma followed
 * by one or two digits is a decimal comma, as written in French or Spanish).
 */
export function parseAmount(value: string): number | null {
  const compact = value.replace(/[\s\u00a0\u202f_]/g, '');
  if (compact === '') return null;
  let normalised = compact;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) normalised = compact.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(compact)) normalised = compact.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d{1,2}$/.test(compact)) normalised = compact.replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** A latitude or longitude; empty is NaN because a city needs both. */
function parseCoordinate(value: string): number {
  const normalised = value.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PRACTICE_PATH = /^\/[a-z]{2}\/practices\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/.*)?$/;

/**
 * The slug of a Bridges practice given as its address (`https://…/fr/practices/slug`, with or
 * without the host) or as the bare slug; undefined for anything else.
 */
export function practiceSlugFrom(value: string): string | undefined {
  const trimmed = value.trim();
  if (SLUG.test(trimmed)) return trimmed;
  let pathname = trimmed;
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      pathname = new URL(trimmed).pathname;
    } catch {
      return undefined;
    }
  }
  return PRACTICE_PATH.exec(pathname)?.[1];
}

function cityOf(fields: PracticeFormFields): PracticeInput['city'] {
  const given = [fields.cityName, fields.cityLatitude, fields.cityLongitude].some((value) => value.trim() !== '');
  if (!given) return null;
  // With one country chosen, the city is in it: the author need not say so twice.
  const onlyCountry = fields.countries.length === 1 ? (fields.countries[0] ?? '') : '';
  return {
    name: fields.cityName.trim(),
    country: fields.cityCountry || onlyCountry,
    latitude: parseCoordinate(fields.cityLatitude),
    longitude: parseCoordinate(fields.cityLongitude),
  };
}

function organisationsOf(fields: PracticeFormFields): OrganisationInput[] {
  return fields.organisations.map((row) => ({
    name: row.name.trim(),
    stakeholderType: row.type === '' ? null : row.type,
    role: row.role === 'partner' ? 'partner' : 'implementing',
  }));
}

function contactOf(fields: PracticeFormFields): PracticeInput['contact'] {
  if (fields.contactName.trim() === '' && fields.contactEmail.trim() === '') return null;
  return { name: fields.contactName.trim(), email: fields.contactEmail.trim(), public: fields.contactPublic };
}

export interface ParsedPracticeForm {
  fields: PracticeFormFields;
  input: PracticeInput;
  /** Problems only the form can see (an address that is no practice, a city without a country). */
  errors: FieldErrors;
}

/**
 * The form → PracticeInput. Values the form cannot make sense of become NaN or stay as typed
 * so that validation refuses them with its usual messages. A missing language is detected from
 * the text, and `defaultLanguage` (the page's locale) stands in when the text is too short to tell.
 */
export function parsePracticeForm(rawBody: unknown, defaultLanguage: ContentLanguage): ParsedPracticeForm {
  const fields = readPracticeForm(rawBody);
  const errors: Record<string, string> = {};
  const city = cityOf(fields);
  if (city && city.country === '') errors.cityCountry = 'practices.errors.cityCountryRequired';
  const adaptedFromText = fields.adaptedFrom.trim();
  const adaptedFromSlug = adaptedFromText === '' ? null : (practiceSlugFrom(adaptedFromText) ?? null);
  if (adaptedFromText !== '' && adaptedFromSlug === null) errors.adaptedFrom = 'practices.errors.adaptedFromInvalid';
  const currency = fields.budgetCurrency.trim().toUpperCase();

  const input: PracticeInput = {
    title: fields.title,
    summary: fields.summary,
    background: fields.background,
    activities: fields.activities,
    participants: fields.participants,
    peopleReached: parseWholeNumber(fields.peopleReached),
    outcomes: fields.outcomes,
    evaluation: fields.evaluation,
    evidenceLevel: (fields.evidenceLevel || 'none') as EvidenceLevel,
    recommendations: fields.recommendations,
    dimensions: fields.dimensions,
    pillars: fields.pillars,
    topics: fields.topics,
    targetGroups: fields.targetGroups,
    gcmObjectives: fields.gcmObjectives,
    sdgTargets: fields.sdgTargets,
    organisations: organisationsOf(fields),
    countries: fields.countries,
    city,
    scale: emptyToNull(fields.scale) as Scale | null,
    startDate: emptyToNull(fields.startDate),
    endDate: emptyToNull(fields.endDate),
    ongoing: fields.ongoing,
    fundingSource: fields.fundingSource,
    budgetAmount: parseAmount(fields.budgetAmount),
    budgetCurrency: currency === '' ? null : currency,
    links: fields.links.map((row) => ({ url: row.url.trim(), label: row.label.trim() })),
    contact: contactOf(fields),
    language: (fields.language || detectedLanguage(fields) || defaultLanguage) as ContentLanguage,
    adaptedFromSlug,
    lastConfirmedAt: emptyToNull(fields.lastConfirmedAt),
  };
  return { fields, input, errors };
}

const numberText = (value: number | null): string => (value === null ? '' : String(value));

/** The form filled in from a stored record, for the edit page. */
export function fieldsFromInput(input: PracticeInput): PracticeFormFields {
  return {
    title: input.title,
    summary: input.summary,
    language: input.language,
    background: input.background,
    activities: input.activities,
    participants: input.participants,
    peopleReached: numberText(input.peopleReached),
    targetGroups: input.targetGroups,
    outcomes: input.outcomes,
    evaluation: input.evaluation,
    evidenceLevel: input.evidenceLevel,
    recommendations: input.recommendations,
    dimensions: input.dimensions,
    pillars: input.pillars,
    topics: input.topics,
    gcmObjectives: input.gcmObjectives,
    sdgTargets: input.sdgTargets,
    countries: input.countries,
    cityName: input.city?.name ?? '',
    cityCountry: input.city?.country ?? '',
    cityLatitude: input.city ? String(input.city.latitude) : '',
    cityLongitude: input.city ? String(input.city.longitude) : '',
    scale: input.scale ?? '',
    startDate: isoDay(input.startDate) ?? '',
    endDate: isoDay(input.endDate) ?? '',
    ongoing: input.ongoing,
    organisations: input.organisations.map((o) => ({ name: o.name, type: o.stakeholderType ?? '', role: o.role })),
    fundingSource: input.fundingSource,
    budgetAmount: numberText(input.budgetAmount),
    budgetCurrency: input.budgetCurrency ?? '',
    links: input.links.map((link) => ({ url: link.url, label: link.label })),
    contactName: input.contact?.name ?? '',
    contactEmail: input.contact?.email ?? '',
    contactPublic: input.contact?.public ?? false,
    adaptedFrom: input.adaptedFromSlug ?? '',
    lastConfirmedAt: isoDay(input.lastConfirmedAt) ?? '',
  };
}

/**
 * A blank form. Its content language is left empty, meaning "detect it from the text when the
 * practice is saved"; the author sees the guess on the edit form and corrects it there.
 */
export function emptyPracticeForm(): PracticeFormFields {
  return { ...readPracticeForm({}), language: '', evidenceLevel: 'none' };
}

/** The language of the record's longer texts, when there is enough of them to tell. */
function detectedLanguage(fields: PracticeFormFields): string | null {
  const text = [fields.title, fields.summary, fields.background, fields.activities, fields.outcomes].join('\n');
  return detectLanguage(text, CONTENT_LANGUAGES);
}

/**
 * Where an error summary link for `errorKey` should land: the field itself, or for a group of
 * rows the first control of the first row that needs attention.
 */
export function errorAnchor(errorKey: string, fields: PracticeFormFields): string {
  if (errorKey === 'organisations') {
    const row = fields.organisations.findIndex((o) => o.name.trim() === '');
    return organisationFieldId(row === -1 ? 1 : row + 1, 'Name');
  }
  if (errorKey === 'links') {
    const row = fields.links.findIndex((link) => !/^https?:\/\/[^\s/]/i.test(link.url.trim()));
    return linkFieldId(row === -1 ? 1 : row + 1, 'Url');
  }
  return errorKey;
}

/** Error keys in the order their fields appear, so the error summary reads down the page. */
const FORM_ORDER = [
  ...['title', 'summary', 'language', 'background', 'activities', 'participants', 'peopleReached', 'targetGroups'],
  ...['outcomes', 'evaluation', 'evidenceLevel', 'recommendations', 'dimensions', 'pillars', 'topics', 'gcmObjectives'],
  ...['sdgTargets', 'countries', 'cityName', 'cityCountry', 'cityLatitude', 'cityLongitude', 'scale', 'startDate'],
  ...['endDate', 'ongoing', 'organisations', 'fundingSource', 'budgetAmount', 'budgetCurrency', 'links', 'contactName'],
  ...['contactEmail', 'contactPublic', 'adaptedFrom', 'lastConfirmedAt', 'revisionNote', 'removeAttachment', 'attachments'],
];

export function inFormOrder(errors: FieldErrors): FieldErrors {
  const rank = (key: string) => {
    const index = FORM_ORDER.indexOf(key);
    return index === -1 ? FORM_ORDER.length : index;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * Everything wrong with a parsed form that can be known without the database: the record's
 * rules, terms the taxonomy does not offer, and what the form itself could not read.
 */
export function formErrors(
  parsed: ParsedPracticeForm,
  taxonomy: ReadonlyMap<Vocabulary, readonly Term[]>,
  options: { forSubmission: boolean },
): FieldErrors {
  return inFormOrder({ ...practiceErrors(parsed.input, options), ...unknownTermErrors(parsed.input, taxonomy), ...parsed.errors });
}

/**
 * The form post that would carry these fields: the inverse of readPracticeForm, for tests and
 * browser journeys that fill the form in.
 */
export function formBodyOf(fields: PracticeFormFields): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = {};
  for (const name of TEXT_FIELDS) body[name] = fields[name];
  for (const name of LIST_FIELDS) body[name] = fields[name];
  if (fields.ongoing) body.ongoing = 'yes';
  if (fields.contactPublic) body.contactPublic = 'yes';
  fields.organisations.forEach((row, index) => {
    body[organisationFieldId(index + 1, 'Name')] = row.name;
    body[organisationFieldId(index + 1, 'Type')] = row.type;
    body[organisationFieldId(index + 1, 'Role')] = row.role;
  });
  fields.links.forEach((row, index) => {
    body[linkFieldId(index + 1, 'Url')] = row.url;
    body[linkFieldId(index + 1, 'Label')] = row.label;
  });
  return body;
}
