import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lastMailTo, linkIn, startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { samplePdf, samplePng } from '../../test/sample-files.ts';

let testApp: TestApp;
let manager: TestMember;
let visitor: TestClient;
before(async () => {
  testApp = await startTestApp();
  manager = await createMember(testApp, { name: 'Maya Manager' });
  visitor = new TestClient(testApp.app);
});
after(() => testApp.close());

const look = (path: string) => visitor.get(path, { 'cache-control': 'no-cache' });

async function createOrganisation(member: TestMember, form: Record<string, string | string[]> = {}): Promise<string> {
  await member.client.get('/en/organisations/new');
  const response = await member.client.post('/en/organisations', {
    name: 'Réseau Migrations Lyon',
    description: 'A network of associations welcoming newcomers.',
    stakeholderType: 'civil_society',
    countries: ['FR'],
    website: 'https://example.org/',
    ...form,
  });
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  const slug = /\/organisations\/([^?]+)/.exec(String(response.headers.location))?.[1];
  assert.ok(slug);
  return decodeURIComponent(slug);
}

describe('organisations', () => {
  test('a member creates an organisation and becomes its manager; its page shows names, never addresses', async () => {
    const slug = await createOrganisation(manager);
    const page = await look(`/en/organisations/${slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Réseau Migrations Lyon/);
    assert.match(page.body, /Maya Manager/);
    assert.ok(!page.body.includes(manager.email));
    assert.match((await manager.client.get(`/en/organisations/${slug}`)).body, /Members and invitations/);
    assert.equal((await look('/en/organisations/nowhere')).statusCode, 404);
  });

  test('bad input is refused with translated errors and creates nothing', async () => {
    await manager.client.get('/en/organisations/new');
    const refused = await manager.client.post('/en/organisations', { name: '', website: 'ftp://example.org', countries: ['ZZ'] });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Enter the name of the organisation/);
    assert.match(refused.body, /Enter a website address that starts with https:\/\/ or http:\/\//);
  });

  test('others ask to join; the manager accepts or declines; non-managers cannot manage', async () => {
    const slug = await createOrganisation(manager, { name: 'Dakar Diaspora Forum' });
    const asker = await createMember(testApp, { name: 'Ali Asker' });
    const other = await createMember(testApp, { name: 'Bea Other' });
    await asker.client.get(`/en/organisations/${slug}`);
    assert.equal((await asker.client.post(`/en/organisations/${slug}/join`)).statusCode, 303);
    await other.client.get(`/en/organisations/${slug}`);
    await other.client.post(`/en/organisations/${slug}/join`);

    assert.equal((await asker.client.get(`/en/organisations/${slug}/manage`)).statusCode, 403);
    assert.equal((await asker.client.post(`/en/organisations/${slug}/members`, { member: String(other.id), action: 'accept' })).statusCode, 403);

    const manage = await manager.client.get(`/en/organisations/${slug}/manage`);
    assert.match(manage.body, /Accept Ali Asker/);
    await manager.client.post(`/en/organisations/${slug}/members`, { member: String(asker.id), action: 'accept' });
    await manager.client.post(`/en/organisations/${slug}/members`, { member: String(other.id), action: 'decline' });
    const page = await look(`/en/organisations/${slug}`);
    assert.match(page.body, /Ali Asker/);
    assert.doesNotMatch(page.body, /Bea Other/);
  });

  test('an invitation link joins the invitee once; a used link joins nobody', async () => {
    const slug = await createOrganisation(manager, { name: 'Quito Welcome Network' });
    const invitee = await createMember(testApp, { name: 'Ines Invitee' });
    await manager.client.get(`/en/organisations/${slug}/manage`);
    assert.equal((await manager.client.post(`/en/organisations/${slug}/invite`, { email: 'not an address' })).statusCode, 422);
    assert.equal((await manager.client.post(`/en/organisations/${slug}/invite`, { email: invitee.email })).statusCode, 303);
    const mail = await lastMailTo(testApp.deps, invitee.email);
    assert.ok(mail);
    assert.ok(!mail.body.includes(manager.email), 'the inviter’s address stays private');
    const link = new URL(linkIn(mail.body), 'http://localhost:3000');
    const landing = await invitee.client.get(`${link.pathname}${link.search}`);
    assert.match(landing.body, /Join Quito Welcome Network/);
    const token = link.searchParams.get('token') ?? '';
    assert.equal((await invitee.client.post(`/en/organisations/${slug}/accept`, { token })).statusCode, 303);
    assert.match((await look(`/en/organisations/${slug}`)).body, /Ines Invitee/);
    const stranger = await createMember(testApp);
    await stranger.client.get(`${link.pathname}${link.search}`);
    assert.equal((await stranger.client.post(`/en/organisations/${slug}/accept`, { token })).statusCode, 422);
  });

  test('management is handed over; the last manager cannot leave before', async () => {
    const slug = await createOrganisation(manager, { name: 'Toronto Newcomer Alliance' });
    const colleague = await createMember(testApp, { name: 'Carla Colleague' });
    await colleague.client.get(`/en/organisations/${slug}`);
    await colleague.client.post(`/en/organisations/${slug}/join`);
    await manager.client.get(`/en/organisations/${slug}/manage`);
    await manager.client.post(`/en/organisations/${slug}/members`, { member: String(colleague.id), action: 'accept' });
    await manager.client.get(`/en/organisations/${slug}/leave`);
    const blocked = await manager.client.post(`/en/organisations/${slug}/leave`);
    assert.equal(blocked.statusCode, 422, blocked.body.slice(0, 2000));
    assert.match(blocked.body, /You are the only manager/);
    await manager.client.post(`/en/organisations/${slug}/members`, { member: String(colleague.id), action: 'promote' });
    assert.equal((await manager.client.post(`/en/organisations/${slug}/leave`)).statusCode, 303);
    assert.equal((await colleague.client.get(`/en/organisations/${slug}/manage`)).statusCode, 200);
  });

  test('the logo must be a PNG or JPEG image; it shows on the page', async () => {
    const slug = await createOrganisation(manager, { name: 'Logo Test Collective' });
    await manager.client.get(`/en/organisations/${slug}/edit`);
    const form = { name: 'Logo Test Collective', description: '', stakeholderType: '', website: '' };
    const pdf = await manager.client.postMultipart(`/en/organisations/${slug}/edit`, form, [{ field: 'logo', filename: 'logo.pdf', contentType: 'application/pdf', content: samplePdf() }]);
    assert.equal(pdf.statusCode, 422);
    const png = await manager.client.postMultipart(`/en/organisations/${slug}/edit`, form, [{ field: 'logo', filename: 'logo.png', contentType: 'image/png', content: samplePng() }]);
    assert.equal(png.statusCode, 303, png.body.slice(0, 500));
    const page = await look(`/en/organisations/${slug}`);
    const src = /<img class="organisation-logo" src="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(src);
    const image = await look(src);
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');
  });

  test('a member who deletes their account leaves the organisation at once', async () => {
    const slug = await createOrganisation(manager, { name: 'Leaving Members Club' });
    const leaving = await createMember(testApp, { name: 'Lena Leaving' });
    await leaving.client.get(`/en/organisations/${slug}`);
    await leaving.client.post(`/en/organisations/${slug}/join`);
    await manager.client.get(`/en/organisations/${slug}/manage`);
    await manager.client.post(`/en/organisations/${slug}/members`, { member: String(leaving.id), action: 'accept' });
    assert.match((await look(`/en/organisations/${slug}`)).body, /Lena Leaving/);
    await testApp.app.personalData.erase(testApp.deps.db, { userId: leaving.id, email: leaving.email, name: leaving.name }, { dataDir: testApp.deps.config.dataDir });
    assert.doesNotMatch((await look(`/en/organisations/${slug}`)).body, /Lena Leaving/);
  });

  test('the directory lists organisations, found without accents', async () => {
    await createOrganisation(manager, { name: 'Asociación Señales de Acogida', countries: ['ES'] });
    const found = await look('/en/community?show=organisations&q=senales+acogida');
    assert.match(found.body, /Asociación Señales de Acogida/);
    const elsewhere = await look('/en/community?show=organisations&q=senales&country=PT');
    assert.doesNotMatch(elsewhere.body, /Asociación Señales de Acogida/);
  });
});
