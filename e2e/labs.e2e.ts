import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { accountService } from '../src/features/accounts/service.ts';
import { checkBothLanguages, expectNoAxeViolations, signedInPages, startJourney, turnOnTwoFactorFor, watchPageProblems, type Journey } from './support.ts';

/**
 * A Migrant Integration Lab in the browser: a coordinator opens a lab on two pillars, adds a
 * programme, a session and a service, enrols three newcomers with consent (refused without it),
 * records attendance and an outcome (refused without a date); the facilitator sees their session's
 * list and is refused a participant's record; the audit log lists each access; the public pages
 * show no count below 5; an erasure removes the participant while the dashboard still counts what
 * happened; the services leaflet prints in Arabic. Axe checks the pages in English and Arabic.
 */

const people = {
  coordinator: { name: 'Camille Roux', email: 'camille.roux@example.org', password: 'river barges at dusk', role: 'lab_coordinator' as const },
  facilitator: { name: 'Youssef Amrani', email: 'youssef.amrani@example.org', password: 'cedar shade in summer', role: 'member' as const },
};

let journey: Journey;
let facilitatorHandle = '';
const secrets = new Map<string, string>();
let pageOf: ReturnType<typeof signedInPages>;
let labPath = '';
let sessionPath = '';
let otherSessionPath = '';
const codes: string[] = [];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

before(async () => {
  journey = await startJourney();
  const accounts = accountService(journey.deps);
  for (const person of Object.values(people)) {
    const { id, handle } = await accounts.createAccount({ name: person.name, email: person.email, password: person.password, organisation: 'Lab Marseille', stakeholderType: 'civil_society', country: 'FR', role: person.role });
    await journey.deps.db.updateTable('users').set({ email_verified_at: new Date() }).where('id', '=', id).execute();
    if (person === people.facilitator) facilitatorHandle = handle;
  }
  await sql`INSERT INTO cities (slug, name, country, latitude, longitude) VALUES ('marseille', 'Marseille', 'FR', 43.2965, 5.3698) ON CONFLICT DO NOTHING`.execute(journey.deps.db);
  secrets.set(people.coordinator.email, await turnOnTwoFactorFor(journey, people.coordinator.email));
  pageOf = signedInPages(journey, secrets);
});
after(() => journey?.close());

/** The numbers shown in a page's indicator tables. */
async function publishedNumbers(page: Page): Promise<number[]> {
  const cells = await page.locator('table td.table__cell--numeric').allInnerTexts();
  return cells.map((text) => text.trim()).filter((text) => /^\d+$/.test(text)).map(Number);
}

describe('a Migrant Integration Lab in the browser', () => {
  test('a coordinator opens a lab on two pillars, with a programme, a session and a service, and enrols three people with consent', async () => {
    const page = await pageOf(people.coordinator, '/en/labs/new');
    const problems = watchPageProblems(page);
    await expectNoAxeViolations(page);
    await page.getByLabel('Name of the lab').fill('Lab Marseille');
    await page.getByLabel('Country', { exact: true }).selectOption('FR');
    await page.getByLabel('City', { exact: true }).fill('Marseille');
    await page.getByLabel('Language and communication').check();
    await page.getByLabel('Economic integration').check();
    await page.getByLabel('Time zone of the lab').selectOption('Europe/Paris');
    await page.getByRole('button', { name: 'Open the lab' }).click();
    await page.waitForURL('**/en/labs/lab-marseille/manage?done=created');
    labPath = '/labs/lab-marseille';
    await expectNoAxeViolations(page);

    await page.getByLabel('Member’s handle').fill(facilitatorHandle);
    await page.getByRole('radio', { name: 'Facilitator' }).check();
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.getByText('The team has been updated.').waitFor();

    await page.getByRole('radio', { name: 'Language and communication' }).check();
    await page.getByLabel('Title of the programme').fill('French for everyday life');
    await page.getByLabel('Learning path').fill('Introducing yourself\nAt the doctor');
    await page.getByLabel('Starts on').fill(day(-20));
    await page.getByLabel('Ends on').fill(day(40));
    await page.getByRole('button', { name: 'Add the programme' }).click();
    await page.getByText('The programme has been added.').waitFor();

    const sessionForm = page.locator('details');
    await sessionForm.locator('summary').click();
    await sessionForm.getByLabel('Module').selectOption('Introducing yourself');
    await sessionForm.getByLabel('Date').fill(day(90));
    await sessionForm.getByLabel('Starting time').fill('18:30');
    await sessionForm.getByLabel('Place', { exact: true }).fill('Maison pour tous, Belsunce');
    await sessionForm.getByLabel('Facilitator').selectOption({ label: people.facilitator.name });
    await sessionForm.getByLabel('Language of the session').selectOption({ label: 'French' });
    await sessionForm.getByLabel('Format').selectOption({ label: 'Class' });
    await sessionForm.getByRole('button', { name: 'Add the session' }).click();
    await page.getByText('Choose a date within the programme’s dates').first().waitFor();
    const retry = page.locator('details[open]');
    await retry.getByLabel('Date').fill(day(-1));
    await retry.getByRole('button', { name: 'Add the session' }).click();
    await page.getByText('The session has been added.').waitFor();
    sessionPath = new URL(await page.locator('#programmes a[href*="/sessions/"]').first().getAttribute('href') ?? '', 'http://x').pathname.replace(/^\/en/, '');
    // A second session, given by the coordinator: not the facilitator's.
    await page.locator('details summary').click();
    const second = page.locator('details[open]');
    await second.getByLabel('Module').selectOption('At the doctor');
    await second.getByLabel('Date').fill(day(3));
    await second.getByLabel('Starting time').fill('10:00');
    await second.getByLabel('Place', { exact: true }).fill('Maison pour tous, Belsunce');
    await second.getByLabel('Facilitator').selectOption({ label: people.coordinator.name });
    await second.getByLabel('Language of the session').selectOption({ label: 'French' });
    await second.getByLabel('Format').selectOption({ label: 'Workshop' });
    await second.getByRole('button', { name: 'Add the session' }).click();
    await page.getByText('The session has been added.').waitFor();
    const sessionLinks = await page.locator('#programmes a[href*="/sessions/"]').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname.replace(/^\/en/, '')));
    otherSessionPath = sessionLinks.find((path) => path !== sessionPath) ?? '';
    assert.ok(otherSessionPath);

    const serviceForm = page.locator('#services form').last();
    await serviceForm.getByLabel('Kind of service').selectOption({ label: 'Legal aid' });
    await serviceForm.getByLabel('Name of the service').fill('Permanence juridique de Belsunce');
    await serviceForm.getByLabel('Address').fill('12 rue du Baignoir, 13001 Marseille');
    await serviceForm.getByLabel('Opening hours').fill('Mer 14:00–17:00');
    await serviceForm.getByLabel('Arabic').check();
    await serviceForm.getByLabel('French').check();
    await serviceForm.getByLabel('Cost').fill('Gratuit');
    await serviceForm.getByRole('button', { name: 'Add the service' }).click();
    await page.getByText('The service has been added.').waitFor();

    await page.goto(`/en${labPath}/participants`);
    await expectNoAxeViolations(page);
    const enrol = async (consent: boolean) => {
      await page.getByLabel('Language in which the consent notice was shown').selectOption('ar');
      if (consent) await page.getByLabel('I showed the notice in this language, and the person agreed').check();
      await page.getByLabel('26 to 35').check();
      await page.getByLabel('Year of arrival').fill('2024');
      await page.locator('#enrol').getByLabel('Arabic', { exact: true }).check();
      await page.getByLabel('French for everyday life').check();
      await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    };
    await enrol(false);
    await page.getByText('Record the person’s consent: nobody is enrolled without it').first().waitFor();
    await page.getByRole('heading', { name: '0 participants' }).waitFor();
    for (let index = 0; index < 3; index += 1) {
      if (index > 0) await page.goto(`/en${labPath}/participants`);
      await enrol(true);
      await page.getByText('The participant has been enrolled.').waitFor();
      const code = (await page.locator('h1 code').innerText()).trim();
      assert.match(code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      assert.ok(!page.url().includes(code), 'the code is not in the address');
      codes.push(code);
    }
    await expectNoAxeViolations(page);

    await page.goto(`/en${sessionPath}`);
    for (const code of codes.slice(0, 2)) await page.getByLabel(code).check();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText('Attendance has been saved.').waitFor();
    await checkBothLanguages(page, sessionPath);

    await page.goto(`/en${labPath}/participants`);
    await page.getByRole('link', { name: codes[0] }).click();
    await page.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Language level (CEFR)' });
    await page.getByLabel('Language level', { exact: true }).selectOption('A2');
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    await page.getByText('Enter the date of the outcome').first().waitFor();
    await page.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Language level (CEFR)' });
    await page.getByLabel('Language level', { exact: true }).selectOption('A2');
    await page.locator('#outcome-achievedOn').fill(day(0));
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    await page.getByText('The outcome has been recorded.').waitFor();
    await page.getByRole('cell', { name: 'Language level (CEFR): A2' }).waitFor();
    const recordPath = new URL(page.url()).pathname.replace(/^\/en/, '');
    await checkBothLanguages(page, recordPath);
    await checkBothLanguages(page, `${labPath}/manage`);
    assert.deepEqual(problems, []);
  });

  test('the facilitator sees only their session, is refused a participant record, and the audit log shows it all', async () => {
    const page = await pageOf(people.facilitator, `/en${labPath}`);
    const problems = watchPageProblems(page);
    await page.getByRole('link', { name: 'My sessions' }).click();
    assert.deepEqual(await page.locator('main a[href*="/sessions/"]').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname)), [`/en${sessionPath}`], 'only their own session');
    assert.equal((await page.goto(`/en${otherSessionPath}`))?.status(), 403);
    await page.goto(`/en${labPath}/sessions`);
    await page.locator('main a[href*="/sessions/"]').first().click();
    await page.getByRole('heading', { name: '3 participants enrolled' }).waitFor();
    for (const code of codes) await page.getByLabel(code).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Participants' }).count(), 0, 'no way to the participants');
    const refused = await page.goto(`/en${labPath}/participants`);
    assert.equal(refused?.status(), 403);
    const { rows } = await sql<{ id: number }>`SELECT id FROM lab_participants ORDER BY id LIMIT 1`.execute(journey.deps.db);
    const denied = await page.goto(`/en${labPath}/participants/${rows[0]?.id ?? 0}`);
    assert.equal(denied?.status(), 403);

    const coordinator = await pageOf(people.coordinator, `/en${labPath}/audit`);
    await coordinator.getByRole('cell', { name: 'Was refused a record' }).waitFor();
    await coordinator.getByRole('row', { name: /Youssef Amrani.*Opened a session’s list/ }).first().waitFor();
    await coordinator.getByRole('row', { name: /Camille Roux.*Opened a record/ }).first().waitFor();
    await coordinator.getByRole('row', { name: /Camille Roux.*Enrolled a participant/ }).first().waitFor();
    await checkBothLanguages(coordinator, `${labPath}/audit`);
    assert.deepEqual(problems, []);
  });

  test('public pages show no count below 5; an erasure removes the person and the dashboard stays consistent; the leaflet prints in Arabic', async () => {
    const visitor = await journey.newPage();
    const problems = watchPageProblems(visitor);
    await visitor.goto(`/en${labPath}`);
    await visitor.getByRole('heading', { name: 'Lab Marseille' }).waitFor();
    await visitor.getByText('0 trained facilitators').waitFor();
    assert.ok((await publishedNumbers(visitor)).every((value) => value >= 5));
    assert.ok((await visitor.getByText('hidden', { exact: true }).count()) > 0, 'small counts are hidden');
    for (const code of codes) assert.equal(await visitor.getByText(code).count(), 0);
    await checkBothLanguages(visitor, labPath);
    await visitor.goto('/en/labs');
    assert.ok((await publishedNumbers(visitor)).every((value) => value >= 5));
    await checkBothLanguages(visitor, '/labs');

    const coordinator = await pageOf(people.coordinator, `/en${labPath}/dashboard`);
    const enrolments = coordinator.locator('#pillar-language_communication').getByRole('row', { name: /^Enrolments/ }).first();
    assert.match(await enrolments.innerText(), /3/);
    await coordinator.goto(`/en${labPath}/participants`);
    await coordinator.getByRole('link', { name: codes[2] }).click();
    await coordinator.getByRole('button', { name: 'Erase the record' }).click();
    await coordinator.getByText('Tick the box to confirm the erasure').first().waitFor();
    await coordinator.getByLabel(`Erase everything about ${codes[2]}. This cannot be undone.`).check();
    await coordinator.getByRole('button', { name: 'Erase the record' }).click();
    await coordinator.getByText('The participant’s record has been erased.').waitFor();
    await coordinator.getByRole('heading', { name: '2 participants' }).waitFor();
    assert.equal(await coordinator.getByRole('link', { name: codes[2] }).count(), 0);
    await coordinator.goto(`/en${labPath}/dashboard`);
    assert.match(await coordinator.locator('#pillar-language_communication').getByRole('row', { name: /^Enrolments/ }).first().innerText(), /3/, 'what happened still counts');
    await coordinator.getByRole('img', { name: /Language and communication/ }).waitFor();
    await checkBothLanguages(coordinator, `${labPath}/dashboard`);
    await coordinator.goto(`/en${labPath}/audit`);
    await coordinator.getByRole('cell', { name: 'Erased a record on request' }).waitFor();

    await visitor.goto(`/ar${labPath}/leaflet`);
    await visitor.getByRole('heading', { name: 'المساعدة القانونية' }).waitFor();
    await visitor.getByText('Permanence juridique de Belsunce').waitFor();
    assert.equal(await visitor.locator('html').getAttribute('dir'), 'rtl');
    await expectNoAxeViolations(visitor);
    await visitor.emulateMedia({ media: 'print' });
    assert.equal(await visitor.locator('header').first().isVisible(), false, 'the site header is not printed');
    const pdf = await visitor.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    await visitor.emulateMedia({ media: 'screen' });
    await checkBothLanguages(visitor, `${labPath}/leaflet`);
    assert.deepEqual(problems, []);
  });
});
