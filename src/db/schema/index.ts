import type { AttachmentsTable } from './attachments.ts';
import type {
  KnownDevicesTable,
  SessionsTable,
  SingleUseLinksTable,
  SignInChallengesTable,
  TwoFactorRecoveryCodesTable,
  TwoFactorTable,
  UsersTable,
} from './accounts.ts';
import type { AuditLogTable, OutboxTable, RateLimitsTable } from './platform.ts';
import type {
  ContentFlagsTable,
  PracticeLinksTable,
  PracticeOrganisationsTable,
  PracticeReviewsTable,
  PracticesTable,
  SearchMissSaltsTable,
  SearchMissesTable,
} from './practices.ts';
import type { CommentsTable, PendingChangesTable, RatingTotalsTable, RatingsTable, RevisionsTable, SmallCorrectionsTable } from './engagement.ts';
import type { SearchDocumentsTable, SearchFacetCountsTable, SearchGenerationsTable } from './search.ts';
import type { ResourcePracticesTable, ResourcesTable } from './resources.ts';
import type { CitiesTable, TaxonomyTermsTable } from './taxonomies.ts';
import type { ContentEventsTable, FollowsTable, NotificationsTable } from './follows.ts';
import type { CityKeepersTable, CityProfilesTable } from './worldwide.ts';
import type { OrganisationItemsTable, OrganisationMembersTable, OrganisationsTable } from './organisations.ts';
import type { ConversationsTable, MemberBlocksTable, MessagesTable } from './messages.ts';
import type { PartnershipsTable } from './partnerships.ts';
import type { EventOccurrencesTable, EventRegistrationsTable, EventRemindersTable, EventsTable } from './events.ts';

/** Every table the app reads or writes, one file per aggregate. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  single_use_links: SingleUseLinksTable;
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
  attachments: AttachmentsTable;
  revisions: RevisionsTable;
  pending_changes: PendingChangesTable;
  small_corrections: SmallCorrectionsTable;
  practice_reviews: PracticeReviewsTable;
  comments: CommentsTable;
  ratings: RatingsTable;
  rating_totals: RatingTotalsTable;
  content_flags: ContentFlagsTable;
  search_misses: SearchMissesTable;
  search_miss_salts: SearchMissSaltsTable;
  resources: ResourcesTable;
  events: EventsTable;
  event_occurrences: EventOccurrencesTable;
  event_registrations: EventRegistrationsTable;
  event_reminders: EventRemindersTable;
  resource_practices: ResourcePracticesTable;
  search_documents: SearchDocumentsTable;
  search_facet_counts: SearchFacetCountsTable;
  search_generations: SearchGenerationsTable;
  follows: FollowsTable;
  content_events: ContentEventsTable;
  notifications: NotificationsTable;
  city_keepers: CityKeepersTable;
  city_profiles: CityProfilesTable;
  organisations: OrganisationsTable;
  organisation_members: OrganisationMembersTable;
  organisation_items: OrganisationItemsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  member_blocks: MemberBlocksTable;
  partnerships: PartnershipsTable;
}
