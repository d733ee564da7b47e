import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { EMPTY_LAB_FORM } from './model.ts';
import { participantsService } from './participants.ts';
import { labsService } from './service.ts';

/**
 * Every lab route, for every role, on its own lab and on another: visitors, members, the lab's
 * facilitator, its coordinator, the coordinator of another lab, and an admin of the platform.
 * Allowed requests are answered (a page, a redirect after the change, or the form again when the
 * empty body is refused); refused ones are 403 for the signed in and a sign-in redirect for
 * visitors, and a refused participant record is written to its lab's audit log.
 */

type Role = 'visitor' | 'member' | 'facilitator' | 'coordinator' | 'otherCoordinator' | 'admin';
const ROLES: readonly Role[] = ['visitor', 'member', 'facilitator', 'coordinator', 'otherCoordinator', 'admin'];

let testApp: TestApp;
const people = new Map<Role, TestMember>();
let lab = '';
let otherLab = '';
let programmeId = 0;
let sessionId = 0;
let participantId = 0;
let serviceId = 0;

before(async () => {
  testApp = await startTestApp();
  const coordinator = await createMember(testApp, { role: 'lab_coordinator', name: 'Own Coordinator' });
  const otherCoordinator = await createMember(testApp, { role: 'lab_coordinator', name: 'Other Coordinator' });
  const facilitator = await createMember(testApp, { name: 'Own Facilitator' });
  people.set('coordinator', coordinator);
  people.set('otherCoordinator', otherCoordinator);
  people.set('facilitator', facilitator);
  people.set('member', await createMember(testApp, { name: 'Plain Member' }));
  people.set('admin', await createMember(testApp, { role: 'admin', name: 'Platform Admin' }));

  const labs = labsService(testApp.deps);
  const form = { ...EMPTY_LAB_FORM, country: 'FR', pillars: ['language_communication'], timeZone: 'Europe/Paris' };
  lab = await labs.create(coordinator.user, { ...form, name: 'Own Lab' });
  otherLab = await labs.create(otherCoordinator.user, { ...form, name: 'Other Lab' });
  await labs.addToTeam(coordinator.user, lab, { handle: facilitator.user.handle, role: 'facilitator' });
  const today = new Date().toISOString().slice(0, 10);
  programmeId = await labs.addProgramme(coordinator.user, lab, { pillar: 'language_communication', title: 'French', modules: 'One', startsOn: today, endsOn: today });
  sessionId = await labs.addSession(coordinator.user, lab, programmeId, { module: 'One', date: today, time: '10:00', durationMinutes: '60', place: 'Room', facilitator: String(facilitator.id), capacity: '10', language: 'fr', format: 'class' });
  await labs.addService(coordinator.user, lab, { category: 'health', name: 'Clinic', address: 'Street 1', hours: '', cost: '' }, []);
  serviceId = (await sql<{ id: number }>`SELECT id FROM lab_services`.execute(testApp.deps.db)).rows[0]?.id ?? 0;
  participantId = (await participantsService(testApp.deps).enrol(coordinator.user, lab, { ageBand: '18_25', arrivalYear: '2024', consentLanguage: 'fr', consent: 'yes' }, { languages: ['fr'], programmes: [String(programmeId)] })).id;
});
after(() => testApp.close());

interface Route {
  method: 'GET' | 'POST';
  path: () => string;
  allowed: readonly Role[];
}

const EVERYONE = ROLES;
const OPENERS: readonly Role[] = ['coordinator', 'otherCoordinator', 'admin'];
const RUNNERS: readonly Role[] = ['coordinator', 'admin'];
const TEAM: readonly Role[] = ['coordinator', 'facilitator'];
const COORDINATOR: readonly Role[] = ['coordinator'];
const own = (rest = '') => `/en/labs/${lab}${rest}`;
const record = (rest = '') => own(`/participants/${participantId}${rest}`);

const ROUTES: readonly Route[] = [
  { method: 'GET', path: () => '/en/labs', allowed: EVERYONE },
  { method: 'GET', path: () => own(), allowed: EVERYONE },
  { method: 'GET', path: () => own('/leaflet'), allowed: EVERYONE },
  { method: 'GET', path: () => own('/consent'), allowed: EVERYONE },
  { method: 'GET', path: () => '/en/labs/new', allowed: OPENERS },
  { method: 'POST', path: () => '/en/labs', allowed: OPENERS },
  { method: 'GET', path: () => own('/edit'), allowed: RUNNERS },
  { method: 'POST', path: () => own(), allowed: RUNNERS },
  { method: 'GET', path: () => own('/manage'), allowed: RUNNERS },
  { method: 'POST', path: () => own('/team'), allowed: RUNNERS },
  { method: 'POST', path: () => own('/team/remove'), allowed: RUNNERS },
  { method: 'POST', path: () => own('/programmes'), allowed: RUNNERS },
  { method: 'POST', path: () => own(`/programmes/${programmeId}/sessions`), allowed: RUNNERS },
  { method: 'POST', path: () => own(`/programmes/${programmeId}/practice`), allowed: RUNNERS },
  { method: 'POST', path: () => own('/trainings'), allowed: RUNNERS },
  { method: 'POST', path: () => own('/services'), allowed: RUNNERS },
  { method: 'POST', path: () => own(`/services/${serviceId}/delete`), allowed: RUNNERS },
  { method: 'GET', path: () => own('/sessions'), allowed: TEAM },
  { method: 'GET', path: () => own(`/sessions/${sessionId}`), allowed: TEAM },
  { method: 'POST', path: () => own(`/sessions/${sessionId}/attendance`), allowed: TEAM },
  { method: 'GET', path: () => own('/participants'), allowed: COORDINATOR },
  { method: 'POST', path: () => own('/participants'), allowed: COORDINATOR },
  { method: 'GET', path: () => record(), allowed: COORDINATOR },
  { method: 'POST', path: () => record('/outcomes'), allowed: COORDINATOR },
  { method: 'POST', path: () => record('/enrolments'), allowed: COORDINATOR },
  { method: 'GET', path: () => record('/export'), allowed: COORDINATOR },
  { method: 'POST', path: () => record('/certificate'), allowed: COORDINATOR },
  { method: 'POST', path: () => record('/erase'), allowed: COORDINATOR },
  { method: 'GET', path: () => own('/dashboard'), allowed: COORDINATOR },
  { method: 'GET', path: () => own('/audit'), allowed: COORDINATOR },
];

async function clientOf(role: Role): Promise<TestClient> {
  const client = role === 'visitor' ? new TestClient(testApp.app) : (people.get(role)?.client ?? new TestClient(testApp.app));
  await client.get('/en/login');
  if (role !== 'visitor') await client.get('/en/labs');
  return client;
}

test('every lab route answers every role as its rules say, on its own lab', async () => {
  const problems: string[] = [];
  for (const role of ROLES) {
    const client = await clientOf(role);
    for (const route of ROUTES) {
      const url = route.path();
      const response = route.method === 'GET' ? await client.get(url, { 'cache-control': 'no-cache' }) : await client.post(url, {});
      const allowed = route.allowed.includes(role);
      const toLogin = response.statusCode === 303 && /\/login/.test(String(response.headers.location));
      const refused = response.statusCode === 403 || toLogin;
      if (allowed && (refused || response.statusCode >= 500)) problems.push(`${role} ${route.method} ${url}: ${response.statusCode}, expected an answer`);
      if (!allowed && !(role === 'visitor' ? toLogin || response.statusCode === 403 : response.statusCode === 403)) problems.push(`${role} ${route.method} ${url}: ${response.statusCode}, expected a refusal`);
    }
  }
  assert.deepEqual(problems, []);
});

test('another lab’s coordinator is refused this lab’s participant through their own lab too, and it is audited', async () => {
  const client = await clientOf('otherCoordinator');
  const before = await sql<{ count: number }>`SELECT count(*)::integer AS count FROM lab_audit_log WHERE action = 'participant.denied' AND participant_id = ${participantId}`.execute(testApp.deps.db);
  for (const path of [`/en/labs/${otherLab}/participants/${participantId}`, `/en/labs/${otherLab}/participants/${participantId}/export`]) {
    assert.equal((await client.get(path)).statusCode, 403, path);
  }
  assert.equal((await client.post(`/en/labs/${otherLab}/participants/${participantId}/erase`, { confirm: 'yes' })).statusCode, 403);
  const afterwards = await sql<{ count: number; labs: string[] }>`
    SELECT count(*)::integer AS count, array_agg(DISTINCT l.slug) AS labs FROM lab_audit_log a JOIN labs l ON l.id = a.lab_id
     WHERE a.action = 'participant.denied' AND a.participant_id = ${participantId}`.execute(testApp.deps.db);
  assert.equal((afterwards.rows[0]?.count ?? 0) - (before.rows[0]?.count ?? 0), 3);
  assert.deepEqual(afterwards.rows[0]?.labs, [lab], 'the refusals are in the participant’s own lab’s log');
  const still = await sql<{ count: number }>`SELECT count(*)::integer AS count FROM lab_participants WHERE id = ${participantId}`.execute(testApp.deps.db);
  assert.equal(still.rows[0]?.count, 1);
});
