import type { ColumnType, Generated } from 'kysely';
import type { ContentStatus } from '../../content/kinds.ts';

export type EventFormatName = 'in_person' | 'online' | 'hybrid';
export type RegistrationStatus = 'unconfirmed' | 'confirmed' | 'waiting' | 'cancelled';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface EventsTable {
  id: Generated<number>;
  slug: string;
  status: Defaulted<ContentStatus>;
  author_id: number | null;
  organisation_id: Defaulted<number | null>;
  version: Defaulted<number>;
  title: string;
  description: Defaulted<string>;
  language: Defaulted<string>;
  languages: Defaulted<string[]>;
  term_ids: Defaulted<number[]>;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  recurrence: Defaulted<string | null>;
  format: EventFormatName;
  venue: Defaulted<string>;
  address: Defaulted<string>;
  city_id: Defaulted<number | null>;
  country: Defaulted<string | null>;
  join_url: Defaulted<string | null>;
  capacity: Defaulted<number | null>;
  registration_deadline: Defaulted<Date | null>;
  practice_ids: Defaulted<number[]>;
  resource_ids: Defaulted<number[]>;
  decision_message: Defaulted<string>;
  cancelled_at: Defaulted<Date | null>;
  cancel_reason: Defaulted<string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: Defaulted<Date>;
  submitted_at: Defaulted<Date | null>;
  published_at: Defaulted<Date | null>;
}

export interface EventOccurrencesTable {
  id: Generated<number>;
  event_id: number;
  original_start: Date;
  starts_at: Date;
  ends_at: Date;
  cancelled: Defaulted<boolean>;
  moved: Defaulted<boolean>;
}

export interface EventRegistrationsTable {
  id: Generated<number>;
  event_id: number;
  user_id: number | null;
  email: string | null;
  name: Defaulted<string>;
  locale: Defaulted<string>;
  status: RegistrationStatus;
  code: string;
  show_publicly: Defaulted<boolean>;
  queued_at: Defaulted<Date | null>;
  checked_in_at: Defaulted<Date | null>;
  created_at: ColumnType<Date, Date | undefined, never>;
  cancelled_at: Defaulted<Date | null>;
}

export interface EventRemindersTable {
  registration_id: number;
  occurrence_id: number;
  kind: 'day' | 'hour';
  sent_at: ColumnType<Date, Date | undefined, never>;
}
