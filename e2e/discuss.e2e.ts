import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { accountService } from '../src/features/accounts/service.ts';
import { advanceStates, defineDiscussJobs } from '../src/features/discuss/index.ts';
import { waitFor } from '../src/test/wait.ts';
import { checkBothLanguages, expectNoAxeViolations, signedInPages, startJourney, turnOnTwoFactorFor, watchPageProblems, type Journey } from './support.ts';

/**
 * Discuss in the browser: two members talk in a topic with a quote and an edit, a third reports a
 * post and an editor removes it from the shared moderation queue; the forum shows a member what is
 * new and opens the topic at the first post they have not read. A dialogue opens at its time by
 * itself, takes a post, closes by itself, gets a summary and downloads as HTML. In a consultation
 * two identified comments arrive, the chair publishes one and declines the other, the synthesis
 * links the published one, and the declined one is nowhere public. Axe checks every page in
 * English and Arabic.
 */

const people = {
  admin: { name: 'Aisha Admin', email: 'aisha.admin@example.org', password: 'cedar trees in winter', role: 'admin' as const },
  editor: { name: 'Erin Okafor', email: 'erin.okafor@example.org', password: 'lanterns over the harbour', role: 'editor' as const },
  chair: { name: 'Neville Chair', email: 'neville.chair@example.org', password: 'gavel and round table', role: 'chair' as const },
  ines: { name: 'Inês Duarte', email: 'ines.duarte@example.org', password: 'azulejos by the river', role: 'member' as const },
  tom: { name: 'Tom Becker', email: 'tom.becker@example.org', password: 'bicycles along the canal', role: 'member' as const },
  rui: { name: 'Rui Costa', email: 'rui.costa@example.org', password: 'cork trees and tiles', role: 'member' as const },
};
type Person = (typeof people)[keyof typeof people];

let journey: Journey;
const secrets = new Map<string, string>();

before(async () => {
  journey = await startJourney({ defineJobs: defineDiscussJobs });
  const accounts = accountService(journey.deps);
  for (const person of Object.values(people)) {
    const { id } = await accounts.createAccount({ name: person.name, email: person.email, password: person.password, organisation: 'Lisbon Welcome Office', stakeholderType: 'local_government', country: 'PT', role: person.role });
    await journey.deps.db.updateTable('users').set({ email_verified_at: new Date() }).where('id', '=', id).execute();
    if (person.role !== 'member') secrets.set(person.email, await turnOnTwoFactorFor(journey, person.email));
  }
});
after(() => journey?.close());

/** Each person signs in once (sign-in is rate-limited); later tests reuse their page. */
let pages: ReturnType<typeof signedInPages> | undefined;
const pageOf = (person: Person, next: string): Promise<Page> => (pages ??= signedInPages(journey, secrets))(person, next);

/** A wall-clock time in UTC (the zone of these people) as a datetime-local field takes it, with seconds. */
const utcLocal = (instant: Date) => instant.toISOString().slice(0, 19);

let topicPath = '';
let dialoguePath = '';
let consultationPath = '';

describe('discuss in the browser', () => {
  test('two members discuss with a quote and an edit; a third reports a post and an editor removes it from the shared queue', async () => {
    const admin = await pageOf(people.admin, '/en/discuss/new');
    await admin.getByRole('textbox', { name: 'Name' }).fill('Housing');
    await admin.getByRole('textbox', { name: 'Description' }).fill('Homes for newcomers');
    await admin.getByRole('button', { name: 'Add forum' }).click();
    await admin.waitForURL('**/en/discuss/housing');

    const ines = await pageOf(people.ines, '/en/discuss/housing/new');
    const problems = watchPageProblems(ines);
    await ines.getByRole('textbox', { name: 'Title' }).fill('Shared flats for newcomers');
    await ines.getByRole('textbox', { name: 'First post' }).fill('Who runs **shared flats** for newcomers?');
    await expectNoAxeViolations(ines);
    await ines.getByRole('button', { name: 'Start topic' }).click();
    await ines.getByText('Your topic is started.').waitFor();
    topicPath = new URL(ines.url()).pathname.replace(/^\/en/, '');

    const tom = await pageOf(people.tom, `/en${topicPath}`);
    await tom.getByRole('link', { name: 'Quote' }).first().click();
    await tom.getByRole('textbox', { name: 'Your reply' }).fill('We do, in Lisbon.');
    await tom.getByRole('button', { name: 'Post reply' }).click();
    await tom.getByText('Your reply is posted.').waitFor();
    await tom.getByText('Inês Duarte wrote:').waitFor();
    await tom.getByRole('link', { name: 'Edit' }).click();
    await tom.getByRole('textbox', { name: 'Your post' }).fill('We do, in Lisbon and Porto.');
    await tom.getByRole('button', { name: 'Save changes' }).click();
    await tom.getByText('Your post is updated.').waitFor();
    await tom.getByRole('link', { name: 'edited' }).click();
    await tom.getByText('We do, in Lisbon.', { exact: true }).waitFor();
    await expectNoAxeViolations(tom);

    // Inês has not seen Tom's reply: the forum says so, and the link opens the topic at it.
    await ines.goto('/en/discuss/housing');
    await ines.getByText('2 posts / 1 new').waitFor();
    await expectNoAxeViolations(ines);
    await ines.getByRole('link', { name: 'First unread post' }).click();
    await ines.waitForURL(/#post-\d+$/);
    const anchor = new URL(ines.url()).hash;
    assert.match(await ines.locator(anchor).innerText(), /Lisbon and Porto/);

    const rui = await pageOf(people.rui, `/en${topicPath}`);
    await rui.getByRole('link', { name: 'Report' }).nth(1).click();
    await rui.getByLabel('Spam or advertising').check();
    await rui.getByRole('button', { name: 'Send report' }).click();
    await rui.getByText('Thank you. The moderators will look at your report.').waitFor();

    const editor = await pageOf(people.editor, '/en/review/flags');
    await expectNoAxeViolations(editor);
    await editor.getByRole('button', { name: /^Remove comment and resolve/ }).click();
    await editor.waitForURL('**/en/review/flags?done=removed');
    await editor.goto(`/en${topicPath}`);
    await editor.getByText('This post was removed by a moderator: Spam or advertising').waitFor();
    assert.equal(await editor.getByText('Lisbon and Porto').count(), 0);
    assert.deepEqual(problems, []);
  });

  test('a dialogue opens at its time, takes a post, closes by itself, gets a summary and downloads as HTML', async () => {
    const chair = await pageOf(people.chair, '/en/dialogues/new');
    const opens = new Date(Date.now() + 6_000);
    const closes = new Date(Date.now() + 30_000);
    await chair.getByRole('textbox', { name: 'Title' }).fill('Societies and Identities');
    await chair.getByRole('textbox', { name: 'Introduction' }).fill('One week of exchange.');
    await chair.getByRole('textbox', { name: 'Guiding questions' }).fill('Deconstructing perceptions');
    await chair.getByLabel('Opens at').fill(utcLocal(opens));
    await chair.getByLabel('Closes at').fill(utcLocal(closes));
    await expectNoAxeViolations(chair);
    await chair.getByRole('button', { name: 'Open dialogue' }).click();
    await chair.waitForURL('**/en/dialogues/societies-and-identities');
    dialoguePath = '/dialogues/societies-and-identities';
    await chair.getByText('Not open yet').waitFor();

    // The clock job opens it; nobody touches it.
    const stateIs = (state: string) => async () => (await dialogueState()) === state;
    await waitFor(stateIs('open'), 30_000);
    const ines = await pageOf(people.ines, `/en${dialoguePath}`);
    await ines.getByText('Open', { exact: true }).waitFor();
    await ines.getByRole('link', { name: 'Deconstructing perceptions' }).click();
    await ines.getByRole('textbox', { name: 'Your reply' }).fill('Training journalists changes how they write about migrants.');
    await ines.getByRole('button', { name: 'Post reply' }).click();
    await ines.getByText('Your reply is posted.').waitFor();

    await waitFor(stateIs('closed'), 40_000);
    await ines.reload();
    await ines.getByText('This has closed: it takes no more posts.').waitFor();

    await chair.goto(`/en${dialoguePath}/summary`);
    await chair.getByRole('textbox', { name: 'Summary' }).fill('Participants agreed that **training journalists** works.');
    await chair.getByRole('button', { name: 'Publish' }).click();
    await chair.waitForURL(`**/en${dialoguePath}`);
    await chair.getByText('training journalists', { exact: true }).waitFor();
    const download = await chair.request.get(`/en${dialoguePath}/download.html`);
    assert.equal(download.status(), 200);
    const html = await download.text();
    assert.match(html, /Training journalists changes how they write about migrants\./);
    assert.match(html, /<strong>training journalists<\/strong>/);
  });

  test('two identified comments arrive; the chair publishes one, declines the other and links the published one from the synthesis', async () => {
    const chair = await pageOf(people.chair, '/en/consultations/new');
    await chair.getByRole('textbox', { name: 'Title' }).fill('Strengthening Cooperation');
    await chair.getByRole('textbox', { name: 'Context' }).fill('Civil society in integration.');
    await chair.getByRole('textbox', { name: 'Guiding questions' }).fill('How can states support civil society?');
    await chair.getByLabel('Opens at').fill(utcLocal(new Date(Date.now() - 60_000)));
    await chair.getByLabel('Closes at').fill(utcLocal(new Date(Date.now() + 3_600_000)));
    await chair.getByRole('button', { name: 'Open consultation' }).click();
    await chair.waitForURL('**/en/consultations/strengthening-cooperation');
    consultationPath = '/consultations/strengthening-cooperation';

    for (const [person, text] of [[people.ines, 'Fund language classes run by NGOs.'], [people.tom, 'DECLINED-PRIVATE-TEXT about my neighbour.']] as const) {
      const page = await pageOf(person, `/en${consultationPath}`);
      await page.getByText(`${person.name} · Lisbon Welcome Office`).waitFor();
      await page.getByLabel('How can states support civil society?').check();
      await page.getByRole('textbox', { name: 'Your comment' }).fill(text);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Send to the Chair' }).click();
      await page.getByText('Your comment is sent to the Chair.', { exact: false }).waitFor();
    }

    await chair.goto(`/en${consultationPath}/chair`);
    await expectNoAxeViolations(chair);
    const published = chair.locator('article', { hasText: 'Fund language classes' });
    await published.getByRole('button', { name: 'Publish', exact: true }).click();
    await chair.getByText('Your decision is recorded and the author told.').waitFor();
    const declined = chair.locator('article', { hasText: 'DECLINED-PRIVATE-TEXT' });
    await declined.getByRole('textbox', { name: 'Reason for the author (optional)' }).fill('About a private person.');
    await declined.getByRole('button', { name: 'Do not publish' }).click();
    await chair.getByText('Your decision is recorded and the author told.').waitFor();

    await chair.goto(`/en${consultationPath}`);
    const commentId = await chair.locator('article[id^="comment-"]').first().getAttribute('id');
    assert.ok(commentId);
    // A week passes: the consultation closes, and the synthesis may be published.
    await sql`UPDATE consultations SET closes_at = now() - interval '1 second' WHERE slug = 'strengthening-cooperation'`.execute(journey.deps.db);
    await advanceStates(journey.deps.db);
    await chair.goto(`/en${consultationPath}/synthesis`);
    await chair.getByRole('textbox', { name: 'Synthesis' }).fill(`Civil society asks for [funded language classes](#${commentId}).`);
    await chair.getByRole('button', { name: 'Publish' }).click();
    await chair.waitForURL(`**/en${consultationPath}`);
    await chair.getByRole('link', { name: 'funded language classes' }).waitFor();

    const visitor = await journey.newPage();
    for (const path of [`/en${consultationPath}`, `/ar${consultationPath}`, `/api/v1/consultations/strengthening-cooperation`, `/feeds/discuss/consultation-strengthening-cooperation.atom`, '/en/discuss/search?q=DECLINED']) {
      const response = await visitor.request.get(path);
      assert.equal(response.status(), 200, path);
      assert.doesNotMatch(await response.text(), /DECLINED-PRIVATE-TEXT/, path);
    }
  });

  test('the discuss pages have no axe violations in English and Arabic', async () => {
    const reader = await journey.newPage();
    const problems = watchPageProblems(reader);
    for (const path of ['/discuss', '/discuss/housing', topicPath, '/discuss/search?q=flats', dialoguePath, `${dialoguePath}/societies-and-identities-1`, consultationPath]) await checkBothLanguages(reader, path);
    const ines = await pageOf(people.ines, `/en${consultationPath}`);
    await checkBothLanguages(ines, consultationPath);
    await checkBothLanguages(ines, topicPath);
    assert.deepEqual(problems, []);
  });
});

async function dialogueState(): Promise<string | undefined> {
  const { rows } = await sql<{ state: string }>`SELECT state FROM dialogues WHERE slug = 'societies-and-identities'`.execute(journey.deps.db);
  return rows[0]?.state;
}
