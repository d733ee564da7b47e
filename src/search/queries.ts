import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/client.ts';
import { RESULT_WINDOW, type ParsedQuery, type Sort } from './query.ts';

/**
 * The SQL of search, for every kind. Everything reads `search_documents` (see migration 017); a
 * kind's own table is joined by the kind for the rows of one page and nothing else. The kind is
 * written into each query as a literal, never a parameter: the indexes are partial per kind
 * (`WHERE kind = 'practice'`), and the planner matches a partial index only against a constant it
 * can see when it plans.
 */

/** Relevance re-ranks this many of the newest matches: every result that can be paged to. */
export const CANDIDATES = RESULT_WINDOW;

/** A search reduced to what the database needs. */
export interface MatchPlan {
  /** Text of the tsquery, '' when the words give none (no words, or only stop words). */
  tsquery: string;
  /** The words for typo-tolerant title matching, lower-cased and unaccented by the database. */
  fuzzyText: string | null;
  /** Facet keys, one list per facet: any value of a list, every list. */
  facetGroups: string[][];
}

export interface Prepared {
  tsquery: string;
  /** The kind's generations, as text (bigint): see `search_generations`. */
  generation: string;
  contentGeneration: string;
}

const KIND_NAME = /^[a-z][a-z_]{0,40}$/;

/** Refuses a kind name that could not have been registered (it becomes a literal in SQL). */
export function checkKind(kind: string): string {
  if (!KIND_NAME.test(kind)) throw new Error(`Search kind "${kind}" must be lower-case letters and underscores`);
  return kind;
}

function kindLiteral(kind: string): RawBuilder<string> {
  return sql.lit(checkKind(kind));
}

function wordQuery(word: string): RawBuilder<unknown> {
  return sql`search_word(${word})`;
}

/**
 * Turns the parsed words into a tsquery (as text) and reads the kind's search generations, in one
 * round trip. Each word is looked up in every content language (see `search_word`).
 */
export async function prepareSearch(db: Db, kind: string, parsed: ParsedQuery): Promise<Prepared> {
  const clauses = parsed.clauses.map((words) => sql`(${sql.join(words.map(wordQuery), sql` || `)})`);
  const excluded = parsed.excluded.map((word) => sql`(!! ${wordQuery(word)})`);
  const all = [...clauses, ...excluded];
  const tsquery = all.length > 0 ? sql`(${sql.join(all, sql` && `)})::text` : sql`''`;
  // A LEFT JOIN from one row: the words are turned into a query even for a kind with no row yet.
  const result = await sql<{ tsquery: string; generation: string | null; content_generation: string | null }>`
    SELECT ${tsquery} AS tsquery, g.value::text AS generation, g.content::text AS content_generation
    FROM (SELECT 1) one LEFT JOIN search_generations g ON g.kind = ${kind}`.execute(db);
  const row = result.rows[0];
  return { tsquery: row?.tsquery ?? '', generation: row?.generation ?? '0', contentGeneration: row?.content_generation ?? '0' };
}

/**
 * The `value` generation of each kind asked for, as text (bigint), in the order asked; '0' for a kind
 * with no row yet. Pages are cached against these (platform/page-cache.ts, migration 024): one
 * small query reads every kind a page depends on.
 */
export async function contentGenerations(db: Db, kinds: readonly string[]): Promise<string[]> {
  const result = await sql<{ kind: string; value: string }>`
    SELECT kind, value::text AS value FROM search_generations WHERE kind = ANY(${[...kinds]}::text[])`.execute(db);
  const byKind = new Map(result.rows.map((row) => [row.kind, row.value]));
  return kinds.map((kind) => byKind.get(kind) ?? '0');
}

/**
 * Titles that look like the words are a fallback for a search that found (almost) nothing: a
 * handful is what helps a reader. Testing a title costs tens of microseconds, so the look-alikes
 * are capped, the first this many the trigram index gives, whatever the size of the collection.
 */
export const LOOKALIKE_TITLES_MAX = 200;

function lookalikeTitles(kind: string, fuzzyText: string): RawBuilder<boolean> {
  return sql<boolean>`s.subject_id = ANY(ARRAY(
    SELECT l.subject_id FROM search_documents l
    WHERE l.kind = ${kindLiteral(kind)} AND lower(unaccent(${fuzzyText})) <% l.title_plain
    LIMIT ${sql.lit(LOOKALIKE_TITLES_MAX)}))`;
}

/** The condition a kind's search rows (aliased `s`) meet; the kind's own test included. */
export function matchCondition(kind: string, plan: MatchPlan): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [sql`s.kind = ${kindLiteral(kind)}`];
  if (plan.tsquery && plan.fuzzyText) {
    conditions.push(sql`(s.document @@ ${plan.tsquery}::tsquery OR ${lookalikeTitles(kind, plan.fuzzyText)})`);
  } else if (plan.tsquery) {
    conditions.push(sql`s.document @@ ${plan.tsquery}::tsquery`);
  } else if (plan.fuzzyText) {
    conditions.push(lookalikeTitles(kind, plan.fuzzyText));
  }
  for (const group of plan.facetGroups) conditions.push(sql`s.facets && ${group}::text[]`);
  return sql<boolean>`${sql.join(conditions, sql` AND `)}`;
}

export function isUnfiltered(plan: MatchPlan): boolean {
  return !plan.tsquery && !plan.fuzzyText && plan.facetGroups.length === 0;
}

export interface FacetCountRow {
  facet: string;
  count: number;
}

/**
 * How many items of the kind match, per facet value, in one pass over the matching rows (their
 * facet arrays, unnested); '*' is the number of items. Without words or filters the counts kept
 * by the database are read instead: the whole collection is never counted on request. Exported
 * for the benchmark's plans.
 */
export function facetCountsQuery(kind: string, plan: MatchPlan): RawBuilder<FacetCountRow> {
  return isUnfiltered(plan)
    ? sql<FacetCountRow>`
        SELECT c.facet, c.count FROM search_facet_counts c WHERE c.kind = ${kindLiteral(kind)} AND c.count > 0`
    : sql<FacetCountRow>`
        SELECT facet, count(*)::integer AS count
        FROM search_documents s, unnest(s.facets || '{*}'::text[]) AS facet
        WHERE ${matchCondition(kind, plan)}
        GROUP BY facet`;
}

/**
 * Facet counts among the matches in a sample of the table: `percent` of its pages, the same pages
 * each time (`REPEATABLE`), so a search estimated twice gives the same numbers.
 */
export function sampledFacetCountsQuery(kind: string, plan: MatchPlan, percent: number): RawBuilder<FacetCountRow> {
  return sql<FacetCountRow>`
    SELECT facet, count(*)::integer AS count
    FROM search_documents s TABLESAMPLE SYSTEM (${percent}::real) REPEATABLE (0), unnest(s.facets || '{*}'::text[]) AS facet
    WHERE ${matchCondition(kind, plan)}
    GROUP BY facet`;
}

export async function sampledFacetCounts(db: Db, kind: string, plan: MatchPlan, percent: number): Promise<Map<string, number>> {
  const result = await sampledFacetCountsQuery(kind, plan, percent).execute(db);
  return new Map(result.rows.map((row) => [row.facet, row.count]));
}

/** How many items of the kind search finds with no words and no filters: kept by triggers. */
export async function kindSize(db: Db, kind: string): Promise<number> {
  const result = await sql<{ count: number }>`
    SELECT c.count FROM search_facet_counts c WHERE c.kind = ${kindLiteral(kind)} AND c.facet = '*'`.execute(db);
  return result.rows[0]?.count ?? 0;
}

export async function facetCounts(db: Db, kind: string, plan: MatchPlan): Promise<Map<string, number>> {
  const result = await facetCountsQuery(kind, plan).execute(db);
  return new Map(result.rows.map((row) => [row.facet, row.count]));
}

/** One row of a page of results: which item, and where it goes (1, 2, … in the search's order). */
export interface PageEntry {
  subject_id: number;
  position: number;
}

function ordering(sort: Sort): RawBuilder<unknown> {
  switch (sort) {
    case 'useful':
      return sql`s.usefulness DESC NULLS LAST, s.rating_count DESC, s.subject_id DESC`;
    default:
      return sql`s.published_at DESC, s.subject_id DESC`;
  }
}

/**
 * The ids of one page of results, in order (`position`). Relevance ranks (ts_rank, plus title
 * similarity when typo tolerance is on) the CANDIDATES newest matches, never every match. A kind
 * embeds this in its row query, `WITH page AS MATERIALIZED (…)`, joined on `page.subject_id` and
 * ordered by `page.position`: one round trip for the page.
 */
export function resultIdsQuery(kind: string, plan: MatchPlan, sort: Sort, window: { limit: number; offset: number }): RawBuilder<PageEntry> {
  const match = matchCondition(kind, plan);
  const query = plan.tsquery ? sql`${plan.tsquery}::tsquery` : sql`''::tsquery`;
  const score = plan.fuzzyText
    ? sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', c.document, ${query}, 1) + word_similarity(lower(unaccent(${plan.fuzzyText})), c.title_plain)`
    : sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', c.document, ${query}, 1)`;
  // `position` carries the order out of the subquery; it is numbered in the same order it sorts by.
  return sort === 'relevance' && (plan.tsquery || plan.fuzzyText)
    ? sql<PageEntry>`
        SELECT ranked.subject_id, row_number() OVER (ORDER BY ranked.score DESC, ranked.subject_id DESC) AS position
        FROM (
          SELECT c.subject_id, ${score} AS score
          FROM (
            SELECT s.subject_id, s.document, s.title_plain
            FROM search_documents s
            WHERE ${match}
            ORDER BY s.published_at DESC, s.subject_id DESC
            LIMIT ${CANDIDATES}
          ) c
        ) ranked
        ORDER BY ranked.score DESC, ranked.subject_id DESC
        LIMIT ${window.limit} OFFSET ${window.offset}`
    : sql<PageEntry>`
        SELECT s.subject_id, row_number() OVER (ORDER BY ${ordering(sort)}) AS position
        FROM search_documents s
        WHERE ${match}
        ORDER BY ${ordering(sort)}
        LIMIT ${window.limit} OFFSET ${window.offset}`;
}
