import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/client.ts';

type Executor = Db | Transaction<Database>;

export function findTwoFactor(db: Executor, userId: number) {
  return db.selectFrom('two_factor').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Starts (or restarts) a set-up: a new secret, not yet enabled. */
export async function savePendingSecret(db: Executor, userId: number, secretSealed: string): Promise<void> {
  await db
    .insertInto('two_factor')
    .values({ user_id: userId, secret_sealed: secretSealed, enabled_at: null, last_used_step: null })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ secret_sealed: secretSealed, enabled_at: null, last_used_step: null }))
    .execute();
}

/**
 * Records `step` as used, when it is newer than the last one used: false when the step (or a
 * later one) was already used, so a code is accepted once even by two requests at the same time.
 */
export async function claimStep(db: Executor, userId: number, step: number): Promise<boolean> {
  const row = await db
    .updateTable('two_factor')
    .set({ last_used_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markEnabled(db: Executor, userId: number): Promise<boolean> {
  const row = await db
    .updateTable('two_factor')
    .set({ enabled_at: new Date() })
    .where('user_id', '=', userId)
    .where('enabled_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteTwoFactor(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('two_factor').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Executor, userId: number, codeHashes: readonly string[]): Promise<void> {
  await db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('two_factor_recovery_codes')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** Uses up a recovery code: true once, false for an unknown or already used code. */
export async function consumeRecoveryCode(db: Executor, userId: number, codeHash: string): Promise<boolean> {
  const row = await db
    .updateTable('two_factor_recovery_codes')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('two_factor_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertChallenge(db: Executor, challenge: { tokenHash: string; userId: number; expiresAt: Date }): Promise<void> {
  // One pending sign-in per account is enough; older ones die with the new password entry.
  await db.deleteFrom('sign_in_challenges').where('user_id', '=', challenge.userId).execute();
  await db
    .insertInto('sign_in_challenges')
    .values({ token_hash: challenge.tokenHash, user_id: challenge.userId, expires_at: challenge.expiresAt })
    .execute();
}

export function findLiveChallenge(db: Executor, tokenHash: string) {
  return db
    .selectFrom('sign_in_challenges')
    .select(['user_id', 'failed_attempts'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Counts a wrong code; returns the attempts so far. */
export async function countFailedAttempt(db: Executor, tokenHash: string): Promise<number> {
  const row = await db
    .updateTable('sign_in_challenges')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts ?? Number.POSITIVE_INFINITY;
}

export async function deleteChallenge(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('token_hash', '=', tokenHash).execute();
}

/** Notes a sign-in from a device; true when the account had never signed in from it. */
export async function rememberDevice(db: Executor, userId: number, deviceHash: string): Promise<boolean> {
  const row = await db
    .insertInto('known_devices')
    .values({ user_id: userId, device_hash: deviceHash })
    .onConflict((conflict) => conflict.columns(['user_id', 'device_hash']).doUpdateSet({ last_seen_at: new Date() }))
    // xmax is 0 only for a row this statement inserted, not for one it updated.
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .executeTakeFirstOrThrow();
  return row.inserted;
}
