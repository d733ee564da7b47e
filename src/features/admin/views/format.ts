import type { Locale } from '../../../platform/i18n.ts';

/**
 * Times are shown in UTC, named as such: the server's own time zone depends on the machine it
 * runs on, and an audit trail read from several places must agree on when things happened.
 */
const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
};

// Building a formatter costs far more than using one; a page formats dozens of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, kind === 'date' ? DATE : DATE_TIME);
    formatters.set(key, cached);
  }
  return cached;
}

export function formatDate(locale: Locale, date: Date): string {
  return formatter(locale, 'date').format(date);
}

export function formatDateTime(locale: Locale, date: Date): string {
  return formatter(locale, 'dateTime').format(date);
}
