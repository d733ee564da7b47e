import type { AccountTokensTable, SessionsTable, UsersTable } from './accounts.ts';
import type { AuditLogTable, OutboxTable, RateLimitsTable } from './platform.ts';

/** Every table the app reads or writes, one file per aggregate. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  outbox: OutboxTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
}
