import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type MailStatus = 'queued' | 'sent' | 'failed';
/** How a sent mail left: over SMTP, or kept in the outbox when no mail server is configured. */
export type MailTransportName = 'smtp' | 'outbox';

/** A file sent with a mail; only text files are sent (calendar entries). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** Every mail the platform writes, with its delivery state. */
export interface OutboxTable {
  id: Generated<number>;
  recipient: string;
  subject: string;
  body: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  /** The last delivery error, without credentials; kept after a later success for the record. */
  last_error: string | null;
  sent_at: Date | null;
  transport: MailTransportName | null;
  /** The Message-ID header, the same on every attempt, so that receivers can drop a duplicate. */
  message_id: string | null;
  /** Extra headers sent with the mail, such as List-Unsubscribe (RFC 8058). */
  headers: ColumnType<Record<string, string>, Record<string, string> | undefined, Record<string, string>>;
  /** Files sent with the mail (an event's .ics), as text. */
  attachments: ColumnType<MailAttachment[], string | undefined, string>;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: Date;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject: string;
  details: JSONColumnType<Record<string, string | number | boolean | null>>;
  created_at: ColumnType<Date, Date | undefined, never>;
}
