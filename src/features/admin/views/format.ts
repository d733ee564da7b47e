import type { Locale } from '../../../platform/i18n.ts';
import { dateTimeFormat } from '../../../lib/intl.ts';

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

export function formatDate(locale: Locale, date: Date): string {
  return dateTimeFormat(locale, DATE).format(date);
}

export function formatDateTime(locale: Locale, date: Date): string {
  return dateTimeFormat(locale, DATE_TIME).format(date);
}
