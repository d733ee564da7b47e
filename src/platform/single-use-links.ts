import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/client.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import type { PersonalDataEntry } from './personal-data.ts';

/**
 * Single-use links for every purpose (confirming an address, resetting a password, confirming a
 * practice still runs, and what later areas send): a random token in the link, only its hash in
 * the database, a lifetime, and a use that happens once even when two requests race (the use is
 * one conditional UPDATE).
 */

type Executor = Db | Transaction<Database>;

export interface LinkSubject {
  kind: string;
  id: number;
}

/** Makes a link's token; only its hash is stored. */
export async function issueLink(
  db: Executor,
  link: { purpose: string; subject: LinkSubject; ttlMs: number; recipient?: string; now?: Date },
): Promise<string> {
  const token = newToken();
  const now = link.now ?? new Date();
  await db
    .insertInto('single_use_links')
    .values({
      token_hash: hashToken(token),
      purpose: link.purpose,
      subject_kind: link.subject.kind,
      subject_id: link.subject.id,
      recipient: link.recipient ?? null,
      created_at: now,
      expires_at: new Date(now.getTime() + link.ttlMs),
    })
    .execute();
  return token;
}

/** The subject of a live (unused, unexpired) link of this purpose and kind, without using it. */
export async function liveLinkSubject(db: Executor, purpose: string, kind: string, token: string): Promise<number | undefined> {
  if (!token) return undefined;
  const row = await db
    .selectFrom('single_use_links')
    .select('subject_id')
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('subject_kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row?.subject_id;
}

/** Uses a live link up and gives its subject; a used, expired or unknown one gives undefined. */
export async function consumeLink(db: Executor, purpose: string, kind: string, token: string): Promise<number | undefined> {
  if (!token) return undefined;
  const row = await db
    .updateTable('single_use_links')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('subject_kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('subject_id')
    .executeTakeFirst();
  return row?.subject_id;
}

/** Ends every live link of this purpose for a subject (a newer one replaces them, or it was used). */
export async function expireLinks(db: Executor, purpose: string, subject: LinkSubject): Promise<void> {
  await db
    .updateTable('single_use_links')
    .set({ used_at: new Date() })
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

/** Removes every link of a subject, used or not: for erasing an account. */
export async function forgetLinks(db: Executor, subject: LinkSubject): Promise<void> {
  await db.deleteFrom('single_use_links').where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id).execute();
}

/**
 * The member's links (confirming their address, resetting their password) and the links sent to
 * their address about something else (as a practice's contact) go with the account; they are
 * tokens, not something the member wrote, so the export leaves them out.
 */
export const singleUseLinksPersonalData: PersonalDataEntry = {
  table: 'single_use_links',
  export: { notExported: 'Only hashes of tokens that were mailed to the member: nothing they wrote, and useless to them.' },
  async erase({ trx, subject }) {
    await forgetLinks(trx, { kind: 'user', id: subject.userId });
    await trx.deleteFrom('single_use_links').where(sql`lower(recipient)`, '=', subject.email.toLowerCase()).execute();
  },
};
