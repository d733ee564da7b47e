import { sql } from 'kysely';
import type { Executor } from '../../content/kinds.ts';

/**
 * Database access for the one moderation queue of every kind: the open reports
 * (`content_flags`), with the comment they name when they are about one. Items are found
 * through the content kinds' registry, never joined here, so a new kind needs no change.
 *
 * A report names what it is about in `subject` (`<kind>:<id>` or `comment:<id>`), split into
 * `subject_kind` and `subject_id`. It is text rather than a foreign key, so a report outlives
 * what it names; the queue then shows that the content is gone.
 */

/** A comment's text is cut to this many characters in the queue: enough to judge, short to scan. */
export const EXCERPT_LENGTH = 280;

export interface OpenFlagRow {
  id: number;
  subject: string;
  subject_kind: string | null;
  subject_id: number | null;
  reason: string;
  note: string;
  created_at: Date;
  /** Null when the reporter deleted their account. */
  reporter_name: string | null;
  /** Null for reports on an item, or when the comment is gone. */
  comment_id: number | null;
  /** The item the reported comment is on. */
  comment_on_kind: string | null;
  comment_on_id: number | null;
  /** The start of the comment; '' once a moderator removed it (its text is not shown again). */
  comment_excerpt: string | null;
  comment_removed_at: Date | null;
  comment_author_name: string | null;
  /** The start of a reported private message, and who sent it (null once they left). */
  message_excerpt: string | null;
  message_sender_name: string | null;
}

export async function countOpenFlags(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('content_flags')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/**
 * A page of open reports, newest first (the partial index on open reports serves the order).
 * Every join is on a primary key, so a page costs the same however many reports there are.
 */
export function openFlagsPage(db: Executor, window: { limit: number; offset: number }): Promise<OpenFlagRow[]> {
  return db
    .selectFrom('content_flags as f')
    .leftJoin('users as r', 'r.id', 'f.reporter_id')
    .leftJoin('comments as c', (join) => join.on(sql<boolean>`f.subject_kind = 'comment' AND c.id = f.subject_id`))
    .leftJoin('users as ca', 'ca.id', 'c.author_id')
    .leftJoin('messages as m', (join) => join.on(sql<boolean>`f.subject_kind = 'message' AND m.id = f.subject_id`))
    .leftJoin('users as ms', 'ms.id', 'm.sender_id')
    .select([
      'f.id',
      'f.subject',
      'f.subject_kind',
      'f.subject_id',
      'f.reason',
      'f.note',
      'f.created_at',
      sql<string | null>`CASE WHEN r.deleted_at IS NULL THEN r.name END`.as('reporter_name'),
      'c.id as comment_id',
      'c.kind as comment_on_kind',
      'c.subject_id as comment_on_id',
      sql<string | null>`CASE WHEN c.removed_at IS NULL THEN left(c.body, ${EXCERPT_LENGTH + 1}) ELSE '' END`.as('comment_excerpt'),
      'c.removed_at as comment_removed_at',
      sql<string | null>`CASE WHEN ca.deleted_at IS NULL THEN ca.name END`.as('comment_author_name'),
      sql<string | null>`left(m.body, ${EXCERPT_LENGTH + 1})`.as('message_excerpt'),
      sql<string | null>`CASE WHEN ms.deleted_at IS NULL THEN ms.name END`.as('message_sender_name'),
    ])
    .where('f.resolved_at', 'is', null)
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export function findFlag(db: Executor, flagId: number) {
  return db
    .selectFrom('content_flags')
    .select(['id', 'subject', 'subject_kind', 'subject_id', 'reason', 'resolved_at'])
    .where('id', '=', flagId)
    .executeTakeFirst();
}

/** Resolves one report if it is still open; false when it was already resolved (or does not exist). */
export async function resolveFlag(db: Executor, flagId: number, editorId: number): Promise<boolean> {
  const result = await db
    .updateTable('content_flags')
    .set({ resolved_at: new Date(), resolved_by: editorId })
    .where('id', '=', flagId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
