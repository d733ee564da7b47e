import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/client.ts';
import { isoOrNull, type PersonalDataEntry } from './personal-data.ts';

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

/** How audit entries name an account: `user:<id>`. */
export const userAuditSubject = (userId: number): string => `user:${userId}`;

/**
 * Entries the member made and entries about their account are exported. Deletion keeps them:
 * they are the record of who did what, they name people by id only, and the account row they
 * point to is stripped of everything personal.
 */
export const auditPersonalData: PersonalDataEntry = {
  table: 'audit_log',
  export: {
    section: 'auditEntries',
    async rows(db, subject) {
      const entries = await db
        .selectFrom('audit_log')
        .select(['action', 'subject', 'details', 'created_at', 'actor_id'])
        .where((eb) => eb.or([eb('actor_id', '=', subject.userId), eb('subject', '=', userAuditSubject(subject.userId))]))
        .orderBy('id')
        .execute();
      return entries.map((entry) => ({
        action: entry.action,
        subject: entry.subject,
        details: entry.details,
        byYou: entry.actor_id === subject.userId,
        createdAt: isoOrNull(entry.created_at),
      }));
    },
  },
  async erase() {},
};
