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
