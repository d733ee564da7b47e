import { sql } from 'kysely';
import type { Executor } from '../../db/client.ts';

/** The conversation of two members, created on first use; the smaller id is stored first. */
export async function conversationBetween(db: Executor, one: number, other: number): Promise<number> {
  const [low, high] = one < other ? [one, other] : [other, one];
  const row = await db
    .insertInto('conversations')
    .values({ member_low: low, member_high: high })
    .onConflict((conflict) => conflict.columns(['member_low', 'member_high']).doUpdateSet({ member_low: low }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function conversationOf(db: Executor, conversationId: number, memberId: number) {
  return db
    .selectFrom('conversations')
    .select(['id', 'member_low', 'member_high'])
    .where('id', '=', conversationId)
    .where((eb) => eb.or([eb('member_low', '=', memberId), eb('member_high', '=', memberId)]))
    .executeTakeFirst();
}

export async function addMessage(db: Executor, conversationId: number, senderId: number, body: string): Promise<number> {
  const row = await db.insertInto('messages').values({ conversation_id: conversationId, sender_id: senderId, body }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('conversations').set({ last_message_at: new Date() }).where('id', '=', conversationId).execute();
  return row.id;
}

/** How many messages, and how many new conversations, the member started in the last hour. */
export async function sentLastHour(db: Executor, senderId: number): Promise<{ messages: number; conversations: number }> {
  const result = await sql<{ messages: string; conversations: string }>`
    SELECT count(*) AS messages,
           count(*) FILTER (WHERE m.id = (SELECT min(first.id) FROM messages first WHERE first.conversation_id = m.conversation_id)) AS conversations
      FROM messages m
     WHERE m.sender_id = ${senderId} AND m.created_at > now() - interval '1 hour'`.execute(db);
  const row = result.rows[0];
  return { messages: Number(row?.messages ?? 0), conversations: Number(row?.conversations ?? 0) };
}

export async function isBlocked(db: Executor, blockerId: number, blockedId: number): Promise<boolean> {
  return (await db.selectFrom('member_blocks').select('blocker_id').where('blocker_id', '=', blockerId).where('blocked_id', '=', blockedId).executeTakeFirst()) !== undefined;
}

export async function block(db: Executor, blockerId: number, blockedId: number): Promise<void> {
  await db.insertInto('member_blocks').values({ blocker_id: blockerId, blocked_id: blockedId }).onConflict((conflict) => conflict.doNothing()).execute();
}

export async function unblock(db: Executor, blockerId: number, blockedId: number): Promise<void> {
  await db.deleteFrom('member_blocks').where('blocker_id', '=', blockerId).where('blocked_id', '=', blockedId).execute();
}

export function blockedBy(db: Executor, blockerId: number) {
  return db
    .selectFrom('member_blocks')
    .innerJoin('users', 'users.id', 'member_blocks.blocked_id')
    .select(['users.id', sql<string | null>`CASE WHEN users.deleted_at IS NULL THEN users.name END`.as('name'), 'member_blocks.created_at'])
    .where('member_blocks.blocker_id', '=', blockerId)
    .orderBy('member_blocks.created_at', 'desc')
    .execute();
}

export async function countConversations(db: Executor, memberId: number): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where((eb) => eb.or([eb('member_low', '=', memberId), eb('member_high', '=', memberId)]))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The member's conversations, latest first, with the other member (no name once they left) and what is unread. */
export function conversationsPage(db: Executor, memberId: number, window: { limit: number; offset: number }) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('users as other', (join) => join.on(sql<boolean>`other.id = CASE WHEN c.member_low = ${memberId} THEN c.member_high ELSE c.member_low END`))
    .select([
      'c.id',
      'c.last_message_at',
      'other.id as other_id',
      sql<string | null>`CASE WHEN other.deleted_at IS NULL THEN other.name END`.as('other_name'),
      sql<string>`(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.sender_id <> ${memberId} AND m.read_at IS NULL)`.as('unread'),
    ])
    .where((eb) => eb.or([eb('c.member_low', '=', memberId), eb('c.member_high', '=', memberId)]))
    .orderBy('c.last_message_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export function messagesOf(db: Executor, conversationId: number) {
  return db
    .selectFrom('messages as m')
    .innerJoin('users as s', 's.id', 'm.sender_id')
    .select(['m.id', 'm.sender_id', 'm.body', 'm.created_at', sql<string | null>`CASE WHEN s.deleted_at IS NULL THEN s.name END`.as('sender_name')])
    .where('m.conversation_id', '=', conversationId)
    .orderBy('m.id', 'desc')
    .limit(200)
    .execute();
}

export async function markRead(db: Executor, conversationId: number, readerId: number): Promise<void> {
  await db.updateTable('messages').set({ read_at: new Date() }).where('conversation_id', '=', conversationId).where('sender_id', '<>', readerId).where('read_at', 'is', null).execute();
}

export function memberByHandle(db: Executor, handle: string) {
  return db.selectFrom('users').select(['id', 'name', 'handle', 'email', 'locale', 'notice_mails']).where('handle', '=', handle).where('deleted_at', 'is', null).executeTakeFirst();
}

export function memberById(db: Executor, id: number) {
  return db.selectFrom('users').select(['id', 'name', 'handle', 'email', 'locale', 'notice_mails']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export function messageInConversation(db: Executor, messageId: number, conversationId: number) {
  return db.selectFrom('messages').select(['id', 'sender_id']).where('id', '=', messageId).where('conversation_id', '=', conversationId).executeTakeFirst();
}
