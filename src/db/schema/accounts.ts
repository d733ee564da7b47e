import type { ColumnType, Generated } from 'kysely';

export const ROLES = ['member', 'editor', 'chair', 'lab_coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles that act on other people's content or accounts: they must sign in with a second factor
 * and their sessions end sooner (see platform/sessions.ts).
 */
export const STAFF_ROLES = ['editor', 'chair', 'lab_coordinator', 'admin'] as const satisfies readonly Role[];

export function isStaff(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export interface UsersTable {
  id: Generated<number>;
  handle: string;
  email: string | null;
  name: string | null;
  password_hash: string | null;
  organisation: string | null;
  stakeholder_type: string | null;
  country: string | null;
  bio: string | null;
  job_title: string | null;
  city_id: number | null;
  expertise_ids: ColumnType<number[], number[] | undefined, number[]>;
  languages_spoken: ColumnType<string[], string[] | undefined, string[]>;
  website: string | null;
  /** An IANA time zone: every time shown to the member is in it. */
  time_zone: ColumnType<string, string | undefined, string>;
  /** The profile fields the member chose to show (see features/community); none until they choose. */
  public_fields: ColumnType<string[], string[] | undefined, string[]>;
  /** In the community directory. */
  listed: ColumnType<boolean, boolean | undefined, boolean>;
  /** What the directory matches and filters on, built from the public fields only. */
  directory_text: string | null;
  directory_facets: ColumnType<string[], string[] | undefined, string[]>;
  digest_frequency: ColumnType<DigestFrequency, DigestFrequency | undefined, DigestFrequency>;
  /** Mail at once for what concerns the member directly (replies, messages). */
  notice_mails: ColumnType<boolean, boolean | undefined, boolean>;
  /** Kept by triggers (migration 030). */
  unread_notifications: ColumnType<number, never, never>;
  follows_version: ColumnType<number, never, never>;
  role: ColumnType<Role, Role | undefined, Role>;
  locale: ColumnType<string, string | undefined, string>;
  email_verified_at: Date | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  deleted_at: Date | null;
}

export interface SessionsTable {
  id_hash: string;
  /** Names the session on pages and in forms; unlike the cookie, it signs nobody in. */
  public_id: ColumnType<string, string | undefined, never>;
  user_id: number;
  user_agent: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
}

export type TokenPurpose = 'verify_email' | 'reset_password';

/** Single-use links of every purpose (platform/single-use-links.ts); only the token's hash is kept. */
export interface SingleUseLinksTable {
  token_hash: string;
  purpose: string;
  subject_kind: string;
  subject_id: number;
  recipient: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  expires_at: Date;
  used_at: Date | null;
}

export interface TwoFactorTable {
  user_id: number;
  /** Encrypted with a key derived from SESSION_SECRET (lib/sealed-box.ts). */
  secret_sealed: string;
  enabled_at: Date | null;
  last_used_step: number | null;
  created_at: CreatedAt;
}

export interface TwoFactorRecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Date | null;
}

export interface SignInChallengesTable {
  token_hash: string;
  user_id: number;
  failed_attempts: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface KnownDevicesTable {
  user_id: number;
  device_hash: string;
  first_seen_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
}
