import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { accountService, totpCode } from '../src/features/accounts/index.ts';
import { expectNoAxeViolations, pathOf, startJourney, watchPageProblems, type Journey } from './support.ts';

let journey: Journey;
before(async () => {
  journey = await startJourney();
});
after(() => journey?.close());

const member = { name: 'Nadia Haddad', email: 'nadia.haddad@example.org', password: 'cedar hills after rain' };
/** Codes change every 30 seconds; the journey plays the phone rather than waiting for it. */
const STEP_MS = 30_000;

describe('two-factor sign-in', () => {
  test('a member turns it on, signs out, and signs in again with a code from the app', async () => {
    await accountService(journey.deps).createAccount({ ...member, organisation: '', stakeholderType: '', country: '', role: 'member' });
    const page = await journey.newPage({ locale: 'en-GB' });
    const problems = watchPageProblems(page);

    await page.goto('/en/login');
    await page.getByLabel('Email address', { exact: true }).fill(member.email);
    await page.getByLabel('Password', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/en/account');

    await page.getByRole('link', { name: 'Set up two-factor sign-in', exact: true }).click();
    await page.waitForURL('**/en/account/two-factor');
    await page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in', exact: true }).waitFor();
    await expectNoAxeViolations(page);
    const secret = (await page.locator('#two-factor-secret').innerText()).replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.match((await page.getByRole('link', { name: 'add Bridges to your authenticator app', exact: true }).getAttribute('href')) ?? '', /^otpauth:\/\/totp\//);

    // A mistyped code: the form says what to do, and keeps the member on the page.
    const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    await page.getByLabel('Authentication code', { exact: true }).fill(wrong);
    await page.getByLabel('Current password', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Turn on two-factor sign-in', exact: true }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'The code is not correct. Enter the code the app shows now', exact: true }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Authentication code', { exact: true }).fill(totpCode(secret));
    await page.getByLabel('Current password', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Turn on two-factor sign-in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Save your recovery codes', exact: true }).waitFor();
    assert.equal(await page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem').count(), 10);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'I have saved my recovery codes: go to my account', exact: true }).click();
    await page.waitForURL('**/en/account');
    await page.getByText('Two-factor sign-in is on:').waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL('**/en/');

    await page.goto('/en/login');
    await page.getByLabel('Email address', { exact: true }).fill(member.email);
    await page.getByLabel('Password', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/en/login/code');
    await page.getByRole('heading', { level: 1, name: 'Enter your authentication code', exact: true }).waitFor();
    await expectNoAxeViolations(page);
    // The code that confirmed set-up is spent; the app's next one is accepted a step early.
    await page.getByLabel('Authentication code', { exact: true }).fill(totpCode(secret, Date.now() + STEP_MS));
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.waitForURL('**/en/account');
    assert.equal(pathOf(page), '/en/account');
    await page.getByRole('heading', { level: 1, name: 'Your account', exact: true }).waitFor();
    await expectNoAxeViolations(page);

    assert.deepEqual(problems, []);
  });
});
