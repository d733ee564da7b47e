import type { FastifyInstance } from 'fastify';
import { ATOM_CONTENT_TYPE, atomXml } from '../../open-data/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { apiErrorSchema, parsePerPage, perPageParameter, searchPageSchema, slugParameter } from '../../platform/http/api.ts';
import { PAGE_GENERATIONS, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { PAGE_SIZE } from '../../search/index.ts';
import { taxonomyService, termLabel } from '../taxonomies/index.ts';
import { ICS_CONTENT_TYPE } from './calendar.ts';
import { eventQueryString, eventQuerySchema, type RawEventQuery } from './filters.ts';
import { EVENT_KIND, eventPath } from './kind.ts';
import type { OrganiserService } from './organiser.ts';
import * as queries from './queries.ts';
import type { EventsService } from './service.ts';

/**
 * `/events.ics`, each member's private calendar, `/api/v1/events…` and `/feeds/events.atom`:
 * registered at the root, described in the OpenAPI document. Only published events, and never a
 * join link outside a registered person's own calendar.
 */

const FEED_SIZE = 50;
const CALENDAR_SIZE = 500;
const SHOWS = sharedPage([EVENT_KIND, PAGE_GENERATIONS.taxonomy], { sameForEveryone: true });

const occurrenceSchema = {
  type: 'object',
  properties: { starts_at: { type: 'string', format: 'date-time' }, ends_at: { type: 'string', format: 'date-time' }, cancelled: { type: 'boolean' } },
} as const;
const eventSchema = {
  type: 'object',
  properties: {
    slug: { type: 'string' },
    url: { type: 'string', description: 'The event page' },
    api_url: { type: 'string' },
    ics_url: { type: 'string', description: 'The event as an iCalendar file' },
    title: { type: 'string' },
    description: { type: 'string', description: 'Markdown' },
    language: { type: 'string' },
    languages: { type: 'array', items: { type: 'string' }, description: 'Languages spoken at the event' },
    topics: { type: 'array', items: { type: 'string' } },
    starts_at: { type: 'string', format: 'date-time', description: 'This occurrence (the next one of a series in the list)' },
    ends_at: { type: 'string', format: 'date-time' },
    time_zone: { type: 'string', description: 'IANA zone the organiser set the times in' },
    recurrence: { type: 'string', nullable: true, description: 'RRULE of a series' },
    format: { type: 'string', enum: ['in_person', 'online', 'hybrid'] },
    venue: { type: 'string' },
    address: { type: 'string' },
    city: { type: 'string', nullable: true },
    country: { type: 'string', nullable: true },
    capacity: { type: 'integer', nullable: true },
    seats_left: { type: 'integer', nullable: true },
    cancelled: { type: 'boolean' },
  },
} as const;
const eventDetailSchema = { ...eventSchema, properties: { ...eventSchema.properties, occurrences: { type: 'array', items: occurrenceSchema } } } as const;

export function eventApiRoutes({ service, organiser }: { service: EventsService; organiser: OrganiserService }) {
  return async function eventApiRoutesPlugin(app: FastifyInstance) {
    const { config } = app.deps;
    const taxonomy = taxonomyService(app.deps);
    const absolute = (path: string) => new URL(path, config.baseUrl).href;

    function recordOf(row: queries.EventRow, occurrence: { starts_at: Date; ends_at: Date; cancelled: boolean }) {
      return {
        slug: row.slug,
        url: absolute(`/en${eventPath(row.slug)}`),
        api_url: absolute(`/api/v1/events/${encodeURIComponent(row.slug)}`),
        ics_url: absolute(`/en${eventPath(row.slug)}/event.ics`),
        title: row.title,
        description: row.description,
        language: row.language,
        languages: row.languages,
        topics: row.topics,
        starts_at: occurrence.starts_at.toISOString(),
        ends_at: occurrence.ends_at.toISOString(),
        time_zone: row.time_zone,
        recurrence: row.recurrence,
        format: row.format,
        venue: row.venue,
        address: row.address,
        city: row.city_slug,
        country: row.country,
        capacity: row.capacity,
        seats_left: row.capacity === null ? null : Math.max(0, row.capacity - row.seats_taken),
        cancelled: occurrence.cancelled || row.cancelled_at !== null,
      };
    }

    const listQuery = { ...eventQuerySchema, properties: { ...eventQuerySchema.properties, per_page: perPageParameter } } as const;

    app.get(
      '/api/v1/events',
      {
        config: SHOWS,
        schema: {
          tags: ['events'],
          summary: 'Upcoming or past occurrences of published events',
          description: 'The list of /{locale}/events as JSON, with its filters: when (upcoming, past), country, city, attendance (online, in_person), topic, language.',
          querystring: listQuery,
          response: { 200: searchPageSchema(eventSchema, { next: { type: 'string', nullable: true } }), 400: apiErrorSchema },
        },
      },
      async (request) => {
        const raw = request.query as RawEventQuery & { per_page?: string };
        const perPage = parsePerPage(raw.per_page);
        const { query, filters } = await service.queryOf(raw);
        const page = await service.list(filters, query.when, parsePage(raw.page), perPage);
        const rows = new Map((await service.eventsByIds([...new Set(page.items.map((item) => item.event_id))])).map((row) => [row.id, row]));
        const nextQuery = new URLSearchParams(eventQueryString(query, page.page + 1).slice(1));
        if (perPage !== PAGE_SIZE) nextQuery.set('per_page', String(perPage));
        return {
          total: page.total,
          approximate: false,
          page: page.page,
          per_page: perPage,
          page_count: page.pageCount,
          items: page.items.flatMap((item) => {
            const row = rows.get(item.event_id);
            return row ? [recordOf(row, item)] : [];
          }),
          next: page.page < page.pageCount ? absolute(`/api/v1/events?${nextQuery.toString()}`) : null,
        };
      },
    );

    app.get(
      '/api/v1/events/:slug',
      { config: SHOWS, schema: { tags: ['events'], summary: 'One published event with all its occurrences', params: slugParameter, response: { 200: eventDetailSchema, 404: apiErrorSchema } } },
      async (request) => {
        const { row, occurrences } = await service.find(null, (request.params as { slug: string }).slug);
        return { ...recordOf(row, { starts_at: row.starts_at, ends_at: row.ends_at, cancelled: false }), occurrences: occurrences.map((o) => ({ starts_at: o.starts_at.toISOString(), ends_at: o.ends_at.toISOString(), cancelled: o.cancelled })) };
      },
    );

    app.get(
      '/events.ics',
      { config: SHOWS, schema: { tags: ['events'], summary: 'Upcoming published events as an iCalendar file, with the list\'s filters', querystring: eventQuerySchema, produces: ['text/calendar'] } },
      async (request, reply) => {
        const { filters } = await service.queryOf({ ...(request.query as RawEventQuery), when: 'upcoming' });
        const ics = await service.calendar(filters, request.locale, request.t('events.calendar.name'), CALENDAR_SIZE);
        return reply.type(ICS_CONTENT_TYPE).header('vary', 'Accept-Language').send(ics);
      },
    );

    app.get(
      '/events/calendar/:token',
      {
        schema: {
          tags: ['events'],
          summary: 'A member\'s private calendar of the events they registered for, with join links',
          params: { type: 'object', properties: { token: { type: 'string', maxLength: 80, pattern: '^[0-9]+\\.[A-Za-z0-9_-]+\\.ics$' } }, required: ['token'] },
          produces: ['text/calendar'],
        },
      },
      async (request, reply) => {
        const token = (request.params as { token: string }).token.replace(/\.ics$/, '');
        const userId = organiser.calendarOwner(token);
        if (userId === undefined) throw new NotFoundError('No such calendar');
        const ics = await organiser.memberCalendar(userId, request.locale, request.t('events.calendar.mine'));
        return reply.type(ICS_CONTENT_TYPE).header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex').send(ics);
      },
    );

    app.get(
      '/feeds/events.atom',
      { config: SHOWS, schema: { tags: ['events'], summary: `Atom feed of the next ${FEED_SIZE} occurrences of published events, with the list's filters`, querystring: eventQuerySchema } },
      async (request, reply) => {
        const { t, locale } = request;
        const { query, filters } = await service.queryOf({ ...(request.query as RawEventQuery), when: 'upcoming' });
        const [items, topics] = await Promise.all([service.upcoming(filters, FEED_SIZE), taxonomy.list('topic')]);
        const byCode = new Map(topics.map((term) => [term.code, term]));
        const filterText = eventQueryString(query);
        const xml = atomXml({
          selfUrl: absolute(`/feeds/events.atom${filterText}`),
          alternateUrl: absolute(`/${locale}/events${filterText}`),
          title: t('events.feed.title'),
          subtitle: t('events.feed.subtitle'),
          authorName: t('common.siteName'),
          locale,
          entries: items.map((item) => ({
            url: absolute(`/${locale}${eventPath(item.slug)}`),
            title: item.title,
            language: item.language,
            published: item.starts_at,
            summary: `${item.starts_at.toISOString()} · ${[item.venue, item.city_name].filter(Boolean).join(', ') || t('events.formats.online')}`,
            categories: item.topics.flatMap((code) => {
              const term = byCode.get(code);
              return term ? [{ term: code, label: termLabel(term, locale) }] : [];
            }),
          })),
        });
        return reply.type(ATOM_CONTENT_TYPE).header('vary', 'Accept-Language').send(xml);
      },
    );
  };
}
