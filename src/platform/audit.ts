import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/client.ts';

/**
 * The audit log is written by several features (admins changing roles, editors moderating) and
 * read by one (the admin pages). Writing lives here so that no feature reaches into another's
 * queries; pass the transaction of the change being recorded, so the entry and the change are
 * kept or lost together.
 */

export interface AuditEntry {
  /** null: done by the system (the command line, a scheduled job), not by a person. */
  actorId: number | null;
  /** Stable code, `<thing>.<what happened>`; the admin pages label the codes they know. */
  action: string;
  /** What the entry is about, `<kind>:<id>`. */
  subject: string;
  /** Facts that help read the entry later; never personal data. */
  details: Record<string, string | number | boolean | null>;
}

export async function insertAuditEntry(db: Db | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ actor_id: entry.actorId, action: entry.action, subject: entry.subject, details: JSON.stringify(entry.details) })
    .execute();
}
