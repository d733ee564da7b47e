import type { Db } from '../../db/client.ts';
import type { CurrentUser } from '../../platform/context.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { translator } from '../../platform/i18n.ts';
import { loadPage, type Page } from '../../platform/pagination.ts';
import type { NotificationsService, SubjectResolver } from '../follows/index.ts';
import * as queries from './queries.ts';

export const MESSAGE_MAX = 5_000;
/** A sender's messages per hour, and new conversations per hour: plenty for work, too few for spam. */
export const MESSAGE_LIMITS = { perHour: 30, newConversationsPerHour: 8 } as const;
export const CONVERSATION_KIND = 'conversation';

export type Conversation = Awaited<ReturnType<typeof queries.conversationsPage>>[number];

/** What the notifications page calls a conversation: "from {name}". */
export const conversationSubjects: SubjectResolver = {
  kind: CONVERSATION_KIND,
  async resolve(db, ids, memberId, locale) {
    const t = translator(locale);
    const found = new Map<number, { title: string; path: string }>();
    for (const id of ids) {
      const conversation = await queries.conversationOf(db, id, memberId);
      if (!conversation) continue;
      const other = await queries.memberById(db, conversation.member_low === memberId ? conversation.member_high : conversation.member_low);
      found.set(id, { title: t('messages.notification', { name: other?.name ?? t('messages.deletedMember') }), path: `/messages/${id}` });
    }
    return found;
  },
};

export function messagesService(deps: { db: Db }, notifications: NotificationsService) {
  const { db } = deps;

  function checkBody(body: string): string {
    const text = body.trim();
    if (!text) throw new ValidationError({ body: 'messages.errors.bodyRequired' });
    if (text.length > MESSAGE_MAX) throw new ValidationError({ body: 'messages.errors.bodyTooLong' });
    return text;
  }

  /** Everything that must hold before one member writes to another; nothing is written here. */
  async function checkSending(sender: CurrentUser, recipientId: number, newConversation: boolean): Promise<void> {
    if (recipientId === sender.id) throw new ValidationError({ body: 'messages.errors.self' });
    if (await queries.isBlocked(db, recipientId, sender.id)) throw new ValidationError({ body: 'messages.errors.blocked' });
    const sent = await queries.sentLastHour(db, sender.id);
    if (sent.messages >= MESSAGE_LIMITS.perHour || (newConversation && sent.conversations >= MESSAGE_LIMITS.newConversationsPerHour)) {
      throw new ValidationError({ body: 'messages.errors.tooMany' });
    }
  }

  async function deliver(sender: CurrentUser, conversationId: number, recipientId: number, body: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await queries.addMessage(trx, conversationId, sender.id, body);
    });
    // The notice names the sender and links to the conversation: neither address is in it.
    await notifications.notifyMember(recipientId, 'message', CONVERSATION_KIND, conversationId);
    await notifications.mailNotice(recipientId, (t, locale) => ({
      subject: t('messages.mail.subject', { name: sender.name }),
      body: t('messages.mail.body', { name: sender.name, link: new URL(`/${locale}/messages/${conversationId}`, notifications.baseUrl).toString() }),
    }));
  }

  return {
    /** The member a compose page writes to; 404 for an unknown or deleted member. */
    async recipient(sender: CurrentUser, handle: string) {
      const recipient = await queries.memberByHandle(db, handle);
      if (!recipient) throw new NotFoundError();
      return { handle: recipient.handle, name: recipient.name ?? '', isSelf: recipient.id === sender.id };
    },

    /** Writes to a member by handle; the conversation of the two is used or started. */
    async send(sender: CurrentUser, handle: string, rawBody: string): Promise<number> {
      const body = checkBody(rawBody);
      const recipient = await queries.memberByHandle(db, handle);
      if (!recipient) throw new ValidationError({ body: 'messages.errors.recipient' });
      const [low, high] = sender.id < recipient.id ? [sender.id, recipient.id] : [recipient.id, sender.id];
      const existing = await db.selectFrom('conversations').select('id').where('member_low', '=', low).where('member_high', '=', high).executeTakeFirst();
      await checkSending(sender, recipient.id, existing === undefined);
      const conversationId = existing?.id ?? (await queries.conversationBetween(db, sender.id, recipient.id));
      await deliver(sender, conversationId, recipient.id, body);
      return conversationId;
    },

    async reply(sender: CurrentUser, conversationId: number, rawBody: string): Promise<void> {
      const conversation = await queries.conversationOf(db, conversationId, sender.id);
      if (!conversation) throw new NotFoundError();
      const body = checkBody(rawBody);
      const otherId = conversation.member_low === sender.id ? conversation.member_high : conversation.member_low;
      const other = await queries.memberById(db, otherId);
      if (!other) throw new ValidationError({ body: 'messages.errors.left' });
      await checkSending(sender, otherId, false);
      await deliver(sender, conversationId, otherId, body);
    },

    inbox: (member: CurrentUser, page: number): Promise<Page<Conversation>> =>
      loadPage(page, { count: () => queries.countConversations(db, member.id), rows: (window) => queries.conversationsPage(db, member.id, window) }),

    /** A conversation for one of its two members (404 for anyone else); reading it marks it read. */
    async conversation(member: CurrentUser, conversationId: number) {
      const conversation = await queries.conversationOf(db, conversationId, member.id);
      if (!conversation) throw new NotFoundError();
      const otherId = conversation.member_low === member.id ? conversation.member_high : conversation.member_low;
      const [other, messages, blocked] = await Promise.all([queries.memberById(db, otherId), queries.messagesOf(db, conversationId), queries.isBlocked(db, member.id, otherId)]);
      await queries.markRead(db, conversationId, member.id);
      return { id: conversationId, other: other ? { name: other.name ?? '', handle: other.handle } : null, otherId, messages: [...messages].reverse(), blocked };
    },

    async setBlocked(member: CurrentUser, conversationId: number, blocked: boolean): Promise<void> {
      const conversation = await queries.conversationOf(db, conversationId, member.id);
      if (!conversation) throw new NotFoundError();
      const otherId = conversation.member_low === member.id ? conversation.member_high : conversation.member_low;
      if (blocked) await queries.block(db, member.id, otherId);
      else await queries.unblock(db, member.id, otherId);
    },

    blocked: (member: CurrentUser) => queries.blockedBy(db, member.id),
    unblock: (member: CurrentUser, otherId: number) => queries.unblock(db, member.id, otherId),

    /** Reports a message the member received to the moderators; its text is then theirs to read. */
    async report(member: CurrentUser, conversationId: number, messageId: number, reason: string, note: string, allowedReasons: readonly string[]): Promise<void> {
      const conversation = await queries.conversationOf(db, conversationId, member.id);
      const message = conversation ? await queries.messageInConversation(db, messageId, conversationId) : undefined;
      if (!message || message.sender_id === member.id) throw new NotFoundError();
      if (!allowedReasons.includes(reason)) throw new ValidationError({ reason: 'messages.errors.reason' });
      await db.insertInto('content_flags').values({ subject: `message:${messageId}`, reporter_id: member.id, reason, note: note.trim().slice(0, 2_000) }).execute();
    },
  };
}

export type MessagesService = ReturnType<typeof messagesService>;

