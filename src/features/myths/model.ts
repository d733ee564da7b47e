import { isCountryCode } from '../../lib/countries.ts';
import { safeHttpUrl } from '../../ui/format.ts';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../lib/languages.ts';
import { DATE_YEARS, isIntegerWithin, type FieldErrors } from '../../platform/forms.ts';

/**
 * A myth and its evidence as the form gives them, checked. The audiences are the seeds' lesson
 * that messages must be targeted: a myth circulates among some publics and not others.
 */

export const AUDIENCES = ['destination_public', 'origin_public', 'policymakers', 'media', 'employers', 'youth', 'local_authorities', 'diaspora'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

export const MYTH_LIMITS = { title: 300, fact: 500, explanation: 20_000, sources: 12, sourceTitle: 300, publisher: 200, url: 2000 } as const;
/** Empty source rows the form offers below the filled ones. */
export const SPARE_SOURCE_ROWS = 2;

export interface SourceInput {
  title: string;
  publisher: string;
  year: number | null;
  url: string;
}

export interface MythInput {
  title: string;
  fact: string;
  /** Markdown. */
  explanation: string;
  language: ContentLanguage;
  /** The slug of the myth this one translates, or '' for an original. */
  translationOf: string;
  countries: string[];
  topics: string[];
  audiences: Audience[];
  sources: SourceInput[];
}

export interface SourceFormRow {
  title: string;
  publisher: string;
  year: string;
  url: string;
}

export interface MythFormValues {
  title: string;
  fact: string;
  explanation: string;
  language: string;
  translationOf: string;
  countries: string[];
  topics: string[];
  audiences: string[];
  sources: SourceFormRow[];
}

export const EMPTY_MYTH_FORM: MythFormValues = { title: '', fact: '', explanation: '', language: '', translationOf: '', countries: [], topics: [], audiences: [], sources: [] };

const LIST_MAX = 60;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A repeated field as a list; one value arrives as a string. */
function values(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map(text);
}

function list(value: unknown): string[] {
  return [...new Set(values(value).map((item) => item.trim()).filter(Boolean))].slice(0, LIST_MAX);
}

/** The source rows as posted: the four columns are parallel lists, one entry per row. */
function sourceRows(fields: Record<string, unknown>): SourceFormRow[] {
  const titles = values(fields.sourceTitle);
  const publishers = values(fields.sourcePublisher);
  const years = values(fields.sourceYear);
  const urls = values(fields.sourceUrl);
  const count = Math.min(Math.max(titles.length, publishers.length, years.length, urls.length), MYTH_LIMITS.sources + SPARE_SOURCE_ROWS);
  return Array.from({ length: count }, (_, index) => ({
    title: titles[index] ?? '',
    publisher: publishers[index] ?? '',
    year: years[index] ?? '',
    url: urls[index] ?? '',
  })).filter((row) => row.title.trim() || row.publisher.trim() || row.year.trim() || row.url.trim());
}

export function readMythForm(body: unknown): MythFormValues {
  const fields = (body ?? {}) as Record<string, unknown>;
  return {
    title: text(fields.title),
    fact: text(fields.fact),
    explanation: text(fields.explanation),
    language: text(fields.language),
    translationOf: text(fields.translationOf).trim(),
    countries: list(fields.countries),
    topics: list(fields.topics),
    audiences: list(fields.audiences),
    sources: sourceRows(fields),
  };
}

/**
 * Checks the form: the claim, the fact that answers it, at least one source with a title and an
 * http(s) link, and codes that exist. Errors are message keys by field; a source's error names
 * its row (`source-2`) so the summary links to it.
 */
export function checkMythForm(form: MythFormValues, topicCodes: ReadonlySet<string>, thisYear: number): { input?: MythInput; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const title = form.title.trim();
  if (!title) errors.title = 'myths.errors.titleRequired';
  else if (title.length > MYTH_LIMITS.title) errors.title = 'myths.errors.titleTooLong';
  const fact = form.fact.trim();
  if (!fact) errors.fact = 'myths.errors.factRequired';
  else if (fact.length > MYTH_LIMITS.fact) errors.fact = 'myths.errors.factTooLong';
  const explanation = form.explanation.trim();
  if (explanation.length > MYTH_LIMITS.explanation) errors.explanation = 'myths.errors.explanationTooLong';
  const language = CONTENT_LANGUAGES.find((candidate) => candidate === form.language);
  if (!language) errors.language = 'myths.errors.languageRequired';
  if (!form.countries.every(isCountryCode)) errors.countries = 'myths.errors.countriesInvalid';
  if (!form.topics.every((code) => topicCodes.has(code))) errors.topics = 'myths.errors.termsInvalid';
  const audiences = form.audiences.filter(isAudience);
  if (audiences.length !== form.audiences.length) errors.audiences = 'myths.errors.audiencesInvalid';
  else if (audiences.length === 0) errors.audiences = 'myths.errors.audienceRequired';
  const sources: SourceInput[] = [];
  if (form.sources.length === 0) errors['source-1'] = 'myths.errors.sourceRequired';
  if (form.sources.length > MYTH_LIMITS.sources) errors['source-1'] = 'myths.errors.tooManySources';
  form.sources.forEach((row, index) => {
    const field = `source-${index + 1}`;
    const sourceTitle = row.title.trim();
    const url = safeHttpUrl(row.url);
    const rawYear = row.year.trim();
    const year = rawYear === '' ? null : /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
    if (!sourceTitle) errors[field] = 'myths.errors.sourceTitleRequired';
    else if (sourceTitle.length > MYTH_LIMITS.sourceTitle || row.publisher.trim().length > MYTH_LIMITS.publisher) errors[field] = 'myths.errors.sourceTooLong';
    else if (!url || row.url.trim().length > MYTH_LIMITS.url) errors[field] = 'myths.errors.sourceUrlInvalid';
    else if (year !== null && !isIntegerWithin(year, { min: DATE_YEARS.min, max: thisYear + 1 })) errors[field] = 'myths.errors.sourceYearInvalid';
    else sources.push({ title: sourceTitle, publisher: row.publisher.trim(), year, url });
  });
  if (Object.keys(errors).length > 0 || !language) return { errors };
  return {
    input: {
      title,
      fact,
      explanation,
      language,
      translationOf: form.translationOf,
      countries: [...form.countries].sort(),
      topics: [...form.topics].sort(),
      audiences: [...audiences].sort(),
      sources,
    },
    errors: {},
  };
}
