import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/client.ts';
import type { AttachmentType } from '../../db/schema/attachments.ts';

/** The attachments table: every kind's files, addressed by (kind, subject id). */

type Executor = Db | Transaction<Database>;

export interface StoredAttachment {
  storageKey: string;
  filename: string;
  mediaType: AttachmentType;
  byteSize: number;
}

export async function insertAttachments(db: Executor, kind: string, subjectId: number, files: readonly StoredAttachment[]): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto('attachments')
    .values(
      files.map((file) => ({
        kind,
        subject_id: subjectId,
        storage_key: file.storageKey,
        filename: file.filename,
        media_type: file.mediaType,
        byte_size: file.byteSize,
      })),
    )
    .execute();
}

/** Deletes the item's attachments with these ids; returns the storage keys of the files to remove. */
export async function deleteAttachments(db: Executor, kind: string, subjectId: number, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .deleteFrom('attachments')
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('id', 'in', ids)
    .returning('storage_key')
    .execute();
  return rows.map((row) => row.storage_key);
}

export async function countAttachments(db: Executor, kind: string, subjectId: number): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function findAttachment(db: Executor, kind: string, subjectId: number, attachmentId: number) {
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'media_type', 'byte_size', 'storage_key'])
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export function findAttachments(db: Executor, kind: string, subjectId: number) {
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'media_type', 'byte_size', 'storage_key'])
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
}
