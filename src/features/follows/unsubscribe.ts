import { hasSignature, signature as signed } from '../../lib/signed-tokens.ts';

/**
 * One-click unsubscribe links (RFC 8058): the link names the member and what to stop, signed with
 * the server's secret, so it works without signing in and cannot be made for someone else. It
 * holds no expiry: a link in an old mail must still stop the mail.
 */

export const UNSUBSCRIBE_PURPOSES = ['digest', 'notices'] as const;
export type UnsubscribePurpose = (typeof UNSUBSCRIBE_PURPOSES)[number];

const messageOf = (userId: number, purpose: UnsubscribePurpose): string => `unsubscribe:${userId}:${purpose}`;

export function unsubscribeToken(secret: string, userId: number, purpose: UnsubscribePurpose): string {
  return `${userId}.${purpose}.${signed(secret, messageOf(userId, purpose))}`;
}

/** The member and purpose a token was made for, or undefined when it was not made here. */
export function readUnsubscribeToken(secret: string, token: string): { userId: number; purpose: UnsubscribePurpose } | undefined {
  const [id, purpose, given] = token.split('.');
  if (!id || !/^[1-9][0-9]{0,9}$/.test(id) || !given) return undefined;
  const known = UNSUBSCRIBE_PURPOSES.find((candidate) => candidate === purpose);
  if (!known) return undefined;
  const userId = Number(id);
  if (!hasSignature(secret, messageOf(userId, known), given)) return undefined;
  return { userId, purpose: known };
}

/** The headers that let a mail client offer the unsubscribe button and use it in one click. */
export function unsubscribeHeaders(link: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
