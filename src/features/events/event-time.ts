import { dateTimeFormat } from '../../lib/intl.ts';
import type { Locale } from '../../platform/i18n.ts';

/**
 * An event's time as text: in the reader's zone, with the event's own zone beside it when they
 * differ, e.g. "10 Dec 2026, 00:00 CET – 02:00 CET" and "9 Dec 2026, 18:00 EST, America/Toronto".
 */

function zoneName(locale: Locale, instant: Date, zone: string): string {
  const part = dateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(instant).find((piece) => piece.type === 'timeZoneName');
  return part?.value ?? zone;
}

export function momentIn(locale: Locale, instant: Date, zone: string): string {
  return `${dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(instant)} ${zoneName(locale, instant, zone)}`;
}

/** The calendar day of an instant in a zone, `2026-12-10`, for grouping by day. */
export function dayIn(instant: Date, zone: string): string {
  return dateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone }).format(instant);
}

export function spanIn(locale: Locale, startsAt: Date, endsAt: Date, zone: string): string {
  const end = dayIn(startsAt, zone) === dayIn(endsAt, zone)
    ? `${dateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }).format(endsAt)} ${zoneName(locale, endsAt, zone)}`
    : momentIn(locale, endsAt, zone);
  return `${momentIn(locale, startsAt, zone)} – ${end}`;
}

export interface EventTimes {
  /** In the reader's zone. */
  reader: string;
  /** In the event's own zone, named: only when it differs from the reader's. */
  original?: string;
}

export function eventTimes(locale: Locale, startsAt: Date, endsAt: Date, eventZone: string, readerZone: string): EventTimes {
  const reader = spanIn(locale, startsAt, endsAt, readerZone);
  return readerZone === eventZone ? { reader } : { reader, original: `${spanIn(locale, startsAt, endsAt, eventZone)}, ${eventZone}` };
}

/** The same as one line, for mails. */
export function eventTimeText(locale: Locale, startsAt: Date, endsAt: Date, eventZone: string, readerZone: string): string {
  const times = eventTimes(locale, startsAt, endsAt, eventZone, readerZone);
  return times.original ? `${times.reader} (${times.original})` : `${times.reader} (${eventZone})`;
}
