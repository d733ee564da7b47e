import { dateTimeFormat } from '../lib/intl.ts';
import type { Locale } from '../platform/i18n.ts';

/** A machine-readable date (or date and time) with its text in the page's language. */
export function DateText({ locale, date, withTime }: { locale: Locale; date: Date; withTime?: boolean }) {
  const format = dateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
  return <time datetime={date.toISOString()}>{format.format(date)}</time>;
}
