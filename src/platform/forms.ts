import type { ViewContext } from './context.ts';

/** Field name → translation key of what is wrong with it. */
export type FieldErrors = Readonly<Record<string, string>>;
export type FormValues = Readonly<Record<string, string | undefined>>;

/** The state a form view re-renders with: submitted values (never passwords) and errors. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

const MAX_FIELD_LENGTH = 20_000;

/**
 * JSON schema for an urlencoded form of text fields. Lengths that people can get wrong are
 * checked by the service with translated messages; this only refuses what no form sends.
 */
export function formBodySchema(fields: readonly string[]) {
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((field) => [field, { type: 'string', maxLength: MAX_FIELD_LENGTH }])),
  } as const;
}

/** Binds a form's state to the props its fields need: id, translated error and kept value. */
export function fieldBinder(ctx: ViewContext, form: FormState) {
  const errorPrefix = ctx.t('common.errorPrefix');
  return (id: string) => {
    const key = form.errors[id];
    return { id, errorPrefix, error: key ? ctx.t(key) : undefined, value: form.values[id] ?? '' };
  };
}

/** The error summary's entries, in the order the fields appear. */
export function summaryOf(ctx: ViewContext, errors: FieldErrors): { field: string; message: string }[] {
  return Object.entries(errors).map(([field, key]) => ({ field, message: ctx.t(key) }));
}

/** The submitted text fields as given (passwords must not be trimmed), '' for a missing one. */
export function readForm<F extends string>(body: unknown, fields: readonly F[]): Record<F, string> {
  const source = (body ?? {}) as Partial<Record<F, unknown>>;
  return Object.fromEntries(
    fields.map((field) => {
      const value = source[field];
      return [field, typeof value === 'string' ? value : ''];
    }),
  ) as Record<F, string>;
}

/** The largest value of a PostgreSQL `integer` column. */
export const POSTGRES_INTEGER_MAX = 2_147_483_647;

export interface NumberRange {
  min: number;
  max: number;
}

/**
 * A whole number within `range`. Every number a form or an import reads is checked against the
 * range its column and its meaning allow before it reaches a query: PostgreSQL refuses the rest
 * with an error, not a message.
 */
export function isIntegerWithin(value: number, range: NumberRange): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** Plenty for any date the platform records, and well inside what PostgreSQL's `date` takes. */
export const DATE_YEARS: NumberRange = { min: 1900, max: 2100 };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day written YYYY-MM-DD that exists (no 31 February), in any year. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar day as isIsoDate, whose year is within `years`. */
export function isIsoDateWithin(value: string, years: NumberRange = DATE_YEARS): boolean {
  return isIsoDate(value) && isIntegerWithin(Number(value.slice(0, 4)), years);
}

const RECORD_ID = /^[1-9][0-9]{0,9}$/;

/** The message for attachment ids parseRecordIds refuses, on any form with attachments. */
export const ATTACHMENT_REMOVAL_INVALID = 'common.attachmentRemovalInvalid';

/**
 * Ids of stored records a form refers to (the attachments ticked for removal), or undefined
 * when any of them is not a positive integer a PostgreSQL `integer` column can hold: a form we
 * rendered never sends one, so the caller refuses the post rather than guess.
 */
export function parseRecordIds(values: readonly string[]): number[] | undefined {
  const ids = values.map((value) => (RECORD_ID.test(value) ? Number(value) : Number.NaN));
  return ids.every((id) => isIntegerWithin(id, { min: 1, max: POSTGRES_INTEGER_MAX })) ? ids : undefined;
}

/** A repeated field (checkboxes, a multiple select) as a list of distinct non-empty values. */
export function readList(value: unknown, max = 300): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(items.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter(Boolean))].slice(0, max);
}
