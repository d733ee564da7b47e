import { sql } from 'kysely';
import type { ContentKind, ContentRef, Executor } from '../../content/kinds.ts';

/**
 * A topic of a forum, or a guiding question of a dialogue, as a kind of content: its posts are
 * comments on it, so reports, the moderation queue, removal and erasure work on them unchanged.
 */

export const TOPIC_KIND = 'forum_topic';
export const DISCUSS_PATH = '/discuss';
export const DIALOGUES_PATH = '/dialogues';
export const CONSULTATIONS_PATH = '/consultations';
/** The generation kept pages of forums, dialogues and consultations depend on (migration 037). */
export const DISCUSSION_GENERATION = 'discussion';

export const forumPath = (forumSlug: string): string => `${DISCUSS_PATH}/${encodeURIComponent(forumSlug)}`;
export const topicPath = (forumSlug: string, topicSlug: string): string => `${forumPath(forumSlug)}/${encodeURIComponent(topicSlug)}`;
export const dialoguePath = (slug: string): string => `${DIALOGUES_PATH}/${encodeURIComponent(slug)}`;
export const questionPath = (dialogueSlug: string, topicSlug: string): string => `${dialoguePath(dialogueSlug)}/${encodeURIComponent(topicSlug)}`;
export const consultationPath = (slug: string): string => `${CONSULTATIONS_PATH}/${encodeURIComponent(slug)}`;
/** A post's own address: it redirects to the page of its thread that shows it. */
export const postPath = (postId: number): string => `${DISCUSS_PATH}/posts/${postId}`;

interface TopicRefRow {
  id: number;
  slug: string;
  title: string;
  language: string;
  author_id: number | null;
  forum_slug: string | null;
  dialogue_slug: string | null;
}

function refOf(row: TopicRefRow): ContentRef {
  return {
    kind: TOPIC_KIND,
    id: row.id,
    slug: row.slug,
    title: row.title,
    language: row.language,
    status: 'published',
    authorId: row.author_id,
    path: row.forum_slug !== null ? topicPath(row.forum_slug, row.slug) : questionPath(row.dialogue_slug ?? '', row.slug),
  };
}

const refRows = sql`
  SELECT t.id, t.slug, t.title, t.language, t.author_id, f.slug AS forum_slug, d.slug AS dialogue_slug
  FROM forum_topics t LEFT JOIN forums f ON f.id = t.forum_id LEFT JOIN dialogues d ON d.id = t.dialogue_id`;

export const topicKind: ContentKind = {
  name: TOPIC_KIND,
  basePath: DISCUSS_PATH,
  async findBySlug(db: Executor, slug: string) {
    const { rows } = await sql<TopicRefRow>`${refRows} WHERE t.slug = ${slug}`.execute(db);
    return rows[0] ? refOf(rows[0]) : undefined;
  },
  async findByIds(db: Executor, ids: readonly number[]) {
    if (ids.length === 0) return [];
    const { rows } = await sql<TopicRefRow>`${refRows} WHERE t.id = ANY (${sql.val([...ids])}::integer[])`.execute(db);
    return rows.map(refOf);
  },
};
