import type { ColumnType, Generated } from 'kysely';

export const PARTNERSHIP_KINDS = ['offer', 'request'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];
export type PartnershipStatus = 'open' | 'closed';

export interface PartnershipsTable {
  id: Generated<number>;
  kind: PartnershipKind;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  countries: ColumnType<string[], string[] | undefined, string[]>;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  practice_ids: ColumnType<number[], number[] | undefined, number[]>;
  author_id: number | null;
  status: ColumnType<PartnershipStatus, PartnershipStatus | undefined, PartnershipStatus>;
  search_text: ColumnType<string, string | undefined, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  closed_at: Date | null;
}
