import type { ColumnType, Generated } from 'kysely';

export type OrganisationRole = 'manager' | 'member';
export type MembershipStatus = 'requested' | 'active';

export interface OrganisationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  stakeholder_type: string | null;
  countries: ColumnType<string[], string[] | undefined, string[]>;
  website: string | null;
  search_text: ColumnType<string, string | undefined, string>;
  created_by: number | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface OrganisationMembersTable {
  organisation_id: number;
  user_id: number;
  role: ColumnType<OrganisationRole, OrganisationRole | undefined, OrganisationRole>;
  status: ColumnType<MembershipStatus, MembershipStatus | undefined, MembershipStatus>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface OrganisationItemsTable {
  organisation_id: number;
  kind: string;
  subject_id: number;
  added_by: number | null;
  added_at: ColumnType<Date, Date | undefined, never>;
}
