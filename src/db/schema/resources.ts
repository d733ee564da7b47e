import type { ColumnType, Generated } from 'kysely';
import type { ContentStatus } from '../../content/kinds.ts';

export const RESOURCE_TYPES = ['news', 'research', 'report', 'tool', 'guideline', 'handbook', 'training', 'media'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

type Timestamp = ColumnType<Date, Date | undefined, Date>;

export interface ResourcesTable {
  id: Generated<number>;
  slug: string;
  status: ColumnType<ContentStatus, ContentStatus | undefined, ContentStatus>;
  author_id: number | null;
  version: ColumnType<number, number | undefined, number>;
  type: ResourceType;
  title: string;
  summary: ColumnType<string, string | undefined, string>;
  body: ColumnType<string, string | undefined, string>;
  url: string | null;
  publisher: ColumnType<string, string | undefined, string>;
  year: number | null;
  language: ColumnType<string, string | undefined, string>;
  countries: ColumnType<string[], string[] | undefined, string[]>;
  term_ids: ColumnType<number[], number[] | undefined, number[]>;
  decision_message: ColumnType<string, string | undefined, string>;
  link_status: number | null;
  link_error: string | null;
  link_checked_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: Timestamp;
  submitted_at: Date | null;
  published_at: Date | null;
}

export interface ResourcePracticesTable {
  resource_id: number;
  practice_id: number;
  position: ColumnType<number, number | undefined, number>;
}
