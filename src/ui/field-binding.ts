import type { ViewContext } from '../platform/context.ts';
import type { FieldErrors } from '../platform/forms.ts';

/**
 * Props for the fields of one form: id, posted name, translated error. On a page of several forms,
 * `prefix` keeps their ids apart (`session-date`) while the posted names stay plain.
 */
export type BoundField = (name: string) => { id: string; name: string; errorPrefix: string; error?: string };

export function fieldsOf(ctx: ViewContext, errors: FieldErrors, prefix?: string): BoundField {
  const errorPrefix = ctx.t('common.errorPrefix');
  return (name) => ({ id: prefix ? `${prefix}-${name}` : name, name, errorPrefix, error: errors[name] ? ctx.t(errors[name]) : undefined });
}

/** A submitted text value kept for re-rendering ('' when absent or repeated). */
export function formText(values: Readonly<Record<string, string | string[] | undefined>>, key: string): string {
  const value = values[key];
  return typeof value === 'string' ? value : '';
}

/** A submitted repeated value (checkboxes) kept for re-rendering. */
export function formList(values: Readonly<Record<string, string | string[] | undefined>>, key: string): string[] {
  const value = values[key];
  return Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];
}
