import type { ColumnType, Generated } from 'kysely';

export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Files attached to an item of any kind, keyed like engagement by (kind, subject_id). */
export interface AttachmentsTable {
  id: Generated<number>;
  kind: string;
  subject_id: number;
  storage_key: string;
  filename: string;
  media_type: AttachmentType;
  byte_size: number;
  created_at: ColumnType<Date, Date | undefined, never>;
}
