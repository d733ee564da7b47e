import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { accountService } from '../src/features/accounts/service.ts';
import { samplePractice } from '../src/features/practices/fixtures.ts';
import { practiceService } from '../src/features/practices/service.ts';
import { enterSignInCode, expectNoAxeViolations, startJourney, turnOnTwoFactorFor, watchPageProblems, type Journey } from './support.ts';

let journey: Journey;
before(async () => {
  journey = await startJourney();
});
after(() => journey?.close());

const editor = { name: 'Erin Okafor', email: 'erin.okafor@example.org', password: 'lanterns over the harbour' };

describe('moderation in the browser', () => {
  test('an editor finds the reports from the review queue, dismisses one and removes a comment, with no axe findings', async () => {
    const { db } = journey.deps;
    const slug = await practiceService(journey.deps).create(samplePractice({ title: 'Journalist workshops in Andalusia' }), { authorId: null, status: 'published' });
    const practice = await db.selectFrom('practices').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const accounts = accountService(journey.deps);
    await accounts.createAccount({ ...editor, organisation: '', stakeholderType: '', country: '', role: 'editor' });
    const editorSecret = await turnOnTwoFactorFor(journey, editor.email);
    await accounts.createAccount({ name: 'Rui Costa', email: 'rui.costa@example.org', password: 'cork trees and tiles', organisation: '', stakeholderType: '', country: '', role: 'member' });
    const reporter = await db.selectFrom('users').select('id').where('email', '=', 'rui.costa@example.org').executeTakeFirstOrThrow();
    const comment = await db
      .insertInto('comments')
      .values({ kind: 'practice', subject_id: practice.id, author_id: reporter.id, body: 'Cheap flights at example.com, click now!' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('content_flags')
      .values([
        { subject: `practice:${practice.id}`, reporter_id: reporter.id, reason: 'inaccurate', note: 'The workshops ended in 2019.' },
        { subject: `comment:${comment.id}`, reporter_id: reporter.id, reason: 'spam', note: '' },
      ])
      .execute();

    const page = await journey.newPage({ locale: 'en-GB' });
    const problems = watchPageProblems(page);
    await page.goto('/en/login?next=%2Fen%2Freview');
    await page.getByLabel('Email address', { exact: true }).fill(editor.email);
    await page.getByLabel('Password', { exact: true }).fill(editor.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await enterSignInCode(page, editorSecret);
    await page.waitForURL('**/en/review');

    await page.getByRole('link', { name: '2 reports to moderate' }).click();
    await page.waitForURL('**/en/review/flags');
    await page.getByRole('heading', { level: 1, name: 'Reports to moderate' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: /^Dismiss Report \d+ about a practice$/ }).click();
    await page.waitForURL('**/en/review/flags?done=dismissed');
    await page.getByText('The report has been dismissed.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: /^Remove comment and resolve/ }).click();
    await page.waitForURL('**/en/review/flags?done=removed');
    await page.getByText('No reports are waiting for an editor.').waitFor();
    await expectNoAxeViolations(page);

    await page.goto('/ar/review/flags');
    await expectNoAxeViolations(page);

    await page.goto(`/en/practices/${slug}`);
    await page.getByText('Comment removed by an editor').waitFor();
    assert.equal(await page.getByText('Cheap flights at example.com').count(), 0);
    assert.deepEqual(problems, []);
  });
});
