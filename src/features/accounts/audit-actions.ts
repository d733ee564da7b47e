/** Audit actions the accounts feature writes; the admin pages label them (`admin.audit.actions.<action>`). */
export const ACCOUNT_DELETED = 'user.deleted';
export const SIGNED_IN_NEW_DEVICE = 'user.signed_in_new_device';
export const TWO_FACTOR_ENABLED = 'user.two_factor_enabled';
export const TWO_FACTOR_DISABLED = 'user.two_factor_disabled';
export const RECOVERY_CODE_USED = 'user.recovery_code_used';

export const ACCOUNT_AUDIT_ACTIONS: readonly string[] = [
  ACCOUNT_DELETED,
  SIGNED_IN_NEW_DEVICE,
  TWO_FACTOR_ENABLED,
  TWO_FACTOR_DISABLED,
  RECOVERY_CODE_USED,
];

/** The subject of audit entries about an account (the admin pages name the member from it). */
export { userAuditSubject as accountSubject } from '../../platform/audit.ts';
