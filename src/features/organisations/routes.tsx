import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../platform/errors.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { requireUser, signedInUser } from '../../platform/guards.ts';
import { PAGE_GENERATIONS, keepPrivate, sharedPage } from '../../platform/page-cache.ts';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import { acceptUploads, prepareAttachments, sendAttachment, uploadsOf } from '../../platform/uploads/index.ts';
import { followPersonaliser } from '../follows/index.ts';
import { PRACTICE_KIND } from '../practices/index.ts';
import { RESOURCE_KIND } from '../resources/index.ts';
import type { MemberAction, OrganisationForm, OrganisationsService } from './service.ts';
import { ConfirmPage, InvitationPage, ManagePage, OrganisationFormPage, OrganisationPage, standingPersonaliser } from './views/pages.tsx';

const text = { type: 'string', maxLength: 20_000 } as const;
const listParam = { type: 'array', items: { type: 'string', maxLength: 10 }, maxItems: 300 } as const;
const formBody = { type: 'object', properties: { name: text, description: text, stakeholderType: text, countries: listParam, website: text, removeLogo: listParam } } as const;
const slugParams = { type: 'object', properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['slug'] } as const;
const memberParams = { type: 'object', properties: { slug: { type: 'string', minLength: 1, maxLength: 200 }, member: { type: 'string', pattern: '^[0-9]{1,9}$' } }, required: ['slug', 'member'] } as const;
const logoParams = { type: 'object', properties: { slug: { type: 'string', minLength: 1, maxLength: 200 }, id: { type: 'string', pattern: '^[0-9]{1,9}$' } }, required: ['slug', 'id'] } as const;
const noticeQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } as const;
const tokenQuery = { type: 'object', properties: { token: { type: 'string', maxLength: 200 } } } as const;
const memberBody = { type: 'object', properties: { member: { type: 'string', pattern: '^[0-9]{1,9}$' }, action: text } } as const;
const itemBody = { type: 'object', properties: { kind: text, item: text, action: text, subject: { type: 'string', pattern: '^[0-9]{1,9}$' } } } as const;
const NOTICES = ['created', 'saved', 'requested', 'joined', 'invited', 'member', 'item', 'left'] as const;
const MEMBER_ACTIONS: readonly MemberAction[] = ['accept', 'decline', 'promote', 'remove'];
const posting = { preHandler: requireUser, config: { rateLimit: POSTING_LIMIT } };
/** What an organisation page shows: the organisation, its members' names, its items. */
const ORGANISATION_PAGE_SHOWS = [PAGE_GENERATIONS.organisation, PAGE_GENERATIONS.account, PRACTICE_KIND, RESOURCE_KIND];

function formOf(body: unknown): OrganisationForm {
  const source = (body ?? {}) as Record<string, unknown>;
  const field = (name: string) => (typeof source[name] === 'string' ? source[name] : '');
  const countries = Array.isArray(source.countries) ? source.countries.filter((value): value is string => typeof value === 'string') : [];
  return { name: field('name'), description: field('description'), stakeholderType: field('stakeholderType'), countries, website: field('website') };
}

const path = (slug: string, rest = '') => `/organisations/${encodeURIComponent(slug)}${rest}`;

export function organisationRoutes(service: OrganisationsService) {
  return async function organisationRoutesPlugin(app: FastifyInstance) {
    async function renderForm(request: FastifyRequest, reply: FastifyReply, state: { action: string; form: OrganisationForm; errors?: FieldErrors; editing: boolean; hasLogo?: boolean }) {
      const failed = Object.keys(state.errors ?? {}).length > 0;
      const title = request.t(state.editing ? 'organisations.form.editTitle' : 'organisations.form.newTitle');
      return reply.page(failed ? `${request.t('common.errorPrefix')} ${title}` : title, (ctx) => (
        <OrganisationFormPage ctx={ctx} action={ctx.href(state.action)} form={state.form} errors={state.errors ?? {}} editing={state.editing} hasLogo={state.hasLogo ?? false} />
      ), failed ? 422 : 200);
    }

    async function renderManage(request: FastifyRequest, reply: FastifyReply, slug: string, errors: FieldErrors = {}, notice?: string) {
      const view = await service.management(signedInUser(request), slug);
      const failed = Object.keys(errors).length > 0;
      const title = request.t('organisations.manage.title', { name: view.organisation.name });
      return reply.page(failed ? `${request.t('common.errorPrefix')} ${title}` : title, (ctx) => <ManagePage ctx={ctx} view={view} errors={errors} notice={notice} />, failed ? 422 : 200);
    }

    app.get('/organisations/new', { preHandler: requireUser }, async (request, reply) =>
      renderForm(request, reply, { action: '/organisations', form: formOf({}), editing: false }),
    );

    app.post('/organisations', { ...posting, schema: { body: formBody } }, async (request, reply) => {
      const form = formOf(request.body);
      try {
        const slug = await service.create(signedInUser(request), form);
        return reply.seeOther(path(slug, '?done=created'));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderForm(request, reply, { action: '/organisations', form, errors: error.errors, editing: false });
      }
    });

    app.get('/organisations/:slug', { schema: { params: slugParams, querystring: noticeQuery }, config: sharedPage(ORGANISATION_PAGE_SHOWS, { personalise: [standingPersonaliser, followPersonaliser] }) }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const notice = NOTICES.find((candidate) => candidate === (request.query as { done?: string }).done);
      if (notice) keepPrivate(reply);
      const view = await service.page(slug);
      return reply.page(view.organisation.name, (ctx) => <OrganisationPage ctx={ctx} view={view} notice={notice} />);
    });

    app.get('/organisations/:slug/logo/:id', { schema: { params: logoParams } }, async (request, reply) => {
      const { slug, id } = request.params as { slug: string; id: string };
      const organisation = await service.bySlug(slug);
      return sendAttachment(reply, await service.logo(organisation.id, Number(id)), true);
    });

    app.get('/organisations/:slug/edit', { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const { form, hasLogo } = await service.formOf(signedInUser(request), slug);
      return renderForm(request, reply, { action: path(slug, '/edit'), form, editing: true, hasLogo });
    });

    // The edit form carries the logo: its own scope reads multipart bodies.
    await app.register(async (uploads) => {
      const formPost = { config: { rateLimit: POSTING_LIMIT }, ...(await acceptUploads(uploads)) };
      uploads.post('/organisations/:slug/edit', { ...formPost, schema: { params: slugParams, body: formBody } }, async (request, reply) => {
        const { slug } = request.params as { slug: string };
        const form = formOf(request.body);
        const member = signedInUser(request);
        const received = uploadsOf(request);
        const prepared = await prepareAttachments(received.files);
        const remove = ((request.body as { removeLogo?: string[] }).removeLogo ?? []).includes('yes');
        try {
          const problem = received.problem ?? prepared.error;
          if (problem) throw new ValidationError({ logo: problem });
          await service.update(member, slug, form, { attachments: prepared.attachments, remove });
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          const { hasLogo } = await service.formOf(member, slug);
          return renderForm(request, reply, { action: path(slug, '/edit'), form, errors: error.errors, editing: true, hasLogo });
        }
        return reply.seeOther(path(slug, '?done=saved'));
      });
    });

    app.get('/organisations/:slug/manage', { preHandler: requireUser, schema: { params: slugParams, querystring: noticeQuery } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const notice = NOTICES.find((candidate) => candidate === (request.query as { done?: string }).done);
      return renderManage(request, reply, slug, {}, notice);
    });

    app.post('/organisations/:slug/join', { ...posting, schema: { params: slugParams } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      await service.requestToJoin(signedInUser(request), slug);
      return reply.seeOther(path(slug, '?done=requested'));
    });

    app.post('/organisations/:slug/members', { ...posting, schema: { params: slugParams, body: memberBody } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const body = request.body as { member?: string; action?: string };
      const action = MEMBER_ACTIONS.find((candidate) => candidate === body.action);
      if (!action || !body.member) return renderManage(request, reply, slug, { member: 'organisations.errors.action' });
      try {
        await service.actOnMember(signedInUser(request), slug, Number(body.member), action);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderManage(request, reply, slug, error.errors);
      }
      return reply.seeOther(path(slug, '/manage?done=member'));
    });

    app.get('/organisations/:slug/members/:member/remove', { preHandler: requireUser, schema: { params: memberParams } }, async (request, reply) => {
      const { slug, member } = request.params as { slug: string; member: string };
      const view = await service.management(signedInUser(request), slug);
      const person = view.active.find((candidate) => candidate.id === Number(member));
      if (!person) return reply.seeOther(path(slug, '/manage'));
      return reply.page(request.t('organisations.confirm.removeTitle', { name: person.name ?? '' }), (ctx) => (
        <ConfirmPage
          ctx={ctx}
          title={ctx.t('organisations.confirm.removeTitle', { name: person.name ?? '' })}
          body={ctx.t('organisations.confirm.removeBody', { name: person.name ?? '', organisation: view.organisation.name })}
          action={ctx.href(path(slug, '/members'))}
          fields={{ member, action: 'remove' }}
          button={ctx.t('organisations.confirm.removeButton')}
          back={ctx.href(path(slug, '/manage'))}
        />
      ));
    });

    app.post('/organisations/:slug/invite', { ...posting, schema: { params: slugParams, body: { type: 'object', properties: { email: text } } } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      try {
        await service.invite(signedInUser(request), slug, (request.body as { email?: string }).email ?? '');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderManage(request, reply, slug, error.errors);
      }
      return reply.seeOther(path(slug, '/manage?done=invited'));
    });

    app.get('/organisations/:slug/join', { schema: { params: slugParams, querystring: tokenQuery } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const token = (request.query as { token?: string }).token ?? '';
      const organisation = await service.bySlug(slug);
      const live = token !== '' && (await service.inviteIsLive(slug, token));
      return reply.page(request.t('organisations.invitation.title', { name: organisation.name }), (ctx) => <InvitationPage ctx={ctx} name={organisation.name} slug={slug} token={token} live={live} />);
    });

    app.post('/organisations/:slug/accept', { ...posting, schema: { params: slugParams, body: { type: 'object', properties: { token: text } } } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const token = (request.body as { token?: string }).token ?? '';
      try {
        await service.acceptInvite(signedInUser(request), slug, token);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const organisation = await service.bySlug(slug);
        return reply.page(request.t('organisations.invitation.title', { name: organisation.name }), (ctx) => <InvitationPage ctx={ctx} name={organisation.name} slug={slug} token={token} live={false} />, 422);
      }
      return reply.seeOther(path(slug, '?done=joined'));
    });

    app.get('/organisations/:slug/leave', { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const organisation = await service.bySlug(slug);
      return reply.page(request.t('organisations.confirm.leaveTitle', { name: organisation.name }), (ctx) => (
        <ConfirmPage
          ctx={ctx}
          title={ctx.t('organisations.confirm.leaveTitle', { name: organisation.name })}
          body={ctx.t('organisations.confirm.leaveBody')}
          action={ctx.href(path(slug, '/leave'))}
          fields={{}}
          button={ctx.t('organisations.confirm.leaveButton')}
          back={ctx.href(path(slug))}
        />
      ));
    });

    app.post('/organisations/:slug/leave', { ...posting, schema: { params: slugParams } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      try {
        await service.leave(signedInUser(request), slug);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderManage(request, reply, slug, error.errors);
      }
      return reply.seeOther(path(slug, '?done=left'));
    });

    app.post('/organisations/:slug/items', { ...posting, schema: { params: slugParams, body: itemBody } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const body = request.body as { kind?: string; item?: string };
      try {
        await service.addItem(signedInUser(request), slug, body.kind ?? '', body.item ?? '');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderManage(request, reply, slug, error.errors);
      }
      return reply.seeOther(path(slug, '/manage?done=item'));
    });
  };
}
