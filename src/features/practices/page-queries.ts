import { sql } from 'kysely';
import type { Executor } from './queries.ts';

/**
 * Database access for what the practice page adds around the record: readers' ratings, comments
 * and flags, and the practices it links to (adapted in, similar, previous and next).
 */

export interface PracticeLink {
  slug: string;
  title: string;
  language: string;
}

export interface SimilarPractice extends PracticeLink {
  summary: string;
  countries: string[];
  shared_terms: number;
}

/** Published practices that say they were adapted from this one, newest first. */
export function adaptedIn(db: Executor, practiceId: number, limit = 20): Promise<PracticeLink[]> {
  return db
    .selectFrom('practices')
    .select(['slug', 'title', 'language'])
    .where('adapted_from_id', '=', practiceId)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * How many recent candidates are ranked for "similar practices". Below this many published
 * practices sharing a term the ranking is exact; above it (a large synthetic corpus), the
 * newest candidates are ranked, so the page costs the same at 100,000 practices as at 100.
 */
export const SIMILAR_CANDIDATES = 1000;

/**
 * Up to `limit` published practices sharing the most taxonomy terms with this one. Candidates
 * share at least one of `candidateTerms` (the practice's specific terms: a broad dimension would
 * make nearly every practice a candidate); `&&` finds them through the GIN index on term_ids, or
 * the planner walks the newest published practices when most of them match. The overlap with
 * all of `terms` is counted for the bounded candidate set only.
 */
export function similarPractices(
  db: Executor,
  practiceId: number,
  terms: { all: readonly number[]; candidates: readonly number[] },
  limit = 4,
): Promise<SimilarPractice[]> {
  if (terms.candidates.length === 0 || terms.all.length === 0) return Promise.resolve([]);
  const candidateTerms = sql`${sql.val([...terms.candidates])}::integer[]`;
  const allTerms = sql`${sql.val([...terms.all])}::integer[]`;
  return db
    .with('candidates', (qb) =>
      qb
        .selectFrom('practices')
        .select(['id', 'term_ids', 'published_at'])
        .where('status', '=', 'published')
        .where(sql<boolean>`term_ids && ${candidateTerms}`)
        .where('id', '<>', practiceId)
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .limit(SIMILAR_CANDIDATES),
    )
    .with('ranked', (qb) =>
      qb
        .selectFrom('candidates as c')
        .select([
          'c.id',
          'c.published_at',
          sql<number>`(SELECT count(*) FROM unnest(c.term_ids) AS term WHERE term = ANY(${allTerms}))::integer`.as('shared_terms'),
        ])
        .orderBy('shared_terms', 'desc')
        .orderBy('c.published_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(limit),
    )
    .selectFrom('ranked as r')
    .innerJoin('practices as p', 'p.id', 'r.id')
    .select(['p.slug', 'p.title', 'p.language', 'p.summary', 'p.countries', 'r.shared_terms'])
    .orderBy('r.shared_terms', 'desc')
    .orderBy('r.published_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/**
 * The published practice just before (older) or after (newer) this one by publication date. The
 * current position is read in SQL: JavaScript dates would lose the microseconds.
 */
export function neighbour(db: Executor, practiceId: number, direction: 'previous' | 'next'): Promise<PracticeLink | undefined> {
  const older = direction === 'previous';
  const position = sql`(published_at, id)`;
  const here = sql`(SELECT published_at, id FROM practices WHERE id = ${practiceId})`;
  return db
    .selectFrom('practices')
    .select(['slug', 'title', 'language'])
    .where('status', '=', 'published')
    .where(older ? sql<boolean>`${position} < ${here}` : sql<boolean>`${position} > ${here}`)
    .orderBy('published_at', older ? 'desc' : 'asc')
    .orderBy('id', older ? 'desc' : 'asc')
    .limit(1)
    .executeTakeFirst();
}

export async function ratingOf(db: Executor, practiceId: number, userId: number): Promise<number | null> {
  const row = await db
    .selectFrom('practice_ratings')
    .select('score')
    .where('practice_id', '=', practiceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.score ?? null;
}

/**
 * Locks the practice row against other raters until the transaction ends (NO KEY UPDATE: rows
 * that merely reference the practice, such as new comments, are not held up).
 */
export async function lockForRating(db: Executor, practiceId: number): Promise<void> {
  await db.selectFrom('practices').select('id').where('id', '=', practiceId).forNoKeyUpdate().executeTakeFirstOrThrow();
}

export async function upsertRating(db: Executor, practiceId: number, userId: number, score: number): Promise<void> {
  await db
    .insertInto('practice_ratings')
    .values({ practice_id: practiceId, user_id: userId, score })
    .onConflict((conflict) => conflict.columns(['practice_id', 'user_id']).doUpdateSet({ score, updated_at: new Date() }))
    .execute();
}

/** Adds to the stored totals: a new rating counts one more; a changed one only moves the sum. */
export async function addToRatingTotals(db: Executor, practiceId: number, countDelta: number, sumDelta: number): Promise<void> {
  await db
    .updateTable('practices')
    .set({
      rating_count: sql<number>`rating_count + ${countDelta}::integer`,
      rating_sum: sql<number>`rating_sum + ${sumDelta}::integer`,
    })
    .where('id', '=', practiceId)
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

export async function countComments(db: Executor, practiceId: number): Promise<number> {
  const row = await db
    .selectFrom('practice_comments')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('practice_id', '=', practiceId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** A page of comments, oldest first; removed ones keep their place, without their text. */
export function listComments(db: Executor, practiceId: number, window: { limit: number; offset: number }): Promise<CommentRow[]> {
  return db
    .selectFrom('practice_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select([
      'c.id',
      sql<string>`CASE WHEN c.removed_at IS NULL THEN c.body ELSE '' END`.as('body'),
      'c.created_at',
      'c.removed_at',
      'c.author_id',
      sql<string | null>`CASE WHEN u.deleted_at IS NULL THEN u.name END`.as('author_name'),
    ])
    .where('c.practice_id', '=', practiceId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export async function insertComment(db: Executor, practiceId: number, authorId: number, body: string): Promise<number> {
  const row = await db
    .insertInto('practice_comments')
    .values({ practice_id: practiceId, author_id: authorId, body })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** How many comments come before this one in the page's order, to find the page it is on. */
export async function commentsBefore(db: Executor, practiceId: number, commentId: number): Promise<number> {
  const row = await db
    .selectFrom('practice_comments')
    .select((eb) => eb.fn.countAll<number>().as('before'))
    .where('practice_id', '=', practiceId)
    .where(sql<boolean>`(created_at, id) < (SELECT created_at, id FROM practice_comments WHERE id = ${commentId})`)
    .executeTakeFirstOrThrow();
  return Number(row.before);
}

export function findComment(db: Executor, practiceId: number, commentId: number) {
  return db
    .selectFrom('practice_comments')
    .select(['id', 'removed_at'])
    .where('id', '=', commentId)
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
}

/** Soft delete: the comment keeps its place in the conversation; returns false if it was already removed. */
export async function removeComment(db: Executor, commentId: number, editorId: number): Promise<boolean> {
  const result = await db
    .updateTable('practice_comments')
    .set({ removed_at: new Date(), removed_by: editorId })
    .where('id', '=', commentId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Records a flag unless this reporter already has an open one on the subject. */
export async function insertFlag(
  db: Executor,
  flag: { subject: string; reporterId: number; reason: string; note: string },
): Promise<void> {
  await db
    .insertInto('content_flags')
    .values({ subject: flag.subject, reporter_id: flag.reporterId, reason: flag.reason, note: flag.note })
    .onConflict((conflict) => conflict.columns(['subject', 'reporter_id']).where('resolved_at', 'is', null).doNothing())
    .execute();
}
