import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lastMailTo, startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { resourceForm as fixtureForm } from './fixtures.ts';

/** Edits of a published resource go through review, on the same shared machinery as practices. */

let testApp: TestApp;
let author: TestMember;
let editor: TestMember;
let stranger: TestMember;
before(async () => {
  testApp = await startTestApp();
  author = await createMember(testApp, { name: 'Amal Author' });
  editor = await createMember(testApp, { role: 'editor', name: 'Eda Editor' });
  stranger = await createMember(testApp, { name: 'Sam Stranger' });
});
after(() => testApp.close());

const db = () => testApp.deps.db;
const visitor = () => new TestClient(testApp.app);
/** A valid resource form with a body, since the small-correction tests edit it. */
const resourceForm = (overrides: Record<string, string | string[]> = {}) =>
  fixtureForm({ body: 'Start with housing and work, then add language courses.', ...overrides });

async function row(slug: string) {
  return db().selectFrom('resources').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
}

/** A resource by `author`, submitted and published by the editor, as the workflow does it. */
async function publishedResource(): Promise<{ slug: string; form: Record<string, string | string[]> }> {
  const form = resourceForm();
  await author.client.get('/en/resources/new');
  const created = await author.client.post('/en/resources', { ...form, action: 'submit' });
  const slug = decodeURIComponent(/\/resources\/([^?]+)/.exec(String(created.headers.location))?.[1] ?? '');
  await editor.client.get(`/en/review/resources/${slug}`);
  const published = await editor.client.post(`/en/review/resources/${slug}/decision`, { version: String((await row(slug)).version), decision: 'publish', message: '' });
  assert.equal(published.statusCode, 303);
  return { slug, form };
}

async function saveEdit(member: TestMember, slug: string, form: Record<string, string | string[]>) {
  const page = await member.client.get(`/en/resources/${slug}/edit`);
  const pendingVersion = /name="pendingVersion" value="(\d+)"/.exec(page.body)?.[1] ?? '0';
  return member.client.post(`/en/resources/${slug}`, { ...form, version: String((await row(slug)).version), pendingVersion, action: 'submit' });
}

async function pendingVersionOf(slug: string): Promise<string> {
  const { id } = await row(slug);
  const pending = await db().selectFrom('pending_changes').select('version').where('kind', '=', 'resource').where('subject_id', '=', id).executeTakeFirst();
  return String(pending?.version ?? 0);
}

async function revisionCount(slug: string): Promise<number> {
  const { id } = await row(slug);
  const counted = await db().selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'resource').where('subject_id', '=', id).executeTakeFirstOrThrow();
  return Number(counted.n);
}

describe('an author edits a published resource', () => {
  test('the published version stays public; the queue shows the diff; approving publishes it with a revision', async () => {
    const { slug, form } = await publishedResource();
    const edit = await author.client.get(`/en/resources/${slug}/edit`);
    assert.equal(edit.statusCode, 200, 'the author may edit their published resource');
    assert.match(edit.body, /Your changes go to the editors/);

    const saved = await saveEdit(author, slug, { ...form, body: 'Start with housing, work and childcare, then add language courses in the evening.' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/en/resources/${slug}?done=pending`);
    assert.equal((await row(slug)).status, 'published');

    const page = await visitor().get(`/en/resources/${slug}`);
    assert.match(page.body, /Start with housing and work, then add language courses\./);
    assert.doesNotMatch(page.body, /childcare/);
    assert.doesNotMatch((await visitor().get(`/api/v1/resources/${slug}`)).body, /childcare/);
    assert.doesNotMatch((await visitor().get('/api/v1/resources/export.csv')).body, /childcare/);
    assert.doesNotMatch((await visitor().get('/feeds/resources.atom')).body, /childcare/);
    assert.match((await author.client.get(`/en/resources/${slug}?done=pending`)).body, /Your changes have been sent to the editors/);
    assert.match((await author.client.get('/en/resources/mine')).body, /Changes pending/);
    assert.match((await lastMailTo(testApp.deps, editor.email))?.subject ?? '', /^Changes to review: Guide to one-stop shops/);

    const queue = await editor.client.get('/en/review?state=changes_pending&kind=resource');
    assert.match(queue.body, new RegExp(`href="/en/review/resources/${slug}"`));
    const review = await editor.client.get(`/en/review/resources/${slug}`);
    assert.match(review.body, /Changes waiting for review/);
    assert.match(review.body, /<ins><span class="visually-hidden">\[added: <\/span>[^<]*childcare/);

    const approved = await editor.client.post(`/en/review/resources/${slug}/changes/approve`, { pendingVersion: await pendingVersionOf(slug) });
    assert.equal(approved.statusCode, 303);
    assert.match((await visitor().get(`/en/resources/${slug}`)).body, /childcare/);
    assert.equal(await revisionCount(slug), 2);
    assert.match((await visitor().get(`/en/resources/${slug}/history`)).body, /childcare/);
    assert.equal(await pendingVersionOf(slug), '0');
  });

  test('returned with a note, edited again, withdrawn; strangers and visitors can do none of it', async () => {
    const { slug, form } = await publishedResource();
    await saveEdit(author, slug, { ...form, summary: 'How to bring every public service a newcomer needs under one roof, in any town.' });
    await editor.client.get(`/en/review/resources/${slug}`);
    const pendingVersion = await pendingVersionOf(slug);

    for (const member of [author, stranger]) {
      await member.client.get('/en/resources/mine');
      assert.equal((await member.client.post(`/en/review/resources/${slug}/changes/approve`, { pendingVersion })).statusCode, 403);
      assert.equal((await member.client.post(`/en/review/resources/${slug}/small-corrections`, { allow: 'yes' })).statusCode, 403);
    }
    await stranger.client.get('/en/resources/mine');
    assert.equal((await stranger.client.post(`/en/resources/${slug}/changes/withdraw`, { pendingVersion })).statusCode, 403);
    assert.notEqual((await visitor().post(`/en/resources/${slug}/changes/withdraw`, { pendingVersion })).statusCode, 303);
    assert.notEqual((await saveEdit(stranger, slug, { ...form, summary: 'Vandalised.' })).statusCode, 303);

    const empty = await editor.client.post(`/en/review/resources/${slug}/changes/return`, { pendingVersion, editorNote: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Write a note telling the author what to change/);
    assert.equal((await editor.client.post(`/en/review/resources/${slug}/changes/return`, { pendingVersion, editorNote: 'Which towns?' })).statusCode, 303);

    const edit = await author.client.get(`/en/resources/${slug}/edit`);
    assert.match(edit.body, /The editors’ note: Which towns\?/);
    assert.match(edit.body, /in any town\./);
    assert.match((await author.client.get('/en/resources/mine')).body, /Changes returned/);

    await author.client.get(`/en/resources/${slug}/edit`);
    const withdrawn = await author.client.post(`/en/resources/${slug}/changes/withdraw`, { pendingVersion: await pendingVersionOf(slug) });
    assert.equal(withdrawn.statusCode, 303);
    assert.equal(await pendingVersionOf(slug), '0');
    assert.match((await visitor().get(`/en/resources/${slug}`)).body, /How to bring every service a newcomer needs under one roof\./);
    assert.equal(await revisionCount(slug), 1);
  });

  test('small corrections go live only where allowed; the title or the themes always go to review', async () => {
    const { slug, form } = await publishedResource();
    const typo = { ...form, summary: 'How to bring every service a newcomer needs under one rooftop.' };
    assert.equal((await saveEdit(author, slug, typo)).headers.location, `/en/resources/${slug}?done=pending`);
    await author.client.post(`/en/resources/${slug}/changes/withdraw`, { pendingVersion: await pendingVersionOf(slug) });

    await editor.client.get(`/en/review/resources/${slug}`);
    assert.equal((await editor.client.post(`/en/review/resources/${slug}/small-corrections`, { allow: 'yes' })).statusCode, 303);
    assert.equal((await saveEdit(author, slug, typo)).headers.location, `/en/resources/${slug}?done=submit`);
    assert.match((await visitor().get(`/en/resources/${slug}`)).body, /under one rooftop\./);
    assert.equal(await revisionCount(slug), 2);

    assert.equal((await saveEdit(author, slug, { ...typo, topics: ['equal_access', 'education'] })).headers.location, `/en/resources/${slug}?done=pending`);
    await author.client.post(`/en/resources/${slug}/changes/withdraw`, { pendingVersion: await pendingVersionOf(slug) });

    await editor.client.get(`/en/review/resources/${slug}`);
    assert.equal((await editor.client.post(`/en/review/resources/${slug}/small-corrections`, { allow: 'no' })).statusCode, 303);
    assert.equal((await saveEdit(author, slug, { ...typo, summary: 'How to bring every service a newcomer needs under one roof top.' })).headers.location, `/en/resources/${slug}?done=pending`);
  });
});
