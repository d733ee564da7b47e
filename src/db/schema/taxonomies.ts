import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export const VOCABULARIES = ['dimension', 'pillar', 'topic', 'target_group', 'gcm_objective', 'sdg_target'] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

/** A label per locale; `en` is always present and is the fallback. */
export type TermLabels = { en: string } & Partial<Record<string, string>>;

export interface TaxonomyTermsTable {
  id: Generated<number>;
  vocabulary: Vocabulary;
  code: string;
  labels: JSONColumnType<TermLabels>;
  position: ColumnType<number, number | undefined, number>;
  retired_at: Date | null;
}

export interface CitiesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
}
