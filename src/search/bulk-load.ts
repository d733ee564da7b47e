import type pg from 'pg';
import { withDriverClient, type Db } from '../db/client.ts';
import { copyRows, type CopyValue } from '../db/copy.ts';

/**
 * Large loads of one searchable kind (the synthetic practices and resources of `demo:load`), in
 * one transaction, giving the rows, search rows, facet counts and generations that the normal
 * path (one statement at a time through the triggers of migrations 017 and 024) gives, several
 * times faster:
 *
 * - The kind's table is written with COPY (or one INSERT … SELECT) with its user triggers off
 *   (`ALTER TABLE … DISABLE TRIGGER USER`), so no row is written twice (draft, then published)
 *   and no search row is built one statement at a time. That is transactional and local to the
 *   load: other sessions never see the triggers off, since the lock it takes (SHARE ROW EXCLUSIVE)
 *   keeps every other writer of the table waiting until the triggers are back on and the load
 *   commits, and a failed load rolls back with them on. Foreign keys are system triggers and stay
 *   on. (`session_replication_role = replica` would also turn the foreign keys off, and needs a
 *   superuser.)
 * - Search rows are then built once, by the kind's own `search_rows_<kind>` function, into a
 *   staging table (one CREATE TABLE AS, which PostgreSQL may run on several cores), and written
 *   to `search_documents` in one INSERT … SELECT. The facet counts get the new rows' facets in one
 *   statement, as the counts trigger would have added them, and the kind's generations move on
 *   once, as the first content change of a transaction moves them.
 * - When the load at least doubles the kind, the secondary indexes of its table and its partial
 *   indexes on `search_documents` are dropped first and built again at the end, from their own
 *   definitions: one sorted build costs much less than a million insertions into GIN indexes.
 *   Unique indexes stay (they are constraints). Meanwhile the load holds ACCESS EXCLUSIVE locks:
 *   run it with the server stopped, or expect searches of the kind to wait for it.
 * - ANALYZE (and VACUUM of the search rows, for index-only scans) once it has committed.
 */

export interface BulkLoadTarget {
  /** The search kind, as in `search_documents.kind` and `search_rows_<kind>`. */
  kind: string;
  /** Its table, whose key is `id` (SQL identifier, never input). */
  table: string;
  /** About how many items the load adds: decides whether rebuilding the indexes pays. */
  expected: number;
}

/** What a loader does inside the load's transaction. */
export interface BulkWriter {
  /** Reserves `count` consecutive ids of the kind's table for rows written with explicit ids; returns the first. */
  allocateIds(count: number): Promise<number>;
  /** Streams rows into a table with COPY; returns how many were written. */
  copy(table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number>;
  /** Runs one statement; returns how many rows it wrote. */
  execute(text: string, values?: readonly unknown[]): Promise<number>;
}

export interface BulkLoadReport {
  /** Items of the kind now searchable that the load added. */
  searchRows: number;
  /** Whether indexes were dropped and built again. */
  rebuiltIndexes: boolean;
  /** Seconds spent writing the rows, building search rows, building indexes and analysing. */
  seconds: { write: number; search: number; indexes: number; analyse: number };
}

const KIND_NAME = /^[a-z][a-z_]{0,40}$/;
const TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** Items per call of the kind's search function: calls are what parallel workers share out. */
const IDS_PER_CALL = 64;

interface DroppedIndex {
  name: string;
  definition: string;
}

const secondsSince = (started: number) => Math.round((performance.now() - started) / 100) / 10;

/** Secondary indexes of the kind's table, and the kind's own partial indexes on search_documents. */
async function rebuildableIndexes(client: pg.ClientBase, target: BulkLoadTarget): Promise<DroppedIndex[]> {
  const { rows } = await client.query<DroppedIndex>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     WHERE NOT i.indisunique
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
       AND (i.indrelid = $1::regclass
         OR (i.indrelid = 'search_documents'::regclass AND pg_get_expr(i.indpred, i.indrelid) = format('(kind = %L::text)', $2::text)))
     ORDER BY i.indexrelid`,
    [target.table, target.kind],
  );
  return rows;
}

/**
 * Adds many items of one kind in one transaction: `write` puts the rows in (see `BulkWriter`);
 * search rows, facet counts, indexes and generations follow as described above.
 */
export async function bulkLoad(db: Db, target: BulkLoadTarget, write: (writer: BulkWriter) => Promise<void>): Promise<BulkLoadReport> {
  if (!KIND_NAME.test(target.kind) || !TABLE_NAME.test(target.table)) throw new Error(`Not a kind and table: ${target.kind}, ${target.table}`);
  const { kind, table } = target;
  const staging = `bulk_load_${kind}_rows`;
  const batches = `bulk_load_${kind}_ids`;
  const seconds = { write: 0, search: 0, indexes: 0, analyse: 0 };

  const outcome = await withDriverClient(db, async (client) => {
    const rowsOf = async (text: string, values: readonly unknown[] = []) => (await client.query(text, [...values])).rowCount ?? 0;
    await client.query('BEGIN');
    try {
      // Writers of the table wait from here to the commit: nobody writes it with the triggers off,
      // nor takes ids from its sequence while the load reserves a range.
      await client.query(`LOCK TABLE ${table}, search_documents IN SHARE ROW EXCLUSIVE MODE`);
      const before = await client.query<{ last_id: number; searchable: number }>(
        `SELECT (SELECT coalesce(max(id), 0) FROM ${table}) AS last_id,
                (SELECT count(*) FROM search_documents WHERE kind = $1)::integer AS searchable`,
        [kind],
      );
      const { last_id: lastIdBefore, searchable } = before.rows[0] as { last_id: number; searchable: number };
      const rebuild = target.expected >= Math.max(searchable, 1);
      const dropped = rebuild ? await rebuildableIndexes(client, target) : [];
      for (const index of dropped) await client.query(`DROP INDEX ${index.name}`);
      await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      await client.query('ALTER TABLE search_documents DISABLE TRIGGER USER');

      let started = performance.now();
      await write({
        async allocateIds(count) {
          const { rows } = await client.query<{ first: number }>(
            `SELECT nextval(pg_get_serial_sequence($1, 'id'))::integer AS first`, [table]);
          const first = (rows[0] as { first: number }).first;
          if (count > 1) await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), $2::bigint)`, [table, first + count - 1]);
          return first;
        },
        copy: (copyTable, columns, rows) => copyRows(client, copyTable, columns, rows),
        execute: rowsOf,
      });
      seconds.write = secondsSince(started);

      started = performance.now();
      // The new items' ids in groups, one call of the search function each. WITH ORDINALITY keeps
      // the function from being inlined: inlined, its correlated subqueries would all run in the
      // leader process, and the workers would have nothing to do.
      // Workers take whole pages of it: a few groups per page (fillfactor 10) keeps them all busy.
      await client.query(
        `CREATE UNLOGGED TABLE ${batches} WITH (fillfactor = 10) AS
         SELECT array_agg(id ORDER BY id) AS ids FROM ${table} WHERE id > $1 GROUP BY id / ${IDS_PER_CALL}`,
        [lastIdBefore],
      );
      // The table of groups is small (a few thousand rows for a million items) and the planner
      // does not know what a call costs: without these it would call the function in one process.
      await client.query('SET LOCAL min_parallel_table_scan_size = 0');
      await client.query('SET LOCAL parallel_setup_cost = 0');
      await client.query('SET LOCAL parallel_tuple_cost = 0');
      await client.query(
        `CREATE UNLOGGED TABLE ${staging} AS
         SELECT f.subject_id, f.published_at, f.language, f.title_plain, f.facets, f.document
         FROM ${batches} b, LATERAL search_rows_${kind}(b.ids) WITH ORDINALITY f`,
      );
      for (const setting of ['min_parallel_table_scan_size', 'parallel_setup_cost', 'parallel_tuple_cost']) {
        await client.query(`SET LOCAL ${setting} TO DEFAULT`);
      }
      // As `search_refresh` writes them: ratings from the totals.
      const searchRows = await rowsOf(
        `INSERT INTO search_documents
           (kind, subject_id, published_at, usefulness, rating_count, language, title_plain, facets, document)
         SELECT $1, s.subject_id, s.published_at, search_usefulness(coalesce(r.count, 0), coalesce(r.sum, 0)),
                coalesce(r.count, 0), s.language, s.title_plain, s.facets, s.document
         FROM ${staging} s
         LEFT JOIN rating_totals r ON r.kind = $1 AND r.subject_id = s.subject_id`,
        [kind],
      );
      // As the counts trigger adds an INSERT's rows (migration 017), in the same lock order.
      await client.query(
        `INSERT INTO search_facet_counts AS c (kind, facet, count)
         SELECT $1, facet, count(*) FROM ${staging} s, unnest(s.facets || '{*}'::text[]) AS facet
         GROUP BY facet ORDER BY facet
         ON CONFLICT (kind, facet) DO UPDATE SET count = c.count + EXCLUDED.count`,
        [kind],
      );
      await client.query(`DROP TABLE ${staging}, ${batches}`);
      seconds.search = secondsSince(started);

      started = performance.now();
      for (const index of dropped) await client.query(index.definition);
      seconds.indexes = secondsSince(started);

      await client.query('ALTER TABLE search_documents ENABLE TRIGGER USER');
      await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
      if (searchRows > 0) {
        // Once, as `search_generations_bump` moves a kind at its first content change in a
        // transaction: every kind's row locked first, in kind order.
        await client.query('SELECT 1 FROM search_generations ORDER BY kind FOR UPDATE');
        await client.query(
          `INSERT INTO search_generations AS g (kind, value, content) VALUES ($1, 2, 2)
           ON CONFLICT (kind) DO UPDATE SET value = g.value + 1, content = g.content + 1`,
          [kind],
        );
      }
      await client.query('COMMIT');
      return { searchRows, rebuiltIndexes: dropped.length > 0 };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  });

  const started = performance.now();
  await withDriverClient(db, async (client) => {
    await client.query(`ANALYZE ${table}`);
    await client.query('VACUUM ANALYZE search_documents');
  });
  seconds.analyse = secondsSince(started);
  return { ...outcome, seconds };
}
