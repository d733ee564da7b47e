import { RESOURCE_TYPES, type ResourceType } from '../../db/schema/resources.ts';
import { isCountryCode } from '../../lib/countries.ts';
import { safeHttpUrl } from '../../ui/format.ts';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../lib/languages.ts';
import { percentDecoded } from '../../lib/text.ts';
import { DATE_YEARS, isIntegerWithin, readList, type FieldErrors } from '../../platform/forms.ts';

export { RESOURCE_TYPES, type ResourceType };

/** A resource as its form gives it, checked: what the service saves and a revision keeps. */
export interface ResourceInput {
  type: ResourceType;
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  url: string | null;
  publisher: string;
  year: number | null;
  language: ContentLanguage;
  countries: string[];
  topics: string[];
  targetGroups: string[];
  /** Slugs of published practices it relates to. */
  relatedPractices: string[];
}

export const RESOURCE_FIELDS = [
  'type', 'title', 'summary', 'body', 'url', 'publisher', 'year', 'language', 'countries', 'topics', 'targetGroups', 'relatedPractices', 'version', 'action',
] as const;
export type ResourceField = (typeof RESOURCE_FIELDS)[number];

/** The form's values as posted: text fields and lists of checked values. */
export interface ResourceFormValues {
  type: string;
  title: string;
  summary: string;
  body: string;
  url: string;
  publisher: string;
  year: string;
  language: string;
  countries: string[];
  topics: string[];
  targetGroups: string[];
  relatedPractices: string;
}

export const EMPTY_RESOURCE_FORM: ResourceFormValues = {
  type: '', title: '', summary: '', body: '', url: '', publisher: '', year: '', language: '', countries: [], topics: [], targetGroups: [], relatedPractices: '',
};

export const LIMITS = { title: 300, summary: 1000, body: 50_000, url: 2000, publisher: 300, related: 20 } as const;
const LIST_MAX = 60;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

const list = (value: unknown): string[] => readList(value, LIST_MAX);

export function readResourceForm(body: unknown): ResourceFormValues {
  const fields = (body ?? {}) as Record<string, unknown>;
  return {
    type: text(fields.type),
    title: text(fields.title),
    summary: text(fields.summary),
    body: text(fields.body),
    url: text(fields.url),
    publisher: text(fields.publisher),
    year: text(fields.year),
    language: text(fields.language),
    countries: list(fields.countries),
    topics: list(fields.topics),
    targetGroups: list(fields.targetGroups),
    relatedPractices: text(fields.relatedPractices),
  };
}

/**
 * Practice slugs from what a member pastes, one per line or separated by commas: a practice's
 * address on this site or its slug.
 */
export function practiceSlugsOf(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(/[\n,]+/)
        .map((item) => item.trim())
        .filter(Boolean)
        .map((item) => /\/practices\/([^/?#\s]+)/.exec(item)?.[1] ?? item)
        .map((slug) => percentDecoded(slug).toLowerCase()),
    ),
  ];
}

export interface TermCodes {
  topics: ReadonlySet<string>;
  targetGroups: ReadonlySet<string>;
}

/**
 * Checks the form and gives the input it describes, or the errors (message keys by field). A
 * resource must lead somewhere: an external link, or a body of its own.
 */
/** `hasAttachment`: a resource with a file attached needs neither a link nor a description. */
export function checkResourceForm(form: ResourceFormValues, terms: TermCodes, thisYear: number, hasAttachment = false): { input?: ResourceInput; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const type = RESOURCE_TYPES.find((candidate) => candidate === form.type);
  if (!type) errors.type = 'resources.errors.typeRequired';
  const title = form.title.trim();
  if (!title) errors.title = 'resources.errors.titleRequired';
  else if (title.length > LIMITS.title) errors.title = 'resources.errors.titleTooLong';
  const summary = form.summary.trim();
  if (!summary) errors.summary = 'resources.errors.summaryRequired';
  else if (summary.length > LIMITS.summary) errors.summary = 'resources.errors.summaryTooLong';
  const body = form.body.trim();
  if (body.length > LIMITS.body) errors.body = 'resources.errors.bodyTooLong';
  const rawUrl = form.url.trim();
  const url = rawUrl ? safeHttpUrl(rawUrl) : null;
  if (url === undefined || rawUrl.length > LIMITS.url) errors.url = 'resources.errors.urlInvalid';
  else if (url === null && !body && !hasAttachment) errors.url = 'resources.errors.linkOrBody';
  const publisher = form.publisher.trim();
  if (publisher.length > LIMITS.publisher) errors.publisher = 'resources.errors.publisherTooLong';
  const rawYear = form.year.trim();
  const year = rawYear === '' ? null : /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
  if (year !== null && !isIntegerWithin(year, { min: DATE_YEARS.min, max: thisYear + 1 })) errors.year = 'resources.errors.yearInvalid';
  const language = CONTENT_LANGUAGES.find((candidate) => candidate === form.language);
  if (!language) errors.language = 'resources.errors.languageRequired';
  if (!form.countries.every(isCountryCode)) errors.countries = 'resources.errors.countriesInvalid';
  if (!form.topics.every((code) => terms.topics.has(code))) errors.topics = 'resources.errors.termsInvalid';
  if (!form.targetGroups.every((code) => terms.targetGroups.has(code))) errors.targetGroups = 'resources.errors.termsInvalid';
  const relatedPractices = practiceSlugsOf(form.relatedPractices);
  if (relatedPractices.length > LIMITS.related) errors.relatedPractices = 'resources.errors.tooManyPractices';
  if (Object.keys(errors).length > 0 || !type || !language || url === undefined) return { errors };
  return {
    input: {
      type,
      title,
      summary,
      body,
      url,
      publisher,
      year: year === null || Number.isNaN(year) ? null : year,
      language,
      countries: [...form.countries].sort(),
      topics: [...form.topics].sort(),
      targetGroups: [...form.targetGroups].sort(),
      relatedPractices,
    },
    errors: {},
  };
}

/** The form's values for an existing resource. */
export function formValuesOf(input: ResourceInput): ResourceFormValues {
  return {
    type: input.type,
    title: input.title,
    summary: input.summary,
    body: input.body,
    url: input.url ?? '',
    publisher: input.publisher,
    year: input.year === null ? '' : String(input.year),
    language: input.language,
    countries: input.countries,
    topics: input.topics,
    targetGroups: input.targetGroups,
    relatedPractices: input.relatedPractices.join('\n'),
  };
}
