import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

/**
 * Synthetic published events for the benchmark: made from published practices already in the
 * database (so titles and languages are varied), spread over the two years around today, one in
 * five a weekly series of eight sessions, in the practices' countries and cities, each with its
 * occurrences. Written in two statements, not through the form: the benchmark measures reading.
 */
export async function loadSyntheticEvents(db: Db, options: { count: number }): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    WITH source AS (
      SELECT p.id, p.slug, p.title, p.language, p.countries, p.city_id, p.term_ids, p.author_id
      FROM practices p WHERE p.status = 'published' ORDER BY p.id LIMIT ${options.count}
    ), added AS (
      INSERT INTO events (slug, status, author_id, title, description, language, languages, term_ids, starts_at, ends_at, time_zone, recurrence,
                          format, venue, address, city_id, country, join_url, capacity, submitted_at, published_at)
      SELECT 'e-' || s.slug, 'published', s.author_id, left(s.title, 200), 'A synthetic event made from a practice.', s.language, ARRAY[s.language],
             ARRAY(SELECT t.id FROM taxonomy_terms t WHERE t.id = ANY (s.term_ids) AND t.vocabulary = 'topic'),
             date_trunc('hour', now()) + ((s.id * 7919) % 17520 - 8760) * interval '1 hour',
             date_trunc('hour', now()) + ((s.id * 7919) % 17520 - 8760 + 2) * interval '1 hour',
             (ARRAY['Europe/Paris', 'America/Toronto', 'Africa/Dakar', 'Asia/Amman', 'America/Bogota', 'UTC'])[1 + s.id % 6],
             CASE WHEN s.id % 5 = 0 THEN 'FREQ=WEEKLY;COUNT=8' END,
             (ARRAY['in_person', 'online', 'hybrid'])[1 + s.id % 3], 'Community hall', '', s.city_id, s.countries[1],
             CASE WHEN s.id % 3 <> 0 THEN 'https://meet.example.org/' || s.id END, CASE WHEN s.id % 2 = 0 THEN 30 + s.id % 100 END, now(), now()
      FROM source s
      ON CONFLICT (slug) DO NOTHING
      RETURNING id, starts_at, ends_at, recurrence
    ), occurrences AS (
      INSERT INTO event_occurrences (event_id, original_start, starts_at, ends_at)
      SELECT a.id, a.starts_at + week * interval '7 days', a.starts_at + week * interval '7 days', a.ends_at + week * interval '7 days'
      FROM added a, generate_series(0, CASE WHEN a.recurrence IS NULL THEN 0 ELSE 7 END) AS week
    )
    SELECT count(*)::int AS count FROM added`.execute(db);
  // As autovacuum would soon after: the planner then knows how many dates there are.
  await sql`ANALYZE events, event_occurrences`.execute(db);
  return rows[0]?.count ?? 0;
}
