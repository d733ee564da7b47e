import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { startTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { allContentKinds } from '../../content-kinds.ts';
import { notificationsService } from '../follows/index.ts';
import { breakdownOf } from './breakdown.ts';
import { consultationsService } from './consultations.ts';
import { advanceStates } from './windows.ts';

/** The one value a query of one row and column gives. */
async function single<T>(query: { execute(db: TestApp['deps']['db']): Promise<{ rows: Record<string, T>[] }> }): Promise<T> {
  const [row] = (await query.execute(testApp.deps.db)).rows;
  const value = row ? Object.values(row)[0] : undefined;
  assert.ok(value !== undefined, 'the query found a row');
  return value;
}

let testApp: TestApp;
let admin: TestMember;
let chair: TestMember;
let ana: TestMember;
let ben: TestMember;
let editor: TestMember;
let visitor: TestClient;

before(async () => {
  testApp = await startTestApp();
  admin = await createMember(testApp, { role: 'admin', name: 'Ada Admin' });
  chair = await createMember(testApp, { role: 'chair', name: 'Chloé Chair' });
  editor = await createMember(testApp, { role: 'editor', name: 'Ed Editor' });
  ana = await createMember(testApp, { name: 'Ana Member' });
  ben = await createMember(testApp, { name: 'Ben Member' });
  visitor = new TestClient(testApp.app);
  for (const member of [ana, ben]) {
    await testApp.deps.db.updateTable('users').set({ organisation: 'City of Lyon', stakeholder_type: 'local_government', country: 'FR' }).where('id', '=', member.user.id).execute();
  }
});
after(() => testApp.close());

const look = (path: string) => visitor.get(path, { 'cache-control': 'no-cache' });
const locationOf = (response: { headers: Record<string, unknown> }) => String(response.headers.location);
/** A redirect's path without its query and anchor. */
const pathOf = (location: string) => new URL(location, 'http://localhost').pathname;

async function postForm(member: TestMember, page: string, action: string, form: Record<string, string>) {
  await member.client.get(page);
  return member.client.post(action, form);
}

describe('forums', () => {
  test('members discuss with a quote and an edit; a report is settled by removal with the reason in place', async () => {
    const created = await postForm(admin, '/en/discuss/new', '/en/discuss', { name: 'Housing', description: 'Homes for newcomers', position: '1' });
    assert.equal(created.statusCode, 303);
    const topic = await postForm(ana, '/en/discuss/housing/new', '/en/discuss/housing/topics', { title: 'Shared flats for students', body: 'Who runs **shared flats**?' });
    assert.equal(topic.statusCode, 303);
    const topicPath = pathOf(locationOf(topic));
    const page = await look(topicPath);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<strong>shared flats<\/strong>/);
    const firstPost = Number(/id="post-(\d+)"/.exec(page.body)?.[1]);
    const reply = await postForm(ben, topicPath, `${topicPath}/posts`, { body: 'We do, in Lyon. <script>alert(1)</script>', quote: String(firstPost) });
    assert.equal(reply.statusCode, 303);
    const after = await look(topicPath);
    assert.doesNotMatch(after.body, /<script>alert/);
    assert.match(after.body, /Ana Member wrote:/);
    assert.match(after.body, /Ben Member<\/a><span class="post__role"> · Member<\/span><span class="post__count"> · 1 post</);
    const replyId = Number(/#post-(\d+)/.exec(locationOf(reply))?.[1]);
    const edited = await postForm(ben, `/en/discuss/posts/${replyId}/edit`, `/en/discuss/posts/${replyId}/edit`, { body: 'We do, in Lyon and Grenoble.' });
    assert.equal(edited.statusCode, 303);
    const history = await look(`/en/discuss/posts/${replyId}/history`);
    assert.match(history.body, /We do, in Lyon\./);
    assert.match(history.body, /Lyon and Grenoble/);
    const othersEdit = await postForm(ana, '/en/discuss', `/en/discuss/posts/${replyId}/edit`, { body: 'Hijacked' });
    assert.equal(othersEdit.statusCode, 403);

    // Ana has not read Ben's reply: the forum counts it as new for her.
    const forumPage = await ana.client.get('/en/discuss/housing');
    assert.match(forumPage.body, /2 posts \/ 1 new/);
    const unread = await ana.client.get(`${topicPath}/unread`);
    assert.equal(unread.statusCode, 303);
    assert.match(locationOf(unread), new RegExp(`#post-${replyId}$`));
    // Once she has read it, the same forum page says so (her parts are not kept from before).
    await ana.client.get(topicPath);
    assert.match((await ana.client.get('/en/discuss/housing')).body, /2 posts \/ 0 new/);

    const reported = await postForm(editor, `/en/discuss/posts/${replyId}/report`, `${topicPath}/flags`, { subject: 'comment', comment: String(replyId), reason: 'spam', note: '' });
    assert.equal(reported.statusCode, 303);
    const queue = await editor.client.get('/en/review/flags');
    const flagId = /\/review\/flags\/(\d+)\/remove-comment/.exec(queue.body)?.[1];
    assert.ok(flagId, 'the report is in the shared moderation queue');
    const removed = await editor.client.post(`/en/review/flags/${flagId}/remove-comment`, {});
    assert.equal(removed.statusCode, 303);
    const placeholder = await look(topicPath);
    assert.match(placeholder.body, /removed by a moderator: Spam or advertising/);
    assert.doesNotMatch(placeholder.body, /Grenoble/);
    assert.match((await look('/en/discuss/search?q=Grenoble')).body, /No post matches/);
    assert.match((await look('/en/discuss/search?q=flats&forum=housing')).body, /1 post found/);
    const api = await visitor.get(`/api/v1/forums/housing/${topicPath.split('/').pop()}`);
    assert.equal(api.statusCode, 200);
    assert.doesNotMatch(api.body, /Grenoble/);
  });

  test('a locked topic refuses replies with a message; a new member\'s first post with a link waits for a moderator', async () => {
    const topic = await postForm(ana, '/en/discuss/housing/new', '/en/discuss/housing/topics', { title: 'Rent guarantees', body: 'Any city guaranteeing rent?' });
    const topicPath = pathOf(locationOf(topic));
    const locked = await postForm(editor, topicPath, `${topicPath}/state`, { action: 'lock' });
    assert.equal(locked.statusCode, 303);
    const refused = await postForm(ben, topicPath, `${topicPath}/posts`, { body: 'Yes!' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /This topic is locked/);
    const newcomer = await createMember(testApp, { name: 'Nina Newcomer' });
    await postForm(editor, topicPath, `${topicPath}/state`, { action: 'unlock' });
    const held = await postForm(newcomer, topicPath, `${topicPath}/posts`, { body: 'Cheap pills at https://spam.example' });
    assert.match(locationOf(held), /done=held/);
    assert.doesNotMatch((await look(topicPath)).body, /spam\.example/);
    assert.match((await editor.client.get('/en/discuss/held')).body, /spam\.example/);
  });
});

describe('following a topic', () => {
  test('a member who follows a topic is notified of a reply; a held post notifies nobody', async () => {
    const topic = await postForm(ana, '/en/discuss/housing/new', '/en/discuss/housing/topics', { title: 'Housing first in Lisbon', body: 'Does it work?' });
    const topicPath = pathOf(locationOf(topic));
    const topicId = await single<number>(sql<{ id: number }>`SELECT id FROM forum_topics WHERE slug = ${topicPath.split('/').pop()}`);
    const notifications = notificationsService({ ...testApp.deps, kinds: allContentKinds() });
    await notifications.processEvents();
    const followed = await postForm(ben, topicPath, '/en/follows', { kind: 'forum_topic', key: String(topicId), back: topicPath });
    assert.equal(followed.statusCode, 303);
    await postForm(editor, topicPath, `${topicPath}/posts`, { body: 'It does, with the right partners.' });
    const stranger = await createMember(testApp, { name: 'Sam Stranger' });
    await postForm(stranger, topicPath, `${topicPath}/posts`, { body: 'See https://spam.example' });
    await notifications.processEvents();
    const page = await ben.client.get('/en/notifications');
    assert.match(page.body, /Housing first in Lisbon/);
    const count = await single<number>(sql<{ count: number }>`SELECT count(*)::int AS count FROM notifications WHERE user_id = ${ben.user.id} AND subject_kind = 'forum_topic'`);
    assert.equal(count, 1, 'one reply, not the held post');
  });
});

describe('dialogues and consultations', () => {
  test('a dialogue refuses posts before it opens and after it closes; the clock moves its state', async () => {
    const soon = new Date(Date.now() + 3_600_000).toISOString().slice(0, 19);
    const later = new Date(Date.now() + 7_200_000).toISOString().slice(0, 19);
    const created = await postForm(chair, '/en/dialogues/new', '/en/dialogues', { title: 'Perceptions', introduction: 'A week of talk', questions: 'Deconstructing perceptions\nWhat works locally?', opensAt: soon, closesAt: later, language: 'en', people: '', event: '' });
    assert.equal(created.statusCode, 303);
    const path = locationOf(created);
    const page = await look(path);
    assert.match(page.body, /Not open yet/);
    const questionPath = /href="(\/en\/dialogues\/perceptions\/[^"]+)"/.exec(page.body)?.[1];
    assert.ok(questionPath);
    const early = await postForm(ana, questionPath, `${questionPath}/posts`, { body: 'Too early' });
    assert.equal(early.statusCode, 422);
    await sql`UPDATE dialogues SET opens_at = now() - interval '1 hour' WHERE slug = 'perceptions'`.execute(testApp.deps.db);
    assert.equal(await advanceStates(testApp.deps.db), 1);
    const posted = await postForm(ana, questionPath, `${questionPath}/posts`, { body: 'Media training helps.' });
    assert.equal(posted.statusCode, 303);
    await sql`UPDATE dialogues SET closes_at = now() - interval '1 minute' WHERE slug = 'perceptions'`.execute(testApp.deps.db);
    await advanceStates(testApp.deps.db);
    const late = await postForm(ben, questionPath, `${questionPath}/posts`, { body: 'Too late' });
    assert.equal(late.statusCode, 422);
    const summary = await postForm(chair, `${path}/summary`, `${path}/summary`, { summary: 'Training journalists works.', action: 'publish' });
    assert.equal(summary.statusCode, 303);
    assert.match((await look(path)).body, /Training journalists works/);
    const html = await look(`${path}/download.html`);
    assert.match(html.body, /Media training helps/);
    assert.match(html.body, /Training journalists works/);
  });

  test('the chair publishes one identified comment and declines another; the declined one is nowhere public', async () => {
    const opens = new Date(Date.now() - 60_000).toISOString().slice(0, 19);
    const closes = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19);
    const created = await postForm(chair, '/en/consultations/new', '/en/consultations', { title: 'Roundtable', introduction: 'Context', questions: 'How can states help?', opensAt: opens, closesAt: closes, language: 'en', people: '', event: '' });
    const path = locationOf(created);
    const page = await ana.client.get(path);
    assert.match(page.body, /The Chair decides which comments are published/);
    assert.match(page.body, /Ana Member · City of Lyon/);
    const question = /name="question" type="radio" value="(\d+)"|value="(\d+)"[^>]*name="question"/.exec(page.body);
    const questionId = question?.[1] ?? question?.[2] ?? /id="question[^"]*"[^>]*value="(\d+)"/.exec(page.body)?.[1];
    assert.ok(questionId);
    assert.equal((await ana.client.post(`${path}/comments`, { question: questionId, body: 'Fund language classes run by NGOs.' })).statusCode, 303);
    await ben.client.get(path);
    assert.equal((await ben.client.post(`${path}/comments`, { question: questionId, body: 'SECRET-DECLINED-TEXT' })).statusCode, 303);
    assert.doesNotMatch((await look(path)).body, /Fund language classes/);
    const desk = await chair.client.get(`${path}/chair`);
    const ids = [...desk.body.matchAll(/comments\/(\d+)\/decision/g)].map((match) => match[1]);
    assert.equal(ids.length, 2);
    const [benId, anaId] = ids;
    assert.equal((await chair.client.post(`${path}/comments/${anaId}/decision`, { decision: 'published' })).statusCode, 303);
    assert.equal((await chair.client.post(`${path}/comments/${benId}/decision`, { decision: 'declined', [`reason-${benId}`]: 'Off topic' })).statusCode, 303);
    const publicPage = await look(path);
    assert.match(publicPage.body, /Fund language classes/);
    for (const where of [path, `/api/v1/consultations/${path.split('/').pop()}`, `/feeds/discuss/consultation-${path.split('/').pop()}.atom`]) {
      assert.doesNotMatch((await look(where)).body, /SECRET-DECLINED-TEXT/, where);
    }
    const csv = await chair.client.get(`${path}/decisions.csv`);
    assert.match(csv.body, /declined,.*Off topic/);
    assert.equal((await ana.client.get(`${path}/decisions.csv`)).statusCode, 403);
  });

  test('an unverified member cannot comment; the chair hears of waiting comments at most once a day', async () => {
    const opens = new Date(Date.now() - 60_000).toISOString().slice(0, 19);
    const closes = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19);
    const created = await postForm(chair, '/en/consultations/new', '/en/consultations', { title: 'Second roundtable', introduction: 'Context', questions: 'What works?', opensAt: opens, closesAt: closes, language: 'en', people: '', event: '' });
    const path = locationOf(created);
    const questionId = await single<number>(sql<{ id: number }>`SELECT q.id FROM consultation_questions q JOIN consultations c ON c.id = q.consultation_id WHERE c.slug = 'second-roundtable'`);
    const unverified = await createMember(testApp, { name: 'Una Unverified' });
    await testApp.deps.db.updateTable('users').set({ email_verified_at: null, stakeholder_type: 'academia', country: 'FR' }).where('id', '=', unverified.user.id).execute();
    const refused = await postForm(unverified, path, `${path}/comments`, { question: String(questionId), body: 'Hello' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Confirm your email address/);
    assert.equal((await ana.client.post(`${path}/comments`, { question: String(questionId), body: 'Mentoring works.' })).statusCode, 303);
    const service = consultationsService({ db: testApp.deps.db, jobs: testApp.deps.jobs, mailer: testApp.deps.mailer, baseUrl: testApp.deps.config.baseUrl });
    const first = await service.noticeChairs();
    const second = await service.noticeChairs();
    assert.ok(first >= 1);
    assert.equal(second, 0, 'a second run the same day tells nobody');
    const mails = await single<number>(sql<{ count: number }>`SELECT count(*)::int AS count FROM outbox WHERE recipient = ${chair.user.email} AND subject LIKE '%Second roundtable%'`);
    assert.equal(mails, 1);
  });

  test('small groups are hidden, and a single hidden group takes the next smallest with it', () => {
    const shown = breakdownOf(new Map([['FR', 5], ['PT', 4], ['CA', 1]]));
    assert.deepEqual(shown.shown.map((group) => group.value), ['FR']);
    assert.equal(shown.hidden, true);
    assert.deepEqual(breakdownOf(new Map([['FR', 5], ['PT', 4]])).shown.length, 2);
  });
});
