import type { Locale } from '../../../platform/i18n.ts';

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

// Building a formatter costs far more than using one; a page may format dozens of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, withTime ? DATE_TIME : DATE_ONLY);
    formatters.set(key, cached);
  }
  return cached;
}

export function formatDate(date: Date, locale: Locale, withTime = false): string {
  return formatter(locale, withTime).format(date);
}

/** A date in the reader's language, with the machine-readable value for assistive tools. */
export function DateText({ date, locale, withTime = false }: { date: Date; locale: Locale; withTime?: boolean }) {
  return <time datetime={date.toISOString()}>{formatDate(date, locale, withTime)}</time>;
}
