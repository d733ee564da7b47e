import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { accountService } from '../src/features/accounts/service.ts';
import { enterSignInCode, expectNoAxeViolations, newestMailTo, pathOf, startJourney, turnOnTwoFactorFor, watchPageProblems, type Journey } from './support.ts';

let journey: Journey;
before(async () => {
  journey = await startJourney();
});
after(() => journey?.close());

const admin = { email: 'ines.admin@example.org', password: 'quiet ferries cross the bay' };
const member = { name: 'Kwame Mensah', email: 'kwame.mensah@example.org', password: 'baobab shade at noon' };

describe('administration', () => {
  test('an admin promotes a member to editor and reads the member’s confirmation mail in the outbox', async () => {
    await accountService(journey.deps).createAccount({
      ...admin,
      name: 'Inès Admin',
      organisation: 'Bridges',
      stakeholderType: 'civil_society',
      country: '',
      role: 'admin',
    });
    const adminSecret = await turnOnTwoFactorFor(journey, admin.email);

    // A member registers in the browser; the confirmation mail lands in the outbox.
    const visitor = await journey.newPage({ locale: 'en-GB' });
    const visitorProblems = watchPageProblems(visitor);
    await visitor.goto('/en/register');
    await expectNoAxeViolations(visitor);
    await visitor.getByLabel('Email address', { exact: true }).fill(member.email);
    await visitor.getByLabel('Password', { exact: true }).fill(member.password);
    await visitor.getByLabel('Full name', { exact: true }).fill(member.name);
    await visitor.getByRole('button', { name: 'Create account', exact: true }).click();
    await visitor.waitForURL('**/en/register/check-email');
    await expectNoAxeViolations(visitor);
    const confirmation = await newestMailTo(journey, member.email);
    assert.ok(confirmation, 'the member was sent a confirmation mail');
    assert.deepEqual(visitorProblems, []);

    // The admin asks for the members page, signs in, and is brought back to it.
    const page = await journey.newPage({ locale: 'en-GB' });
    const problems = watchPageProblems(page);
    await page.goto('/en/admin/members');
    await page.waitForURL('**/en/login?next=*');
    await expectNoAxeViolations(page);
    await page.getByLabel('Email address', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await enterSignInCode(page, adminSecret);
    await page.waitForURL('**/en/admin/members');
    await page.getByRole('heading', { level: 1, name: 'Members', exact: true }).waitFor();
    await expectNoAxeViolations(page);

    // The overview links to every admin page.
    await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Administration', exact: true }).click();
    await page.waitForURL('**/en/admin');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.waitForURL('**/en/admin/members');

    // The role column, found by its header so that the check survives a change of columns.
    const roleColumn = (await page.getByRole('columnheader').allTextContents()).indexOf('Role');
    assert.ok(roleColumn >= 0, 'the members table has a Role column');
    const roleIn = (row: Locator) => row.locator('th, td').nth(roleColumn).textContent();
    const row = page.getByRole('row').filter({ hasText: member.email });
    assert.equal(await roleIn(row), 'Member');
    await row.getByLabel(`New role for ${member.name}`).selectOption({ label: 'Editor' });
    await row.getByRole('button', { name: 'Change role', exact: true }).click();
    await page.waitForURL('**/en/admin/members?*changed=*');
    await page.getByText(`The role of ${member.name} is now: Editor.`).waitFor();
    await expectNoAxeViolations(page);
    const changedRow = page.getByRole('row').filter({ hasText: member.email });
    assert.equal(await roleIn(changedRow), 'Editor');
    assert.equal(await changedRow.getByLabel(`New role for ${member.name}`).inputValue(), 'editor');
    const stored = await journey.database.db.selectFrom('users').select('role').where('email', '=', member.email).executeTakeFirstOrThrow();
    assert.equal(stored.role, 'editor');

    // The outbox lists the member's confirmation mail, which opens to its text.
    await page.goto('/en/admin/outbox');
    await page.getByRole('heading', { level: 1, name: 'Outbox', exact: true }).waitFor();
    await expectNoAxeViolations(page);
    const mailRow = page.getByRole('row').filter({ hasText: member.email });
    const subject = mailRow.getByRole('link', { name: 'Confirm your email address for Bridges', exact: true });
    await subject.click();
    await page.waitForURL(`**/en/admin/outbox/${confirmation.id}`);
    await page.getByRole('heading', { level: 1, name: 'Confirm your email address for Bridges', exact: true }).waitFor();
    assert.match((await page.locator('.mail-body').textContent()) ?? '', /\/en\/verify-email\?token=/);
    await expectNoAxeViolations(page);

    assert.deepEqual(problems, []);
    assert.ok(pathOf(page).startsWith('/en/admin/outbox/'));
  });

  test('a member who is not an admin is refused the admin pages', async () => {
    const page = await journey.newPage({ locale: 'en-GB' });
    await accountService(journey.deps).createAccount({
      name: 'Lucía Romero',
      email: 'lucia.romero@example.org',
      password: 'olive groves in spring',
      organisation: '',
      stakeholderType: '',
      country: 'ES',
      role: 'member',
    });
    await page.goto('/en/login');
    await page.getByLabel('Email address', { exact: true }).fill('lucia.romero@example.org');
    await page.getByLabel('Password', { exact: true }).fill('olive groves in spring');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/en/account');
    assert.equal(await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Administration', exact: true }).count(), 0);

    const response = await page.goto('/en/admin/members');
    assert.equal(response?.status(), 403);
    await expectNoAxeViolations(page);
  });
});
