import { sql } from 'kysely';
import type { Executor } from './queries.ts';

/**
 * Database access for what the practice page adds around the record: the practices it links to
 * (adapted in, similar, previous and next). Ratings, comments and reports are engagement's.
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

