import type { Transaction } from 'kysely';
import { canViewContent, slugsStartingWith, type ContentStatus } from '../../content/kinds.ts';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { nextStatus, readDecision, tellReviewers, type Decision } from '../../editorial/index.ts';
import { nextFreeSlug, slugify } from '../../lib/text.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isLocale, translator, type Locale } from '../../platform/i18n.ts';
import { loadPage } from '../../platform/pagination.ts';
import { can } from '../../platform/permissions.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import { calendarFile, eventEntries } from './calendar.ts';
import { eventTimeText } from './event-time.ts';
import { eventPath, eventRef, eventReviewPath } from './kind.ts';
import { checkEventForm, formValuesOf, type EventFormValues } from './model.ts';
import { filtersOf, readEventQuery, type EventListQuery, type RawEventQuery } from './filters.ts';
import * as queries from './queries.ts';
import { seatsService } from './seats.ts';
import { instantOf, occurrencesOf } from './time.ts';

/**
 * Events: members propose them and editors publish them from the shared review queue; an
 * organisation's managers and the editors publish directly. Organisers edit, move or cancel an
 * occurrence, cancel the event and write to the people registered; a change of time or place and
 * a cancellation reach every registered person by mail.
 */

export const SAVE_ACTIONS = ['draft', 'submit', 'publish'] as const;
export type SaveAction = (typeof SAVE_ACTIONS)[number];
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new', 'mine', 'calendar', 'registration']);
const MESSAGE_MAX = 5000;
const SUBJECT_MAX = 200;

export interface EventDetail {
  row: queries.EventRow;
  occurrences: queries.OccurrenceRow[];
  practices: { slug: string; title: string; language: string }[];
  resources: { slug: string; title: string; language: string }[];
  attendees: { name: string; handle: string }[];
}

export function eventsService(deps: AppDeps) {
  const { db, mailer, config } = deps;
  const taxonomy = taxonomyService(deps);
  const seats = seatsService(deps);

  async function topicIds(): Promise<Map<string, number>> {
    const topics = await taxonomy.list('topic');
    return new Map(topics.map((term) => [term.code, term.id]));
  }

  /** Who organises an event: its author, the managers of its organisation, and the editors. */
  async function mayManage(viewer: CurrentUser | null, row: Pick<queries.EventRow, 'author_id' | 'organisation_id'>): Promise<boolean> {
    if (!viewer) return false;
    if (can(viewer, 'content.editAny') || row.author_id === viewer.id) return true;
    return row.organisation_id !== null && (await queries.isManagerOf(db, viewer.id, row.organisation_id));
  }

  async function manageable(viewer: CurrentUser, slug: string): Promise<queries.EventRow> {
    const row = await queries.findBySlug(db, slug);
    if (!row || !canViewContent(viewer, eventRef(row))) throw new NotFoundError();
    if (!(await mayManage(viewer, row))) throw new ForbiddenError();
    return row;
  }

  /** The checked input with its ids, or a ValidationError naming every problem. */
  async function checked(actor: CurrentUser, form: EventFormValues) {
    const topics = await topicIds();
    const { input, errors } = checkEventForm(form, new Set(topics.keys()));
    const problems: Record<string, string> = { ...errors };
    const city = form.city.trim() ? await queries.cityIdBySlug(db, form.city.trim()) : undefined;
    if (form.city.trim() && !city) problems.city = 'events.errors.cityUnknown';
    const [practiceIds, resourceIds] = await Promise.all([
      queries.publishedIdsBySlug(db, 'practices', input?.practices ?? []),
      queries.publishedIdsBySlug(db, 'resources', input?.resources ?? []),
    ]);
    if (input && practiceIds.size < input.practices.length) problems.practices = 'events.errors.practiceNotFound';
    if (input && resourceIds.size < input.resources.length) problems.resources = 'events.errors.resourceNotFound';
    if (input?.organisationId && !can(actor, 'content.editAny') && !(await queries.isManagerOf(db, actor.id, input.organisationId))) {
      problems.organisation = 'events.errors.organisationNotYours';
    }
    if (!input || Object.keys(problems).length > 0) throw new ValidationError(problems);
    const values: queries.EventValues = {
      title: input.title,
      description: input.description,
      language: input.language,
      languages: input.languages,
      term_ids: input.topics.flatMap((code) => topics.get(code) ?? []),
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      time_zone: input.timeZone,
      recurrence: input.recurrence,
      format: input.format,
      venue: input.venue,
      address: input.address,
      city_id: city?.id ?? null,
      // A city names its country; an online event may name one it is for, or none.
      country: city?.country ?? input.country,
      join_url: input.joinUrl,
      capacity: input.capacity,
      registration_deadline: input.registrationDeadline,
      practice_ids: input.practices.flatMap((slug) => practiceIds.get(slug) ?? []),
      resource_ids: input.resources.flatMap((slug) => resourceIds.get(slug) ?? []),
      organisation_id: input.organisationId,
    };
    return { input, values };
  }

  /** Whether `actor` may publish without review: editors, and managers of the organising organisation. */
  async function publishesDirectly(actor: CurrentUser, organisationId: number | null): Promise<boolean> {
    if (can(actor, 'content.review')) return true;
    return organisationId !== null && (await queries.isManagerOf(db, actor.id, organisationId));
  }

  async function statusAfter(actor: CurrentUser, action: SaveAction, current: ContentStatus | null, organisationId: number | null): Promise<ContentStatus> {
    // An organiser's edit of a published event keeps it published: they run it.
    if (current === 'published') return 'published';
    if (action === 'publish') {
      if (!(await publishesDirectly(actor, organisationId))) throw new ForbiddenError();
      return 'published';
    }
    return action === 'submit' ? 'submitted' : (current ?? 'draft');
  }

  function tellReviewersOf(submitter: CurrentUser, slug: string, title: string): Promise<void> {
    return tellReviewers(deps, { submitter, title, reviewPath: eventReviewPath(slug), subjectKey: 'events.mail.submitted.subject', bodyKey: 'events.mail.submitted.body' });
  }

  const link = (locale: Locale, path: string) => new URL(`/${locale}${path}`, config.baseUrl).href;

  /** Mails every registered person (seats and waiting places) in their language, inside `trx`. */
  async function tellRegistered(
    trx: Transaction<Database>,
    row: queries.EventRow,
    write: (t: ReturnType<typeof translator>, locale: Locale, registration: queries.RegistrationRow) => { subject: string; text: string },
  ): Promise<number> {
    const registered = await queries.registrationsOf(trx, row.id, ['confirmed', 'waiting']);
    for (const registration of registered) {
      if (!registration.address) continue;
      const locale = isLocale(registration.locale) ? registration.locale : 'en';
      const mail = write(translator(locale), locale, registration);
      await mailer.sendWithin(trx, { to: registration.address, ...mail });
    }
    return registered.length;
  }

  return {
    seats,
    mayManage,

    /** The topics and organisations an event's form offers `actor`. */
    async formChoices(actor: CurrentUser) {
      const [topics, organisations] = await Promise.all([taxonomy.list('topic'), queries.managedOrganisations(db, actor.id)]);
      return { topics, organisations };
    },

    /** A new event by `actor`; returns its slug. */
    async create(actor: CurrentUser, form: EventFormValues, action: SaveAction, options: { slug?: string; publishedAt?: Date; authorId?: number } = {}): Promise<string> {
      const { input, values } = await checked(actor, form);
      const status = await statusAfter(actor, action, null, values.organisation_id);
      for (let attempt = 0; ; attempt += 1) {
        try {
          const slug = await db.transaction().execute(async (trx) => {
            const base = options.slug ?? (slugify(input.title, 80) || 'event');
            const slug = options.slug ?? nextFreeSlug(base, await slugsStartingWith(trx, 'events', base), RESERVED_SLUGS);
            const now = new Date();
            const id = await queries.insertEvent(trx, {
              ...values,
              slug,
              author_id: options.authorId ?? actor.id,
              status,
              submitted_at: status === 'draft' ? null : (options.publishedAt ?? now),
              published_at: status === 'published' ? (options.publishedAt ?? now) : null,
            });
            await queries.replaceOccurrences(trx, id, occurrencesOf({ startsAt: values.starts_at, endsAt: values.ends_at, timeZone: values.time_zone, recurrence: values.recurrence }));
            return slug;
          });
          if (status === 'submitted' && !options.publishedAt) await tellReviewersOf(actor, slug, input.title);
          return slug;
        } catch (error) {
          if (isUniqueViolation(error) && !options.slug && attempt < 3) continue;
          throw error;
        }
      }
    },

    /**
     * Saves an organiser's edit made on the version they saw. Registered people are told by mail
     * when the time or the place changed; a capacity below the seats already taken is refused,
     * and a larger one gives waiting people their seats.
     */
    async update(actor: CurrentUser, slug: string, version: number, form: EventFormValues, action: SaveAction): Promise<ContentStatus> {
      const current = await manageable(actor, slug);
      const { values } = await checked(actor, form);
      const status = await statusAfter(actor, action, current.status, values.organisation_id ?? current.organisation_id);
      const saved = await db.transaction().execute(async (trx) => {
        const locked = await queries.lockEvent(trx, current.id);
        if (!locked || locked.version !== version) throw new ConflictError('The event changed since it was read');
        const taken = await queries.countConfirmed(trx, current.id);
        if (values.capacity !== null && values.capacity < taken) throw new ValidationError({ capacity: 'events.errors.capacityBelowRegistered' });
        await queries.updateEvent(trx, current.id, {
          ...values,
          status,
          version: version + 1,
          submitted_at: status === 'submitted' ? new Date() : current.submitted_at,
          published_at: status === 'published' ? (current.published_at ?? new Date()) : current.published_at,
        });
        await queries.replaceOccurrences(trx, current.id, occurrencesOf({ startsAt: values.starts_at, endsAt: values.ends_at, timeZone: values.time_zone, recurrence: values.recurrence }));
        await seats.fillFreedSeats(trx, current.id);
        const moved = current.starts_at.getTime() !== values.starts_at.getTime() || current.ends_at.getTime() !== values.ends_at.getTime() || current.recurrence !== values.recurrence;
        const relocated = current.venue !== values.venue || current.address !== values.address || current.city_id !== values.city_id || current.join_url !== values.join_url;
        if (current.status === 'published' && (moved || relocated)) {
          const updated = await queries.findById(trx, current.id);
          if (updated) {
            await tellRegistered(trx, updated, (t, locale, registration) => ({
              subject: t('events.mail.changed.subject', { title: updated.title }),
              text: t('events.mail.changed.body', {
                name: registration.display_name,
                title: updated.title,
                when: eventTimeText(locale, updated.starts_at, updated.ends_at, updated.time_zone, registration.reader_time_zone ?? updated.time_zone),
                where: [updated.venue, updated.address, updated.city_name].filter(Boolean).join(', ') || t('events.formats.online'),
                link: link(locale, eventPath(updated.slug)),
              }),
            }));
          }
        }
        return status;
      });
      mailer.wake();
      if (saved === 'submitted' && current.status !== 'submitted') await tellReviewersOf(actor, slug, values.title);
      return saved;
    },

    /** Cancels the whole event; everyone registered or waiting is told. */
    async cancel(actor: CurrentUser, slug: string, reason: string): Promise<void> {
      const row = await manageable(actor, slug);
      const why = reason.trim();
      if (why.length > MESSAGE_MAX) throw new ValidationError({ reason: 'events.errors.messageTooLong' });
      if (row.cancelled_at) throw new ValidationError({ reason: 'events.errors.eventCancelled' });
      await db.transaction().execute(async (trx) => {
        const locked = await queries.lockEvent(trx, row.id);
        if (!locked || locked.cancelled_at) throw new ValidationError({ reason: 'events.errors.eventCancelled' });
        await queries.updateEvent(trx, row.id, { version: locked.version + 1, cancelled_at: new Date(), cancel_reason: why });
        await tellRegistered(trx, row, (t, locale, registration) => ({
          subject: t('events.mail.cancelled.subject', { title: row.title }),
          text: t('events.mail.cancelled.body', { name: registration.display_name, title: row.title, reason: why || t('events.mail.noReason'), link: link(locale, eventPath(row.slug)) }),
        }));
      });
      mailer.wake();
    },

    /** Cancels or moves one occurrence of a series (or the single one); registered people are told. */
    async changeOccurrence(actor: CurrentUser, slug: string, occurrenceId: number, change: { cancel: true } | { startsAt: string }): Promise<void> {
      const row = await manageable(actor, slug);
      let moveTo: { startsAt: Date; endsAt: Date } | undefined;
      if ('startsAt' in change) {
        const startsAt = instantOf(change.startsAt.trim(), row.time_zone);
        if (!startsAt) throw new ValidationError({ startsAt: 'events.errors.startInvalid' });
        moveTo = { startsAt, endsAt: new Date(startsAt.getTime() + (row.ends_at.getTime() - row.starts_at.getTime())) };
      }
      await db.transaction().execute(async (trx) => {
        await queries.lockEvent(trx, row.id);
        const changed = await queries.changeOccurrence(trx, row.id, occurrenceId, moveTo ?? { cancelled: true });
        if (!changed) throw new NotFoundError();
        if (row.status !== 'published') return;
        await tellRegistered(trx, row, (t, locale, registration) => ({
          subject: t(moveTo ? 'events.mail.occurrenceMoved.subject' : 'events.mail.occurrenceCancelled.subject', { title: row.title }),
          text: t(moveTo ? 'events.mail.occurrenceMoved.body' : 'events.mail.occurrenceCancelled.body', {
            name: registration.display_name,
            title: row.title,
            was: eventTimeText(locale, changed.original_start, new Date(changed.original_start.getTime() + (row.ends_at.getTime() - row.starts_at.getTime())), row.time_zone, registration.reader_time_zone ?? row.time_zone),
            when: eventTimeText(locale, changed.starts_at, changed.ends_at, row.time_zone, registration.reader_time_zone ?? row.time_zone),
            link: link(locale, eventPath(row.slug)),
          }),
        }));
      });
      mailer.wake();
    },

    /** An organiser's message to everyone with a seat or waiting; returns how many were written to. */
    async messageRegistered(actor: CurrentUser, slug: string, form: { subject: string; message: string }): Promise<number> {
      const row = await manageable(actor, slug);
      const subject = form.subject.trim();
      const message = form.message.trim();
      const errors: Record<string, string> = {};
      if (!subject) errors.subject = 'events.errors.subjectRequired';
      else if (subject.length > SUBJECT_MAX) errors.subject = 'events.errors.subjectTooLong';
      if (!message) errors.message = 'events.errors.messageRequired';
      else if (message.length > MESSAGE_MAX) errors.message = 'events.errors.messageTooLong';
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const count = await db.transaction().execute((trx) =>
        tellRegistered(trx, row, (t, locale, registration) => ({
          subject: t('events.mail.message.subject', { title: row.title, subject }),
          text: t('events.mail.message.body', { name: registration.display_name, title: row.title, organiser: actor.name, message, link: link(locale, eventPath(row.slug)) }),
        })),
      );
      mailer.wake();
      return count;
    },

    /** Editors' decision on a proposed event; the author is told by mail. */
    async decide(actor: CurrentUser, slug: string, version: number, rawDecision: string, rawMessage: string): Promise<Decision> {
      if (!can(actor, 'content.review')) throw new ForbiddenError();
      const { decision, message } = readDecision(rawDecision, rawMessage, 'events');
      const row = await queries.findBySlug(db, slug);
      if (!row) throw new NotFoundError();
      const status = nextStatus(row.status, decision);
      if (!status) throw new ConflictError(`A ${row.status} event cannot be decided on`);
      await db.transaction().execute(async (trx) => {
        const locked = await queries.lockEvent(trx, row.id);
        if (!locked || locked.version !== version || locked.status !== row.status) throw new ConflictError('The event changed since it was read');
        await queries.updateEvent(trx, row.id, { status, version: version + 1, decision_message: message, published_at: status === 'published' ? (row.published_at ?? new Date()) : row.published_at });
        if (row.author_email) {
          const locale = row.author_locale && isLocale(row.author_locale) ? row.author_locale : 'en';
          const t = translator(locale);
          await mailer.sendWithin(trx, {
            to: row.author_email,
            subject: t(`events.mail.${decision}.subject`, { title: row.title }),
            text: t(`events.mail.${decision}.body`, {
              name: row.author_name ?? '',
              title: row.title,
              message: message || t('events.mail.noReason'),
              link: link(locale, decision === 'publish' ? eventPath(row.slug) : `${eventPath(row.slug)}/edit`),
            }),
          });
        }
      });
      mailer.wake();
      return decision;
    },

    /** An event as its viewer may see it: drafts and proposals only to their organisers and the editors. */
    async find(viewer: CurrentUser | null, slug: string): Promise<EventDetail> {
      const row = await queries.findBySlug(db, slug);
      if (!row || !(canViewContent(viewer, eventRef(row)) || (await mayManage(viewer, row)))) throw new NotFoundError();
      const [occurrences, practices, resources, attendees] = await Promise.all([
        queries.occurrencesOf(db, row.id),
        queries.publishedLinks(db, 'practices', row.practice_ids),
        queries.publishedLinks(db, 'resources', row.resource_ids),
        queries.publicAttendees(db, row.id),
      ]);
      return { row, occurrences, practices, resources, attendees };
    },

    /** The edit form's values of an event its organiser may change. */
    async formOf(actor: CurrentUser, slug: string): Promise<{ values: EventFormValues; row: queries.EventRow }> {
      const row = await manageable(actor, slug);
      const [practices, resources] = await Promise.all([queries.publishedLinks(db, 'practices', row.practice_ids), queries.publishedLinks(db, 'resources', row.resource_ids)]);
      return {
        row,
        values: formValuesOf({ ...row, city_slug: row.city_slug, practice_slugs: practices.map((item) => item.slug), resource_slugs: resources.map((item) => item.slug) }),
      };
    },

    manageable,

    /** The field errors a form has, for the list of problems shown with it. */
    async problems(actor: CurrentUser, form: EventFormValues): Promise<Record<string, string>> {
      try {
        await checked(actor, form);
        return {};
      } catch (error) {
        if (error instanceof ValidationError) return { ...error.errors };
        throw error;
      }
    },

    list(filters: queries.EventFilters, when: 'upcoming' | 'past', page: number, pageSize?: number) {
      const now = new Date();
      return loadPage(page, { count: () => queries.countOccurrences(db, filters, when, now), rows: (window) => queries.pageOfOccurrences(db, filters, when, now, window) }, pageSize);
    },

    /** Occurrences in a month, read a day wider on both sides so that every reader's zone finds its days. */
    month(filters: queries.EventFilters, year: number, month: number) {
      const from = new Date(Date.UTC(year, month - 1, 1) - 86_400_000);
      const to = new Date(Date.UTC(year, month, 1) + 86_400_000);
      return queries.occurrencesBetween(db, filters, from, to, 1000);
    },

    /** Upcoming occurrences for the calendar file and feeds. */
    upcoming(filters: queries.EventFilters, limit: number, now = new Date()) {
      return queries.pageOfOccurrences(db, filters, 'upcoming', now, { limit, offset: 0 });
    },

    eventsByIds: (ids: readonly number[]) => queries.eventsByIds(db, ids),

    /** The next `limit` occurrences of published events as an iCalendar file, without join links. */
    async calendar(filters: queries.EventFilters, locale: string, name: string, limit: number): Promise<string> {
      const items = await queries.pageOfOccurrences(db, filters, 'upcoming', new Date(), { limit, offset: 0 });
      const rows = new Map((await queries.eventsByIds(db, [...new Set(items.map((item) => item.event_id))])).map((row) => [row.id, row]));
      return calendarFile(name, items.flatMap((item) => {
        const row = rows.get(item.event_id);
        return row ? eventEntries(config.baseUrl, locale, row, [{ id: item.occurrence_id, starts_at: item.starts_at, ends_at: item.ends_at, cancelled: item.cancelled }], false) : [];
      }));
    },

    mine(actor: CurrentUser, page: number) {
      return loadPage(page, { count: () => queries.countByAuthor(db, actor.id), rows: (window) => queries.pageByAuthor(db, actor.id, window) });
    },

    /** The list's query and the filters it means; unknown topics and cities are dropped and said so. */
    async queryOf(raw: RawEventQuery): Promise<{ query: EventListQuery; filters: queries.EventFilters }> {
      const [topics, city] = await Promise.all([topicIds(), raw.city ? queries.cityIdBySlug(db, raw.city) : Promise.resolve(undefined)]);
      const query = readEventQuery(raw, (code) => topics.has(code), () => city !== undefined);
      return { query, filters: filtersOf(query, query.topic ? topics.get(query.topic) : undefined) };
    },

  };
}

export type EventsService = ReturnType<typeof eventsService>;
