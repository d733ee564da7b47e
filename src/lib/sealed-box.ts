import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Small secrets the server must read back (a member's TOTP seed) are stored encrypted, with a key
 * derived from the app's own secret: a copy of the database alone does not reveal them.
 * AES-256-GCM also authenticates, so a tampered value fails to open instead of giving garbage.
 */
const VERSION = 'v1';
const IV_BYTES = 12;

export interface SealedBox {
  seal(plain: string): string;
  /** The plain text, or null when the value was sealed with another key or altered. */
  open(sealed: string): string | null;
}

export function sealedBox(appSecret: string, purpose: string): SealedBox {
  // One key per purpose: a value sealed for one use cannot be opened as another.
  const key = Buffer.from(hkdfSync('sha256', appSecret, 'bridges', purpose, 32));
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== VERSION || !iv || body === undefined || !tag) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
