import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { SMTPServer } from 'smtp-server';
import { allContentKinds } from '../src/content-kinds.ts';
import { accountService } from '../src/features/accounts/service.ts';
import { sendDueReminders } from '../src/features/events/index.ts';
import { organisationsService } from '../src/features/organisations/index.ts';
import { listenSmtp, stopSmtp, type ReceivedMail } from '../src/test/smtp.ts';
import { checkBothLanguages, expectNoAxeViolations, signIn, smtpMailsTo, startJourney, watchPageProblems, type Journey } from './support.ts';

/**
 * Events in the browser: an organiser in Toronto publishes an event with one seat, a member in
 * Paris reads it in her time with Toronto's beside it, two members register and one waits, the
 * first cancels and the second moves up and is mailed over real SMTP, the calendar file parses
 * with an independent parser, and the reminder goes out once. Every page is checked with axe in
 * English and Arabic.
 */

const people = {
  olga: { name: 'Olga Okoye', email: 'olga.okoye@example.org', password: 'maple leaves in october', timeZone: 'America/Toronto' },
  amelie: { name: 'Amélie Roux', email: 'amelie.roux@example.org', password: 'lavender fields in june', timeZone: 'Europe/Paris' },
  bilal: { name: 'Bilal Haddad', email: 'bilal.haddad@example.org', password: 'olive groves at dawn', timeZone: 'Asia/Amman' },
};

let journey: Journey;
let smtp: SMTPServer;
const received: ReceivedMail[] = [];
/** Tomorrow in Toronto, so that the day-before reminder is due while the journey runs. */
const start = new Date(Date.now() + 20 * 3600_000);
const wallClock = (instant: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(instant).replace(' ', 'T');
const startMinute = new Date(Math.floor(start.getTime() / 60_000) * 60_000);

before(async () => {
  let port: number;
  ({ smtp, port } = await listenSmtp(received));
  journey = await startJourney({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  const accounts = accountService(journey.deps);
  for (const person of Object.values(people)) {
    const { id, handle } = await accounts.createAccount({ name: person.name, email: person.email, password: person.password, organisation: '', stakeholderType: '', country: '', role: 'member' });
    await journey.deps.db.updateTable('users').set({ time_zone: person.timeZone, email_verified_at: new Date() }).where('id', '=', id).execute();
    if (person === people.olga) {
      await organisationsService(journey.deps, allContentKinds()).create(
        { id, handle, name: person.name, email: person.email, role: 'member', emailVerified: true, twoFactorEnabled: false, timeZone: person.timeZone, unreadNotifications: 0, followsVersion: 0 },
        { name: 'Toronto Welcome Network', description: 'Settlement agencies of Toronto.', stakeholderType: 'civil_society', countries: ['CA'], website: '' },
      );
    }
  }
});
after(async () => {
  await journey?.close();
  await stopSmtp(smtp);
});


const mailsTo = (email: string) => smtpMailsTo(journey, received, email);


let eventPath = '';

describe('events in the browser', () => {
  test('an organiser in Toronto publishes an event with one seat; a member in Paris sees her own time with the original beside it', async () => {
    const olga = await journey.newPage({ locale: 'en-CA' });
    const problems = watchPageProblems(olga);
    await signIn(olga, people.olga, '/en/events/new');
    await olga.getByRole('textbox', { name: 'Title' }).fill('Settlement services open evening');
    await olga.getByRole('textbox', { name: 'Description' }).fill('Meet **housing** and employment counsellors.');
    await olga.getByRole('combobox', { name: 'Language of this description' }).selectOption('en');
    await olga.getByRole('combobox', { name: 'Time zone of the times below' }).selectOption('America/Toronto');
    await olga.getByLabel('Starts', { exact: true }).fill(wallClock(startMinute));
    await olga.getByLabel('Ends', { exact: true }).fill(wallClock(new Date(startMinute.getTime() + 2 * 3600_000)));
    await olga.getByLabel('In person', { exact: true }).check();
    await olga.getByRole('textbox', { name: 'Venue' }).fill('Metro Hall');
    await olga.getByRole('combobox', { name: 'Country' }).selectOption('CA');
    await olga.getByRole('textbox', { name: 'Seats (optional)' }).fill('1');
    await olga.getByRole('combobox', { name: 'Organised by' }).selectOption({ label: 'Toronto Welcome Network' });
    await expectNoAxeViolations(olga);
    await olga.getByRole('button', { name: 'Publish' }).click();
    await olga.getByText('The event is published.').waitFor();
    eventPath = new URL(olga.url()).pathname.replace(/^\/en/, '');
    assert.match(eventPath, /^\/events\/settlement-services-open-evening$/);
    assert.deepEqual(problems, []);

    const amelie = await journey.newPage({ locale: 'fr-FR' });
    await signIn(amelie, people.amelie, `/en${eventPath}`);
    const paris = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', hour: 'numeric', minute: '2-digit' }).format(startMinute);
    const toronto = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Toronto', hour: 'numeric', minute: '2-digit' }).format(startMinute);
    const when = amelie.locator('.lede .event-when');
    assert.match(await when.innerText(), new RegExp(`${paris.replace(/\s/g, '\\s')}\\s?GMT\\+1`));
    assert.match(await when.innerText(), new RegExp(`event time: .*${toronto.replace(/\s/g, '\\s')}\\s?EST.*America/Toronto`));
  });

  test('two members register for the one seat: one waits, moves up when the first cancels and is mailed; the calendar file parses; the reminder goes out once', async () => {
    const amelie = await journey.newPage({ locale: 'fr-FR' });
    await signIn(amelie, people.amelie, `/en${eventPath}`);
    await amelie.getByRole('button', { name: 'Register' }).click();
    await amelie.getByText('You are registered. The confirmation is in your mail.').waitFor();
    await amelie.getByText('You have a seat.').waitFor();
    await expectNoAxeViolations(amelie);

    const bilal = await journey.newPage({ locale: 'ar-JO' });
    await signIn(bilal, people.bilal, `/en${eventPath}`);
    await bilal.getByText('All seats are taken').waitFor();
    await bilal.getByRole('button', { name: 'Join the waiting list' }).click();
    await bilal.getByText('You are on the waiting list. We will mail you if a seat frees up.').waitFor();

    await amelie.reload();
    await amelie.getByRole('button', { name: 'Cancel my registration' }).click();
    await amelie.getByText('Your registration is cancelled.').waitFor();
    await bilal.reload();
    await bilal.getByText('You have a seat.').waitFor();
    const promoted = (await mailsTo(people.bilal.email)).find((mail) => mail.includes(`A seat is yours: Settlement services open evening`));
    assert.ok(promoted, 'the member who moved up is mailed');
    assert.match(promoted, /Content-Type: text\/calendar/i);

    const calendar = await bilal.request.get('/events.ics');
    assert.equal(calendar.status(), 200);
    const parsed = new ICAL.Component(ICAL.parse(await calendar.text()));
    for (const zone of parsed.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const entry = parsed.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component)).find((event) => event.summary === 'Settlement services open evening');
    assert.ok(entry, 'the event is in /events.ics');
    assert.equal(entry.startDate.toJSDate().toISOString(), startMinute.toISOString());

    const sent = (await sendDueReminders(journey.deps)) + (await sendDueReminders(journey.deps));
    assert.equal(sent, 1);
    const reminders = (await mailsTo(people.bilal.email)).filter((mail) => mail.includes('Subject: Tomorrow: Settlement services open evening'));
    assert.equal(reminders.length, 1);
    assert.equal((await mailsTo(people.amelie.email)).filter((mail) => mail.includes('Subject: Tomorrow:')).length, 0, 'nobody without a seat is reminded');
  });

  test('the list, the month view, the event page and the registration pages have no axe violations in English and Arabic', async () => {
    const reader = await journey.newPage();
    const problems = watchPageProblems(reader);
    await checkBothLanguages(reader, '/events');
    await checkBothLanguages(reader, '/events/month');
    await checkBothLanguages(reader, eventPath);
    await checkBothLanguages(reader, `${eventPath}/register`);
    await checkBothLanguages(reader, `${eventPath}/registration/confirm?token=unknown`);
    const olga = await journey.newPage();
    await signIn(olga, people.olga, `/en${eventPath}/registrations`);
    await olga.getByText('Bilal Haddad').waitFor();
    await checkBothLanguages(olga, `${eventPath}/registrations`);
    assert.deepEqual(problems, []);
  });
});
