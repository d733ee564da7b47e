import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lastMailTo, startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { samplePdf } from '../../test/sample-files.ts';
import { samplePractice } from './fixtures.ts';
import type { PracticeInput } from './model.ts';
import { fieldsFromInput, formBodyOf } from './practice-form.ts';
import { practiceService } from './service.ts';

/** Edits of a published practice go through review (editorial/pending.ts), seen through HTTP. */

let testApp: TestApp;
let author: TestMember;
let editor: TestMember;
let stranger: TestMember;
before(async () => {
  testApp = await startTestApp();
  author = await createMember(testApp, { name: 'Amina Author' });
  editor = await createMember(testApp, { role: 'editor', name: 'Erin Editor' });
  stranger = await createMember(testApp, { name: 'Sam Stranger' });
});
after(() => testApp.close());

const db = () => testApp.deps.db;
let counter = 0;

async function publishedPractice(overrides: Partial<PracticeInput> = {}): Promise<{ slug: string; input: PracticeInput }> {
  counter += 1;
  const input = samplePractice({ title: `Welcome desks number ${counter}`, ...overrides });
  const slug = await practiceService(testApp.deps).create(input, { authorId: author.id, status: 'published' });
  return { slug, input };
}

async function practiceRow(slug: string) {
  return db().selectFrom('practices').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
}

/** Opens the edit form (for its CSRF token and versions) and saves `input` from it. */
async function saveEdit(member: TestMember, slug: string, input: PracticeInput, extra: Record<string, string> = {}) {
  const form = await member.client.get(`/en/practices/${slug}/edit`);
  const pendingVersion = /name="pendingVersion" value="(\d+)"/.exec(form.body)?.[1] ?? '0';
  const { version } = await practiceRow(slug);
  return member.client.post(`/en/practices/${slug}/edit`, {
    ...formBodyOf(fieldsFromInput(input)),
    version: String(version),
    pendingVersion,
    action: 'save',
    ...extra,
  });
}

async function pendingVersionOf(slug: string): Promise<string> {
  const { id } = await practiceRow(slug);
  const row = await db().selectFrom('pending_changes').select('version').where('kind', '=', 'practice').where('subject_id', '=', id).executeTakeFirst();
  return String(row?.version ?? 0);
}

async function revisionCount(slug: string): Promise<number> {
  const { id } = await practiceRow(slug);
  const row = await db().selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'practice').where('subject_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

const visitor = () => new TestClient(testApp.app);

describe('an author edits a published practice', () => {
  test('the published version stays public; the change waits in the queue with its diff; approving publishes it with a revision', async () => {
    const { slug, input } = await publishedPractice();
    const edited = { ...input, summary: 'A single desk, and now a mobile bus, where newly arrived migrants get advice on harbourwide housing.' };
    const saved = await saveEdit(author, slug, edited, { revisionNote: 'Added the bus' });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
    assert.equal(saved.headers.location, `/en/practices/${slug}/edit?done=pending`);

    // Every public surface still shows the published version.
    const page = await visitor().get(`/en/practices/${slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /A single desk where newly arrived migrants/);
    assert.doesNotMatch(page.body, /mobile bus/);
    assert.doesNotMatch((await visitor().get(`/api/v1/practices/${slug}`)).body, /mobile bus/);
    assert.doesNotMatch((await visitor().get('/en/practices?q=harbourwide')).body, new RegExp(slug));
    assert.doesNotMatch((await visitor().get('/feeds/practices.atom')).body, /mobile bus/);
    assert.doesNotMatch((await visitor().get('/api/v1/practices/export.csv')).body, /mobile bus/);
    assert.equal(await revisionCount(slug), 1);

    // The author sees that the change waits, and edits it (not the published text) again.
    const form = await author.client.get(`/en/practices/${slug}/edit?done=pending`);
    assert.match(form.body, /Your changes are waiting for an editor/);
    assert.match(form.body, /mobile bus/);
    const mine = await author.client.get('/en/practices/mine');
    assert.match(mine.body, /Changes pending/);

    // Editors are told, as for a submission.
    const mail = await lastMailTo(testApp.deps, editor.email);
    assert.match(mail?.subject ?? '', /^Changes to review: Welcome desks number/);
    assert.match(mail?.body ?? '', new RegExp(`/en/review/${slug}`));

    // The queue lists it as changes pending; the review page shows the diff against the published version.
    const queue = await editor.client.get('/en/review');
    assert.match(queue.body, new RegExp(`href="/en/review/${slug}"`));
    assert.match(queue.body, /Changes pending/);
    const filtered = await editor.client.get('/en/review?state=changes_pending&kind=practice');
    assert.match(filtered.body, new RegExp(`href="/en/review/${slug}"`));
    const review = await editor.client.get(`/en/review/${slug}`);
    assert.match(review.body, /Changes waiting for review/);
    assert.match(review.body, /<ins><span class="visually-hidden">\[added: <\/span>and now a mobile bus, /);
    assert.match(review.body, /no more than 80 characters of text/);
    assert.match(review.body, /The author’s note: Added the bus/);

    const approved = await editor.client.post(`/en/review/${slug}/changes/approve`, { pendingVersion: await pendingVersionOf(slug) });
    assert.equal(approved.statusCode, 303);
    assert.equal(approved.headers.location, `/en/review/${slug}?done=changeApproved`);
    assert.match((await visitor().get(`/en/practices/${slug}`)).body, /mobile bus/);
    assert.match((await visitor().get('/en/practices?q=harbourwide')).body, new RegExp(slug), 'search finds the approved text');
    assert.equal(await revisionCount(slug), 2);
    const history = await visitor().get(`/en/practices/${slug}/history`);
    assert.match(history.body, /Note: Added the bus/);
    assert.match(history.body, /Changed by Amina Author/);
    assert.equal(await pendingVersionOf(slug), '0', 'nothing is pending any more');
    assert.match((await lastMailTo(testApp.deps, author.email))?.subject ?? '', /^Your changes are published/);
  });

  test('a second edit updates the one pending change; an edit on a stale form is refused', async () => {
    const { slug, input } = await publishedPractice();
    assert.equal((await saveEdit(author, slug, { ...input, outcomes: 'First try.' })).statusCode, 303);
    assert.equal((await saveEdit(author, slug, { ...input, outcomes: 'Second try.' })).statusCode, 303);
    const { id, version } = await practiceRow(slug);
    const rows = await db().selectFrom('pending_changes').select(['snapshot', 'version']).where('kind', '=', 'practice').where('subject_id', '=', id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.snapshot.outcomes, 'Second try.');
    assert.equal(rows[0]?.version, 2);

    // A form opened before the second save names the first pending version: nothing is lost.
    await author.client.get(`/en/practices/${slug}/edit`);
    const stale = await author.client.post(`/en/practices/${slug}/edit`, {
      ...formBodyOf(fieldsFromInput({ ...input, outcomes: 'Stale try.' })),
      version: String(version),
      pendingVersion: '1',
      action: 'save',
    });
    assert.equal(stale.statusCode, 409);
    const after = await db().selectFrom('pending_changes').select('snapshot').where('kind', '=', 'practice').where('subject_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(after.snapshot.outcomes, 'Second try.');

    // Two approvals of the same change at once: one publishes it, the other is refused.
    const pendingVersion = await pendingVersionOf(slug);
    await editor.client.get(`/en/review/${slug}`);
    const [first, second] = await Promise.all([
      editor.client.post(`/en/review/${slug}/changes/approve`, { pendingVersion }),
      editor.client.post(`/en/review/${slug}/changes/approve`, { pendingVersion }),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [303, 409]);
    assert.equal(await revisionCount(slug), 2, 'one revision, not two');
    assert.equal((await practiceRow(slug)).outcomes, 'Second try.');
  });

  test('an editor returns the change with a note; the author reads it, edits again, then withdraws it', async () => {
    const { slug, input } = await publishedPractice();
    await saveEdit(author, slug, { ...input, evaluation: 'An external evaluation by the university.' });
    await editor.client.get(`/en/review/${slug}`);

    const noNote = await editor.client.post(`/en/review/${slug}/changes/return`, { pendingVersion: await pendingVersionOf(slug), editorNote: '  ' });
    assert.equal(noNote.statusCode, 422);
    assert.match(noNote.body, /Write a note telling the author what to change/);
    assert.equal((await db().selectFrom('pending_changes').select('state').where('kind', '=', 'practice').executeTakeFirstOrThrow()).state, 'pending');

    const returned = await editor.client.post(`/en/review/${slug}/changes/return`, { pendingVersion: await pendingVersionOf(slug), editorNote: 'Name the university.' });
    assert.equal(returned.statusCode, 303);
    assert.doesNotMatch((await editor.client.get('/en/review')).body, new RegExp(`href="/en/review/${slug}"`), 'a returned change is the author’s again');
    const mail = await lastMailTo(testApp.deps, author.email);
    assert.match(mail?.body ?? '', /Name the university\./);

    const form = await author.client.get(`/en/practices/${slug}/edit`);
    assert.match(form.body, /The editors returned your changes/);
    assert.match(form.body, /The editors’ note: Name the university\./);
    assert.match(form.body, /An external evaluation by the university\./);
    assert.match((await author.client.get('/en/practices/mine')).body, /Changes returned/);

    assert.equal((await saveEdit(author, slug, { ...input, evaluation: 'An external evaluation by the University of Lyon.' })).statusCode, 303);
    assert.match((await editor.client.get('/en/review?state=changes_pending')).body, new RegExp(`href="/en/review/${slug}"`), 'back in the queue');

    // Neither a stranger nor a visitor may withdraw it; its author may.
    const pendingVersion = await pendingVersionOf(slug);
    await stranger.client.get('/en/practices/mine');
    assert.equal((await stranger.client.post(`/en/practices/${slug}/changes/withdraw`, { pendingVersion })).statusCode, 403);
    assert.notEqual((await visitor().post(`/en/practices/${slug}/changes/withdraw`, { pendingVersion })).statusCode, 303);
    await author.client.get(`/en/practices/${slug}/edit`);
    const withdrawn = await author.client.post(`/en/practices/${slug}/changes/withdraw`, { pendingVersion });
    assert.equal(withdrawn.statusCode, 303);
    assert.equal(withdrawn.headers.location, `/en/practices/${slug}/edit?done=withdrawn`);
    assert.equal(await pendingVersionOf(slug), '0');
    assert.match((await visitor().get(`/en/practices/${slug}`)).body, /Internal review of visitor numbers/);
    assert.equal(await revisionCount(slug), 1);
  });

  test('small corrections go live at once only where an editor allowed them, and only small ones', async () => {
    const { slug, input } = await publishedPractice();
    const typo = { ...input, outcomes: 'Waiting times fell and more newcomers enroled in language courses.' };

    // Not allowed: even a typo waits for review.
    assert.equal((await saveEdit(author, slug, typo)).headers.location, `/en/practices/${slug}/edit?done=pending`);
    await author.client.get(`/en/practices/${slug}/edit`);
    await author.client.post(`/en/practices/${slug}/changes/withdraw`, { pendingVersion: await pendingVersionOf(slug) });

    // Only editors flip the switch.
    await author.client.get('/en/practices/mine');
    assert.equal((await author.client.post(`/en/review/${slug}/small-corrections`, { allow: 'yes' })).statusCode, 403);
    await editor.client.get(`/en/review/${slug}`);
    assert.equal((await editor.client.post(`/en/review/${slug}/small-corrections`, { allow: 'maybe' })).statusCode, 400);
    const allowed = await editor.client.post(`/en/review/${slug}/small-corrections`, { allow: 'yes' });
    assert.equal(allowed.statusCode, 303);
    assert.match((await editor.client.get(`/en/review/${slug}?done=correctionsAllowed`)).body, /may publish small corrections at once/);

    // Allowed: a typo goes live at once, with a revision.
    const small = await saveEdit(author, slug, typo, { revisionNote: 'Typo' });
    assert.equal(small.headers.location, `/en/practices/${slug}/edit?done=saved`);
    assert.match((await visitor().get(`/en/practices/${slug}`)).body, /enroled in language courses/);
    assert.equal(await revisionCount(slug), 2);

    // A new paragraph, a new title or another country still goes to review.
    const longer = { ...typo, outcomes: `${typo.outcomes} A follow-up survey a year later showed that most of them had found stable work and housing.` };
    assert.equal((await saveEdit(author, slug, longer)).headers.location, `/en/practices/${slug}/edit?done=pending`);
    await author.client.post(`/en/practices/${slug}/changes/withdraw`, { pendingVersion: await pendingVersionOf(slug) });
    assert.equal((await saveEdit(author, slug, { ...typo, title: `${typo.title}!` })).headers.location, `/en/practices/${slug}/edit?done=pending`);
    await author.client.post(`/en/practices/${slug}/changes/withdraw`, { pendingVersion: await pendingVersionOf(slug) });
    assert.equal((await saveEdit(author, slug, { ...typo, countries: ['FR', 'BE'] })).headers.location, `/en/practices/${slug}/edit?done=pending`);
    assert.doesNotMatch((await visitor().get(`/en/practices/${slug}`)).body, /Belgium/);
  });

  test('editors’ own edits go live; others may not approve, return or edit; bad input is a 422, not a 500', async () => {
    const { slug, input } = await publishedPractice();
    assert.equal((await saveEdit(editor, slug, { ...input, background: 'Edited by the editors directly.' })).headers.location, `/en/practices/${slug}/edit?done=saved`);
    assert.match((await visitor().get(`/en/practices/${slug}`)).body, /Edited by the editors directly\./);

    await saveEdit(author, slug, { ...input, background: 'Edited by the author.' });
    const pendingVersion = await pendingVersionOf(slug);
    for (const member of [author, stranger]) {
      await member.client.get('/en/practices/mine');
      assert.equal((await member.client.post(`/en/review/${slug}/changes/approve`, { pendingVersion })).statusCode, 403);
      assert.equal((await member.client.post(`/en/review/${slug}/changes/return`, { pendingVersion, editorNote: 'No' })).statusCode, 403);
    }
    assert.notEqual((await visitor().post(`/en/review/${slug}/changes/approve`, { pendingVersion })).statusCode, 303);
    assert.equal((await saveEdit(stranger, slug, { ...input, background: 'Vandalised.' })).statusCode, 403);
    assert.equal(await pendingVersionOf(slug), pendingVersion, 'nothing moved');

    await editor.client.get(`/en/review/${slug}`);
    assert.equal((await editor.client.post(`/en/review/${slug}/changes/approve`, { pendingVersion: 'abc' })).statusCode, 400);
    const tooLong = await editor.client.post(`/en/review/${slug}/changes/return`, { pendingVersion, editorNote: 'x'.repeat(5001) });
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /5,000 characters or fewer/);

    // An editor's direct edit made after the change was proposed: approving the change would undo
    // it, so the approval is refused and the published text stays.
    assert.equal((await saveEdit(editor, slug, { ...input, background: 'A later direct edit.' })).statusCode, 303);
    const outdated = await editor.client.post(`/en/review/${slug}/changes/approve`, { pendingVersion });
    assert.equal(outdated.statusCode, 409);
    assert.match(outdated.body, /The published version changed after this change was proposed/);
    assert.match((await visitor().get(`/en/practices/${slug}`)).body, /A later direct edit\./);

    // A file added to a proposed change is refused with a clear message, and nothing is kept.
    const { version } = await practiceRow(slug);
    await author.client.get(`/en/practices/${slug}/edit`);
    const withFile = await author.client.postMultipart(
      `/en/practices/${slug}/edit`,
      { ...formBodyOf(fieldsFromInput(input)), version: String(version), pendingVersion, action: 'save' },
      [{ field: 'attachments', filename: 'report.pdf', contentType: 'application/pdf', content: samplePdf() }],
    );
    assert.equal(withFile.statusCode, 422);
    assert.match(withFile.body, /Files of a published item cannot be changed in a proposed change/);
    assert.equal(await pendingVersionOf(slug), pendingVersion);
  });
});
