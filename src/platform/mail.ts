import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Database } from '../db/schema/index.ts';
import type { Transaction } from 'kysely';
import type { MailAttachment, MailTransportName } from '../db/schema/platform.ts';
import type { Jobs, QueueOptions } from './jobs/index.ts';
import { percentDecoded } from '../lib/text.ts';
import * as queries from './mail-queries.ts';
import { isoOrNull, namesPerson, type PersonalDataEntry } from './personal-data.ts';

/**
 * Mail goes through the job queue. `Mailer.send()` records the mail as a row of the outbox and
 * queues its delivery in one transaction, so a mail is never lost between the two; a worker then
 * hands it to SMTP, or, without a mail server, leaves it in the outbox for administrators.
 * Delivery that fails (the SMTP server is down) is retried with a growing delay.
 */

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, such as List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Readonly<Record<string, string>>;
  /** Files to attach, such as an event's calendar entry. */
  attachments?: readonly MailAttachment[];
}

export interface Mailer {
  /** Records the mail and queues its delivery; resolves once both are committed. */
  send(mail: Mail): Promise<void>;
  /**
   * Records the mail and queues its delivery inside the caller's transaction: the mail exists
   * if and only if the transaction commits. Call `wake()` after the commit.
   */
  sendWithin(trx: Transaction<Database>, mail: Mail): Promise<void>;
  /** Lets delivery start now rather than at the next poll. */
  wake(): void;
}

export interface OutgoingMail extends Mail {
  /** The same on every attempt, so that a receiver can drop a copy sent twice. */
  messageId: string;
}

/** What delivers a mail: SMTP, or the outbox itself. */
export interface MailTransport {
  readonly name: MailTransportName;
  /** Throws when the mail was not accepted; the delivery is then retried. */
  deliver(mail: OutgoingMail): Promise<void>;
}

export const MAIL_QUEUE = 'mail-delivery';

/**
 * About a day of retries: the waits start at 30 seconds and double each time, with jitter
 * (pg-boss waits between one and two times the doubled delay), eleven retries over 17 to 34 hours.
 */
export const MAIL_RETRIES: QueueOptions = { retryLimit: 11, retryDelaySeconds: 30, retryBackoff: true };

/**
 * A slow or silent SMTP server must not hold a worker for nodemailer's default ten minutes:
 * the attempt fails and is retried later.
 */
const SMTP_TIMEOUTS_MS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };
/** Longer than any attempt can take with the timeouts above, so that pg-boss never expires a live one. */
const DELIVERY_EXPIRES_SECONDS = 5 * 60;
const ERROR_TEXT_LIMIT = 500;

/** Delivers through an SMTP server (`SMTP_URL`). */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS_MS });
  return {
    name: 'smtp',
    async deliver({ to, subject, text, messageId, headers, attachments }) {
      await transport.sendMail({
        from, to, subject, text, messageId,
        ...(headers ? { headers: { ...headers } } : {}),
        ...(attachments && attachments.length > 0 ? { attachments: attachments.map((file) => ({ ...file })) } : {}),
      });
    },
  };
}

/** Without SMTP the outbox row is the delivery: administrators read it at /admin/outbox. */
export const outboxTransport: MailTransport = {
  name: 'outbox',
  async deliver() {},
};

export function transportFor(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : outboxTransport;
}

/**
 * The error as administrators may read it: the message only (no stack), without the SMTP
 * credentials, which a connection error can quote, and not too long for a table cell.
 */
export function describeDeliveryError(error: unknown, smtpUrl?: string): string {
  let text = error instanceof Error ? error.message : String(error);
  text = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1');
  if (smtpUrl) {
    let url: URL | undefined;
    try {
      url = new URL(smtpUrl);
    } catch {
      url = undefined;
    }
    const secrets = [url?.password, url?.username]
      .filter((value): value is string => Boolean(value))
      .flatMap((value) => [value, percentDecoded(value)]);
    for (const secret of secrets) text = text.split(secret).join('***');
  }
  return text.length > ERROR_TEXT_LIMIT ? `${text.slice(0, ERROR_TEXT_LIMIT - 1)}…` : text;
}

export interface MailOptions {
  db: Db;
  jobs: Jobs;
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'baseUrl'>;
  /** SMTP when `SMTP_URL` is set, the outbox otherwise, unless told. */
  transport?: MailTransport;
  /** Retry settings of the delivery queue; tests shorten the delays. */
  retries?: QueueOptions;
}

/**
 * Defines the delivery worker on `jobs` (before it starts) and returns the mailer that queues.
 * Every process that starts the queue delivers mail, whichever process wrote it.
 */
export function createMailer({ db, jobs, config, transport = transportFor(config), retries = MAIL_RETRIES }: MailOptions): Mailer {
  const messageIdDomain = config.baseUrl.hostname || 'localhost';

  jobs.define<{ mailId: number }>(
    MAIL_QUEUE,
    async ({ mailId }, job) => {
      let failure: Error | undefined;
      // The row stays locked while the transport works, so two workers can never send one mail:
      // the second waits, then finds it sent. It is marked sent in the same transaction, so only a
      // crash between the server's acceptance and the commit could send it again; the stable
      // Message-ID lets the receiving side recognise that copy.
      await db.transaction().execute(async (trx) => {
        const mail = await queries.lockMail(trx, mailId);
        if (!mail || mail.status !== 'queued') return;
        try {
          await transport.deliver({
            to: mail.recipient,
            subject: mail.subject,
            text: mail.body,
            messageId: mail.message_id ?? `<outbox-${mail.id}@${messageIdDomain}>`,
            headers: mail.headers,
            attachments: mail.attachments,
          });
        } catch (error) {
          const description = describeDeliveryError(error, config.smtpUrl);
          // What goes on (to the log and pg-boss's record of the job) is the cleaned message too.
          failure = new Error(description);
          await queries.recordFailedAttempt(trx, mailId, description, job.lastAttempt);
          return;
        }
        await queries.markSent(trx, mailId, transport.name);
      });
      // Rethrown after the commit, so the attempt is on record and pg-boss schedules the retry.
      if (failure !== undefined) throw failure;
    },
    { ...retries, expireInSeconds: DELIVERY_EXPIRES_SECONDS, concurrency: 2 },
  );

  async function sendWithin(trx: Transaction<Database>, { to, subject, text, headers, attachments = [] }: Mail): Promise<void> {
    const messageId = `<${randomUUID()}@${messageIdDomain}>`;
    const mailId = await queries.insertQueuedMail(trx, { recipient: to, subject, body: text, messageId, headers: { ...headers }, attachments });
    await jobs.send(MAIL_QUEUE, { mailId }, { executor: trx });
  }

  return {
    async send(mail) {
      await db.transaction().execute((trx) => sendWithin(trx, mail));
      jobs.wake(MAIL_QUEUE);
    },
    sendWithin,
    wake: () => jobs.wake(MAIL_QUEUE),
  };
}

/**
 * The outbox holds mails to members and mails about them (an editor told of a submission names
 * its author). The export lists the mails sent to the member without their bodies, which may
 * hold single-use links still live; deletion erases every mail to the member's address or
 * naming them, queued or sent: a queued one is then simply never delivered.
 */
export const outboxPersonalData: PersonalDataEntry = {
  table: 'outbox',
  export: {
    section: 'mailsSentToYou',
    async rows(db, subject) {
      const mails = await queries.mailsMentioning(db, subject.email, []);
      return mails.map((mail) => ({ subject: mail.subject, status: mail.status, createdAt: isoOrNull(mail.created_at) }));
    },
  },
  async erase({ trx, subject }) {
    const mails = await queries.mailsMentioning(trx, subject.email, [subject.email, subject.name]);
    const erased = mails.filter(
      (mail) => mail.recipient.toLowerCase() === subject.email.toLowerCase() || namesPerson(mail.subject, subject) || namesPerson(mail.body, subject),
    );
    await queries.deleteMails(trx, erased.map((mail) => mail.id));
  },
};
