import { sql } from 'kysely';
import { returnedId } from '../../db/returning.ts';
import type { Executor } from '../../content/kinds.ts';
import type { Role } from '../../db/schema/accounts.ts';
import { TOPIC_KIND } from './kind.ts';

/**
 * Database access for forums, topics and posts. Posts are rows of `comments` of kind
 * `forum_topic`; a post readers see is neither removed (its placeholder shows) nor held.
 */

const VISIBLE = sql`c.removed_at IS NULL AND c.held_at IS NULL`;

export interface ForumRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  position: number;
  topic_count: number;
  post_count: number;
  last_post_at: Date | null;
}

export async function listForums(db: Executor): Promise<ForumRow[]> {
  const { rows } = await sql<ForumRow>`
    SELECT f.id, f.slug, f.name, f.description, f.position,
      count(t.id)::integer AS topic_count, coalesce(sum(t.post_count), 0)::integer AS post_count, max(t.last_post_at) AS last_post_at
    FROM forums f LEFT JOIN forum_topics t ON t.forum_id = f.id
    GROUP BY f.id ORDER BY f.position, f.name`.execute(db);
  return rows;
}

export async function forumBySlug(db: Executor, slug: string): Promise<Omit<ForumRow, 'topic_count' | 'post_count' | 'last_post_at'> | undefined> {
  const { rows } = await sql<Omit<ForumRow, 'topic_count' | 'post_count' | 'last_post_at'>>`
    SELECT id, slug, name, description, position FROM forums WHERE slug = ${slug}`.execute(db);
  return rows[0];
}

export async function insertForum(db: Executor, forum: { slug: string; name: string; description: string; position: number }): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO forums (slug, name, description, position) VALUES (${forum.slug}, ${forum.name}, ${forum.description}, ${forum.position}) RETURNING id`.execute(db);
  return returnedId(rows);
}

export interface TopicRow {
  id: number;
  slug: string;
  title: string;
  language: string;
  forum_id: number | null;
  forum_slug: string | null;
  forum_name: string | null;
  dialogue_id: number | null;
  dialogue_slug: string | null;
  position: number;
  author_id: number | null;
  author_name: string | null;
  pinned: boolean;
  locked_at: Date | null;
  post_count: number;
  last_post_at: Date;
  created_at: Date;
}

const topicColumns = sql`
  t.id, t.slug, t.title, t.language, t.forum_id, f.slug AS forum_slug, f.name AS forum_name, t.dialogue_id, d.slug AS dialogue_slug,
  t.position, t.author_id, CASE WHEN u.deleted_at IS NULL THEN u.name END AS author_name, t.pinned, t.locked_at, t.post_count, t.last_post_at, t.created_at`;
const topicJoins = sql`
  FROM forum_topics t LEFT JOIN forums f ON f.id = t.forum_id LEFT JOIN dialogues d ON d.id = t.dialogue_id LEFT JOIN users u ON u.id = t.author_id`;

export async function topicBySlug(db: Executor, slug: string): Promise<TopicRow | undefined> {
  const { rows } = await sql<TopicRow>`SELECT ${topicColumns} ${topicJoins} WHERE t.slug = ${slug}`.execute(db);
  return rows[0];
}

export async function topicById(db: Executor, id: number, lock = false): Promise<TopicRow | undefined> {
  const { rows } = await sql<TopicRow>`SELECT ${topicColumns} ${topicJoins} WHERE t.id = ${id} ${lock ? sql`FOR UPDATE OF t` : sql``}`.execute(db);
  return rows[0];
}

export async function countTopics(db: Executor, forumId: number): Promise<number> {
  const { rows } = await sql<{ total: number }>`SELECT count(*)::integer AS total FROM forum_topics WHERE forum_id = ${forumId}`.execute(db);
  return rows[0]?.total ?? 0;
}

/** Pinned topics first, then by their last post: the index on (forum, pinned, last post) gives the order. */
export async function topicsPage(db: Executor, forumId: number, window: { limit: number; offset: number }): Promise<TopicRow[]> {
  const { rows } = await sql<TopicRow>`
    SELECT ${topicColumns} ${topicJoins}
    WHERE t.forum_id = ${forumId}
    ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC
    LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db);
  return rows;
}

export async function dialogueTopics(db: Executor, dialogueId: number): Promise<TopicRow[]> {
  const { rows } = await sql<TopicRow>`SELECT ${topicColumns} ${topicJoins} WHERE t.dialogue_id = ${dialogueId} ORDER BY t.position, t.id`.execute(db);
  return rows;
}

export async function insertTopic(
  db: Executor,
  topic: { slug: string; title: string; language: string; forumId: number | null; dialogueId: number | null; position: number; authorId: number | null },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO forum_topics (slug, title, language, forum_id, dialogue_id, position, author_id)
    VALUES (${topic.slug}, ${topic.title}, ${topic.language}, ${topic.forumId}, ${topic.dialogueId}, ${topic.position}, ${topic.authorId})
    RETURNING id`.execute(db);
  return returnedId(rows);
}

export async function setTopicState(db: Executor, topicId: number, change: { pinned?: boolean; locked?: boolean; forumId?: number }): Promise<void> {
  await sql`
    UPDATE forum_topics SET
      pinned = ${change.pinned === undefined ? sql`pinned` : sql`${change.pinned}`},
      locked_at = ${change.locked === undefined ? sql`locked_at` : change.locked ? sql`coalesce(locked_at, now())` : sql`NULL`},
      forum_id = ${change.forumId === undefined ? sql`forum_id` : sql`${change.forumId}`}
    WHERE id = ${topicId}`.execute(db);
}

export interface PostRow {
  id: number;
  topic_id: number;
  body: string;
  language: string | null;
  author_id: number | null;
  author_name: string | null;
  author_handle: string | null;
  author_role: Role | null;
  author_posts: number;
  created_at: Date;
  edited_at: Date | null;
  removed_at: Date | null;
  removed_reason: string;
  held_at: Date | null;
  quote_of: number | null;
  /** The quoted post as readers may see it: null when it was removed or waits for a moderator. */
  quoted_body: string | null;
  quoted_author_name: string | null;
}

const postColumns = sql`
  c.id, c.subject_id AS topic_id, CASE WHEN c.removed_at IS NULL THEN c.body ELSE '' END AS body, c.language, c.author_id,
  CASE WHEN u.deleted_at IS NULL THEN u.name END AS author_name,
  CASE WHEN u.deleted_at IS NULL THEN u.handle END AS author_handle,
  CASE WHEN u.deleted_at IS NULL THEN u.role END AS author_role,
  coalesce(p.posts, 0) AS author_posts,
  c.created_at, c.edited_at, c.removed_at, c.removed_reason, c.held_at, c.quote_of,
  CASE WHEN q.removed_at IS NULL AND q.held_at IS NULL THEN q.body END AS quoted_body,
  CASE WHEN q.removed_at IS NULL AND q.held_at IS NULL AND qu.deleted_at IS NULL THEN qu.name END AS quoted_author_name`;
const postJoins = sql`
  FROM comments c
  LEFT JOIN users u ON u.id = c.author_id
  LEFT JOIN forum_posters p ON p.user_id = c.author_id
  LEFT JOIN comments q ON q.id = c.quote_of
  LEFT JOIN users qu ON qu.id = q.author_id`;

/** Posts of a thread as its page lists them: removed ones keep their place; held ones only for moderators. */
const listed = (withHeld: boolean) => (withHeld ? sql`TRUE` : sql`c.held_at IS NULL`);

export async function countPosts(db: Executor, topicId: number, withHeld: boolean): Promise<number> {
  const { rows } = await sql<{ total: number }>`
    SELECT count(*)::integer AS total FROM comments c WHERE c.kind = ${TOPIC_KIND} AND c.subject_id = ${topicId} AND ${listed(withHeld)}`.execute(db);
  return rows[0]?.total ?? 0;
}

export async function postsPage(db: Executor, topicId: number, withHeld: boolean, window: { limit: number; offset: number }): Promise<PostRow[]> {
  const { rows } = await sql<PostRow>`
    SELECT ${postColumns} ${postJoins}
    WHERE c.kind = ${TOPIC_KIND} AND c.subject_id = ${topicId} AND ${listed(withHeld)}
    ORDER BY c.created_at, c.id
    LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db);
  return rows;
}

/** Every post of a thread readers see, oldest first: the downloads of a dialogue. */
export async function visiblePosts(db: Executor, topicIds: readonly number[]): Promise<PostRow[]> {
  if (topicIds.length === 0) return [];
  const { rows } = await sql<PostRow>`
    SELECT ${postColumns} ${postJoins}
    WHERE c.kind = ${TOPIC_KIND} AND c.subject_id = ANY (${sql.val([...topicIds])}::integer[]) AND ${VISIBLE}
    ORDER BY c.created_at, c.id`.execute(db);
  return rows;
}

export async function postById(db: Executor, postId: number): Promise<PostRow | undefined> {
  const { rows } = await sql<PostRow>`SELECT ${postColumns} ${postJoins} WHERE c.id = ${postId} AND c.kind = ${TOPIC_KIND}`.execute(db);
  return rows[0];
}

/** Posts listed before this one in its thread: where it falls in the pages. */
export async function postsBefore(db: Executor, topicId: number, postId: number, withHeld: boolean): Promise<number> {
  const { rows } = await sql<{ total: number }>`
    SELECT count(*)::integer AS total FROM comments c, (SELECT created_at, id FROM comments WHERE id = ${postId}) here
    WHERE c.kind = ${TOPIC_KIND} AND c.subject_id = ${topicId} AND ${listed(withHeld)} AND (c.created_at, c.id) < (here.created_at, here.id)`.execute(db);
  return rows[0]?.total ?? 0;
}

export async function insertPost(
  db: Executor,
  post: { topicId: number; authorId: number; body: string; language: string | null; quoteOf: number | null; held: boolean },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO comments (kind, subject_id, author_id, body, language, quote_of, held_at)
    VALUES (${TOPIC_KIND}, ${post.topicId}, ${post.authorId}, ${post.body}, ${post.language}, ${post.quoteOf}, ${post.held ? sql`now()` : sql`NULL`})
    RETURNING id`.execute(db);
  return returnedId(rows);
}

/** Keeps what the post said and changes it, in one statement pair under the post's row lock. */
export async function editPost(db: Executor, postId: number, body: string, language: string | null): Promise<void> {
  await sql`
    INSERT INTO comment_edits (comment_id, body, written_at)
    SELECT id, body, coalesce(edited_at, created_at) FROM comments WHERE id = ${postId}`.execute(db);
  await sql`UPDATE comments SET body = ${body}, language = ${language}, edited_at = now() WHERE id = ${postId}`.execute(db);
}

export async function lockPost(db: Executor, postId: number): Promise<{ id: number; subject_id: number; author_id: number | null; removed_at: Date | null; held_at: Date | null } | undefined> {
  const { rows } = await sql<{ id: number; subject_id: number; author_id: number | null; removed_at: Date | null; held_at: Date | null }>`
    SELECT id, subject_id, author_id, removed_at, held_at FROM comments WHERE id = ${postId} AND kind = ${TOPIC_KIND} FOR UPDATE`.execute(db);
  return rows[0];
}

export interface EditRow {
  body: string;
  written_at: Date;
  replaced_at: Date;
}

export async function editsOf(db: Executor, postId: number): Promise<EditRow[]> {
  const { rows } = await sql<EditRow>`SELECT body, written_at, replaced_at FROM comment_edits WHERE comment_id = ${postId} ORDER BY id`.execute(db);
  return rows;
}

export async function setRemovalReason(db: Executor, postId: number, reason: string): Promise<void> {
  await sql`UPDATE comments SET removed_reason = ${reason} WHERE id = ${postId}`.execute(db);
}

export async function approvePost(db: Executor, postId: number): Promise<boolean> {
  const result = await sql`UPDATE comments SET held_at = NULL WHERE id = ${postId} AND kind = ${TOPIC_KIND} AND held_at IS NOT NULL AND removed_at IS NULL`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

export interface HeldPostRow {
  id: number;
  body: string;
  created_at: Date;
  author_name: string | null;
  topic_slug: string;
  topic_title: string;
  forum_slug: string | null;
}

export async function heldPosts(db: Executor, limit: number): Promise<HeldPostRow[]> {
  const { rows } = await sql<HeldPostRow>`
    SELECT c.id, c.body, c.created_at, CASE WHEN u.deleted_at IS NULL THEN u.name END AS author_name, t.slug AS topic_slug, t.title AS topic_title, f.slug AS forum_slug
    FROM comments c JOIN forum_topics t ON t.id = c.subject_id LEFT JOIN forums f ON f.id = t.forum_id LEFT JOIN users u ON u.id = c.author_id
    WHERE c.kind = ${TOPIC_KIND} AND c.held_at IS NOT NULL AND c.removed_at IS NULL
    ORDER BY c.held_at, c.id LIMIT ${limit}`.execute(db);
  return rows;
}

/** Posts of the member readers see: a member with none yet is new to the forums. */
export async function visiblePostsBy(db: Executor, userId: number): Promise<number> {
  const { rows } = await sql<{ posts: number }>`SELECT posts FROM forum_posters WHERE user_id = ${userId}`.execute(db);
  return rows[0]?.posts ?? 0;
}

/** Posts each member has not seen yet in these topics (all of them in a topic never opened). */
export async function unreadCounts(db: Executor, userId: number, topicIds: readonly number[]): Promise<Map<number, number>> {
  if (topicIds.length === 0) return new Map();
  const { rows } = await sql<{ topic_id: number; unread: number }>`
    SELECT t.id AS topic_id, count(c.id)::integer AS unread
    FROM unnest(${sql.val([...topicIds])}::integer[]) AS t (id)
    LEFT JOIN topic_reads r ON r.user_id = ${userId} AND r.topic_id = t.id
    LEFT JOIN comments c ON c.kind = ${TOPIC_KIND} AND c.subject_id = t.id AND ${VISIBLE} AND c.id > coalesce(r.last_read_post_id, 0)
    GROUP BY t.id`.execute(db);
  return new Map(rows.map((row) => [row.topic_id, row.unread]));
}

/** The first post the member has not seen, or undefined when they have seen them all. */
export async function firstUnreadPost(db: Executor, userId: number, topicId: number): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`
    SELECT c.id FROM comments c LEFT JOIN topic_reads r ON r.user_id = ${userId} AND r.topic_id = ${topicId}
    WHERE c.kind = ${TOPIC_KIND} AND c.subject_id = ${topicId} AND ${VISIBLE} AND c.id > coalesce(r.last_read_post_id, 0)
    ORDER BY c.created_at, c.id LIMIT 1`.execute(db);
  return rows[0]?.id;
}

/** Read state only moves forward: reading an old page does not make later posts new again. */
export async function markRead(db: Executor, userId: number, topicId: number, lastPostId: number): Promise<void> {
  await sql`
    INSERT INTO topic_reads AS r (user_id, topic_id, last_read_post_id) VALUES (${userId}, ${topicId}, ${lastPostId})
    ON CONFLICT (user_id, topic_id) DO UPDATE SET last_read_post_id = greatest(r.last_read_post_id, EXCLUDED.last_read_post_id)`.execute(db);
}
