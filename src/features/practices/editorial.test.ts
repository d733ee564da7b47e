import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestApp, TestClient, lastMailTo, linkIn, type TestApp } from '../../test/app.ts';
import { samplePdf, sampleJpeg, samplePng } from '../../test/sample-files.ts';
import { signInThroughForms, turnOnTwoFactor } from '../../test/members.ts';
import { accountService } from '../accounts/service.ts';
import { confirmationService } from './confirmation-service.ts';
import { CRITERIA } from './criteria.ts';
import { samplePractice } from './fixtures.ts';
import type { PracticeInput } from './model.ts';
import { fieldsFromInput, formBodyOf } from './practice-form.ts';
import { isoDay } from './running.ts';

let testApp: TestApp;
let dataDir: string;
const PASSWORD = 'harbour lanterns at dusk';

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'bridges-practices-'));
  testApp = await startTestApp({ env: { DATA_DIR: dataDir } });
});
after(async () => {
  await testApp.close();
  await rm(dataDir, { recursive: true, force: true });
});

const db = () => testApp.deps.db;

/** Sign-in is rate limited: each person signs in once and keeps their session. */
const sessions = new Map<string, TestClient>();

async function signedIn(email: string, role: 'member' | 'editor' = 'member', name = email.split('@')[0] ?? 'Someone'): Promise<TestClient> {
  const known = sessions.get(email);
  if (known) return known;
  const exists = await db().selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  let totpSecret: string | undefined;
  if (!exists) {
    const { id } = await accountService(testApp.deps).createAccount({ email, name, role, password: PASSWORD, organisation: '', stakeholderType: '', country: '' });
    // Editors must sign in with a second factor.
    if (role === 'editor') totpSecret = await turnOnTwoFactor(testApp.deps, id);
  }
  const client = new TestClient(testApp.app);
  const response = await signInThroughForms(testApp, client, { email, password: PASSWORD, totpSecret });
  assert.equal(response.statusCode, 303, 'signs in');
  sessions.set(email, client);
  return client;
}

const formOf = (input: PracticeInput = samplePractice()) => formBodyOf(fieldsFromInput(input));

function slugFrom(location: string | string[] | number | undefined): string {
  const match = /\/practices\/([^/]+)\/edit/.exec(String(location));
  assert.ok(match?.[1], `redirected to the edit page, got ${String(location)}`);
  return match[1];
}

async function createDraft(client: TestClient, input: PracticeInput = samplePractice()): Promise<string> {
  await client.get('/en/practices/new');
  const response = await client.post('/en/practices/new', { ...formOf(input), action: 'save' });
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  return slugFrom(response.headers.location);
}

async function practiceRow(slug: string) {
  return db().selectFrom('practices').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
}

const countPractices = async () => (await db().selectFrom('practices').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
const storedFiles = async () => readdir(path.join(dataDir, 'uploads')).catch(() => [] as string[]);

function rubricForm(decision: string, message: string, version: number, score = '2') {
  return { ...Object.fromEntries(CRITERIA.map((c) => [`score-${c.id}`, score])), 'comment-results': 'Add the figures of 2023', decision, message, version: String(version) };
}

describe('the practice form', () => {
  test('a member saves a draft: 303 to the edit page, visible only to them', async () => {
    const author = await signedIn('amina@example.org');
    const slug = await createDraft(author, samplePractice({ title: 'Language cafés in Lyon' }));
    const row = await practiceRow(slug);
    assert.equal(row.status, 'draft');
    const edit = await author.get(`/en/practices/${slug}/edit?done=saved`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /Your changes have been saved/);
    assert.match(edit.body, /value="Language cafés in Lyon"/);
    assert.match(edit.body, /<nav aria-labelledby="form-contents-title"/);
    assert.match(edit.body, /name="version" value="1"/);
  });

  test('a visitor is sent to sign in', async () => {
    const response = await new TestClient(testApp.app).get('/en/practices/new');
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /^\/en\/login\?next=/);
  });

  test('invalid input: 422, every problem linked, values kept as text, nothing written', async () => {
    const author = await signedIn('amina@example.org');
    await author.get('/en/practices/new');
    const before = await countPractices();
    const response = await author.post('/en/practices/new', {
      ...formOf(samplePractice({ title: '<b>Bold</b> title', startDate: '2024-05-01', endDate: '2023-01-01', ongoing: false })),
      topics: ['housing', 'not_a_topic'],
      link1Url: 'javascript:alert(1)',
      action: 'save',
    });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /class="error-summary"/);
    assert.match(response.body, /href="#topics">Choose only options from the list/);
    assert.match(response.body, /href="#endDate">The end date must be the same as or after the start date/);
    assert.match(response.body, /href="#link1Url">Enter each link as a full web address/);
    assert.match(response.body, /value="&lt;b>Bold&lt;\/b> title"/);
    assert.match(response.body, /value="javascript:alert\(1\)"/, 'the typed link is kept, as text');
    assert.doesNotMatch(response.body, /href="javascript:/);
    assert.equal(await countPractices(), before);
  });

  test('submitting straight away needs a complete record', async () => {
    const author = await signedIn('amina@example.org');
    await author.get('/en/practices/new');
    const response = await author.post('/en/practices/new', { title: 'Only a title', language: 'en', action: 'submit' });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /href="#summary">Enter a short summary/);
    assert.match(response.body, /href="#organisation1Name">Add at least one implementing organisation/);
  });

  test('preview shows the record without saving it', async () => {
    const author = await signedIn('amina@example.org');
    await author.get('/en/practices/new');
    const before = await countPractices();
    const response = await author.post('/en/practices/new', { ...formOf(samplePractice({ summary: 'Preview <i>me</i>' })), action: 'preview' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="preview-title"/);
    assert.match(response.body, /Preview &lt;i>me&lt;\/i>/);
    assert.match(response.body, /Housing/);
    assert.equal(await countPractices(), before);
  });

  test("editing someone else's practice is forbidden", async () => {
    const author = await signedIn('amina@example.org');
    const slug = await createDraft(author);
    const other = await signedIn('bruno@example.org');
    assert.equal((await other.get(`/en/practices/${slug}/edit`)).statusCode, 403);
    await other.get('/en/practices/new');
    const response = await other.post(`/en/practices/${slug}/edit`, { ...formOf(samplePractice({ title: 'Hijacked' })), version: '1', action: 'save' });
    assert.equal(response.statusCode, 403);
    assert.notEqual((await practiceRow(slug)).title, 'Hijacked');
  });

  test('a stale version gets 409 with the input kept, and overwrites nothing', async () => {
    const author = await signedIn('amina@example.org');
    const slug = await createDraft(author);
    await author.get(`/en/practices/${slug}/edit`);
    const first = await author.post(`/en/practices/${slug}/edit`, { ...formOf(samplePractice({ title: 'First save' })), version: '1', action: 'save' });
    assert.equal(first.statusCode, 303);
    const stale = await author.post(`/en/practices/${slug}/edit`, { ...formOf(samplePractice({ title: 'Stale save' })), version: '1', action: 'save' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this practice/);
    assert.match(stale.body, /value="Stale save"/);
    assert.match(stale.body, /name="version" value="2"/);
    assert.equal((await practiceRow(slug)).title, 'First save');
  });
});

describe('attachments', () => {
  test('images lose their metadata, types come from content, downloads are private to drafts', async () => {
    const author = await signedIn('amina@example.org');
    await author.get('/en/practices/new');
    const response = await author.postMultipart('/en/practices/new', { ...formOf(), action: 'save' }, [
      { field: 'attachments', filename: 'poster.png', contentType: 'image/png', content: samplePng({ text: 'GPS 45.76N' }) },
      { field: 'attachments', filename: 'photo.jpg', contentType: 'image/jpeg', content: sampleJpeg({ exif: 'Canon GPS' }) },
      { field: 'attachments', filename: 'report.pdf', contentType: 'application/pdf', content: samplePdf() },
      { field: 'attachments', filename: 'scan.pdf', contentType: 'application/pdf', content: samplePng() },
    ]);
    assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
    const slug = slugFrom(response.headers.location);
    const { id } = await practiceRow(slug);
    const files = await db().selectFrom('attachments').selectAll().where('kind', '=', 'practice').where('subject_id', '=', id).orderBy('id').execute();
    assert.deepEqual(files.map((f) => [f.filename, f.media_type]), [
      ['poster.png', 'image/png'],
      ['photo.jpg', 'image/jpeg'],
      ['report.pdf', 'application/pdf'],
      ['scan.png', 'image/png'],
    ]);
    for (const file of files) {
      assert.match(file.storage_key, /^[A-Za-z0-9_-]{32}$/);
      const stored = await readFile(path.join(dataDir, 'uploads', file.storage_key));
      assert.ok(!stored.includes('tEXt') && !stored.includes('GPS') && !stored.includes('Exif'), `${file.filename} has no metadata`);
    }

    const poster = files[0];
    assert.ok(poster);
    const download = await author.get(`/en/practices/${slug}/attachments/${poster.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'image/png');
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="poster.png"/);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.equal(download.headers['cache-control'], 'private, no-store');
    assert.equal(download.rawPayload.length, poster.byte_size);
    const stranger = new TestClient(testApp.app);
    assert.equal((await stranger.get(`/en/practices/${slug}/attachments/${poster.id}`)).statusCode, 404);

    // An id no form of ours sends brings the form back with a message, and removes nothing.
    await author.get(`/en/practices/${slug}/edit`);
    for (const tampered of ['abc', '-1', '1.5', '99999999999', '0']) {
      const refused = await author.post(`/en/practices/${slug}/edit`, { ...formOf(), version: '1', removeAttachment: [String(poster.id), tampered], action: 'save' });
      assert.equal(refused.statusCode, 422, tampered);
      assert.match(refused.body, /href="#removeAttachment">Choose the files to remove from the list of attached files/);
    }
    assert.equal((await db().selectFrom('attachments').select('id').where('kind', '=', 'practice').where('subject_id', '=', id).execute()).length, 4);

    // Removing a file while editing deletes it from the disk too.
    const removed = await author.post(`/en/practices/${slug}/edit`, { ...formOf(), version: '1', removeAttachment: [String(poster.id)], action: 'save' });
    assert.equal(removed.statusCode, 303);
    assert.ok(!(await storedFiles()).includes(poster.storage_key));
    assert.equal((await db().selectFrom('attachments').select('id').where('kind', '=', 'practice').where('subject_id', '=', id).execute()).length, 3);
  });

  test('a text file named .pdf, or a file over 10 MB, brings the form back and stores nothing', async () => {
    const author = await signedIn('amina@example.org');
    await author.get('/en/practices/new');
    const before = { practices: await countPractices(), files: (await storedFiles()).length };

    const fake = await author.postMultipart('/en/practices/new', { ...formOf(samplePractice({ title: 'Fake PDF' })), action: 'save' }, [
      { field: 'attachments', filename: 'x.pdf', contentType: 'application/pdf', content: Buffer.from('just some text, honestly') },
    ]);
    assert.equal(fake.statusCode, 422);
    assert.match(fake.body, /href="#attachments">Attach only PDF, PNG or JPEG files/);
    assert.match(fake.body, /value="Fake PDF"/);

    const huge = Buffer.concat([samplePdf(), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const tooLarge = await author.postMultipart('/en/practices/new', { ...formOf(samplePractice({ title: 'Huge' })), action: 'save' }, [
      { field: 'attachments', filename: 'big.pdf', contentType: 'application/pdf', content: huge },
    ]);
    assert.equal(tooLarge.statusCode, 422);
    assert.match(tooLarge.body, /Each file must be 10 MB or smaller/);
    assert.match(tooLarge.body, /value="Huge"/);

    const six = Array.from({ length: 6 }, (_, i) => ({ field: 'attachments', filename: `p${i}.pdf`, contentType: 'application/pdf', content: samplePdf() }));
    const tooMany = await author.postMultipart('/en/practices/new', { ...formOf(samplePractice({ title: 'Six files' })), action: 'save' }, six);
    assert.equal(tooMany.statusCode, 422);
    assert.match(tooMany.body, /attach 5 files or fewer/);
    assert.match(tooMany.body, /value="Six files"/);

    assert.equal(await countPractices(), before.practices);
    assert.equal((await storedFiles()).length, before.files);
  });
});

describe('the editorial workflow', () => {
  test('submit → review → changes requested → revise → resubmit → publish', async () => {
    const author = await signedIn('amina@example.org');
    const editor = await signedIn('erin@example.org', 'editor', 'Erin Editor');
    const slug = await createDraft(author, samplePractice({ title: 'Intercultural mediators in hospitals' }));

    await author.get('/en/practices/mine');
    assert.equal((await author.post(`/en/practices/${slug}/submit`)).statusCode, 303);
    assert.equal((await practiceRow(slug)).status, 'submitted');

    // Members cannot see the queue; editors see the submission waiting.
    assert.equal((await author.get('/en/review')).statusCode, 403);
    const queue = await editor.get('/en/review');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Intercultural mediators in hospitals/);
    assert.match(queue.body, /Submitted \(1\)/);
    assert.match((await editor.get('/en/review?state=submitted&language=fr')).body, /No submissions match/);

    let row = await practiceRow(slug);
    const review = await editor.get(`/en/review/${slug}`);
    assert.equal(review.statusCode, 200);
    assert.match(review.body, /claire\.martin@example\.org/, 'editors see the contact');
    assert.equal((await editor.post(`/en/review/${slug}/take`, { version: String(row.version) })).statusCode, 303);
    row = await practiceRow(slug);
    assert.equal(row.status, 'in_review');

    // A decision without a message to the author is refused, and nothing changes.
    await editor.get(`/en/review/${slug}`);
    const missing = await editor.post(`/en/review/${slug}/decision`, rubricForm('request_changes', '', row.version));
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /href="#message"/);

    const decided = await editor.post(`/en/review/${slug}/decision`, rubricForm('request_changes', 'Please describe how you evaluated it.', row.version));
    assert.equal(decided.statusCode, 303);
    row = await practiceRow(slug);
    assert.equal(row.status, 'changes_requested');
    const stored = await db().selectFrom('practice_reviews').selectAll().where('practice_id', '=', row.id).execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.rubric.length, CRITERIA.length);
    assert.equal(stored[0]?.rubric.find((entry) => entry.criterion === 'results')?.comment, 'Add the figures of 2023');

    const mail = await lastMailTo(testApp.deps, 'amina@example.org');
    assert.ok(mail);
    assert.match(mail.subject, /Changes requested: Intercultural mediators in hospitals/);
    assert.match(mail.body, /Please describe how you evaluated it\./);
    assert.equal(linkIn(mail.body), `/en/practices/${slug}/edit#feedback`);

    // The author sees the rubric and message on the practice and in their list.
    const edit = await author.get(`/en/practices/${slug}/edit`);
    assert.match(edit.body, /id="feedback"/);
    assert.match(edit.body, /Please describe how you evaluated it\./);
    assert.match(edit.body, /Add the figures of 2023/);
    assert.match(edit.body, /Results and evidence/);
    assert.match((await author.get('/en/practices/mine')).body, /Please describe how you evaluated it\./);

    // Revise and resubmit in one step.
    const revised = await author.post(`/en/practices/${slug}/edit`, {
      ...formOf(samplePractice({ title: 'Intercultural mediators in hospitals', evaluation: 'An external evaluation in 2023.', evidenceLevel: 'external' })),
      version: String(row.version),
      action: 'submit',
    });
    assert.equal(revised.statusCode, 303);
    assert.equal(revised.headers.location, '/en/practices/mine?done=submitted');
    row = await practiceRow(slug);
    assert.equal(row.status, 'submitted');
    assert.equal(row.evidence_level, 'external');

    await editor.get(`/en/review/${slug}`);
    const published = await editor.post(`/en/review/${slug}/decision`, rubricForm('publish', 'Thank you!', row.version, '3'));
    assert.equal(published.statusCode, 303);
    row = await practiceRow(slug);
    assert.equal(row.status, 'published');
    assert.ok(row.published_at);
    assert.ok(row.last_confirmed_at);
    assert.match((await lastMailTo(testApp.deps, 'amina@example.org'))?.subject ?? '', /^Published:/);
    const revisions = await db().selectFrom('revisions').selectAll().where('kind', '=', 'practice').where('subject_id', '=', row.id).execute();
    assert.deepEqual(revisions.map((r) => r.version), [row.version]);
  });

  test('a declined author reads the full review; nobody else does', async () => {
    const author = await signedIn('amina@example.org');
    const editor = await signedIn('erin@example.org', 'editor', 'Erin Editor');
    const slug = await createDraft(author, samplePractice({ title: 'Out of scope' }));
    await author.get('/en/practices/mine');
    await author.post(`/en/practices/${slug}/submit`);
    await editor.get(`/en/review/${slug}`);
    const { version } = await practiceRow(slug);
    assert.equal((await editor.post(`/en/review/${slug}/decision`, rubricForm('decline', 'This is a <i>product</i>, not a practice.', version, '1'))).statusCode, 303);
    assert.equal((await practiceRow(slug)).status, 'declined');
    const mail = await lastMailTo(testApp.deps, 'amina@example.org');
    assert.equal(linkIn(mail?.body ?? ''), `/en/practices/${slug}/feedback`);
    const feedback = await author.get(`/en/practices/${slug}/feedback`);
    assert.equal(feedback.statusCode, 200);
    assert.match(feedback.body, /This is a &lt;i>product&lt;\/i>, not a practice\./);
    assert.match(feedback.body, /Add the figures of 2023/);
    assert.equal((await author.get(`/en/practices/${slug}/edit`)).statusCode, 403, 'a declined practice is no longer edited');
    const other = await signedIn('bruno@example.org');
    assert.equal((await other.get(`/en/practices/${slug}/feedback`)).statusCode, 404);
  });

  test('a decision on a version that changed meanwhile gets 409 and changes nothing', async () => {
    const author = await signedIn('amina@example.org');
    const editor = await signedIn('erin@example.org', 'editor', 'Erin Editor');
    const colleague = await signedIn('omar@example.org', 'editor', 'Omar Editor');
    const slug = await createDraft(author, samplePractice({ title: 'Talking Faiths' }));
    await author.get('/en/practices/mine');
    await author.post(`/en/practices/${slug}/submit`);
    const seen = await practiceRow(slug);

    // A colleague corrects the submission while the editor is still reading it.
    await colleague.get(`/en/practices/${slug}/edit`);
    const fix = await colleague.post(`/en/practices/${slug}/edit`, { ...formOf(samplePractice({ title: 'Talking Faiths in Leicester' })), version: String(seen.version), action: 'save' });
    assert.equal(fix.statusCode, 303);

    await editor.get(`/en/review/${slug}`);
    const stale = await editor.post(`/en/review/${slug}/decision`, rubricForm('publish', 'Great.', seen.version, '3'));
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /This submission has changed/);
    assert.match(stale.body, /Talking Faiths in Leicester/, 'the editor sees the current text');
    assert.match(stale.body, /Great\./, "the editor's message is kept");
    const row = await practiceRow(slug);
    assert.equal(row.status, 'submitted');
    assert.equal(row.title, 'Talking Faiths in Leicester');
    assert.equal((await db().selectFrom('practice_reviews').select('id').where('practice_id', '=', row.id).execute()).length, 0);
  });

  test('the criteria page and the rubric show the same criteria', async () => {
    const author = await signedIn('amina@example.org');
    const editor = await signedIn('erin@example.org', 'editor', 'Erin Editor');
    const slug = await createDraft(author);
    await author.get('/en/practices/mine');
    await author.post(`/en/practices/${slug}/submit`);
    const criteriaPage = await new TestClient(testApp.app).get('/fr/practices/criteria');
    const rubric = await editor.get(`/fr/review/${slug}`);
    assert.equal(criteriaPage.statusCode, 200);
    const names = (html: string) => [...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    const legends = (html: string) => [...html.matchAll(/<legend class="fieldset__legend">([^<]+)<\/legend>/g)].map((m) => m[1]);
    const onCriteriaPage = names(criteriaPage.body);
    assert.equal(onCriteriaPage.length, CRITERIA.length);
    for (const name of onCriteriaPage) assert.ok(legends(rubric.body).includes(name), `${name} is in the rubric`);
  });
});

describe('published practices', () => {
  async function publishedPractice(title: string, input: Partial<PracticeInput> = {}): Promise<{ slug: string; author: TestClient; editor: TestClient }> {
    const author = await signedIn('amina@example.org');
    const editor = await signedIn('erin@example.org', 'editor', 'Erin Editor');
    const slug = await createDraft(author, samplePractice({ title, ...input }));
    await author.get('/en/practices/mine');
    await author.post(`/en/practices/${slug}/submit`);
    await editor.get(`/en/review/${slug}`);
    const { version } = await practiceRow(slug);
    assert.equal((await editor.post(`/en/review/${slug}/decision`, rubricForm('publish', '', version, '3'))).statusCode, 303);
    return { slug, author, editor };
  }

  test('every approved change keeps a revision; the history shows a readable, escaped diff', async () => {
    const { slug, author, editor } = await publishedPractice('Welcome desks', { summary: 'A desk at the town hall.' });
    const { version } = await practiceRow(slug);
    await author.get(`/en/practices/${slug}/edit`);
    const edited = await author.post(`/en/practices/${slug}/edit`, {
      ...formOf(samplePractice({ title: 'Welcome desks', summary: 'A desk at the <town> hall and the library.' })),
      version: String(version),
      revisionNote: 'Added the library',
      action: 'save',
    });
    assert.equal(edited.statusCode, 303);
    // The author's edit of a published practice waits for an editor, who approves it.
    assert.doesNotMatch((await new TestClient(testApp.app).get(`/en/practices/${slug}`)).body, /the library/);
    const review = await editor.get(`/en/review/${slug}`);
    const pendingVersion = /name="pendingVersion" value="(\d+)"/.exec(review.body)?.[1] ?? '';
    assert.equal((await editor.post(`/en/review/${slug}/changes/approve`, { pendingVersion })).statusCode, 303);
    const history = await new TestClient(testApp.app).get(`/en/practices/${slug}/history`);
    assert.equal(history.statusCode, 200);
    assert.match(history.body, /Version 4/);
    assert.match(history.body, /Version 3/);
    assert.match(history.body, /The first published version/);
    assert.match(history.body, /Note: Added the library/);
    assert.match(history.body, /Changed by amina on/);
    assert.match(history.body, /A desk at the <ins><span class="visually-hidden">\[added: <\/span>&lt;<span class="visually-hidden">\]<\/span><\/ins>town/);
    assert.match(history.body, /hall<ins><span class="visually-hidden">\[added: <\/span> and the library<span/);
    assert.doesNotMatch(history.body, /<town>/);
    assert.doesNotMatch(history.body, /claire\.martin/, 'the contact stays private');
  });

  test('one featured practice at a time, shown on the home page', async () => {
    const first = await publishedPractice('Mother-tongue helpline');
    const second = await publishedPractice('One-stop integration centres');
    await first.editor.get(`/en/review/${first.slug}`);
    assert.equal((await first.editor.post(`/en/practices/${first.slug}/feature`)).statusCode, 303);
    assert.match((await new TestClient(testApp.app).get('/en/')).body, /Mother-tongue helpline/);
    await Promise.all([first.editor.post(`/en/practices/${second.slug}/feature`), first.editor.post(`/en/practices/${first.slug}/feature`)]);
    assert.equal((await first.editor.post(`/en/practices/${second.slug}/feature`)).statusCode, 303);
    const featured = await db().selectFrom('practices').select('slug').where('featured_at', 'is not', null).execute();
    assert.deepEqual(featured.map((row) => row.slug), [second.slug]);
    const home = await new TestClient(testApp.app).get('/en/');
    assert.match(home.body, /One-stop integration centres/);
    assert.doesNotMatch(home.body, /Mother-tongue helpline/);
    assert.equal((await first.author.post(`/en/practices/${first.slug}/feature`)).statusCode, 403);
  });

  test('the contact confirms the practice still runs, once', async () => {
    const { slug } = await publishedPractice('Pichincha festivals', { contact: { name: 'Lucía', email: 'lucia@example.org', public: false } });
    await db().updateTable('practices').set({ last_confirmed_at: '2023-01-10' }).where('slug', '=', slug).execute();
    const service = confirmationService(testApp.deps);
    assert.ok((await service.askDue()) >= 1);
    const mail = await lastMailTo(testApp.deps, 'lucia@example.org');
    assert.ok(mail);
    assert.match(mail.subject, /Pichincha festivals/);
    const link = linkIn(mail.body);
    assert.match(link, new RegExp(`^/en/practices/${slug}/confirm\\?token=`));
    assert.equal(await service.askDue(), 0, 'not asked again within 30 days');

    const visitor = new TestClient(testApp.app);
    const page = await visitor.get(link);
    assert.equal(page.statusCode, 200);
    assert.equal((await practiceRow(slug)).last_confirmed_at?.getFullYear(), 2023, 'opening the link changes nothing');
    const token = new URL(link, 'http://localhost').searchParams.get('token') ?? '';
    const confirmed = await visitor.post(`/en/practices/${slug}/confirm`, { token });
    assert.equal(confirmed.statusCode, 200);
    assert.equal(isoDay((await practiceRow(slug)).last_confirmed_at), isoDay(new Date()));
    assert.equal((await visitor.post(`/en/practices/${slug}/confirm`, { token })).statusCode, 410);
    assert.equal((await visitor.get(link)).statusCode, 410);
  });
});
