import { sql } from 'kysely';
import type { PracticeStatus } from '../../db/schema/practices.ts';
import type { Executor } from './queries.ts';

/**
 * Database access for the editors' moderation queue: the open flags (`content_flags`) on
 * practices and their comments, and resolving them.
 *
 * A flag names what it is about in `subject`, `practice:<id>` or `practice_comment:<id>`
 * (written by the practice page, `page-service.ts`). The subject is text rather than a foreign
 * key, so a flag outlives what it names; the queue then shows that the content is gone.
 */

export const COMMENT_SUBJECT = /^practice_comment:([0-9]{1,9})$/;
export const practiceSubject = (id: number): string => `practice:${id}`;
export const commentSubject = (id: number): string => `practice_comment:${id}`;

/** A comment's text is cut to this many characters in the queue: enough to judge, short to scan. */
export const EXCERPT_LENGTH = 280;

export interface OpenFlagRow {
  id: number;
  subject: string;
  reason: string;
  note: string;
  created_at: Date;
  /** Null when the reporter deleted their account. */
  reporter_name: string | null;
  /** The practice flagged, or the one the flagged comment is on; null once it is gone. */
  practice_slug: string | null;
  practice_title: string | null;
  practice_language: string | null;
  practice_status: PracticeStatus | null;
  /** Null for flags on a practice, or when the comment is gone. */
  comment_id: number | null;
  /** The start of the comment; '' once an editor removed it (its text is not shown again). */
  comment_excerpt: string | null;
  comment_removed_at: Date | null;
  comment_author_name: string | null;
}

/** The id in a flag's subject when it is of this kind, as SQL; NULL for a subject of the other kind. */
function subjectIdOf(kind: 'practice' | 'practice_comment') {
  // CASE keeps the cast away from subjects of the other kind: PostgreSQL evaluates CASE
  // branches in order, but promises no order for the two sides of an AND.
  return sql<number | null>`CASE WHEN f.subject ~ ${`^${kind}:[0-9]{1,9}$`} THEN substr(f.subject, ${kind.length + 2})::integer END`;
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
 * A page of open flags, newest first (the partial index on open flags serves the order), each
 * with what it is about. Every join is on a primary key, so a page costs the same however many
 * flags, comments and practices there are.
 */
export function openFlagsPage(db: Executor, window: { limit: number; offset: number }): Promise<OpenFlagRow[]> {
  return db
    .selectFrom('content_flags as f')
    .leftJoin('users as r', 'r.id', 'f.reporter_id')
    .leftJoin('practice_comments as c', (join) => join.on(sql<boolean>`c.id = ${subjectIdOf('practice_comment')}`))
    .leftJoin('users as ca', 'ca.id', 'c.author_id')
    .leftJoin('practices as p', (join) => join.on(sql<boolean>`p.id = coalesce(${subjectIdOf('practice')}, c.practice_id)`))
    .select([
      'f.id',
      'f.subject',
      'f.reason',
      'f.note',
      'f.created_at',
      sql<string | null>`CASE WHEN r.deleted_at IS NULL THEN r.name END`.as('reporter_name'),
      'p.slug as practice_slug',
      'p.title as practice_title',
      'p.language as practice_language',
      'p.status as practice_status',
      'c.id as comment_id',
      sql<string | null>`CASE WHEN c.removed_at IS NULL THEN left(c.body, ${EXCERPT_LENGTH + 1}) ELSE '' END`.as('comment_excerpt'),
      'c.removed_at as comment_removed_at',
      sql<string | null>`CASE WHEN ca.deleted_at IS NULL THEN ca.name END`.as('comment_author_name'),
    ])
    .where('f.resolved_at', 'is', null)
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export function findFlag(db: Executor, flagId: number) {
  return db.selectFrom('content_flags').select(['id', 'subject', 'reason', 'resolved_at']).where('id', '=', flagId).executeTakeFirst();
}

/** Resolves one flag if it is still open; false when it was already resolved (or does not exist). */
export async function resolveFlag(db: Executor, flagId: number, editorId: number): Promise<boolean> {
  const result = await db
    .updateTable('content_flags')
    .set({ resolved_at: new Date(), resolved_by: editorId })
    .where('id', '=', flagId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Resolves every open flag on a subject; returns the ids resolved by this call. */
export async function resolveOpenFlagsOn(db: Executor, subject: string, editorId: number): Promise<number[]> {
  const rows = await db
    .updateTable('content_flags')
    .set({ resolved_at: new Date(), resolved_by: editorId })
    .where('subject', '=', subject)
    .where('resolved_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** The comment a subject names, with the practice it is on. */
export function commentWithPractice(db: Executor, commentId: number) {
  return db
    .selectFrom('practice_comments as c')
    .innerJoin('practices as p', 'p.id', 'c.practice_id')
    .select(['c.id', 'p.slug'])
    .where('c.id', '=', commentId)
    .executeTakeFirst();
}
