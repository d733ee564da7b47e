import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ROLES } from '../../db/schema/accounts.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formBodySchema, readForm } from '../../platform/forms.ts';
import { requireCapability, signedInUser } from '../../platform/guards.ts';
import { pageHref, parsePage } from '../../platform/pagination.ts';
import { isRole } from './model.ts';
import { adminService, type MemberFilter, type RoleChange } from './service.ts';
import { AuditPage } from './views/audit-page.tsx';
import { MembersPage, type MemberListState, type RoleChangeError } from './views/members-page.tsx';
import { OutboxMailPage, OutboxPage } from './views/outbox-pages.tsx';
import { OverviewPage } from './views/overview-page.tsx';

const MAX_ROW_ID = 2_147_483_647;

/**
 * `page` is checked by `parsePage` (400 when it is not a page number, 404 past the end);
 * the schema only refuses what no link of ours produces: an unknown role, a repeated parameter.
 */
const pageQuery = { page: { type: 'string', maxLength: 12 } } as const;
const membersQuery = {
  type: 'object',
  properties: {
    ...pageQuery,
    q: { type: 'string', maxLength: 200 },
    role: { type: 'string', enum: ['', ...ROLES] },
  },
} as const;
const membersPageQuery = {
  type: 'object',
  properties: { ...membersQuery.properties, changed: { type: 'string', pattern: '^[0-9]{1,9}$' } },
} as const;
const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: MAX_ROW_ID } },
  required: ['id'],
} as const;

interface MembersQuery {
  page?: string;
  q?: string;
  role?: string;
  changed?: string;
}

function listState(query: MembersQuery): { state: MemberListState; filter: MemberFilter; page: number } {
  const q = (query.q ?? '').trim();
  const role = isRole(query.role) ? query.role : undefined;
  return { state: { q, role: role ?? '' }, filter: { text: q, role }, page: parsePage(query.page) };
}

/** Administration pages: every route here is for admins only (see the hook below). */
export async function adminRoutes(app: FastifyInstance) {
  const service = adminService(app.deps);
  // One guard for the whole plugin, so that no admin route can be added without it.
  app.addHook('preHandler', requireCapability('site.administer'));

  app.get('/admin', async (request, reply) => {
    const counts = await service.overview();
    return reply.page(request.t('admin.title'), (ctx) => <OverviewPage ctx={ctx} counts={counts} />);
  });

  async function renderMembers(
    request: FastifyRequest,
    reply: FastifyReply,
    query: MembersQuery,
    extra: { changedId?: number; roleError?: RoleChangeError; statusCode?: number } = {},
  ) {
    const { state, filter, page } = listState(query);
    const [list, changed] = await Promise.all([
      service.listMembers(filter, page),
      extra.changedId === undefined ? undefined : service.activeMember(extra.changedId),
    ]);
    return reply.page(
      request.t('admin.members.title'),
      (ctx) => <MembersPage ctx={ctx} list={list} state={state} changed={changed} roleError={extra.roleError} />,
      extra.statusCode,
    );
  }

  app.get('/admin/members', { schema: { querystring: membersPageQuery } }, async (request, reply) => {
    const query = request.query as MembersQuery;
    return renderMembers(request, reply, query, { changedId: query.changed === undefined ? undefined : Number(query.changed) });
  });

  app.post(
    '/admin/members/:id/role',
    { schema: { params: idParams, querystring: membersQuery, body: formBodySchema(['role']) } },
    async (request, reply) => {
      const actor = signedInUser(request);
      const { id } = request.params as { id: number };
      // The query string is the list the form was on; the body's `role` is the new role.
      const query = request.query as MembersQuery;
      const { state, filter, page } = listState(query);
      const { role } = readForm(request.body, ['role']);
      let change: RoleChange;
      try {
        change = await service.changeRole(actor.id, id, role);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const [member, lastPage] = await Promise.all([service.activeMember(id), service.memberPageCount(filter)]);
        // The list may have shrunk since the form was shown; stay on a page that exists.
        return renderMembers(request, reply, { ...query, page: String(Math.min(page, lastPage)) }, {
          roleError: {
            memberId: id,
            memberName: member?.name ?? '',
            message: error.errors.role ?? 'admin.members.errors.roleInvalid',
            submitted: role,
          },
          statusCode: 422,
        });
      }
      // Someone who gave up their own admin role can no longer see the admin pages.
      if (actor.id === id && change.changed && change.to !== 'admin') return reply.seeOther('/');
      // The changed member may have left a filtered list, and its last page with them.
      const lastPage = await service.memberPageCount(filter);
      return reply.seeOther(pageHref('/admin/members', { ...state, changed: String(id) }, Math.min(page, lastPage)));
    },
  );

  // A refused change is re-rendered at the form's address, so the language switcher links there:
  // fetched as a page, that address leads back to the list it belongs to.
  app.get('/admin/members/:id/role', { schema: { params: idParams, querystring: membersQuery } }, async (request, reply) => {
    const { state, page } = listState(request.query as MembersQuery);
    return reply.seeOther(pageHref('/admin/members', { ...state }, page));
  });

  app.get('/admin/outbox', { schema: { querystring: { type: 'object', properties: pageQuery } } }, async (request, reply) => {
    const list = await service.listOutbox(parsePage((request.query as { page?: string }).page));
    const smtpConfigured = app.deps.config.smtpUrl !== undefined;
    return reply.page(request.t('admin.outbox.title'), (ctx) => <OutboxPage ctx={ctx} list={list} smtpConfigured={smtpConfigured} />);
  });

  app.get('/admin/outbox/:id', { schema: { params: idParams } }, async (request, reply) => {
    const mail = await service.outboxMail((request.params as { id: number }).id);
    return reply.page(mail.subject, (ctx) => <OutboxMailPage ctx={ctx} mail={mail} />);
  });

  app.get('/admin/audit', { schema: { querystring: { type: 'object', properties: pageQuery } } }, async (request, reply) => {
    const list = await service.listAudit(parsePage((request.query as { page?: string }).page));
    return reply.page(request.t('admin.audit.title'), (ctx) => <AuditPage ctx={ctx} list={list} />);
  });
}
