import { sql, type Transaction } from 'kysely';
import type { Database, Executor } from '../../db/client.ts';
import type { ContentStatus } from '../../content/kinds.ts';
import type { EventFormatName, RegistrationStatus } from '../../db/schema/events.ts';
import type { Occurrence } from './time.ts';

/** The SQL of events, their occurrences and their registrations. */

type Trx = Transaction<Database>;

/** The columns an organiser's form sets. */
export interface EventValues {
  title: string;
  description: string;
  language: string;
  languages: string[];
  term_ids: number[];
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  recurrence: string | null;
  format: EventFormatName;
  venue: string;
  address: string;
  city_id: number | null;
  country: string | null;
  join_url: string | null;
  capacity: number | null;
  registration_deadline: Date | null;
  practice_ids: number[];
  resource_ids: number[];
  organisation_id: number | null;
}

/** An event with what its pages show beside it: author, organisation, city, topics, seats. */
export interface EventRow extends EventValues {
  id: number;
  slug: string;
  status: ContentStatus;
  author_id: number | null;
  author_name: string | null;
  author_handle: string | null;
  author_email: string | null;
  author_locale: string | null;
  organisation_name: string | null;
  organisation_slug: string | null;
  version: number;
  topics: string[];
  city_slug: string | null;
  city_name: string | null;
  decision_message: string;
  cancelled_at: Date | null;
  cancel_reason: string;
  published_at: Date | null;
  submitted_at: Date | null;
  updated_at: Date;
  seats_taken: number;
  waiting: number;
}

const EVENT_COLUMNS = sql`
  e.id, e.slug, e.status, e.author_id, u.name AS author_name, u.handle AS author_handle, u.email AS author_email, u.locale AS author_locale,
  e.organisation_id, o.name AS organisation_name, o.slug AS organisation_slug, e.version, e.title, e.description, e.language, e.languages,
  e.term_ids, ARRAY(SELECT t.code FROM taxonomy_terms t WHERE t.id = ANY (e.term_ids) AND t.vocabulary = 'topic' ORDER BY t.id) AS topics,
  e.starts_at, e.ends_at, e.time_zone, e.recurrence, e.format, e.venue, e.address, e.city_id, c.slug AS city_slug, c.name AS city_name,
  trim(e.country) AS country, e.join_url, e.capacity, e.registration_deadline, e.practice_ids, e.resource_ids, e.decision_message,
  e.cancelled_at, e.cancel_reason, e.published_at, e.submitted_at, e.updated_at,
  (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') AS seats_taken,
  (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'waiting') AS waiting`;
const EVENT_FROM = sql`events e LEFT JOIN users u ON u.id = e.author_id LEFT JOIN organisations o ON o.id = e.organisation_id LEFT JOIN cities c ON c.id = e.city_id`;

export async function findBySlug(db: Executor, slug: string): Promise<EventRow | undefined> {
  const { rows } = await sql<EventRow>`SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.slug = ${slug}`.execute(db);
  return rows[0];
}

export async function findById(db: Executor, id: number): Promise<EventRow | undefined> {
  const { rows } = await sql<EventRow>`SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.id = ${id}`.execute(db);
  return rows[0];
}

/** The event's row locked until the transaction ends: registrations for one event queue here. */
export async function lockEvent(trx: Trx, id: number): Promise<{ id: number; version: number; status: ContentStatus; capacity: number | null; cancelled_at: Date | null } | undefined> {
  return trx.selectFrom('events').select(['id', 'version', 'status', 'capacity', 'cancelled_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}



export async function insertEvent(trx: Trx, values: EventValues & { slug: string; author_id: number | null; status: ContentStatus; submitted_at: Date | null; published_at: Date | null }): Promise<number> {
  const row = await trx.insertInto('events').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEvent(trx: Trx, id: number, values: Partial<EventValues> & { version: number; status?: ContentStatus; decision_message?: string; published_at?: Date | null; submitted_at?: Date | null; cancelled_at?: Date | null; cancel_reason?: string }): Promise<void> {
  await trx.updateTable('events').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export interface OccurrenceRow {
  id: number;
  event_id: number;
  original_start: Date;
  starts_at: Date;
  ends_at: Date;
  cancelled: boolean;
  moved: boolean;
}

export function occurrencesOf(db: Executor, eventId: number): Promise<OccurrenceRow[]> {
  return db.selectFrom('event_occurrences').selectAll().where('event_id', '=', eventId).orderBy('starts_at').execute();
}

/**
 * Writes the occurrences a rule gives: those that stay keep their id (and so the reminders sent
 * for them) and, when moved or cancelled, that change; the others go.
 */
export async function replaceOccurrences(trx: Trx, eventId: number, occurrences: readonly Occurrence[]): Promise<void> {
  const starts = occurrences.map((occurrence) => occurrence.originalStart.toISOString());
  await sql`DELETE FROM event_occurrences WHERE event_id = ${eventId} AND NOT (original_start = ANY (${sql.val(starts)}::timestamptz[]))`.execute(trx);
  if (occurrences.length === 0) return;
  await sql`
    INSERT INTO event_occurrences (event_id, original_start, starts_at, ends_at)
    SELECT ${eventId}, o.original_start, o.starts_at, o.ends_at
      FROM unnest(${sql.val(starts)}::timestamptz[], ${sql.val(occurrences.map((o) => o.startsAt.toISOString()))}::timestamptz[],
                  ${sql.val(occurrences.map((o) => o.endsAt.toISOString()))}::timestamptz[]) AS o (original_start, starts_at, ends_at)
    ON CONFLICT (event_id, original_start) DO UPDATE
      SET starts_at = CASE WHEN event_occurrences.moved THEN event_occurrences.starts_at ELSE excluded.starts_at END,
          ends_at = CASE WHEN event_occurrences.moved THEN event_occurrences.ends_at ELSE excluded.ends_at END`.execute(trx);
}

export async function changeOccurrence(trx: Trx, eventId: number, occurrenceId: number, change: { cancelled: true } | { startsAt: Date; endsAt: Date }): Promise<OccurrenceRow | undefined> {
  const set = 'cancelled' in change ? { cancelled: true } : { starts_at: change.startsAt, ends_at: change.endsAt, moved: true };
  return trx.updateTable('event_occurrences').set(set).where('id', '=', occurrenceId).where('event_id', '=', eventId).returningAll().executeTakeFirst();
}

/** Filters of the list, the month view, the calendar file and the API, all optional. */
export interface EventFilters {
  country?: string;
  citySlug?: string;
  /** `online` matches online and hybrid events; `in_person` in-person and hybrid ones. */
  attendance?: 'online' | 'in_person';
  topicId?: number;
  language?: string;
}

function filterSql(filters: EventFilters) {
  return sql.join(
    [
      sql`e.status = 'published'`,
      filters.country ? sql`e.country = ${filters.country}` : sql`true`,
      filters.citySlug ? sql`c.slug = ${filters.citySlug}` : sql`true`,
      filters.attendance === 'online' ? sql`e.format IN ('online', 'hybrid')` : filters.attendance === 'in_person' ? sql`e.format IN ('in_person', 'hybrid')` : sql`true`,
      filters.topicId !== undefined ? sql`${filters.topicId} = ANY (e.term_ids)` : sql`true`,
      filters.language ? sql`(e.language = ${filters.language} OR ${filters.language} = ANY (e.languages))` : sql`true`,
    ],
    sql` AND `,
  );
}

export interface ListedOccurrence {
  occurrence_id: number;
  starts_at: Date;
  ends_at: Date;
  cancelled: boolean;
  moved: boolean;
  event_id: number;
  slug: string;
  title: string;
  language: string;
  format: EventFormatName;
  time_zone: string;
  venue: string;
  city_name: string | null;
  city_slug: string | null;
  country: string | null;
  event_cancelled: boolean;
  topics: string[];
}

const LISTED_COLUMNS = sql`
  eo.id AS occurrence_id, eo.starts_at, eo.ends_at, eo.cancelled, eo.moved, e.id AS event_id, e.slug, e.title, e.language, e.format, e.time_zone,
  e.venue, c.name AS city_name, c.slug AS city_slug, trim(e.country) AS country, e.cancelled_at IS NOT NULL AS event_cancelled,
  ARRAY(SELECT t.code FROM taxonomy_terms t WHERE t.id = ANY (e.term_ids) AND t.vocabulary = 'topic' ORDER BY t.id) AS topics`;
const LISTED_FROM = sql`event_occurrences eo JOIN events e ON e.id = eo.event_id LEFT JOIN cities c ON c.id = e.city_id`;

/** Upcoming (not yet ended) or past occurrences of published events, soonest or latest first. */
export async function countOccurrences(db: Executor, filters: EventFilters, when: 'upcoming' | 'past', now: Date): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM ${LISTED_FROM}
    WHERE ${filterSql(filters)} AND ${when === 'upcoming' ? sql`eo.ends_at >= ${now}` : sql`eo.ends_at < ${now}`}`.execute(db);
  return rows[0]?.count ?? 0;
}

export async function pageOfOccurrences(db: Executor, filters: EventFilters, when: 'upcoming' | 'past', now: Date, window: { limit: number; offset: number }): Promise<ListedOccurrence[]> {
  const { rows } = await sql<ListedOccurrence>`
    SELECT ${LISTED_COLUMNS} FROM ${LISTED_FROM}
    WHERE ${filterSql(filters)} AND ${when === 'upcoming' ? sql`eo.ends_at >= ${now}` : sql`eo.ends_at < ${now}`}
    ORDER BY ${when === 'upcoming' ? sql`eo.starts_at ASC` : sql`eo.starts_at DESC`}, eo.id
    LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db);
  return rows;
}

/** Occurrences that overlap [from, to), for the month view and the calendar file. */
export async function occurrencesBetween(db: Executor, filters: EventFilters, from: Date, to: Date, limit: number): Promise<ListedOccurrence[]> {
  const { rows } = await sql<ListedOccurrence>`
    SELECT ${LISTED_COLUMNS} FROM ${LISTED_FROM}
    WHERE ${filterSql(filters)} AND eo.starts_at < ${to} AND eo.ends_at > ${from}
    ORDER BY eo.starts_at, eo.id LIMIT ${limit}`.execute(db);
  return rows;
}

/** Published upcoming events per country and per city, for the map and place pages. */
export async function upcomingCountsByCountry(db: Executor, now: Date): Promise<{ country: string; count: number }[]> {
  const { rows } = await sql<{ country: string; count: number }>`
    SELECT trim(e.country) AS country, count(DISTINCT e.id)::int AS count FROM events e
    WHERE e.status = 'published' AND e.cancelled_at IS NULL AND e.country IS NOT NULL
      AND EXISTS (SELECT 1 FROM event_occurrences eo WHERE eo.event_id = e.id AND eo.ends_at >= ${now} AND NOT eo.cancelled)
    GROUP BY e.country ORDER BY e.country`.execute(db);
  return rows;
}

export async function upcomingCountsByCity(db: Executor, now: Date): Promise<{ slug: string; name: string; country: string; latitude: number; longitude: number; count: number }[]> {
  const { rows } = await sql<{ slug: string; name: string; country: string; latitude: number; longitude: number; count: number }>`
    SELECT c.slug, c.name, trim(c.country) AS country, c.latitude, c.longitude, count(DISTINCT e.id)::int AS count
    FROM events e JOIN cities c ON c.id = e.city_id
    WHERE e.status = 'published' AND e.cancelled_at IS NULL
      AND EXISTS (SELECT 1 FROM event_occurrences eo WHERE eo.event_id = e.id AND eo.ends_at >= ${now} AND NOT eo.cancelled)
    GROUP BY c.id ORDER BY c.slug`.execute(db);
  return rows;
}

export async function cityIdBySlug(db: Executor, slug: string): Promise<{ id: number; country: string } | undefined> {
  const row = await db.selectFrom('cities').select(['id', 'country']).where('slug', '=', slug).executeTakeFirst();
  return row ? { id: row.id, country: row.country.trim() } : undefined;
}

export async function publishedIdsBySlug(db: Executor, table: 'practices' | 'resources', slugs: readonly string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.selectFrom(table).select(['id', 'slug']).where('slug', 'in', [...slugs]).where('status', '=', 'published').execute();
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export async function publishedLinks(db: Executor, table: 'practices' | 'resources', ids: readonly number[]): Promise<{ slug: string; title: string; language: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom(table).select(['slug', 'title', 'language']).where('id', 'in', [...ids]).where('status', '=', 'published').orderBy('title').execute();
}

/** Organisations the member manages: those whose events they may publish directly. */
export async function managedOrganisations(db: Executor, userId: number): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'manager')
    .where('m.status', '=', 'active')
    .orderBy('o.name')
    .execute();
}

export async function isManagerOf(db: Executor, userId: number, organisationId: number): Promise<boolean> {
  const row = await db
    .selectFrom('organisation_members')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'manager')
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

export async function countByAuthor(db: Executor, userId: number): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('count')).where('author_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.count);
}

export function pageByAuthor(db: Executor, userId: number, window: { limit: number; offset: number }) {
  return db
    .selectFrom('events')
    .select(['slug', 'title', 'status', 'starts_at', 'time_zone', 'language', 'updated_at'])
    .where('author_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

// Registrations.

export interface RegistrationRow {
  id: number;
  event_id: number;
  user_id: number | null;
  email: string | null;
  name: string;
  locale: string;
  status: RegistrationStatus;
  code: string;
  show_publicly: boolean;
  queued_at: Date | null;
  checked_in_at: Date | null;
  created_at: Date;
  /** The address mail goes to: the member's account address, or the visitor's. */
  address: string | null;
  display_name: string;
  handle: string | null;
  /** A member's own zone, in which their mails give times. */
  reader_time_zone: string | null;
}

const REGISTRATION_COLUMNS = sql`r.id, r.event_id, r.user_id, r.email, r.name, coalesce(u.locale, r.locale) AS locale, r.status, r.code, r.show_publicly,
  r.queued_at, r.checked_in_at, r.created_at, coalesce(u.email, r.email) AS address, coalesce(u.name, r.name, '') AS display_name, u.handle, u.time_zone AS reader_time_zone`;

export async function memberRegistration(db: Executor, eventId: number, userId: number): Promise<RegistrationRow | undefined> {
  const { rows } = await sql<RegistrationRow>`
    SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r LEFT JOIN users u ON u.id = r.user_id
    WHERE r.event_id = ${eventId} AND r.user_id = ${userId} AND r.status <> 'cancelled'`.execute(db);
  return rows[0];
}

/** A member's live registration with the event's join link, for their part of the event page. */
export async function memberSeat(db: Executor, eventId: number, userId: number) {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select(['r.status', 'r.code', 'r.show_publicly', 'e.join_url'])
    .where('r.event_id', '=', eventId)
    .where('r.user_id', '=', userId)
    .where('r.status', '<>', 'cancelled')
    .executeTakeFirst();
}

export async function registrationById(db: Executor, id: number): Promise<RegistrationRow | undefined> {
  const { rows } = await sql<RegistrationRow>`SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r LEFT JOIN users u ON u.id = r.user_id WHERE r.id = ${id}`.execute(db);
  return rows[0];
}

export async function registrationByCode(db: Executor, eventId: number, code: string): Promise<RegistrationRow | undefined> {
  const { rows } = await sql<RegistrationRow>`
    SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r LEFT JOIN users u ON u.id = r.user_id
    WHERE r.event_id = ${eventId} AND r.code = ${code}`.execute(db);
  return rows[0];
}

/** Registrations in the given states, in the order they came. */
export async function registrationsOf(db: Executor, eventId: number, statuses: readonly RegistrationStatus[]): Promise<RegistrationRow[]> {
  const { rows } = await sql<RegistrationRow>`
    SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r LEFT JOIN users u ON u.id = r.user_id
    WHERE r.event_id = ${eventId} AND r.status = ANY (${sql.val([...statuses])}::text[])
    ORDER BY r.queued_at NULLS LAST, r.id`.execute(db);
  return rows;
}

/** Members with a seat who chose to be listed: the only names the public sees. */
export async function publicAttendees(db: Executor, eventId: number): Promise<{ name: string; handle: string }[]> {
  const { rows } = await sql<{ name: string; handle: string }>`
    SELECT u.name, u.handle FROM event_registrations r JOIN users u ON u.id = r.user_id
    WHERE r.event_id = ${eventId} AND r.status = 'confirmed' AND r.show_publicly AND u.deleted_at IS NULL
    ORDER BY r.queued_at, r.id LIMIT 200`.execute(db);
  return rows;
}

export async function countConfirmed(trx: Executor, eventId: number): Promise<number> {
  const { rows } = await sql<{ count: number }>`SELECT count(*)::int AS count FROM event_registrations WHERE event_id = ${eventId} AND status = 'confirmed'`.execute(trx);
  return rows[0]?.count ?? 0;
}

export async function insertRegistration(
  trx: Trx,
  values: { event_id: number; user_id: number | null; email: string | null; name: string; locale: string; status: RegistrationStatus; code: string; queued: boolean },
): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO event_registrations (event_id, user_id, email, name, locale, status, code, queued_at)
    VALUES (${values.event_id}, ${values.user_id}, ${values.email}, ${values.name}, ${values.locale}, ${values.status}, ${values.code},
            ${values.queued ? sql`clock_timestamp()` : sql`NULL`})
    ON CONFLICT DO NOTHING RETURNING id`.execute(trx);
  return rows[0]?.id;
}

export async function setRegistrationStatus(trx: Trx, id: number, status: RegistrationStatus): Promise<void> {
  await sql`
    UPDATE event_registrations SET status = ${status},
      queued_at = CASE WHEN queued_at IS NULL AND ${status} IN ('confirmed', 'waiting') THEN clock_timestamp() ELSE queued_at END,
      cancelled_at = CASE WHEN ${status} = 'cancelled' THEN now() ELSE cancelled_at END
    WHERE id = ${id}`.execute(trx);
}

/** The longest-waiting registration, locked; none when nobody waits. */
export async function firstWaiting(trx: Trx, eventId: number): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM event_registrations WHERE event_id = ${eventId} AND status = 'waiting'
    ORDER BY queued_at, id LIMIT 1 FOR UPDATE`.execute(trx);
  return rows[0]?.id;
}

export async function setShowPublicly(db: Executor, id: number, show: boolean): Promise<void> {
  await db.updateTable('event_registrations').set({ show_publicly: show }).where('id', '=', id).execute();
}

export async function checkIn(trx: Executor, id: number): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`
    UPDATE event_registrations SET checked_in_at = now() WHERE id = ${id} AND checked_in_at IS NULL AND status = 'confirmed' RETURNING id`.execute(trx);
  return rows.length > 0;
}

/** Events a member holds a seat or waiting place for; with `after`, only those with a date still to end. */
export async function registeredEventIds(db: Executor, userId: number, after?: Date): Promise<number[]> {
  let query = db.selectFrom('event_registrations as r').select('r.event_id').where('r.user_id', '=', userId).where('r.status', 'in', ['confirmed', 'waiting']);
  if (after) query = query.where((eb) => eb.exists(eb.selectFrom('event_occurrences as o').select('o.id').whereRef('o.event_id', '=', 'r.event_id').where('o.ends_at', '>=', after)));
  const rows = await query.execute();
  return rows.map((row) => row.event_id);
}

export async function occurrencesOfEvents(db: Executor, eventIds: readonly number[]): Promise<OccurrenceRow[]> {
  if (eventIds.length === 0) return [];
  return db.selectFrom('event_occurrences').selectAll().where('event_id', 'in', [...eventIds]).orderBy('starts_at').execute();
}

export async function eventsByIds(db: Executor, ids: readonly number[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<EventRow>`SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.id = ANY (${sql.val([...ids])}::integer[])`.execute(db);
  return rows;
}

// Reminders.

export interface DueReminder {
  registration_id: number;
  occurrence_id: number;
  kind: 'day' | 'hour';
}

/**
 * Claims the reminders now due (a day before every event; an hour before online and hybrid ones)
 * that no process sent yet: the insert is the claim, so a second process claims nothing.
 */
export async function claimDueReminders(trx: Trx, now: Date, limit: number): Promise<DueReminder[]> {
  const { rows } = await sql<DueReminder>`
    INSERT INTO event_reminders (registration_id, occurrence_id, kind)
    SELECT r.id, eo.id, due.kind
    FROM event_occurrences eo
    JOIN events e ON e.id = eo.event_id AND e.status = 'published' AND e.cancelled_at IS NULL
    JOIN event_registrations r ON r.event_id = e.id AND r.status = 'confirmed'
    CROSS JOIN LATERAL (VALUES ('day', interval '24 hours'), ('hour', interval '1 hour')) AS due (kind, ahead)
    WHERE NOT eo.cancelled AND eo.starts_at > ${now} AND eo.starts_at <= ${now}::timestamptz + due.ahead
      AND (due.kind = 'day' OR e.format IN ('online', 'hybrid'))
      -- A seat taken after the day-before moment gets no late "tomorrow" mail, only the hour one.
      AND (due.kind = 'hour' OR r.queued_at <= eo.starts_at - interval '24 hours' OR eo.starts_at - ${now}::timestamptz > interval '1 hour')
    ORDER BY eo.starts_at
    LIMIT ${limit}
    ON CONFLICT DO NOTHING
    RETURNING registration_id, occurrence_id, kind`.execute(trx);
  return rows;
}

export async function occurrenceById(db: Executor, id: number): Promise<OccurrenceRow | undefined> {
  return db.selectFrom('event_occurrences').selectAll().where('id', '=', id).executeTakeFirst();
}
