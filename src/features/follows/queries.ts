import { sql } from 'kysely';
import type { Executor } from '../../db/client.ts';
import type { DigestFrequency } from '../../db/schema/accounts.ts';
import type { ContentEventsTable, FollowKind, NotificationEvent } from '../../db/schema/follows.ts';
import type { Selectable } from 'kysely';

export type ContentEventRow = Selectable<ContentEventsTable>;

export async function follow(db: Executor, userId: number, kind: FollowKind, key: string): Promise<void> {
  await db.insertInto('follows').values({ user_id: userId, target_kind: kind, target_key: key }).onConflict((conflict) => conflict.doNothing()).execute();
}

export async function unfollow(db: Executor, userId: number, kind: FollowKind, key: string): Promise<void> {
  await db.deleteFrom('follows').where('user_id', '=', userId).where('target_kind', '=', kind).where('target_key', '=', key).execute();
}

export async function isFollowing(db: Executor, userId: number, kind: FollowKind, key: string): Promise<boolean> {
  const row = await db.selectFrom('follows').select('user_id').where('user_id', '=', userId).where('target_kind', '=', kind).where('target_key', '=', key).executeTakeFirst();
  return row !== undefined;
}

export function followsOf(db: Executor, userId: number) {
  return db.selectFrom('follows').select(['target_kind', 'target_key', 'created_at']).where('user_id', '=', userId).orderBy('target_kind').orderBy('created_at', 'desc').execute();
}

/** Events not fanned out yet, oldest first, locked so that two workers never take the same. */
export function lockWaitingEvents(db: Executor, limit: number) {
  return db
    .selectFrom('content_events')
    .selectAll()
    .where('processed_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markProcessed(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('content_events').set({ processed_at: new Date() }).where('id', 'in', ids).execute();
}

/** Kinds whose new items reach the followers of their topics, countries, city and author, and where those are. */
const FOLLOWED_THROUGH = {
  practice: { table: 'practices', countries: sql`t.countries`, city: sql`(SELECT c.slug FROM cities c WHERE c.id = t.city_id)` },
  resource: { table: 'resources', countries: sql`t.countries`, city: sql`NULL` },
  // An event happens in one country (or none, online).
  event: { table: 'events', countries: sql`ARRAY_REMOVE(ARRAY[trim(t.country)], NULL)`, city: sql`(SELECT c.slug FROM cities c WHERE c.id = t.city_id)` },
  // A campaign runs in countries; its partner cities are not where it "is" for followers.
  campaign: { table: 'campaigns', countries: sql`t.countries`, city: sql`NULL` },
} as const;
export type FollowedKind = keyof typeof FOLLOWED_THROUGH;

/** Kinds whose followers hear of every reply (threads), not only of changes to the item. */
const FOLLOWED_FOR_REPLIES: ReadonlySet<string> = new Set<FollowKind>(['forum_topic']);
export const isFollowedForReplies = (kind: string): boolean => FOLLOWED_FOR_REPLIES.has(kind);

export function isFollowedKind(kind: string): kind is FollowedKind {
  return Object.hasOwn(FOLLOWED_THROUGH, kind);
}

/** What an item can be followed through: its topics, countries, city and author. */
export async function followTargetsOf(db: Executor, kind: FollowedKind, id: number): Promise<{ kinds: string[]; keys: string[] }> {
  const { table, countries, city } = FOLLOWED_THROUGH[kind];
  const result = await sql<{ target_kind: string; target_key: string }>`
    SELECT 'topic' AS target_kind, term.code AS target_key
      FROM ${sql.table(table)} t JOIN taxonomy_terms term ON term.id = ANY (t.term_ids) AND term.vocabulary = 'topic'
     WHERE t.id = ${id}
    UNION SELECT 'country', unnest(${countries}) FROM ${sql.table(table)} t WHERE t.id = ${id}
    UNION SELECT 'city', ${city} FROM ${sql.table(table)} t WHERE t.id = ${id}
    UNION SELECT 'member', t.author_id::text FROM ${sql.table(table)} t WHERE t.id = ${id} AND t.author_id IS NOT NULL
    UNION SELECT ${kind}, ${String(id)}`.execute(db);
  const rows = result.rows.filter((row) => row.target_key !== null);
  return { kinds: rows.map((row) => row.target_kind), keys: rows.map((row) => row.target_key) };
}

/**
 * One notification per follower of any of the targets (the first target they follow names what
 * brought it), except the member who acted. Digest subscribers get it queued for their digest.
 */
export async function notifyFollowers(
  db: Executor,
  event: { id: string; event: NotificationEvent; kind: string; subjectId: number; actorId: number | null },
  targets: { kinds: readonly string[]; keys: readonly string[] },
): Promise<number> {
  const result = await sql`
    INSERT INTO notifications (user_id, content_event_id, event, subject_kind, subject_id, about_kind, about_key, digest)
    SELECT DISTINCT ON (f.user_id) f.user_id, ${event.id}, ${event.event}, ${event.kind}, ${event.subjectId}, f.target_kind, f.target_key,
           CASE WHEN u.digest_frequency <> 'off' THEN 'pending' ELSE 'none' END
      FROM unnest(${sql.val([...targets.kinds])}::text[], ${sql.val([...targets.keys])}::text[]) WITH ORDINALITY AS target (kind, key, position)
      JOIN follows f ON f.target_kind = target.kind AND f.target_key = target.key
      JOIN users u ON u.id = f.user_id AND u.deleted_at IS NULL
     WHERE f.user_id IS DISTINCT FROM ${event.actorId}
     ORDER BY f.user_id, target.position
    ON CONFLICT (user_id, content_event_id) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** A notification about the member themself (a decision, a reply, a message); never in a digest. */
export async function notifyMember(
  db: Executor,
  notification: { userId: number; contentEventId: string | null; event: NotificationEvent; kind: string; subjectId: number },
): Promise<boolean> {
  const result = await db
    .insertInto('notifications')
    .values({
      user_id: notification.userId,
      content_event_id: notification.contentEventId,
      event: notification.event,
      subject_kind: notification.kind,
      subject_id: notification.subjectId,
    })
    .onConflict((conflict) => conflict.columns(['user_id', 'content_event_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function commentById(db: Executor, id: number) {
  // A post waiting for a moderator (or removed before the fan-out) is news to nobody.
  return db.selectFrom('comments').select(['id', 'kind', 'subject_id', 'author_id']).where('id', '=', id).where('held_at', 'is', null).where('removed_at', 'is', null).executeTakeFirst();
}

export function memberForMail(db: Executor, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'locale', 'notice_mails', 'digest_frequency', 'time_zone'])
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function countNotifications(db: Executor, userId: number): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('count')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.count);
}

export function notificationsPage(db: Executor, userId: number, window: { limit: number; offset: number }) {
  return db
    .selectFrom('notifications')
    .select(['id', 'event', 'subject_kind', 'subject_id', 'about_kind', 'about_key', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export async function markAllRead(db: Executor, userId: number): Promise<void> {
  await db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}

/** Members whose digest at this frequency has something in it: read through the partial index. */
export async function membersWithDigest(db: Executor, frequency: Exclude<DigestFrequency, 'off'>): Promise<number[]> {
  const rows = await db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select('notifications.user_id')
    .distinct()
    .where('notifications.digest', '=', 'pending')
    .where('users.digest_frequency', '=', frequency)
    .where('users.deleted_at', 'is', null)
    .execute();
  return rows.map((row) => row.user_id);
}

/** The member's pending digest items, locked: a second run waits, then finds them sent. */
export function lockPendingDigest(db: Executor, userId: number) {
  return db
    .selectFrom('notifications')
    .select(['id', 'event', 'subject_kind', 'subject_id', 'about_kind', 'about_key'])
    .where('user_id', '=', userId)
    .where('digest', '=', 'pending')
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function markDigested(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('notifications').set({ digest: 'sent' }).where('id', 'in', ids).execute();
}

export async function setMailPreferences(db: Executor, userId: number, preferences: { digest_frequency?: DigestFrequency; notice_mails?: boolean }): Promise<void> {
  await db.updateTable('users').set(preferences).where('id', '=', userId).execute();
}

export function mailPreferences(db: Executor, userId: number) {
  return db.selectFrom('users').select(['digest_frequency', 'notice_mails']).where('id', '=', userId).executeTakeFirstOrThrow();
}
