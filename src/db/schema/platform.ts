import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface OutboxTable {
  id: Generated<number>;
  recipient: string;
  subject: string;
  body: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: Date;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject: string;
  details: JSONColumnType<Record<string, string | number | boolean | null>>;
  created_at: ColumnType<Date, Date | undefined, never>;
}
