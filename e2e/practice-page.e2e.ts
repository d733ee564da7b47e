import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { accountService } from '../src/features/accounts/service.ts';
import { samplePractice } from '../src/features/practices/fixtures.ts';
import { practiceService } from '../src/features/practices/service.ts';
import { expectNoAxeViolations, startJourney, watchPageProblems, type Journey } from './support.ts';

let journey: Journey;
before(async () => {
  journey = await startJourney();
});
after(() => journey?.close());

const member = { name: 'Lucía Fernández', email: 'lucia.fernandez@example.org', password: 'olive groves in the rain' };

/** Every Content-Security-Policy violation the page reports, read back from the page. */
async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  // Added through the DevTools protocol, which the page's CSP does not govern.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe('practice page in the browser', () => {
  test('a visitor reads it without CSP violations or axe findings, in English and Arabic; a member rates and comments', async () => {
    const service = practiceService(journey.deps);
    const origin = await service.create(samplePractice({ title: 'Intercultural mediators in Lisbon', countries: ['PT'], city: null }), {
      authorId: null,
      status: 'published',
    });
    const slug = await service.create(
      samplePractice({
        title: 'Welcome desks for newcomers in Lyon',
        adaptedFromSlug: origin,
        contact: { name: 'Claire Martin', email: 'claire.martin@example.org', public: true },
      }),
      { authorId: null, status: 'published' },
    );
    await accountService(journey.deps).createAccount({
      ...member,
      organisation: 'Ayuntamiento de Sevilla',
      stakeholderType: 'local_government',
      country: 'ES',
      role: 'member',
    });

    const page = await journey.newPage({ locale: 'en-GB' });
    const problems = watchPageProblems(page);
    const violations = await watchCspViolations(page);
    await page.goto(`/en/practices/${slug}`);
    await page.getByRole('heading', { level: 1, name: 'Welcome desks for newcomers in Lyon' }).waitFor();
    await page.getByRole('img', { name: 'Map showing where the practice takes place: Lyon and France' }).waitFor();
    await expectNoAxeViolations(page);
    const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
    assert.equal((JSON.parse(jsonLd ?? '{}') as { name?: string }).name, 'Welcome desks for newcomers in Lyon');
    assert.deepEqual(await violations(), [], 'the JSON-LD block is data, not script: no CSP violation');

    await page.getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(`**/ar/practices/${slug}`);
    await expectNoAxeViolations(page);
    assert.deepEqual(await violations(), []);

    // Signing in from the practice brings the member back to it.
    await page.goto(`/en/practices/${slug}`);
    await page.getByRole('link', { name: 'Sign in to rate this practice and comment on it' }).first().click();
    await page.getByLabel('Email address', { exact: true }).fill(member.email);
    await page.getByLabel('Password', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`**/en/practices/${slug}`);

    await page.getByRole('button', { name: 'Save rating' }).click();
    await page.waitForURL(`**/en/practices/${slug}/rating`);
    await page.getByRole('link', { name: 'Choose a rating from 1 to 5' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('5 – very useful').check();
    await page.getByRole('button', { name: 'Save rating' }).click();
    await page.waitForURL(`**/en/practices/${slug}?done=rated#rating`);
    await page.getByText('Rated 5.0 out of 5 by 1 member').waitFor();

    await page.getByLabel('Add a comment').fill('We opened a desk like this in Seville. <b>Bold</b> stays text.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.waitForURL(`**/en/practices/${slug}?done=commented#comment-*`);
    await page.getByText('We opened a desk like this in Seville. <b>Bold</b> stays text.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: /^Report comment/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Report a comment to the editors' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Inaccurate or misleading').check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(`**/en/practices/${slug}?done=flagged`);
    await page.getByText('Thank you for your report.').waitFor();
    await expectNoAxeViolations(page);

    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
  });
});
