import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { hashToken } from '../../lib/tokens.ts';

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app reads them: SHA-1, six
 * digits, 30-second steps. Pure functions; the service decides what to store.
 */
export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = 'Bridges';
/** One step either side: a phone clock a little off, or a code typed as it changed. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

function totpFor(secretBase32: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A new 160-bit secret, in the base32 that people type into their app. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` address an app reads from a QR code or a pasted link. */
export function totpUri(secretBase32: string, accountLabel: string): string {
  return totpFor(secretBase32, accountLabel).toString();
}

/** The step a code belongs to, counted from the Unix epoch. */
export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a time (default now): for tests and browser journeys that play the phone. */
export function totpCode(secretBase32: string, now = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp: now });
}

/** Spaces and hyphens people type (or apps show) in the middle of codes. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, '').toLowerCase();
}

export function looksLikeTotpCode(input: string): boolean {
  return /^[0-9]{6}$/.test(normaliseCode(input));
}

/**
 * The step of the code when it is right for now ± one step, or null. The caller must still
 * refuse a step already used.
 */
export function matchingStep(secretBase32: string, input: string, now = Date.now()): number | null {
  const code = normaliseCode(input);
  if (!/^[0-9]{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : currentStep(now) + delta;
}

/**
 * Ten codes of ten base32 characters (50 random bits each), shown as `abcde-fghij`. Only their
 * hashes are kept.
 */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function hashRecoveryCode(input: string): string {
  return hashToken(`recovery:${normaliseCode(input)}`);
}
