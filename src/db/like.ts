import { sql, type Expression, type RawBuilder } from 'kysely';

/**
 * `column ILIKE '%text%'` where the text is matched literally: `%`, `_` and the backslash that
 * people type are escaped, so a search for "50%" does not match everything.
 */
export function containsIgnoringCase(column: Expression<string | null>, text: string): RawBuilder<boolean> {
  const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return sql<boolean>`${column} ILIKE ${pattern} ESCAPE '\\'`;
}
