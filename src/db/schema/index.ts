import type { AccountTokensTable, SessionsTable, UsersTable } from './accounts.ts';
import type { AuditLogTable, OutboxTable, RateLimitsTable } from './platform.ts';
import type {
  ContentFlagsTable,
  PracticeAttachmentsTable,
  PracticeConfirmationRequestsTable,
  PracticeLinksTable,
  PracticeOrganisationsTable,
  PracticeReviewsTable,
  PracticesTable,
  SearchMissesTable,
} from './practices.ts';
import type { CommentsTable, RatingTotalsTable, RatingsTable, RevisionsTable } from './engagement.ts';
import type { SearchDocumentsTable, SearchFacetCountsTable, SearchGenerationsTable } from './search.ts';
import type { CitiesTable, TaxonomyTermsTable } from './taxonomies.ts';

/** Every table the app reads or writes, one file per aggregate. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  outbox: OutboxTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  taxonomy_terms: TaxonomyTermsTable;
  cities: CitiesTable;
  practices: PracticesTable;
  practice_organisations: PracticeOrganisationsTable;
  practice_links: PracticeLinksTable;
  practice_attachments: PracticeAttachmentsTable;
  revisions: RevisionsTable;
  practice_reviews: PracticeReviewsTable;
  comments: CommentsTable;
  ratings: RatingsTable;
  rating_totals: RatingTotalsTable;
  practice_confirmation_requests: PracticeConfirmationRequestsTable;
  content_flags: ContentFlagsTable;
  search_misses: SearchMissesTable;
  search_documents: SearchDocumentsTable;
  search_facet_counts: SearchFacetCountsTable;
  search_generations: SearchGenerationsTable;
}
