import { randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { chmod, constants, copyFile, mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Uploaded files on disk under `DATA_DIR/uploads`, each named by a random key: never by
 * anything a person typed, so no upload can choose where it lands or overwrite another.
 */

const STORAGE_KEY = /^[A-Za-z0-9_-]{32}$/;

export function attachmentStore(dataDir: string) {
  const directory = path.join(dataDir, 'uploads');

  function pathOf(storageKey: string): string {
    // Keys come from the database, but a path is only ever built from a key of our own shape.
    if (!STORAGE_KEY.test(storageKey)) throw new Error('Invalid storage key');
    return path.join(directory, storageKey);
  }

  return {
    /** Copies a file (an upload waiting on disk) under a new key and returns the key. */
    async save(sourcePath: string): Promise<string> {
      await mkdir(directory, { recursive: true });
      const storageKey = randomBytes(24).toString('base64url');
      const target = pathOf(storageKey);
      // COPYFILE_EXCL: fail rather than overwrite, however unlikely a repeated key is.
      await copyFile(sourcePath, target, constants.COPYFILE_EXCL);
      try {
        await chmod(target, 0o640);
        // On disk before the row that names it commits: a power cut must not keep the row and
        // lose the file. The folder is synced too, so that the file's name survives as well.
        const file = await open(target, 'r');
        try {
          await file.sync();
        } finally {
          await file.close();
        }
        const folder = await open(directory, 'r');
        try {
          await folder.sync();
        } finally {
          await folder.close();
        }
      } catch (error) {
        await rm(target, { force: true });
        throw error;
      }
      return storageKey;
    },

    /** The stored file, or undefined when it is missing from the disk. */
    async open(storageKey: string): Promise<ReadStream | undefined> {
      const filePath = pathOf(storageKey);
      try {
        await stat(filePath);
      } catch {
        return undefined;
      }
      return createReadStream(filePath);
    },

    /** Removes files; one already gone is not an error. */
    async remove(storageKeys: readonly string[]): Promise<void> {
      await Promise.all(storageKeys.map((key) => rm(pathOf(key), { force: true })));
    },

    directory,
  };
}

export type AttachmentStore = ReturnType<typeof attachmentStore>;
