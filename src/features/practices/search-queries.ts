import { sql, type RawBuilder } from 'kysely';
import { headline, resultIdsQuery, type MatchPlan, type PageEntry, type Sort } from '../../search/index.ts';

/**
 * The SQL particular to practice search: the rows of a page, with highlighted titles and snippets
 * from the practice's own text, and the editors' record of searches that found nothing. Matching,
 * counting and ordering are shared (search/queries.ts); `practices` is joined for the rows of a
 * page and nothing else.
 */

export const PRACTICE_SEARCH_KIND = 'practice';

export interface ResultRow {
  id: number;
  slug: string;
  title: string;
  /** Title and snippet with MARK_START/MARK_END around the matched words. */
  marked_title: string;
  snippet: string;
  summary: string;
  language: string;
  countries: string[];
  term_ids: number[];
  evidence_level: string;
  published_at: Date;
  rating_count: number;
  rating_sum: number;
}

/** The practices of one page of results (`page`: see `resultIdsQuery`), in its order. */
export function practiceRowsQuery(page: RawBuilder<PageEntry>, plan: MatchPlan): RawBuilder<ResultRow> {
  const text = sql`concat_ws(' ', p.summary, p.activities, p.outcomes, p.background, p.participants, p.evaluation, p.recommendations)`;
  return sql<ResultRow>`
    WITH page AS MATERIALIZED (${page})
    SELECT p.id, p.slug, p.title, p.summary, p.language, p.countries, p.term_ids, p.evidence_level,
      p.published_at, coalesce(r.count, 0) AS rating_count, coalesce(r.sum, 0) AS rating_sum,
      ${plan.tsquery ? headline(sql`p.language`, sql`p.title`, plan.tsquery, 'whole') : sql`p.title`} AS marked_title,
      ${plan.tsquery ? headline(sql`p.language`, text, plan.tsquery, 'fragments') : sql`''`} AS snippet
    FROM page
    JOIN practices p ON p.id = page.subject_id
    LEFT JOIN rating_totals r ON r.kind = ${PRACTICE_SEARCH_KIND} AND r.subject_id = p.id
    ORDER BY page.position`;
}

/** One page of results as one query: the shared ids and the practices' rows (for the benchmark's plans). */
export function resultPageQuery(plan: MatchPlan, sort: Sort, window: { limit: number; offset: number }): RawBuilder<ResultRow> {
  return practiceRowsQuery(resultIdsQuery(PRACTICE_SEARCH_KIND, plan, sort, window), plan);
}
