import type { ColumnType } from 'kysely';

export type KeeperStatus = 'requested' | 'approved' | 'declined';

export interface CityKeepersTable {
  city_id: number;
  user_id: number;
  status: ColumnType<KeeperStatus, KeeperStatus | undefined, KeeperStatus>;
  note: ColumnType<string, string | undefined, string>;
  requested_at: ColumnType<Date, Date | undefined, Date>;
  decided_by: number | null;
  decided_at: Date | null;
}

export interface CityProfilesTable {
  city_id: number;
  integration_office: ColumnType<string, string | undefined, string>;
  contact: ColumnType<string, string | undefined, string>;
  approach: ColumnType<string, string | undefined, string>;
  links: ColumnType<string[], string[] | undefined, string[]>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
