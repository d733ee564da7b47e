import { hashToken, newToken } from '../../lib/tokens.ts';
import { consumeLink, expireLinks, issueLink, liveLinkSubject } from '../../platform/single-use-links.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { ROLES, type Role, type TokenPurpose } from '../../db/schema/accounts.ts';
import { isLocale, translator, type Locale } from '../../platform/i18n.ts';
import { hashPassword, passwordProblem, verifyDecoy, verifyPassword } from '../../platform/passwords.ts';
import { isCountryCode } from '../../lib/countries.ts';
import { isStakeholderType } from '../../lib/stakeholders.ts';
import { isEmailAddress, normaliseEmail, slugify } from '../../lib/text.ts';
import * as queries from './queries.ts';
import { mailSecurityChange } from './security-mail.ts';
import * as twoFactorQueries from './two-factor-queries.ts';
import { twoFactorService, type SecondFactor, type SignInDevice } from './two-factor-service.ts';

const VERIFY_EMAIL_TTL_MS = 48 * 60 * 60 * 1000;
const RESET_PASSWORD_TTL_MS = 60 * 60 * 1000;
/** Time to open the authenticator app and type a code, after the password was right. */
export const SIGN_IN_CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Wrong codes allowed before the password must be entered again. */
const SIGN_IN_CHALLENGE_ATTEMPTS = 5;
export const NAME_MAX_LENGTH = 120;
export const ORGANISATION_MAX_LENGTH = 200;

export interface RegistrationInput {
  name: string;
  email: string;
  password: string;
  organisation: string;
  stakeholderType: string;
  country: string;
}

export interface ProfileInput {
  name: string;
  organisation: string;
  stakeholderType: string;
  country: string;
}

type Errors = Record<string, string>;

/** Checks the profile fields shared by registration and profile editing. */
export function profileErrors(input: ProfileInput): Errors {
  const errors: Errors = {};
  if (!input.name.trim()) errors.name = 'accounts.errors.nameRequired';
  else if (input.name.trim().length > NAME_MAX_LENGTH) errors.name = 'accounts.errors.nameTooLong';
  if (input.organisation.trim().length > ORGANISATION_MAX_LENGTH) errors.organisation = 'accounts.errors.organisationTooLong';
  if (input.stakeholderType && !isStakeholderType(input.stakeholderType)) errors.stakeholderType = 'accounts.errors.stakeholderTypeInvalid';
  if (input.country && !isCountryCode(input.country)) errors.country = 'accounts.errors.countryInvalid';
  return errors;
}

export function profileColumns(input: ProfileInput) {
  return {
    name: input.name.trim(),
    organisation: input.organisation.trim() || null,
    stakeholderType: input.stakeholderType || null,
    country: input.country || null,
  };
}

export function throwIfAny(errors: Errors): void {
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

export interface NewAccountInput extends RegistrationInput {
  role: string;
}

export type SignInResult =
  | { outcome: 'signed_in'; userId: number }
  /** The password was right; the account asks for a code next. `challenge` goes in a cookie. */
  | { outcome: 'second_factor'; challenge: string }
  | { outcome: 'unverified' }
  | { outcome: 'refused' };

export type SecondStepResult =
  | { outcome: 'signed_in'; userId: number; via: SecondFactor }
  | { outcome: 'wrong' }
  /** No pending sign-in (expired, unknown, or too many wrong codes): start again with the password. */
  | { outcome: 'start_again' };

export function accountService(deps: AppDeps) {
  const { db, mailer, config } = deps;
  const twoFactor = twoFactorService(deps);
  const link = (locale: Locale, path: string) => new URL(`/${locale}${path}`, config.baseUrl).toString();

  async function uniqueHandle(name: string): Promise<string> {
    const base = slugify(name, 40) || 'member';
    for (let attempt = 0; ; attempt += 1) {
      const candidate = attempt === 0 ? base : `${base}-${Math.floor(Math.random() * 10 ** (2 + Math.min(attempt, 6)))}`;
      if (!(await queries.handleIsTaken(db, candidate))) return candidate;
    }
  }

  function issueToken(userId: number, purpose: TokenPurpose, ttlMs: number, executor: queries.Executor = db): Promise<string> {
    return issueLink(executor, { purpose, subject: { kind: 'user', id: userId }, ttlMs });
  }

  async function sendVerification(user: { id: number; email: string; name: string }, locale: Locale, issued?: string) {
    const t = translator(locale);
    const token = issued ?? (await issueToken(user.id, 'verify_email', VERIFY_EMAIL_TTL_MS));
    await mailer.send({
      to: user.email,
      subject: t('accounts.mail.verify.subject'),
      text: t('accounts.mail.verify.body', { name: user.name, link: link(locale, `/verify-email?token=${token}`) }),
    });
  }

  function registrationErrors(input: RegistrationInput, email: string): Errors {
    // In the order the form shows its fields, so the error summary reads top to bottom.
    const errors: Errors = {};
    if (!email) errors.email = 'accounts.errors.emailRequired';
    else if (!isEmailAddress(email)) errors.email = 'accounts.errors.emailInvalid';
    const problem = passwordProblem(input.password);
    if (problem) errors.password = problem;
    return { ...errors, ...profileErrors(input) };
  }

  const challengeOwner = async (challenge: string) => (await twoFactorQueries.findLiveChallenge(db, hashToken(challenge)))?.user_id;
  const resetLinkOwner = (token: string) => liveLinkSubject(db, 'reset_password', 'user', token);

  return {
    /**
     * Creates an unverified account and mails a confirmation link. When the email is already
     * registered the owner is told by mail instead, and the caller sees the same outcome, so the
     * form never reveals who has an account.
     */
    async register(input: RegistrationInput, locale: Locale): Promise<void> {
      const email = normaliseEmail(input.email);
      throwIfAny(registrationErrors(input, email));

      const profile = profileColumns(input);
      const account = {
        ...profile,
        handle: await uniqueHandle(profile.name),
        email,
        passwordHash: await hashPassword(input.password),
        locale,
      };
      // The account and its confirmation link commit together: a crash between the two would
      // leave an account that no link can confirm.
      const created = await db.transaction().execute(async (trx) => {
        const id = await queries.insertUser(trx, account);
        return id === undefined ? undefined : { id, token: await issueToken(id, 'verify_email', VERIFY_EMAIL_TTL_MS, trx) };
      });
      if (created === undefined) {
        const t = translator(locale);
        await mailer.send({
          to: email,
          subject: t('accounts.mail.alreadyRegistered.subject'),
          text: t('accounts.mail.alreadyRegistered.body', {
            signIn: link(locale, '/login'),
            reset: link(locale, '/forgot-password'),
          }),
        });
        return;
      }
      await sendVerification({ id: created.id, email, name: profile.name }, locale, created.token);
    },

    /** Creates a confirmed account with a role: for the command line and the demo content. */
    async createAccount(input: NewAccountInput, locale: Locale = 'en'): Promise<{ id: number; handle: string }> {
      const email = normaliseEmail(input.email);
      const errors = registrationErrors(input, email);
      if (!(ROLES as readonly string[]).includes(input.role)) errors.role = 'accounts.errors.roleInvalid';
      throwIfAny(errors);
      const profile = profileColumns(input);
      const handle = await uniqueHandle(profile.name);
      const id = await queries.insertUser(db, {
        ...profile,
        handle,
        email,
        passwordHash: await hashPassword(input.password),
        locale,
      });
      if (id === undefined) throw new ConflictError(`An account already uses ${email}`);
      await queries.markEmailVerified(db, id);
      await queries.setRole(db, id, input.role as Role);
      return { id, handle };
    },

    async hasAnyAccount(): Promise<boolean> {
      return (await queries.countUsers(db)) > 0;
    },

    /** True when the link confirmed an address (now or before); false for a dead link. */
    async verifyEmail(token: string): Promise<boolean> {
      const userId = await consumeLink(db, 'verify_email', 'user', token);
      if (userId === undefined) return false;
      await queries.markEmailVerified(db, userId);
      return true;
    },

    /** Checks credentials in constant-ish time; an unverified account gets a fresh link. */
    async signIn(emailInput: string, password: string): Promise<SignInResult> {
      const user = await queries.findUserByEmail(db, normaliseEmail(emailInput));
      if (!user?.password_hash || !user.email || !user.name) {
        await verifyDecoy(password);
        return { outcome: 'refused' };
      }
      if (!(await verifyPassword(user.password_hash, password))) return { outcome: 'refused' };
      if (!user.email_verified_at) {
        await expireLinks(db, 'verify_email', { kind: 'user', id: user.id });
        await sendVerification({ id: user.id, email: user.email, name: user.name }, isLocale(user.locale) ? user.locale : 'en');
        return { outcome: 'unverified' };
      }
      if (await twoFactor.isEnabled(user.id)) {
        const challenge = newToken();
        await twoFactorQueries.insertChallenge(db, {
          tokenHash: hashToken(challenge),
          userId: user.id,
          expiresAt: new Date(Date.now() + SIGN_IN_CHALLENGE_TTL_MS),
        });
        return { outcome: 'second_factor', challenge };
      }
      return { outcome: 'signed_in', userId: user.id };
    },

    /** Is there a pending sign-in waiting for its code? */
    async challengeIsLive(challenge: string): Promise<boolean> {
      return (await challengeOwner(challenge)) !== undefined;
    },

    /** The account a pending sign-in belongs to, so that codes tried against it are counted per account. */
    challengeOwner,

    /**
     * The second step of a sign-in: a code from the authenticator app or a recovery code. A few
     * wrong codes end the pending sign-in, so guessing needs the password again each time.
     */
    async completeSignIn(challenge: string, code: string): Promise<SecondStepResult> {
      const tokenHash = hashToken(challenge);
      const pending = await twoFactorQueries.findLiveChallenge(db, tokenHash);
      if (!pending) return { outcome: 'start_again' };
      const via = await twoFactor.checkSecondFactor(pending.user_id, code);
      if (via === null) {
        const attempts = await twoFactorQueries.countFailedAttempt(db, tokenHash);
        if (attempts < SIGN_IN_CHALLENGE_ATTEMPTS) return { outcome: 'wrong' };
        await twoFactorQueries.deleteChallenge(db, tokenHash);
        return { outcome: 'start_again' };
      }
      await twoFactorQueries.deleteChallenge(db, tokenHash);
      return { outcome: 'signed_in', userId: pending.user_id, via };
    },

    /** For the command line: turns two-factor sign-in off for a locked-out member. False when it was off. */
    async resetTwoFactor(emailInput: string): Promise<boolean> {
      const user = await queries.findUserByEmail(db, normaliseEmail(emailInput));
      if (!user) throw new NotFoundError(`No account uses ${emailInput}`);
      return twoFactor.resetByOperator(user.id);
    },

    /** Writes the audit log when a member signs in from a device the account has not used. */
    noteSignIn(userId: number, device: SignInDevice) {
      return twoFactor.noteSignIn(userId, device);
    },

    /** Mails a single-use reset link when the address belongs to an account; silent otherwise. */
    async requestPasswordReset(emailInput: string, locale: Locale): Promise<void> {
      const email = normaliseEmail(emailInput);
      if (!email) throw new ValidationError({ email: 'accounts.errors.emailRequired' });
      if (!isEmailAddress(email)) throw new ValidationError({ email: 'accounts.errors.emailInvalid' });
      const user = await queries.findUserByEmail(db, email);
      if (!user?.email) return;
      await expireLinks(db, 'reset_password', { kind: 'user', id: user.id });
      const token = await issueToken(user.id, 'reset_password', RESET_PASSWORD_TTL_MS);
      const t = translator(locale);
      await mailer.send({
        to: user.email,
        subject: t('accounts.mail.reset.subject'),
        text: t('accounts.mail.reset.body', { link: link(locale, `/reset-password?token=${token}`), minutes: 60 }),
      });
    },

    async isResetTokenLive(token: string): Promise<boolean> {
      return (await resetLinkOwner(token)) !== undefined;
    },

    /** The account a live reset link is for, so that its uses are counted per account. */
    resetLinkOwner,

    /**
     * Sets a new password from a reset link, which then stops working; every session of the
     * account ends, since whoever knew the old password may hold one. False for a dead link.
     */
    async resetPassword(token: string, password: string): Promise<boolean> {
      const problem = passwordProblem(password);
      if (problem) throw new ValidationError({ password: problem });
      const passwordHash = await hashPassword(password);
      const userId = await db.transaction().execute(async (trx) => {
        const owner = await consumeLink(trx, 'reset_password', 'user', token);
        if (owner === undefined) return false;
        await queries.setPasswordHash(trx, owner, passwordHash);
        // The reset link proved the member reads this mailbox.
        await queries.markEmailVerified(trx, owner);
        await queries.deleteSessionsOf(trx, owner);
        return owner;
      });
      if (userId === false) return false;
      await mailSecurityChange(deps, userId, 'password');
      return true;
    },
  };
}

export type AccountService = ReturnType<typeof accountService>;
