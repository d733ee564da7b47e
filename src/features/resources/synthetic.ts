import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { bulkLoad, type BulkLoadReport } from '../../search/index.ts';
import { RESOURCE_KIND } from './kind.ts';

/**
 * Synthetic resources for the benchmark and for trying the library at scale
 * (`demo:load --resources N`): made from published practices already in the database (the
 * synthetic ones are in eight languages), so their text is varied and multilingual without a
 * second word bank. Each practice gives at most one resource; a type, publisher and year follow
 * from it. They are written by the bulk path of src/search (one statement, search rows and indexes
 * built once); the path through the triggers stays to prove that both give the same rows.
 */

export interface SyntheticResourceOptions {
  count: number;
  through?: 'bulk' | 'triggers';
  batchSize?: number;
  onProgress?: (done: number) => void;
}

/** The resource made from each practice among `practices` (a SQL condition on `p`), in id order. */
const resourcesFrom = (status: 'draft' | 'published') => `
  INSERT INTO resources (slug, status, type, title, summary, body, url, publisher, year, language, countries, term_ids, submitted_at, published_at)
  SELECT 'r-' || p.slug, '${status}',
    (ARRAY['news', 'research', 'report', 'tool', 'guideline', 'handbook', 'training', 'media'])[1 + p.id % 8],
    p.title, p.summary, left(p.background, 1500), 'https://example.org/resources/' || p.id,
    coalesce((SELECT o.name FROM practice_organisations o WHERE o.practice_id = p.id ORDER BY o.position LIMIT 1), ''),
    2000 + p.id % 26, p.language, p.countries,
    ARRAY(SELECT t.id FROM taxonomy_terms t WHERE t.id = ANY (p.term_ids) AND t.vocabulary IN ('topic', 'target_group')),
    p.published_at, p.published_at
  FROM practices p`;

/** Adds up to `count` resources; returns how many were written. */
export async function loadSyntheticResources(db: Db, options: SyntheticResourceOptions): Promise<{ added: number; report?: BulkLoadReport }> {
  if (options.through === 'triggers') return { added: await loadThroughTriggers(db, options) };
  let added = 0;
  const report = await bulkLoad(db, { kind: RESOURCE_KIND, table: 'resources', expected: options.count }, async (writer) => {
    added = await writer.execute(
      `${resourcesFrom('published')}
       WHERE p.id IN (SELECT id FROM practices WHERE status = 'published' ORDER BY id LIMIT $1)
       ORDER BY p.id
       ON CONFLICT (slug) DO NOTHING`,
      [options.count],
    );
    options.onProgress?.(added);
  });
  return { added, report };
}

async function loadThroughTriggers(db: Db, options: SyntheticResourceOptions): Promise<number> {
  const batchSize = options.batchSize ?? 2000;
  const sources = await db.selectFrom('practices').select('id').where('status', '=', 'published').orderBy('id').limit(options.count).execute();
  let done = 0;
  for (let start = 0; start < sources.length; start += batchSize) {
    const practiceIds = sources.slice(start, start + batchSize).map((row) => row.id);
    done += await db.transaction().execute(async (trx) => {
      // Drafts first: the search trigger skips them, so each search row is built once, below.
      const { rows } = await sql<{ id: number }>`
        ${sql.raw(resourcesFrom('draft'))}
        WHERE p.id = ANY (${practiceIds}::integer[])
        ORDER BY p.id
        ON CONFLICT (slug) DO NOTHING
        RETURNING id`.execute(trx);
      await sql`UPDATE resources SET status = 'published' WHERE id = ANY (${rows.map((row) => row.id)}::integer[])`.execute(trx);
      return rows.length;
    });
    options.onProgress?.(done);
  }
  await sql`VACUUM ANALYZE resources`.execute(db);
  await sql`VACUUM ANALYZE search_documents`.execute(db);
  return done;
}
