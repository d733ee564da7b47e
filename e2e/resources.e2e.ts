import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { accountService } from '../src/features/accounts/service.ts';
import { samplePractice } from '../src/features/practices/fixtures.ts';
import { practiceService } from '../src/features/practices/service.ts';
import { enterSignInCode, expectNoAxeViolations, startJourney, turnOnTwoFactorFor, watchPageProblems, type Journey } from './support.ts';

let journey: Journey;
before(async () => {
  journey = await startJourney();
});
after(() => journey?.close());

const people = {
  author: { name: 'Rania Saleh', email: 'rania.saleh@example.org', password: 'olive groves at dawn' },
  editor: { name: 'Erin Okafor', email: 'erin.okafor@example.org', password: 'lanterns over the harbour' },
  reader: { name: 'Tomás Ruiz', email: 'tomas.ruiz@example.org', password: 'bread from the corner bakery' },
  reporter: { name: 'Mei Lin', email: 'mei.lin@example.org', password: 'kites above the river' },
};
const TITLE = 'Guide to local integration councils';

/** Signs in through the forms; staff answer the code step with their authenticator's code. */
async function signIn(page: Page, person: { email: string; password: string }, next: string, secret?: string): Promise<void> {
  await page.goto(`/en/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email address', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (secret) await enterSignInCode(page, secret);
  await page.waitForURL(`**${next}`);
}

describe('resources in the browser', () => {
  test('a member submits a resource; an editor publishes it from the shared queue beside a practice; a member rates and comments; a reported comment is removed from the shared moderation queue', async () => {
    const accounts = accountService(journey.deps);
    for (const [key, person] of Object.entries(people)) {
      await accounts.createAccount({ ...person, organisation: '', stakeholderType: '', country: '', role: key === 'editor' ? 'editor' : 'member' });
    }
    const editorSecret = await turnOnTwoFactorFor(journey, people.editor.email);
    // A practice waits for the editors too: the queue shows both kinds.
    await practiceService(journey.deps).create(samplePractice({ title: 'Welcome desks in Porto' }), { authorId: null, status: 'submitted' });

    // The member submits a resource with a link.
    const author = await journey.newPage({ locale: 'en-GB' });
    const authorProblems = watchPageProblems(author);
    await signIn(author, people.author, '/en/resources/new');
    await expectNoAxeViolations(author);
    await author.getByLabel('Guideline').check();
    await author.getByLabel('Title', { exact: true }).fill(TITLE);
    await author.getByLabel('Summary').fill('How cities set up councils where newcomers and officials plan services together.');
    await author.getByLabel('Link to the resource (optional)').fill('https://www.unaoc.org/');
    await author.getByLabel('Language it is written in').selectOption('en');
    await author.getByRole('button', { name: 'Send for review' }).click();
    await author.waitForURL('**/en/resources/*?done=submit');
    await author.getByText('the editors will review your resource').waitFor();
    await expectNoAxeViolations(author);
    const slug = /\/resources\/([^?]+)/.exec(author.url())?.[1] ?? '';

    // The editor finds it in the one review queue, next to the practice, and publishes it.
    const editor = await journey.newPage({ locale: 'en-GB' });
    const editorProblems = watchPageProblems(editor);
    await signIn(editor, people.editor, '/en/review', editorSecret);
    await editor.getByRole('link', { name: 'Welcome desks in Porto' }).waitFor();
    await editor.getByRole('link', { name: TITLE }).waitFor();
    await expectNoAxeViolations(editor);
    await editor.getByLabel('Kind of content').selectOption('resource');
    await editor.getByRole('button', { name: 'Show submissions' }).click();
    await editor.waitForURL('**/en/review?*kind=resource*');
    assert.equal(await editor.getByRole('link', { name: 'Welcome desks in Porto' }).count(), 0);
    await editor.getByRole('link', { name: TITLE }).click();
    await editor.waitForURL(`**/en/review/resources/${slug}`);
    await expectNoAxeViolations(editor);
    await editor.getByLabel('Publish').check();
    await editor.getByRole('button', { name: 'Save decision and email the author' }).click();
    await editor.waitForURL(`**/en/review/resources/${slug}?done=publish`);
    await editor.getByText('The resource is published.').waitFor();

    // Another member rates it 4 and comments.
    const reader = await journey.newPage({ locale: 'en-GB' });
    const readerProblems = watchPageProblems(reader);
    await signIn(reader, people.reader, `/en/resources/${slug}`);
    await reader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectNoAxeViolations(reader);
    await reader.getByLabel('4', { exact: true }).check();
    await reader.getByRole('button', { name: 'Save rating' }).click();
    await reader.waitForURL(`**/en/resources/${slug}?done=rated#rating`);
    await reader.getByText('Rated 4.0 out of 5 by 1 member').waitFor();
    await reader.getByLabel('Add a comment').fill('Useful: our council copied the meeting format. Also, cheap watches at example.com!');
    await reader.getByRole('button', { name: 'Post comment' }).click();
    await reader.waitForURL(`**/en/resources/${slug}?done=commented#comment-*`);
    await expectNoAxeViolations(reader);

    // The average is in the API too.
    const api = (await (await reader.request.get(`/api/v1/resources/${slug}`)).json()) as { rating: { average: number; count: number } };
    assert.deepEqual(api.rating, { average: 4, count: 1 });

    // A third member reports the comment.
    const reporter = await journey.newPage({ locale: 'en-GB' });
    await signIn(reporter, people.reporter, `/en/resources/${slug}`);
    await reporter.getByRole('link', { name: /^Report comment/ }).click();
    await reporter.getByLabel('Spam or advertising').check();
    await reporter.getByRole('button', { name: 'Send report' }).click();
    await reporter.waitForURL(`**/en/resources/${slug}?done=flagged`);

    // The editor removes it from the shared moderation queue.
    await editor.goto('/en/review/flags');
    await editor.getByText('cheap watches at example.com', { exact: false }).waitFor();
    await editor.getByRole('link', { name: TITLE }).waitFor();
    await expectNoAxeViolations(editor);
    await editor.getByRole('button', { name: /^Remove comment and resolve/ }).click();
    await editor.waitForURL('**/en/review/flags?done=removed');
    await reader.goto(`/en/resources/${slug}`);
    await reader.getByText('Comment removed by an editor').waitFor();

    // The list finds it, in Arabic too, and axe is content there.
    await reader.goto('/en/resources?q=integration+councils');
    await reader.getByRole('link', { name: TITLE }).waitFor();
    await expectNoAxeViolations(reader);
    await reader.goto(`/ar/resources/${slug}`);
    await expectNoAxeViolations(reader);

    assert.deepEqual([...authorProblems, ...editorProblems, ...readerProblems], []);
  });
});
