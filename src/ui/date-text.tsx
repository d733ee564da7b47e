import { dateTimeFormat } from '../lib/intl.ts';
import type { CurrentUser } from '../platform/context.ts';
import type { Locale } from '../platform/i18n.ts';

/** Who a date is written for: the page's language and, for a signed-in member, their time zone. */
export interface DateReader {
  readonly locale: Locale;
  readonly user: Pick<CurrentUser, 'timeZone'> | null;
}

/**
 * A signed-in member reads times in the zone they chose; everyone else in UTC, named as such, since
 * a page shared by every visitor cannot know theirs and the server's own zone depends on the machine.
 */
export function timeZoneOf(reader: DateReader): string {
  return reader.user?.timeZone ?? 'UTC';
}

/** "5 Dec 2026" or, with the time, "5 Dec 2026, 14:30 CET" in the reader's language and zone. */
export function formatDateText(reader: DateReader, date: Date, withTime = false): string {
  const timeZone = timeZoneOf(reader);
  const options: Intl.DateTimeFormatOptions = withTime
    ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }
    : { dateStyle: 'medium', timeZone };
  return dateTimeFormat(reader.locale, options).format(date);
}

/** A machine-readable moment with its text in the reader's language and time zone. */
export function DateText({ ctx, date, withTime }: { ctx: DateReader; date: Date; withTime?: boolean }) {
  return <time datetime={date.toISOString()}>{formatDateText(ctx, date, withTime)}</time>;
}
