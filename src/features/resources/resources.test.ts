import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { lastMailTo, startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { samplePdf, samplePng } from '../../test/sample-files.ts';
import { samplePractice } from '../practices/fixtures.ts';
import { practiceService } from '../practices/service.ts';
import { resourceForm } from './fixtures.ts';
import { checkResourceLinks } from './link-check.ts';
import { practiceSlugsOf } from './model.ts';

let testApp: TestApp;
let editor: TestMember;
let author: TestMember;
before(async () => {
  testApp = await startTestApp();
  editor = await createMember(testApp, { role: 'editor', name: 'Eda Editor' });
  author = await createMember(testApp, { name: 'Amal Author' });
});
after(() => testApp.close());

const db = () => testApp.deps.db;

/** Posts the form from the member's own session (reading the form first gives the CSRF token). */
async function submit(member: TestMember, form: Record<string, string | string[]>, action = 'submit') {
  await member.client.get('/en/resources/new');
  return member.client.post('/en/resources', { ...form, action });
}

function slugOf(location: string | string[] | number | undefined): string {
  const match = /\/resources\/([^?]+)/.exec(String(location));
  if (!match?.[1]) throw new Error(`No resource in ${String(location)}`);
  return decodeURIComponent(match[1]);
}

async function row(slug: string) {
  return db().selectFrom('resources').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
}

async function countResources(): Promise<number> {
  const { count } = await db().selectFrom('resources').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}

async function publishedResource(overrides: Record<string, string | string[]> = {}): Promise<string> {
  const response = await submit(editor, resourceForm(overrides), 'publish');
  assert.equal(response.statusCode, 303, response.body);
  return slugOf(response.headers.location);
}

describe('submitting a resource', () => {
  test('a member submits a resource with a link; it waits for the editors, hidden from visitors', async () => {
    const response = await submit(author, resourceForm({ title: 'Handbook on one-stop shops' }));
    assert.equal(response.statusCode, 303);
    const slug = slugOf(response.headers.location);
    const stored = await row(slug);
    assert.equal(stored.status, 'submitted');
    assert.equal(stored.author_id, author.id);
    assert.equal(stored.url, 'https://www.iom.int/');

    const visitor = new TestClient(testApp.app);
    assert.equal((await visitor.get(`/en/resources/${slug}`)).statusCode, 404);
    assert.equal((await visitor.get(`/api/v1/resources/${slug}`)).statusCode, 404);
    assert.doesNotMatch((await visitor.get('/feeds/resources.atom')).body, /Handbook on one-stop shops/);
    assert.doesNotMatch((await visitor.get('/api/v1/resources/export.csv')).body, /Handbook on one-stop shops/);
    assert.equal((await author.client.get(`/en/resources/${slug}`)).statusCode, 200, 'its author reads it');

    // It waits in the shared review queue, with the kind named.
    const queue = await editor.client.get('/en/review?kind=resource');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Handbook on one-stop shops/);
    assert.match(queue.body, new RegExp(`/en/review/resources/${slug}`));

    // Every editor is mailed a link to the review page; the author is not.
    const mail = await lastMailTo(testApp.deps, editor.email);
    assert.match(mail?.subject ?? '', /New resource to review: Handbook on one-stop shops/);
    assert.match(mail?.body ?? '', new RegExp(`/en/review/resources/${slug}`));
    assert.doesNotMatch((await lastMailTo(testApp.deps, author.email))?.subject ?? '', /to review/);
  });

  test('a link that is not http(s) is refused with a 422 and nothing is saved', async () => {
    const before = await countResources();
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org/file', 'not a link']) {
      const response = await submit(author, resourceForm({ url }));
      assert.equal(response.statusCode, 422, url);
      assert.match(response.body, /Enter a link that starts with https:\/\/ or http:\/\//);
      assert.match(response.body, /<title>Error:/);
    }
    assert.equal(await countResources(), before);
  });

  test('a resource needs a link or a description, a title, a type and a language', async () => {
    const response = await submit(author, resourceForm({ url: '', body: '', title: ' ', type: 'poster', language: 'xx' }));
    assert.equal(response.statusCode, 422);
    for (const message of ['Enter a link to the resource, attach a file, or describe it below', 'Enter a title', 'Choose what kind of resource it is', 'Choose the language it is written in']) {
      assert.match(response.body, new RegExp(message));
    }
    assert.match(response.body, /value="Guide to one-stop shops \d+"|name="summary"/, 'values are kept');
  });

  test('related practices must be published practices on the site', async () => {
    const response = await submit(author, resourceForm({ relatedPractices: 'https://bridges.example/en/practices/no-such-practice' }));
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Link only to practices published on Bridges/);
  });

  test('a pasted address with a broken escape is read as typed, to be refused like any unknown practice', () => {
    assert.deepEqual(practiceSlugsOf('https://bridges.example/en/practices/%E0%A4%A, %, /fr/practices/caf%C3%A9'), ['%e0%a4%a', '%', 'café']);
  });

  test('members cannot publish directly; editors can', async () => {
    const refused = await submit(author, resourceForm(), 'publish');
    assert.equal(refused.statusCode, 403);
    const slug = await publishedResource();
    assert.equal((await row(slug)).status, 'published');
  });
});

describe('reading a published resource', () => {
  test('Markdown with scripts and event handlers renders inert on the page', async () => {
    const slug = await publishedResource({
      body: 'Read **this**.\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[bad](javascript:alert(3))',
    });
    const page = await new TestClient(testApp.app).get(`/en/resources/${slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<strong>this<\/strong>/);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /<img[^>]*onerror/);
    assert.doesNotMatch(page.body, /<a[^>]*href="javascript:/);
  });

  test('a published resource is on its page, in search, the API, the feed and the CSV export, with its related practice', async () => {
    const practiceSlug = await practiceService(testApp.deps).create(samplePractice({ title: 'Mediators in Lisbon hospitals' }), { authorId: null, status: 'published' });
    const slug = await publishedResource({
      title: 'Intercultural mediation handbook',
      topics: ['mediation_interpretation'],
      relatedPractices: `http://localhost:3000/en/practices/${practiceSlug}`,
    });
    const visitor = new TestClient(testApp.app);
    const page = await visitor.get(`/fr/resources/${slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Mediators in Lisbon hospitals/);
    assert.match(page.body, /application\/ld\+json/);
    assert.match(page.body, /\/fr\/resources\?topic=mediation_interpretation/, 'tags link to filtered lists');

    // A French word finds the English resource through its topic's French label.
    const search = await visitor.get('/fr/resources?q=m%C3%A9diation');
    assert.match(search.body, new RegExp(`href="/fr/resources/${slug}"`));
    assert.match(search.body, /Intercultural <mark>mediation<\/mark> handbook/, 'the matched word is highlighted');
    const filtered = await visitor.get('/en/resources?type=guideline&topic=mediation_interpretation');
    assert.match(filtered.body, /Intercultural mediation handbook/);

    const api = JSON.parse((await visitor.get(`/api/v1/resources/${slug}`)).body) as { title: string; rating: { average: number | null; count: number } };
    assert.equal(api.title, 'Intercultural mediation handbook');
    assert.deepEqual(api.rating, { average: null, count: 0 });
    const list = JSON.parse((await visitor.get('/api/v1/resources?q=mediation')).body) as { items: { slug: string }[] };
    assert.ok(list.items.some((item) => item.slug === slug));
    assert.match((await visitor.get('/feeds/resources.atom')).body, /Intercultural mediation handbook/);
    assert.match((await visitor.get('/api/v1/resources/export.csv')).body, /Intercultural mediation handbook/);
    assert.match((await visitor.get('/api/v1/resources/export.json')).body, /Intercultural mediation handbook/);
  });

  test('a rating outside 1 to 5 is refused; a rating shows as an average on the page and in the API', async () => {
    const slug = await publishedResource();
    const rater = await createMember(testApp);
    await rater.client.get(`/en/resources/${slug}`);
    const refused = await rater.client.post(`/en/resources/${slug}/rating`, { score: '9' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Choose a rating from 1 to 5/);
    assert.equal((await rater.client.post(`/en/resources/${slug}/rating`, { score: '4' })).statusCode, 303);
    assert.match((await rater.client.get(`/en/resources/${slug}`)).body, /Rated 4\.0 out of 5 by 1 member/);
    const api = JSON.parse((await new TestClient(testApp.app).get(`/api/v1/resources/${slug}`)).body) as { rating: { average: number; count: number } };
    assert.deepEqual(api.rating, { average: 4, count: 1 });
  });

  test('nobody rates, comments on or reports an unpublished resource', async () => {
    const draft = slugOf((await submit(author, resourceForm(), 'draft')).headers.location);
    const other = await createMember(testApp);
    await other.client.get('/en/resources');
    assert.equal((await other.client.post(`/en/resources/${draft}/rating`, { score: '4' })).statusCode, 404);
    assert.equal((await other.client.post(`/en/resources/${draft}/comments`, { comment: 'Hello' })).statusCode, 404);
    await author.client.get(`/en/resources/${draft}`);
    assert.equal((await author.client.post(`/en/resources/${draft}/comments`, { comment: 'Hello' })).statusCode, 409);
    const { count } = await db().selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('count')).where('kind', '=', 'resource').executeTakeFirstOrThrow();
    assert.equal(Number(count), 0);
  });

  test('a report naming a comment on another item is refused; a real one reaches the shared moderation queue', async () => {
    const slug = await publishedResource({ title: 'Resource with a comment' });
    const otherSlug = await publishedResource();
    const commenter = await createMember(testApp, { name: 'Cora Commenter' });
    await commenter.client.get(`/en/resources/${slug}`);
    await commenter.client.post(`/en/resources/${slug}/comments`, { comment: 'Buy cheap watches' });
    const comment = await db().selectFrom('comments').select('id').where('body', '=', 'Buy cheap watches').executeTakeFirstOrThrow();

    const reporter = await createMember(testApp);
    await reporter.client.get(`/en/resources/${otherSlug}`);
    const forged = await reporter.client.post(`/en/resources/${otherSlug}/flags`, { subject: 'comment', comment: String(comment.id), reason: 'spam' });
    assert.equal(forged.statusCode, 404);
    const real = await reporter.client.post(`/en/resources/${slug}/flags`, { subject: 'comment', comment: String(comment.id), reason: 'spam' });
    assert.equal(real.statusCode, 303);

    const queue = await editor.client.get('/en/review/flags');
    assert.match(queue.body, /Buy cheap watches/);
    assert.match(queue.body, /Resource with a comment/);
  });
});

describe('the editors’ decision', () => {
  test('asking for changes mails the author, who revises and resubmits; then it is published', async () => {
    const slug = slugOf((await submit(author, resourceForm({ title: 'Toolkit for city councils' }))).headers.location);
    const review = await editor.client.get(`/en/review/resources/${slug}`);
    assert.equal(review.statusCode, 200);
    const version = String((await row(slug)).version);

    const empty = await editor.client.post(`/en/review/resources/${slug}/decision`, { version, decision: 'request_changes', message: '' });
    assert.equal(empty.statusCode, 422);
    const asked = await editor.client.post(`/en/review/resources/${slug}/decision`, { version, decision: 'request_changes', message: 'Add the year of publication.' });
    assert.equal(asked.statusCode, 303);
    assert.equal((await row(slug)).status, 'changes_requested');
    const mail = await lastMailTo(testApp.deps, author.email);
    assert.match(mail?.body ?? '', /Add the year of publication\./);

    const edit = await author.client.get(`/en/resources/${slug}/edit`);
    assert.match(edit.body, /Add the year of publication\./);
    const stale = await author.client.post(`/en/resources/${slug}`, { ...resourceForm({ title: 'Toolkit for city councils' }), version: '1', action: 'submit' });
    assert.equal(stale.statusCode, 409, 'an edit on an old version is refused');
    const current = String((await row(slug)).version);
    const resubmitted = await author.client.post(`/en/resources/${slug}`, { ...resourceForm({ title: 'Toolkit for city councils', year: '2011' }), version: current, action: 'submit' });
    assert.equal(resubmitted.statusCode, 303);
    assert.equal((await row(slug)).status, 'submitted');

    await editor.client.get(`/en/review/resources/${slug}`);
    const published = await editor.client.post(`/en/review/resources/${slug}/decision`, { version: String((await row(slug)).version), decision: 'publish', message: '' });
    assert.equal(published.statusCode, 303);
    assert.equal((await row(slug)).status, 'published');
    assert.equal((await new TestClient(testApp.app).get(`/en/resources/${slug}`)).statusCode, 200);
  });

  test('members cannot decide', async () => {
    const slug = slugOf((await submit(author, resourceForm())).headers.location);
    await author.client.get('/en/resources');
    const response = await author.client.post(`/en/review/resources/${slug}/decision`, { version: '1', decision: 'publish', message: '' });
    assert.equal(response.statusCode, 403);
    assert.equal((await row(slug)).status, 'submitted');
  });
});

// In French: the form posts of the other tests use up the English routes' posting limit.
describe('attached files', () => {
  async function submitWithFiles(member: TestMember, form: Record<string, string | string[]>, files: { filename: string; content: Buffer }[], action = 'submit') {
    await member.client.get('/fr/resources/new');
    return member.client.postMultipart('/fr/resources', { ...form, action }, files.map((file) => ({ field: 'attachments', contentType: 'application/pdf', ...file })));
  }

  test('a file takes the place of a link; images lose their metadata; visitors download it once published', async () => {
    const response = await submitWithFiles(
      editor,
      resourceForm({ url: '', title: 'Evaluation report with annexes' }),
      [
        { filename: 'report.pdf', content: samplePdf() },
        { filename: 'photo.pdf', content: samplePng({ text: 'GPS 38.72 -9.14' }) },
      ],
      'publish',
    );
    assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
    const slug = slugOf(response.headers.location);
    const files = await db().selectFrom('attachments').selectAll().where('kind', '=', 'resource').where('subject_id', '=', (await row(slug)).id).orderBy('id').execute();
    assert.deepEqual(files.map((file) => [file.filename, file.media_type]), [['report.pdf', 'application/pdf'], ['photo.png', 'image/png']]);

    const page = await testApp.app.inject({ url: `/fr/resources/${slug}` });
    assert.match(page.body, /Fichiers/);
    assert.match(page.body, new RegExp(`href="/fr/resources/${slug}/attachments/${files[1]?.id}"`));
    const download = await testApp.app.inject({ url: `/fr/resources/${slug}/attachments/${files[1]?.id}` });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'image/png');
    assert.match(String(download.headers['content-disposition']), /photo\.png/);
    assert.ok(!download.rawPayload.includes('GPS 38.72'));

    const api = (await testApp.app.inject({ url: `/api/v1/resources/${slug}` })).json<{ attachments: { filename: string; url: string }[] }>();
    assert.deepEqual(api.attachments.map((file) => file.filename), ['report.pdf', 'photo.png']);
    assert.match(api.attachments[1]?.url ?? '', new RegExp(`/en/resources/${slug}/attachments/${files[1]?.id}$`));
  });

  test('a file that is not a PDF, PNG or JPEG is refused with the other problems, and nothing is saved', async () => {
    const before = await countResources();
    const response = await submitWithFiles(author, resourceForm({ url: '', title: '' }), [{ filename: 'notes.pdf', content: Buffer.from('plain text, not a PDF') }]);
    assert.equal(response.statusCode, 422, String(response.headers.location));
    assert.match(response.body, /<title>Erreur :/);
    assert.match(response.body, /href="#attachments"/);
    assert.match(response.body, /Joignez uniquement des fichiers PDF, PNG ou JPEG/);
    assert.match(response.body, /href="#title"/);
    assert.equal(await countResources(), before);
  });

  test('files of a resource waiting for review are not downloadable by visitors; its author removes one while editing', async () => {
    const response = await submitWithFiles(author, resourceForm({ url: '' }), [{ filename: 'draft.pdf', content: samplePdf() }], 'draft');
    assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
    const slug = slugOf(response.headers.location);
    const resource = await row(slug);
    const [file] = await db().selectFrom('attachments').selectAll().where('kind', '=', 'resource').where('subject_id', '=', resource.id).execute();
    assert.ok(file);
    assert.equal((await testApp.app.inject({ url: `/fr/resources/${slug}/attachments/${file.id}` })).statusCode, 404);
    const own = await author.client.get(`/fr/resources/${slug}/attachments/${file.id}`);
    assert.equal(own.statusCode, 200);
    assert.equal(own.headers['cache-control'], 'private, no-store');

    const edit = await author.client.get(`/fr/resources/${slug}/edit`);
    assert.match(edit.body, /draft\.pdf/);
    // Ids no form of ours sends (posting is rate-limited: one post carries them all).
    const refused = await author.client.postMultipart(`/fr/resources/${slug}`, {
      ...resourceForm({ url: 'https://www.iom.int/' }),
      version: String(resource.version),
      removeAttachment: [String(file.id), 'abc', '-1', '99999999999'],
      action: 'draft',
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /href="#removeAttachment">Choisissez les fichiers à retirer/);
    assert.equal((await db().selectFrom('attachments').select('id').where('kind', '=', 'resource').where('subject_id', '=', resource.id).execute()).length, 1);
    const saved = await author.client.postMultipart(`/fr/resources/${slug}`, {
      ...resourceForm({ url: 'https://www.iom.int/' }),
      version: String(resource.version),
      removeAttachment: [String(file.id)],
      action: 'draft',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    assert.equal((await db().selectFrom('attachments').select('id').where('kind', '=', 'resource').where('subject_id', '=', resource.id).execute()).length, 0);
  });

  test('a signed-out upload is sent to sign in and nothing is saved', async () => {
    const before = await countResources();
    const visitor = new TestClient(testApp.app);
    await visitor.get('/fr/resources');
    const response = await visitor.postMultipart('/fr/resources', resourceForm(), [{ field: 'attachments', filename: 'a.pdf', contentType: 'application/pdf', content: samplePdf() }]);
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /\/fr\/login/);
    assert.equal(await countResources(), before);
  });
});

describe('history', () => {
  test('an editor’s correction to a published resource is kept, and the history shows it word by word', async () => {
    const slug = await publishedResource({ title: 'Guide to welcome desks' });
    await editor.client.get(`/en/resources/${slug}/edit`);
    const version = String((await row(slug)).version);
    const saved = await editor.client.post(`/en/resources/${slug}`, { ...resourceForm({ title: 'Guide to municipal welcome desks' }), version, action: 'publish' });
    assert.equal(saved.statusCode, 303);
    const history = await new TestClient(testApp.app).get(`/en/resources/${slug}/history`);
    assert.equal(history.statusCode, 200);
    assert.match(history.body, /Version 2/);
    assert.match(history.body, /<ins>.*municipal.*<\/ins>/s);
  });
});

describe('machine access', () => {
  test('the OpenAPI document describes practices and resources', async () => {
    const document = JSON.parse((await new TestClient(testApp.app).get('/api/openapi.json')).body) as { paths: Record<string, unknown> };
    for (const path of ['/api/v1/practices', '/api/v1/practices/{slug}', '/api/v1/resources', '/api/v1/resources/{slug}', '/feeds/resources.atom']) {
      assert.ok(path in document.paths, path);
    }
  });
});

describe('the link checker', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = createServer((request, response) => {
      response.writeHead(request.url === '/gone' ? 404 : 200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('records which published links work and lists the broken ones for editors', async () => {
    const working = await publishedResource({ title: 'Link that works', url: `${base}/ok` });
    const broken = await publishedResource({ title: 'Link that is gone', url: `${base}/gone` });
    await db().updateTable('resources').set({ link_checked_at: new Date() }).where('slug', 'not in', [working, broken]).execute();
    const result = await checkResourceLinks(testApp.deps, { allowPrivateAddresses: true, timeoutMs: 5000, batchSize: 2 });
    assert.deepEqual(result, { checked: 2, broken: 1 });
    assert.equal((await row(working)).link_status, 200);
    assert.equal((await row(broken)).link_status, 404);
    const page = await editor.client.get('/en/resources/links');
    assert.match(page.body, /Link that is gone/);
    assert.doesNotMatch(page.body, /Link that works/);
    assert.equal((await author.client.get('/en/resources/links')).statusCode, 403);
  });
});
