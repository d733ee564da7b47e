import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { RESULT_WINDOW } from '../../search/index.ts';
import { loadSyntheticPractices } from './synthetic.ts';

let testApp: TestApp;
const COUNT = 700;

before(async () => {
  testApp = await startTestApp();
  await loadSyntheticPractices(testApp.deps.db, { count: COUNT, batchSize: 300 });
});
after(() => testApp.close());

const get = (url: string) => new TestClient(testApp.app).get(url);

describe('synthetic practices', () => {
  test('are published with search rows, facets and kept counts', async () => {
    const counts = await sql<{ rows: number; kept: number }>`
      SELECT (SELECT count(*) FROM search_documents WHERE kind = 'practice')::integer AS rows,
             (SELECT count FROM search_facet_counts WHERE kind = 'practice' AND facet = '*') AS kept`.execute(testApp.deps.db);
    assert.deepEqual(counts.rows[0], { rows: COUNT, kept: COUNT });
    const languages = await sql<{ language: string }>`SELECT DISTINCT language FROM search_documents WHERE kind = 'practice'`.execute(testApp.deps.db);
    assert.ok(languages.rows.length >= 6, 'several content languages');
  });
});

describe('the result window', () => {
  test(`pages stop at ${RESULT_WINDOW} results in every order`, async () => {
    const lastPage = RESULT_WINDOW / 20;
    for (const sort of ['relevance', 'newest', 'useful']) {
      const last = await get(`/en/practices?q=integration&sort=${sort}&page=${lastPage}`);
      assert.equal(last.statusCode, 200, sort);
      assert.equal(last.body.match(/<article class="card">/g)?.length, 20, sort);
      assert.match(last.body, /Only the first 500 results can be browsed/);
      const beyond = await get(`/en/practices?q=integration&sort=${sort}&page=${lastPage + 1}`);
      assert.equal(beyond.statusCode, 404, sort);
    }
    const api = (await get(`/api/v1/practices?q=integration&per_page=30&page=17`)).json() as { items: unknown[]; page_count: number; links: { next: string | null } };
    assert.equal(api.page_count, 17);
    assert.equal(api.items.length, RESULT_WINDOW - 16 * 30);
    assert.equal(api.links.next, null);
  });
});
