import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { PROFILE_SETTINGS_PATH } from './index.ts';

let testApp: TestApp;
let visitor: TestClient;
before(async () => {
  testApp = await startTestApp();
  visitor = new TestClient(testApp.app);
});
after(() => testApp.close());

/** The profile form as a member fills it; `public` and `listed` as ticked. */
function profileForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    organisation: 'Câmara Municipal de Lisboa',
    stakeholderType: 'local_government',
    jobTitle: 'Integration officer',
    country: 'PT',
    city: '',
    expertise: ['housing', 'employment'],
    languages: ['pt', 'en', 'ar'],
    bio: 'I run the one-stop shop for newcomers.',
    website: 'https://www.lisboa.pt/',
    public: [],
    listed: '',
    timeZone: 'Europe/Lisbon',
    locale: 'en',
    ...overrides,
  };
}

async function saveProfile(member: TestMember, form: Record<string, string | string[]>) {
  await member.client.get(`/en${PROFILE_SETTINGS_PATH}`);
  return member.client.post(`/en${PROFILE_SETTINGS_PATH}`, form);
}

/** Visitors may be served a page cached for a minute: each look asks afresh, as a reload would. */
function look(path: string) {
  return visitor.get(path, { 'cache-control': 'no-cache' });
}

describe('public profiles', () => {
  test('nothing is public until the member chooses: a fresh account has no profile page and is not in the directory', async () => {
    const member = await createMember(testApp, { name: 'Ines Quiet' });
    const saved = await saveProfile(member, profileForm());
    assert.equal(saved.statusCode, 303);
    assert.equal((await look(`/en/members/${member.user.handle}`)).statusCode, 404);
    const directory = await look('/en/community?q=Ines');
    assert.doesNotMatch(directory.body, /Ines Quiet/);
  });

  test('the profile shows exactly the fields made public, never the email address', async () => {
    const member = await createMember(testApp, { name: 'Rita Public' });
    const saved = await saveProfile(member, profileForm({ public: ['organisation', 'expertise', 'website'], listed: 'yes' }));
    assert.equal(saved.statusCode, 303);
    const page = await look(`/en/members/${member.user.handle}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Rita Public/);
    assert.match(page.body, /Câmara Municipal de Lisboa/);
    assert.match(page.body, /Housing/);
    assert.match(page.body, /https:\/\/www\.lisboa\.pt\//);
    // Not ticked: the job title, the bio and the languages stay private.
    assert.doesNotMatch(page.body, /Integration officer/);
    assert.doesNotMatch(page.body, /one-stop shop for newcomers/);
    assert.doesNotMatch(page.body, /Portuguese/);
    assert.ok(!page.body.includes(member.email));
  });

  test('bad input is refused with translated errors and changes nothing', async () => {
    const member = await createMember(testApp);
    await saveProfile(member, profileForm({ public: ['organisation'], listed: 'yes' }));
    const refused = await saveProfile(member, profileForm({ website: 'javascript:alert(1)', timeZone: 'Mars/Olympus', organisation: 'Changed', public: ['organisation'] }));
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /<title>Error: /);
    assert.match(refused.body, /Enter a website address that starts with https:\/\/ or http:\/\//);
    assert.match(refused.body, /Choose a time zone from the list/);
    const stored = await testApp.deps.db.selectFrom('users').select(['organisation', 'time_zone']).where('id', '=', member.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { organisation: 'Câmara Municipal de Lisboa', time_zone: 'Europe/Lisbon' });

    const french = await member.client.post(`/fr${PROFILE_SETTINGS_PATH}`, profileForm({ expertise: ['not-a-topic'] }));
    assert.equal(french.statusCode, 422);
    assert.match(french.body, /Choisissez des domaines d’expertise dans la liste/);
  });

  test('a visitor cannot change anyone’s profile', async () => {
    const response = await visitor.post(`/en${PROFILE_SETTINGS_PATH}`, profileForm());
    assert.notEqual(response.statusCode, 303);
    assert.ok([302, 303, 401, 403].includes(response.statusCode), String(response.statusCode));
  });
});

describe('the directory', () => {
  let amadou: TestMember;
  before(async () => {
    amadou = await createMember(testApp, { name: 'Amadou Diallo' });
    await saveProfile(amadou, profileForm({
      organisation: 'Réseau des associations de la diaspora sénégalaise',
      stakeholderType: 'migrant_diaspora_organisation',
      country: 'SN',
      expertise: ['employment'],
      languages: ['fr', 'wo'],
      public: ['organisation', 'stakeholderType', 'country', 'expertise', 'languages'],
      listed: 'yes',
    }));
    const hidden = await createMember(testApp, { name: 'Amadou Private' });
    // Listed, but the country is private: filtering on it must not reveal it.
    await saveProfile(hidden, profileForm({ country: 'SN', expertise: ['employment'], public: ['organisation'], listed: 'yes' }));
  });

  test('finds a member by organisation without accents, and by expertise in another language', async () => {
    const unaccented = await look('/en/community?q=reseau+senegalaise');
    assert.match(unaccented.body, /Amadou Diallo/);
    // "Emploi" is the French label of the employment topic, which Amadou made public.
    const french = await look('/en/community?q=emploi');
    assert.match(french.body, /Amadou Diallo/);
  });

  test('filters by country, topic, stakeholder type and language, on public fields only', async () => {
    const filtered = await look('/en/community?country=SN&topic=employment&stakeholder=migrant_diaspora_organisation&language=wo');
    assert.match(filtered.body, /Amadou Diallo/);
    assert.doesNotMatch(filtered.body, /Amadou Private/);
    const other = await look('/en/community?country=FR&q=amadou');
    assert.doesNotMatch(other.body, /Amadou Diallo/);
    assert.match(other.body, /No member matches this search/);
  });

  test('filters it does not offer are ignored with a notice, not an error', async () => {
    const response = await look('/en/community?country=ZZ&topic=nonsense&q=amadou');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Some filters were ignored/);
    assert.match(response.body, /Amadou Diallo/);
  });

  test('pages through many members', async () => {
    for (let index = 0; index < 27; index += 1) {
      const member = await createMember(testApp, { name: `Zeta Pager ${String(index).padStart(2, '0')}` });
      await saveProfile(member, profileForm({ organisation: 'Pager Network', public: ['organisation'], listed: 'yes' }));
    }
    const first = await look('/en/community?q=pager+network');
    assert.match(first.body, /Members \(27\)/);
    assert.match(first.body, /Zeta Pager 00/);
    assert.doesNotMatch(first.body, /Zeta Pager 26/);
    const second = await look('/en/community?q=pager+network&page=2');
    assert.match(second.body, /Zeta Pager 26/);
    assert.equal((await look('/en/community?q=pager+network&page=9')).statusCode, 404);
  });

  test('a member who deletes their account disappears at once from the directory and their profile', async () => {
    const leaving = await createMember(testApp, { name: 'Leila Leaving' });
    await saveProfile(leaving, profileForm({ public: ['organisation'], listed: 'yes' }));
    assert.match((await look('/en/community?q=leila')).body, /Leila Leaving/);
    await testApp.app.personalData.erase(testApp.deps.db, { userId: leaving.id, email: leaving.email, name: leaving.name }, { dataDir: testApp.deps.config.dataDir });
    assert.doesNotMatch((await look('/en/community?q=leila')).body, /Leila Leaving/);
    assert.equal((await look(`/en/members/${leaving.user.handle}`)).statusCode, 404);
  });
});

describe('time zones', () => {
  test('times on a member’s pages are written in the time zone they chose', async () => {
    const member = await createMember(testApp);
    const moment = new Date('2026-03-01T23:30:00Z');
    await sql`UPDATE users SET created_at = ${moment} WHERE id = ${member.id}`.execute(testApp.deps.db);
    // 23:30 UTC on 1 March is already 2 March in Tokyo.
    assert.match((await member.client.get('/en/account')).body, /Mar 1, 2026|1 Mar 2026/);
    await saveProfile(member, profileForm({ timeZone: 'Asia/Tokyo' }));
    assert.match((await member.client.get('/en/account')).body, /Mar 2, 2026|2 Mar 2026/);
  });
});
