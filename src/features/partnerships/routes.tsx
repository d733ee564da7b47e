import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../platform/errors.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { requireUser, signedInUser } from '../../platform/guards.ts';
import { PAGE_GENERATIONS, keepPrivate, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import { PRACTICE_KIND } from '../practices/index.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import type { PartnershipForm, PartnershipsService } from './service.ts';
import { ClosePage, PartnershipFormPage, PartnershipListPage, PartnershipPage } from './views/pages.tsx';

const text = { type: 'string', maxLength: 20_000 } as const;
const listParam = { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 300 } as const;
const formBody = { type: 'object', properties: { kind: text, title: text, description: text, countries: listParam, topics: listParam, practices: text } } as const;
const idParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' } }, required: ['id'] } as const;
const listQuery = { type: 'object', properties: { q: { type: 'string', maxLength: 800 }, kind: { type: 'string', maxLength: 40 }, country: { type: 'string', maxLength: 40 }, topic: { type: 'string', maxLength: 100 }, status: { type: 'string', maxLength: 40 }, page: { type: 'string', maxLength: 12 } } } as const;
const noticeQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } as const;
const NOTICES = ['posted', 'saved', 'closed'] as const;
const posting = { preHandler: requireUser, config: { rateLimit: POSTING_LIMIT } };
const SHOWS = [PAGE_GENERATIONS.partnership, PAGE_GENERATIONS.account, PAGE_GENERATIONS.taxonomy, PRACTICE_KIND];

function formOf(body: unknown): PartnershipForm {
  const source = (body ?? {}) as Record<string, unknown>;
  const field = (name: string) => (typeof source[name] === 'string' ? source[name] : '');
  const list = (name: string) => (Array.isArray(source[name]) ? source[name].filter((value): value is string => typeof value === 'string') : []);
  return { kind: field('kind'), title: field('title'), description: field('description'), countries: list('countries'), topics: list('topics'), practices: field('practices') };
}

export function partnershipRoutes(service: PartnershipsService) {
  return async function partnershipRoutesPlugin(app: FastifyInstance) {
    const taxonomy = taxonomyService(app.deps);

    async function renderForm(request: FastifyRequest, reply: FastifyReply, state: { action: string; form: PartnershipForm; errors?: FieldErrors; editing: boolean; id?: number }) {
      const topics = await taxonomy.list('topic');
      const failed = Object.keys(state.errors ?? {}).length > 0;
      const title = request.t(state.editing ? 'partnerships.form.editTitle' : 'partnerships.form.newTitle');
      return reply.page(failed ? `${request.t('common.errorPrefix')} ${title}` : title, (ctx) => (
        <PartnershipFormPage ctx={ctx} action={ctx.href(state.action)} form={state.form} errors={state.errors ?? {}} topics={topics} editing={state.editing} id={state.id} />
      ), failed ? 422 : 200);
    }

    app.get('/partnerships', { schema: { querystring: listQuery }, config: sharedPage(SHOWS) }, async (request, reply) => {
      const raw = request.query as { q?: string; kind?: string; country?: string; topic?: string; status?: string; page?: string };
      const query = await service.queryOf(raw);
      const [page, topics] = await Promise.all([service.list(query, parsePage(raw.page)), taxonomy.list('topic')]);
      if (query.ignored) keepPrivate(reply);
      return reply.page(request.t('partnerships.list.title'), (ctx) => <PartnershipListPage ctx={ctx} query={query} page={page} topics={topics} />);
    });

    app.get('/partnerships/new', { preHandler: requireUser }, async (request, reply) =>
      renderForm(request, reply, { action: '/partnerships', form: formOf({ kind: 'request' }), editing: false }),
    );

    app.post('/partnerships', { ...posting, schema: { body: formBody } }, async (request, reply) => {
      const form = formOf(request.body);
      try {
        const id = await service.create(signedInUser(request), form);
        return reply.seeOther(`/partnerships/${id}?done=posted`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderForm(request, reply, { action: '/partnerships', form, errors: error.errors, editing: false });
      }
    });

    app.get('/partnerships/:id', { schema: { params: idParams, querystring: noticeQuery }, config: sharedPage(SHOWS) }, async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      const notice = NOTICES.find((candidate) => candidate === (request.query as { done?: string }).done);
      if (notice) keepPrivate(reply);
      const [item, topics] = await Promise.all([service.find(id), taxonomy.list('topic')]);
      return reply.page(item.title, (ctx) => <PartnershipPage ctx={ctx} item={item} topics={topics} notice={notice} />);
    });

    app.get('/partnerships/:id/edit', { preHandler: requireUser, schema: { params: idParams } }, async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      const form = await service.formOf(signedInUser(request), id);
      return renderForm(request, reply, { action: `/partnerships/${id}/edit`, form, editing: true, id });
    });

    app.post('/partnerships/:id/edit', { ...posting, schema: { params: idParams, body: formBody } }, async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      const form = formOf(request.body);
      try {
        await service.update(signedInUser(request), id, form);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderForm(request, reply, { action: `/partnerships/${id}/edit`, form, errors: error.errors, editing: true, id });
      }
      return reply.seeOther(`/partnerships/${id}?done=saved`);
    });

    app.get('/partnerships/:id/close', { preHandler: requireUser, schema: { params: idParams } }, async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      await service.formOf(signedInUser(request), id);
      const item = await service.find(id);
      return reply.page(request.t('partnerships.close.title', { title: item.title }), (ctx) => <ClosePage ctx={ctx} item={item} />);
    });

    app.post('/partnerships/:id/close', { ...posting, schema: { params: idParams } }, async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      await service.close(signedInUser(request), id);
      return reply.seeOther(`/partnerships/${id}?done=closed`);
    });
  };
}
