import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { TOPIC_KIND } from './kind.ts';

/**
 * Synthetic forums for the benchmark: `posts` posts in ten forums, fifty a topic, written by five
 * hundred members, their text taken from the published practices already in the database (so
 * words and languages vary), and one topic of `longTopic` posts. Written in a few statements, not
 * through the service: the benchmark measures reading.
 */
export async function loadSyntheticForums(db: Db, options: { posts: number; longTopic: number }): Promise<{ posts: number; longTopicSlug: string; forumSlug: string }> {
  const perTopic = 50;
  const topics = Math.ceil(options.posts / perTopic);
  await sql`
    INSERT INTO users (handle, email, name, email_verified_at)
    SELECT 'forum-poster-' || n, 'poster-' || n || '@bench.example', 'Poster ' || n, now() FROM generate_series(1, 500) AS n
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`INSERT INTO forums (slug, name, description, position) SELECT 'bench-forum-' || n, 'Forum ' || n, 'A synthetic forum', n FROM generate_series(1, 10) AS n`.execute(db);
  await sql`
    INSERT INTO forum_topics (slug, forum_id, title, language, author_id)
    SELECT 'bench-topic-' || n, (SELECT id FROM forums WHERE slug = 'bench-forum-' || (1 + n % 10)), left(p.title, 200), p.language,
           (SELECT id FROM users WHERE handle = 'forum-poster-' || (1 + n % 500))
    FROM generate_series(1, ${topics + 1}) AS n
    JOIN LATERAL (SELECT title, language FROM practices WHERE status = 'published' ORDER BY id OFFSET (n * 13) % greatest((SELECT count(*) FROM practices WHERE status = 'published'), 1) LIMIT 1) p ON true`.execute(db);
  const longTopicSlug = `bench-topic-${topics + 1}`;
  // Posts: the practices' summaries in turn; the last topic takes the long thread.
  await sql`
    WITH source AS (
      SELECT row_number() OVER (ORDER BY id) AS k, summary, language FROM practices WHERE status = 'published' ORDER BY id LIMIT 20000
    ), poster AS (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE handle LIKE 'forum-poster-%'),
    numbered AS (
      SELECT n, CASE WHEN n <= ${options.posts} THEN 1 + (n - 1) / ${perTopic} ELSE ${topics + 1} END AS topic_number
      FROM generate_series(1, ${options.posts + options.longTopic}) AS n
    )
    INSERT INTO comments (kind, subject_id, author_id, body, language, created_at)
    SELECT ${TOPIC_KIND}, t.id, poster.ids[1 + n % 500], s.summary, s.language, now() - (${options.posts + options.longTopic} - n) * interval '1 minute'
    FROM numbered
    JOIN forum_topics t ON t.slug = 'bench-topic-' || numbered.topic_number
    JOIN source s ON s.k = 1 + n % (SELECT count(*) FROM source)
    CROSS JOIN poster`.execute(db);
  await sql`ANALYZE comments, forum_topics, forum_posters, search_documents`.execute(db);
  const forum = await sql<{ slug: string }>`SELECT f.slug FROM forum_topics t JOIN forums f ON f.id = t.forum_id WHERE t.slug = ${longTopicSlug}`.execute(db);
  return { posts: options.posts + options.longTopic, longTopicSlug, forumSlug: forum.rows[0]?.slug ?? '' };
}
