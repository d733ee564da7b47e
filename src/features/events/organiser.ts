import { hasSignature, signature } from '../../lib/signed-tokens.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { calendarFile, eventEntries } from './calendar.ts';
import * as queries from './queries.ts';
import type { EventsService } from './service.ts';

/**
 * What organisers do with the people registered (the list, its CSV, checking in at the door), and
 * each member's private calendar of the events they registered for.
 */

const CSV_COLUMNS = ['name', 'email', 'status', 'code', 'registered_at', 'checked_in_at'] as const;

/** One CSV field: quoted, and a leading =, +, - or @ defused so that a spreadsheet runs nothing. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export type CheckInOutcome = { result: 'checked_in' | 'already'; name: string } | { result: 'unknown' };

export function organiserService(deps: AppDeps, events: EventsService) {
  const { db, config } = deps;

  /** Seats in the order they were taken, then the waiting list in its order, and the event's dates. */
  async function registrations(actor: CurrentUser, slug: string) {
    const row = await events.manageable(actor, slug);
    const [confirmed, waiting, occurrences] = await Promise.all([
      queries.registrationsOf(db, row.id, ['confirmed']),
      queries.registrationsOf(db, row.id, ['waiting']),
      queries.occurrencesOf(db, row.id),
    ]);
    return { row, confirmed, waiting, occurrences };
  }

  return {
    registrations,

    async registrationsCsv(actor: CurrentUser, slug: string): Promise<{ slug: string; csv: string }> {
      const { row, confirmed, waiting } = await registrations(actor, slug);
      const lines = [CSV_COLUMNS.join(',')];
      for (const registration of [...confirmed, ...waiting]) {
        lines.push(
          [registration.display_name, registration.address ?? '', registration.status, registration.code, registration.queued_at?.toISOString() ?? '', registration.checked_in_at?.toISOString() ?? '']
            .map(csvField)
            .join(','),
        );
      }
      return { slug: row.slug, csv: `${lines.join('\r\n')}\r\n` };
    },

    /** Records attendance by the code on a confirmation; a code checks in once. */
    async checkIn(actor: CurrentUser, slug: string, rawCode: string): Promise<CheckInOutcome> {
      const row = await events.manageable(actor, slug);
      const code = rawCode.trim().toUpperCase().replace(/[^A-Z0-9]/g, '');
      const registration = code ? await queries.registrationByCode(db, row.id, code) : undefined;
      if (!registration || registration.status !== 'confirmed') return { result: 'unknown' };
      const checked = await queries.checkIn(db, registration.id);
      return { result: checked ? 'checked_in' : 'already', name: registration.display_name };
    },

    /** The address of a member's private calendar: signed, so that only they can have it. */
    calendarToken(userId: number): string {
      return `${userId}.${signature(config.sessionSecret, `event-calendar:${userId}`)}`;
    },

    /** The member a private calendar address was made for, or undefined. */
    calendarOwner(token: string): number | undefined {
      const [id, given] = token.split('.');
      if (!id || !/^[1-9][0-9]{0,9}$/.test(id) || !given) return undefined;
      return hasSignature(config.sessionSecret, `event-calendar:${id}`, given) ? Number(id) : undefined;
    },

    /** Published events the member registered for that have a date still to come, soonest first. */
    async registeredUpcoming(userId: number) {
      const rows = await queries.eventsByIds(db, await queries.registeredEventIds(db, userId, new Date()));
      return rows.filter((row) => row.status === 'published').sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
    },

    /** Every event the member holds a seat or waiting place for, join links included. */
    async memberCalendar(userId: number, locale: string, name: string): Promise<string> {
      const ids = await queries.registeredEventIds(db, userId);
      const [rows, occurrences] = await Promise.all([queries.eventsByIds(db, ids), queries.occurrencesOfEvents(db, ids)]);
      const entries = rows.flatMap((row) => eventEntries(config.baseUrl, locale, row, occurrences.filter((occurrence) => occurrence.event_id === row.id), true));
      return calendarFile(name, entries);
    },
  };
}

export type OrganiserService = ReturnType<typeof organiserService>;
