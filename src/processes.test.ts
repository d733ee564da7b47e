import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { SMTPServer } from 'smtp-server';
import type { Db } from './db/client.ts';
import { loadDemoContent } from './features/demo/service.ts';
import { CONFIRM_RUNNING_JOB, defineScheduledJobs } from './jobs.ts';
import type { JobsLog } from './platform/jobs/index.ts';
import { MAIL_QUEUE, smtpTransport } from './platform/mail.ts';
import { startTestApp, TestClient, type TestApp } from './test/app.ts';
import { createMember } from './test/members.ts';
import { listenSmtp, messageIdOf, stopSmtp, type ReceivedMail } from './test/smtp.ts';
import { waitFor } from './test/wait.ts';

/**
 * Two app processes on one database, each with its job queue running, as behind a load
 * balancer: under a burst of requests and mail, with the scheduled job coming due both after
 * start and on its cron, every mail reaches the SMTP server once and the job runs once per turn.
 */

const received: ReceivedMail[] = [];
let smtp: SMTPServer;
let smtpPort: number;
const processes: TestApp[] = [];

before(async () => {
  ({ smtp, port: smtpPort } = await listenSmtp(received));
});
after(async () => {
  // The first process owns the database: it closes last.
  for (const process of [...processes].reverse()) await process.close();
  await stopSmtp(smtp);
});

interface JobLine {
  job: unknown;
  message: string;
}

/** The job queues' log lines of both processes, to count the runs each one made. */
function recordingLog(lines: JobLine[]): JobsLog {
  const record = (details: object, message: string) => lines.push({ job: (details as { job?: unknown }).job, message });
  return { debug: record, info: record, warn: record, error: record };
}

async function databaseSeconds(db: Db): Promise<number> {
  const { rows } = await sql<{ epoch: number }>`SELECT extract(epoch FROM now())::float AS epoch`.execute(db);
  return Number(rows[0]?.epoch);
}

/**
 * Waits, if need be, until `clock` (in seconds) is at least `margin` seconds before the end of
 * its current `period`, so that a step keyed to that period (a cron minute, the after-start
 * window) cannot straddle two of them.
 */
async function awayFromPeriodEnd(clock: () => Promise<number>, period: number, margin: number): Promise<void> {
  const now = await clock();
  if (period - (now % period) >= margin) return;
  const nextPeriod = Math.ceil(now / period) * period;
  await waitFor(async () => (await clock()) >= nextPeriod, 2 * margin * 1000);
}

interface ConfirmationRun {
  state: string;
  retry_count: number;
  asked: number | null;
  after_start: boolean;
  created_on: Date;
}

async function confirmationRuns(db: Db): Promise<ConfirmationRun[]> {
  const { rows } = await sql<ConfirmationRun>`
    SELECT state::text AS state, retry_count, (output->>'asked')::integer AS asked, singleton_on IS NOT NULL AS after_start, created_on
      FROM pgboss.job WHERE name = ${CONFIRM_RUNNING_JOB}
    UNION ALL
    SELECT state::text, retry_count, (output->>'asked')::integer, singleton_on IS NOT NULL, created_on
      FROM pgboss.archive WHERE name = ${CONFIRM_RUNNING_JOB}
    ORDER BY created_on`.execute(db);
  return rows;
}

test('two processes under load: every mail is delivered once, the scheduled job runs once per turn', { timeout: 180_000 }, async () => {
  const lines: JobLine[] = [];
  const startProcess = async (shared?: TestApp) => {
    const process = await startTestApp({
      transport: smtpTransport(`smtp://127.0.0.1:${smtpPort}`, 'Bridges <no-reply@bridges.example>'),
      defineJobs: defineScheduledJobs,
      cronCheckIntervalSeconds: 1,
      jobsLog: recordingLog(lines),
      ...(shared ? { database: shared.database } : {}),
    });
    processes.push(process);
    return process;
  };

  // Processes starting in one five-minute window share the after-start run: start both in one.
  // (No database yet to ask the time: the test database runs on this machine, on its clock.)
  await awayFromPeriodEnd(async () => Date.now() / 1000, 300, 30);
  const first = await startProcess();
  const { db } = first.deps;
  const second = await startProcess(first);
  const either = (index: number) => (index % 2 === 0 ? first : second);
  await loadDemoContent(first.deps);
  const members = await Promise.all(Array.from({ length: 8 }, () => createMember(first)));
  assert.equal((await confirmationRuns(db)).length, 1, 'one after-start run for both processes, not yet due');

  // The cron is moved to the database's current minute, so that its turn comes during the test.
  await awayFromPeriodEnd(() => databaseSeconds(db), 60, 20);
  const now = new Date((await databaseSeconds(db)) * 1000);
  const cronThisMinute = `${now.getUTCMinutes()} ${now.getUTCHours()} * * *`;

  const load = [
    // The after-start run comes due now rather than in 30 seconds.
    sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${CONFIRM_RUNNING_JOB} AND state = 'created'`.execute(db),
    sql`UPDATE pgboss.schedule SET cron = ${cronThisMinute} WHERE name = ${CONFIRM_RUNNING_JOB}`.execute(db),
    // Mail written by both processes at once…
    ...Array.from({ length: 40 }, (_, index) =>
      either(index).deps.mailer.send({ to: `batch-${index}@example.org`, subject: `Batch mail ${index}`, text: `Mail number ${index}.` }),
    ),
    // …reset links asked for through both, and pages read meanwhile.
    ...members.map(async (member, index) => {
      const client = new TestClient(either(index).app);
      await client.get('/en/forgot-password');
      const response = await client.post('/en/forgot-password', { email: member.email });
      assert.equal(response.statusCode, 200);
    }),
    ...Array.from({ length: 20 }, async (_, index) => {
      const response = await either(index).app.inject({ method: 'GET', url: index % 4 < 2 ? '/en/practices' : '/fr/' });
      assert.equal(response.statusCode, 200);
    }),
  ];
  await Promise.all(load);

  // Both turns have run: the after-start one and the cron's.
  await waitFor(async () => (await confirmationRuns(db)).filter((run) => run.state === 'completed').length >= 2, 60_000);
  // Both processes go on checking the schedule every second during the cron's minute: let
  // three more checks pass after its run was sent, then there must still be only that run.
  const cronRun = (await confirmationRuns(db)).find((run) => !run.after_start);
  assert.ok(cronRun, 'the cron sent its run');
  await waitFor(async () => {
    const { rows } = await sql<{ cron_on: Date | null }>`SELECT cron_on FROM pgboss.version`.execute(db);
    const checkedAt = rows[0]?.cron_on;
    return checkedAt !== null && checkedAt !== undefined && checkedAt.getTime() - cronRun.created_on.getTime() >= 3_000;
  }, 30_000);
  await first.deps.jobs.whenIdle([CONFIRM_RUNNING_JOB, MAIL_QUEUE], { timeoutMs: 60_000 });

  const runs = await confirmationRuns(db);
  assert.equal(runs.length, 2, 'one run after start, one for the cron turn');
  assert.ok(runs.every((run) => run.state === 'completed' && run.retry_count === 0));
  const finished = lines.filter((line) => line.job === CONFIRM_RUNNING_JOB && line.message === 'Job finished');
  assert.equal(finished.length, 2, 'each run was worked by one process, once');
  const askedPerRun = runs.map((run) => run.asked ?? 0).sort((a, b) => b - a);
  const asked = askedPerRun[0] ?? 0;
  assert.ok(asked > 0, 'the first run asked the demo contacts');
  assert.deepEqual(askedPerRun.slice(1), [0], 'the other run found nobody left to ask');

  // Every mail written was sent, on its first attempt, and reached the SMTP server once.
  const outbox = await db.selectFrom('outbox').select(['id', 'recipient', 'subject', 'status', 'attempts', 'message_id']).execute();
  assert.equal(outbox.length, 40 + members.length + asked);
  await waitFor(async () => received.length >= outbox.length);
  assert.deepEqual(
    outbox.filter((mail) => mail.status !== 'sent' || mail.attempts !== 1).map((mail) => mail.id),
    [],
    'every mail sent on its first attempt',
  );
  const copies = new Map<string, number>();
  for (const mail of received) {
    const id = messageIdOf(mail) ?? '';
    copies.set(id, (copies.get(id) ?? 0) + 1);
  }
  assert.equal(received.length, outbox.length, 'as many mails reached the server as were written');
  for (const mail of outbox) assert.equal(copies.get(mail.message_id ?? ''), 1, `mail ${mail.id} to ${mail.recipient} arrived once`);

  // Each due practice's contact was asked once, whichever process ran the job.
  const confirmations = outbox.filter((mail) => !mail.recipient.startsWith('batch-') && !members.some((member) => member.email === mail.recipient));
  assert.equal(confirmations.length, asked);
  assert.equal(new Set(confirmations.map((mail) => `${mail.recipient}\n${mail.subject}`)).size, asked, 'no practice asked twice');
});
