import type { ReadStream } from 'node:fs';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/client.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { MAX_ATTACHMENTS_PER_ITEM, type PreparedAttachment } from './files.ts';
import * as queries from './queries.ts';
import { attachmentStore } from './store.ts';

type Executor = Db | Transaction<Database>;

export type { StoredAttachment } from './queries.ts';

export interface AttachmentOptions {
  /** Translation key of the error when an item would hold more than the allowed number of files. */
  tooManyError: string;
}

/**
 * The attachments of one kind of content: files on disk and rows in the shared table, kept in
 * step so that a refused save leaves no file behind and a removed row takes its file with it.
 */
export function kindAttachments(db: Db, dataDir: string, kind: string, options: AttachmentOptions) {
  const files = attachmentStore(dataDir);

  return {
    /**
     * Writes the files first and runs `write` with their storage keys; if the database refuses,
     * the files go again, so a failed save leaves nothing behind.
     */
    async withStoredFiles<T>(attachments: readonly PreparedAttachment[], write: (stored: queries.StoredAttachment[]) => Promise<T>): Promise<T> {
      const stored: queries.StoredAttachment[] = [];
      try {
        for (const attachment of attachments) {
          const storageKey = await files.save(attachment.path);
          stored.push({ storageKey, filename: attachment.filename, mediaType: attachment.mediaType, byteSize: attachment.byteSize });
        }
        return await write(stored);
      } catch (error) {
        await files.remove(stored.map((file) => file.storageKey));
        throw error;
      }
    },

    insert: (executor: Executor, subjectId: number, stored: readonly queries.StoredAttachment[]) =>
      queries.insertAttachments(executor, kind, subjectId, stored),

    /**
     * Removes the chosen rows and adds the new ones within the item's limit; returns the storage
     * keys of removed files, to delete once the transaction has committed.
     */
    async replace(executor: Executor, subjectId: number, stored: readonly queries.StoredAttachment[], removeIds: readonly number[]) {
      const removedKeys = await queries.deleteAttachments(executor, kind, subjectId, removeIds);
      if (stored.length > 0 && (await queries.countAttachments(executor, kind, subjectId)) + stored.length > MAX_ATTACHMENTS_PER_ITEM) {
        throw new ValidationError({ attachments: options.tooManyError });
      }
      await queries.insertAttachments(executor, kind, subjectId, stored);
      return removedKeys;
    },

    list: (executor: Executor, subjectId: number) => queries.findAttachments(executor, kind, subjectId),

    /** One file with its stream, or NotFoundError when the row or the file on disk is missing. */
    async open(subjectId: number, attachmentId: number) {
      const attachment = await queries.findAttachment(db, kind, subjectId, attachmentId);
      if (!attachment) throw new NotFoundError();
      const stream: ReadStream | undefined = await files.open(attachment.storage_key);
      if (!stream) throw new NotFoundError();
      return { ...attachment, stream };
    },

    /** Deletes stored files; call only once the rows are gone for good. */
    removeFiles: (storageKeys: readonly string[]) => files.remove(storageKeys),
  };
}

export type KindAttachments = ReturnType<typeof kindAttachments>;
