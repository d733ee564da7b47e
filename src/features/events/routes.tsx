import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { COMMUNITY_NOTICES, engagementRoutes, type CommunityForms } from '../../engagement/index.ts';
import { DECISIONS } from '../../editorial/index.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { EMPTY_FORM, type FieldErrors } from '../../platform/forms.ts';
import { requireCapability, requireUser, signedInUser } from '../../platform/guards.ts';
import { PAGE_GENERATIONS, keepPrivate, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { personaliser } from '../../platform/personal-parts.tsx';
import { can } from '../../platform/permissions.ts';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import { PRACTICE_KIND } from '../practices/index.ts';
import { RESOURCE_KIND } from '../resources/index.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import { ICS_CONTENT_TYPE, calendarFile, eventEntries } from './calendar.ts';
import { eventQuerySchema, type RawEventQuery } from './filters.ts';
import { EVENT_KIND, EVENTS_PATH, eventPath, eventRef } from './kind.ts';
import { EMPTY_EVENT_FORM, readEventForm, type EventFormValues } from './model.ts';
import type { OrganiserService } from './organiser.ts';
import { SAVE_ACTIONS, type EventsService, type SaveAction } from './service.ts';
import { monthOf, thisMonth } from './time.ts';
import { organiserPart, registrationPart, EventPageView, type RegistrationBox } from './views/event-page.tsx';
import { CancelEventPage, EventFormPage, EventReviewPage, OutcomePage, RegistrationsPage, TokenActionPage, VisitorRegistrationPage } from './views/form-pages.tsx';
import { EventListPage, EventMonthPage, MyEventsPage } from './views/list-pages.tsx';

/** The events' pages under every locale prefix, the organisers' pages and the editors' review of one event. */

const TEXT_MAX = 40_000;
const slugParams = { type: 'object', properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['slug'] } as const;
const occurrenceParams = { type: 'object', properties: { slug: { type: 'string', minLength: 1, maxLength: 200 }, id: { type: 'string', pattern: '^[0-9]{1,9}$' } }, required: ['slug', 'id'] } as const;
const listField = { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 100 } } as const;
const formSchema = {
  type: 'object',
  properties: {
    ...Object.fromEntries(['title', 'description', 'language', 'startsAt', 'endsAt', 'timeZone', 'recurrence', 'format', 'venue', 'address', 'city', 'country', 'joinUrl', 'capacity', 'registrationDeadline', 'practices', 'resources', 'organisation'].map((name) => [name, { type: 'string', maxLength: TEXT_MAX }])),
    languages: listField,
    topics: listField,
    action: { type: 'string', enum: SAVE_ACTIONS },
    version: { type: 'string', pattern: '^[0-9]{1,9}$' },
  },
} as const;
const pageViewQuery = { type: 'object', properties: { comments: { type: 'string', maxLength: 10 }, done: { type: 'string', maxLength: 40 } } } as const;
const tokenQuery = { type: 'object', properties: { token: { type: 'string', maxLength: 200 } } } as const;
const tokenBody = { type: 'object', properties: { token: { type: 'string', maxLength: 200 } } } as const;
const visitorBody = { type: 'object', properties: { name: { type: 'string', maxLength: 1000 }, email: { type: 'string', maxLength: 1000 } } } as const;
const showBody = { type: 'object', properties: { show: { type: 'string', enum: ['yes', 'no'] } }, required: ['show'] } as const;
const codeBody = { type: 'object', properties: { code: { type: 'string', maxLength: 100 } } } as const;
const reasonBody = { type: 'object', properties: { reason: { type: 'string', maxLength: TEXT_MAX } } } as const;
const messageBody = { type: 'object', properties: { subject: { type: 'string', maxLength: 1000 }, message: { type: 'string', maxLength: TEXT_MAX } } } as const;
const moveBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 200 } } as const;
const decisionSchema = {
  type: 'object',
  properties: { decision: { type: 'string', maxLength: 40 }, message: { type: 'string', maxLength: TEXT_MAX }, version: { type: 'string', pattern: '^[0-9]{1,9}$' } },
  required: ['version'],
} as const;
const noticeQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 40 } } } as const;
const reviewQuery = { type: 'object', properties: { done: { type: 'string', enum: [...DECISIONS] } } } as const;
const posting = { config: { rateLimit: POSTING_LIMIT } };
const memberPosting = { preHandler: requireUser, ...posting };

/** What an event page shows, and so what a change of moves it on. */
const EVENT_PAGE_SHOWS = [EVENT_KIND, PRACTICE_KIND, RESOURCE_KIND, PAGE_GENERATIONS.engagement, PAGE_GENERATIONS.account, PAGE_GENERATIONS.taxonomy, PAGE_GENERATIONS.organisation];
const LIST_SHOWS = [EVENT_KIND, PAGE_GENERATIONS.taxonomy];
const PAGE_NOTICES = ['draft', 'submit', 'publish', 'registered', 'waiting', 'already', 'cancelledRegistration', 'listed', 'unlisted', 'cancelled', ...COMMUNITY_NOTICES] as const;
const MANAGE_NOTICES = ['messaged', 'occurrenceMoved', 'occurrenceCancelled'] as const;

function actionOf(body: unknown): SaveAction {
  const action = (body as { action?: string } | undefined)?.action;
  return SAVE_ACTIONS.find((candidate) => candidate === action) ?? 'draft';
}

const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;

export function eventRoutes({ service, organiser }: { service: EventsService; organiser: OrganiserService }) {
  return async function eventRoutesPlugin(app: FastifyInstance) {
    const taxonomy = taxonomyService(app.deps);
    const { config } = app.deps;
    const absolute = (path: string) => new URL(path, config.baseUrl).href;

    async function topicsByCode() {
      const topics = await taxonomy.list('topic');
      return { topics, byCode: new Map(topics.map((term) => [term.code, term])) };
    }

    async function renderForm(
      request: FastifyRequest,
      reply: FastifyReply,
      state: { action: string; values: EventFormValues; errors?: FieldErrors; editing: boolean; version?: number; published?: boolean; conflict?: boolean; feedback?: string },
      statusCode = 200,
    ) {
      const user = signedInUser(request);
      const { topics, organisations } = await service.formChoices(user);
      const title = request.t(state.editing ? 'events.form.editTitle' : 'events.form.newTitle');
      const failed = Object.keys(state.errors ?? {}).length > 0;
      return reply.page(
        failed ? `${request.t('common.errorPrefix')} ${title}` : title,
        (ctx) => (
          <EventFormPage
            ctx={ctx}
            {...state}
            errors={state.errors ?? {}}
            topics={topics}
            organisations={organisations}
            canPublish={can(user, 'content.review') || organisations.length > 0}
            published={state.published ?? false}
          />
        ),
        statusCode,
      );
    }

    /** The shared part of the registration box: the same for every reader of the page. */
    function boxOf(detail: Awaited<ReturnType<EventsService['find']>>): RegistrationBox {
      const { row, occurrences } = detail;
      return {
        slug: row.slug,
        eventId: row.id,
        closed: service.seats.closedReason(row, occurrences, new Date()) ?? null,
        full: row.capacity !== null && row.seats_taken >= row.capacity,
        registration: null,
        joinUrl: null,
      };
    }

    async function renderPage(request: FastifyRequest, reply: FastifyReply, slug: string, options: CommunityForms & { commentPage?: number; notice?: string; registrationError?: string } = {}) {
      const viewer = request.currentUser;
      const detail = await service.find(viewer, slug);
      const [engagement, { byCode }] = await Promise.all([app.engagement.load(eventRef(detail.row), viewer, options.commentPage ?? 1), topicsByCode()]);
      const notice = PAGE_NOTICES.find((candidate) => candidate === options.notice);
      if (notice || options.registrationError || detail.row.status !== 'published') keepPrivate(reply);
      const urls = { page: absolute(`/${request.locale}${eventPath(slug)}`), site: absolute(`/${request.locale}/`), siteName: request.t('common.siteName') };
      return reply.page(
        detail.row.title,
        (ctx) => (
          <EventPageView
            ctx={ctx}
            detail={detail}
            topics={byCode}
            engagement={engagement}
            commentForm={options.comment ?? EMPTY_FORM}
            box={boxOf(detail)}
            notice={notice}
            urls={urls}
            registrationError={options.registrationError}
          />
        ),
        options.statusCode,
      );
    }

    app.get(EVENTS_PATH, { schema: { querystring: eventQuerySchema }, config: sharedPage(LIST_SHOWS) }, async (request, reply) => {
      const raw = request.query as RawEventQuery;
      const { query, filters } = await service.queryOf(raw);
      const [page, { topics }] = await Promise.all([service.list(filters, query.when, parsePage(raw.page)), topicsByCode()]);
      if (query.ignored) keepPrivate(reply);
      const outOfRange = page.page > page.pageCount && page.page > 1;
      return reply.page(request.t(query.when === 'past' ? 'events.list.pastTitle' : 'events.list.title'), (ctx) => <EventListPage ctx={ctx} query={query} page={page} topics={topics} />, outOfRange ? 404 : 200);
    });

    app.get(`${EVENTS_PATH}/month`, { schema: { querystring: eventQuerySchema }, config: sharedPage(LIST_SHOWS) }, async (request, reply) => {
      const raw = request.query as RawEventQuery;
      const today = new Date();
      const month = monthOf(raw.month, today);
      const { query, filters } = await service.queryOf(raw);
      // A month we cannot read shows this one, and says a filter was left out.
      const shown = month ?? thisMonth(today);
      const [items, { topics }] = await Promise.all([service.month(filters, shown.year, shown.month), topicsByCode()]);
      if (query.ignored || !month) keepPrivate(reply);
      return reply.page(request.t('events.month.pageTitle'), (ctx) => <EventMonthPage ctx={ctx} query={{ ...query, ignored: query.ignored || !month }} year={shown.year} month={shown.month} items={items} topics={topics} />);
    });

    app.get(`${EVENTS_PATH}/new`, { preHandler: requireUser }, async (request, reply) =>
      renderForm(request, reply, { action: EVENTS_PATH, values: { ...EMPTY_EVENT_FORM, timeZone: signedInUser(request).timeZone, language: request.locale }, editing: false }),
    );

    app.post(EVENTS_PATH, { ...memberPosting, schema: { body: formSchema } }, async (request, reply) => {
      const values = readEventForm(request.body);
      try {
        const slug = await service.create(signedInUser(request), values, actionOf(request.body));
        return reply.seeOther(`${eventPath(slug)}?done=${actionOf(request.body)}`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderForm(request, reply, { action: EVENTS_PATH, values, errors: error.errors, editing: false }, 422);
      }
    });

    app.get(`${EVENTS_PATH}/mine`, { preHandler: requireUser, schema: { querystring: { type: 'object', properties: { page: { type: 'string', maxLength: 12 } } } } }, async (request, reply) => {
      const member = signedInUser(request);
      const [page, registered] = await Promise.all([service.mine(member, parsePage((request.query as { page?: string }).page)), organiser.registeredUpcoming(member.id)]);
      const calendarUrl = absolute(`/events/calendar/${organiser.calendarToken(member.id)}.ics`);
      return reply.page(request.t('events.mine.title'), (ctx) => <MyEventsPage ctx={ctx} page={page} registered={registered} calendarUrl={calendarUrl} />);
    });

    // Kept per audience for members too: their seat, their join link and organisers' links are theirs.
    const personalParts = [
      personaliser(registrationPart, async (_request, member, box) => {
        const mine = await service.seats.mine(member, box.eventId);
        if (!mine) return box;
        return { ...box, registration: { status: mine.status, code: mine.code, showPublicly: mine.show_publicly }, joinUrl: mine.status === 'confirmed' ? mine.join_url : null };
      }),
      personaliser(organiserPart, async (_request, member, links) => ({ ...links, mayManage: await service.mayManage(member, { author_id: links.authorId, organisation_id: links.organisationId }) })),
    ];

    app.get(`${EVENTS_PATH}/:slug`, { schema: { params: slugParams, querystring: pageViewQuery }, config: sharedPage(EVENT_PAGE_SHOWS, { personalise: personalParts }) }, async (request, reply) => {
      const query = request.query as { comments?: string; done?: string };
      return renderPage(request, reply, slugOf(request), { commentPage: parsePage(query.comments), notice: query.done });
    });

    app.get(`${EVENTS_PATH}/:slug/event.ics`, { schema: { params: slugParams }, config: sharedPage([EVENT_KIND], { sameForEveryone: true }) }, async (request, reply) => {
      const detail = await service.find(null, slugOf(request));
      const ics = calendarFile(detail.row.title, eventEntries(config.baseUrl, request.locale, detail.row, detail.occurrences, false));
      return reply.type(ICS_CONTENT_TYPE).header('content-disposition', `attachment; filename="${detail.row.slug}.ics"`).send(ics);
    });

    app.get(`${EVENTS_PATH}/:slug/edit`, { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => {
      const { values, row } = await service.formOf(signedInUser(request), slugOf(request));
      return renderForm(request, reply, {
        action: eventPath(row.slug),
        values,
        editing: true,
        version: row.version,
        published: row.status === 'published',
        feedback: row.status === 'changes_requested' ? row.decision_message : undefined,
      });
    });

    app.post(`${EVENTS_PATH}/:slug`, { ...memberPosting, schema: { params: slugParams, body: formSchema } }, async (request, reply) => {
      const slug = slugOf(request);
      const values = readEventForm(request.body);
      const version = Number((request.body as { version?: string }).version ?? 0);
      const state = { action: eventPath(slug), values, editing: true, version };
      try {
        await service.update(signedInUser(request), slug, version, values, actionOf(request.body));
        return reply.seeOther(`${eventPath(slug)}?done=${actionOf(request.body)}`);
      } catch (error) {
        if (error instanceof ValidationError) {
          const { row } = await service.formOf(signedInUser(request), slug);
          return renderForm(request, reply, { ...state, errors: error.errors, published: row.status === 'published' }, 422);
        }
        if (error instanceof ConflictError) {
          const { row } = await service.formOf(signedInUser(request), slug);
          return renderForm(request, reply, { ...state, version: row.version, published: row.status === 'published', conflict: true }, 409);
        }
        throw error;
      }
    });

    // Registration.
    async function refusedRegistration(request: FastifyRequest, reply: FastifyReply, error: unknown) {
      if (!(error instanceof ValidationError) || !error.errors.register) throw error;
      return renderPage(request, reply, slugOf(request), { registrationError: error.errors.register, statusCode: 409 });
    }

    app.post(`${EVENTS_PATH}/:slug/register`, { ...posting, schema: { params: slugParams, body: visitorBody } }, async (request, reply) => {
      const slug = slugOf(request);
      if (request.currentUser) {
        try {
          const outcome = await service.seats.registerMember(request.currentUser, slug, request.locale);
          return reply.seeOther(`${eventPath(slug)}?done=${outcome === 'confirmed' ? 'registered' : outcome}#registration`);
        } catch (error) {
          return refusedRegistration(request, reply, error);
        }
      }
      const values = { name: String((request.body as { name?: string }).name ?? ''), email: String((request.body as { email?: string }).email ?? '') };
      const detail = await service.find(null, slug);
      try {
        await service.seats.requestVisitor(slug, values, request.locale);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const errors = error.errors.register ? { name: error.errors.register } : error.errors;
        return reply.page(request.t('events.register.visitorTitle', { title: detail.row.title }), (ctx) => <VisitorRegistrationPage ctx={ctx} row={detail.row} values={values} errors={errors} sent={false} />, 422);
      }
      return reply.page(request.t('events.register.visitorTitle', { title: detail.row.title }), (ctx) => <VisitorRegistrationPage ctx={ctx} row={detail.row} values={{ name: '', email: '' }} errors={{}} sent />);
    });

    app.get(`${EVENTS_PATH}/:slug/register`, { schema: { params: slugParams } }, async (request, reply) => {
      const slug = slugOf(request);
      if (request.currentUser) return reply.seeOther(`${eventPath(slug)}#registration`);
      const detail = await service.find(null, slug);
      return reply.page(request.t('events.register.visitorTitle', { title: detail.row.title }), (ctx) => <VisitorRegistrationPage ctx={ctx} row={detail.row} values={{ name: '', email: '' }} errors={{}} sent={false} />);
    });

    for (const kind of ['confirm', 'cancel'] as const) {
      app.get(`${EVENTS_PATH}/:slug/registration/${kind}`, { schema: { params: slugParams, querystring: tokenQuery } }, async (request, reply) => {
        const detail = await service.find(null, slugOf(request));
        const token = (request.query as { token?: string }).token ?? '';
        return reply.page(request.t(`events.token.${kind}Title`, { title: detail.row.title }), (ctx) => <TokenActionPage ctx={ctx} row={detail.row} token={token} kind={kind} />);
      });
    }

    app.post(`${EVENTS_PATH}/:slug/registration/confirm`, { ...posting, schema: { params: slugParams, body: tokenBody } }, async (request, reply) => {
      const slug = slugOf(request);
      const token = (request.body as { token?: string }).token ?? '';
      const detail = await service.find(null, slug);
      try {
        const outcome = await service.seats.confirmVisitor(slug, token);
        return reply.page(request.t(`events.outcome.${outcome}.title`), (ctx) => <OutcomePage ctx={ctx} row={detail.row} outcome={outcome} />);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.page(request.t('events.token.confirmTitle', { title: detail.row.title }), (ctx) => <TokenActionPage ctx={ctx} row={detail.row} token={token} kind="confirm" error={error.errors.register} />, 409);
      }
    });

    app.post(`${EVENTS_PATH}/:slug/registration/cancel`, { ...posting, schema: { params: slugParams, body: tokenBody } }, async (request, reply) => {
      const slug = slugOf(request);
      const detail = await service.find(null, slug);
      const cancelled = await service.seats.cancelByToken(slug, (request.body as { token?: string }).token ?? '');
      const outcome = cancelled ? 'cancelled' : 'notCancelled';
      return reply.page(request.t(`events.outcome.${outcome}.title`), (ctx) => <OutcomePage ctx={ctx} row={detail.row} outcome={outcome} />, cancelled ? 200 : 409);
    });

    app.post(`${EVENTS_PATH}/:slug/cancel-registration`, { ...memberPosting, schema: { params: slugParams } }, async (request, reply) => {
      await service.seats.cancelMember(signedInUser(request), slugOf(request));
      return reply.seeOther(`${eventPath(slugOf(request))}?done=cancelledRegistration#registration`);
    });

    app.post(`${EVENTS_PATH}/:slug/attendee-list`, { ...memberPosting, schema: { params: slugParams, body: showBody } }, async (request, reply) => {
      const show = (request.body as { show: string }).show === 'yes';
      await service.seats.showPublicly(signedInUser(request), slugOf(request), show);
      return reply.seeOther(`${eventPath(slugOf(request))}?done=${show ? 'listed' : 'unlisted'}#registration`);
    });

    // Organisers.
    async function renderRegistrations(request: FastifyRequest, reply: FastifyReply, state: { notice?: string; checkIn?: { result: 'checked_in' | 'already' | 'unknown'; name?: string }; errors?: FieldErrors; message?: { subject: string; message: string } } = {}, statusCode = 200) {
      const { row, confirmed, waiting, occurrences } = await organiser.registrations(signedInUser(request), slugOf(request));
      return reply.page(
        request.t('events.registrations.title', { title: row.title }),
        (ctx) => <RegistrationsPage ctx={ctx} row={row} confirmed={confirmed} waiting={waiting} occurrences={occurrences} notice={state.notice} checkIn={state.checkIn} errors={state.errors ?? {}} message={state.message ?? { subject: '', message: '' }} />,
        statusCode,
      );
    }

    app.get(`${EVENTS_PATH}/:slug/registrations`, { preHandler: requireUser, schema: { params: slugParams, querystring: noticeQuery } }, async (request, reply) => {
      const notice = MANAGE_NOTICES.find((candidate) => candidate === (request.query as { done?: string }).done);
      return renderRegistrations(request, reply, { notice });
    });

    app.get(`${EVENTS_PATH}/:slug/registrations.csv`, { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => {
      const { slug, csv } = await organiser.registrationsCsv(signedInUser(request), slugOf(request));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${slug}-registrations.csv"`).header('cache-control', 'private, no-store').send(`\uFEFF${csv}`);
    });

    app.post(`${EVENTS_PATH}/:slug/check-in`, { ...memberPosting, schema: { params: slugParams, body: codeBody } }, async (request, reply) => {
      const outcome = await organiser.checkIn(signedInUser(request), slugOf(request), (request.body as { code?: string }).code ?? '');
      return renderRegistrations(request, reply, { checkIn: outcome }, outcome.result === 'unknown' ? 422 : 200);
    });

    app.post(`${EVENTS_PATH}/:slug/message`, { ...memberPosting, schema: { params: slugParams, body: messageBody } }, async (request, reply) => {
      const body = request.body as { subject?: string; message?: string };
      const message = { subject: body.subject ?? '', message: body.message ?? '' };
      try {
        await service.messageRegistered(signedInUser(request), slugOf(request), message);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderRegistrations(request, reply, { errors: error.errors, message }, 422);
      }
      return reply.seeOther(`${eventPath(slugOf(request))}/registrations?done=messaged`);
    });

    app.post(`${EVENTS_PATH}/:slug/occurrences/:id/cancel`, { ...memberPosting, schema: { params: occurrenceParams } }, async (request, reply) => {
      await service.changeOccurrence(signedInUser(request), slugOf(request), Number((request.params as { id: string }).id), { cancel: true });
      return reply.seeOther(`${eventPath(slugOf(request))}/registrations?done=occurrenceCancelled#dates`);
    });

    app.post(`${EVENTS_PATH}/:slug/occurrences/:id/move`, { ...memberPosting, schema: { params: occurrenceParams, body: moveBody } }, async (request, reply) => {
      const id = (request.params as { id: string }).id;
      const startsAt = (request.body as Record<string, string>)[`startsAt-${id}`] ?? '';
      try {
        await service.changeOccurrence(signedInUser(request), slugOf(request), Number(id), { startsAt });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderRegistrations(request, reply, { errors: { [`startsAt-${id}`]: error.errors.startsAt ?? 'events.errors.startInvalid' } }, 422);
      }
      return reply.seeOther(`${eventPath(slugOf(request))}/registrations?done=occurrenceMoved#dates`);
    });

    app.get(`${EVENTS_PATH}/:slug/cancel`, { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => {
      const row = await service.manageable(signedInUser(request), slugOf(request));
      return reply.page(request.t('events.cancel.title', { title: row.title }), (ctx) => <CancelEventPage ctx={ctx} row={row} errors={{}} reason="" />);
    });

    app.post(`${EVENTS_PATH}/:slug/cancel`, { ...memberPosting, schema: { params: slugParams, body: reasonBody } }, async (request, reply) => {
      const reason = (request.body as { reason?: string }).reason ?? '';
      try {
        await service.cancel(signedInUser(request), slugOf(request), reason);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const row = await service.manageable(signedInUser(request), slugOf(request));
        return reply.page(request.t('events.cancel.title', { title: row.title }), (ctx) => <CancelEventPage ctx={ctx} row={row} errors={error.errors} reason={reason} />, 422);
      }
      return reply.seeOther(`${eventPath(slugOf(request))}?done=cancelled`);
    });

    await app.register(
      engagementRoutes({
        kind: EVENT_KIND,
        basePath: EVENTS_PATH,
        engagement: app.engagement,
        renderItemPage: (request, reply, slug, forms) => renderPage(request, reply, slug, forms),
      }),
    );

    // The editors' side: one proposal with the decision form (the queue itself is shared).
    const editorsOnly = requireCapability('content.review');
    async function renderReview(request: FastifyRequest, reply: FastifyReply, state: { values?: { decision: string; message: string }; errors?: FieldErrors; decided?: string }, statusCode = 200) {
      const { row } = await service.find(signedInUser(request), slugOf(request));
      return reply.page(`${request.t('events.review.title')} ${row.title}`, (ctx) => <EventReviewPage ctx={ctx} row={row} values={state.values ?? { decision: '', message: '' }} errors={state.errors ?? {}} decided={state.decided} />, statusCode);
    }

    app.get('/review/events/:slug', { preHandler: editorsOnly, schema: { params: slugParams, querystring: reviewQuery } }, async (request, reply) =>
      renderReview(request, reply, { decided: (request.query as { done?: string }).done }),
    );

    app.post('/review/events/:slug/decision', { preHandler: editorsOnly, schema: { params: slugParams, body: decisionSchema } }, async (request, reply) => {
      const body = request.body as { decision?: string; message?: string; version: string };
      const values = { decision: body.decision ?? '', message: body.message ?? '' };
      try {
        const decision = await service.decide(signedInUser(request), slugOf(request), Number(body.version), values.decision, values.message);
        return reply.seeOther(`/review/events/${encodeURIComponent(slugOf(request))}?done=${decision}`);
      } catch (error) {
        if (error instanceof ValidationError) return renderReview(request, reply, { values, errors: error.errors }, 422);
        if (error instanceof ConflictError) return renderReview(request, reply, { values, errors: { decision: 'events.errors.changedMeanwhile' } }, 409);
        throw error;
      }
    });
  };
}
