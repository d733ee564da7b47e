import type { ColumnType, Generated } from 'kysely';

export const FOLLOW_KINDS = ['topic', 'country', 'city', 'organisation', 'member', 'practice', 'resource', 'forum_topic', 'campaign'] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

export interface FollowsTable {
  user_id: number;
  target_kind: FollowKind;
  target_key: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type ContentEvent = 'published' | 'updated' | 'decision' | 'comment';

/** Written by triggers (migration 030); the fan-out job marks each processed. */
export interface ContentEventsTable {
  id: Generated<string>;
  kind: string;
  subject_id: number;
  event: ContentEvent;
  actor_id: number | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  processed_at: Date | null;
}

export type NotificationEvent = 'published' | 'updated' | 'decision' | 'reply' | 'message' | 'waiting';
export type DigestState = 'none' | 'pending' | 'sent';

export interface NotificationsTable {
  id: Generated<string>;
  user_id: number;
  content_event_id: string | null;
  event: NotificationEvent;
  subject_kind: string;
  subject_id: number;
  about_kind: string | null;
  about_key: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  read_at: Date | null;
  digest: ColumnType<DigestState, DigestState | undefined, DigestState>;
}
