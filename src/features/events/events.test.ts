import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { SMTPServer } from 'smtp-server';
import { smtpTransport } from '../../platform/mail.ts';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, newSession, type TestMember } from '../../test/members.ts';
import { listenSmtp, readableMail, stopSmtp, type ReceivedMail } from '../../test/smtp.ts';
import { waitFor } from '../../test/wait.ts';
import { allContentKinds } from '../../content-kinds.ts';
import { notificationsService } from '../follows/index.ts';
import { sendDueReminders } from './reminders.ts';

let smtp: SMTPServer;
const received: ReceivedMail[] = [];
let testApp: TestApp;
let editor: TestMember;
let organiser: TestMember;
let visitor: TestClient;

before(async () => {
  let port: number;
  ({ smtp, port } = await listenSmtp(received));
  testApp = await startTestApp({ transport: smtpTransport(`smtp://127.0.0.1:${port}`, 'Bridges <no-reply@bridges.example>') });
  editor = await createMember(testApp, { role: 'editor', name: 'Edith Editor' });
  organiser = await createMember(testApp, { name: 'Olga Organiser' });
  visitor = new TestClient(testApp.app);
});
after(async () => {
  await testApp.close();
  await stopSmtp(smtp);
});

const look = (path: string) => visitor.get(path, { 'cache-control': 'no-cache' });
const mailsTo = (address: string) => received.filter((mail) => mail.to.includes(address)).map(readableMail);
async function settled(): Promise<void> {
  await testApp.mailSettled();
}

const inAYear = new Date(Date.now() + 365 * 86_400_000).getUTCFullYear();

function eventForm(fields: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Newcomer welcome evening', description: 'Meet the **city services**.', language: 'en', languages: ['en', 'fr'], topics: ['housing'],
    startsAt: `${inAYear}-01-15T18:00`, endsAt: `${inAYear}-01-15T20:00`, timeZone: 'America/Toronto', format: 'in_person',
    venue: 'City Hall', address: '100 Queen Street West', city: '', country: 'CA', joinUrl: '', capacity: '', registrationDeadline: '', practices: '', resources: '', organisation: '',
    action: 'submit', ...fields,
  };
}

/** Proposes an event as `member` and publishes it as the editor; returns its slug. */
async function publishedEvent(fields: Record<string, string | string[]> = {}, member: TestMember = organiser): Promise<string> {
  await member.client.get('/en/events/new');
  const posted = await member.client.post('/en/events', eventForm(fields));
  assert.equal(posted.statusCode, 303, posted.body);
  const slug = decodeURIComponent(/\/events\/([^?]+)/.exec(String(posted.headers.location))?.[1] ?? '');
  const review = await editor.client.get(`/en/review/events/${encodeURIComponent(slug)}`);
  const version = /name="version" value="(\d+)"/.exec(review.body)?.[1] ?? '';
  const decided = await editor.client.post(`/en/review/events/${encodeURIComponent(slug)}/decision`, { decision: 'publish', message: '', version });
  assert.equal(decided.statusCode, 303, decided.body);
  return slug;
}

async function memberInZone(zone: string, name?: string): Promise<TestMember> {
  const member = await createMember(testApp, name ? { name } : {});
  await testApp.deps.db.updateTable('users').set({ time_zone: zone }).where('id', '=', member.id).execute();
  return { ...member, user: { ...member.user, timeZone: zone }, client: await newSession(testApp, member.id) };
}

async function register(member: TestMember, slug: string) {
  await member.client.get(`/en/events/${encodeURIComponent(slug)}`);
  return member.client.post(`/en/events/${encodeURIComponent(slug)}/register`, {});
}

async function standing(slug: string): Promise<{ user_id: number | null; email: string | null; status: string }[]> {
  return testApp.deps.db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select(['r.user_id', 'r.email', 'r.status'])
    .where('e.slug', '=', slug)
    .orderBy('r.queued_at')
    .orderBy('r.id')
    .execute();
}

describe('events', () => {
  test('a proposal waits for the editors, is published from the review, and shows its time in the reader’s zone beside the original', async () => {
    await organiser.client.get('/en/events/new');
    const posted = await organiser.client.post('/en/events', eventForm({ title: 'Toronto dialogue on housing' }));
    const slug = decodeURIComponent(/\/events\/([^?]+)/.exec(String(posted.headers.location))?.[1] ?? '');
    assert.equal((await look(`/en/events/${slug}`)).statusCode, 404, 'not public before review');
    assert.match((await editor.client.get('/en/review')).body, /Toronto dialogue on housing/);
    const review = await editor.client.get(`/en/review/events/${slug}`);
    const version = /name="version" value="(\d+)"/.exec(review.body)?.[1] ?? '';
    assert.equal((await editor.client.post(`/en/review/events/${slug}/decision`, { decision: 'publish', message: '', version })).statusCode, 303);
    await settled();
    assert.ok(mailsTo(organiser.email).some((mail) => mail.includes('Your event is published')));

    const anonymous = await look(`/en/events/${slug}`);
    assert.equal(anonymous.statusCode, 200);
    assert.match(anonymous.body, /Toronto dialogue on housing/);
    assert.match(anonymous.body, /6:00\s?PM EST/, 'a visitor sees the event’s own zone');
    assert.match(anonymous.body, /"@type":"Event"/);
    assert.match(anonymous.body, new RegExp(`"startDate":"${inAYear}-01-15T23:00:00.000Z"`));

    const parisian = await memberInZone('Europe/Paris');
    const converted = await parisian.client.get(`/en/events/${slug}`);
    assert.match(converted.body, new RegExp(`Jan 16, ${inAYear}, 12:00\\s?AM GMT\\+1`), 'converted to the member’s zone');
    assert.match(converted.body, /event time: Jan 15, \d{4}, 6:00\s?PM EST – 8:00\s?PM EST, America\/Toronto/, 'with the original beside it');
    assert.match((await look('/en/events')).body, /Toronto dialogue on housing/);
    assert.match((await look('/en/events?country=CA&topic=housing&attendance=in_person&language=fr')).body, /Toronto dialogue on housing/);
    assert.doesNotMatch((await look('/en/events?attendance=online')).body, /Toronto dialogue on housing/);
    const month = await look(`/en/events/month?month=${inAYear}-01`);
    assert.match(month.body, /Toronto dialogue on housing/);
    assert.match(month.body, /<option value="housing"/, 'the month view filters by topic too');
    assert.doesNotMatch((await look(`/en/events/month?month=${inAYear}-01&topic=employment`)).body, /Toronto dialogue on housing/);
    assert.match((await look('/en/events?country=ZZ')).body, /Some filters were left out/);
  });

  test('bad input gets clear errors and saves nothing', async () => {
    const before = await testApp.deps.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    await organiser.client.get('/en/events/new');
    const refused = await organiser.client.post('/en/events', eventForm({ endsAt: `${inAYear}-01-15T17:00`, joinUrl: 'javascript:alert(1)', capacity: '0', recurrence: 'FREQ=SOMETIMES' }));
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /The end must be after the start/);
    assert.match(refused.body, /Enter a join link that starts with http:\/\/ or https:\/\//);
    assert.match(refused.body, /Enter the number of seats/);
    assert.match(refused.body, /Enter a recurrence rule/);
    const zone = await organiser.client.post('/en/events', eventForm({ timeZone: 'Mars/Olympus_Mons' }));
    assert.equal(zone.statusCode, 422);
    assert.match(zone.body, /Choose a time zone from the list/);
    const french = await organiser.client.post('/fr/events', eventForm({ title: '' }));
    assert.match(french.body, /Saisissez un titre/);
    const after = await testApp.deps.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    assert.equal(after.count, before.count);
  });

  test('capacity 1: the second member waits, moves up when the first cancels and is mailed with the calendar entry', async () => {
    const slug = await publishedEvent({ title: 'Small mentoring table', capacity: '1' });
    const first = await createMember(testApp, { name: 'Fatima First' });
    const second = await createMember(testApp, { name: 'Sami Second' });
    assert.equal((await register(first, slug)).headers.location, `/en/events/${slug}?done=registered#registration`);
    assert.equal((await register(second, slug)).headers.location, `/en/events/${slug}?done=waiting#registration`);
    assert.equal((await register(second, slug)).headers.location, `/en/events/${slug}?done=already#registration`, 'registering twice counts once');
    assert.deepEqual((await standing(slug)).map((row) => [row.user_id, row.status]), [[first.id, 'confirmed'], [second.id, 'waiting']]);
    await settled();
    const confirmation = mailsTo(first.email).find((mail) => mail.includes('You are registered'));
    assert.ok(confirmation, 'the first is mailed a confirmation');
    assert.match(confirmation, /Content-Type: text\/calendar/i);
    assert.match(confirmation, /check-in code: [A-Z0-9]{6}/);
    assert.match((await first.client.get(`/en/events/${slug}`)).body, /You have a seat/);
    assert.match((await second.client.get(`/en/events/${slug}`)).body, /You are on the waiting list/);

    const lowered = await organiser.client.get(`/en/events/${slug}/edit`);
    const version = /name="version" value="(\d+)"/.exec(lowered.body)?.[1] ?? '';
    const below = await organiser.client.post(`/en/events/${slug}`, { ...eventForm({ title: 'Small mentoring table', capacity: '1', action: 'publish' }), capacity: '', version });
    assert.equal(below.statusCode, 303, 'no limit is fine');

    await first.client.get(`/en/events/${slug}`);
    const cancelled = await first.client.post(`/en/events/${slug}/cancel-registration`, {});
    assert.equal(cancelled.statusCode, 303);
    assert.match((await first.client.get(String(cancelled.headers.location).replace(/#.*/, ''))).body, /Your registration is cancelled/);
    assert.deepEqual((await standing(slug)).map((row) => [row.user_id, row.status]), [[first.id, 'cancelled'], [second.id, 'confirmed']]);
    await settled();
    assert.ok(mailsTo(second.email).some((mail) => mail.includes('A seat is yours') && /text\/calendar/i.test(mail)));
  });

  test('a change of time reaches everyone registered by mail, in their own zone', async () => {
    const slug = await publishedEvent({ title: 'Evening moved by an hour' });
    const guest = await memberInZone('Europe/Paris');
    await register(guest, slug);
    const form = await organiser.client.get(`/en/events/${slug}/edit`);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const moved = await organiser.client.post(`/en/events/${slug}`, { ...eventForm({ title: 'Evening moved by an hour', startsAt: `${inAYear}-01-15T19:00`, endsAt: `${inAYear}-01-15T21:00`, action: 'publish' }), version });
    assert.equal(moved.statusCode, 303);
    await settled();
    const mail = mailsTo(guest.email).find((text) => text.includes('Changed: Evening moved by an hour'));
    assert.ok(mail, 'the registered member is told');
    assert.match(mail, /1:00\s?AM GMT\+1/, 'in her zone');
    assert.match(mail, /America\/Toronto/);
  });

  test('a capacity below the seats taken is refused and changes nothing', async () => {
    const slug = await publishedEvent({ title: 'Two-seat workshop', capacity: '2' });
    await register(await createMember(testApp), slug);
    await register(await createMember(testApp), slug);
    const form = await organiser.client.get(`/en/events/${slug}/edit`);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const refused = await organiser.client.post(`/en/events/${slug}`, { ...eventForm({ title: 'Two-seat workshop', capacity: '1', action: 'publish' }), version });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /More people are registered than this/);
    const row = await testApp.deps.db.selectFrom('events').select('capacity').where('slug', '=', slug).executeTakeFirstOrThrow();
    assert.equal(row.capacity, 2);
  });

  test('50 members register at once for 10 seats: 10 get seats, 40 wait, in the order they came', async () => {
    const slug = await publishedEvent({ title: 'Crowded information session', capacity: '10' });
    const members = await Promise.all(Array.from({ length: 50 }, () => createMember(testApp)));
    await Promise.all(members.map((member) => member.client.get(`/en/events/${slug}`)));
    const answers = await Promise.all(members.map((member) => member.client.post(`/en/events/${slug}/register`, {})));
    assert.ok(answers.every((answer) => answer.statusCode === 303));
    const rows = await testApp.deps.db
      .selectFrom('event_registrations as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .select(['r.id', 'r.status', 'r.queued_at'])
      .where('e.slug', '=', slug)
      .orderBy('r.id')
      .execute();
    assert.equal(rows.length, 50);
    assert.equal(rows.filter((row) => row.status === 'confirmed').length, 10);
    assert.equal(rows.filter((row) => row.status === 'waiting').length, 40);
    // The seats went to the first ten to take the event's lock; the queue keeps that order.
    assert.deepEqual(rows.slice(0, 10).map((row) => row.status), Array(10).fill('confirmed'));
    const queued = rows.map((row) => row.queued_at?.getTime() ?? 0);
    assert.deepEqual(queued, [...queued].sort((a, b) => a - b));
    const redirects = answers.map((answer) => String(answer.headers.location));
    assert.equal(redirects.filter((location) => location.includes('done=registered')).length, 10);
  });

  test('a visitor registers by confirmed email; the link works once; the deadline and a cancellation close registration', async () => {
    const slug = await publishedEvent({ title: 'Open house for visitors', capacity: '5' });
    await visitor.get(`/en/events/${slug}/register`);
    const bad = await visitor.post(`/en/events/${slug}/register`, { name: '', email: 'not-an-address' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Enter your name/);
    const asked = await visitor.post(`/en/events/${slug}/register`, { name: 'Vera Visitor', email: 'vera@example.net' });
    assert.equal(asked.statusCode, 200);
    assert.match(asked.body, /Check your mail/);
    assert.deepEqual((await standing(slug)).map((row) => row.status), ['unconfirmed']);
    await settled();
    const mail = mailsTo('vera@example.net').find((text) => text.includes('Confirm your registration'));
    assert.ok(mail);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail)?.[1] ?? '';
    const page = await visitor.get(`/en/events/${slug}/registration/confirm?token=${token}`);
    assert.match(page.body, /Confirm my registration/);
    assert.deepEqual((await standing(slug)).map((row) => row.status), ['unconfirmed'], 'opening the link changes nothing');
    const confirmed = await visitor.post(`/en/events/${slug}/registration/confirm`, { token });
    assert.match(confirmed.body, /You have a seat/);
    const again = await visitor.post(`/en/events/${slug}/registration/confirm`, { token });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /This link was used already or has expired/);
    assert.deepEqual((await standing(slug)).map((row) => row.status), ['confirmed']);

    await testApp.deps.db.updateTable('events').set({ registration_deadline: new Date(Date.now() - 60_000) }).where('slug', '=', slug).execute();
    const late = await register(await createMember(testApp), slug);
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /Registration for this event has closed/);

    const cancelPage = await organiser.client.get(`/en/events/${slug}/cancel`);
    assert.match(cancelPage.body, /1 person is registered or waiting/);
    assert.equal((await organiser.client.post(`/en/events/${slug}/cancel`, { reason: 'The hall is flooded.' })).statusCode, 303);
    await settled();
    assert.ok(mailsTo('vera@example.net').some((text) => text.includes('Cancelled: Open house for visitors') && text.includes('The hall is flooded.')));
    await testApp.deps.db.updateTable('events').set({ registration_deadline: null }).where('slug', '=', slug).execute();
    const cancelled = await register(await createMember(testApp), slug);
    assert.match(cancelled.body, /This event is cancelled/);
  });

  test('organisers alone see who registered, export it and check people in once by their code', async () => {
    const slug = await publishedEvent({ title: 'Check-in rehearsal' });
    const guest = await createMember(testApp, { name: 'Gina Guest' });
    await register(guest, slug);
    const stranger = await createMember(testApp);
    assert.equal((await stranger.client.get(`/en/events/${slug}/registrations`)).statusCode, 403);
    assert.equal((await stranger.client.get(`/en/events/${slug}/registrations.csv`)).statusCode, 403);
    assert.doesNotMatch((await look(`/en/events/${slug}`)).body, /Gina Guest/, 'nobody else sees who registered');
    const list = await organiser.client.get(`/en/events/${slug}/registrations`);
    assert.match(list.body, /Gina Guest/);
    const csv = await organiser.client.get(`/en/events/${slug}/registrations.csv`);
    assert.match(csv.body, new RegExp(`"Gina Guest","${guest.email}","confirmed","[A-Z0-9]{6}"`));
    const code = /"([A-Z0-9]{6})"/.exec(csv.body)?.[1] ?? '';
    const checked = await organiser.client.post(`/en/events/${slug}/check-in`, { code: code.toLowerCase() });
    assert.match(checked.body, /Gina Guest is checked in/);
    assert.match((await organiser.client.post(`/en/events/${slug}/check-in`, { code })).body, /Gina Guest was already checked in/);
    assert.equal((await organiser.client.post(`/en/events/${slug}/check-in`, { code: 'ZZZZZZ' })).statusCode, 422);

    await guest.client.get(`/en/events/${slug}`);
    await guest.client.post(`/en/events/${slug}/attendee-list`, { show: 'yes' });
    assert.match((await look(`/en/events/${slug}`)).body, /Gina Guest/, 'on the public list once she chose it');

    await organiser.client.post(`/en/events/${slug}/message`, { subject: 'Bring your ID', message: 'Please bring an ID card.' });
    await settled();
    assert.ok(mailsTo(guest.email).some((text) => text.includes('Please bring an ID card.')));
  });

  test('calendar files parse with ical.js at the right instant; the join link is only in a registered member’s own calendar', async () => {
    const slug = await publishedEvent({ title: 'Webinar on language classes', format: 'online', venue: '', address: '', country: '', joinUrl: 'https://meet.example.org/classes' });
    const page = await look(`/en/events/${slug}`);
    assert.doesNotMatch(page.body, /meet\.example\.org/);
    const ics = await look('/events.ics?attendance=online');
    assert.equal(ics.statusCode, 200);
    assert.match(String(ics.headers['content-type']), /text\/calendar/);
    assert.doesNotMatch(ics.body, /meet\.example\.org/);
    const calendar = new ICAL.Component(ICAL.parse(ics.body));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const event = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component)).find((candidate) => candidate.summary === 'Webinar on language classes');
    assert.ok(event, 'the event is in the file');
    assert.equal(event.startDate.toJSDate().toISOString(), `${inAYear}-01-15T23:00:00.000Z`);
    assert.match(event.component.getFirstPropertyValue('url')?.toString() ?? '', new RegExp(`/events/${slug}$`));
    assert.ok(calendar.getAllSubcomponents('vtimezone').some((zone) => zone.getFirstPropertyValue('tzid') === 'America/Toronto'));

    const member = await createMember(testApp);
    await register(member, slug);
    const accountPage = await member.client.get(`/en/events/${slug}`);
    assert.match(accountPage.body, /meet\.example\.org\/classes/, 'the registered member sees the join link');
    const own = await member.client.get('/en/events/mine');
    assert.match(own.body, /Webinar on language classes/);
    const calendarPath = /http:\/\/localhost:3000(\/events\/calendar\/[^"<]+\.ics)/.exec(own.body)?.[1] ?? '';
    const mine = await visitor.get(calendarPath);
    // iCalendar folds lines at 75 octets: unfolded, the join link reads whole.
    assert.match(mine.body.replace(/\r\n[ \t]/g, ''), /meet\.example\.org\/classes/);
    assert.equal((await visitor.get(`/events/calendar/${member.id}.forged.ics`)).statusCode, 404);
  });

  test('reminders go out once, even from two runs at once', async () => {
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);
    const online = { format: 'online', venue: '', address: '', country: '', joinUrl: 'https://meet.example.org/soon', timeZone: 'UTC' };
    const soon = await publishedEvent({ ...online, title: 'Starting soon online', startsAt: at(50), endsAt: at(110) });
    const tomorrow = await publishedEvent({ ...online, title: 'Tomorrow online', startsAt: at(20 * 60), endsAt: at(21 * 60) });
    const member = await createMember(testApp, { name: 'Rita Reminded' });
    await register(member, soon);
    await register(member, tomorrow);
    const [a, b] = await Promise.all([sendDueReminders(testApp.deps), sendDueReminders(testApp.deps)]);
    assert.equal(a + b, 2, 'the hour-before one of the first and the day-before one of the second, each claimed once');
    assert.equal(await sendDueReminders(testApp.deps), 0);
    await settled();
    await waitFor(async () => mailsTo(member.email).filter((text) => /Subject: (Tomorrow|In one hour): /.test(text)).length === 2);
    assert.ok(mailsTo(member.email).some((text) => text.includes('In one hour: Starting soon online') && text.includes('https://meet.example.org/soon')));
    assert.ok(mailsTo(member.email).some((text) => text.includes('Tomorrow: Tomorrow online')));
  });

  test('a weekly series keeps its wall-clock time across the change to summer time; one date is moved and one cancelled', async () => {
    const slug = await publishedEvent({ title: 'Tuesday dialogue circle', timeZone: 'Europe/Paris', startsAt: `${inAYear}-03-17T18:30`, endsAt: `${inAYear}-03-17T20:00`, recurrence: 'FREQ=WEEKLY;COUNT=4', country: 'FR' });
    const occurrences = await testApp.deps.db.selectFrom('event_occurrences as o').innerJoin('events as e', 'e.id', 'o.event_id').select(['o.id', 'o.starts_at']).where('e.slug', '=', slug).orderBy('o.starts_at').execute();
    assert.equal(occurrences.length, 4);
    const parisHours = occurrences.map((row) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(row.starts_at));
    assert.deepEqual(parisHours, ['18:30', '18:30', '18:30', '18:30']);
    const utcHours = new Set(occurrences.map((row) => row.starts_at.getUTCHours()));
    assert.deepEqual([...utcHours].sort(), [16, 17], 'an hour earlier in UTC once summer time starts');
    const [first, second] = occurrences;
    assert.ok(first && second);
    await organiser.client.get(`/en/events/${slug}/registrations`);
    assert.equal((await organiser.client.post(`/en/events/${slug}/occurrences/${first.id}/cancel`, {})).statusCode, 303);
    assert.equal((await organiser.client.post(`/en/events/${slug}/occurrences/${second.id}/move`, { [`startsAt-${second.id}`]: `${inAYear}-03-25T19:00` })).statusCode, 303);
    const page = await look(`/en/events/${slug}`);
    assert.match(page.body, /Cancelled/);
    assert.match(page.body, /Moved/);
    const stranger = await createMember(testApp);
    await stranger.client.get('/en/events');
    assert.equal((await stranger.client.post(`/en/events/${slug}/occurrences/${first.id}/cancel`, {})).statusCode, 403);
  });

  test('members who follow a topic or a country hear of a new event in it', async () => {
    const follower = await createMember(testApp);
    await testApp.deps.db.insertInto('follows').values([{ user_id: follower.id, target_kind: 'country', target_key: 'CA' }]).execute();
    const slug = await publishedEvent({ title: 'Housing clinic in Toronto' });
    await notificationsService({ ...testApp.deps, kinds: allContentKinds() }).processEvents();
    const page = await follower.client.get('/en/notifications');
    assert.match(page.body, /New event in Canada: Housing clinic in Toronto/);
    assert.match(page.body, new RegExp(`/en/events/${slug}`));
  });

  test('the API, the feed and the OpenAPI document list published events only', async () => {
    const slug = await publishedEvent({ title: 'Roundtable for the API' });
    await organiser.client.get('/en/events/new');
    await organiser.client.post('/en/events', eventForm({ title: 'A draft nobody sees', action: 'draft' }));
    const list = JSON.parse((await look('/api/v1/events?per_page=100')).body) as { items: { slug: string; title: string; starts_at: string; time_zone: string }[] };
    const item = list.items.find((candidate) => candidate.slug === slug);
    assert.equal(item?.starts_at, `${inAYear}-01-15T23:00:00.000Z`);
    assert.equal(item?.time_zone, 'America/Toronto');
    assert.ok(!list.items.some((candidate) => candidate.title === 'A draft nobody sees'));
    assert.equal((await look(`/api/v1/events/${slug}`)).statusCode, 200);
    const feed = await look('/feeds/events.atom');
    assert.match(feed.body, /Roundtable for the API/);
    assert.doesNotMatch(feed.body, /A draft nobody sees/);
    const document = JSON.parse((await look('/api/openapi.json')).body) as { paths: Record<string, unknown> };
    assert.ok(document.paths['/api/v1/events'] && document.paths['/api/v1/events/{slug}'] && document.paths['/events.ics']);
  });
});
