import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { accountService } from '../src/features/accounts/service.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../src/features/campaigns/index.ts';
import { checkBothLanguages, expectNoAxeViolations, linkInNewestMail, signedInPages, startJourney, turnOnTwoFactorFor, watchPageProblems, type Journey } from './support.ts';

/**
 * Campaigns in the browser: an editor publishes two myths with their sources (one proposed by a
 * member, from the review queue); a member starts a campaign with messages for two audiences in
 * two languages resting on them, downloads the Arabic share card as PNG and records an indicator
 * value that the chart and the table show; a visitor supports by confirmed email and the count
 * rises by exactly one; the report prints. Axe checks every page in English and Arabic.
 */

const people = {
  editor: { name: 'Elif Editor', email: 'elif.editor@example.org', password: 'olive groves at dawn', role: 'editor' as const },
  salma: { name: 'Salma Idrissi', email: 'salma.idrissi@example.org', password: 'mint tea on the terrace', role: 'member' as const },
};

let journey: Journey;
const secrets = new Map<string, string>();
let pageOf: ReturnType<typeof signedInPages>;

before(async () => {
  journey = await startJourney();
  const accounts = accountService(journey.deps);
  for (const person of Object.values(people)) {
    const { id } = await accounts.createAccount({ name: person.name, email: person.email, password: person.password, organisation: 'Casa de Acogida', stakeholderType: 'civil_society', country: 'ES', role: person.role });
    await journey.deps.db.updateTable('users').set({ email_verified_at: new Date() }).where('id', '=', id).execute();
  }
  secrets.set(people.editor.email, await turnOnTwoFactorFor(journey, people.editor.email));
  pageOf = signedInPages(journey, secrets);
});
after(() => journey?.close());

/** Fills the myth form: the claim, the fact, one audience and one source. */
async function fillMyth(page: Page, myth: { claim: string; fact: string; language: string; source: string; url: string }): Promise<void> {
  await page.getByLabel('The myth, as people say it').fill(myth.claim);
  await page.getByLabel('The fact that answers it').fill(myth.fact);
  await page.getByLabel('Language it is written in').selectOption(myth.language);
  await page.getByLabel('Public in destination countries').check();
  await page.locator('#source-1').fill(myth.source);
  await page.locator('#source-1-url').fill(myth.url);
}

let campaignPath = '';

describe('campaigns in the browser', () => {
  test('an editor publishes two myths with their sources, one proposed by a member', async () => {
    const editor = await pageOf(people.editor, '/en/myths/new');
    await fillMyth(editor, { claim: 'Migrants are a burden on the economy.', fact: 'Migrants produced about 9 per cent of global GDP in 2015.', language: 'en', source: 'People on the move', url: 'https://www.mckinsey.com/' });
    await editor.getByRole('button', { name: 'Publish now' }).click();
    await editor.waitForURL('**/en/myths/*?done=publish');

    const salma = await pageOf(people.salma, '/en/myths/new');
    // A source link that is not http(s) is refused, and the form keeps what was typed.
    await fillMyth(salma, { claim: 'المهاجرون يأخذون وظائفنا.', fact: 'للهجرة أثر محدود جدًا في تشغيل العمال المحليين.', language: 'ar', source: 'Is migration good for the economy?', url: 'ftp://example.org/report' });
    await salma.getByRole('button', { name: 'Send to the editors' }).click();
    await salma.getByText('starting with http:// or https://').first().waitFor();
    await salma.locator('#source-1-url').fill('https://www.oecd.org/migration/');
    await salma.getByRole('button', { name: 'Send to the editors' }).click();
    await salma.waitForURL('**/en/myths/*?done=submit');

    await editor.goto('/en/review?kind=myth');
    await editor.getByRole('link', { name: 'المهاجرون يأخذون وظائفنا.' }).click();
    await editor.getByLabel('Publish').check();
    await editor.getByRole('button', { name: 'Send the decision' }).click();
    await editor.getByText('The myth is published and its author told.').waitFor();

    const visitor = await journey.newPage();
    const problems = watchPageProblems(visitor);
    await visitor.goto('/en/myths');
    await visitor.getByRole('link', { name: 'Migrants are a burden on the economy.' }).waitFor();
    await visitor.getByRole('link', { name: 'المهاجرون يأخذون وظائفنا.' }).click();
    await visitor.getByRole('link', { name: 'Is migration good for the economy?' }).waitFor();
    const mythPath = new URL(visitor.url()).pathname.replace(/^\/en/, '');
    await checkBothLanguages(visitor, '/myths');
    await checkBothLanguages(visitor, mythPath);
    assert.deepEqual(problems, []);
  });

  test('a member starts a campaign with messages for two audiences in two languages, downloads the Arabic card and records a value', async () => {
    const salma = await pageOf(people.salma, '/en/campaigns/new');
    const problems = watchPageProblems(salma);
    await salma.getByLabel('Name of the campaign').fill('No Walls but Bridges');
    await salma.getByLabel('Hashtag').fill('NoWallsButBridges');
    await salma.getByLabel('Language it is written in').selectOption('en');
    await salma.getByLabel('The problem it answers').fill('Negative attitudes towards migration and the rise of populism.');
    await salma.getByLabel('Public in destination countries').check();
    await salma.getByLabel('Policymakers').check();
    await salma.getByLabel('Starts on').fill('2026-11-02');
    await salma.getByLabel('Budget (optional)', { exact: true }).fill('0');
    await expectNoAxeViolations(salma);
    await salma.getByRole('button', { name: 'Create the campaign' }).click();
    await salma.waitForURL('**/en/campaigns/*?done=created');
    campaignPath = new URL(salma.url()).pathname.replace(/^\/en/, '');
    await salma.getByText('€0: a budget of zero').waitFor();

    await salma.getByRole('link', { name: 'Manage this campaign' }).click();
    await expectNoAxeViolations(salma);
    const addMessage = async (message: { audience: string; language: string; body: string; myth: string }) => {
      await salma.getByLabel('Audience', { exact: true }).selectOption({ label: message.audience });
      await salma.getByLabel('Language of the message').selectOption(message.language);
      await salma.getByLabel('Message', { exact: true }).fill(message.body);
      await salma.getByLabel(message.myth).check();
      await salma.getByRole('button', { name: 'Add the message' }).click();
      await salma.getByText('The message is added.').waitFor();
    };
    await addMessage({ audience: 'Public in destination countries', language: 'en', body: 'Migrants produce 9% of global GDP. Build bridges, not walls.', myth: 'Migrants are a burden on the economy.' });
    await addMessage({ audience: 'Policymakers', language: 'ar', body: 'للهجرة أثر محدود جدًا في تشغيل العمال المحليين: لنبنِ جسورًا لا جدرانًا.', myth: 'المهاجرون يأخذون وظائفنا.' });

    await salma.getByLabel('Indicator', { exact: true }).fill('Posts shared with the hashtag');
    await salma.getByLabel('Baseline').fill('0');
    await salma.getByLabel('Target').fill('1000');
    await salma.getByRole('button', { name: 'Add the indicator' }).click();
    await salma.getByText('The indicator is added.').waitFor();
    await salma.getByRole('radio', { name: 'Posts shared with the hashtag' }).check();
    await salma.getByLabel('Date of the value').fill('2026-11-20');
    await salma.getByLabel('Value', { exact: true }).fill('lots');
    await salma.getByRole('button', { name: 'Record the value' }).click();
    await salma.getByText('Enter a number, such as 1200 or 3.5').first().waitFor();
    await salma.getByRole('radio', { name: 'Posts shared with the hashtag' }).check();
    await salma.getByLabel('Date of the value').fill('2026-11-20');
    await salma.getByLabel('Value', { exact: true }).fill('640');
    await salma.getByRole('button', { name: 'Record the value' }).click();
    await salma.getByText('The value is recorded.').waitFor();

    await salma.goto(`/en${campaignPath}`);
    await salma.getByRole('img', { name: 'Posts shared with the hashtag' }).waitFor();
    await salma.getByRole('cell', { name: '640' }).waitFor();
    const arabic = salma.locator('li', { hasText: 'لنبنِ جسورًا' });
    const [download] = await Promise.all([salma.waitForEvent('download'), arabic.getByRole('link', { name: 'Share card (PNG)' }).click()]);
    const png = await readFile(await download.path());
    assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.equal(png.readUInt32BE(16), CARD_WIDTH);
    assert.equal(png.readUInt32BE(20), CARD_HEIGHT);
    await checkBothLanguages(salma, campaignPath);
    await checkBothLanguages(salma, '/campaigns');
    assert.deepEqual(problems, []);
  });

  test('a visitor supports the campaign by confirmed email and the count rises by exactly one; the report prints', async () => {
    const visitor = await journey.newPage();
    const problems = watchPageProblems(visitor);
    await visitor.goto(`/en${campaignPath}`);
    await visitor.getByText('0 supporters', { exact: true }).waitFor();
    await visitor.getByLabel('Email address').fill('nadia@example.org');
    await visitor.getByRole('button', { name: 'Send me the link' }).click();
    await visitor.getByText('Check your inbox').waitFor();
    await visitor.getByText('0 supporters', { exact: true }).waitFor();
    await visitor.goto(await linkInNewestMail(journey, 'nadia@example.org'));
    await expectNoAxeViolations(visitor);
    await visitor.getByRole('button', { name: 'Confirm my support' }).click();
    await visitor.getByText('your support is confirmed and counts').waitFor();
    await visitor.getByText('1 supporter', { exact: true }).waitFor();

    await visitor.goto(`/en${campaignPath}/report`);
    await visitor.getByRole('heading', { name: 'Report: No Walls but Bridges' }).waitFor();
    await visitor.emulateMedia({ media: 'print' });
    assert.equal(await visitor.locator('header').first().isVisible(), false, 'the site header is not printed');
    const pdf = await visitor.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    await visitor.emulateMedia({ media: 'screen' });
    await checkBothLanguages(visitor, `${campaignPath}/report`);
    assert.deepEqual(problems, []);
  });
});
