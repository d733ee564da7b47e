import type { Locale } from '../../../platform/i18n.ts';
import { dateTimeFormat } from '../../../lib/intl.ts';

// Members live in every time zone and we do not know theirs: show UTC and say so.
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
};
const DATE_ONLY: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };

export function formatDate(date: Date, locale: Locale, withTime = false): string {
  return dateTimeFormat(locale, withTime ? DATE_TIME : DATE_ONLY).format(date);
}

/** A date in the reader's language, with the machine-readable value for assistive tools. */
export function DateText({ date, locale, withTime = false }: { date: Date; locale: Locale; withTime?: boolean }) {
  return <time datetime={date.toISOString()}>{formatDate(date, locale, withTime)}</time>;
}
