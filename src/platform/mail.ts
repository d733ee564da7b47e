import nodemailer from 'nodemailer';
import type { Db } from '../db/client.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Delivers through an SMTP server (`SMTP_URL`). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}

/** Without SMTP, mail is kept in the outbox table where admins can read it. */
export function outboxMailer(db: Db): Mailer {
  return {
    async send({ to, subject, text }) {
      await db.insertInto('outbox').values({ recipient: to, subject, body: text }).execute();
    },
  };
}

export function createMailer(options: { smtpUrl: string | undefined; from: string; db: Db }): Mailer {
  return options.smtpUrl ? smtpMailer(options.smtpUrl, options.from) : outboxMailer(options.db);
}
