import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';

/**
 * iCalendar files (RFC 5545) of events, made with ical-generator: times in the event's own zone
 * with its VTIMEZONE (from timezones-ical-library), so that a calendar shows them right across
 * changes to summer time, and a link back to the event's page.
 */

export interface CalendarEntry {
  uid: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string;
  url: string;
  cancelled: boolean;
  /** Only in a registered person's own files. */
  joinUrl?: string | null;
}

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

export function calendarFile(name: string, entries: readonly CalendarEntry[]): string {
  const calendar = ical({ name, prodId: { company: 'Bridges', product: 'events', language: 'EN' } });
  calendar.timezone({ name: null, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null });
  for (const entry of entries) {
    const description = [entry.description, entry.joinUrl ? `${entry.joinUrl}` : '', entry.url].filter(Boolean).join('\n\n');
    calendar.createEvent({
      id: entry.uid,
      // Given in the zone: ical-generator writes the wall-clock time with that TZID.
      start: DateTime.fromJSDate(entry.startsAt, { zone: entry.timeZone }),
      end: DateTime.fromJSDate(entry.endsAt, { zone: entry.timeZone }),
      timezone: entry.timeZone,
      summary: entry.title,
      description,
      location: entry.location || null,
      url: entry.url,
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** The calendar entries of an event's occurrences; the join link only for a registered person's own file. */
export function eventEntries(
  baseUrl: URL,
  locale: string,
  row: { id: number; slug: string; title: string; description: string; time_zone: string; venue: string; address: string; city_name: string | null; join_url: string | null; cancelled_at: Date | null },
  occurrences: readonly { id: number; starts_at: Date; ends_at: Date; cancelled: boolean }[],
  withJoinUrl: boolean,
): CalendarEntry[] {
  const url = new URL(`/${locale}/events/${encodeURIComponent(row.slug)}`, baseUrl).href;
  const location = [row.venue, row.address, row.city_name].filter(Boolean).join(', ');
  return occurrences.map((occurrence) => ({
    uid: `event-${row.id}-${occurrence.id}@${baseUrl.hostname || 'localhost'}`,
    title: row.title,
    description: row.description.length > 1000 ? `${row.description.slice(0, 999)}…` : row.description,
    startsAt: occurrence.starts_at,
    endsAt: occurrence.ends_at,
    timeZone: row.time_zone,
    location,
    url,
    cancelled: occurrence.cancelled || row.cancelled_at !== null,
    joinUrl: withJoinUrl ? row.join_url : null,
  }));
}
