/**
 * A search's words, as typed by a reader, made into what the database combines. Shared by every
 * kind of content; nothing here knows of HTTP or SQL.
 */

/** Longer queries are cut here: nobody types more, and each word costs the database a lookup. */
export const QUERY_MAX = 200;
/** The query-string schema refuses (400) anything longer than this: no form sends it. */
export const QUERY_PARAM_MAX = 1_000;
export const VALUES_PER_FACET_MAX = 30;
export const PAGE_SIZE = 20;
export const API_PAGE_SIZE_MAX = 100;
/**
 * Only the first 500 results of a search can be paged through (refining it is the way on), and
 * relevance ranks exactly these: the 500 newest matches (see queries.ts).
 */
export const RESULT_WINDOW = 500;
/** At most this many clauses and excluded words reach the database: each is a lookup. */
const CLAUSES_MAX = 16;
const EXCLUDED_MAX = 8;

export const SORTS = ['relevance', 'newest', 'useful'] as const;
export type Sort = (typeof SORTS)[number];

/** Collapses white space and cuts the query to a length worth searching. */
export function normaliseQuery(raw: string | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, QUERY_MAX).trim();
}

/**
 * A search's words as the database will combine them: every clause must match, a clause matches
 * when any of its words does ("housing OR shelter"), and `-word` excludes. Quotes only group
 * words: long texts are indexed without positions, so phrases are not kept.
 */
export interface ParsedQuery {
  clauses: string[][];
  excluded: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

export function parseQuery(q: string): ParsedQuery {
  const clauses: string[][] = [];
  const excluded: string[] = [];
  let joinNext = false;
  for (const token of q.split(' ')) {
    if (token === 'OR' || token === '|') {
      joinNext = clauses.length > 0;
      continue;
    }
    const negated = token.startsWith('-') && token.length > 1;
    const words = token.normalize('NFC').match(WORD) ?? [];
    if (words.length === 0) continue;
    if (negated) {
      excluded.push(...words);
    } else if (joinNext && words.length === 1) {
      (clauses[clauses.length - 1] as string[]).push(words[0] as string);
    } else {
      for (const word of words) clauses.push([word]);
    }
    joinNext = false;
  }
  return { clauses: clauses.slice(0, CLAUSES_MAX), excluded: excluded.slice(0, EXCLUDED_MAX) };
}
