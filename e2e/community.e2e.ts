import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SMTPServer } from 'smtp-server';
import { allContentKinds } from '../src/content-kinds.ts';
import { accountService } from '../src/features/accounts/service.ts';
import { notificationsService } from '../src/features/follows/index.ts';
import { samplePractice } from '../src/features/practices/fixtures.ts';
import { practiceService } from '../src/features/practices/service.ts';
import { listenSmtp, stopSmtp, type ReceivedMail } from '../src/test/smtp.ts';
import { checkBothLanguages, expectNoAxeViolations, signIn, smtpMailsTo, startJourney, watchPageProblems, type Journey } from './support.ts';

/**
 * The Integration Community and Worldwide in the browser: profiles and the directory, private
 * messages with their mail notice over real SMTP, follows and digests with one-click unsubscribe,
 * the map and country pages, and an organisation that invites a colleague. Every page is checked
 * with axe in English and Arabic.
 */

const people = {
  sara: { name: 'Sara Diop', email: 'sara.diop@example.org', password: 'baobab shade at noon' },
  tariq: { name: 'Tariq Aziz', email: 'tariq.aziz@example.org', password: 'cedar roads in winter' },
  dora: { name: 'Dora Mensah', email: 'dora.mensah@example.org', password: 'kente colours at dusk' },
  maya: { name: 'Maya Ortiz', email: 'maya.ortiz@example.org', password: 'volcano trails and rain' },
  carlos: { name: 'Carlos Vega', email: 'carlos.vega@example.org', password: 'harbour lights by night' },
};

let journey: Journey;
let smtp: SMTPServer;
const received: ReceivedMail[] = [];
before(async () => {
  let port: number;
  ({ smtp, port } = await listenSmtp(received));
  journey = await startJourney({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  const accounts = accountService(journey.deps);
  for (const person of Object.values(people)) await accounts.createAccount({ ...person, organisation: '', stakeholderType: '', country: '', role: 'member' });
});
after(async () => {
  await journey?.close();
  await stopSmtp(smtp);
});



const mailsTo = (email: string) => smtpMailsTo(journey, received, email);


describe('community and worldwide in the browser', () => {
  test('a member fills a public profile and appears in the directory by country and topic; another finds her and writes; the message arrives in the inbox and as a mail notice that reveals no address', async () => {
    const sara = await journey.newPage({ locale: 'en-GB' });
    const saraProblems = watchPageProblems(sara);
    await signIn(sara, people.sara, '/en/account/public-profile');
    await sara.getByRole('textbox', { name: 'Organisation' }).fill('Réseau des femmes migrantes de Dakar');
    await sara.getByRole('combobox', { name: 'Country' }).selectOption('SN');
    await sara.getByRole('group', { name: 'Areas of expertise' }).getByLabel('Employment', { exact: true }).check();
    const shown = sara.getByRole('group', { name: 'Show on your profile' });
    for (const field of ['Organisation', 'Country', 'Areas of expertise']) await shown.getByLabel(field, { exact: true }).check();
    await sara.getByLabel('List me in the community directory').check();
    await expectNoAxeViolations(sara);
    await sara.getByRole('button', { name: 'Save your profile' }).click();
    await sara.getByText('Your profile has been saved.').waitFor();

    const tariq = await journey.newPage({ locale: 'en-GB' });
    const tariqProblems = watchPageProblems(tariq);
    await signIn(tariq, people.tariq, '/en/community');
    await tariq.getByRole('combobox', { name: 'Country' }).selectOption('SN');
    await tariq.getByRole('group', { name: 'Areas of expertise' }).getByLabel('Employment', { exact: true }).check();
    await tariq.getByRole('button', { name: 'Apply' }).click();
    await tariq.waitForURL('**/en/community?*country=SN*');
    await expectNoAxeViolations(tariq);
    await tariq.getByRole('link', { name: 'Sara Diop' }).click();
    await tariq.getByRole('heading', { level: 1, name: 'Sara Diop' }).waitFor();
    await expectNoAxeViolations(tariq);
    const profilePath = new URL(tariq.url()).pathname.replace(/^\/en/, '');
    await tariq.getByRole('link', { name: 'Send a message' }).click();
    await tariq.getByLabel('Your message').fill('Bonjour Sara, could we talk about your employment programme for women?');
    await expectNoAxeViolations(tariq);
    await tariq.getByRole('button', { name: 'Send the message' }).click();
    await tariq.getByText('Your message has been sent.').waitFor();
    const page = await tariq.content();
    assert.ok(!page.includes(people.sara.email), 'the conversation shows no address');

    await sara.goto('/en/messages');
    await sara.getByRole('link', { name: 'Tariq Aziz' }).click();
    await sara.getByText('could we talk about your employment programme for women?').waitFor();
    assert.ok(!(await sara.content()).includes(people.tariq.email));
    await expectNoAxeViolations(sara);

    const [notice] = await mailsTo(people.sara.email);
    assert.ok(notice, 'a mail notice reached Sara over SMTP');
    assert.match(notice, /Tariq Aziz sent you a private message on Bridges/);
    assert.ok(!notice.includes(people.tariq.email.split('@')[0] as string), 'the notice does not reveal the sender’s address');
    assert.match(notice, /^List-Unsubscribe: </m);

    for (const path of ['/community', profilePath, '/messages', '/notifications']) await checkBothLanguages(sara, path);
    assert.deepEqual([...saraProblems, ...tariqProblems], []);
  });

  test('a member follows a country; a practice there is published; the next digest has it exactly once and the one after nothing; one-click unsubscribe stops the digest; the map counts it and its country page lists it', async () => {
    const notifications = notificationsService({ ...journey.deps, kinds: allContentKinds() });
    const dora = await journey.newPage({ locale: 'en-GB' });
    const problems = watchPageProblems(dora);
    await signIn(dora, people.dora, '/en/account/notifications');
    await dora.getByLabel('Daily').check();
    await dora.getByRole('button', { name: 'Save mail settings' }).click();
    await dora.getByText('Your mail settings have been saved.').waitFor();
    await dora.goto('/en/countries/gh');
    await dora.getByRole('button', { name: 'Follow Ghana' }).click();
    await dora.getByRole('button', { name: 'Stop following Ghana' }).waitFor();

    const title = 'Newcomer desks in Kumasi markets';
    await practiceService(journey.deps).create(samplePractice({ title, countries: ['GH'], city: { name: 'Kumasi', country: 'GH', latitude: 6.6885, longitude: -1.6244 } }), { authorId: null, status: 'published' });
    await notifications.runDigests('daily');
    const [digest] = await mailsTo(people.dora.email);
    assert.ok(digest, 'the digest arrived over SMTP');
    assert.equal(digest.split(title).length - 1, 1, 'the practice appears exactly once');
    await notifications.runDigests('daily');
    assert.equal((await mailsTo(people.dora.email)).length, 1, 'nothing new, no second digest');

    await dora.goto('/en/notifications');
    await dora.getByRole('link', { name: new RegExp(`New practice in Ghana: ${title}`) }).waitFor();
    await expectNoAxeViolations(dora);

    // The mail client's one-click unsubscribe (RFC 8058): a POST without cookies to the header's address.
    const link = /^List-Unsubscribe: <([^>]+)>/m.exec(digest)?.[1];
    assert.ok(link);
    const oneClick = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(oneClick.status, 200);
    await practiceService(journey.deps).create(samplePractice({ title: 'Language cafés in Accra', countries: ['GH'] }), { authorId: null, status: 'published' });
    await notifications.runDigests('daily');
    assert.equal((await mailsTo(people.dora.email)).length, 1, 'no digest after unsubscribing');

    // Anyone sees the new practices on the map and on Ghana's page.
    const visitor = await journey.newPage({ locale: 'en-GB' });
    await visitor.goto('/en/map');
    const row = visitor.getByRole('row', { name: /Ghana/ });
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /Ghana 2/);
    await row.getByRole('link', { name: 'Ghana' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Ghana' }).waitFor();
    await visitor.getByRole('link', { name: title }).waitFor();
    const city = await journey.deps.db.selectFrom('cities').select('slug').where('name', '=', 'Kumasi').executeTakeFirstOrThrow();
    for (const path of ['/map', '/countries/gh', `/cities/${city.slug}`]) await checkBothLanguages(visitor, path);
    await checkBothLanguages(dora, '/notifications');
    assert.deepEqual(problems, []);
  });

  test('an organisation manager invites a colleague by mail, who follows the link and joins', async () => {
    const maya = await journey.newPage({ locale: 'en-GB' });
    const problems = watchPageProblems(maya);
    await signIn(maya, people.maya, '/en/organisations/new');
    await maya.getByLabel('Name of the organisation').fill('Quito Welcome Network');
    await maya.getByLabel('What the organisation does').fill('Associations welcoming newcomers in Quito.');
    await maya.getByRole('button', { name: 'Create the page' }).click();
    await maya.getByText('The organisation page has been created.').waitFor();
    const organisationPath = new URL(maya.url()).pathname.replace(/^\/en/, '');
    await maya.getByRole('link', { name: 'Members and invitations' }).click();
    await maya.getByLabel('Their email address').fill(people.carlos.email);
    await maya.getByRole('button', { name: 'Send the invitation' }).click();
    await maya.getByText('The invitation has been sent.').waitFor();
    await expectNoAxeViolations(maya);

    const [invitation] = await mailsTo(people.carlos.email);
    assert.ok(invitation, 'the invitation arrived over SMTP');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/en\/organisations\/\S+\/join\?token=\S+)/.exec(invitation)?.[1];
    assert.ok(link);
    const carlos = await journey.newPage({ locale: 'en-GB' });
    await carlos.goto(link);
    await carlos.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await carlos.getByLabel('Email address', { exact: true }).fill(people.carlos.email);
    await carlos.getByLabel('Password', { exact: true }).fill(people.carlos.password);
    await carlos.getByRole('button', { name: 'Sign in', exact: true }).click();
    await carlos.getByRole('button', { name: 'Join Quito Welcome Network' }).click();
    await carlos.getByText('You have joined the organisation.').waitFor();
    await carlos.reload();
    await carlos.getByText('Carlos Vega').waitFor();
    await checkBothLanguages(carlos, organisationPath);
    assert.deepEqual(problems, []);
  });
});
