import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { allContentKinds } from '../../content-kinds.ts';
import { lastMailTo, linkIn, startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { notificationsService } from '../follows/index.ts';
import { mythsService } from '../myths/index.ts';

let testApp: TestApp;
let manager: TestMember;
let other: TestMember;
let follower: TestMember;
let mythSlug: string;
const fresh = { 'cache-control': 'no-cache' };

before(async () => {
  testApp = await startTestApp();
  manager = await createMember(testApp, { name: 'Mariam Manager' });
  other = await createMember(testApp, { name: 'Oscar Other' });
  follower = await createMember(testApp, { name: 'Fatou Follower' });
  const editor = await createMember(testApp, { role: 'editor', name: 'Eli Editor' });
  mythSlug = await mythsService(testApp.deps).create(
    editor.user,
    {
      title: 'Migrants are a burden on the economy',
      fact: 'Migrants produced about 9 per cent of global GDP in 2015.',
      explanation: '',
      language: 'en',
      translationOf: '',
      countries: [],
      topics: [],
      audiences: ['destination_public'],
      sources: [{ title: 'People on the move', publisher: 'McKinsey Global Institute', year: '2016', url: 'https://www.mckinsey.com/' }],
    },
    'publish',
  );
});
after(() => testApp.close());

async function post(member: TestMember, page: string, action: string, form: Record<string, string | string[]>) {
  await member.client.get(page);
  return member.client.post(action, form);
}

function campaignForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: 'No Walls but Bridges',
    hashtag: 'NoWallsButBridges',
    language: 'en',
    problem: 'Negative attitudes towards migration.',
    objectives: '- Craft a positive narrative',
    audiences: ['destination_public', 'policymakers'],
    countries: ['FR'],
    startsOn: '2026-01-10',
    endsOn: '',
    budget: '0',
    budgetCurrency: 'EUR',
    budgetNote: 'absolute zero',
    ...overrides,
  };
}

async function campaignCount(): Promise<number> {
  return (await sql<{ count: number }>`SELECT count(*)::integer AS count FROM campaigns`.execute(testApp.deps.db)).rows[0]?.count ?? 0;
}

async function supporterCount(slug: string): Promise<number> {
  const body = JSON.parse((await new TestClient(testApp.app).get(`/api/v1/campaigns/${slug}`, fresh)).body) as { supporters: number };
  return body.supporters;
}

describe('campaigns', () => {
  let slug = '';

  test('a member starts a campaign with a zero budget; bad input is refused and nothing saved', async () => {
    const before = await campaignCount();
    const bad: [Record<string, string | string[]>, RegExp][] = [
      [{ hashtag: '#no walls' }, /Enter a hashtag/],
      [{ budget: '-5' }, /0 or more/],
      [{ budget: 'nothing' }, /0 or more/],
      [{ endsOn: '2025-01-01' }, /on or after the start/],
      [{ audiences: [] }, /at least one audience/],
      [{ cities: 'Atlantis' }, /no page on this site/],
    ];
    for (const [overrides, message] of bad) {
      const response = await post(manager, '/en/campaigns/new', '/en/campaigns', campaignForm(overrides));
      assert.equal(response.statusCode, 422, JSON.stringify(overrides));
      assert.match(response.body, message);
    }
    assert.equal(await campaignCount(), before);

    const created = await post(manager, '/en/campaigns/new', '/en/campaigns', campaignForm());
    assert.equal(created.statusCode, 303, created.body);
    slug = /\/campaigns\/([^?]+)/.exec(String(created.headers.location))?.[1] ?? '';
    const page = await new TestClient(testApp.app).get(`/en/campaigns/${slug}`, fresh);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /#NoWallsButBridges/);
    assert.match(page.body, /€0: a budget of zero/);
  });

  test('managers add messages resting on myths; only managers may; bad messages are refused', async () => {
    const manage = `/en/campaigns/${slug}/manage`;
    assert.equal((await other.client.get(manage)).statusCode, 403);
    await other.client.get(`/en/campaigns/${slug}`);
    const intruder = await other.client.post(`/en/campaigns/${slug}/messages`, { audience: 'policymakers', language: 'en', body: 'Hello', myths: [mythSlug] });
    assert.equal(intruder.statusCode, 403);

    const noAudience = await post(manager, manage, `/en/campaigns/${slug}/messages`, { audience: '', language: 'en', body: 'Facts first.', myths: [mythSlug] });
    assert.equal(noAudience.statusCode, 422);
    assert.match(noAudience.body, /Choose the audience of the message/);
    const tooLong = await post(manager, manage, `/en/campaigns/${slug}/messages`, { audience: 'policymakers', language: 'en', body: 'word '.repeat(55), myths: [mythSlug] });
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /too long for its share card/);

    for (const message of [
      { audience: 'destination_public', language: 'en', body: 'Migrants produce 9% of global GDP.' },
      { audience: 'policymakers', language: 'ar', body: 'المهاجرون ينتجون 9 في المئة من الناتج العالمي.' },
    ]) {
      const added = await post(manager, manage, `/en/campaigns/${slug}/messages`, { ...message, myths: [mythSlug] });
      assert.equal(added.statusCode, 303, added.body);
    }
    const page = await new TestClient(testApp.app).get(`/en/campaigns/${slug}`, fresh);
    assert.match(page.body, /Migrants produce 9% of global GDP\. #NoWallsButBridges http:\/\/localhost:3000\/en\/campaigns\//, 'a ready-to-copy post with hashtag and link');
    assert.match(page.body, new RegExp(`/en/myths/${mythSlug}`));
    // The myth's page lists the campaign resting on it.
    assert.match((await new TestClient(testApp.app).get(`/en/myths/${mythSlug}`, fresh)).body, new RegExp(`/en/campaigns/${slug}"`));

    const messageId = /messages\/(\d+)\/card\.png/.exec(page.body.slice(page.body.indexOf('المهاجرون')))?.[1];
    assert.ok(messageId, 'the Arabic message has a card');
    const png = await new TestClient(testApp.app).get(`/en/campaigns/${slug}/messages/${messageId}/card.png`);
    assert.equal(png.statusCode, 200);
    assert.equal(png.headers['content-type'], 'image/png');
    const svg = await new TestClient(testApp.app).get(`/en/campaigns/${slug}/messages/${messageId}/card.svg`);
    assert.match(svg.body, /direction="rtl"/);
  });

  test('an indicator value that is not a number is refused; a recorded value shows in the chart and the table', async () => {
    const manage = `/en/campaigns/${slug}/manage`;
    assert.equal((await post(manager, manage, `/en/campaigns/${slug}/indicators`, { name: 'Posts shared', unit: 'posts', baseline: '0', target: '1000' })).statusCode, 303);
    const indicatorId = /name="indicator" value="(\d+)"/.exec((await manager.client.get(manage)).body)?.[1] ?? '';
    const bad = await post(manager, manage, `/en/campaigns/${slug}/values`, { indicator: indicatorId, on: '2026-03-01', value: 'lots' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Enter a number/);
    const future = await post(manager, manage, `/en/campaigns/${slug}/values`, { indicator: indicatorId, on: '2999-01-01', value: '5' });
    assert.equal(future.statusCode, 422);
    assert.equal((await post(manager, manage, `/en/campaigns/${slug}/values`, { indicator: indicatorId, on: '2026-03-01', value: '640' })).statusCode, 303);
    const page = await new TestClient(testApp.app).get(`/en/campaigns/${slug}`, fresh);
    assert.match(page.body, /<svg[^>]*role="img"/);
    assert.match(page.body, /<td[^>]*>640 posts<\/td>/);
    const api = JSON.parse((await new TestClient(testApp.app).get(`/api/v1/campaigns/${slug}`, fresh)).body) as { indicators: { values: { value: number }[] }[]; budget: number };
    assert.deepEqual(api.indicators[0]?.values.map((entry) => entry.value), [640]);
    assert.equal(api.budget, 0);
  });

  test('members support with one click, once; visitors by a confirmed address; both can withdraw', async () => {
    const pagePath = `/en/campaigns/${slug}`;
    assert.equal(await supporterCount(slug), 0);
    await post(other, pagePath, `${pagePath}/support`, { showName: 'yes' });
    await post(other, pagePath, `${pagePath}/support`, { showName: 'yes' });
    assert.equal(await supporterCount(slug), 1, 'supporting twice counts once');
    assert.match((await new TestClient(testApp.app).get(pagePath, fresh)).body, /Oscar Other/);
    await post(other, pagePath, `${pagePath}/support/withdraw`, {});
    assert.equal(await supporterCount(slug), 0);

    const visitor = new TestClient(testApp.app);
    await visitor.get(pagePath, fresh);
    const refused = await visitor.post(`${pagePath}/support/email`, { email: 'not-an-address', name: '', showName: '' });
    assert.equal(refused.statusCode, 422);
    const asked = await visitor.post(`${pagePath}/support/email`, { email: 'supporter@example.org', name: 'Visitor Vera', showName: '' });
    assert.equal(asked.statusCode, 303);
    assert.equal(await supporterCount(slug), 0, 'not counted before the address is confirmed');
    const confirmLink = linkIn((await lastMailTo(testApp.deps, 'supporter@example.org'))?.body ?? '');
    const token = new URL(confirmLink, 'http://localhost').searchParams.get('token') ?? '';
    assert.equal((await visitor.get(confirmLink)).statusCode, 200, 'opening the link changes nothing');
    assert.equal(await supporterCount(slug), 0);
    const confirmed = await visitor.post(`${pagePath}/support/confirm`, { token });
    assert.match(String(confirmed.headers.location), /done=confirmed/);
    assert.equal(await supporterCount(slug), 1, 'the count rises by exactly one');
    const again = await visitor.post(`${pagePath}/support/confirm`, { token });
    assert.match(String(again.headers.location), /done=linkUsed/);
    assert.equal(await supporterCount(slug), 1);
    assert.doesNotMatch((await visitor.get(pagePath, fresh)).body, /Visitor Vera/, 'no name without consent');
    assert.doesNotMatch((await visitor.get(`/api/v1/campaigns/${slug}`, fresh)).body, /supporter@example\.org/);

    const withdrawLink = linkIn((await lastMailTo(testApp.deps, 'supporter@example.org'))?.body ?? '');
    const withdrawToken = new URL(withdrawLink, 'http://localhost').searchParams.get('token') ?? '';
    await visitor.get(withdrawLink);
    const withdrawn = await visitor.post(`${pagePath}/support/withdraw`, { token: withdrawToken });
    assert.match(String(withdrawn.headers.location), /done=withdrawn/);
    assert.equal(await supporterCount(slug), 0, 'a withdrawn supporter is no longer counted');
  });

  test('an update reaches the campaign\'s followers; the report prints and downloads as PDF; the map counts it', async () => {
    const notifications = notificationsService({ ...testApp.deps, kinds: allContentKinds() });
    await notifications.processEvents();
    const id = (await sql<{ id: number }>`SELECT id FROM campaigns WHERE slug = ${slug}`.execute(testApp.deps.db)).rows[0]?.id;
    const followed = await post(follower, `/en/campaigns/${slug}`, '/en/follows', { kind: 'campaign', key: String(id), back: `/en/campaigns/${slug}` });
    assert.equal(followed.statusCode, 303);
    const posted = await post(manager, `/en/campaigns/${slug}/manage`, `/en/campaigns/${slug}/updates`, { title: 'Halfway there', body: 'Six hundred posts.' });
    assert.equal(posted.statusCode, 303);
    await notifications.processEvents();
    assert.match((await follower.client.get('/en/notifications')).body, /No Walls but Bridges/);
    assert.match((await new TestClient(testApp.app).get(`/feeds/campaigns/${slug}.atom`, fresh)).body, /Halfway there/);

    const report = await new TestClient(testApp.app).get(`/en/campaigns/${slug}/report`, fresh);
    assert.equal(report.statusCode, 200);
    assert.match(report.body, /Report: No Walls but Bridges/);
    const pdf = await new TestClient(testApp.app).get(`/ar/campaigns/${slug}/report.pdf`, fresh);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.ok(pdf.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));

    assert.match((await new TestClient(testApp.app).get('/en/map?layer=campaigns', fresh)).body, /Campaigns/);
    assert.match((await new TestClient(testApp.app).get('/en/countries/fr', fresh)).body, new RegExp(`/en/campaigns/${slug}"`));
    // Comments and reports: the shared machinery, as on every item.
    const commented = await post(other, `/en/campaigns/${slug}`, `/en/campaigns/${slug}/comments`, { comment: 'We will carry these messages in Lyon.' });
    assert.equal(commented.statusCode, 303);
    assert.match((await new TestClient(testApp.app).get(`/en/campaigns/${slug}`, fresh)).body, /We will carry these messages in Lyon\./);
    const flagged = await post(other, `/en/campaigns/${slug}/flag`, `/en/campaigns/${slug}/flags`, { subject: 'item', reason: 'inaccurate', note: 'The figure needs a source.' });
    assert.match(String(flagged.headers.location), /done=flagged/);
    const flags = (await sql<{ count: number }>`SELECT count(*)::integer AS count FROM content_flags WHERE subject_kind = 'campaign'`.execute(testApp.deps.db)).rows[0]?.count;
    assert.equal(flags, 1);

    const list = await new TestClient(testApp.app).get('/en/campaigns?status=running&country=FR&audience=policymakers', fresh);
    assert.match(list.body, new RegExp(`/en/campaigns/${slug}"`));
    assert.doesNotMatch((await new TestClient(testApp.app).get('/en/campaigns?status=ended', fresh)).body, new RegExp(`/en/campaigns/${slug}"`));
  });
});
