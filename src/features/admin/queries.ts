import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/client.ts';
import { containsIgnoringCase } from '../../db/like.ts';
import type { Role } from '../../db/schema/accounts.ts';

type Executor = Db | Transaction<Database>;

export interface MemberFilter {
  /** Part of a name or email address, matched case-insensitively; '' matches everyone. */
  text: string;
  role: Role | undefined;
}

export interface MemberRow {
  id: number;
  handle: string;
  name: string | null;
  email: string | null;
  role: Role;
  email_verified_at: Date | null;
  created_at: Date;
  deleted_at: Date | null;
}

/**
 * The members matching a filter. A substring search cannot use the email index; admins search
 * rarely and the table holds people, not content, so a scan is acceptable here.
 */
function membersMatching(db: Executor, filter: MemberFilter) {
  let query = db.selectFrom('users');
  if (filter.text) {
    query = query.where((eb) =>
      eb.or([containsIgnoringCase(eb.ref('name'), filter.text), containsIgnoringCase(eb.ref('email'), filter.text)]),
    );
  }
  if (filter.role) query = query.where('role', '=', filter.role);
  return query;
}

export async function countMembers(db: Executor, filter: MemberFilter): Promise<number> {
  const row = await membersMatching(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Newest first: the accounts an admin most often looks for are the ones just created. */
export function listMembers(db: Executor, filter: MemberFilter, window: { limit: number; offset: number }): Promise<MemberRow[]> {
  return membersMatching(db, filter)
    .select(['id', 'handle', 'name', 'email', 'role', 'email_verified_at', 'created_at', 'deleted_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export function findMember(db: Executor, id: number) {
  return db.selectFrom('users').select(['id', 'name', 'role', 'deleted_at']).where('id', '=', id).executeTakeFirst();
}

export async function namesOf(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'name', 'deleted_at']).where('id', 'in', ids).execute();
}

/**
 * Locks every active admin's row, in id order so that two transactions never wait on each other
 * in a cycle. Until commit no one else can demote, promote or delete one of them, so a count
 * taken here stays true while the caller acts on it.
 */
export async function lockActiveAdminIds(trx: Transaction<Database>): Promise<number[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

export function lockMember(trx: Transaction<Database>, id: number) {
  return trx.selectFrom('users').select(['id', 'role', 'deleted_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setRole(trx: Transaction<Database>, id: number, role: Role): Promise<void> {
  await trx.updateTable('users').set({ role, updated_at: new Date() }).where('id', '=', id).execute();
}

// Written by several features: the one definition lives in the platform.
export { insertAuditEntry, type AuditEntry } from '../../platform/audit.ts';

export async function countAuditEntries(db: Executor): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return row.count;
}

/** Newest first, with the actor's name (null once that account is deleted or for the system). */
export function listAuditEntries(db: Executor, window: { limit: number; offset: number }) {
  return db
    .selectFrom('audit_log')
    .leftJoin('users as actor', 'actor.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.actor_id',
      'actor.name as actor_name',
      'actor.deleted_at as actor_deleted_at',
      'audit_log.action',
      'audit_log.subject',
      'audit_log.details',
      'audit_log.created_at',
    ])
    .orderBy('audit_log.created_at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export async function countOutbox(db: Executor): Promise<number> {
  const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return row.count;
}

/** Newest first, with how delivery went; the bodies stay out of the list, which never shows them. */
export function listOutbox(db: Executor, window: { limit: number; offset: number }) {
  return db
    .selectFrom('outbox')
    .select(['id', 'recipient', 'subject', 'created_at', 'status', 'transport', 'attempts', 'last_error'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export function findOutboxMail(db: Executor, id: number) {
  return db
    .selectFrom('outbox')
    .select(['id', 'recipient', 'subject', 'body', 'created_at', 'status', 'transport', 'attempts', 'last_error', 'sent_at', 'message_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The figures on the overview page, in one round trip. */
export async function overviewCounts(db: Executor) {
  const { rows } = await sql<{ members: number; admins: number; outbox: number; audit: number }>`
    SELECT
      (SELECT count(*) FROM users WHERE deleted_at IS NULL)::integer AS members,
      (SELECT count(*) FROM users WHERE deleted_at IS NULL AND role = 'admin')::integer AS admins,
      (SELECT count(*) FROM outbox)::integer AS outbox,
      (SELECT count(*) FROM audit_log)::integer AS audit`.execute(db);
  return rows[0] as { members: number; admins: number; outbox: number; audit: number };
}
