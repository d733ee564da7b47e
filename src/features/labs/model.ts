import { isCountryCode } from '../../lib/countries.ts';
import { isSpokenLanguage } from '../../lib/languages.ts';
import { isTimeZone } from '../../lib/time-zones.ts';
import { ValidationError } from '../../platform/errors.ts';
import { isIsoDate, readList } from '../../platform/forms.ts';
import { LOCALES, type Locale } from '../../platform/i18n.ts';

/** A lab, its programmes, sessions, services and participants as their forms give them, checked. */

export const LAB_STATUSES = ['planned', 'active', 'closed'] as const;
export const TEAM_ROLES = ['coordinator', 'facilitator'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const SESSION_FORMATS = ['class', 'workshop', 'dialogue_circle', 'mentoring', 'visit'] as const;
export const SERVICE_CATEGORIES = ['basic_needs', 'housing', 'health', 'legal_aid', 'language_courses', 'employment'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const AGE_BANDS = ['under_18', '18_25', '26_35', '36_50', '51_65', 'over_65'] as const;
export const OUTCOME_KINDS = ['language_level', 'training_completed', 'job_found', 'business_started', 'civic_engagement'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
/** Raised whenever the consent notice's wording changes, so a record says which text was shown. */
export const CONSENT_VERSION = 1;
const LIMITS = { name: 200, text: 5000, short: 300, modules: 30 } as const;

type Errors = Record<string, string>;
const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined => values.find((candidate) => candidate === value);
const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function fail(errors: Errors): never {
  throw new ValidationError(errors);
}

function whole(raw: string, min: number, max: number): number | undefined {
  if (!/^\d{1,6}$/.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : undefined;
}

function checkText(errors: Errors, field: string, value: string, max: number, requiredKey?: string): void {
  if (requiredKey && !value) errors[field] = requiredKey;
  else if (value.length > max) errors[field] = 'labs.errors.tooLong';
}

export const LAB_FIELDS = ['name', 'country', 'city', 'organisation', 'description', 'contact', 'status', 'timeZone', 'retentionMonths'] as const;
export type LabFormValues = Record<(typeof LAB_FIELDS)[number], string> & { pillars: string[] };

export function readLabForm(body: unknown): LabFormValues {
  const fields = (body ?? {}) as Record<string, unknown>;
  return { ...(Object.fromEntries(LAB_FIELDS.map((name) => [name, trimmed(fields[name])])) as Record<(typeof LAB_FIELDS)[number], string>), pillars: readList(fields.pillars) };
}

export const EMPTY_LAB_FORM: LabFormValues = { ...readLabForm({}), status: 'active', timeZone: 'UTC', retentionMonths: '24' };

export interface LabInput {
  name: string;
  country: string;
  /** City and organisation as typed (slug or name); the service finds them. */
  city: string;
  organisation: string;
  pillarCodes: string[];
  description: string;
  contact: string;
  status: (typeof LAB_STATUSES)[number];
  timeZone: string;
  retentionMonths: number;
}

export function checkLabForm(form: LabFormValues, pillarCodes: ReadonlySet<string>): LabInput {
  const errors: Errors = {};
  checkText(errors, 'name', form.name, LIMITS.name, 'labs.errors.nameRequired');
  if (!isCountryCode(form.country)) errors.country = 'labs.errors.countryRequired';
  if (form.pillars.length === 0) errors.pillars = 'labs.errors.pillarRequired';
  else if (!form.pillars.every((code) => pillarCodes.has(code))) errors.pillars = 'labs.errors.pillarInvalid';
  checkText(errors, 'description', form.description, LIMITS.text);
  checkText(errors, 'contact', form.contact, LIMITS.short);
  const status = oneOf(LAB_STATUSES, form.status);
  if (!status) errors.status = 'labs.errors.statusInvalid';
  if (!isTimeZone(form.timeZone)) errors.timeZone = 'labs.errors.timeZoneInvalid';
  const retentionMonths = whole(form.retentionMonths, 1, 120);
  if (retentionMonths === undefined) errors.retentionMonths = 'labs.errors.retentionInvalid';
  if (Object.keys(errors).length > 0 || !status || retentionMonths === undefined) fail(errors);
  return { name: form.name, country: form.country, city: form.city, organisation: form.organisation, pillarCodes: [...form.pillars].sort(), description: form.description, contact: form.contact, status, timeZone: form.timeZone, retentionMonths };
}

export interface TeamInput {
  handle: string;
  role: TeamRole;
}

export function checkTeamForm(values: Record<string, string>): TeamInput {
  const handle = values.handle?.replace(/^@/, '') ?? '';
  const role = oneOf(TEAM_ROLES, values.role ?? '');
  const errors: Errors = {};
  if (!handle) errors.handle = 'labs.errors.handleRequired';
  if (!role) errors.role = 'labs.errors.roleRequired';
  if (!role || !handle) fail(errors);
  return { handle, role };
}

export interface ProgrammeInput {
  pillarCode: string;
  title: string;
  description: string;
  modules: string[];
  startsOn: string;
  endsOn: string;
}

export function checkProgrammeForm(values: Record<string, string>, pillarCodes: ReadonlySet<string>): ProgrammeInput {
  const errors: Errors = {};
  const pillarCode = values.pillar ?? '';
  if (!pillarCodes.has(pillarCode)) errors.pillar = 'labs.errors.programmePillar';
  const title = values.title ?? '';
  checkText(errors, 'title', title, LIMITS.name, 'labs.errors.titleRequired');
  const description = values.description ?? '';
  checkText(errors, 'description', description, LIMITS.text);
  const modules = (values.modules ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  if (modules.length === 0) errors.modules = 'labs.errors.modulesRequired';
  else if (modules.length > LIMITS.modules || modules.some((module) => module.length > LIMITS.name)) errors.modules = 'labs.errors.tooLong';
  const startsOn = values.startsOn ?? '';
  const endsOn = values.endsOn ?? '';
  if (!isIsoDate(startsOn)) errors.startsOn = 'labs.errors.dateInvalid';
  if (!isIsoDate(endsOn)) errors.endsOn = 'labs.errors.dateInvalid';
  else if (isIsoDate(startsOn) && endsOn < startsOn) errors.endsOn = 'labs.errors.endsBeforeStart';
  if (Object.keys(errors).length > 0) fail(errors);
  return { pillarCode, title, description, modules, startsOn, endsOn };
}

export interface SessionInput {
  module: string;
  /** The local date and time in the lab's time zone, as typed. */
  date: string;
  time: string;
  durationMinutes: number;
  place: string;
  online: boolean;
  facilitatorId: number;
  capacity: number;
  language: string;
  format: (typeof SESSION_FORMATS)[number];
}

export function checkSessionForm(values: Record<string, string>, modules: readonly string[], facilitatorIds: ReadonlySet<number>): SessionInput {
  const errors: Errors = {};
  const module = values.module ?? '';
  if (!modules.includes(module)) errors.module = 'labs.errors.moduleRequired';
  const date = values.date ?? '';
  if (!isIsoDate(date)) errors.date = 'labs.errors.dateInvalid';
  const time = values.time ?? '';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.time = 'labs.errors.timeInvalid';
  const durationMinutes = whole(values.durationMinutes ?? '', 15, 720);
  if (durationMinutes === undefined) errors.durationMinutes = 'labs.errors.durationInvalid';
  const online = values.online === 'yes';
  const place = values.place ?? '';
  checkText(errors, 'place', place, LIMITS.short, online ? undefined : 'labs.errors.placeRequired');
  const facilitatorId = Number(values.facilitator);
  if (!facilitatorIds.has(facilitatorId)) errors.facilitator = 'labs.errors.facilitatorRequired';
  const capacity = whole(values.capacity ?? '', 1, 500);
  if (capacity === undefined) errors.capacity = 'labs.errors.capacityInvalid';
  const language = values.language ?? '';
  if (!isSpokenLanguage(language)) errors.language = 'labs.errors.languageRequired';
  const format = oneOf(SESSION_FORMATS, values.format ?? '');
  if (!format) errors.format = 'labs.errors.formatRequired';
  if (Object.keys(errors).length > 0 || durationMinutes === undefined || capacity === undefined || !format) fail(errors);
  return { module, date, time, durationMinutes, place, online, facilitatorId, capacity, language, format };
}

export interface TrainingInput {
  userId: number;
  module: string;
  completedOn: string;
}

export function checkTrainingForm(values: Record<string, string>, facilitatorIds: ReadonlySet<number>, today: string): TrainingInput {
  const errors: Errors = {};
  const userId = Number(values.facilitator);
  if (!facilitatorIds.has(userId)) errors.facilitator = 'labs.errors.facilitatorRequired';
  const module = values.module ?? '';
  checkText(errors, 'module', module, LIMITS.name, 'labs.errors.moduleRequired');
  const completedOn = values.completedOn ?? '';
  if (!isIsoDate(completedOn)) errors.completedOn = 'labs.errors.dateInvalid';
  else if (completedOn > today) errors.completedOn = 'labs.errors.dateInFuture';
  if (Object.keys(errors).length > 0) fail(errors);
  return { userId, module, completedOn };
}

export interface ServiceInput {
  category: ServiceCategory;
  name: string;
  address: string;
  hours: string;
  languages: string[];
  cost: string;
}

export function checkServiceForm(values: Record<string, string>, languages: readonly string[]): ServiceInput {
  const errors: Errors = {};
  const category = oneOf(SERVICE_CATEGORIES, values.category ?? '');
  if (!category) errors.category = 'labs.errors.categoryRequired';
  const name = values.name ?? '';
  checkText(errors, 'name', name, LIMITS.name, 'labs.errors.serviceNameRequired');
  const address = values.address ?? '';
  checkText(errors, 'address', address, LIMITS.short, 'labs.errors.addressRequired');
  const hours = values.hours ?? '';
  checkText(errors, 'hours', hours, LIMITS.short);
  const cost = values.cost ?? '';
  checkText(errors, 'cost', cost, LIMITS.short);
  if (!languages.every(isSpokenLanguage)) errors.languages = 'labs.errors.languagesInvalid';
  if (Object.keys(errors).length > 0 || !category) fail(errors);
  return { category, name, address, hours, languages: [...languages], cost };
}

export interface ParticipantInput {
  ageBand: (typeof AGE_BANDS)[number];
  arrivalYear: number;
  languages: string[];
  originCountry: string | null;
  consentLanguage: Locale;
  programmeIds: number[];
}

export function checkParticipantForm(values: Record<string, string>, lists: { languages: string[]; programmes: string[] }, programmeIds: ReadonlySet<number>, thisYear: number): ParticipantInput {
  const errors: Errors = {};
  const ageBand = oneOf(AGE_BANDS, values.ageBand ?? '');
  if (!ageBand) errors.ageBand = 'labs.errors.ageBandRequired';
  const arrivalYear = whole(values.arrivalYear ?? '', 1950, thisYear);
  if (arrivalYear === undefined) errors.arrivalYear = 'labs.errors.arrivalYearInvalid';
  if (lists.languages.length === 0) errors.languages = 'labs.errors.participantLanguagesRequired';
  else if (!lists.languages.every(isSpokenLanguage)) errors.languages = 'labs.errors.languagesInvalid';
  const origin = values.originCountry ?? '';
  if (origin && !isCountryCode(origin)) errors.originCountry = 'labs.errors.countryInvalid';
  const consentLanguage = oneOf(LOCALES, values.consentLanguage ?? '');
  if (!consentLanguage) errors.consentLanguage = 'labs.errors.consentLanguageRequired';
  if (values.consent !== 'yes') errors.consent = 'labs.errors.consentRequired';
  const ids = lists.programmes.map(Number);
  if (ids.length === 0) errors.programmes = 'labs.errors.programmeRequired';
  else if (!ids.every((id) => programmeIds.has(id))) errors.programmes = 'labs.errors.programmeInvalid';
  if (Object.keys(errors).length > 0 || !ageBand || arrivalYear === undefined || !consentLanguage) fail(errors);
  return { ageBand, arrivalYear, languages: [...lists.languages], originCountry: origin || null, consentLanguage, programmeIds: ids };
}

export interface OutcomeInput {
  kind: OutcomeKind;
  cefrLevel: string | null;
  achievedOn: string;
  programmeId: number | null;
}

export function checkOutcomeForm(values: Record<string, string>, programmeIds: ReadonlySet<number>, today: string): OutcomeInput {
  const errors: Errors = {};
  const kind = oneOf(OUTCOME_KINDS, values.kind ?? '');
  if (!kind) errors.kind = 'labs.errors.outcomeKindRequired';
  const level = oneOf(CEFR_LEVELS, values.cefrLevel ?? '');
  if (kind === 'language_level' && !level) errors.cefrLevel = 'labs.errors.cefrRequired';
  const achievedOn = values.achievedOn ?? '';
  if (!achievedOn) errors.achievedOn = 'labs.errors.outcomeDateRequired';
  else if (!isIsoDate(achievedOn)) errors.achievedOn = 'labs.errors.dateInvalid';
  else if (achievedOn > today) errors.achievedOn = 'labs.errors.dateInFuture';
  const programme = values.programme ?? '';
  const programmeId = programme ? Number(programme) : null;
  if (programmeId !== null && !programmeIds.has(programmeId)) errors.programme = 'labs.errors.programmeInvalid';
  if (kind === 'training_completed' && programmeId === null && !errors.programme) errors.programme = 'labs.errors.programmeForCompletion';
  if (Object.keys(errors).length > 0 || !kind) fail(errors);
  return { kind, cefrLevel: kind === 'language_level' ? (level ?? null) : null, achievedOn, programmeId };
}
