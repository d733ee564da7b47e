import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { accountService } from './features/accounts/service.ts';
import { CRITERIA } from './features/practices/criteria.ts';
import { samplePractice } from './features/practices/fixtures.ts';
import type { PracticeInput } from './features/practices/model.ts';
import { fieldsFromInput, formBodyOf } from './features/practices/practice-form.ts';
import { personalData } from './personal-data.ts';
import { translator, type Locale } from './platform/i18n.ts';
import { startTestApp, TestClient, type TestApp } from './test/app.ts';
import { createMember, signInThroughForms } from './test/members.ts';

let testApp: TestApp;
let dataDir: string;
before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'bridges-personal-data-'));
  testApp = await startTestApp({ env: { DATA_DIR: dataDir } });
});
after(async () => {
  await testApp.close();
  await rm(dataDir, { recursive: true, force: true });
});

const db = () => testApp.deps.db;
const PASSWORD = 'quiet orchards under snow';

/**
 * Tables that refer to a member: a foreign key to users, or a column whose name says it holds a
 * member's id or address without one (recipient, email, *_by, author…). Read from the catalogue,
 * so a new table is checked without editing this test.
 */
async function tablesReferringToMembers(): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT DISTINCT conrelid::regclass::text AS table_name FROM pg_constraint
    WHERE contype = 'f' AND confrelid = 'public.users'::regclass
    UNION
    SELECT DISTINCT table_name::text FROM information_schema.columns
    WHERE table_schema = 'public'
      AND (column_name ~ '(^|_)(user|member|author|actor|editor|reviewer|reporter|owner|recipient)(_id)?$'
        OR column_name ~ 'email' OR column_name ~ '_by$')
    UNION
    SELECT 'users'
    ORDER BY 1`.execute(db());
  return rows.map((row) => row.table_name);
}

describe('the personal-data registry', () => {
  test('answers for every table that refers to a member, and for no table that is gone', async () => {
    const referring = await tablesReferringToMembers();
    assert.ok(referring.includes('sessions') && referring.includes('outbox'), 'the catalogue query finds known tables');
    const registered = personalData.tables();
    const missing = referring.filter((table) => !registered.has(table));
    assert.deepEqual(missing, [], `tables that refer to members but are missing from the personal-data registry (src/personal-data.ts): ${missing.join(', ')}`);

    const { rows } = await sql<{ table_name: string }>`SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'`.execute(db());
    const existing = new Set(rows.map((row) => row.table_name));
    const stale = [...registered].filter((table) => !existing.has(table));
    assert.deepEqual(stale, [], `registered tables that do not exist: ${stale.join(', ')}`);
  });

  test('a table left out of the export says why', () => {
    for (const entry of personalData.entries()) {
      if ('notExported' in entry.export) assert.ok(entry.export.notExported.length > 20, `${entry.table} gives a reason`);
    }
  });
});

/** Every text-like value in every table of every schema, generated from the catalogue. */
async function findEverywhere(needle: string): Promise<{ table: string; column: string; count: number }[]> {
  const { rows: columns } = await sql<{ schema: string; table: string; column: string }>`
    SELECT n.nspname AS schema, c.relname AS table, a.attname AS column
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      AND (t.typcategory = 'S' OR t.typname IN ('json', 'jsonb', 'tsvector') OR (t.typcategory = 'A' AND t.typelem IN (SELECT oid FROM pg_type WHERE typcategory = 'S')))
    ORDER BY 1, 2, 3`.execute(db());
  assert.ok(columns.some((column) => column.schema === 'pgboss'), "the job queue's tables are scanned too");
  const hits: { table: string; column: string; count: number }[] = [];
  for (const { schema, table, column } of columns) {
    const { rows } = await sql<{ count: string }>`
      SELECT count(*) AS count FROM ${sql.table(`${schema}.${table}`)} WHERE strpos(lower(${sql.ref(column)}::text), ${needle.toLowerCase()}) > 0`.execute(db());
    const count = Number(rows[0]?.count ?? 0);
    if (count > 0) hits.push({ table: `${schema}.${table}`, column, count });
  }
  return hits;
}

const rubricForm = (version: number) => ({
  ...Object.fromEntries(CRITERIA.map((criterion) => [`score-${criterion.id}`, '3'])),
  decision: 'publish',
  message: '',
  version: String(version),
});

async function saveDraft(client: TestClient, input: PracticeInput): Promise<string> {
  await client.get('/en/practices/new');
  const response = await client.post('/en/practices/new', { ...formBodyOf(fieldsFromInput(input)), action: 'save' });
  assert.equal(response.statusCode, 303, response.body.slice(0, 1000));
  const slug = /\/practices\/([^/]+)\/edit/.exec(String(response.headers.location))?.[1];
  assert.ok(slug);
  return slug;
}

/** What a practice page says under "Submitted by", in the page's locale. */
function submittedBy(html: string, locale: Locale): string | undefined {
  const label = translator(locale)('practicePage.meta.submittedBy');
  return new RegExp(`<dt class="summary-list__key">${label}</dt><dd class="summary-list__value">([^<]*)</dd>`).exec(html)?.[1];
}

const practiceRow = (slug: string) => db().selectFrom('practices').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();

describe('account deletion', () => {
  test("leaves the member's name and address nowhere in the database, and their phrase only in what they published", async () => {
    const marker = randomBytes(5).toString('hex');
    const name = `Ottilie Vanterpool${marker}`;
    const email = `ottilie.${marker}@example.org`;
    const phrase = `saffronkite${marker}`;
    const { id: userId } = await accountService(testApp.deps).createAccount({ name, email, password: PASSWORD, organisation: '', stakeholderType: '', country: '', role: 'member' });
    await db().updateTable('users').set({ email_verified_at: new Date() }).where('id', '=', userId).execute();
    const member = new TestClient(testApp.app);
    assert.equal((await signInThroughForms(testApp, member, { email, password: PASSWORD })).statusCode, 303);

    // Their profile, a draft with their contact details, and a published practice.
    await member.get('/en/account');
    const profile = await member.post('/en/account/profile', { name, organisation: `Collectif ${phrase}`, stakeholderType: '', country: 'FR' });
    assert.equal(profile.statusCode, 303);
    const contact = { name, email, public: true };
    const draft = await saveDraft(member, samplePractice({ title: `Draft about ${phrase}`, summary: `Written by ${name}: ${phrase}.`, contact }));
    const published = await saveDraft(member, samplePractice({ title: `Kitchens ${marker}`, summary: `Shared kitchens, ${phrase}.`, contact }));
    await member.get('/en/practices/mine');
    assert.equal((await member.post(`/en/practices/${published}/submit`)).statusCode, 303);
    const editor = await createMember(testApp, { role: 'editor' });
    await editor.client.get(`/en/review/${published}`);
    const decision = await editor.client.post(`/en/review/${published}/decision`, rubricForm((await practiceRow(published)).version));
    assert.equal(decision.statusCode, 303);
    assert.equal((await practiceRow(published)).status, 'published');
    // An edit after publication keeps a revision that holds the contact.
    await member.get(`/en/practices/${published}/edit`);
    const edited = await member.post(`/en/practices/${published}/edit`, {
      ...formBodyOf(fieldsFromInput(samplePractice({ title: `Kitchens ${marker}`, summary: `Shared kitchens, ${phrase}, now twice a week.`, contact }))),
      version: String((await practiceRow(published)).version),
      revisionNote: `Updated by ${name}`,
      action: 'save',
    });
    assert.equal(edited.statusCode, 303);

    // A comment, a rating and a report on someone else's practice.
    const other = await createMember(testApp);
    const othersSlug = await saveDraft(other.client, samplePractice({ title: `Gardens ${marker}` }));
    await db().updateTable('practices').set({ status: 'published', published_at: new Date() }).where('slug', '=', othersSlug).execute();
    await member.get(`/en/practices/${othersSlug}`);
    assert.equal((await member.post(`/en/practices/${othersSlug}/comments`, { comment: `${phrase}! Write to ${name} at ${email}.` })).statusCode, 303);
    assert.equal((await member.post(`/en/practices/${othersSlug}/rating`, { score: '4' })).statusCode, 303);
    await member.get(`/en/practices/${othersSlug}/flag`);
    const flagged = await member.post(`/en/practices/${othersSlug}/flags`, { subject: 'practice', reason: 'inaccurate', note: `${phrase}, ${name}, ${email}` });
    assert.equal(flagged.statusCode, 303);

    // Mail to them (a reset link) and about them (editors told of the submission).
    await accountService(testApp.deps).requestPasswordReset(email, 'en');
    await testApp.mailSettled();
    const beforeDeletion = await findEverywhere(email);
    assert.ok(beforeDeletion.some((hit) => hit.table === 'public.outbox'), 'mail to the member was queued');
    assert.ok((await findEverywhere(name)).length > 3, 'the name was planted in several tables');

    await member.get('/en/account/delete');
    const deleted = await member.post('/en/account/delete', { currentPassword: PASSWORD });
    assert.equal(deleted.statusCode, 303);

    assert.deepEqual(await findEverywhere(email), [], 'the email address is nowhere');
    assert.deepEqual(await findEverywhere(name), [], 'the name is nowhere');
    assert.deepEqual(await findEverywhere(`Vanterpool${marker}`), [], 'nor the surname alone');

    // The phrase lives on only in what was published: the practice (and its search row and
    // revisions) and the comment.
    const phraseHits = await findEverywhere(phrase);
    const allowed = new Set(['public.practices', 'public.search_documents', 'public.revisions', 'public.comments']);
    assert.deepEqual(phraseHits.filter((hit) => !allowed.has(hit.table)), [], 'the phrase is only in published content');
    const practicesWithPhrase = await db().selectFrom('practices').select(['slug', 'status']).where(sql<boolean>`strpos(summary, ${phrase}) > 0`).execute();
    assert.deepEqual(practicesWithPhrase, [{ slug: published, status: 'published' }]);
    assert.equal(await db().selectFrom('practices').select('id').where('slug', '=', draft).executeTakeFirst(), undefined, 'the draft is gone');
    const revisionsWithPhrase = await db()
      .selectFrom('revisions as r')
      .innerJoin('practices as p', 'p.id', 'r.subject_id')
      .select('p.slug')
      .where('r.kind', '=', 'practice')
      .where(sql<boolean>`strpos(r.snapshot::text, ${phrase}) > 0`)
      .execute();
    assert.ok(revisionsWithPhrase.length > 0 && revisionsWithPhrase.every((row) => row.slug === published));

    const page = await new TestClient(testApp.app).get(`/en/practices/${published}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(phrase), 'the published practice still reads as written');
    assert.equal(submittedBy(page.body, 'en'), 'deleted member');
    assert.equal(submittedBy((await new TestClient(testApp.app).get(`/fr/practices/${published}`)).body, 'fr'), 'membre supprimé');
    assert.equal(submittedBy((await new TestClient(testApp.app).get(`/ar/practices/${published}`)).body, 'ar'), 'عضو محذوف');
    const othersPage = (await new TestClient(testApp.app).get(`/en/practices/${othersSlug}`)).body;
    assert.ok(othersPage.includes(`${phrase}! Write to […] at […].`), 'the comment stays, without the name and address');
    assert.ok(othersPage.includes('deleted member'), 'the comment is credited to a deleted member');

    // Ratings went with the account, the totals with them; the report stays for moderators.
    const totals = await db().selectFrom('rating_totals').select(['count']).where('kind', '=', 'practice').execute();
    assert.ok(totals.every((row) => row.count === 0));
    const report = await db().selectFrom('content_flags').select(['reporter_id', 'note', 'reason']).where('subject', 'like', 'practice:%').executeTakeFirstOrThrow();
    assert.deepEqual(report, { reporter_id: null, note: '', reason: 'inaccurate' });
  });
});

describe('"Download all your data"', () => {
  test('holds what the member wrote and did, and nothing of other people', async () => {
    const author = await createMember(testApp, { name: 'Export Author' });
    const reader = await createMember(testApp, { name: 'Export Reader' });
    const slug = await saveDraft(author.client, samplePractice({ title: 'Export kitchens', summary: 'Cooking together.' }));
    await db().updateTable('practices').set({ status: 'published', published_at: new Date() }).where('slug', '=', slug).execute();
    await author.client.get(`/en/practices/${slug}/edit`);
    const edited = await author.client.post(`/en/practices/${slug}/edit`, {
      ...formBodyOf(fieldsFromInput(samplePractice({ title: 'Export kitchens', summary: 'Cooking together, weekly.' }))),
      version: String((await practiceRow(slug)).version),
      revisionNote: 'Weekly now',
      action: 'save',
    });
    assert.equal(edited.statusCode, 303);
    await reader.client.get(`/en/practices/${slug}`);
    await reader.client.post(`/en/practices/${slug}/comments`, { comment: 'A comment by the reader.' });
    await author.client.get(`/en/practices/${slug}`);
    await author.client.post(`/en/practices/${slug}/comments`, { comment: 'Thanks for reading.' });
    await reader.client.post(`/en/practices/${slug}/rating`, { score: '5' });
    await reader.client.get(`/en/practices/${slug}/flag`);
    await reader.client.post(`/en/practices/${slug}/flags`, { subject: 'practice', reason: 'inaccurate', note: 'The dates look wrong' });

    const authorExport = await author.client.get('/en/account/export');
    assert.equal(authorExport.statusCode, 200);
    const { content } = JSON.parse(authorExport.body) as { content: Record<string, Record<string, unknown>[]> };
    // The author's edit of the published practice waits for an editor: the export holds both.
    assert.deepEqual(content.practices?.map((practice) => [practice.slug, practice.status, practice.summary]), [[slug, 'published', 'Cooking together.']]);
    assert.deepEqual(
      content.pendingChanges?.map((change) => [change.note, (change.snapshot as { summary?: string }).summary]),
      [['Weekly now', 'Cooking together, weekly.']],
    );
    assert.deepEqual(content.practices?.[0]?.organisations, [{ role: 'implementing', name: 'City of Lyon', stakeholder_type: 'local_government' }]);
    assert.deepEqual(content.comments?.map((comment) => comment.body), ['Thanks for reading.']);
    assert.deepEqual(content.ratings, []);
    assert.ok(!authorExport.body.includes('A comment by the reader'), "another member's comment is not in the export");
    assert.ok(!authorExport.body.includes(reader.email) && !authorExport.body.includes('Export Reader'), 'nor their name or address');

    const readerExport = JSON.parse((await reader.client.get('/en/account/export')).body) as { content: Record<string, Record<string, unknown>[]> };
    assert.deepEqual(readerExport.content.ratings?.map((rating) => rating.score), [5]);
    assert.deepEqual(readerExport.content.reports?.map((report) => [report.reason, report.note]), [['inaccurate', 'The dates look wrong']]);
    assert.deepEqual(readerExport.content.practices, []);
  });
});
