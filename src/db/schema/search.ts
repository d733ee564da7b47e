import type { ColumnType } from 'kysely';

/**
 * Search rows of every kind of content, keyed by `(kind, subject_id)` (migration 017). Written by
 * each kind's refresh function and by triggers only; the app reads them.
 */

export interface SearchDocumentsTable {
  kind: string;
  subject_id: number;
  published_at: Date;
  usefulness: number | null;
  rating_count: ColumnType<number, number | undefined, number>;
  language: string;
  title_plain: string;
  facets: string[];
  /** A tsvector, read and written as its text form. */
  document: string;
}

export interface SearchFacetCountsTable {
  kind: string;
  facet: string;
  count: number;
}

export interface SearchGenerationsTable {
  kind: string;
  /** bigint: read as text. */
  value: ColumnType<string, string | number, string | number>;
  content: ColumnType<string, string | number, string | number>;
}
