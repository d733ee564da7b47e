import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/client.ts';
import type { Role, TokenPurpose } from '../../db/schema/accounts.ts';

type Executor = Db | Transaction<Database>;

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

export async function insertToken(
  db: Executor,
  token: { hash: string; userId: number; purpose: TokenPurpose; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('account_tokens')
    .values({ token_hash: token.hash, user_id: token.userId, purpose: token.purpose, expires_at: token.expiresAt })
    .execute();
}

/** Marks a live token used and returns its user; a used, expired or unknown token gives undefined. */
export async function consumeToken(db: Executor, hash: string, purpose: TokenPurpose): Promise<number | undefined> {
  const row = await db
    .updateTable('account_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

export async function findLiveToken(db: Executor, hash: string, purpose: TokenPurpose): Promise<number | undefined> {
  const row = await db
    .selectFrom('account_tokens')
    .select('user_id')
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row?.user_id;
}

export async function expireTokens(db: Executor, userId: number, purpose: TokenPurpose): Promise<void> {
  await db
    .updateTable('account_tokens')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
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
