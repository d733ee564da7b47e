import { sql } from 'kysely';
import type { Executor } from '../content/kinds.ts';

/**
 * Database access for what readers add to any item: ratings (with their totals), comments and
 * reports. Everything is keyed by `(kind, subject_id)`; the kinds' own tables are never touched.
 */

export interface Subject {
  kind: string;
  id: number;
}

export interface RatingTotals {
  count: number;
  sum: number;
}

export async function ratingTotals(db: Executor, subject: Subject): Promise<RatingTotals> {
  const row = await db
    .selectFrom('rating_totals')
    .select(['count', 'sum'])
    .where('kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .executeTakeFirst();
  return row ?? { count: 0, sum: 0 };
}

/** Totals of many items of one kind at once (lists, exports, the API). */
export async function ratingTotalsOf(db: Executor, kind: string, ids: readonly number[]): Promise<Map<number, RatingTotals>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('rating_totals')
    .select(['subject_id', 'count', 'sum'])
    .where('kind', '=', kind)
    .where('subject_id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.subject_id, { count: row.count, sum: row.sum }]));
}

export async function ratingOf(db: Executor, subject: Subject, userId: number): Promise<number | null> {
  const row = await db
    .selectFrom('ratings')
    .select('score')
    .where('kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.score ?? null;
}

/**
 * Takes the item's totals row for this transaction (creating it at zero the first time), so
 * concurrent raters of one item queue here and the count and sum stay exact.
 */
export async function lockTotals(db: Executor, subject: Subject): Promise<void> {
  await db
    .insertInto('rating_totals')
    .values({ kind: subject.kind, subject_id: subject.id })
    .onConflict((conflict) => conflict.columns(['kind', 'subject_id']).doNothing())
    .execute();
  await db
    .selectFrom('rating_totals')
    .select('kind')
    .where('kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function upsertRating(db: Executor, subject: Subject, userId: number, score: number): Promise<void> {
  await db
    .insertInto('ratings')
    .values({ kind: subject.kind, subject_id: subject.id, user_id: userId, score })
    .onConflict((conflict) => conflict.columns(['kind', 'subject_id', 'user_id']).doUpdateSet({ score, updated_at: new Date() }))
    .execute();
}

/** Adds to the stored totals: a new rating counts one more; a changed one only moves the sum. */
export async function addToTotals(db: Executor, subject: Subject, countDelta: number, sumDelta: number): Promise<void> {
  await db
    .updateTable('rating_totals')
    .set({
      count: sql<number>`count + ${countDelta}::integer`,
      sum: sql<number>`sum + ${sumDelta}::integer`,
    })
    .where('kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .execute();
}

export interface CommentRow {
  id: number;
  body: string;
  created_at: Date;
  removed_at: Date | null;
  author_id: number | null;
  /** Null when the author deleted their account. */
  author_name: string | null;
}

export async function countComments(db: Executor, subject: Subject): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** A page of comments, oldest first; removed ones keep their place, without their text. */
export function listComments(db: Executor, subject: Subject, window: { limit: number; offset: number }): Promise<CommentRow[]> {
  return db
    .selectFrom('comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select([
      'c.id',
      sql<string>`CASE WHEN c.removed_at IS NULL THEN c.body ELSE '' END`.as('body'),
      'c.created_at',
      'c.removed_at',
      'c.author_id',
      sql<string | null>`CASE WHEN u.deleted_at IS NULL THEN u.name END`.as('author_name'),
    ])
    .where('c.kind', '=', subject.kind)
    .where('c.subject_id', '=', subject.id)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export async function insertComment(db: Executor, subject: Subject, authorId: number, body: string): Promise<number> {
  const row = await db
    .insertInto('comments')
    .values({ kind: subject.kind, subject_id: subject.id, author_id: authorId, body })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** How many comments come before this one in the page's order, to find the page it is on. */
export async function commentsBefore(db: Executor, subject: Subject, commentId: number): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('before'))
    .where('kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .where(sql<boolean>`(created_at, id) < (SELECT created_at, id FROM comments WHERE id = ${commentId})`)
    .executeTakeFirstOrThrow();
  return Number(row.before);
}

/** The comment if it is on this item. */
export function findComment(db: Executor, subject: Subject, commentId: number) {
  return db
    .selectFrom('comments')
    .select(['id', 'removed_at'])
    .where('id', '=', commentId)
    .where('kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .executeTakeFirst();
}

/** The item a comment is on, whatever its kind. */
export function commentSubjectOf(db: Executor, commentId: number) {
  return db.selectFrom('comments').select(['id', 'kind', 'subject_id']).where('id', '=', commentId).executeTakeFirst();
}

/** Soft delete: the comment keeps its place in the conversation; false if it was already removed. */
export async function removeComment(db: Executor, commentId: number, editorId: number, reason = ''): Promise<boolean> {
  const result = await db
    .updateTable('comments')
    .set({ removed_at: new Date(), removed_by: editorId, removed_reason: reason })
    .where('id', '=', commentId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** What a report is about: an item (`practice:12`) or a comment on one (`comment:7`). */
export interface FlagTarget {
  kind: string;
  id: number;
}

export const flagSubjectOf = (target: FlagTarget): string => `${target.kind}:${target.id}`;

/** Records a report unless this reporter already has an open one on the same thing. */
export async function insertFlag(db: Executor, flag: { target: FlagTarget; reporterId: number; reason: string; note: string }): Promise<void> {
  await db
    .insertInto('content_flags')
    .values({
      subject: flagSubjectOf(flag.target),
      reporter_id: flag.reporterId,
      reason: flag.reason,
      note: flag.note,
    })
    .onConflict((conflict) => conflict.columns(['subject', 'reporter_id']).where('resolved_at', 'is', null).doNothing())
    .execute();
}

/** Resolves every open report on a subject; returns the ids resolved by this call. */
export async function resolveOpenFlagsOn(db: Executor, target: FlagTarget, editorId: number): Promise<number[]> {
  const rows = await db
    .updateTable('content_flags')
    .set({ resolved_at: new Date(), resolved_by: editorId })
    .where('subject', '=', flagSubjectOf(target))
    .where('resolved_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
