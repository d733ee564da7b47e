import { sql } from 'kysely';
import { returnedId } from '../../db/returning.ts';
import type { Executor } from '../../content/kinds.ts';
import type { WindowState } from './windows.ts';

/**
 * Database access for consultations. A comment is public only once its status is `published`:
 * every query that serves readers says so in its WHERE clause.
 */

export type CommentStatus = 'pending' | 'published' | 'declined';

export interface ConsultationRow {
  id: number;
  slug: string;
  title: string;
  context: string;
  language: string;
  chair_id: number | null;
  chair_name: string | null;
  opens_at: Date;
  closes_at: Date;
  state: WindowState;
  synthesis: string;
  synthesis_published_at: Date | null;
  created_at: Date;
}

const consultationColumns = sql`
  c.id, c.slug, c.title, c.context, c.language, c.chair_id, CASE WHEN u.deleted_at IS NULL THEN u.name END AS chair_name,
  c.opens_at, c.closes_at, c.state, c.synthesis, c.synthesis_published_at, c.created_at`;

export async function consultationBySlug(db: Executor, slug: string): Promise<ConsultationRow | undefined> {
  const { rows } = await sql<ConsultationRow>`SELECT ${consultationColumns} FROM consultations c LEFT JOIN users u ON u.id = c.chair_id WHERE c.slug = ${slug}`.execute(db);
  return rows[0];
}

export async function listConsultations(db: Executor, limit: number): Promise<ConsultationRow[]> {
  const { rows } = await sql<ConsultationRow>`
    SELECT ${consultationColumns} FROM consultations c LEFT JOIN users u ON u.id = c.chair_id ORDER BY c.opens_at DESC, c.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export async function insertConsultation(
  db: Executor,
  consultation: { slug: string; title: string; context: string; language: string; chairId: number; opensAt: Date; closesAt: Date },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO consultations (slug, title, context, language, chair_id, opens_at, closes_at, state)
    VALUES (${consultation.slug}, ${consultation.title}, ${consultation.context}, ${consultation.language}, ${consultation.chairId}, ${consultation.opensAt}, ${consultation.closesAt},
      CASE WHEN now() < ${consultation.opensAt} THEN 'scheduled' WHEN now() < ${consultation.closesAt} THEN 'open' ELSE 'closed' END)
    RETURNING id`.execute(db);
  return returnedId(rows);
}

export interface QuestionRow {
  id: number;
  position: number;
  text: string;
}

export async function insertQuestion(db: Executor, consultationId: number, position: number, text: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO consultation_questions (consultation_id, position, text) VALUES (${consultationId}, ${position}, ${text}) RETURNING id`.execute(db);
  return returnedId(rows);
}

export async function questionsOf(db: Executor, consultationId: number): Promise<QuestionRow[]> {
  const { rows } = await sql<QuestionRow>`SELECT id, position, text FROM consultation_questions WHERE consultation_id = ${consultationId} ORDER BY position`.execute(db);
  return rows;
}

export interface CommentRow {
  id: number;
  question_id: number;
  author_id: number | null;
  body: string;
  author_name: string;
  organisation: string;
  stakeholder_type: string;
  country: string;
  status: CommentStatus;
  decided_at: Date | null;
  created_at: Date;
}

const commentColumns = sql`id, question_id, author_id, body, author_name, organisation, stakeholder_type, country, status, decided_at, created_at`;

export async function publishedComments(db: Executor, consultationId: number): Promise<CommentRow[]> {
  const { rows } = await sql<CommentRow>`
    SELECT ${commentColumns} FROM consultation_comments WHERE consultation_id = ${consultationId} AND status = 'published' ORDER BY id`.execute(db);
  return rows;
}

/** What the chair works through: waiting comments first, then the rest, newest first. */
export async function commentsForChair(db: Executor, consultationId: number): Promise<CommentRow[]> {
  const { rows } = await sql<CommentRow>`
    SELECT ${commentColumns} FROM consultation_comments WHERE consultation_id = ${consultationId}
    ORDER BY status = 'pending' DESC, id DESC LIMIT 500`.execute(db);
  return rows;
}

/** The member's own comments on a consultation, whatever their state. */
export async function commentsOf(db: Executor, consultationId: number, authorId: number): Promise<CommentRow[]> {
  const { rows } = await sql<CommentRow>`
    SELECT ${commentColumns} FROM consultation_comments WHERE consultation_id = ${consultationId} AND author_id = ${authorId} ORDER BY id`.execute(db);
  return rows;
}

export async function insertComment(
  db: Executor,
  comment: { consultationId: number; questionId: number; authorId: number; body: string; authorName: string; organisation: string; stakeholderType: string; country: string },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO consultation_comments (consultation_id, question_id, author_id, body, author_name, organisation, stakeholder_type, country)
    VALUES (${comment.consultationId}, ${comment.questionId}, ${comment.authorId}, ${comment.body}, ${comment.authorName}, ${comment.organisation}, ${comment.stakeholderType}, ${comment.country})
    RETURNING id`.execute(db);
  return returnedId(rows);
}

/** Decides a waiting comment; undefined when it was decided already (a second click changes nothing). */
export async function decide(db: Executor, commentId: number, consultationId: number, decision: 'published' | 'declined'): Promise<CommentRow | undefined> {
  const { rows } = await sql<CommentRow>`
    UPDATE consultation_comments SET status = ${decision}, decided_at = now()
    WHERE id = ${commentId} AND consultation_id = ${consultationId} AND status = 'pending'
    RETURNING ${commentColumns}`.execute(db);
  return rows[0];
}

export async function logDecision(db: Executor, entry: { consultationId: number; commentId: number; decision: 'published' | 'declined'; decidedBy: number; reason: string }): Promise<void> {
  await sql`
    INSERT INTO consultation_decisions (consultation_id, comment_id, decision, decided_by, reason)
    VALUES (${entry.consultationId}, ${entry.commentId}, ${entry.decision}, ${entry.decidedBy}, ${entry.reason})`.execute(db);
}

export interface DecisionRow {
  comment_id: number | null;
  decision: string;
  decided_at: Date;
  decided_by_name: string | null;
  reason: string;
}

export async function decisionLog(db: Executor, consultationId: number): Promise<DecisionRow[]> {
  const { rows } = await sql<DecisionRow>`
    SELECT d.comment_id, d.decision, d.decided_at, CASE WHEN u.deleted_at IS NULL THEN u.name END AS decided_by_name, d.reason
    FROM consultation_decisions d LEFT JOIN users u ON u.id = d.decided_by
    WHERE d.consultation_id = ${consultationId} ORDER BY d.id`.execute(db);
  return rows;
}

export interface CountRow {
  status: CommentStatus;
  stakeholder_type: string;
  country: string;
  comments: number;
}

export async function commentCounts(db: Executor, consultationId: number): Promise<CountRow[]> {
  const { rows } = await sql<CountRow>`
    SELECT status, stakeholder_type, country, count(*)::integer AS comments FROM consultation_comments
    WHERE consultation_id = ${consultationId} GROUP BY 1, 2, 3`.execute(db);
  return rows;
}

export async function saveSynthesis(db: Executor, consultationId: number, synthesis: string, publish: boolean): Promise<void> {
  await sql`
    UPDATE consultations SET synthesis = ${synthesis},
      synthesis_published_at = ${publish ? sql`coalesce(synthesis_published_at, now())` : sql`synthesis_published_at`}
    WHERE id = ${consultationId}`.execute(db);
}

/** Consultations whose chair has comments waiting and was not told today: each claimed for today. */
export async function claimChairNotices(db: Executor): Promise<{ id: number; slug: string; title: string; chair_id: number; waiting: number }[]> {
  const { rows } = await sql<{ id: number; slug: string; title: string; chair_id: number; waiting: number }>`
    WITH waiting AS (
      SELECT c.id, c.slug, c.title, c.chair_id, count(*)::integer AS waiting
      FROM consultations c JOIN consultation_comments m ON m.consultation_id = c.id AND m.status = 'pending'
      WHERE c.chair_id IS NOT NULL GROUP BY c.id
    ), claimed AS (
      INSERT INTO consultation_chair_notices (consultation_id, noticed_on)
      SELECT id, (now() AT TIME ZONE 'UTC')::date FROM waiting
      ON CONFLICT DO NOTHING RETURNING consultation_id
    )
    SELECT w.* FROM waiting w JOIN claimed ON claimed.consultation_id = w.id`.execute(db);
  return rows;
}

export async function memberIdentity(db: Executor, userId: number) {
  const { rows } = await sql<{ name: string | null; organisation: string | null; stakeholder_type: string | null; country: string | null; email_verified_at: Date | null }>`
    SELECT name, organisation, stakeholder_type, country, email_verified_at FROM users WHERE id = ${userId} AND deleted_at IS NULL`.execute(db);
  return rows[0];
}

export async function commentForMail(db: Executor, commentId: number) {
  const { rows } = await sql<{ email: string | null; locale: string }>`
    SELECT u.email, u.locale FROM consultation_comments m JOIN users u ON u.id = m.author_id AND u.deleted_at IS NULL WHERE m.id = ${commentId}`.execute(db);
  return rows[0];
}

export async function chairForMail(db: Executor, userId: number) {
  const { rows } = await sql<{ email: string | null; locale: string }>`SELECT email, locale FROM users WHERE id = ${userId} AND deleted_at IS NULL`.execute(db);
  return rows[0];
}

export async function consultationById(db: Executor, id: number): Promise<{ slug: string; title: string } | undefined> {
  const { rows } = await sql<{ slug: string; title: string }>`SELECT slug, title FROM consultations WHERE id = ${id}`.execute(db);
  return rows[0];
}
