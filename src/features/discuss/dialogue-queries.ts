import { sql } from 'kysely';
import { returnedId } from '../../db/returning.ts';
import type { Executor } from '../../content/kinds.ts';
import type { WindowState } from './windows.ts';
import { TOPIC_KIND } from './kind.ts';

/** Database access for dialogues: the dialogue, its moderators and who took part. */

export interface DialogueRow {
  id: number;
  slug: string;
  title: string;
  introduction: string;
  language: string;
  languages: string[];
  opens_at: Date;
  closes_at: Date;
  state: WindowState;
  event_id: number | null;
  event_slug: string | null;
  event_title: string | null;
  created_by: number | null;
  summary: string;
  summary_published_at: Date | null;
  created_at: Date;
}

const dialogueColumns = sql`
  d.id, d.slug, d.title, d.introduction, d.language, d.languages, d.opens_at, d.closes_at, d.state, d.event_id,
  e.slug AS event_slug, e.title AS event_title, d.created_by, d.summary, d.summary_published_at, d.created_at`;

export async function dialogueBySlug(db: Executor, slug: string): Promise<DialogueRow | undefined> {
  const { rows } = await sql<DialogueRow>`
    SELECT ${dialogueColumns} FROM dialogues d LEFT JOIN events e ON e.id = d.event_id AND e.status = 'published' WHERE d.slug = ${slug}`.execute(db);
  return rows[0];
}

export async function dialogueById(db: Executor, id: number): Promise<DialogueRow | undefined> {
  const { rows } = await sql<DialogueRow>`
    SELECT ${dialogueColumns} FROM dialogues d LEFT JOIN events e ON e.id = d.event_id AND e.status = 'published' WHERE d.id = ${id}`.execute(db);
  return rows[0];
}

export async function listDialogues(db: Executor, limit: number): Promise<DialogueRow[]> {
  const { rows } = await sql<DialogueRow>`
    SELECT ${dialogueColumns} FROM dialogues d LEFT JOIN events e ON e.id = d.event_id AND e.status = 'published'
    ORDER BY d.opens_at DESC, d.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export async function insertDialogue(
  db: Executor,
  dialogue: { slug: string; title: string; introduction: string; language: string; languages: string[]; opensAt: Date; closesAt: Date; eventId: number | null; createdBy: number | null },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO dialogues (slug, title, introduction, language, languages, opens_at, closes_at, state, event_id, created_by)
    VALUES (${dialogue.slug}, ${dialogue.title}, ${dialogue.introduction}, ${dialogue.language}, ${sql.val(dialogue.languages)}::text[], ${dialogue.opensAt}, ${dialogue.closesAt},
      CASE WHEN now() < ${dialogue.opensAt} THEN 'scheduled' WHEN now() < ${dialogue.closesAt} THEN 'open' ELSE 'closed' END,
      ${dialogue.eventId}, ${dialogue.createdBy})
    RETURNING id`.execute(db);
  return returnedId(rows);
}

export async function addModerators(db: Executor, dialogueId: number, userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  await sql`
    INSERT INTO dialogue_moderators (dialogue_id, user_id) SELECT ${dialogueId}, unnest(${sql.val([...userIds])}::integer[])
    ON CONFLICT DO NOTHING`.execute(db);
}

export interface ModeratorRow {
  user_id: number;
  name: string | null;
  handle: string;
}

export async function moderatorsOf(db: Executor, dialogueId: number): Promise<ModeratorRow[]> {
  const { rows } = await sql<ModeratorRow>`
    SELECT m.user_id, u.name, u.handle FROM dialogue_moderators m JOIN users u ON u.id = m.user_id AND u.deleted_at IS NULL
    WHERE m.dialogue_id = ${dialogueId} ORDER BY u.name`.execute(db);
  return rows;
}

export async function isModeratorOf(db: Executor, dialogueId: number, userId: number): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM dialogue_moderators WHERE dialogue_id = ${dialogueId} AND user_id = ${userId}`.execute(db);
  return rows.length > 0;
}

export async function saveSummary(db: Executor, dialogueId: number, summary: string, publish: boolean): Promise<void> {
  await sql`
    UPDATE dialogues SET summary = ${summary},
      summary_published_at = ${publish ? sql`coalesce(summary_published_at, now())` : sql`summary_published_at`}
    WHERE id = ${dialogueId}`.execute(db);
}

/** People who posted in the dialogue, by the stakeholder type and country on their profile. */
export async function participantsBy(db: Executor, dialogueId: number): Promise<{ stakeholder_type: string; country: string; people: number }[]> {
  const { rows } = await sql<{ stakeholder_type: string; country: string; people: number }>`
    SELECT coalesce(u.stakeholder_type, '') AS stakeholder_type, coalesce(u.country, '') AS country, count(DISTINCT u.id)::integer AS people
    FROM forum_topics t
    JOIN comments c ON c.kind = ${TOPIC_KIND} AND c.subject_id = t.id AND c.removed_at IS NULL AND c.held_at IS NULL
    JOIN users u ON u.id = c.author_id AND u.deleted_at IS NULL
    WHERE t.dialogue_id = ${dialogueId}
    GROUP BY 1, 2`.execute(db);
  return rows;
}

export async function eventIdBySlug(db: Executor, slug: string): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`SELECT id FROM events WHERE slug = ${slug} AND status = 'published'`.execute(db);
  return rows[0]?.id;
}

export async function membersByHandles(db: Executor, handles: readonly string[]): Promise<{ id: number; handle: string; role: string; name: string | null }[]> {
  if (handles.length === 0) return [];
  const { rows } = await sql<{ id: number; handle: string; role: string; name: string | null }>`
    SELECT id, handle, role, name FROM users WHERE handle = ANY (${sql.val([...handles])}::text[]) AND deleted_at IS NULL`.execute(db);
  return rows;
}
