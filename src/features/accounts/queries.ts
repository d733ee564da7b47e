import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/client.ts';
import type { Role } from '../../db/schema/accounts.ts';
import { sessionIsLive } from '../../platform/sessions.ts';

export type Executor = Db | Transaction<Database>;

export function findUserByEmail(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function findUserById(db: Executor, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function handleIsTaken(db: Executor, handle: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('handle', '=', handle).executeTakeFirst();
  return row !== undefined;
}

export interface NewUser {
  handle: string;
  email: string;
  name: string;
  passwordHash: string;
  organisation: string | null;
  stakeholderType: string | null;
  country: string | null;
  locale: string;
}

/** Inserts the user unless the email is taken (then returns undefined): the unique index decides. */
export async function insertUser(db: Executor, user: NewUser): Promise<number | undefined> {
  const row = await db
    .insertInto('users')
    .values({
      handle: user.handle,
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      organisation: user.organisation,
      stakeholder_type: user.stakeholderType,
      country: user.country,
      locale: user.locale,
    })
    .onConflict((conflict) => conflict.expression(sql`lower(email)`).where('email', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}


export async function markEmailVerified(db: Executor, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: new Date(), updated_at: new Date() })
    .where('id', '=', userId)
    .where('email_verified_at', 'is', null)
    .execute();
}

export async function setPasswordHash(db: Executor, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', userId).execute();
}

export async function deleteSessionsOf(db: Executor, userId: number, exceptIdHash?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
  await query.execute();
}

export async function setRole(db: Executor, userId: number, role: Role): Promise<void> {
  await db.updateTable('users').set({ role, updated_at: new Date() }).where('id', '=', userId).execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return row.count;
}

export interface ProfileColumns {
  name: string;
  organisation: string | null;
  stakeholderType: string | null;
  country: string | null;
}

export async function updateProfile(db: Executor, userId: number, profile: ProfileColumns): Promise<void> {
  await db
    .updateTable('users')
    .set({
      name: profile.name,
      organisation: profile.organisation,
      stakeholder_type: profile.stakeholderType,
      country: profile.country,
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .execute();
}

/**
 * The member's sessions that still sign in, newest activity first. `is_current` marks the one
 * with this cookie hash; the hash itself never leaves this function.
 */
export function listLiveSessions(db: Executor, userId: number, currentIdHash: string | null) {
  return db
    .selectFrom('sessions')
    .select((eb) => [
      'public_id',
      'user_agent',
      'created_at',
      'last_seen_at',
      'expires_at',
      eb('id_hash', '=', currentIdHash ?? '').$castTo<boolean>().as('is_current'),
    ])
    .where('user_id', '=', userId)
    .where(sessionIsLive)
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * Deletes one of the member's own sessions by its public id. Undefined when no session of this
 * member has that id, so another member's id changes nothing.
 */
export async function deleteOwnSession(
  db: Executor,
  userId: number,
  publicId: string,
  currentIdHash: string | null,
): Promise<{ is_current: boolean } | undefined> {
  return db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('public_id', '=', publicId)
    .returning((eb) => eb('id_hash', '=', currentIdHash ?? '').$castTo<boolean>().as('is_current'))
    .executeTakeFirst();
}

/**
 * Strips every personal field from the row but keeps the row, so that what the member wrote
 * keeps an author ("deleted member"); the freed email can be registered again.
 */
export async function anonymiseUser(db: Executor, userId: number, handle: string): Promise<void> {
  const now = new Date();
  await db
    .updateTable('users')
    .set({
      handle,
      email: null,
      name: null,
      password_hash: null,
      organisation: null,
      stakeholder_type: null,
      country: null,
      bio: null,
      job_title: null,
      city_id: null,
      expertise_ids: [],
      languages_spoken: [],
      website: null,
      public_fields: [],
      listed: false,
      directory_text: null,
      directory_facets: [],
      deleted_at: now,
      updated_at: now,
    })
    .where('id', '=', userId)
    .execute();
}
