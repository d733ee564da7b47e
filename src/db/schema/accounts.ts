import type { ColumnType, Generated } from 'kysely';

export const ROLES = ['member', 'editor', 'chair', 'lab_coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

type CreatedAt = ColumnType<Date, Date | undefined, never>;

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
