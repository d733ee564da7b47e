import { expireLinks } from '../../platform/single-use-links.ts';
import type { Role } from '../../db/schema/accounts.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../platform/passwords.ts';
import type { DataSubject, ExportedRow, PersonalDataRegistry } from '../../platform/personal-data.ts';
import * as queries from './queries.ts';
import { mailSecurityChange } from './security-mail.ts';
import { profileColumns, profileErrors, throwIfAny, type ProfileInput } from './service.ts';

/** What the account page shows about the member. */
export interface AccountProfile {
  handle: string;
  name: string;
  email: string;
  organisation: string | null;
  stakeholderType: string | null;
  country: string | null;
  role: Role;
  createdAt: Date;
}

/** A session as the member may see it: a public id to end it by, never the cookie or its hash. */
export interface AccountSession {
  publicId: string;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
  isCurrent: boolean;
}

export interface AccountOverview {
  profile: AccountProfile;
  sessions: AccountSession[];
}

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
}

/**
 * What the member wrote or did in other parts of the site, one section per table of the
 * personal-data registry (practices, comments, ratings, reports, revisions…).
 */
export interface ExportedContent {
  readonly [section: string]: readonly ExportedRow[];
}

/** "Download your data": everything personal we hold about the member, and no secret. */
export interface AccountExport {
  format: 'bridges-account-export';
  version: 1;
  exportedAt: string;
  account: {
    handle: string;
    email: string | null;
    name: string | null;
    organisation: string | null;
    stakeholderType: string | null;
    country: string | null;
    bio: string | null;
    jobTitle: string | null;
    cityId: number | null;
    expertiseIds: number[];
    languagesSpoken: string[];
    website: string | null;
    publicFields: string[];
    listedInDirectory: boolean;
    timeZone: string;
    locale: string;
    role: Role;
    emailVerifiedAt: string | null;
    createdAt: string;
    updatedAt: string;
  };
  sessions: {
    createdAt: string;
    lastSeenAt: string;
    expiresAt: string;
    userAgent: string;
    thisDevice: boolean;
  }[];
  content: ExportedContent;
}

function dataSubjectOf(user: { id: number; email: string; name: string }): DataSubject {
  return { userId: user.id, email: user.email, name: user.name };
}

/** Who is asking: the member, and the session (by cookie hash) the request came with. */
export interface Requester {
  userId: number;
  sessionIdHash: string | null;
}

/**
 * The signed-in member's own account: profile, password, sessions, export and deletion. The
 * export's content and the deletion come from the personal-data registry, which every area fills.
 */
export function accountPageService(deps: AppDeps, personalData: PersonalDataRegistry) {
  const { db } = deps;
  async function liveUser(userId: number) {
    const user = await queries.findUserById(db, userId);
    // Routes only call this for a signed-in member, whose row is live: anything else is a bug.
    if (!user?.email || !user.name) throw new NotFoundError(`No live account ${userId}`);
    return { ...user, email: user.email, name: user.name };
  }

  /**
   * The translation key of what is wrong with the password the member typed to prove it is
   * them, or null when it is right. Guards the changes a stolen session must not make alone.
   */
  async function currentPasswordProblem(userId: number, password: string): Promise<string | null> {
    if (!password) return 'accountPage.errors.currentPasswordRequired';
    const user = await liveUser(userId);
    if (!user.password_hash || !(await verifyPassword(user.password_hash, password))) {
      return 'accountPage.errors.currentPasswordWrong';
    }
    return null;
  }

  return {
    async overview({ userId, sessionIdHash }: Requester): Promise<AccountOverview> {
      const [user, sessions] = await Promise.all([liveUser(userId), queries.listLiveSessions(db, userId, sessionIdHash)]);
      return {
        profile: {
          handle: user.handle,
          name: user.name,
          email: user.email,
          organisation: user.organisation,
          stakeholderType: user.stakeholder_type,
          country: user.country,
          role: user.role,
          createdAt: user.created_at,
        },
        sessions: sessions.map((session) => ({
          publicId: session.public_id,
          userAgent: session.user_agent,
          createdAt: session.created_at,
          lastSeenAt: session.last_seen_at,
          isCurrent: session.is_current,
        })),
      };
    },

    async updateProfile(userId: number, input: ProfileInput): Promise<void> {
      throwIfAny(profileErrors(input));
      await queries.updateProfile(db, userId, profileColumns(input));
    },

    /**
     * Sets a new password once the current one is proven. Every other session ends, since
     * whoever knew the old password may hold one; the member stays signed in here.
     */
    async changePassword({ userId, sessionIdHash }: Requester, input: PasswordChangeInput): Promise<void> {
      const errors: Record<string, string> = {};
      const currentProblem = await currentPasswordProblem(userId, input.currentPassword);
      if (currentProblem) errors.currentPassword = currentProblem;
      const newProblem = passwordProblem(input.newPassword);
      // The shared policy says "Enter your password", which reads wrong under "New password".
      if (newProblem) errors.newPassword = input.newPassword ? newProblem : 'accountPage.errors.newPasswordRequired';
      throwIfAny(errors);

      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await queries.setPasswordHash(trx, userId, passwordHash);
        await expireLinks(trx, 'reset_password', { kind: 'user', id: userId });
        await queries.deleteSessionsOf(trx, userId, sessionIdHash ?? undefined);
      });
      await mailSecurityChange(deps, userId, 'password');
    },

    /**
     * Ends one of the member's own sessions. Another member's id, or an unknown one, changes
     * nothing and is reported as not found, so ids cannot be probed. Tells whether the session
     * ended was the one making the request.
     */
    async revokeSession({ userId, sessionIdHash }: Requester, publicId: string): Promise<{ wasCurrent: boolean }> {
      const deleted = publicId ? await queries.deleteOwnSession(db, userId, publicId, sessionIdHash) : undefined;
      if (!deleted) throw new NotFoundError('No such session');
      return { wasCurrent: deleted.is_current };
    },

    async exportData({ userId, sessionIdHash }: Requester): Promise<AccountExport> {
      const [user, sessions] = await Promise.all([liveUser(userId), queries.listLiveSessions(db, userId, sessionIdHash)]);
      const content = await personalData.exportContent(db, dataSubjectOf(user));
      return {
        format: 'bridges-account-export',
        version: 1,
        exportedAt: new Date().toISOString(),
        account: {
          handle: user.handle,
          email: user.email,
          name: user.name,
          organisation: user.organisation,
          stakeholderType: user.stakeholder_type,
          country: user.country,
          bio: user.bio,
          jobTitle: user.job_title,
          cityId: user.city_id,
          expertiseIds: user.expertise_ids,
          languagesSpoken: user.languages_spoken,
          website: user.website,
          publicFields: user.public_fields,
          listedInDirectory: user.listed,
          timeZone: user.time_zone,
          locale: user.locale,
          role: user.role,
          emailVerifiedAt: user.email_verified_at?.toISOString() ?? null,
          createdAt: user.created_at.toISOString(),
          updatedAt: user.updated_at.toISOString(),
        },
        sessions: sessions.map((session) => ({
          createdAt: session.created_at.toISOString(),
          lastSeenAt: session.last_seen_at.toISOString(),
          expiresAt: session.expires_at.toISOString(),
          userAgent: session.user_agent,
          thisDevice: session.is_current,
        })),
        content,
      };
    },

    /**
     * Deletes the account once the password is proven: every registered table erases or
     * anonymises the member's rows and the account row is stripped but kept (published content
     * stays, shown as by a deleted member), all in one transaction so that no half-deleted
     * account can remain. The caller signs the request out.
     */
    async deleteAccount(userId: number, password: string): Promise<void> {
      const problem = await currentPasswordProblem(userId, password);
      if (problem) throw new ValidationError({ currentPassword: problem });
      await personalData.erase(db, dataSubjectOf(await liveUser(userId)), { dataDir: deps.config.dataDir });
    },
  };
}

export type AccountPageService = ReturnType<typeof accountPageService>;
