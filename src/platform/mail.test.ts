import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { startTestApp, TestClient, type TestApp } from '../test/app.ts';
import { smtpMailer } from './mail.ts';

interface Received {
  to: string[];
  data: string;
}

const received: Received[] = [];
let smtp: SMTPServer;
let testApp: TestApp;

before(async () => {
  // A real SMTP listener on loopback: the mail goes through nodemailer and the SMTP protocol.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  testApp = await startTestApp({ mailer: smtpMailer(`smtp://127.0.0.1:${port}`, 'Bridges <no-reply@bridges.example>') });
});

after(async () => {
  await testApp.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

test('with SMTP configured, the confirmation mail is delivered over SMTP with a BASE_URL link', async () => {
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
  const mail = received.find((item) => item.to.includes('lucia@example.org'));
  assert.ok(mail, 'the SMTP server received the mail');
  assert.match(mail.data, /From: Bridges <no-reply@bridges\.example>/);
  assert.match(mail.data.replace(/=\r?\n/g, ''), /http:\/\/localhost:3000\/es\/verify-email\?token=3D/);
  const outbox = await testApp.deps.db.selectFrom('outbox').select('id').execute();
  assert.equal(outbox.length, 0, 'nothing lands in the outbox when SMTP is used');
});
