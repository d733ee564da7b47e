import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { loadSyntheticResources } from '../resources/index.ts';
import { loadSyntheticPractices } from './synthetic.ts';

/**
 * The bulk path of `demo:load` (COPY with the triggers off, search rows, counts and indexes built
 * once) must leave the database as the normal path does, where the triggers build every search row
 * as for any edit: the same synthetic content is loaded both ways into two fresh databases and
 * compared, rows, counts and searches.
 */

const PRACTICES = 300;
const RESOURCES = 200;
// The same content in both databases: same seed, same moment for the publication dates.
const NOW = Date.parse('2026-06-01T12:00:00Z');
const FIRST_SEED = 11;
const SECOND_SEED = 12;

let bulk: TestApp;
let normal: TestApp;

before(async () => {
  bulk = await startTestApp();
  normal = await startTestApp();
});
after(async () => {
  await bulk.close();
  await normal.close();
});

const searchRows = (db: Db) =>
  sql<Record<string, unknown>>`
    SELECT kind, subject_id, published_at, usefulness, rating_count, language, title_plain, facets, document::text AS document
    FROM search_documents ORDER BY kind, subject_id`.execute(db).then((result) => result.rows);

// Counts of zero are what a trigger leaves once a value's last item goes; neither path has any here.
const facetCounts = (db: Db) =>
  sql<Record<string, unknown>>`SELECT kind, facet, count FROM search_facet_counts WHERE count <> 0 ORDER BY kind, facet`
    .execute(db).then((result) => result.rows);

const generations = (db: Db) =>
  sql<{ kind: string; value: number; content: number }>`SELECT kind, value::integer, content::integer FROM search_generations ORDER BY kind`
    .execute(db).then((result) => new Map(result.rows.map((row) => [row.kind, row])));

const indexes = (db: Db) =>
  sql<{ indexdef: string }>`
    SELECT indexdef FROM pg_indexes WHERE tablename IN ('practices', 'resources', 'search_documents') ORDER BY indexname`
    .execute(db).then((result) => result.rows.map((row) => row.indexdef));

const disabledTriggers = (db: Db) =>
  sql<{ tgname: string }>`SELECT tgname FROM pg_trigger WHERE tgenabled = 'D'`.execute(db).then((result) => result.rows.map((row) => row.tgname));

/** An API answer without what names an item by its slug (each load tags its slugs). */
function withoutSlugs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSlugs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !['slug', 'url', 'api_url'].includes(key)).map(([key, inner]) => [key, withoutSlugs(inner)]));
}

const SEARCHES = [
  '/api/v1/practices?q=housing',
  '/api/v1/practices?q=emploi&sort=newest&per_page=50',
  '/api/v1/practices?q=housing&topic=employment&country=FR',
  '/api/v1/practices?sort=useful',
  '/api/v1/practices?q=welcom+deskz',
  '/api/v1/resources?q=housing',
  '/api/v1/resources?q=vivienda&sort=newest',
  '/api/v1/resources?topic=employment',
];

async function searchAnswers(app: TestApp): Promise<unknown[]> {
  const client = new TestClient(app.app);
  const answers: unknown[] = [];
  for (const url of SEARCHES) {
    const response = await client.get(url);
    assert.equal(response.statusCode, 200, url);
    answers.push({ url, answer: withoutSlugs(response.json()) });
  }
  return answers;
}

async function assertSameDatabases(): Promise<void> {
  const [bulkRows, normalRows] = [await searchRows(bulk.deps.db), await searchRows(normal.deps.db)];
  assert.ok(bulkRows.length > 0);
  assert.deepEqual(bulkRows, normalRows);
  assert.deepEqual(await facetCounts(bulk.deps.db), await facetCounts(normal.deps.db));
  assert.deepEqual(await searchAnswers(bulk), await searchAnswers(normal));
  assert.deepEqual(await indexes(bulk.deps.db), await indexes(normal.deps.db));
  assert.deepEqual(await disabledTriggers(bulk.deps.db), []);
}

describe('the bulk load of synthetic content', () => {
  test('gives the rows, facet counts and searches of the normal path, indexes rebuilt', async () => {
    const generationsBefore = await generations(bulk.deps.db);
    const practices = await loadSyntheticPractices(bulk.deps.db, { count: PRACTICES, seed: FIRST_SEED, now: NOW });
    await loadSyntheticPractices(normal.deps.db, { count: PRACTICES, seed: FIRST_SEED, now: NOW, through: 'triggers', batchSize: 120 });
    const resources = await loadSyntheticResources(bulk.deps.db, { count: RESOURCES });
    await loadSyntheticResources(normal.deps.db, { count: RESOURCES, through: 'triggers', batchSize: 70 });

    assert.equal(practices.report?.rebuiltIndexes, true, 'an empty kind has its indexes built again');
    assert.equal(practices.report?.searchRows, PRACTICES);
    assert.equal(resources.added, RESOURCES);
    assert.equal(resources.report?.rebuiltIndexes, true);
    await assertSameDatabases();
    const stars = await sql<{ count: number }>`SELECT count FROM search_facet_counts WHERE kind = 'practice' AND facet = '*'`.execute(bulk.deps.db);
    assert.equal(stars.rows[0]?.count, PRACTICES);

    // Cached searches and pages of both kinds must see the new content.
    const generationsAfter = await generations(bulk.deps.db);
    for (const kind of ['practice', 'resource']) {
      assert.ok((generationsAfter.get(kind)?.content ?? 0) > (generationsBefore.get(kind)?.content ?? 0), kind);
      assert.ok((generationsAfter.get(kind)?.value ?? 0) > (generationsBefore.get(kind)?.value ?? 0), kind);
    }
  });

  test('adds a smaller load to what is there with the indexes kept, as the normal path does', async () => {
    const indexOids = () => sql<{ oid: number }>`
      SELECT indexrelid::integer AS oid FROM pg_index WHERE indrelid = 'search_documents'::regclass ORDER BY 1`.execute(bulk.deps.db).then((result) => result.rows);
    const oidsBefore = await indexOids();
    const practices = await loadSyntheticPractices(bulk.deps.db, { count: 40, seed: SECOND_SEED, now: NOW });
    await loadSyntheticPractices(normal.deps.db, { count: 40, seed: SECOND_SEED, now: NOW, through: 'triggers' });
    assert.equal(practices.report?.rebuiltIndexes, false);
    assert.deepEqual(await indexOids(), oidsBefore, 'the same indexes, not new ones');
    await assertSameDatabases();
  });

  test('leaves the triggers working: an edit after the load updates its search row', async () => {
    const db = bulk.deps.db;
    const practice = await db.selectFrom('practices').select('id').where('status', '=', 'published').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await db.updateTable('practices').set({ title: 'Zanzibar welcome circles' }).where('id', '=', practice.id).execute();
    const row = await db.selectFrom('search_documents').select('title_plain').where('kind', '=', 'practice').where('subject_id', '=', practice.id).executeTakeFirstOrThrow();
    assert.equal(row.title_plain, 'zanzibar welcome circles');
    const found = (await new TestClient(bulk.app).get('/api/v1/practices?q=zanzibar')).json() as { total: number };
    assert.equal(found.total, 1);
  });
});
