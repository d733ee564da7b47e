import type {
  AccountTokensTable,
  KnownDevicesTable,
  SessionsTable,
  SignInChallengesTable,
  TwoFactorRecoveryCodesTable,
  TwoFactorTable,
  UsersTable,
} from './accounts.ts';
import type { AuditLogTable, OutboxTable, RateLimitsTable } from './platform.ts';
import type {
  ContentFlagsTable,
  PracticeAttachmentsTable,
  PracticeConfirmationRequestsTable,
  PracticeCommentsTable,
  PracticeLinksTable,
  PracticeOrganisationsTable,
  PracticeRatingsTable,
  PracticeReviewsTable,
  PracticeRevisionsTable,
  PracticesTable,
  SearchMissesTable,
} from './practices.ts';
import type { CitiesTable, TaxonomyTermsTable } from './taxonomies.ts';

/** Every table the app reads or writes, one file per aggregate. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  two_factor: TwoFactorTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  sign_in_challenges: SignInChallengesTable;
  known_devices: KnownDevicesTable;
  outbox: OutboxTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  taxonomy_terms: TaxonomyTermsTable;
  cities: CitiesTable;
  practices: PracticesTable;
  practice_organisations: PracticeOrganisationsTable;
  practice_links: PracticeLinksTable;
  practice_attachments: PracticeAttachmentsTable;
  practice_revisions: PracticeRevisionsTable;
  practice_reviews: PracticeReviewsTable;
  practice_ratings: PracticeRatingsTable;
  practice_comments: PracticeCommentsTable;
  practice_confirmation_requests: PracticeConfirmationRequestsTable;
  content_flags: ContentFlagsTable;
  search_misses: SearchMissesTable;
}
