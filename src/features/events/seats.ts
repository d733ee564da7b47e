import { randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isLocale, translator, type Locale } from '../../platform/i18n.ts';
import { consumeLink, issueLink } from '../../platform/single-use-links.ts';
import { calendarFile, eventEntries } from './calendar.ts';
import { eventTimeText } from './event-time.ts';
import { eventPath } from './kind.ts';
import * as queries from './queries.ts';

/**
 * Seats and the waiting list. Every step that takes or frees a seat holds the event's row lock,
 * so registrations for one event queue behind each other: the seat count read is the seat count
 * written, and the queue order is the order in which requests took the lock. Mails about a seat
 * are written in the same transaction, so a seat given is a seat announced.
 */

export type RegistrationOutcome = 'confirmed' | 'waiting' | 'already';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;
export const CONFIRM_PURPOSE = 'event-registration';
export const CANCEL_PURPOSE = 'event-cancellation';
export const REGISTRATION_LINK_KIND = 'event_registration';
const CONFIRM_LINK_TTL_MS = 2 * 24 * 60 * 60 * 1000;
const NAME_MAX = 200;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A short code people read out at the door: no 0/O or 1/I to confuse. */
export function registrationCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export function seatsService(deps: AppDeps) {
  const { db, mailer, config } = deps;
  const link = (locale: Locale, path: string) => new URL(`/${locale}${path}`, config.baseUrl).href;

  /** Why nobody may register now, or undefined when they may. */
  function closedReason(row: queries.EventRow, occurrences: readonly queries.OccurrenceRow[], now: Date): string | undefined {
    if (row.status !== 'published') return 'events.errors.notPublished';
    if (row.cancelled_at) return 'events.errors.eventCancelled';
    if (row.registration_deadline && row.registration_deadline.getTime() < now.getTime()) return 'events.errors.registrationClosed';
    if (!occurrences.some((occurrence) => !occurrence.cancelled && occurrence.ends_at.getTime() > now.getTime())) return 'events.errors.eventOver';
    return undefined;
  }

  async function openEvent(slug: string): Promise<queries.EventRow> {
    const row = await queries.findBySlug(db, slug);
    if (!row || row.status !== 'published') throw new NotFoundError();
    const reason = closedReason(row, await queries.occurrencesOf(db, row.id), new Date());
    if (reason) throw new ValidationError({ register: reason });
    return row;
  }

  /** The mail that tells a person where they stand, with the calendar entry once they hold a seat. */
  async function tellStanding(trx: Transaction<Database>, eventId: number, registrationId: number, standing: 'confirmed' | 'waiting' | 'promoted'): Promise<void> {
    const [row, registration, occurrences] = await Promise.all([queries.findById(trx, eventId), queries.registrationById(trx, registrationId), queries.occurrencesOf(trx, eventId)]);
    if (!row || !registration?.address) return;
    const locale: Locale = isLocale(registration.locale) ? registration.locale : 'en';
    const t = translator(locale);
    const cancelLink = registration.user_id === null
      ? link(locale, `${eventPath(row.slug)}/registration/cancel?token=${await issueLink(trx, { purpose: CANCEL_PURPOSE, subject: { kind: REGISTRATION_LINK_KIND, id: registration.id }, ttlMs: Math.max(row.ends_at.getTime(), ...occurrences.map((o) => o.ends_at.getTime())) - Date.now() + 86_400_000, recipient: registration.address })}`)
      : link(locale, eventPath(row.slug));
    const seat = standing !== 'waiting';
    await mailer.sendWithin(trx, {
      to: registration.address,
      subject: t(`events.mail.${standing}.subject`, { title: row.title }),
      text: t(`events.mail.${standing}.body`, {
        name: registration.display_name,
        title: row.title,
        when: eventTimeText(locale, row.starts_at, row.ends_at, row.time_zone, registration.reader_time_zone ?? row.time_zone),
        where: [row.venue, row.address, row.city_name].filter(Boolean).join(', ') || t('events.formats.online'),
        join: seat && row.join_url ? t('events.mail.joinLine', { url: row.join_url }) : '',
        code: registration.code,
        link: link(locale, eventPath(row.slug)),
        cancel: cancelLink,
      }),
      ...(seat ? { attachments: [{ filename: 'event.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendarFile(row.title, eventEntries(config.baseUrl, locale, row, occurrences, true)) }] } : {}),
    });
  }

  /** Seat or waiting place for a registration already in the table, decided under the event's lock. */
  async function place(trx: Transaction<Database>, eventId: number, registrationId: number): Promise<'confirmed' | 'waiting'> {
    const locked = await queries.lockEvent(trx, eventId);
    if (!locked) throw new NotFoundError();
    const taken = await queries.countConfirmed(trx, eventId);
    const standing = locked.capacity === null || taken < locked.capacity ? 'confirmed' : 'waiting';
    await queries.setRegistrationStatus(trx, registrationId, standing);
    return standing;
  }

  /** Gives freed seats to the people waiting longest, and tells them; run under the event's lock. */
  async function fillFreedSeats(trx: Transaction<Database>, eventId: number): Promise<number[]> {
    const locked = await queries.lockEvent(trx, eventId);
    if (!locked || locked.cancelled_at || locked.status !== 'published') return [];
    const promoted: number[] = [];
    let taken = await queries.countConfirmed(trx, eventId);
    while (locked.capacity === null || taken < locked.capacity) {
      const next = await queries.firstWaiting(trx, eventId);
      if (next === undefined) break;
      await queries.setRegistrationStatus(trx, next, 'confirmed');
      await tellStanding(trx, eventId, next, 'promoted');
      promoted.push(next);
      taken += 1;
    }
    return promoted;
  }

  /**
   * Cancels the registration `find` gives, under the event's lock, and hands a freed seat to the
   * person waiting longest; false when there was nothing of this event's to cancel.
   */
  async function release(slug: string, find: (trx: Transaction<Database>, eventId: number) => Promise<queries.RegistrationRow | undefined>): Promise<boolean> {
    const row = await queries.findBySlug(db, slug);
    if (!row) throw new NotFoundError();
    const cancelled = await db.transaction().execute(async (trx) => {
      await queries.lockEvent(trx, row.id);
      const registration = await find(trx, row.id);
      if (!registration || registration.event_id !== row.id || registration.status === 'cancelled') return false;
      await queries.setRegistrationStatus(trx, registration.id, 'cancelled');
      await fillFreedSeats(trx, row.id);
      return true;
    });
    mailer.wake();
    return cancelled;
  }

  return {
    closedReason,
    fillFreedSeats,

    /** One click for a member: a seat, a waiting place, or what they already hold. */
    async registerMember(member: CurrentUser, slug: string, locale: Locale): Promise<RegistrationOutcome> {
      const row = await openEvent(slug);
      const outcome = await db.transaction().execute(async (trx): Promise<RegistrationOutcome> => {
        const locked = await queries.lockEvent(trx, row.id);
        if (!locked || locked.cancelled_at) throw new ValidationError({ register: 'events.errors.eventCancelled' });
        const existing = await queries.memberRegistration(trx, row.id, member.id);
        if (existing) return 'already';
        const taken = await queries.countConfirmed(trx, row.id);
        const status = locked.capacity === null || taken < locked.capacity ? 'confirmed' : 'waiting';
        let id: number | undefined;
        for (let attempt = 0; id === undefined && attempt < 5; attempt += 1) {
          id = await queries.insertRegistration(trx, { event_id: row.id, user_id: member.id, email: null, name: '', locale, status, code: registrationCode(), queued: true });
        }
        if (id === undefined) throw new Error('No free registration code');
        await tellStanding(trx, row.id, id, status);
        return status;
      });
      mailer.wake();
      return outcome;
    },

    /**
     * A visitor asks with a name and an address; the seat is decided when they follow the link
     * mailed to that address, which works once. Asking again while unconfirmed sends a new link.
     */
    async requestVisitor(slug: string, form: { name: string; email: string }, locale: Locale): Promise<void> {
      const name = form.name.trim();
      const email = form.email.trim();
      const errors: Record<string, string> = {};
      if (!name) errors.name = 'events.errors.nameRequired';
      else if (name.length > NAME_MAX) errors.name = 'events.errors.nameTooLong';
      if (!EMAIL_PATTERN.test(email) || email.length > 254) errors.email = 'events.errors.emailInvalid';
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const row = await openEvent(slug);
      await db.transaction().execute(async (trx) => {
        let id: number | undefined;
        for (let attempt = 0; id === undefined && attempt < 5; attempt += 1) {
          id = await queries.insertRegistration(trx, { event_id: row.id, user_id: null, email, name, locale, status: 'unconfirmed', code: registrationCode(), queued: false });
          if (id === undefined) {
            const existing = (await queries.registrationsOf(trx, row.id, ['unconfirmed', 'confirmed', 'waiting'])).find((candidate) => candidate.email?.toLowerCase() === email.toLowerCase());
            // Already holding a seat or a waiting place: nothing to confirm, and nothing said to a stranger.
            if (existing && existing.status !== 'unconfirmed') return;
            id = existing?.id;
          }
        }
        if (id === undefined) return;
        const token = await issueLink(trx, { purpose: CONFIRM_PURPOSE, subject: { kind: REGISTRATION_LINK_KIND, id }, ttlMs: CONFIRM_LINK_TTL_MS, recipient: email });
        const t = translator(locale);
        await mailer.sendWithin(trx, {
          to: email,
          subject: t('events.mail.confirmRegistration.subject', { title: row.title }),
          text: t('events.mail.confirmRegistration.body', { name, title: row.title, link: link(locale, `${eventPath(row.slug)}/registration/confirm?token=${encodeURIComponent(token)}`) }),
        });
      });
      mailer.wake();
    },

    /** A visitor's confirmation link, used once: the seat or waiting place is decided now. */
    async confirmVisitor(slug: string, token: string): Promise<RegistrationOutcome> {
      const row = await openEvent(slug);
      const outcome = await db.transaction().execute(async (trx): Promise<RegistrationOutcome | undefined> => {
        const id = await consumeLink(trx, CONFIRM_PURPOSE, REGISTRATION_LINK_KIND, token);
        if (id === undefined) return undefined;
        const registration = await queries.registrationById(trx, id);
        if (!registration || registration.event_id !== row.id) return undefined;
        if (registration.status !== 'unconfirmed') return 'already';
        const standing = await place(trx, row.id, id);
        await tellStanding(trx, row.id, id, standing);
        return standing;
      });
      if (!outcome) throw new ValidationError({ register: 'events.errors.linkInvalid' });
      mailer.wake();
      return outcome;
    },

    /** A member gives up their seat or waiting place; the first person waiting gets a freed seat. */
    cancelMember(member: CurrentUser, slug: string): Promise<boolean> {
      return release(slug, (trx, eventId) => queries.memberRegistration(trx, eventId, member.id));
    },

    /** A visitor's cancellation link from their confirmation mail. */
    cancelByToken(slug: string, token: string): Promise<boolean> {
      return release(slug, async (trx) => {
        const id = await consumeLink(trx, CANCEL_PURPOSE, REGISTRATION_LINK_KIND, token);
        return id === undefined ? undefined : queries.registrationById(trx, id);
      });
    },

    /** Whether the member's name is on the public attendee list (off until they choose). */
    async showPublicly(member: CurrentUser, slug: string, show: boolean): Promise<void> {
      const row = await queries.findBySlug(db, slug);
      if (!row) throw new NotFoundError();
      const registration = await queries.memberRegistration(db, row.id, member.id);
      if (!registration) throw new NotFoundError();
      await queries.setShowPublicly(db, registration.id, show);
    },

    /** The member's own registration, if any, with the event's join link (theirs to see once seated). */
    async mine(member: CurrentUser, eventId: number) {
      return queries.memberSeat(db, eventId, member.id);
    },
  };
}

export type SeatsService = ReturnType<typeof seatsService>;
