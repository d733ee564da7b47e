import { isStaff } from '../../db/schema/accounts.ts';
import { insertAuditEntry } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { sealedBox } from '../../lib/sealed-box.ts';
import { describeUserAgent } from '../../lib/user-agent.ts';
import { hashToken } from '../../lib/tokens.ts';
import { accountSubject, RECOVERY_CODE_USED, SIGNED_IN_NEW_DEVICE, TWO_FACTOR_DISABLED, TWO_FACTOR_ENABLED } from './audit-actions.ts';
import * as queries from './queries.ts';
import { mailSecurityChange } from './security-mail.ts';
import {
  hashRecoveryCode,
  looksLikeTotpCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  totpUri,
} from './totp.ts';
import * as twoFactorQueries from './two-factor-queries.ts';

export interface TwoFactorStatus {
  enabled: boolean;
  /** Staff cannot turn it off. */
  required: boolean;
  recoveryCodesLeft: number;
}

export interface TwoFactorSetup {
  /** Base32, for typing into the app. */
  secret: string;
  /** `otpauth://…`, for apps that take a link or a QR code. */
  uri: string;
}

/** How the second step of a sign-in was passed, when it was. */
export type SecondFactor = 'totp' | 'recovery_code';

/** Where a sign-in comes from, as far as the request tells. */
export interface SignInDevice {
  userAgent: string;
  address: string;
}

/** The box TOTP secrets are sealed in; its key follows SESSION_SECRET. */
export function twoFactorSecrets(sessionSecret: string) {
  return sealedBox(sessionSecret, 'two-factor secret');
}

/** Two-factor sign-in: setting it up, checking codes, turning it off, and noticing new devices. */
export function twoFactorService(deps: AppDeps) {
  const { db, config } = deps;
  const secrets = twoFactorSecrets(config.sessionSecret);

  async function liveUser(userId: number) {
    const user = await queries.findUserById(db, userId);
    if (!user?.email) throw new NotFoundError(`No live account ${userId}`);
    return { ...user, email: user.email };
  }

  async function passwordIsRight(userId: number, password: string): Promise<boolean> {
    const user = await liveUser(userId);
    return Boolean(password && user.password_hash && (await verifyPassword(user.password_hash, password)));
  }

  /** The member's TOTP secret in clear, or null when none is stored or it cannot be opened. */
  async function secretOf(userId: number, { enabledOnly }: { enabledOnly: boolean }): Promise<string | null> {
    const row = await twoFactorQueries.findTwoFactor(db, userId);
    if (!row || (enabledOnly && !row.enabled_at)) return null;
    // A secret sealed under another SESSION_SECRET cannot be opened: the member then signs in
    // with a recovery code and sets two-factor sign-in up again.
    return secrets.open(row.secret_sealed);
  }

  /** True when the code is right for the enabled secret and its step was not used before. */
  async function acceptTotp(userId: number, code: string): Promise<boolean> {
    const secret = await secretOf(userId, { enabledOnly: true });
    if (!secret) return false;
    const step = matchingStep(secret, code);
    return step !== null && (await twoFactorQueries.claimStep(db, userId, step));
  }

  async function isEnabled(userId: number): Promise<boolean> {
    return (await twoFactorQueries.findTwoFactor(db, userId))?.enabled_at != null;
  }

  return {
    isEnabled,

    async status(userId: number): Promise<TwoFactorStatus> {
      const [user, row, recoveryCodesLeft] = await Promise.all([
        liveUser(userId),
        twoFactorQueries.findTwoFactor(db, userId),
        twoFactorQueries.countUnusedRecoveryCodes(db, userId),
      ]);
      return { enabled: row?.enabled_at != null, required: isStaff(user.role), recoveryCodesLeft };
    },

    /**
     * The secret to enter in an authenticator app. It stays the same until a code confirms it,
     * so reloading the page does not invalidate what the member already scanned; once two-factor
     * sign-in is on it is never shown again.
     */
    async setup(userId: number): Promise<TwoFactorSetup> {
      const user = await liveUser(userId);
      const row = await twoFactorQueries.findTwoFactor(db, userId);
      if (row?.enabled_at) throw new ConflictError('Two-factor sign-in is already on');
      let secret = row ? secrets.open(row.secret_sealed) : null;
      if (!secret) {
        secret = newTotpSecret();
        await twoFactorQueries.savePendingSecret(db, userId, secrets.seal(secret));
      }
      return { secret, uri: totpUri(secret, user.email) };
    },

    /**
     * Turns two-factor sign-in on once the password and a code from the app are right. Returns
     * the recovery codes, in clear for this once: only their hashes are kept.
     */
    async enable(userId: number, input: { code: string; currentPassword: string }): Promise<string[]> {
      const errors: Record<string, string> = {};
      if (!input.code.trim()) errors.code = 'twoFactor.errors.codeRequired';
      else if (!looksLikeTotpCode(input.code)) errors.code = 'twoFactor.errors.codeFormat';
      if (!input.currentPassword) errors.currentPassword = 'accountPage.errors.currentPasswordRequired';
      else if (!(await passwordIsRight(userId, input.currentPassword))) errors.currentPassword = 'accountPage.errors.currentPasswordWrong';
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);

      const row = await twoFactorQueries.findTwoFactor(db, userId);
      if (row?.enabled_at) throw new ConflictError('Two-factor sign-in is already on');
      const secret = row ? secrets.open(row.secret_sealed) : null;
      const step = secret ? matchingStep(secret, input.code) : null;
      if (step === null) throw new ValidationError({ code: 'twoFactor.errors.codeWrong' });

      const codes = newRecoveryCodes();
      const enabled = await db.transaction().execute(async (trx) => {
        if (!(await twoFactorQueries.claimStep(trx, userId, step))) return false;
        if (!(await twoFactorQueries.markEnabled(trx, userId))) return false;
        await twoFactorQueries.replaceRecoveryCodes(trx, userId, codes.map(hashRecoveryCode));
        await insertAuditEntry(trx, { actorId: userId, action: TWO_FACTOR_ENABLED, subject: accountSubject(userId), details: {} });
        return true;
      });
      if (!enabled) throw new ValidationError({ code: 'twoFactor.errors.codeWrong' });
      await mailSecurityChange(deps, userId, 'twoFactorEnabled');
      return codes;
    },

    /**
     * Turns two-factor sign-in off once the member proves it is them with the password or a
     * current code. Staff cannot: their role requires it.
     */
    async disable(userId: number, confirmation: string): Promise<void> {
      const user = await liveUser(userId);
      if (isStaff(user.role)) throw new ForbiddenError('Two-factor sign-in is required for staff');
      if (!confirmation) throw new ValidationError({ confirmation: 'twoFactor.errors.confirmationRequired' });
      const confirmed = looksLikeTotpCode(confirmation)
        ? await acceptTotp(userId, confirmation)
        : await passwordIsRight(userId, confirmation);
      if (!confirmed) throw new ValidationError({ confirmation: 'twoFactor.errors.confirmationWrong' });
      await db.transaction().execute(async (trx) => {
        await twoFactorQueries.deleteTwoFactor(trx, userId);
        await insertAuditEntry(trx, { actorId: userId, action: TWO_FACTOR_DISABLED, subject: accountSubject(userId), details: {} });
      });
      await mailSecurityChange(deps, userId, 'twoFactorDisabled');
    },

    /**
     * Turns two-factor sign-in off without the member, for an operator at the command line when
     * the phone and the recovery codes are both lost. Audited as done by the system; the member
     * is mailed, and a staff member is asked to set it up again at the next sign-in.
     */
    async resetByOperator(userId: number): Promise<boolean> {
      const removed = await db.transaction().execute(async (trx) => {
        if (!(await twoFactorQueries.findTwoFactor(trx, userId))) return false;
        await twoFactorQueries.deleteTwoFactor(trx, userId);
        await insertAuditEntry(trx, { actorId: null, action: TWO_FACTOR_DISABLED, subject: accountSubject(userId), details: {} });
        return true;
      });
      if (removed) await mailSecurityChange(deps, userId, 'twoFactorDisabled');
      return removed;
    },

    /** Checks the second step of a sign-in: a code from the app, or a recovery code (used up). */
    async checkSecondFactor(userId: number, input: string): Promise<SecondFactor | null> {
      if (!input.trim()) return null;
      if (looksLikeTotpCode(input)) return (await acceptTotp(userId, input)) ? 'totp' : null;
      if (!(await isEnabled(userId))) return null;
      const used = await db.transaction().execute(async (trx) => {
        if (!(await twoFactorQueries.consumeRecoveryCode(trx, userId, hashRecoveryCode(input)))) return false;
        const left = await twoFactorQueries.countUnusedRecoveryCodes(trx, userId);
        await insertAuditEntry(trx, { actorId: userId, action: RECOVERY_CODE_USED, subject: accountSubject(userId), details: { left } });
        return true;
      });
      if (!used) return null;
      // A recovery code stands in for the phone: its owner hears of it, in case it was not them.
      await mailSecurityChange(deps, userId, 'recoveryCodeUsed');
      return 'recovery_code';
    },

    /**
     * Remembers the device a member signed in from and writes the audit log when the account
     * has not signed in from it before. Only a hash of the user agent and address is kept.
     */
    async noteSignIn(userId: number, device: SignInDevice): Promise<{ newDevice: boolean }> {
      const deviceHash = hashToken(`device:${device.userAgent}\n${device.address}`);
      return db.transaction().execute(async (trx) => {
        const newDevice = await twoFactorQueries.rememberDevice(trx, userId, deviceHash);
        if (newDevice) {
          const { browser, system } = describeUserAgent(device.userAgent);
          await insertAuditEntry(trx, {
            actorId: userId,
            action: SIGNED_IN_NEW_DEVICE,
            subject: accountSubject(userId),
            details: { browser, system },
          });
        }
        return { newDevice };
      });
    },
  };
}

export type TwoFactorService = ReturnType<typeof twoFactorService>;
