import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { loadSyntheticPractices } from '../features/practices/synthetic.ts';
import { startTestApp, TestClient, type TestApp } from '../test/app.ts';
import { searchTuning } from './index.ts';

/**
 * A search that matches a large share of a large collection has its total and facet counts
 * estimated from a sample (engine.ts, `countMatches`), so that its first visit costs about the
 * same at any size. The thresholds are lowered here so that 3,000 practices are "large".
 */
let testApp: TestApp;
const saved = { ...searchTuning.sampling };
before(async () => {
  testApp = await startTestApp();
  await loadSyntheticPractices(testApp.deps.db, { count: 3_000, seed: 5, now: Date.parse('2026-06-01T12:00:00Z') });
  Object.assign(searchTuning.sampling, { pilotRows: 600, exactUpTo: 400, sampleMatches: 250, sampleRowsMax: 2_000 });
});
after(async () => {
  Object.assign(searchTuning.sampling, saved);
  await testApp.close();
});

async function exactMatches(word: string): Promise<number> {
  const result = await sql<{ count: number }>`
    SELECT count(*)::integer AS count FROM search_documents
    WHERE kind = 'practice' AND document @@ (SELECT to_tsquery('simple', ${word}) || to_tsquery('english', ${word}))`.execute(testApp.deps.db);
  return result.rows[0]?.count ?? 0;
}

describe('searches matching much of the collection', () => {
  test('say their numbers are estimates, and the estimates are near the counts', async () => {
    const exact = await exactMatches('housing');
    assert.ok(exact > 600, `a common word in the synthetic practices (${exact})`);

    const api = await new TestClient(testApp.app).get('/api/v1/practices?q=housing');
    assert.equal(api.statusCode, 200);
    const body = api.json<{ total: number; approximate: boolean; items: unknown[]; facets: Record<string, { count: number }[]> }>();
    assert.equal(body.approximate, true);
    assert.ok(body.total > exact * 0.7 && body.total < exact * 1.3, `estimate ${body.total} near ${exact}`);
    assert.match(String(body.total), /^\d{1,2}0*$/, 'rounded to two significant figures');
    assert.equal(body.items.length, 20);

    const page = await new TestClient(testApp.app).get('/en/practices?q=housing');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /About [\d,]+ practices found for “housing”/);
    assert.match(page.body, /estimated from a sample/);
    const french = await new TestClient(testApp.app).get('/fr/practices?q=housing');
    assert.match(french.body, /Environ [\d\s  ]+ pratiques trouvées/);
  });

  test('are counted exactly once filters narrow them', async () => {
    const narrow = await new TestClient(testApp.app).get('/api/v1/practices?q=housing&topic=employment&country=FR');
    const body = narrow.json<{ total: number; approximate: boolean }>();
    assert.equal(body.approximate, false);
    const page = await new TestClient(testApp.app).get('/en/practices?q=housing&topic=employment&country=FR');
    assert.doesNotMatch(page.body, /estimated from a sample/);
  });
});
