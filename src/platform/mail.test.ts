import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SMTPServer } from 'smtp-server';
import { startTestApp, TestClient, type TestApp } from '../test/app.ts';
import { listenSmtp, stopSmtp, type ReceivedMail } from '../test/smtp.ts';
import { waitFor } from '../test/wait.ts';
import { describeDeliveryError, MAIL_QUEUE, smtpTransport, type MailTransport } from './mail.ts';

const received: ReceivedMail[] = [];

const receivedBy = (address: string) => received.filter((item) => item.to.includes(address));

let smtp: SMTPServer;
let smtpPort: number;
let testApp: TestApp;

function mailRow(recipient: string) {
  return testApp.deps.db.selectFrom('outbox').selectAll().where('recipient', '=', recipient).executeTakeFirstOrThrow();
}

before(async () => {
  ({ smtp, port: smtpPort } = await listenSmtp(received));
  testApp = await startTestApp({ transport: smtpTransport(`smtp://127.0.0.1:${smtpPort}`, 'Bridges <no-reply@bridges.example>') });
});

after(async () => {
  await testApp.close();
  await stopSmtp(smtp);
});

describe('delivery over SMTP', () => {
  test('the confirmation mail is delivered over SMTP with a BASE_URL link, and recorded as sent', async () => {
    const client = new TestClient(testApp.app);
    await client.get('/es/register');
    const response = await client.post('/es/register', {
      name: 'Lucía Andrade',
      email: 'lucia@example.org',
      password: 'volcanes y festivales',
      organisation: '',
      stakeholderType: '',
      country: 'EC',
    });
    assert.equal(response.statusCode, 303);
    await testApp.mailSettled();
    const [mail] = receivedBy('lucia@example.org');
    assert.ok(mail, 'the SMTP server received the mail');
    assert.match(mail.data, /From: Bridges <no-reply@bridges\.example>/);
    assert.match(mail.data.replace(/=\r?\n/g, ''), /http:\/\/localhost:3000\/es\/verify-email\?token=3D/);

    const row = await mailRow('lucia@example.org');
    assert.equal(row.status, 'sent');
    assert.equal(row.transport, 'smtp');
    assert.equal(row.attempts, 1);
    assert.ok(row.sent_at);
    assert.ok(row.message_id && mail.data.includes(`Message-ID: ${row.message_id}`), 'the recorded Message-ID is the one sent');
  });

  test('with the SMTP server down, a mail waits and is delivered exactly once when it is back', async () => {
    await stopSmtp(smtp);
    await testApp.deps.mailer.send({ to: 'patient@example.org', subject: 'Your reset link', text: 'Open it within the hour.' });

    // The first attempt fails and is recorded; the mail stays queued for a retry.
    await waitFor(async () => (await mailRow('patient@example.org')).attempts >= 1);
    const waiting = await mailRow('patient@example.org');
    assert.equal(waiting.status, 'queued');
    assert.match(waiting.last_error ?? '', /ECONNREFUSED|connect/i);
    assert.equal(receivedBy('patient@example.org').length, 0);

    // Back on the same port: the retry delivers it.
    ({ smtp } = await listenSmtp(received, smtpPort));
    await waitFor(async () => (await mailRow('patient@example.org')).status === 'sent');
    await testApp.mailSettled();
    const delivered = await mailRow('patient@example.org');
    assert.equal(delivered.transport, 'smtp');
    assert.ok(delivered.attempts >= 2);
    assert.equal(receivedBy('patient@example.org').length, 1, 'delivered exactly once');

    // A delivery job that runs again for a mail already sent (a retry after a lost
    // acknowledgement) sends nothing.
    const again = await testApp.deps.jobs.send(MAIL_QUEUE, { mailId: delivered.id });
    assert.ok(again);
    assert.equal((await testApp.deps.jobs.outcome(MAIL_QUEUE, again, { timeoutMs: 10_000 })).state, 'completed');
    assert.equal(receivedBy('patient@example.org').length, 1, 'still exactly once');
    assert.equal((await mailRow('patient@example.org')).attempts, delivered.attempts);
  });
});

describe('failures', () => {
  test('a mail refused on every attempt ends as failed, with its last error and no credentials', async () => {
    let tries = 0;
    const refusing: MailTransport = {
      name: 'smtp',
      async deliver() {
        tries += 1;
        throw new Error(`550 mailbox unavailable (via smtp://bridges:hunter2@mail.example:587, try ${tries})`);
      },
    };
    const app = await startTestApp({ transport: refusing, mailRetries: { retryLimit: 1, retryDelaySeconds: 1, retryBackoff: false } });
    try {
      await app.deps.mailer.send({ to: 'nobody@example.org', subject: 'Hello', text: 'Hi.' });
      await waitFor(async () => {
        const row = await app.deps.db.selectFrom('outbox').select('status').executeTakeFirstOrThrow();
        return row.status === 'failed';
      });
      const row = await app.deps.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.attempts, 2);
      assert.equal(tries, 2);
      assert.equal(row.sent_at, null);
      assert.equal(row.last_error, '550 mailbox unavailable (via smtp://mail.example:587, try 2)');
    } finally {
      await app.close();
    }
  });

  test('delivery errors shown to administrators carry no credentials', () => {
    const url = 'smtps://mailer%40bridges.example:p%C3%A4ss-w0rd@smtp.example:465';
    assert.equal(describeDeliveryError(new Error('Invalid login for mailer@bridges.example with päss-w0rd'), url), 'Invalid login for *** with ***');
    assert.equal(describeDeliveryError(new Error('connect to smtp://a:b@c failed')), 'connect to smtp://c failed');
    assert.equal(describeDeliveryError('x'.repeat(600)).length, 500);
  });
});
