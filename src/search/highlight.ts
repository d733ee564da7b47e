import { sql, type RawBuilder } from 'kysely';

/**
 * Highlighting for every kind: the markers ts_headline puts around matched words, and the SQL
 * around it. Which text is highlighted is the kind's to say (its row query); how is said here.
 */

/** Highlight markers that no text contains (private-use code points, removed from the text). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
/**
 * ts_headline's parser takes `<…>` for markup and drops it from snippets; angle brackets are
 * swapped for these stand-ins before it runs and swapped back for display, so markup in an item
 * is shown as the text it is.
 */
export const LESS_THAN = '\uE002';
export const GREATER_THAN = '\uE003';
const TO_REPLACE = `<>${MARK_START}${MARK_END}${LESS_THAN}${GREATER_THAN}`;
const REPLACEMENTS = `${LESS_THAN}${GREATER_THAN}`;

/** The text of a headline with its markers removed and its angle brackets restored. */
export function headlineText(text: string): string {
  return text.replaceAll(MARK_START, '').replaceAll(MARK_END, '').replaceAll(LESS_THAN, '<').replaceAll(GREATER_THAN, '>');
}

const OPTIONS = {
  /** Every match in a short text (titles). */
  whole: `HighlightAll=true, StartSel="${MARK_START}", StopSel="${MARK_END}"`,
  /** Two fragments around the first matches of a long text. */
  fragments: `MaxFragments=2, MaxWords=30, MinWords=12, ShortWord=2, FragmentDelimiter=" … ", StartSel="${MARK_START}", StopSel="${MARK_END}"`,
} as const;

/** Enough text around the first matches; headlining whole records costs more than the search. */
export const SNIPPET_SOURCE_CHARS = 3_000;

/**
 * `ts_headline` of a text column or expression in the item's language, with the markers above.
 * `language` is the SQL of the item's language code; `tsquery` the search's query as text.
 */
export function headline(
  language: RawBuilder<unknown>,
  text: RawBuilder<unknown>,
  tsquery: string,
  mode: keyof typeof OPTIONS,
): RawBuilder<string> {
  const source = mode === 'fragments' ? sql`left(${text}, ${SNIPPET_SOURCE_CHARS})` : text;
  return sql<string>`ts_headline(content_text_config(${language}), translate(${source}, ${TO_REPLACE}, ${REPLACEMENTS}), ${tsquery}::tsquery, ${OPTIONS[mode]})`;
}
