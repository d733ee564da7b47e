import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { DEFAULT_PAGE_SIZE } from '../../platform/pagination.ts';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { samplePractice } from './fixtures.ts';
import { excerptOf } from '../../engagement/moderation/service.ts';
import { practiceService } from './service.ts';

let testApp: TestApp;
let editor: TestMember;
before(async () => {
  testApp = await startTestApp();
  editor = await createMember(testApp, { role: 'editor', name: 'Eda Editor' });
});
after(() => testApp.close());

const db = () => testApp.deps.db;

// Each test starts from an empty queue, so counts and order are the test's own.
beforeEach(async () => {
  await db().deleteFrom('content_flags').execute();
  await db().deleteFrom('audit_log').execute();
});

const practiceSubject = (id: number): string => `practice:${id}`;
const commentSubject = (id: number): string => `comment:${id}`;

let titles = 0;
async function publishedPractice(title = `Flagged practice ${++titles}`): Promise<{ id: number; slug: string; title: string }> {
  const slug = await practiceService(testApp.deps).create(samplePractice({ title }), { authorId: null, status: 'published' });
  const { id } = await db().selectFrom('practices').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return { id, slug, title };
}

async function comment(practiceId: number, authorId: number, body: string): Promise<number> {
  const row = await db().insertInto('comments').values({ kind: 'practice', subject_id: practiceId, author_id: authorId, body }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function flag(subject: string, reporterId: number | null, options: { reason?: string; note?: string; at?: Date } = {}): Promise<number> {
  const row = await db()
    .insertInto('content_flags')
    .values({ subject, reporter_id: reporterId, reason: options.reason ?? 'spam', note: options.note ?? '', created_at: options.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function flagRow(id: number) {
  return db().selectFrom('content_flags').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function auditRows() {
  return db().selectFrom('audit_log').select(['actor_id', 'action', 'subject', 'details']).orderBy('id').execute();
}

/** The queue's reports in page order, by their ids. */
function flagIdsIn(html: string): number[] {
  return [...html.matchAll(/<li class="flag" id="flag-(\d+)"/g)].map((match) => Number(match[1]));
}

describe('the moderation queue', () => {
  test('lists open reports newest first, with what was reported, the reason, the note as text, who and when', async () => {
    const reporter = await createMember(testApp, { name: 'Rita Reporter' });
    const leaving = await createMember(testApp, { name: 'Soon Gone' });
    const writer = await createMember(testApp, { name: 'Wanda Writer' });
    const practice = await publishedPractice('Language cafés in Lyon');
    const commentId = await comment(practice.id, writer.id, 'Buy cheap watches at <b>example.com</b>');
    const removedId = await comment(practice.id, writer.id, 'Something an editor already removed');
    await db().updateTable('comments').set({ removed_at: new Date(), removed_by: editor.id }).where('id', '=', removedId).execute();

    const onPractice = await flag(practiceSubject(practice.id), reporter.id, { reason: 'inaccurate', note: '<script>alert(1)</script> wrong city', at: new Date('2026-03-01T10:00:00Z') });
    const onComment = await flag(commentSubject(commentId), leaving.id, { reason: 'spam', at: new Date('2026-03-02T10:00:00Z') });
    const onRemoved = await flag(commentSubject(removedId), reporter.id, { reason: 'offensive', at: new Date('2026-03-03T10:00:00Z') });
    const resolved = await flag(practiceSubject(practice.id), writer.id, { at: new Date('2026-03-04T10:00:00Z') });
    await db().updateTable('content_flags').set({ resolved_at: new Date(), resolved_by: editor.id }).where('id', '=', resolved).execute();
    await db().updateTable('users').set({ deleted_at: new Date(), name: null }).where('id', '=', leaving.id).execute();

    const page = await editor.client.get('/en/review/flags');
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.match(html, /<h1>Reports to moderate<\/h1>/);
    assert.deepEqual(flagIdsIn(html), [onRemoved, onComment, onPractice], 'open ones only, newest first');
    assert.match(html, /3 open reports, newest first/);

    assert.match(html, new RegExp(`<a href="/en/practices/${practice.slug}" lang="en">Language cafés in Lyon</a>`));
    assert.match(html, /<q class="flag__excerpt" dir="auto">Buy cheap watches at &lt;b>example.com&lt;\/b><\/q>/, 'comment text as text');
    assert.match(html, /Comment removed by an editor/);
    assert.doesNotMatch(html, /Something an editor already removed/, 'a removed comment is not shown again');
    assert.match(html, /Inaccurate or misleading/);
    assert.match(html, /Spam or advertising/);
    assert.match(html, /&lt;script>alert\(1\)&lt;\/script> wrong city/, 'the note as text');
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /Rita Reporter/);
    assert.match(html, /deleted member/);
    assert.match(html, /Wanda Writer/, 'who wrote the comment');
    assert.match(html, /<time datetime="2026-03-01T10:00:00.000Z">/);

    // Each report can be dismissed; only the comment that is still there can be removed.
    for (const id of [onPractice, onComment, onRemoved]) assert.match(html, new RegExp(`action="/en/review/flags/${id}/dismiss"`));
    assert.match(html, new RegExp(`action="/en/review/flags/${onComment}/remove-comment"`));
    assert.doesNotMatch(html, new RegExp(`/review/flags/(${onPractice}|${onRemoved})/remove-comment`));
    assert.match(html, /name="_csrf"/);
  });

  test('a report on content that no longer exists says so and can be dismissed', async () => {
    const reporter = await createMember(testApp);
    const gone = await flag(commentSubject(999_999), reporter.id);
    const html = (await editor.client.get('/en/review/flags')).body;
    assert.match(html, /This content no longer exists/);
    assert.match(html, new RegExp(`action="/en/review/flags/${gone}/dismiss"`));
    assert.doesNotMatch(html, /remove-comment/);
  });

  test('is paginated; a page past the end is 404', async () => {
    const reporter = await createMember(testApp);
    const practice = await publishedPractice();
    const start = Date.parse('2026-01-01T00:00:00Z');
    const ids: number[] = [];
    for (let n = 0; n < DEFAULT_PAGE_SIZE + 2; n += 1) {
      // One reporter cannot flag the same thing twice while open: each flag is on its own comment.
      const commentId = await comment(practice.id, reporter.id, `Comment ${n}`);
      ids.push(await flag(commentSubject(commentId), reporter.id, { at: new Date(start + n * 60_000) }));
    }
    const first = await editor.client.get('/en/review/flags');
    assert.deepEqual(flagIdsIn(first.body), ids.slice(2).reverse());
    assert.match(first.body, /href="\/en\/review\/flags\?page=2"/);
    const second = await editor.client.get('/en/review/flags?page=2');
    assert.deepEqual(flagIdsIn(second.body), [ids[1], ids[0]]);
    assert.equal((await editor.client.get('/en/review/flags?page=3')).statusCode, 404);
    assert.equal((await editor.client.get('/en/review/flags?page=zero')).statusCode, 400);
  });

  test('is for editors and admins: members get 403, visitors are sent to sign in', async () => {
    const member = await createMember(testApp);
    const admin = await createMember(testApp, { role: 'admin' });
    const practice = await publishedPractice();
    const id = await flag(practiceSubject(practice.id), member.id);
    assert.equal((await admin.client.get('/en/review/flags')).statusCode, 200);
    assert.equal((await member.client.get('/en/review/flags')).statusCode, 403);
    const visitor = await new TestClient(testApp.app).get('/en/review/flags');
    assert.equal(visitor.statusCode, 303);
    assert.match(String(visitor.headers.location), /^\/en\/login\?next=%2Fen%2Freview%2Fflags/);

    // A valid CSRF token (from the comment form), so the refusal is the role check's.
    await member.client.get(`/en/practices/${practice.slug}`);
    assert.equal((await member.client.post(`/en/review/flags/${id}/dismiss`)).statusCode, 403);
    assert.equal((await flagRow(id)).resolved_at, null);
  });

  test('the review queue links to it with the number of open reports', async () => {
    const reporter = await createMember(testApp);
    const practice = await publishedPractice();
    await flag(practiceSubject(practice.id), reporter.id);
    await flag(practiceSubject(practice.id), editor.id);
    const review = await editor.client.get('/en/review');
    assert.match(review.body, /<a href="\/en\/review\/flags">2 reports to moderate<\/a>/);
    const french = await editor.client.get('/fr/review');
    assert.match(french.body, /<a href="\/fr\/review\/flags">2 signalements à traiter<\/a>/);
  });

  test('renders in French and in Arabic, right to left', async () => {
    const reporter = await createMember(testApp);
    await flag(practiceSubject((await publishedPractice()).id), reporter.id, { reason: 'personal_data' });
    const french = await editor.client.get('/fr/review/flags');
    assert.match(french.body, /<h1>Signalements à traiter<\/h1>/);
    assert.match(french.body, /Divulgation d’informations personnelles/);
    assert.match(french.body, /Classer sans suite/);
    const arabic = await editor.client.get('/ar/review/flags');
    assert.match(arabic.body, /<html lang="ar" dir="rtl"/);
    assert.match(arabic.body, /رفض البلاغ/);
  });
});

describe('dismissing a report', () => {
  test('resolves it, keeps the content, writes the audit log and goes back to the queue', async () => {
    const reporter = await createMember(testApp);
    const practice = await publishedPractice();
    const id = await flag(practiceSubject(practice.id), reporter.id, { reason: 'inaccurate' });
    const other = await flag(practiceSubject(practice.id), editor.id);

    await editor.client.get('/en/review/flags');
    const dismissed = await editor.client.post(`/en/review/flags/${id}/dismiss`, { page: '1' });
    assert.equal(dismissed.statusCode, 303);
    assert.equal(dismissed.headers.location, '/en/review/flags?done=dismissed');

    const row = await flagRow(id);
    assert.ok(row.resolved_at, 'resolved');
    assert.equal(row.resolved_by, editor.id);
    assert.equal((await flagRow(other)).resolved_at, null, 'other reports on the same practice stay open');
    const practiceRow = await db().selectFrom('practices').select('status').where('id', '=', practice.id).executeTakeFirstOrThrow();
    assert.equal(practiceRow.status, 'published', 'the content is kept');
    assert.deepEqual(await auditRows(), [
      { actor_id: editor.id, action: 'flag.dismissed', subject: `flag:${id}`, details: { flagged: practiceSubject(practice.id), reason: 'inaccurate' } },
    ]);

    const after = await editor.client.get(String(dismissed.headers.location));
    assert.match(after.body, /The report has been dismissed/);
    assert.deepEqual(flagIdsIn(after.body), [other]);
  });

  test('twice changes nothing the second time and is not an error; an unknown report is 404', async () => {
    const reporter = await createMember(testApp);
    const id = await flag(practiceSubject((await publishedPractice()).id), reporter.id);
    await editor.client.get('/en/review/flags');
    await editor.client.post(`/en/review/flags/${id}/dismiss`);
    const resolvedAt = (await flagRow(id)).resolved_at;

    const again = await editor.client.post(`/en/review/flags/${id}/dismiss`);
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, '/en/review/flags?done=alreadyResolved');
    assert.deepEqual((await flagRow(id)).resolved_at, resolvedAt);
    assert.equal((await auditRows()).length, 1, 'logged once');
    assert.match((await editor.client.get(String(again.headers.location))).body, /Another editor had already dealt with this report/);

    assert.equal((await editor.client.post('/en/review/flags/999999/dismiss')).statusCode, 404);
    assert.equal((await editor.client.post('/en/review/flags/abc/dismiss')).statusCode, 400);
  });

  test('two editors at once: one dismisses, the other finds it done, one audit entry', async () => {
    const reporter = await createMember(testApp);
    const second = await createMember(testApp, { role: 'admin' });
    const id = await flag(practiceSubject((await publishedPractice()).id), reporter.id);
    await editor.client.get('/en/review/flags');
    await second.client.get('/en/review/flags');
    const responses = await Promise.all([editor.client.post(`/en/review/flags/${id}/dismiss`), second.client.post(`/en/review/flags/${id}/dismiss`)]);
    assert.deepEqual(responses.map((response) => response.statusCode), [303, 303]);
    assert.deepEqual(responses.map((response) => String(response.headers.location)).sort(), ['/en/review/flags?done=alreadyResolved', '/en/review/flags?done=dismissed']);
    assert.equal((await auditRows()).length, 1);
  });

  test('needs the CSRF token', async () => {
    const reporter = await createMember(testApp);
    const id = await flag(practiceSubject((await publishedPractice()).id), reporter.id);
    const forged = await editor.client.post(`/en/review/flags/${id}/dismiss`, { _csrf: 'forged' });
    assert.equal(forged.statusCode, 403);
    assert.equal((await flagRow(id)).resolved_at, null);
  });

  test('sends the editor back to the page they were on, or the last one left', async () => {
    const reporter = await createMember(testApp);
    const practice = await publishedPractice();
    const ids: number[] = [];
    for (let n = 0; n < DEFAULT_PAGE_SIZE + 1; n += 1) {
      const commentId = await comment(practice.id, reporter.id, `Comment ${n}`);
      ids.push(await flag(commentSubject(commentId), reporter.id, { at: new Date(Date.parse('2026-01-01T00:00:00Z') + n * 60_000) }));
    }
    await editor.client.get('/en/review/flags?page=2');
    // Page 2 holds only the oldest report: once it is settled, page 1 is the last page.
    const settled = await editor.client.post(`/en/review/flags/${ids[0]}/dismiss`, { page: '2' });
    assert.equal(settled.headers.location, '/en/review/flags?done=dismissed');
    for (const text of ['One more', 'And another']) {
      await flag(commentSubject(await comment(practice.id, reporter.id, text)), reporter.id, { at: new Date('2025-01-01T00:00:00Z') });
    }
    // 27 open: settling one leaves 26, two pages, so the editor stays on page 2.
    const stays = await editor.client.post(`/en/review/flags/${ids[1]}/dismiss`, { page: '2' });
    assert.equal(stays.headers.location, '/en/review/flags?done=dismissed&page=2');
  });
});

describe('removing a reported comment', () => {
  test('soft-removes it, resolves every open report on it, writes the audit log', async () => {
    const first = await createMember(testApp);
    const second = await createMember(testApp);
    const writer = await createMember(testApp);
    const practice = await publishedPractice();
    const commentId = await comment(practice.id, writer.id, 'Insults another member');
    const keptId = await comment(practice.id, writer.id, 'A fair question');
    const id = await flag(commentSubject(commentId), first.id, { reason: 'offensive' });
    const sameComment = await flag(commentSubject(commentId), second.id, { reason: 'spam' });
    const otherComment = await flag(commentSubject(keptId), first.id);

    await editor.client.get('/en/review/flags');
    const removed = await editor.client.post(`/en/review/flags/${id}/remove-comment`, { page: '1' });
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, '/en/review/flags?done=removed');

    const row = await db().selectFrom('comments').select(['removed_at', 'removed_by', 'body']).where('id', '=', commentId).executeTakeFirstOrThrow();
    assert.ok(row.removed_at, 'removed');
    assert.equal(row.removed_by, editor.id);
    assert.equal(row.body, 'Insults another member', 'soft removal: the text is kept for the record');
    assert.ok((await flagRow(id)).resolved_at);
    assert.equal((await flagRow(sameComment)).resolved_by, editor.id, 'every open report on the comment');
    assert.equal((await flagRow(otherComment)).resolved_at, null, 'reports on other comments stay open');
    assert.deepEqual(await auditRows(), [
      { actor_id: editor.id, action: 'comment.removed', subject: commentSubject(commentId), details: { practice: practice.slug, flagsResolved: 2 } },
    ]);

    const pageOfPractice = await new TestClient(testApp.app).get(`/en/practices/${practice.slug}`);
    assert.match(pageOfPractice.body, /Comment removed by an editor/);
    assert.doesNotMatch(pageOfPractice.body, /Insults another member/);
    assert.match((await editor.client.get(String(removed.headers.location))).body, /The comment has been removed and every report on it is resolved/);
  });

  test('removing it from the practice page settles its reports and writes the audit log too', async () => {
    const reporter = await createMember(testApp);
    const writer = await createMember(testApp);
    const practice = await publishedPractice();
    const commentId = await comment(practice.id, writer.id, 'Spam with a link');
    const id = await flag(commentSubject(commentId), reporter.id, { reason: 'spam' });

    await editor.client.get(`/en/practices/${practice.slug}`);
    const removed = await editor.client.post(`/en/practices/${practice.slug}/comments/${commentId}/remove`);
    assert.equal(removed.statusCode, 303);
    assert.equal((await flagRow(id)).resolved_by, editor.id);
    assert.deepEqual(await auditRows(), [
      { actor_id: editor.id, action: 'comment.removed', subject: commentSubject(commentId), details: { practice: practice.slug, flagsResolved: 1 } },
    ]);
  });

  test('on a report already settled changes nothing; a report on a practice is refused; an unknown one is 404', async () => {
    const reporter = await createMember(testApp);
    const practice = await publishedPractice();
    const commentId = await comment(practice.id, reporter.id, 'Still here');
    const id = await flag(commentSubject(commentId), reporter.id);
    await editor.client.get('/en/review/flags');
    await editor.client.post(`/en/review/flags/${id}/dismiss`);

    const late = await editor.client.post(`/en/review/flags/${id}/remove-comment`);
    assert.equal(late.statusCode, 303);
    assert.equal(late.headers.location, '/en/review/flags?done=alreadyResolved');
    const row = await db().selectFrom('comments').select('removed_at').where('id', '=', commentId).executeTakeFirstOrThrow();
    assert.equal(row.removed_at, null, 'a dismissed report does not remove the comment later');
    assert.deepEqual((await auditRows()).map((entry) => entry.action), ['flag.dismissed']);

    const onPractice = await flag(practiceSubject(practice.id), reporter.id);
    assert.equal((await editor.client.post(`/en/review/flags/${onPractice}/remove-comment`)).statusCode, 409);
    assert.equal((await editor.client.post('/en/review/flags/999999/remove-comment')).statusCode, 404);
  });
});

describe('the audit log', () => {
  test('labels moderation decisions in the admins’ language', async () => {
    const admin = await createMember(testApp, { role: 'admin' });
    const reporter = await createMember(testApp);
    const practice = await publishedPractice();
    const dismissed = await flag(practiceSubject(practice.id), reporter.id);
    const removed = await flag(commentSubject(await comment(practice.id, reporter.id, 'Spam link')), reporter.id);
    await editor.client.get('/en/review/flags');
    await editor.client.post(`/en/review/flags/${dismissed}/dismiss`);
    await editor.client.post(`/en/review/flags/${removed}/remove-comment`);

    const english = await admin.client.get('/en/admin/audit');
    assert.match(english.body, /Report dismissed/);
    assert.match(english.body, /Comment removed/);
    const spanish = await admin.client.get('/es/admin/audit');
    assert.match(spanish.body, /Denuncia desestimada/);
    assert.match(spanish.body, /Comentario retirado/);
  });
});

describe('excerpts', () => {
  test('short comments whole; long ones cut near a word boundary with an ellipsis', () => {
    assert.equal(excerptOf('Short text', 20), 'Short text');
    assert.equal(excerptOf('one two three four five six', 20), 'one two three four…');
    assert.equal(excerptOf('x'.repeat(30), 20), `${'x'.repeat(20)}…`);
  });
});
