import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export const PRACTICE_STATUSES = ['draft', 'submitted', 'in_review', 'changes_requested', 'published', 'declined', 'archived'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

export const EVIDENCE_LEVELS = ['none', 'self_assessment', 'internal', 'external', 'impact'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export const SCALES = ['local', 'regional', 'national', 'transnational'] as const;
export type Scale = (typeof SCALES)[number];

type Timestamp = ColumnType<Date, Date | undefined, Date>;
type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** numeric arrives from pg as a string, to keep its precision. */
type Numeric = ColumnType<string, string | number, string | number>;

export interface PracticesTable {
  id: Generated<number>;
  slug: string;
  status: ColumnType<PracticeStatus, PracticeStatus | undefined, PracticeStatus>;
  author_id: number | null;
  version: ColumnType<number, number | undefined, number>;

  title: string;
  summary: ColumnType<string, string | undefined, string>;
  background: ColumnType<string, string | undefined, string>;
  activities: ColumnType<string, string | undefined, string>;
  participants: ColumnType<string, string | undefined, string>;
  people_reached: number | null;
  outcomes: ColumnType<string, string | undefined, string>;
  evaluation: ColumnType<string, string | undefined, string>;
  evidence_level: ColumnType<EvidenceLevel, EvidenceLevel | undefined, EvidenceLevel>;
  recommendations: ColumnType<string, string | undefined, string>;

  scale: Scale | null;
  city_id: number | null;
  countries: ColumnType<string[], string[] | undefined, string[]>;
  regions: ColumnType<string[], string[] | undefined, string[]>;
  term_ids: ColumnType<number[], number[] | undefined, number[]>;
  start_date: ColumnType<Date | null, Date | string | null, Date | string | null>;
  end_date: ColumnType<Date | null, Date | string | null, Date | string | null>;
  ongoing: ColumnType<boolean, boolean | undefined, boolean>;
  funding_source: ColumnType<string, string | undefined, string>;
  budget_amount: Numeric | null;
  budget_currency: string | null;

  contact_name: string | null;
  contact_email: string | null;
  contact_public: ColumnType<boolean, boolean | undefined, boolean>;

  language: ColumnType<string, string | undefined, string>;
  adapted_from_id: number | null;
  last_confirmed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  featured_at: Date | null;

  created_at: CreatedAt;
  updated_at: Timestamp;
  submitted_at: Date | null;
  published_at: Date | null;
}

export interface PracticeOrganisationsTable {
  id: Generated<number>;
  practice_id: number;
  role: 'implementing' | 'partner';
  name: string;
  stakeholder_type: string | null;
  position: ColumnType<number, number | undefined, number>;
}

export interface PracticeLinksTable {
  id: Generated<number>;
  practice_id: number;
  url: string;
  label: ColumnType<string, string | undefined, string>;
  position: ColumnType<number, number | undefined, number>;
}

export interface RubricEntry {
  criterion: string;
  score: number;
  comment: string;
}

export interface PracticeReviewsTable {
  id: Generated<number>;
  practice_id: number;
  reviewer_id: number | null;
  decision: 'request_changes' | 'publish' | 'decline';
  rubric: JSONColumnType<RubricEntry[]>;
  message: ColumnType<string, string | undefined, string>;
  version: number;
  created_at: CreatedAt;
}

export interface ContentFlagsTable {
  id: Generated<number>;
  subject: string;
  /** The kind and id in `subject` when it names an item or comment (`practice:12`, `comment:7`). */
  subject_kind: ColumnType<string | null, never, never>;
  subject_id: ColumnType<number | null, never, never>;
  note: ColumnType<string, string | undefined, string>;
  reporter_id: number | null;
  reason: string;
  resolved_at: Date | null;
  resolved_by: number | null;
  created_at: CreatedAt;
}

/** One visitor's search that found nothing: a normalised query and a salted hash, never who. */
export interface SearchMissesTable {
  query: string;
  locale: string;
  visitor_hash: string;
  last_at: Timestamp;
}

/** Today's salt for visitor hashes; older days' salts are deleted so their hashes stay unlinkable. */
export interface SearchMissSaltsTable {
  day: string;
  salt: string;
}

