import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Comments, ratings and their totals, for every kind of content: `kind` names the registry entry. */

export interface CommentsTable {
  id: Generated<number>;
  kind: string;
  subject_id: number;
  author_id: number | null;
  body: string;
  removed_at: Date | null;
  removed_by: number | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  /** The language of a forum post (migration 037); null for comments. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  edited_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  removed_reason: ColumnType<string, string | undefined, string>;
  /** A post waiting for a moderator: readers do not see it. */
  held_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  quote_of: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface RatingsTable {
  kind: string;
  subject_id: number;
  user_id: number;
  score: number;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Count and sum of the ratings of one item, kept apart from the rows that search reads. */
export interface RatingTotalsTable {
  kind: string;
  subject_id: number;
  count: ColumnType<number, number | undefined, number>;
  sum: ColumnType<number, number | undefined, number>;
}

/** Every saved version of a reviewed item, as a full snapshot of what its form would save. */
export interface RevisionsTable {
  id: Generated<number>;
  kind: string;
  subject_id: number;
  version: number;
  editor_id: number | null;
  snapshot: JSONColumnType<Record<string, unknown>>;
  note: ColumnType<string, string | undefined, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** An author's edit of a published item, waiting for an editor (one per item). */
export interface PendingChangesTable {
  kind: string;
  subject_id: number;
  author_id: number | null;
  base_version: number;
  snapshot: JSONColumnType<Record<string, unknown>>;
  note: ColumnType<string, string | undefined, string>;
  state: ColumnType<'pending' | 'returned', 'pending' | 'returned' | undefined, 'pending' | 'returned'>;
  editor_note: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Items whose authors may publish small corrections without review. */
export interface SmallCorrectionsTable {
  kind: string;
  subject_id: number;
  allowed_by: number | null;
  allowed_at: ColumnType<Date, Date | undefined, never>;
}
