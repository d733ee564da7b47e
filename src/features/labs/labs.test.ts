import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { participantsService } from './participants.ts';

/**
 * A lab end to end through its pages (`app.inject` on PostgreSQL): a coordinator opens it, builds a
 * programme and a session, enrols participants with consent, records attendance and outcomes; the
 * refusals are audited; the public pages show no count below 5; export, certificate, erasure and
 * the retention job keep the aggregates honest.
 */

let testApp: TestApp;
let coordinator: TestMember;
let facilitator: TestMember;
let otherCoordinator: TestMember;
let admin: TestMember;
let labSlug = '';
let programmeId = 0;
let sessionId = 0;
const participantIds: number[] = [];
const fresh = { 'cache-control': 'no-cache' };
const today = new Date().toISOString().slice(0, 10);
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

before(async () => {
  testApp = await startTestApp();
  coordinator = await createMember(testApp, { role: 'lab_coordinator', name: 'Camille Coordinator' });
  facilitator = await createMember(testApp, { name: 'Fatima Facilitator' });
  otherCoordinator = await createMember(testApp, { role: 'lab_coordinator', name: 'Otto Other' });
  admin = await createMember(testApp, { role: 'admin', name: 'Ada Admin' });
  await sql`INSERT INTO cities (slug, name, country, latitude, longitude) VALUES ('lyon', 'Lyon', 'FR', 45.76, 4.83) ON CONFLICT DO NOTHING`.execute(testApp.deps.db);
});
after(() => testApp.close());

async function post(member: TestMember, page: string, action: string, form: Record<string, string | string[]>) {
  await member.client.get(page);
  return member.client.post(action, form);
}

const count = async (table: string): Promise<number> => {
  const { rows } = await sql<{ count: number }>`SELECT count(*)::integer AS count FROM ${sql.table(table)}`.execute(testApp.deps.db);
  return rows[0]?.count ?? 0;
};

const auditActions = async (): Promise<string[]> => {
  const { rows } = await sql<{ action: string }>`SELECT a.action FROM lab_audit_log a JOIN labs l ON l.id = a.lab_id WHERE l.slug = ${labSlug} ORDER BY a.id`.execute(testApp.deps.db);
  return rows.map((row) => row.action);
};

/** Every number shown in the indicator tables of a page. */
function indicatorNumbers(html: string): number[] {
  const tables = html.match(/<table class="table">[\s\S]*?<\/table>/g) ?? [];
  return tables.flatMap((table) => [...table.matchAll(/<td class="table__cell--numeric">([^<]*)<\/td>/g)].map((match) => match[1] ?? '').filter((cell) => /^\d+$/.test(cell)).map(Number));
}

describe('a lab run by its coordinator', () => {
  test('only lab coordinators and admins open labs; a bad lab form is refused and saves nothing', async () => {
    const member = await createMember(testApp);
    assert.equal((await member.client.get('/en/labs/new')).statusCode, 403);
    const refused = await post(coordinator, '/en/labs/new', '/en/labs', { name: '', country: 'XX', pillars: ['no_such_pillar'], status: 'active', timeZone: 'Mars/Base', retentionMonths: '0' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Enter the lab’s name/);
    assert.match(refused.body, /Choose pillars from the list/);
    assert.match(refused.body, /Enter a number of months from 1 to 120/);
    assert.equal(await count('labs'), 0);

    const created = await post(coordinator, '/en/labs/new', '/en/labs', {
      name: 'Lab Lyon',
      country: 'FR',
      city: 'Lyon',
      organisation: '',
      pillars: ['language_communication', 'economic_integration'],
      description: 'A lab for newcomers in Lyon.',
      contact: 'lab@lyon.example',
      status: 'active',
      timeZone: 'Europe/Paris',
      retentionMonths: '12',
    });
    assert.equal(created.statusCode, 303);
    labSlug = /\/labs\/([^/?]+)/.exec(String(created.headers.location))?.[1] ?? '';
    assert.equal(labSlug, 'lab-lyon');
  });

  test('the team, a programme and a session in the lab’s time zone, inside the programme’s dates only', async () => {
    const manage = `/en/labs/${labSlug}/manage`;
    const handle = (await testApp.deps.db.selectFrom('users').select('handle').where('id', '=', facilitator.id).executeTakeFirstOrThrow()).handle;
    assert.equal((await post(coordinator, manage, `/en/labs/${labSlug}/team`, { handle: 'nobody-here', role: 'facilitator' })).statusCode, 422);
    assert.equal((await post(coordinator, manage, `/en/labs/${labSlug}/team`, { handle, role: 'facilitator' })).statusCode, 303);

    const badProgramme = await post(coordinator, manage, `/en/labs/${labSlug}/programmes`, { pillar: 'intercultural_dialogue', title: 'Circles', modules: 'One', startsOn: daysFromNow(-30), endsOn: daysFromNow(-40) });
    assert.equal(badProgramme.statusCode, 422);
    assert.match(badProgramme.body, /Choose one of the lab’s pillars/);
    assert.match(badProgramme.body, /The end must be on or after the start/);
    assert.equal(await count('lab_programmes'), 0);
    assert.equal((await post(coordinator, manage, `/en/labs/${labSlug}/programmes`, { pillar: 'language_communication', title: 'French for work', description: '', modules: 'Introductions\nAt work', startsOn: daysFromNow(-30), endsOn: daysFromNow(30) })).statusCode, 303);
    programmeId = (await sql<{ id: number }>`SELECT id FROM lab_programmes`.execute(testApp.deps.db)).rows[0]?.id ?? 0;

    const session = { module: 'Introductions', time: '18:30', durationMinutes: '90', place: 'Salle 2', facilitator: String(facilitator.id), capacity: '12', language: 'fr', format: 'class' };
    const outside = await post(coordinator, manage, `/en/labs/${labSlug}/programmes/${programmeId}/sessions`, { ...session, date: daysFromNow(60) });
    assert.equal(outside.statusCode, 422);
    assert.match(outside.body, /Choose a date within the programme’s dates/);
    assert.equal(await count('lab_sessions'), 0);
    assert.equal((await post(coordinator, manage, `/en/labs/${labSlug}/programmes/${programmeId}/sessions`, { ...session, date: daysFromNow(-1) })).statusCode, 303);
    const stored = (await sql<{ id: number; local: string }>`SELECT id, to_char(starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') AS local FROM lab_sessions`.execute(testApp.deps.db)).rows[0];
    assert.equal(stored?.local, '18:30', 'the time typed is the lab’s local time');
    sessionId = stored?.id ?? 0;
    assert.equal((await post(coordinator, manage, `/en/labs/${labSlug}/trainings`, { facilitator: String(facilitator.id), module: 'Dialogic teaching', completedOn: today })).statusCode, 303);
    assert.equal((await post(coordinator, manage, `/en/labs/${labSlug}/services`, { category: 'legal_aid', name: 'Permanence juridique', address: '1 place Bellecour', hours: 'Wed 14–17', languages: ['fr', 'ar'], cost: 'Free' })).statusCode, 303);
  });

  test('nobody is enrolled without consent; codes are not guessable and never in an address', async () => {
    const page = `/en/labs/${labSlug}/participants`;
    const form = { consentLanguage: 'ar', ageBand: '26_35', arrivalYear: '2024', languages: ['ar', 'fr'], originCountry: 'SY', programmes: [String(programmeId)] };
    const refused = await post(coordinator, page, page, form);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Record the person’s consent: nobody is enrolled without it/);
    assert.equal(await count('lab_participants'), 0);
    for (let index = 0; index < 3; index += 1) {
      const enrolled = await post(coordinator, page, page, { ...form, consent: 'yes' });
      assert.equal(enrolled.statusCode, 303);
      const location = String(enrolled.headers.location);
      const id = Number(/\/participants\/(\d+)\?/.exec(location)?.[1]);
      participantIds.push(id);
      const code = (await sql<{ code: string }>`SELECT code FROM lab_participants WHERE id = ${id}`.execute(testApp.deps.db)).rows[0]?.code ?? '';
      assert.match(code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      assert.ok(!location.includes(code), 'the code is not in the address');
    }
    const { rows } = await sql<{ codes: number }>`SELECT count(DISTINCT code)::integer AS codes FROM lab_participants`.execute(testApp.deps.db);
    assert.equal(rows[0]?.codes, 3);
    const record = await coordinator.client.get(`/en/labs/${labSlug}/participants/${participantIds[0]}`);
    assert.equal(record.statusCode, 200);
    assert.equal(record.headers['x-robots-tag'], 'noindex');
    assert.match(String(record.headers['cache-control']), /no-store/);
  });

  test('attendance only for the enrolled, outcomes only with a date; the facilitator sees their session’s codes', async () => {
    const sessionPage = `/en/labs/${labSlug}/sessions/${sessionId}`;
    const stranger = 999_999;
    const refused = await post(facilitator, sessionPage, `${sessionPage}/attendance`, { listed: participantIds.map(String), present: [String(stranger)] });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Record attendance only for people enrolled in this programme/);
    assert.equal(await count('lab_attendance'), 0);
    const list = await facilitator.client.get(sessionPage);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /3 participants enrolled/);
    assert.equal((await post(facilitator, sessionPage, `${sessionPage}/attendance`, { listed: participantIds.map(String), present: participantIds.slice(0, 2).map(String) })).statusCode, 303);
    assert.equal(await count('lab_attendance'), 3);

    const record = `/en/labs/${labSlug}/participants/${participantIds[0]}`;
    const noDate = await post(coordinator, record, `${record}/outcomes`, { kind: 'language_level', cefrLevel: 'A2', achievedOn: '' });
    assert.equal(noDate.statusCode, 422);
    assert.match(noDate.body, /Enter the date of the outcome/);
    assert.equal(await count('lab_outcomes'), 0);
    assert.equal((await post(coordinator, record, `${record}/outcomes`, { kind: 'language_level', cefrLevel: 'A2', achievedOn: today })).statusCode, 303);
  });

  test('a facilitator, another lab’s coordinator and an admin are refused a record, and each refusal is audited', async () => {
    const other = await post(otherCoordinator, '/en/labs/new', '/en/labs', { name: 'Lab Elsewhere', country: 'BE', pillars: ['intercultural_dialogue'], status: 'active', timeZone: 'Europe/Brussels', retentionMonths: '24' });
    assert.equal(other.statusCode, 303);
    const before = (await auditActions()).filter((action) => action === 'participant.denied').length;
    assert.equal((await facilitator.client.get(`/en/labs/${labSlug}/participants/${participantIds[0]}`)).statusCode, 403);
    assert.equal((await otherCoordinator.client.get(`/en/labs/lab-elsewhere/participants/${participantIds[0]}`)).statusCode, 403);
    assert.equal((await admin.client.get(`/en/labs/${labSlug}/participants/${participantIds[0]}`)).statusCode, 403);
    const denied = (await auditActions()).filter((action) => action === 'participant.denied').length;
    assert.equal(denied - before, 3);
    const log = await coordinator.client.get(`/en/labs/${labSlug}/audit`);
    assert.equal(log.statusCode, 200);
    assert.match(log.body, /Was refused a record/);
    assert.match(log.body, /Opened a record/);
    assert.match(log.body, /Recorded attendance/);
    assert.match(log.body, /Otto Other/);
  });

  test('the public lab page and the network show no count below 5', async () => {
    const page = await coordinator.client.get(`/en/labs/${labSlug}`, fresh);
    assert.equal(page.statusCode, 200);
    const visitor = await testApp.app.inject({ method: 'GET', url: `/en/labs/${labSlug}`, headers: fresh });
    assert.equal(visitor.statusCode, 200);
    assert.match(visitor.body, /1 trained facilitator/);
    assert.match(visitor.body, /Permanence juridique/);
    assert.ok(!/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/.test(visitor.body), 'no participant code on the public page');
    assert.ok(indicatorNumbers(visitor.body).every((value) => value >= 5), `public figures: ${indicatorNumbers(visitor.body).join(', ')}`);
    assert.match(visitor.body, /hidden/);
    const list = await testApp.app.inject({ method: 'GET', url: '/en/labs', headers: fresh });
    assert.equal(list.statusCode, 200);
    assert.ok(indicatorNumbers(list.body).every((value) => value >= 5));
    assert.ok(!visitor.body.includes(`/labs/${labSlug}/manage`), 'a visitor has no way into the workspace');
  });

  test('the dashboard counts exactly for the coordinator; the services leaflet prints in Arabic', async () => {
    const dashboard = await coordinator.client.get(`/en/labs/${labSlug}/dashboard`);
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /<th scope="row">Enrolments<\/th><td class="table__cell--numeric">3<\/td>/);
    assert.match(dashboard.body, /67%/);
    assert.match(dashboard.body, /role="img"/);
    const leaflet = await testApp.app.inject({ method: 'GET', url: `/ar/labs/${labSlug}/leaflet`, headers: fresh });
    assert.equal(leaflet.statusCode, 200);
    assert.match(leaflet.body, /dir="rtl"/);
    assert.match(leaflet.body, /المساعدة القانونية/);
    assert.match(leaflet.body, /Permanence juridique/);
    const consent = await testApp.app.inject({ method: 'GET', url: `/ar/labs/${labSlug}/consent`, headers: fresh });
    assert.match(consent.body, /حتى 12 شهراً بعد آخر نشاط/);
  });

  test('export, certificate and erasure on request keep the aggregates honest', async () => {
    const record = `/en/labs/${labSlug}/participants/${participantIds[0]}`;
    const exported = await coordinator.client.get(`${record}/export`);
    assert.equal(exported.statusCode, 200);
    const data = JSON.parse(exported.body) as { code: string; languages: string[]; outcomes: { level: string }[] };
    assert.match(data.code, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    assert.deepEqual(data.languages.sort(), ['ar', 'fr']);
    assert.equal(data.outcomes[0]?.level, 'A2');

    const noName = await post(coordinator, record, `${record}/certificate`, { name: '', language: 'ar' });
    assert.equal(noName.statusCode, 422);
    const certificate = await post(coordinator, record, `${record}/certificate`, { name: 'ليلى حداد', language: 'ar' });
    assert.equal(certificate.statusCode, 200);
    assert.equal(certificate.headers['content-type'], 'application/pdf');
    assert.equal(certificate.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const { rows: kept } = await sql<{ hits: number }>`SELECT count(*)::integer AS hits FROM lab_audit_log WHERE details::text LIKE '%ليلى%'`.execute(testApp.deps.db);
    assert.equal(kept[0]?.hits, 0, 'the name went into the PDF only');

    const unconfirmed = await post(coordinator, record, `${record}/erase`, {});
    assert.equal(unconfirmed.statusCode, 422);
    assert.equal(await count('lab_participants'), 3);
    assert.equal((await post(coordinator, record, `${record}/erase`, { confirm: 'yes' })).statusCode, 303);
    assert.equal(await count('lab_participants'), 2);
    assert.equal((await coordinator.client.get(record)).statusCode, 404);
    const dashboard = await coordinator.client.get(`/en/labs/${labSlug}/dashboard`);
    assert.match(dashboard.body, /<th scope="row">Enrolments<\/th><td class="table__cell--numeric">3<\/td>/, 'the erased enrolment still counts');
    assert.ok((await auditActions()).includes('participant.erased'));
  });

  test('the retention job erases records past the lab’s period and says so in the audit log', async () => {
    await sql`UPDATE lab_participants SET last_activity_on = CURRENT_DATE - 400 WHERE id = ${participantIds[1]}`.execute(testApp.deps.db);
    const erased = await participantsService(testApp.deps).eraseExpired();
    assert.equal(erased, 1);
    assert.equal(await count('lab_participants'), 1);
    assert.ok((await auditActions()).includes('participant.expired'));
  });

  test('a programme becomes a practice draft whose evaluation never shows a count below 5', async () => {
    const manage = `/en/labs/${labSlug}/manage`;
    const drafted = await post(coordinator, manage, `/en/labs/${labSlug}/programmes/${programmeId}/practice`, {});
    assert.equal(drafted.statusCode, 303);
    assert.match(String(drafted.headers.location), /^\/en\/practices\/french-for-work\/edit$/);
    const { rows } = await sql<{ evaluation: string; status: string }>`SELECT evaluation, status FROM practices WHERE slug = 'french-for-work'`.execute(testApp.deps.db);
    assert.equal(rows[0]?.status, 'draft');
    assert.match(rows[0]?.evaluation ?? '', /Enrolments: fewer than 5/);
  });

  test('the map has a labs layer and the city page lists the lab and its services', async () => {
    const map = await testApp.app.inject({ method: 'GET', url: '/en/map?layer=labs', headers: fresh });
    assert.equal(map.statusCode, 200);
    assert.match(map.body, /Labs per country/);
    const services = await testApp.app.inject({ method: 'GET', url: '/en/map?layer=services', headers: fresh });
    assert.equal(services.statusCode, 200);
    assert.match(services.body, /1 service for newcomers on the map/);
    const city = await testApp.app.inject({ method: 'GET', url: '/en/cities/lyon', headers: fresh });
    assert.equal(city.statusCode, 200);
    assert.match(city.body, /Lab Lyon/);
    assert.match(city.body, /Permanence juridique/);
  });
});
