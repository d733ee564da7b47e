import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/client.ts';
import { containsIgnoringCase } from '../db/like.ts';
import type { MailAttachment, MailTransportName } from '../db/schema/platform.ts';

/** The outbox rows that mail delivery reads and writes. */

type Trx = Transaction<Database>;
type Executor = Db | Trx;

export async function insertQueuedMail(
  trx: Trx,
  mail: { recipient: string; subject: string; body: string; messageId: string; headers: Record<string, string>; attachments: readonly MailAttachment[] },
): Promise<number> {
  const row = await trx
    .insertInto('outbox')
    .values({ recipient: mail.recipient, subject: mail.subject, body: mail.body, message_id: mail.messageId, headers: mail.headers, attachments: JSON.stringify(mail.attachments), status: 'queued' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The mail, locked until the transaction ends: a second worker on the same mail waits here. */
export function lockMail(trx: Trx, id: number) {
  return trx
    .selectFrom('outbox')
    .select(['id', 'recipient', 'subject', 'body', 'status', 'message_id', 'headers', 'attachments'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function markSent(trx: Trx, id: number, transport: MailTransportName): Promise<void> {
  await trx
    .updateTable('outbox')
    .set((eb) => ({ status: 'sent', transport, sent_at: new Date(), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** A failed attempt; after the last one the mail is given up as failed. */
export async function recordFailedAttempt(trx: Trx, id: number, error: string, final: boolean): Promise<void> {
  await trx
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error, ...(final ? { status: 'failed' as const } : {}) }))
    .where('id', '=', id)
    .execute();
}

/**
 * Mails to the address, or whose subject or body contains the text: candidates for erasure,
 * which the caller narrows to whole-word matches.
 */
export function mailsMentioning(db: Executor, address: string, texts: readonly string[]) {
  return db
    .selectFrom('outbox')
    .select(['id', 'recipient', 'subject', 'body', 'status', 'created_at'])
    .where((eb) =>
      eb.or([
        eb(sql`lower(recipient)`, '=', address.toLowerCase()),
        ...texts.filter((text) => text.length > 0).flatMap((text) => [containsIgnoringCase(eb.ref('subject'), text), containsIgnoringCase(eb.ref('body'), text)]),
      ]),
    )
    .orderBy('id')
    .execute();
}

export async function deleteMails(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('outbox').where('id', 'in', [...ids]).execute();
}
