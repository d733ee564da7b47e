import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { freshDatabase, type TestDatabase } from '../test/database.ts';
import {
  createSearchEngine,
  facetCodec,
  facetCountsQuery,
  headline,
  headlineText,
  parseQuery,
  prepareSearch,
  resultIdsQuery,
  withoutAnyFilter,
  withoutFilter,
  type SearchEngine,
} from './index.ts';

/**
 * The shared search with a kind of its own: notes, plugged in the way every kind is (a rows
 * function, two triggers, registration), next to practices, to show that each kind searches,
 * counts and caches only its own items.
 */

let database: TestDatabase;
let db: Db;

const NOTE_KIND_SQL = `
  CREATE TABLE notes (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title text NOT NULL,
    body text NOT NULL DEFAULT '',
    topic text NOT NULL,
    language text NOT NULL DEFAULT 'en',
    published_at timestamptz
  );
  CREATE FUNCTION search_rows_note(ids integer[]) RETURNS SETOF search_row
  LANGUAGE sql STABLE AS $$
    SELECT n.id, n.published_at, n.language, lower(unaccent(n.title)), ARRAY['topic:' || n.topic],
      setweight(to_tsvector(content_text_config(n.language), n.title), 'A')
        || strip(to_tsvector(content_text_config(n.language), n.body))
    FROM notes n WHERE n.id = ANY (ids) AND n.published_at IS NOT NULL
  $$;
  CREATE TRIGGER notes_search_insert AFTER INSERT ON notes
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync('note');
  CREATE TRIGGER notes_search_update AFTER UPDATE ON notes
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync('note');
  CREATE TRIGGER notes_search_forget AFTER DELETE ON notes
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_forget('note');
  SELECT search_register_kind('note');
`;

const NOTE_FACETS = facetCodec([
  { param: 'topic', key: 'topic' },
  { param: 'lang', key: 'language' },
] as const);
type NoteEngine = SearchEngine<(typeof NOTE_FACETS.facets)[number], { id: number; title: string; markedTitle: string }>;

function noteEngine(): NoteEngine {
  return createSearchEngine({
    db,
    kind: 'note',
    facets: NOTE_FACETS,
    async loadPage(executor, page, plan) {
      const marked = plan.tsquery ? headline(sql`n.language`, sql`n.title`, plan.tsquery, 'whole') : sql<string>`n.title`;
      const result = await sql<{ id: number; title: string; marked_title: string }>`
        WITH page AS MATERIALIZED (${page})
        SELECT n.id, n.title, ${marked} AS marked_title
        FROM page JOIN notes n ON n.id = page.subject_id
        ORDER BY page.position`.execute(executor);
      return result.rows.map((row) => ({ id: row.id, title: row.title, markedTitle: row.marked_title }));
    },
  });
}

const request = (q: string, filters: [string, string[]][] = [], sort: 'relevance' | 'newest' | 'useful' = q ? 'relevance' : 'newest') =>
  ({ q, filters: new Map(filters) as Map<'topic' | 'lang', string[]>, sort, sortGiven: false, page: 1 });

async function addNote(title: string, topic: string, options: { body?: string; publishedAt?: Date | null } = {}): Promise<number> {
  const published = options.publishedAt === undefined ? new Date() : options.publishedAt;
  const result = await sql<{ id: number }>`
    INSERT INTO notes (title, body, topic, published_at) VALUES (${title}, ${options.body ?? ''}, ${topic}, ${published})
    RETURNING id`.execute(db);
  return (result.rows[0] as { id: number }).id;
}

async function generations(kind: string) {
  const result = await sql<{ value: string; content: string }>`
    SELECT value::text, content::text FROM search_generations WHERE kind = ${kind}`.execute(db);
  return result.rows[0];
}

before(async () => {
  database = await freshDatabase();
  db = database.db;
  await sql.raw(NOTE_KIND_SQL).execute(db);
  // A practice that shares the notes' words: it must never show up in their searches.
  await sql`INSERT INTO practices (slug, title, summary, status, published_at)
    VALUES ('housing-desk', 'Housing desk for newcomers', 'Housing advice', 'published', now())`.execute(db);
});
after(() => database.drop());

describe('a kind of its own', () => {
  test('finds, counts and highlights only its own items', async () => {
    await addNote('Housing advice by phone', 'housing');
    await addNote('Night school for adults', 'education', { body: 'housing is discussed too' });
    await addNote('Unpublished housing draft', 'housing', { publishedAt: null });
    const engine = noteEngine();

    const outcome = await engine.search(request('housing'));
    assert.equal(outcome.total, 2);
    assert.deepEqual(outcome.results.map((result) => result.title), ['Housing advice by phone', 'Night school for adults']);
    assert.equal(headlineText(outcome.results[0]?.markedTitle ?? ''), 'Housing advice by phone');
    assert.notEqual(outcome.results[0]?.markedTitle, 'Housing advice by phone', 'the matched word is marked');
    assert.deepEqual(outcome.facets.get('topic'), [
      { value: 'education', count: 1, selected: false },
      { value: 'housing', count: 1, selected: false },
    ]);

    const filtered = await engine.search(request('housing', [['topic', ['education']]]));
    assert.deepEqual(filtered.results.map((result) => result.title), ['Night school for adults']);

    const all = await engine.search(request(''));
    assert.equal(all.total, 2, 'the kept counts of the kind, not of every kind');
  });

  test('adds titles that only look like the words when few match', async () => {
    const outcome = await noteEngine().search(request('housin'));
    assert.equal(outcome.fuzzy, true);
    assert.ok(outcome.results.some((result) => result.title === 'Housing advice by phone'));
  });

  test('moves only its own generations on, and its caches follow', async () => {
    const engine = noteEngine();
    const first = await engine.search(request('lanterns'));
    assert.equal(first.total, 0);

    const practicesBefore = await generations('practice');
    const notesBefore = await generations('note');
    const id = await addNote('Lanterns workshop', 'culture');
    assert.deepEqual(await generations('practice'), practicesBefore, 'a note leaves the practices\' caches alone');
    const notesAfter = await generations('note');
    assert.equal(Number(notesAfter?.content), Number(notesBefore?.content) + 1);

    const second = await engine.search(request('lanterns'));
    assert.deepEqual(second.results.map((result) => result.id), [id], 'the cached empty search is not reused');

    await sql`UPDATE practices SET title = 'Housing desk with lanterns' WHERE slug = 'housing-desk'`.execute(db);
    assert.deepEqual(await generations('note'), notesAfter, 'a practice leaves the notes\' caches alone');
    assert.equal((await engine.search(request('lanterns'))).total, 1);
  });

  test('ratings reorder the most useful and leave the counts to be reused', async () => {
    const quiet = await addNote('Quiet reading room', 'culture');
    const before = await generations('note');
    await sql`INSERT INTO rating_totals (kind, subject_id, count, sum) VALUES ('note', ${quiet}::integer, 4, 20)`.execute(db);
    const after = await generations('note');
    assert.equal(Number(after?.value), Number(before?.value) + 1);
    assert.equal(after?.content, before?.content);
    const useful = await noteEngine().search(request('', [], 'useful'));
    assert.equal(useful.results[0]?.id, quiet);
  });

  test('a deleted item leaves search and its counts', async () => {
    const id = await addNote('Ferry timetable help', 'transport');
    const engine = noteEngine();
    assert.equal((await engine.search(request('ferry'))).total, 1);
    await sql`DELETE FROM notes WHERE id = ${id}::integer`.execute(db);
    assert.equal((await engine.search(request('ferry'))).total, 0);
    const kept = await sql<{ count: number }>`
      SELECT count FROM search_facet_counts WHERE kind = 'note' AND facet = 'topic:transport'`.execute(db);
    assert.equal(kept.rows[0]?.count, 0);
  });

  test('refuses a kind name that could not have been registered', () => {
    assert.throws(() => createSearchEngine({ ...noteSpecForNameCheck(), kind: "note' OR true --" }), /lower-case letters/);
  });
});

function noteSpecForNameCheck() {
  return { db, kind: 'note', facets: NOTE_FACETS, loadPage: async () => [] };
}

describe('query plans', () => {
  /** The plan of a query, with sequential scans priced out: only an index the planner may use shows. */
  async function planOf(query: CompiledQuery): Promise<string> {
    return db.connection().execute(async (connection) => {
      await sql`BEGIN`.execute(connection);
      try {
        await sql`SET LOCAL enable_seqscan = off`.execute(connection);
        const result = await connection.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]));
        return result.rows.map((row) => row['QUERY PLAN']).join('\n');
      } finally {
        await sql`ROLLBACK`.execute(connection);
      }
    });
  }

  test("a kind's search reads its own partial indexes", async () => {
    const { tsquery } = await prepareSearch(db, 'note', parseQuery('housing'));
    const plan = { tsquery, fuzzyText: null, facetGroups: [['topic:housing']] };
    const counts = facetCountsQuery('note', plan).compile(db);
    assert.match(counts.sql, /s\.kind = 'note'/, 'the kind is a literal the planner can see');
    // Whichever of them the planner prices best on so few rows: an index limited to the kind's rows
    // can only be chosen when the planner has proved the query reads nothing else.
    assert.match(await planOf(counts), /search_documents_note_\w+_idx/);
    const newest = resultIdsQuery('note', { tsquery: '', fuzzyText: null, facetGroups: [] }, 'newest', { limit: 20, offset: 0 }).compile(db);
    assert.match(await planOf(newest), /search_documents_note_\w+_idx/);
    const practices = facetCountsQuery('practice', plan).compile(db);
    assert.doesNotMatch(await planOf(practices), /_note_/);
  });
});

describe('the facet codec', () => {
  test('reads what can match, in one order, and writes it back the same way', () => {
    const read = NOTE_FACETS.readSearchRequest(
      { lang: ['fr', 'xx'], topic: ['housing', 'housing', ' health '], q: '  flats   to   rent ', sort: 'useful' },
      (facet, value) => facet.param !== 'lang' || value.length === 2 && value !== 'xx',
      2,
    );
    assert.equal(read.q, 'flats to rent');
    assert.deepEqual([...read.filters], [['topic', ['housing', 'health']], ['lang', ['fr']]]);
    assert.equal(read.sort, 'useful');
    assert.equal(NOTE_FACETS.searchQueryString(read, read.page), '?q=flats+to+rent&topic=housing&topic=health&lang=fr&sort=useful&page=2');
    assert.equal(NOTE_FACETS.searchQueryString(withoutFilter(read, 'topic', 'housing')), '?q=flats+to+rent&topic=health&lang=fr&sort=useful');
    assert.equal(NOTE_FACETS.searchQueryString(withoutAnyFilter(read)), '?q=flats+to+rent&sort=useful');
    assert.deepEqual(NOTE_FACETS.facetGroups(read), [['topic:housing', 'topic:health'], ['language:fr']]);
    assert.equal(NOTE_FACETS.readSearchRequest({ sort: 'relevance' }, () => true, 1).sort, 'newest', 'no words, nothing to be relevant to');
  });
});
