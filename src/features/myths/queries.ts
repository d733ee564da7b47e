import { sql } from 'kysely';
import type { ContentStatus, Executor } from '../../content/kinds.ts';
import { returnedId } from '../../db/returning.ts';
import type { MythInput, SourceInput } from './model.ts';

/** Database access for myths and their sources. */

export interface MythRow {
  id: number;
  slug: string;
  status: ContentStatus;
  author_id: number | null;
  author_name: string | null;
  author_handle: string | null;
  author_email: string | null;
  author_locale: string | null;
  version: number;
  title: string;
  fact: string;
  explanation: string;
  language: string;
  translation_of: number | null;
  term_ids: number[];
  audiences: string[];
  countries: string[];
  decision_message: string;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  published_at: Date | null;
}

export interface SourceRow {
  id: number;
  position: number;
  title: string;
  publisher: string;
  year: number | null;
  url: string;
  link_status: number | null;
  link_error: string | null;
  link_checked_at: Date | null;
}

const MYTH_COLUMNS = sql`m.id, m.slug, m.status, m.author_id, u.name AS author_name, u.handle AS author_handle, u.email AS author_email, u.locale AS author_locale,
  m.version, m.title, m.fact, m.explanation, m.language, m.translation_of, m.term_ids, m.audiences, m.countries::text[] AS countries,
  m.decision_message, m.created_at, m.updated_at, m.submitted_at, m.published_at`;

export async function findBySlug(db: Executor, slug: string): Promise<MythRow | undefined> {
  const { rows } = await sql<MythRow>`SELECT ${MYTH_COLUMNS} FROM myths m LEFT JOIN users u ON u.id = m.author_id WHERE m.slug = ${slug}`.execute(db);
  return rows[0];
}

export async function findByIds(db: Executor, ids: readonly number[]): Promise<MythRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<MythRow>`
    SELECT ${MYTH_COLUMNS} FROM myths m LEFT JOIN users u ON u.id = m.author_id
    WHERE m.id = ANY (${sql.val([...ids])}::integer[]) ORDER BY m.id`.execute(db);
  return rows;
}

/** The row locked for a write in this transaction. */
export async function lockMyth(db: Executor, id: number): Promise<{ id: number; version: number; status: ContentStatus } | undefined> {
  const { rows } = await sql<{ id: number; version: number; status: ContentStatus }>`SELECT id, version, status FROM myths WHERE id = ${id} FOR UPDATE`.execute(db);
  return rows[0];
}

export async function sourcesOf(db: Executor, mythId: number): Promise<SourceRow[]> {
  const { rows } = await sql<SourceRow>`
    SELECT id, position, title, publisher, year, url, link_status, link_error, link_checked_at
    FROM myth_sources WHERE myth_id = ${mythId} ORDER BY position`.execute(db);
  return rows;
}

export interface MythValues {
  slug: string;
  status: ContentStatus;
  authorId: number;
  input: MythInput;
  termIds: number[];
  translationOf: number | null;
}

export async function insertMyth(db: Executor, values: MythValues): Promise<number> {
  const { input } = values;
  const now = new Date();
  const { rows } = await sql<{ id: number }>`
    INSERT INTO myths (slug, status, author_id, title, fact, explanation, language, translation_of, term_ids, audiences, countries, submitted_at, published_at)
    VALUES (${values.slug}, ${values.status}, ${values.authorId}, ${input.title}, ${input.fact}, ${input.explanation}, ${input.language},
      ${values.translationOf}, ${sql.val(values.termIds)}::integer[], ${sql.val(input.audiences)}::text[], ${sql.val(input.countries)}::char(2)[],
      ${values.status === 'draft' ? null : now}, ${values.status === 'published' ? now : null})
    RETURNING id`.execute(db);
  return returnedId(rows);
}

/** Rewrites a myth's content and state; its sources are replaced before, so the search row sees them. */
export async function updateMyth(
  db: Executor,
  id: number,
  values: { version: number; status: ContentStatus; input: MythInput; termIds: number[]; translationOf: number | null; submittedAt: Date | null; publishedAt: Date | null },
): Promise<void> {
  const { input } = values;
  await sql`
    UPDATE myths SET version = ${values.version}, status = ${values.status}, title = ${input.title}, fact = ${input.fact}, explanation = ${input.explanation},
      language = ${input.language}, translation_of = ${values.translationOf}, term_ids = ${sql.val(values.termIds)}::integer[],
      audiences = ${sql.val(input.audiences)}::text[], countries = ${sql.val(input.countries)}::char(2)[],
      submitted_at = ${values.submittedAt}, published_at = ${values.publishedAt}, updated_at = now()
    WHERE id = ${id}`.execute(db);
}

export async function setDecision(db: Executor, id: number, values: { version: number; status: ContentStatus; message: string; publishedAt: Date | null }): Promise<void> {
  await sql`
    UPDATE myths SET version = ${values.version}, status = ${values.status}, decision_message = ${values.message}, published_at = ${values.publishedAt}, updated_at = now()
    WHERE id = ${id}`.execute(db);
}

export async function replaceSources(db: Executor, mythId: number, sources: readonly SourceInput[]): Promise<void> {
  await sql`DELETE FROM myth_sources WHERE myth_id = ${mythId}`.execute(db);
  if (sources.length === 0) return;
  await sql`
    INSERT INTO myth_sources (myth_id, position, title, publisher, year, url)
    SELECT ${mythId}, s.position, s.title, s.publisher, s.year, s.url
    FROM jsonb_to_recordset(${JSON.stringify(sources.map((source, index) => ({ ...source, position: index + 1 })))}::jsonb)
      AS s(position integer, title text, publisher text, year integer, url text)`.execute(db);
}

/** The published myths of a translation family, this one included. */
export async function translationsOf(db: Executor, row: Pick<MythRow, 'id' | 'translation_of'>): Promise<{ slug: string; title: string; language: string }[]> {
  const family = row.translation_of ?? row.id;
  const { rows } = await sql<{ slug: string; title: string; language: string }>`
    SELECT slug, title, language FROM myths
    WHERE coalesce(translation_of, id) = ${family} AND status = 'published' AND id <> ${row.id}
    ORDER BY language, id`.execute(db);
  return rows;
}

/** The family a new translation joins: the original of the myth it translates. */
export async function familyOf(db: Executor, slug: string): Promise<number | undefined> {
  const { rows } = await sql<{ family: number }>`SELECT coalesce(translation_of, id) AS family FROM myths WHERE slug = ${slug} AND status = 'published'`.execute(db);
  return rows[0]?.family;
}

export async function myMyths(db: Executor, authorId: number): Promise<{ slug: string; title: string; language: string; status: ContentStatus; updated_at: Date }[]> {
  const { rows } = await sql<{ slug: string; title: string; language: string; status: ContentStatus; updated_at: Date }>`
    SELECT slug, title, language, status, updated_at FROM myths WHERE author_id = ${authorId} ORDER BY updated_at DESC, id DESC LIMIT 200`.execute(db);
  return rows;
}

/** Published myths by slug, for the campaigns' messages that rest on them. */
export async function publishedBySlugs(db: Executor, slugs: readonly string[]): Promise<{ id: number; slug: string; title: string; fact: string; language: string }[]> {
  if (slugs.length === 0) return [];
  const { rows } = await sql<{ id: number; slug: string; title: string; fact: string; language: string }>`
    SELECT id, slug, title, fact, language FROM myths WHERE slug = ANY (${sql.val([...slugs])}::text[]) AND status = 'published'`.execute(db);
  return rows;
}

/** Sources least recently checked first, of published myths. */
export async function sourcesToCheck(db: Executor, limit: number): Promise<{ id: number; url: string }[]> {
  const { rows } = await sql<{ id: number; url: string }>`
    SELECT s.id, s.url FROM myth_sources s JOIN myths m ON m.id = s.myth_id
    WHERE m.status = 'published' ORDER BY s.link_checked_at NULLS FIRST, s.id LIMIT ${limit}`.execute(db);
  return rows;
}

export async function recordSourceCheck(db: Executor, id: number, result: { status: number | null; error: string | null }): Promise<void> {
  await sql`UPDATE myth_sources SET link_status = ${result.status}, link_error = ${result.error}, link_checked_at = now() WHERE id = ${id}`.execute(db);
}

/** Published myths, newest first, for the feed and the API's export. */
export async function newestPublished(db: Executor, limit: number): Promise<MythRow[]> {
  const { rows } = await sql<MythRow>`
    SELECT ${MYTH_COLUMNS} FROM myths m LEFT JOIN users u ON u.id = m.author_id
    WHERE m.status = 'published' ORDER BY m.published_at DESC, m.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}
