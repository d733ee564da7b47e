import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { samplePng } from '../src/test/sample-files.ts';
import { accountService } from '../src/features/accounts/service.ts';
import { CRITERIA } from '../src/features/practices/criteria.ts';
import { expectNoAxeViolations, linkIn, newestMailTo, startJourney, watchPageProblems, type Journey } from './support.ts';

let journey: Journey;
let dataDir: string;
before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'bridges-e2e-uploads-'));
  journey = await startJourney({ env: { DATA_DIR: dataDir } });
});
after(async () => {
  await journey?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const member = { name: 'Amina Diallo', email: 'amina.diallo@example.org', password: 'harbour lanterns at dusk' };
const editor = { name: 'Erin Okafor', email: 'erin.okafor@example.org', password: 'quiet rivers run deep' };

async function signIn(page: Page, person: { email: string; password: string }): Promise<void> {
  await page.goto('/en/login');
  await page.getByLabel('Email address', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/en/account');
}

async function scoreEveryCriterion(page: Page, score: number): Promise<void> {
  for (const criterion of CRITERIA) await page.locator(`input[name="score-${criterion.id}"][value="${score}"]`).check();
}

describe('the editorial workflow in the browser', () => {
  test('a member submits with an attachment, the editor asks for changes, the member resubmits, the editor publishes', async () => {
    const accounts = accountService(journey.deps);
    await accounts.createAccount({ ...member, role: 'member', organisation: 'Ville de Lyon', stakeholderType: 'local_government', country: 'FR' });
    await accounts.createAccount({ ...editor, role: 'editor', organisation: '', stakeholderType: '', country: '' });

    const author = await journey.newPage({ locale: 'en-GB' });
    const authorProblems = watchPageProblems(author);
    await signIn(author, member);
    await author.goto('/en/practices/new');
    await author.getByRole('heading', { level: 1, name: 'Submit a practice' }).waitFor();
    await expectNoAxeViolations(author);

    // Submitting half a record brings the form back with its errors, the typed text kept.
    await author.getByLabel('Title', { exact: true }).fill('Welcome desks for newcomers in Lyon');
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.getByRole('heading', { level: 2, name: 'There is a problem' }).waitFor();
    assert.equal(await author.getByLabel('Title', { exact: true }).inputValue(), 'Welcome desks for newcomers in Lyon');
    await expectNoAxeViolations(author);

    await author.getByLabel('Summary', { exact: true }).fill('One desk at the town hall where newcomers get advice on housing, work and language courses.');
    await author.getByRole('textbox', { name: 'Activities', exact: true }).fill('Trained staff and volunteer interpreters answer questions and book appointments.');
    await author.getByRole('textbox', { name: 'Outcomes', exact: true }).fill('Waiting times fell by half.');
    await author.getByLabel('Socio-economic integration').check();
    await author.getByLabel('Housing', { exact: true }).check();
    // Regions fold their countries away; after an error about countries they are all open.
    const europe = author.locator('details', { has: author.locator('summary', { hasText: 'Europe' }) });
    if ((await europe.getAttribute('open')) === null) await europe.locator('summary').click();
    await author.getByLabel('France', { exact: true }).check();
    await author.locator('#organisation1Name').fill('City of Lyon');
    await author.locator('#organisation1Type').selectOption('local_government');
    await author.locator('#startDate').fill('2021-03-01');
    await author.locator('#contactName').fill('Claire Martin');
    await author.locator('#contactEmail').fill('claire.martin@example.org');
    await author.locator('#attachments').setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: samplePng({ text: 'GPS 45.76N' }) });
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.waitForURL('**/en/practices/mine?done=submitted');
    await author.getByText('Your practice has been sent to the editors.').waitFor();
    await expectNoAxeViolations(author);

    const reviewer = await journey.newPage({ locale: 'en-GB' });
    const reviewerProblems = watchPageProblems(reviewer);
    await signIn(reviewer, editor);
    await reviewer.goto('/en/review');
    await expectNoAxeViolations(reviewer);
    await reviewer.getByRole('link', { name: 'Welcome desks for newcomers in Lyon' }).click();
    await reviewer.getByRole('button', { name: 'Start reviewing' }).click();
    await reviewer.getByText('You are reviewing this practice.').waitFor();
    await reviewer.getByRole('link', { name: 'poster.png' }).waitFor();
    await expectNoAxeViolations(reviewer);
    await scoreEveryCriterion(reviewer, 2);
    await reviewer.locator('input[name="score-results"][value="1"]').check();
    await reviewer.getByLabel('Comment on Results and evidence (optional)').fill('Give the figures before and after.');
    await reviewer.getByLabel('Ask the author for changes').check();
    await reviewer.getByLabel('Message to the author').fill('Please add how waiting times were measured.');
    await reviewer.getByRole('button', { name: 'Save decision and email the author' }).click();
    await reviewer.getByText('Your decision has been saved and the author has been emailed.').waitFor();

    const mail = await newestMailTo(journey, member.email);
    assert.match(mail?.subject ?? '', /^Changes requested: Welcome desks for newcomers in Lyon/);
    await author.goto(linkIn(journey, mail?.body ?? ''));
    await author.getByRole('heading', { level: 2, name: 'The editors’ review' }).waitFor();
    await author.getByText('Please add how waiting times were measured.').waitFor();
    await author.getByText('Give the figures before and after.').waitFor();
    await expectNoAxeViolations(author);
    await author.getByRole('textbox', { name: 'Evaluation', exact: true }).fill('Waiting times were logged at the desk before and after opening.');
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.waitForURL('**/en/practices/mine?done=submitted');

    await reviewer.goto('/en/review');
    await reviewer.getByRole('link', { name: 'Welcome desks for newcomers in Lyon' }).click();
    await scoreEveryCriterion(reviewer, 3);
    await reviewer.getByLabel('Publish', { exact: true }).check();
    await reviewer.getByRole('button', { name: 'Save decision and email the author' }).click();
    await reviewer.getByText('Your decision has been saved and the author has been emailed.').waitFor();
    await reviewer.getByRole('button', { name: 'Feature on the home page' }).click();
    await reviewer.getByText('This practice is now featured on the home page.').waitFor();

    const visitor = await journey.newPage({ locale: 'en-GB' });
    await visitor.goto('/en/');
    await visitor.getByRole('link', { name: 'Welcome desks for newcomers in Lyon' }).waitFor();
    await visitor.goto('/en/practices/criteria');
    await expectNoAxeViolations(visitor);
    await visitor.goto('/ar/practices/criteria');
    await expectNoAxeViolations(visitor);

    // The author corrects the published text; the history shows what changed.
    await author.goto('/en/practices/mine');
    await author.getByRole('link', { name: /^Edit/ }).first().click();
    await author.getByLabel('Summary', { exact: true }).fill('One desk at the town hall and one at the library, where newcomers get advice on housing, work and language courses.');
    await author.getByRole('button', { name: 'Save changes' }).click();
    await author.getByText('Your changes have been saved.').waitFor();
    const slug = /\/practices\/([^/]+)\/edit/.exec(author.url())?.[1] ?? '';
    await visitor.goto(`/en/practices/${slug}/history`);
    await visitor.locator('ins', { hasText: 'and one at the library' }).waitFor();
    await expectNoAxeViolations(visitor);

    assert.deepEqual(authorProblems, []);
    assert.deepEqual(reviewerProblems, []);
  });
});
