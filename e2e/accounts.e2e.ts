import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  expectNoAxeViolations,
  linkInNewestMail,
  pathOf,
  startJourney,
  watchPageProblems,
  type Journey,
} from './support.ts';

let journey: Journey;
before(async () => {
  journey = await startJourney();
});
after(() => journey?.close());

const amina = {
  name: 'Amina Diallo',
  email: 'amina.diallo@example.org',
  password: 'lanternes du port au crépuscule',
  organisation: 'Ville de Lyon',
  stakeholderType: 'Collectivité locale ou ville',
  country: 'France',
};
const newOrganisation = 'Métropole de Lyon';

async function frenchVisitor(): Promise<{ page: Page; problems: string[] }> {
  const page = await journey.newPage({ locale: 'fr-FR' });
  return { page, problems: watchPageProblems(page) };
}

describe('accounts, in French', () => {
  test('a visitor registers, confirms the address, signs in, edits the profile, downloads the data and deletes the account', async () => {
    const { page, problems } = await frenchVisitor();

    // `/` sends a French browser to the French home page.
    await page.goto('/');
    await page.waitForURL('**/fr/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Rejoindre la communauté', exact: true }).click();
    await page.waitForURL('**/fr/register');
    await page.getByRole('heading', { level: 1, name: 'Créer un compte', exact: true }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Adresse e-mail', { exact: true }).fill(amina.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(amina.password);
    await page.getByLabel('Nom complet', { exact: true }).fill(amina.name);
    await page.getByLabel('Organisation', { exact: true }).fill(amina.organisation);
    await page.getByLabel('Type d’organisation', { exact: true }).selectOption({ label: amina.stakeholderType });
    await page.getByLabel('Pays', { exact: true }).selectOption({ label: amina.country });
    await page.getByRole('button', { name: 'Créer le compte', exact: true }).click();

    await page.waitForURL('**/fr/register/check-email');
    await page.getByRole('heading', { level: 1, name: 'Consultez votre messagerie', exact: true }).waitFor();
    await expectNoAxeViolations(page);

    // The confirmation link from the outbox, in French, pointing at this server.
    const confirmation = await linkInNewestMail(journey, amina.email);
    assert.match(confirmation, /\/fr\/verify-email\?token=/);
    await page.goto(confirmation);
    await page.getByText('Votre adresse e-mail est confirmée.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('main').getByRole('link', { name: 'Se connecter', exact: true }).click();
    await page.waitForURL('**/fr/login');
    await expectNoAxeViolations(page);
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(amina.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(amina.password);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.waitForURL('**/fr/account');
    assert.equal(pathOf(page), '/fr/account');
    await page.getByRole('heading', { level: 1, name: 'Votre compte', exact: true }).waitFor();
    await expectNoAxeViolations(page);

    // The profile: a new organisation is saved and shown.
    const organisation = page.getByLabel('Organisation', { exact: true });
    assert.equal(await organisation.inputValue(), amina.organisation);
    await organisation.fill(newOrganisation);
    await page.getByRole('button', { name: 'Enregistrer votre profil', exact: true }).click();
    await page.waitForURL('**/fr/account?updated=profile');
    await page.getByText('Votre profil a été enregistré.').waitFor();
    await expectNoAxeViolations(page);
    assert.equal(await page.getByLabel('Organisation', { exact: true }).inputValue(), newOrganisation);
    await page.locator('dd').filter({ hasText: newOrganisation }).waitFor();

    // The data export: a JSON file with the profile, and no password hash.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger vos données', exact: true }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'bridges-my-data.json');
    const exported = await readFile(await download.path(), 'utf8');
    const data = JSON.parse(exported) as { account?: { email?: unknown; organisation?: unknown; name?: unknown } };
    assert.equal(data.account?.email, amina.email);
    assert.equal(data.account?.organisation, newOrganisation);
    assert.equal(data.account?.name, amina.name);
    assert.doesNotMatch(exported, /password|argon2/i, 'no password hash in the export');

    // Deleting the account: explained first, then confirmed with the password.
    await page.getByRole('link', { name: 'Supprimer votre compte', exact: true }).click();
    await page.waitForURL('**/fr/account/delete');
    await page.getByRole('heading', { level: 1, name: 'Supprimer votre compte', exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Mot de passe actuel', { exact: true }).fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Supprimer mon compte', exact: true }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Votre mot de passe actuel est incorrect', exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Mot de passe actuel', { exact: true }).fill(amina.password);
    await page.getByRole('button', { name: 'Supprimer mon compte', exact: true }).click();

    // Signed out on the home page, which confirms the deletion.
    await page.waitForURL('**/fr/?account=deleted');
    await page.getByText('Votre compte a été supprimé et votre session fermée.').waitFor();
    await expectNoAxeViolations(page);
    const nav = page.getByRole('navigation', { name: 'Principale', exact: true });
    await nav.getByRole('link', { name: 'Se connecter', exact: true }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Votre compte', exact: true }).count(), 0);

    // The old credentials no longer open anything.
    await nav.getByRole('link', { name: 'Se connecter', exact: true }).click();
    await page.waitForURL('**/fr/login');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(amina.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(amina.password);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Saisissez une adresse e-mail et un mot de passe corrects', exact: true }).waitFor();
    assert.equal(pathOf(page), '/fr/login');
    await expectNoAxeViolations(page);
    const response = await page.goto('/fr/account');
    assert.equal(pathOf(page), '/fr/login?next=%2Ffr%2Faccount', 'the account page asks to sign in');
    assert.equal(response?.status(), 200);

    assert.deepEqual(problems, []);
  });

  test('an invalid registration shows an error summary that links to the fields and keeps the values', async () => {
    const { page, problems } = await frenchVisitor();
    await page.goto('/fr/register');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill('pas-une-adresse');
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await page.getByLabel('Organisation', { exact: true }).fill('Association Passerelles');
    await page.getByLabel('Pays', { exact: true }).selectOption({ label: 'Sénégal' });
    await page.getByRole('button', { name: 'Créer le compte', exact: true }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expectNoAxeViolations(page);
    await summary.getByRole('heading', { name: 'Un problème est survenu', exact: true }).waitFor();
    const links = summary.getByRole('link');
    assert.deepEqual(await links.allTextContents(), [
      'Saisissez une adresse e-mail au bon format, par exemple nom@example.org',
      'Le mot de passe doit comporter au moins 8 caractères',
      'Saisissez votre nom complet',
    ]);
    assert.deepEqual(
      await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href'))),
      ['#email', '#password', '#name'],
    );

    // Following a summary link puts the keyboard focus on its field.
    await summary.getByRole('link', { name: /Saisissez votre nom complet/ }).click();
    await page.waitForURL('**/fr/register#name');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'name');
    await summary.getByRole('link', { name: /Saisissez une adresse e-mail/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');

    // The field carries its message, and the values are kept, except the password.
    const email = page.getByLabel('Adresse e-mail', { exact: true });
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.match((await email.getAttribute('aria-describedby')) ?? '', /email-error/);
    assert.match((await page.locator('#email-error').textContent()) ?? '', /Erreur :\s*Saisissez une adresse e-mail/);
    assert.equal(await email.inputValue(), 'pas-une-adresse');
    assert.equal(await page.getByLabel('Organisation', { exact: true }).inputValue(), 'Association Passerelles');
    assert.equal(await page.getByLabel('Pays', { exact: true }).inputValue(), 'SN');
    assert.equal(await page.getByLabel('Mot de passe', { exact: true }).inputValue(), '');

    assert.deepEqual(problems, []);
  });
});

describe('languages', () => {
  test('the Arabic pages read right to left', async () => {
    const page = await journey.newPage();
    await page.goto('/ar/');
    const html = page.locator('html');
    assert.equal(await html.getAttribute('lang'), 'ar');
    assert.equal(await html.getAttribute('dir'), 'rtl');
    await expectNoAxeViolations(page);

    await page.goto('/ar/register');
    assert.equal(await html.getAttribute('dir'), 'rtl');
    await expectNoAxeViolations(page);
  });

  test('the language switcher keeps the current page', async () => {
    const page = await journey.newPage({ locale: 'en-GB' });
    await page.goto('/en/login');
    await expectNoAxeViolations(page);
    const switcher = page.getByRole('navigation', { name: 'Language', exact: true });
    assert.equal(await switcher.locator('[aria-current="true"]').textContent(), 'English');

    await switcher.getByRole('link', { name: 'Español', exact: true }).click();
    await page.waitForURL('**/es/login');
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    await expectNoAxeViolations(page);

    await page.getByRole('navigation', { name: 'Idioma', exact: true }).getByRole('link', { name: 'العربية', exact: true }).click();
    await page.waitForURL('**/ar/login');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await expectNoAxeViolations(page);
  });
});

describe('keyboard', () => {
  test('the skip link is the first focusable element and moves focus to the main content', async () => {
    const page = await journey.newPage();
    await page.goto('/en/');
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content', exact: true });
    assert.equal(await skipLink.evaluate((link) => link === document.activeElement), true, 'the first Tab lands on the skip link');
    assert.equal(await skipLink.isVisible(), true, 'the focused skip link is visible');
    await expectNoAxeViolations(page);

    await page.keyboard.press('Enter');
    await page.waitForURL('**/en/#main');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  });
});
