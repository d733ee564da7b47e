import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FLAG_REASONS } from '../../engagement/index.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { requireUser, signedInUser } from '../../platform/guards.ts';
import { parsePage } from '../../platform/pagination.ts';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import type { MessagesService } from './service.ts';
import { BlockedPage, ComposePage, ConversationPage, InboxPage } from './views/pages.tsx';

const text = { type: 'string', maxLength: 20_000 } as const;
const idParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' } }, required: ['id'] } as const;
const pageQuery = { type: 'object', properties: { page: { type: 'string', maxLength: 12 }, done: { type: 'string', maxLength: 20 } } } as const;
const toQuery = { type: 'object', properties: { to: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['to'] } as const;
const NOTICES = ['sent', 'reported', 'blocked', 'unblocked'] as const;
const posting = { config: { rateLimit: POSTING_LIMIT } };

/** Private messages, for signed-in members only. */
export function messageRoutes(service: MessagesService) {
  return async function messageRoutesPlugin(app: FastifyInstance) {
    app.addHook('preHandler', requireUser);

    async function renderConversation(request: FastifyRequest, reply: FastifyReply, id: number, failed?: { errors: FieldErrors; body: string }, notice?: string) {
      const view = await service.conversation(signedInUser(request), id);
      const title = request.t('messages.conversation.title', { name: view.other?.name ?? request.t('messages.deletedMember') });
      return reply.page(failed ? `${request.t('common.errorPrefix')} ${title}` : title, (ctx) => (
        <ConversationPage ctx={ctx} view={view} errors={failed?.errors ?? {}} body={failed?.body ?? ''} notice={notice} />
      ), failed ? 422 : 200);
    }

    app.get('/messages', { schema: { querystring: pageQuery } }, async (request, reply) => {
      const page = await service.inbox(signedInUser(request), parsePage((request.query as { page?: string }).page));
      return reply.page(request.t('messages.inbox.title'), (ctx) => <InboxPage ctx={ctx} page={page} />);
    });

    app.get('/messages/new', { schema: { querystring: toQuery } }, async (request, reply) => {
      const recipient = await service.recipient(signedInUser(request), (request.query as { to: string }).to);
      return reply.page(request.t('messages.compose.title', { name: recipient.name }), (ctx) => <ComposePage ctx={ctx} recipient={recipient} body="" errors={{}} />);
    });

    app.post('/messages', { ...posting, schema: { body: { type: 'object', properties: { to: text, body: text } } } }, async (request, reply) => {
      const { to = '', body = '' } = request.body as { to?: string; body?: string };
      const sender = signedInUser(request);
      try {
        const id = await service.send(sender, to, body);
        return reply.seeOther(`/messages/${id}?done=sent`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const recipient = await service.recipient(sender, to);
        const title = request.t('messages.compose.title', { name: recipient.name });
        return reply.page(`${request.t('common.errorPrefix')} ${title}`, (ctx) => <ComposePage ctx={ctx} recipient={recipient} body={body} errors={error.errors} />, 422);
      }
    });

    app.get('/messages/blocked', async (request, reply) => {
      const blocked = await service.blocked(signedInUser(request));
      return reply.page(request.t('messages.blocked.title'), (ctx) => <BlockedPage ctx={ctx} blocked={blocked} />);
    });

    app.post('/messages/blocked', { schema: { body: { type: 'object', properties: { member: { type: 'string', pattern: '^[0-9]{1,9}$' } } } } }, async (request, reply) => {
      const { member } = request.body as { member?: string };
      if (member) await service.unblock(signedInUser(request), Number(member));
      return reply.seeOther('/messages/blocked');
    });

    app.get('/messages/:id', { schema: { params: idParams, querystring: pageQuery } }, async (request, reply) => {
      const notice = NOTICES.find((candidate) => candidate === (request.query as { done?: string }).done);
      return renderConversation(request, reply, Number((request.params as { id: string }).id), undefined, notice);
    });

    app.post('/messages/:id', { ...posting, schema: { params: idParams, body: { type: 'object', properties: { body: text } } } }, async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      const body = (request.body as { body?: string }).body ?? '';
      try {
        await service.reply(signedInUser(request), id, body);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderConversation(request, reply, id, { errors: error.errors, body });
      }
      return reply.seeOther(`/messages/${id}?done=sent`);
    });

    app.post('/messages/:id/block', { schema: { params: idParams, body: { type: 'object', properties: { blocked: text } } } }, async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      const blocked = (request.body as { blocked?: string }).blocked === 'yes';
      await service.setBlocked(signedInUser(request), id, blocked);
      return reply.seeOther(`/messages/${id}?done=${blocked ? 'blocked' : 'unblocked'}`);
    });

    app.post('/messages/:id/report', { ...posting, schema: { params: idParams, body: { type: 'object', additionalProperties: text, properties: { message: { type: 'string', pattern: '^[0-9]{1,9}$' } } } } }, async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      const body = request.body as Record<string, string | undefined>;
      const messageId = body.message ?? '';
      try {
        await service.report(signedInUser(request), id, Number(messageId), body[`reason-${messageId}`] ?? '', body[`note-${messageId}`] ?? '', FLAG_REASONS);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderConversation(request, reply, id, { errors: { [`reason-${messageId}`]: error.errors.reason ?? 'messages.errors.reason' }, body: '' });
      }
      return reply.seeOther(`/messages/${id}?done=reported`);
    });
  };
}
