import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { readForm, readList, type FieldErrors } from '../../platform/forms.ts';
import { requireUser, signedInUser } from '../../platform/guards.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { PAGE_GENERATIONS, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { personaliser } from '../../platform/personal-parts.tsx';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { labDashboard, labRow, networkIndicators } from './indicators.ts';
import { EMPTY_LAB_FORM, readLabForm, type LabFormValues } from './model.ts';
import type { ParticipantsService } from './participants.ts';
import { programmeAsPractice } from './practice-draft.ts';
import { today, type LabsService } from './service.ts';
import { DashboardPage } from './views/dashboard.tsx';
import { ConsentPage, LabPageView, LeafletPage, teamLinks } from './views/lab-page.tsx';
import { LabListPage } from './views/list-page.tsx';
import { labPath, LABS_PATH } from './views/parts.tsx';
import { AuditPage, ParticipantPage, ParticipantsPage, SessionPage, type ParticipantPageProps } from './views/participants.tsx';
import { LabFormPage, ManagePage, SessionsPage, type WorkspaceFormName, type WorkspaceForms } from './views/workspace.tsx';

/**
 * The labs' pages under every locale prefix. Public: the list with the network's indicators, a
 * lab's page, its services leaflet and its consent notice. The rest is the lab team's workspace:
 * never cached, never indexed, each request authorised by the services.
 */

export const LAB_GENERATION = 'lab';
const TEXT_MAX = 5000;
const id = { type: 'string', pattern: '^[0-9]{1,9}$' } as const;
const slug = { type: 'string', minLength: 1, maxLength: 200 } as const;
const params = (extra: Record<string, typeof id> = {}) => ({ type: 'object', properties: { slug, ...extra }, required: ['slug', ...Object.keys(extra)] }) as const;
const body = (lists: readonly string[] = []) =>
  ({
    type: 'object',
    additionalProperties: { anyOf: [{ type: 'string', maxLength: TEXT_MAX }, { type: 'array', maxItems: 1000, items: { type: 'string', maxLength: 300 } }] },
    properties: Object.fromEntries(lists.map((name) => [name, { anyOf: [{ type: 'string', maxLength: 300 }, { type: 'array', maxItems: 1000, items: { type: 'string', maxLength: 300 } }] }])),
  }) as const;
const listQuery = { type: 'object', properties: { country: { type: 'string', maxLength: 10 }, page: { type: 'string', maxLength: 10 } } } as const;
const doneQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 40 }, page: { type: 'string', maxLength: 10 } } } as const;
const posting = { config: { rateLimit: POSTING_LIMIT } };
const SHOWS = [LAB_GENERATION, PAGE_GENERATIONS.taxonomy, PAGE_GENERATIONS.organisation, PAGE_GENERATIONS.account];
const NOTICES = ['created', 'saved', 'teamChanged', 'programmeAdded', 'sessionAdded', 'trainingRecorded', 'serviceAdded', 'serviceRemoved', 'attendanceSaved', 'outcomeRecorded', 'enrolled', 'erased'] as const;
const noticeOf = (value: string | undefined) => NOTICES.find((notice) => notice === value);

type Body = Record<string, string | string[] | undefined>;
const textsOf = (raw: unknown): Record<string, string> => {
  const source = (raw ?? {}) as Body;
  return Object.fromEntries(Object.entries(source).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value.trim()]] : [])));
};
const keptValues = (raw: unknown): Record<string, string | string[]> => Object.fromEntries(Object.entries((raw ?? {}) as Body).flatMap(([key, value]) => (value === undefined || key === '_csrf' ? [] : [[key, value]])));

export function labRoutes({ labs, participants }: { labs: LabsService; participants: ParticipantsService }) {
  return async function labRoutesPlugin(app: FastifyInstance) {
    const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;
    const numberParam = (request: FastifyRequest, name: string) => Number((request.params as Record<string, string>)[name]);

    // ---- Public pages: shared by everyone, the team's links personalised.

    app.get(LABS_PATH, { schema: { querystring: listQuery }, config: sharedPage(SHOWS) }, async (request, reply) => {
      const query = request.query as { country?: string; page?: string };
      const country = query.country && /^[A-Z]{2}$/.test(query.country) ? query.country : undefined;
      const [result, all, pillars] = await Promise.all([labs.list(country ? { country } : {}, parsePage(query.page)), labs.all(), labs.pillars()]);
      const indicators = await networkIndicators(app.deps.db, all, pillars);
      return reply.page(
        request.t('labs.list.title'),
        (ctx) => <LabListPage ctx={ctx} labs={result.rows} total={result.total} page={result.page} pageCount={result.pageCount} country={country} mayOpen={labs.mayOpenLabs(ctx.user ?? null)} indicators={indicators} />,
        result.page > result.pageCount ? 404 : 200,
      );
    });

    const personalParts = [
      personaliser(teamLinks, async (request, member, data) => {
        const access = await labs.accessTo(member, data.slug);
        return { ...data, role: access.role ?? null, admin: access.admin };
      }),
    ];

    app.get(`${LABS_PATH}/:slug`, { schema: { params: params(), querystring: doneQuery }, config: sharedPage(SHOWS, { personalise: personalParts }) }, async (request, reply) => {
      const [detail, all, pillars] = await Promise.all([labs.detail(slugOf(request)), labs.all(), labs.pillars()]);
      const indicators = labRow(await networkIndicators(app.deps.db, all, pillars), detail.lab.id);
      const notice = noticeOf((request.query as { done?: string }).done);
      return reply.page(detail.lab.name, (ctx) => <LabPageView ctx={ctx} detail={detail} indicators={indicators} notice={notice} />);
    });

    app.get(`${LABS_PATH}/:slug/leaflet`, { schema: { params: params() }, config: sharedPage(SHOWS) }, async (request, reply) => {
      const detail = await labs.detail(slugOf(request));
      return reply.page(request.t('labs.leaflet.title', { place: detail.lab.city_name ?? detail.lab.name }), (ctx) => <LeafletPage ctx={ctx} detail={detail} />);
    });

    app.get(`${LABS_PATH}/:slug/consent`, { schema: { params: params() }, config: sharedPage(SHOWS) }, async (request, reply) => {
      const detail = await labs.detail(slugOf(request));
      return reply.page(request.t('labs.consent.title', { lab: detail.lab.name }), (ctx) => <ConsentPage ctx={ctx} detail={detail} />);
    });

    // ---- The workspace: signed in, private, not indexed.

    await app.register(async (workspace) => {
      workspace.addHook('preHandler', requireUser);
      workspace.addHook('onSend', async (_request, reply) => {
        reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex');
      });

      async function renderLabForm(request: FastifyRequest, reply: FastifyReply, state: { action: string; values: LabFormValues; errors?: FieldErrors; version?: number; conflict?: boolean }, statusCode = 200) {
        const pillars = await labs.pillars();
        const title = request.t(state.version === undefined ? 'labs.form.newTitle' : 'labs.form.editTitle');
        const errors = state.errors ?? {};
        return reply.page(Object.keys(errors).length > 0 ? `${request.t('common.errorPrefix')} ${title}` : title, (ctx) => <LabFormPage ctx={ctx} {...state} errors={errors} pillars={pillars} />, statusCode);
      }

      workspace.get(`${LABS_PATH}/new`, async (request, reply) => {
        if (!labs.mayOpenLabs(signedInUser(request))) throw new ForbiddenError();
        return renderLabForm(request, reply, { action: LABS_PATH, values: EMPTY_LAB_FORM });
      });

      workspace.post(LABS_PATH, { ...posting, schema: { body: body(['pillars']) } }, async (request, reply) => {
        const values = readLabForm(request.body);
        try {
          const created = await labs.create(signedInUser(request), values);
          return reply.seeOther(labPath(created, '/manage?done=created'));
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return renderLabForm(request, reply, { action: LABS_PATH, values, errors: error.errors }, 422);
        }
      });

      workspace.get(`${LABS_PATH}/:slug/edit`, { schema: { params: params() } }, async (request, reply) => {
        const { lab } = await labs.run(signedInUser(request), slugOf(request));
        const pillars = await labs.pillars();
        const values: LabFormValues = {
          name: lab.name,
          country: lab.country,
          city: lab.city_name ?? '',
          organisation: lab.organisation_slug ?? '',
          description: lab.description,
          contact: lab.contact,
          status: lab.status,
          timeZone: lab.time_zone,
          retentionMonths: String(lab.retention_months),
          pillars: pillars.filter((term) => lab.pillar_ids.includes(term.id)).map((term) => term.code),
        };
        return renderLabForm(request, reply, { action: labPath(lab.slug), values, version: lab.version });
      });

      workspace.post(`${LABS_PATH}/:slug`, { ...posting, schema: { params: params(), body: body(['pillars']) } }, async (request, reply) => {
        const values = readLabForm(request.body);
        const version = Number(readForm(request.body, ['version']).version) || 0;
        try {
          await labs.update(signedInUser(request), slugOf(request), values, version);
          return reply.seeOther(labPath(slugOf(request), '?done=saved'));
        } catch (error) {
          if (error instanceof ValidationError) return renderLabForm(request, reply, { action: labPath(slugOf(request)), values, errors: error.errors, version }, 422);
          if (error instanceof ConflictError) {
            const { lab } = await labs.run(signedInUser(request), slugOf(request));
            return renderLabForm(request, reply, { action: labPath(lab.slug), values, version: lab.version, conflict: true }, 409);
          }
          throw error;
        }
      });

      async function renderManage(request: FastifyRequest, reply: FastifyReply, forms: WorkspaceForms, statusCode = 200, done?: string) {
        const { access, detail, trainings, sessions } = await labs.workspace(signedInUser(request), slugOf(request));
        const title = `${request.t('labs.manage.title')} ${detail.lab.name}`;
        return reply.page(
          Object.keys(forms.errors).length > 0 ? `${request.t('common.errorPrefix')} ${title}` : title,
          (ctx) => <ManagePage ctx={ctx} detail={detail} sessions={sessions} trainings={trainings} forms={forms} done={done} mayRunParticipants={access.role === 'coordinator'} />,
          statusCode,
        );
      }

      workspace.get(`${LABS_PATH}/:slug/manage`, { schema: { params: params(), querystring: doneQuery } }, async (request, reply) =>
        renderManage(request, reply, { values: {}, errors: {} }, 200, noticeOf((request.query as { done?: string }).done)),
      );

      /** A workspace form: the service's rule, then back to the workspace, or the form again with its errors. */
      function workspacePost(path: string, form: WorkspaceFormName, done: string, act: (request: FastifyRequest) => Promise<unknown>, extraParams: Record<string, typeof id> = {}) {
        workspace.post(`${LABS_PATH}/:slug${path}`, { ...posting, schema: { params: params(extraParams), body: body(['languages', 'online']) } }, async (request, reply) => {
          try {
            await act(request);
            return reply.seeOther(labPath(slugOf(request), `/manage?done=${done}`));
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            const programmeId = form === 'session' ? numberParam(request, 'programme') : undefined;
            return renderManage(request, reply, { form, programmeId, values: keptValues(request.body), errors: error.errors }, 422);
          }
        });
      }

      workspacePost('/team', 'team', 'teamChanged', (request) => labs.addToTeam(signedInUser(request), slugOf(request), textsOf(request.body)));
      workspacePost('/team/remove', 'team', 'teamChanged', (request) => labs.removeFromTeam(signedInUser(request), slugOf(request), Number(textsOf(request.body).user)));
      workspacePost('/programmes', 'programme', 'programmeAdded', (request) => labs.addProgramme(signedInUser(request), slugOf(request), textsOf(request.body)));
      workspacePost('/programmes/:programme/sessions', 'session', 'sessionAdded', (request) => labs.addSession(signedInUser(request), slugOf(request), numberParam(request, 'programme'), textsOf(request.body)), { programme: id });
      workspacePost('/trainings', 'training', 'trainingRecorded', (request) => labs.addTraining(signedInUser(request), slugOf(request), textsOf(request.body)));
      workspacePost('/services', 'service', 'serviceAdded', (request) => labs.addService(signedInUser(request), slugOf(request), textsOf(request.body), readList((request.body as Body).languages)));
      workspacePost('/services/:service/delete', 'service', 'serviceRemoved', (request) => labs.removeService(signedInUser(request), slugOf(request), numberParam(request, 'service')), { service: id });

      workspace.post(`${LABS_PATH}/:slug/programmes/:programme/practice`, { ...posting, schema: { params: params({ programme: id }) } }, async (request, reply) => {
        const practice = await programmeAsPractice(app.deps, signedInUser(request), slugOf(request), numberParam(request, 'programme'), request.locale);
        return reply.seeOther(`/practices/${practice}/edit`);
      });

      workspace.get(`${LABS_PATH}/:slug/sessions`, { schema: { params: params() } }, async (request, reply) => {
        const { access, sessions } = await labs.sessionsFor(signedInUser(request), slugOf(request));
        return reply.page(`${request.t('labs.sessions.title')} ${access.lab.name}`, (ctx) => <SessionsPage ctx={ctx} slug={access.lab.slug} labName={access.lab.name} timeZone={access.lab.time_zone} sessions={sessions} />);
      });

      async function renderSession(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, statusCode = 200, done?: string) {
        const { access, session, list } = await participants.sessionList(signedInUser(request), slugOf(request), numberParam(request, 'session'));
        const title = request.t('labs.sessions.sessionTitle', { programme: session.programme_title });
        return reply.page(Object.keys(errors).length > 0 ? `${request.t('common.errorPrefix')} ${title}` : title, (ctx) => <SessionPage ctx={ctx} lab={access.lab} session={session} list={list} errors={errors} done={done} />, statusCode);
      }

      workspace.get(`${LABS_PATH}/:slug/sessions/:session`, { schema: { params: params({ session: id }), querystring: doneQuery } }, async (request, reply) =>
        renderSession(request, reply, {}, 200, noticeOf((request.query as { done?: string }).done)),
      );

      workspace.post(`${LABS_PATH}/:slug/sessions/:session/attendance`, { ...posting, schema: { params: params({ session: id }), body: body(['listed', 'present']) } }, async (request, reply) => {
        const form = request.body as Body;
        try {
          await participants.recordAttendance(signedInUser(request), slugOf(request), numberParam(request, 'session'), readList(form.listed), readList(form.present));
          return reply.seeOther(labPath(slugOf(request), `/sessions/${numberParam(request, 'session')}?done=attendanceSaved`));
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return renderSession(request, reply, error.errors, 422);
        }
      });

      async function renderParticipants(request: FastifyRequest, reply: FastifyReply, state: { values: Record<string, string | string[]>; errors: FieldErrors; done?: string }, statusCode = 200) {
        const result = await participants.list(signedInUser(request), slugOf(request), parsePage((request.query as { page?: string }).page));
        const title = `${request.t('labs.participants.title')} ${result.access.lab.name}`;
        return reply.page(
          Object.keys(state.errors).length > 0 ? `${request.t('common.errorPrefix')} ${title}` : title,
          (ctx) => <ParticipantsPage ctx={ctx} lab={result.access.lab} programmes={result.programmes} participants={result.rows} total={result.total} page={result.page} pageCount={result.pageCount} {...state} />,
          statusCode,
        );
      }

      workspace.get(`${LABS_PATH}/:slug/participants`, { schema: { params: params(), querystring: doneQuery } }, async (request, reply) => {
        return renderParticipants(request, reply, { values: {}, errors: {}, done: noticeOf((request.query as { done?: string }).done) });
      });

      workspace.post(`${LABS_PATH}/:slug/participants`, { ...posting, schema: { params: params(), body: body(['languages', 'programmes', 'consent']) } }, async (request, reply) => {
        const form = request.body as Body;
        try {
          const { id: participantId } = await participants.enrol(signedInUser(request), slugOf(request), textsOf(form), { languages: readList(form.languages), programmes: readList(form.programmes) });
          return reply.seeOther(labPath(slugOf(request), `/participants/${participantId}?done=enrolled`));
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return renderParticipants(request, reply, { values: keptValues(form), errors: error.errors }, 422);
        }
      });

      async function renderParticipant(request: FastifyRequest, reply: FastifyReply, state: Pick<ParticipantPageProps, 'form' | 'values' | 'errors' | 'done'>, statusCode = 200) {
        const { access, record, programmes } = await participants.read(signedInUser(request), slugOf(request), numberParam(request, 'participant'));
        const title = `${request.t('labs.participants.recordTitle')} ${record.participant.code}`;
        return reply.page(Object.keys(state.errors).length > 0 ? `${request.t('common.errorPrefix')} ${title}` : title, (ctx) => <ParticipantPage ctx={ctx} lab={access.lab} record={record} programmes={programmes} {...state} />, statusCode);
      }

      const participantParams = params({ participant: id });

      workspace.get(`${LABS_PATH}/:slug/participants/:participant`, { schema: { params: participantParams, querystring: doneQuery } }, async (request, reply) =>
        renderParticipant(request, reply, { values: {}, errors: {}, done: noticeOf((request.query as { done?: string }).done) }),
      );

      function participantPost(path: string, form: NonNullable<ParticipantPageProps['form']>, act: (request: FastifyRequest) => Promise<unknown>, done: string, leave = false) {
        workspace.post(`${LABS_PATH}/:slug/participants/:participant${path}`, { ...posting, schema: { params: participantParams, body: body(['confirm']) } }, async (request, reply) => {
          try {
            await act(request);
            return reply.seeOther(leave ? labPath(slugOf(request), `/participants?done=${done}`) : labPath(slugOf(request), `/participants/${numberParam(request, 'participant')}?done=${done}`));
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            return renderParticipant(request, reply, { form, values: keptValues(request.body), errors: error.errors }, 422);
          }
        });
      }

      participantPost('/outcomes', 'outcome', (request) => participants.addOutcome(signedInUser(request), slugOf(request), numberParam(request, 'participant'), textsOf(request.body)), 'outcomeRecorded');
      participantPost('/enrolments', 'enrolment', (request) => participants.addEnrolment(signedInUser(request), slugOf(request), numberParam(request, 'participant'), Number(textsOf(request.body).programme)), 'enrolled');
      participantPost('/erase', 'erase', (request) => participants.erase(signedInUser(request), slugOf(request), numberParam(request, 'participant'), readList((request.body as Body).confirm).includes('yes')), 'erased', true);

      workspace.get(`${LABS_PATH}/:slug/participants/:participant/export`, { schema: { params: participantParams } }, async (request, reply) => {
        const data = await participants.exportRecord(signedInUser(request), slugOf(request), numberParam(request, 'participant'));
        return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="participant-${numberParam(request, 'participant')}.json"`).send(JSON.stringify(data, null, 2));
      });

      workspace.post(`${LABS_PATH}/:slug/participants/:participant/certificate`, { ...posting, schema: { params: participantParams, body: body() } }, async (request, reply) => {
        const form = textsOf(request.body);
        const locale = LOCALES.find((candidate) => candidate === form.language);
        const name = form.name ?? '';
        if (!locale || !name || name.length > 200) {
          const errors = { ...(!name || name.length > 200 ? { name: 'labs.errors.certificateName' } : {}), ...(!locale ? { language: 'labs.errors.consentLanguageRequired' } : {}) };
          return renderParticipant(request, reply, { form: 'certificate', values: { language: form.language ?? '' }, errors }, 422);
        }
        const { lab, record } = await participants.forCertificate(signedInUser(request), slugOf(request), numberParam(request, 'participant'));
        const pdf = await certificatePdf({ lab, record, name, locale, issuedOn: today() });
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="certificate-${numberParam(request, 'participant')}.pdf"`).send(pdf);
      });

      workspace.get(`${LABS_PATH}/:slug/dashboard`, { schema: { params: params() } }, async (request, reply) => {
        const access = await participants.coordinated(signedInUser(request), slugOf(request));
        const pillars = (await labs.pillars()).filter((term) => access.lab.pillar_ids.includes(term.id));
        const figures = await labDashboard(app.deps.db, access.lab.id, pillars);
        return reply.page(`${request.t('labs.dashboard.title')} ${access.lab.name}`, (ctx) => <DashboardPage ctx={ctx} lab={access.lab} pillars={figures} />);
      });

      workspace.get(`${LABS_PATH}/:slug/audit`, { schema: { params: params(), querystring: doneQuery } }, async (request, reply) => {
        const result = await participants.auditLog(signedInUser(request), slugOf(request), parsePage((request.query as { page?: string }).page));
        return reply.page(`${request.t('labs.audit.title')} ${result.access.lab.name}`, (ctx) => <AuditPage ctx={ctx} lab={result.access.lab} rows={result.rows} page={result.page} pageCount={result.pageCount} />);
      });
    });
  };
}
