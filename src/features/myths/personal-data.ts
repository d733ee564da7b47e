import { sql } from 'kysely';
import { eraseAuthoredItems } from '../../content/personal-data.ts';
import { isoOrNull, type PersonalDataEntry } from '../../platform/personal-data.ts';
import { MYTH_KIND } from './kind.ts';

/** The myths a member proposed, with their sources: all exported; on deletion, see content/personal-data.ts. */
export const mythsPersonalData: PersonalDataEntry = {
  table: 'myths',
  export: {
    section: 'myths',
    async rows(db, subject) {
      const { rows } = await sql<{ id: number; slug: string; status: string; title: string; fact: string; explanation: string; language: string; created_at: Date; published_at: Date | null; sources: unknown }>`
        SELECT m.id, m.slug, m.status, m.title, m.fact, m.explanation, m.language, m.created_at, m.published_at,
          coalesce((SELECT jsonb_agg(jsonb_build_object('title', s.title, 'publisher', s.publisher, 'year', s.year, 'url', s.url) ORDER BY s.position)
                    FROM myth_sources s WHERE s.myth_id = m.id), '[]'::jsonb) AS sources
        FROM myths m WHERE m.author_id = ${subject.userId} ORDER BY m.id`.execute(db);
      return rows.map(({ id: _id, created_at, published_at, ...myth }) => ({ ...myth, createdAt: isoOrNull(created_at), publishedAt: isoOrNull(published_at) }));
    },
  },
  erase: (step) => eraseAuthoredItems(step, { table: 'myths', kind: MYTH_KIND, textColumns: ['title', 'fact', 'explanation'] }),
};
