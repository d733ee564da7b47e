import { ROLES, type Role } from '../../db/schema/accounts.ts';
import { ACCOUNT_AUDIT_ACTIONS } from '../accounts/index.ts';
import { COMMENT_REMOVED, FLAG_DISMISSED } from '../../engagement/index.ts';

/**
 * Audit actions the audit page labels (under `admin.audit.actions.<action>`): this feature's own
 * and those other features write.
 */
export const ROLE_CHANGED = 'user.role_changed';
export const AUDIT_ACTIONS: readonly string[] = [ROLE_CHANGED, FLAG_DISMISSED, COMMENT_REMOVED, ...ACCOUNT_AUDIT_ACTIONS];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The subject of audit entries about an account. */
export const userSubject = (id: number): string => `user:${id}`;
export const USER_SUBJECT = /^user:([0-9]{1,9})$/;
