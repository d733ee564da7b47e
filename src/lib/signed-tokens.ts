import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links that name a member and what they may do without signing in (stop a mail, read their own
 * calendar), signed with the server's secret so that nobody can make one for someone else.
 */

export function signature(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('base64url').slice(0, 32);
}

/** Whether `given` is the signature of `message`, compared in constant time. */
export function hasSignature(secret: string, message: string, given: string): boolean {
  const expected = Buffer.from(signature(secret, message));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
