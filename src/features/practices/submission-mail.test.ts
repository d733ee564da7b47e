import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { outboxTransport, type MailTransport } from '../../platform/mail.ts';
import { linkIn, startTestApp, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { editorialService } from './editorial-service.ts';
import { samplePractice } from './fixtures.ts';
import { fieldsFromInput, formBodyOf } from './practice-form.ts';
import { CRITERIA } from './criteria.ts';
import { checkRubric, readRubricForm } from './rubric.ts';
import { practiceService } from './service.ts';

/** Editors hear of new work: every submission mails each editor and admin in their own language. */

/** Mail to this address fails, as a mailbox the SMTP server refuses would. */
const UNREACHABLE = 'unreachable-editor@example.org';
let testApp: TestApp;
let editors: { fr: TestMember; en: TestMember; ar: TestMember };
let author: TestMember;

before(async () => {
  // The outbox, except for one address whose mail fails.
  const refusing: MailTransport = {
    name: 'outbox',
    async deliver(mail) {
      if (mail.to === UNREACHABLE) throw new Error('550 mailbox unavailable');
      await outboxTransport.deliver(mail);
    },
  };
  testApp = await startTestApp({ transport: refusing });
  editors = {
    fr: await createMember(testApp, { role: 'editor', name: 'Élodie', locale: 'fr' }),
    en: await createMember(testApp, { role: 'editor', name: 'Erin', locale: 'en' }),
    ar: await createMember(testApp, { role: 'admin', name: 'Amal', locale: 'ar' }),
  };
  author = await createMember(testApp, { name: 'Amina Author' });
  // Nobody else hears of submissions: not other roles, not former editors.
  await createMember(testApp, { role: 'chair' });
  const former = await createMember(testApp, { role: 'editor' });
  await testApp.deps.db.updateTable('users').set({ deleted_at: new Date() }).where('id', '=', former.id).execute();
});
after(() => testApp.close());

beforeEach(async () => {
  await testApp.deps.db.deleteFrom('outbox').execute();
});

/** The mail delivered so far, once the queue has delivered what was written. */
async function outbox() {
  await testApp.mailSettled();
  return testApp.deps.db.selectFrom('outbox').select(['recipient', 'subject', 'body']).where('status', '=', 'sent').orderBy('id').execute();
}

/** The outbox by recipient; fails when anyone got more than one mail. */
async function mailsByRecipient() {
  const mails = await outbox();
  const byRecipient = new Map(mails.map((mail) => [mail.recipient, mail]));
  assert.equal(byRecipient.size, mails.length, 'one mail per recipient');
  return byRecipient;
}

const formOf = (title: string) => formBodyOf(fieldsFromInput(samplePractice({ title })));

async function practiceRow(title: string) {
  return testApp.deps.db.selectFrom('practices').select(['id', 'slug', 'status', 'version']).where('title', '=', title).executeTakeFirstOrThrow();
}

describe('editors are told about new work', () => {
  test('a member submits the form: one mail per editor and admin, in their language, linking to the review page', async () => {
    await author.client.get('/en/practices/new');
    const submitted = await author.client.post('/en/practices/new', { ...formOf('Mother-tongue helpline'), action: 'submit' });
    assert.equal(submitted.statusCode, 303);
    const { slug } = await practiceRow('Mother-tongue helpline');

    const mails = await mailsByRecipient();
    assert.deepEqual([...mails.keys()].sort(), [editors.fr.email, editors.en.email, editors.ar.email].sort());

    const english = mails.get(editors.en.email);
    assert.equal(english?.subject, 'New practice to review: Mother-tongue helpline');
    assert.match(english?.body ?? '', /^Hello Erin,/);
    assert.match(english?.body ?? '', /Amina Author has submitted the practice “Mother-tongue helpline”/);
    assert.equal(linkIn(english?.body ?? ''), `/en/review/${slug}`);

    const french = mails.get(editors.fr.email);
    assert.equal(french?.subject, 'Nouvelle pratique à examiner : Mother-tongue helpline');
    assert.equal(linkIn(french?.body ?? ''), `/fr/review/${slug}`);

    const arabic = mails.get(editors.ar.email);
    assert.equal(arabic?.subject, 'ممارسة جديدة للمراجعة: Mother-tongue helpline');
    assert.equal(linkIn(arabic?.body ?? ''), `/ar/review/${slug}`);
  });

  test('saving a draft tells nobody; submitting it from the list does', async () => {
    await author.client.get('/en/practices/new');
    await author.client.post('/en/practices/new', { ...formOf('Intercultural mediators'), action: 'save' });
    assert.deepEqual(await outbox(), [], 'a draft is private');

    const { slug } = await practiceRow('Intercultural mediators');
    await author.client.get('/en/practices/mine');
    assert.equal((await author.client.post(`/en/practices/${slug}/submit`)).statusCode, 303);
    assert.equal((await mailsByRecipient()).size, 3);
  });

  test('a revision sent back after changes were requested is announced as such', async () => {
    const slug = await practiceService(testApp.deps).create(samplePractice({ title: 'Pichincha festivals' }), { authorId: author.id, status: 'submitted' });
    let row = await practiceRow('Pichincha festivals');
    const rubric = { ...Object.fromEntries(CRITERIA.map((c) => [`score-${c.id}`, '2'])), decision: 'request_changes', message: 'Add figures.' };
    await editorialService(testApp.deps).decide(editors.en.user, slug, row.version, checkRubric(readRubricForm(rubric)));
    await testApp.deps.db.deleteFrom('outbox').execute();

    row = await practiceRow('Pichincha festivals');
    await author.client.get(`/en/practices/${slug}/edit`);
    const resubmitted = await author.client.post(`/en/practices/${slug}/edit`, { ...formOf('Pichincha festivals'), version: String(row.version), action: 'submit' });
    assert.equal(resubmitted.statusCode, 303);
    assert.equal((await practiceRow('Pichincha festivals')).status, 'submitted');

    const mails = await mailsByRecipient();
    assert.equal(mails.size, 3);
    assert.equal(mails.get(editors.en.email)?.subject, 'Revised practice to review: Pichincha festivals');
    assert.equal(mails.get(editors.fr.email)?.subject, 'Pratique révisée à examiner : Pichincha festivals');
  });

  test('an editor who submits is not mailed about it; saving without submitting tells nobody', async () => {
    const slug = await practiceService(testApp.deps).create(samplePractice({ title: 'Sanctuary cities' }), { authorId: editors.en.id, status: 'draft' });
    await editors.en.client.get(`/en/practices/${slug}/edit`);
    const saved = await editors.en.client.post(`/en/practices/${slug}/edit`, { ...formOf('Sanctuary cities'), version: '1', action: 'save' });
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(await outbox(), []);

    await editors.en.client.get('/en/practices/mine');
    assert.equal((await editors.en.client.post(`/en/practices/${slug}/submit`)).statusCode, 303);
    const mails = await mailsByRecipient();
    assert.deepEqual([...mails.keys()].sort(), [editors.fr.email, editors.ar.email].sort());
    assert.match(mails.get(editors.fr.email)?.body ?? '', /Erin a soumis la pratique « Sanctuary cities »/);
  });

  test('a mail that cannot be sent stops neither the submission nor the other mails', async () => {
    const unreachable = await createMember(testApp, { role: 'editor' });
    await testApp.deps.db.updateTable('users').set({ email: UNREACHABLE }).where('id', '=', unreachable.id).execute();
    try {
      await author.client.get('/en/practices/new');
      const submitted = await author.client.post('/en/practices/new', { ...formOf('Police access for irregular migrants'), action: 'submit' });
      assert.equal(submitted.statusCode, 303);
      assert.equal((await practiceRow('Police access for irregular migrants')).status, 'submitted');
      assert.equal((await mailsByRecipient()).size, 3);
      // The refused mail is on record with its error, waiting for a retry or given up.
      const refused = await testApp.deps.db.selectFrom('outbox').selectAll().where('recipient', '=', UNREACHABLE).executeTakeFirstOrThrow();
      assert.notEqual(refused.status, 'sent');
      assert.ok(refused.attempts >= 1);
      assert.match(refused.last_error ?? '', /550 mailbox unavailable/);
    } finally {
      await testApp.deps.db.updateTable('users').set({ role: 'member' }).where('id', '=', unreachable.id).execute();
    }
  });
});
