import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// Algorithm 2 is argon2id; the costs follow OWASP's recommendation (19 MiB, 2 passes).
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const COMMON_PASSWORDS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'common-passwords.txt');
const commonPasswords: ReadonlySet<string> = new Set(
  readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

/** Returns the translation key of what is wrong with a new password, or null when it will do. */
export function passwordProblem(password: string): string | null {
  if (password.length === 0) return 'accounts.errors.passwordRequired';
  if (password.length < PASSWORD_MIN_LENGTH) return 'accounts.errors.passwordTooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'accounts.errors.passwordTooLong';
  if (commonPasswords.has(password.toLowerCase())) return 'accounts.errors.passwordCommon';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when no account matches takes as long as a real check, so response
// times do not reveal which emails are registered.
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy password that matches nobody');
  await verifyPassword(await decoyHash, password);
}
