import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { lastMailTo, startTestApp, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';

let testApp: TestApp;
let amal: TestMember;
let bruno: TestMember;
before(async () => {
  testApp = await startTestApp();
  amal = await createMember(testApp, { name: 'Amal Sender' });
  bruno = await createMember(testApp, { name: 'Bruno Recipient' });
});
after(() => testApp.close());

async function write(from: TestMember, to: TestMember, body: string) {
  await from.client.get(`/en/messages/new?to=${to.user.handle}`);
  return from.client.post('/en/messages', { to: to.user.handle, body });
}

function conversationIdOf(location: unknown): number {
  const id = /\/messages\/(\d+)/.exec(String(location))?.[1];
  assert.ok(id, `a conversation in ${String(location)}`);
  return Number(id);
}

describe('private messages', () => {
  test('a message reaches the inbox and a mail notice that shows neither address', async () => {
    const sent = await write(amal, bruno, 'Could we adapt your welcome desk in Porto?');
    assert.equal(sent.statusCode, 303);
    const id = conversationIdOf(sent.headers.location);
    const inbox = await bruno.client.get('/en/messages');
    assert.match(inbox.body, /Amal Sender/);
    assert.match(inbox.body, /<span class="tag[^"]*">1 new<\/span>/);
    const mail = await lastMailTo(testApp.deps, bruno.email);
    assert.ok(mail);
    assert.match(mail.subject, /Amal Sender sent you a message/);
    assert.ok(!mail.body.includes(amal.email) && !mail.body.includes(bruno.email));
    assert.match(mail.body, new RegExp(`/en/messages/${id}`));
    const read = await bruno.client.get(`/en/messages/${id}`);
    assert.match(read.body, /Could we adapt your welcome desk in Porto\?/);
    assert.ok(!read.body.includes(amal.email));
    assert.doesNotMatch((await bruno.client.get('/en/messages')).body, /<span class="tag[^"]*">1 new<\/span>/);
    assert.match((await bruno.client.get('/en/notifications')).body, /Message from Amal Sender/);
  });

  test('only the two members see a conversation', async () => {
    const sent = await write(amal, bruno, 'Second note');
    const outsider = await createMember(testApp);
    assert.equal((await outsider.client.get(`/en/messages/${conversationIdOf(sent.headers.location)}`)).statusCode, 404);
    assert.equal((await outsider.client.post(`/en/messages/${conversationIdOf(sent.headers.location)}`, { body: 'Intrusion' })).statusCode, 404);
  });

  test('bad input gets translated errors and sends nothing', async () => {
    assert.equal((await write(amal, bruno, '   ')).statusCode, 422);
    const self = await write(amal, amal, 'Hello me');
    assert.equal(self.statusCode, 422);
    assert.match(self.body, /You cannot write to yourself/);
    assert.equal((await amal.client.get('/en/messages/new?to=nobody-at-all')).statusCode, 404);
  });

  test('a blocked member cannot write; unblocking lets them again', async () => {
    const carla = await createMember(testApp, { name: 'Carla Pushy' });
    const dina = await createMember(testApp, { name: 'Dina Blocker' });
    const id = conversationIdOf((await write(carla, dina, 'Hello Dina')).headers.location);
    await dina.client.get(`/en/messages/${id}`);
    assert.equal((await dina.client.post(`/en/messages/${id}/block`, { blocked: 'yes' })).statusCode, 303);
    const refused = await write(carla, dina, 'Hello again');
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /This member does not accept messages from you/);
    await dina.client.get('/en/messages/blocked');
    await dina.client.post('/en/messages/blocked', { member: String(carla.id) });
    assert.equal((await write(carla, dina, 'Thanks for unblocking')).statusCode, 303);
  });

  test('a sender is limited per hour, with a clear message', async () => {
    const eager = await createMember(testApp, { name: 'Eager Writer' });
    const id = conversationIdOf((await write(eager, bruno, 'First')).headers.location);
    await sql`INSERT INTO messages (conversation_id, sender_id, body) SELECT ${id}, ${eager.id}, 'filler' FROM generate_series(1, 40)`.execute(testApp.deps.db);
    const refused = await write(eager, bruno, 'One too many');
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /You have sent many messages in the last hour/);
  });

  test('a received message can be reported to the moderators, who read it', async () => {
    const spammer = await createMember(testApp, { name: 'Sam Spammer' });
    const id = conversationIdOf((await write(spammer, bruno, 'Buy cheap visas here')).headers.location);
    const page = await bruno.client.get(`/en/messages/${id}`);
    const messageId = /name="message" value="(\d+)"/.exec(page.body)?.[1];
    assert.ok(messageId);
    const reported = await bruno.client.post(`/en/messages/${id}/report`, { message: messageId, [`reason-${messageId}`]: 'spam', [`note-${messageId}`]: '' });
    assert.equal(reported.statusCode, 303);
    const moderator = await createMember(testApp, { role: 'editor' });
    const queue = await moderator.client.get('/en/review/flags');
    assert.match(queue.body, /Buy cheap visas here/);
    assert.match(queue.body, /Sam Spammer/);
  });

  test('when the sender deletes their account the other keeps the messages, from “deleted member”', async () => {
    const leaving = await createMember(testApp, { name: 'Lou Leaving' });
    const id = conversationIdOf((await write(leaving, bruno, 'Goodbye, and thank you')).headers.location);
    await testApp.app.personalData.erase(testApp.deps.db, { userId: leaving.id, email: leaving.email, name: leaving.name }, { dataDir: testApp.deps.config.dataDir });
    const page = await bruno.client.get(`/en/messages/${id}`);
    assert.match(page.body, /Goodbye, and thank you/);
    assert.match(page.body, /Deleted member/);
    assert.doesNotMatch(page.body, /Lou Leaving/);
  });
});
