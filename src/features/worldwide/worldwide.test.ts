import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember } from '../../test/members.ts';
import { samplePractice } from '../practices/fixtures.ts';
import { practiceService } from '../practices/service.ts';

let testApp: TestApp;
let visitor: TestClient;
before(async () => {
  testApp = await startTestApp();
  visitor = new TestClient(testApp.app);
});
after(() => testApp.close());

/** Visitors may be served a page cached for a minute: each look asks afresh, as a reload would. */
const look = (path: string) => visitor.get(path, { 'cache-control': 'no-cache' });

async function publish(overrides: Parameters<typeof samplePractice>[0]): Promise<string> {
  return practiceService(testApp.deps).create(samplePractice(overrides), { authorId: null, status: 'published' });
}

/** The count the map's table gives a country: its row links to the country page. */
function tableCount(body: string, iso2: string): number | undefined {
  const match = new RegExp(`href="/en/countries/${iso2}">[^<]+</a></th><td class="table__numeric">([0-9,]+)</td>`).exec(body);
  return match?.[1] ? Number(match[1].replace(/,/g, '')) : undefined;
}

describe('the world map', () => {
  test('a newly published practice shows in its country’s count and on its country page', async () => {
    assert.equal(tableCount((await look('/en/map')).body, 'ne'), undefined);
    await publish({ title: 'Reception in Niamey', countries: ['NE'], topics: ['housing'], city: { name: 'Niamey', country: 'NE', latitude: 13.5116, longitude: 2.1254 } });
    await publish({ title: 'Language cafés in Niamey', countries: ['NE'], topics: ['education'], city: { name: 'Niamey', country: 'NE', latitude: 13.5116, longitude: 2.1254 } });
    const map = await look('/en/map');
    assert.equal(map.statusCode, 200);
    assert.equal(tableCount(map.body, 'ne'), 2);
    assert.match(map.body, /<a href="\/en\/countries\/ne" aria-label="Niger: 2 practices">/);
    assert.match(map.body, /<a href="\/en\/cities\/niamey-ne" aria-label="Niamey: 2 practices">|<a href="\/en\/cities\/[^"]+" aria-label="Niamey: 2 practices">/);
    const country = await look('/en/countries/ne');
    assert.equal(country.statusCode, 200);
    assert.match(country.body, /<h1>Niger<\/h1>/);
    assert.match(country.body, /Reception in Niamey/);
    assert.match(country.body, /Language cafés in Niamey/);
  });

  test('the practice search’s filters carry to the map and back', async () => {
    const filtered = await look('/en/map?topic=housing');
    assert.equal(tableCount(filtered.body, 'ne'), 1);
    assert.match(filtered.body, /href="\/en\/practices\?topic=housing"/);
    assert.match(filtered.body, /href="\/en\/map\?layer=resources&amp;topic=housing"/);
  });

  test('invalid layers and filters are ignored with a notice; unknown places are 404 pages', async () => {
    const odd = await look('/en/map?layer=planets&topic=nonsense');
    assert.equal(odd.statusCode, 200);
    assert.match(odd.body, /Some choices were ignored/);
    assert.equal((await look('/en/countries/zz')).statusCode, 404);
    assert.equal((await look('/en/cities/atlantis')).statusCode, 404);
    assert.match((await look('/fr/countries/ne')).body, /<h1>Niger<\/h1>/);
    assert.match((await look('/ar/countries/de')).body, /<h1>ألمانيا<\/h1>/);
  });
});

describe('city pages kept by their cities', () => {
  test('a local government member asks, an editor approves, the keeper writes the profile; others cannot', async () => {
    await publish({ title: 'Welcome desk in Lyon', countries: ['FR'] });
    const city = await testApp.deps.db.selectFrom('cities').select(['id', 'slug']).where('name', '=', 'Lyon').executeTakeFirstOrThrow();
    const officer = await createMember(testApp, { name: 'Olivier Officer' });
    const outsider = await createMember(testApp, { name: 'Nadia Outsider' });
    const editor = await createMember(testApp, { role: 'editor' });

    // Not a local government yet: a clear refusal.
    await officer.client.get(`/en/cities/${city.slug}/keep`);
    const refused = await officer.client.post(`/en/cities/${city.slug}/keep`, { action: 'request', note: 'Integration office' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Only members of a local government can keep a city’s page/);

    await testApp.deps.db.updateTable('users').set({ stakeholder_type: 'local_government', organisation: 'Ville de Lyon' }).where('id', '=', officer.id).execute();
    const asked = await officer.client.post(`/en/cities/${city.slug}/keep`, { action: 'request', note: 'I run the integration office.' });
    assert.equal(asked.statusCode, 303);

    // Before approval, the profile cannot be written.
    const early = await officer.client.post(`/en/cities/${city.slug}/keep`, { action: 'profile', integrationOffice: 'Mission intégration', contact: '', approach: '', links: '' });
    assert.equal(early.statusCode, 403);

    const queue = await editor.client.get('/en/review/cities');
    assert.match(queue.body, /Olivier Officer \(Ville de Lyon\) asks to keep the page of Lyon/);
    assert.equal((await outsider.client.post('/en/review/cities', { city: String(city.id), member: String(officer.id), decision: 'approved' })).statusCode, 403);
    const approved = await editor.client.post('/en/review/cities', { city: String(city.id), member: String(officer.id), decision: 'approved' });
    assert.equal(approved.statusCode, 303);

    await officer.client.get(`/en/cities/${city.slug}/keep`);
    const bad = await officer.client.post(`/en/cities/${city.slug}/keep`, { action: 'profile', integrationOffice: 'Mission intégration', contact: '', approach: '', links: 'javascript:alert(1)' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Enter up to 10 web addresses/);
    const saved = await officer.client.post(`/en/cities/${city.slug}/keep`, {
      action: 'profile',
      integrationOffice: 'Mission égalité et intégration',
      contact: 'Hôtel de Ville, 1 place de la Comédie',
      approach: 'One welcome desk for every newcomer.',
      links: 'https://www.lyon.fr/',
    });
    assert.equal(saved.statusCode, 303);
    const page = await look(`/en/cities/${city.slug}`);
    assert.match(page.body, /Mission égalité et intégration/);
    assert.match(page.body, /Welcome desk in Lyon/);
    assert.ok(!page.body.includes(officer.email));

    await outsider.client.get(`/en/cities/${city.slug}/keep`);
    const notKeeper = await outsider.client.post(`/en/cities/${city.slug}/keep`, { action: 'profile', integrationOffice: 'Hijacked', contact: '', approach: '', links: '' });
    assert.equal(notKeeper.statusCode, 403);
  });
});
