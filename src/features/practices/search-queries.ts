import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/client.ts';
import { RESULT_WINDOW, type ParsedQuery, type Sort } from './search-params.ts';

/**
 * The SQL of practice search. Everything reads `practice_search` (published practices only, see
 * migration 015); `practices` is joined for the twenty rows of a page and nothing else.
 */

/** Highlight markers that no text contains (private-use code points, removed from the text). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
/**
 * ts_headline's parser takes `<…>` for markup and drops it from snippets; angle brackets are
 * swapped for these stand-ins before it runs and swapped back for display, so markup in a
 * practice is shown as the text it is.
 */
export const LESS_THAN = '\uE002';
export const GREATER_THAN = '\uE003';
const TO_REPLACE = `<>${MARK_START}${MARK_END}${LESS_THAN}${GREATER_THAN}`;
const REPLACEMENTS = `${LESS_THAN}${GREATER_THAN}`;

/** The text of a headline with its markers removed and its angle brackets restored. */
export function headlineText(text: string): string {
  return text.replaceAll(MARK_START, '').replaceAll(MARK_END, '').replaceAll(LESS_THAN, '<').replaceAll(GREATER_THAN, '>');
}

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

function wordQuery(word: string): RawBuilder<unknown> {
  return sql`practice_search_word(${word})`;
}

/**
 * Turns the parsed words into a tsquery (as text) and reads the search generations, in one round
 * trip. Each word is looked up in every content language (see `practice_search_word`).
 */
export async function prepareSearch(db: Db, parsed: ParsedQuery): Promise<{ tsquery: string; generation: string; contentGeneration: string }> {
  const clauses = parsed.clauses.map((words) => sql`(${sql.join(words.map(wordQuery), sql` || `)})`);
  const excluded = parsed.excluded.map((word) => sql`(!! ${wordQuery(word)})`);
  const all = [...clauses, ...excluded];
  const tsquery = all.length > 0 ? sql`(${sql.join(all, sql` && `)})::text` : sql`''`;
  const result = await sql<{ tsquery: string; generation: string; content_generation: string }>`
    SELECT ${tsquery} AS tsquery, g.value::text AS generation, g.content::text AS content_generation
    FROM search_generation g`.execute(db);
  const row = result.rows[0];
  return { tsquery: row?.tsquery ?? '', generation: row?.generation ?? '0', contentGeneration: row?.content_generation ?? '0' };
}

function matchCondition(plan: MatchPlan): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [];
  if (plan.tsquery && plan.fuzzyText) {
    conditions.push(sql`(s.document @@ ${plan.tsquery}::tsquery OR lower(unaccent(${plan.fuzzyText})) <% s.title_plain)`);
  } else if (plan.tsquery) {
    conditions.push(sql`s.document @@ ${plan.tsquery}::tsquery`);
  } else if (plan.fuzzyText) {
    conditions.push(sql`lower(unaccent(${plan.fuzzyText})) <% s.title_plain`);
  }
  for (const group of plan.facetGroups) conditions.push(sql`s.facets && ${group}::text[]`);
  return conditions.length > 0 ? sql<boolean>`${sql.join(conditions, sql` AND `)}` : sql<boolean>`true`;
}

export function isUnfiltered(plan: MatchPlan): boolean {
  return !plan.tsquery && !plan.fuzzyText && plan.facetGroups.length === 0;
}

/**
 * How many practices match, per facet value, in one pass over the matching rows (their facet
 * arrays, unnested); '*' is the number of practices. Without words or filters the counts kept
 * by the database are read instead: the whole collection is never counted on request.
 */
/** The facet-count query of a search (see `facetCounts`); exported for the benchmark's plans. */
export function facetCountsQuery(plan: MatchPlan): RawBuilder<{ facet: string; practices: number }> {
  return isUnfiltered(plan)
    ? sql<{ facet: string; practices: number }>`
        SELECT facet, practices FROM practice_facet_counts WHERE practices > 0`
    : sql<{ facet: string; practices: number }>`
        SELECT facet, count(*)::integer AS practices
        FROM practice_search s, unnest(s.facets || '{*}'::text[]) AS facet
        WHERE ${matchCondition(plan)}
        GROUP BY facet`;
}

/**
 * How many practices match, per facet value, in one pass over the matching rows (their facet
 * arrays, unnested); '*' is the number of practices. Without words or filters the counts kept
 * by the database are read instead: the whole collection is never counted on request.
 */
export async function facetCounts(db: Db, plan: MatchPlan): Promise<Map<string, number>> {
  const result = await facetCountsQuery(plan).execute(db);
  return new Map(result.rows.map((row) => [row.facet, row.practices]));
}

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

const HEADLINE_TITLE = `HighlightAll=true, StartSel="${MARK_START}", StopSel="${MARK_END}"`;
const HEADLINE_SNIPPET = `MaxFragments=2, MaxWords=30, MinWords=12, ShortWord=2, FragmentDelimiter=" … ", StartSel="${MARK_START}", StopSel="${MARK_END}"`;
/** Enough text around the first matches; headlining whole records costs more than the search. */
const SNIPPET_SOURCE_CHARS = 3_000;

function ordering(sort: Sort): RawBuilder<unknown> {
  switch (sort) {
    case 'useful':
      return sql`s.usefulness DESC NULLS LAST, s.rating_count DESC, s.practice_id DESC`;
    default:
      return sql`s.published_at DESC, s.practice_id DESC`;
  }
}

/**
 * One page of results in order, with highlighted titles and snippets computed for these rows
 * only. Relevance ranks (ts_rank, plus title similarity when typo tolerance is on) the
 * CANDIDATES newest matches, never every match.
 */
export function resultPageQuery(plan: MatchPlan, sort: Sort, window: { limit: number; offset: number }): RawBuilder<ResultRow> {
  const match = matchCondition(plan);
  const query = plan.tsquery ? sql`${plan.tsquery}::tsquery` : sql`''::tsquery`;
  const score = plan.fuzzyText
    ? sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', c.document, ${query}, 1) + word_similarity(lower(unaccent(${plan.fuzzyText})), c.title_plain)`
    : sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', c.document, ${query}, 1)`;
  // `position` carries the order out of the subquery; it is numbered in the same order it sorts by.
  const page =
    sort === 'relevance' && (plan.tsquery || plan.fuzzyText)
      ? sql`
          SELECT ranked.practice_id, row_number() OVER (ORDER BY ranked.score DESC, ranked.practice_id DESC) AS position
          FROM (
            SELECT c.practice_id, ${score} AS score
            FROM (
              SELECT s.practice_id, s.document, s.title_plain
              FROM practice_search s
              WHERE ${match}
              ORDER BY s.published_at DESC, s.practice_id DESC
              LIMIT ${CANDIDATES}
            ) c
          ) ranked
          ORDER BY ranked.score DESC, ranked.practice_id DESC
          LIMIT ${window.limit} OFFSET ${window.offset}`
      : sql`
          SELECT s.practice_id, row_number() OVER (ORDER BY ${ordering(sort)}) AS position
          FROM practice_search s
          WHERE ${match}
          ORDER BY ${ordering(sort)}
          LIMIT ${window.limit} OFFSET ${window.offset}`;
  return sql<ResultRow>`
    WITH page AS MATERIALIZED (${page})
    SELECT p.id, p.slug, p.title, p.summary, p.language, p.countries, p.term_ids, p.evidence_level,
      p.published_at, p.rating_count, p.rating_sum,
      ${
        plan.tsquery
          ? sql`ts_headline(practice_text_config(p.language), translate(p.title, ${TO_REPLACE}, ${REPLACEMENTS}), ${query}, ${HEADLINE_TITLE})`
          : sql`p.title`
      } AS marked_title,
      ${
        plan.tsquery
          ? sql`ts_headline(practice_text_config(p.language),
              translate(left(concat_ws(' ', p.summary, p.activities, p.outcomes, p.background, p.participants,
                p.evaluation, p.recommendations), ${SNIPPET_SOURCE_CHARS}), ${TO_REPLACE}, ${REPLACEMENTS}),
              ${query}, ${HEADLINE_SNIPPET})`
          : sql`''`
      } AS snippet
    FROM page JOIN practices p ON p.id = page.practice_id
    ORDER BY page.position`;
}

export async function resultPage(db: Db, plan: MatchPlan, sort: Sort, window: { limit: number; offset: number }): Promise<ResultRow[]> {
  return (await resultPageQuery(plan, sort, window).execute(db)).rows;
}

/** Records a search that found nothing (one row per query and locale, counted). */
export async function recordMiss(db: Db, query: string, locale: string): Promise<void> {
  await db
    .insertInto('search_misses')
    .values({ query, locale })
    .onConflict((conflict) =>
      conflict.columns(['query', 'locale']).doUpdateSet({ misses: sql<number>`search_misses.misses + 1`, last_at: new Date() }),
    )
    .execute();
}

export async function countMisses(db: Db): Promise<number> {
  const row = await db.selectFrom('search_misses').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
  return Number(row?.count ?? 0);
}

export function frequentMisses(db: Db, window: { limit: number; offset: number }) {
  return db
    .selectFrom('search_misses')
    .select(['query', 'locale', 'misses', 'last_at'])
    .orderBy('misses', 'desc')
    .orderBy('last_at', 'desc')
    .orderBy('query')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}
