import { sql } from 'kysely';
import { namesPerson, redactPerson, type DataSubject, type ErasureStep, type ExportedRow } from '../platform/personal-data.ts';
import { attachmentStore, listAttachments } from '../platform/uploads/index.ts';
import type { Executor, ReviewedTable } from './kinds.ts';

/**
 * What every authored kind (practices, resources, …) does with a member's items when the account
 * goes: what was published stays, credited to "deleted member", with the member's own name and
 * address taken out of its text; everything unpublished (drafts, submissions, declined and
 * withdrawn items) goes altogether, with its revisions, engagement, search rows and files
 * (the kinds' AFTER DELETE triggers take the rows hanging on them).
 */

/**
 * The storage keys of the files attached to the member's unpublished items, read before those
 * items are deleted (the delete trigger takes the rows, not the files).
 */
export async function unpublishedItemFiles(trx: Executor, spec: { table: ReviewedTable; kind: string }, subject: DataSubject): Promise<string[]> {
  const { rows } = await sql<{ storage_key: string }>`
    SELECT a.storage_key FROM attachments a
    JOIN ${sql.table(spec.table)} item ON item.id = a.subject_id
    WHERE a.kind = ${spec.kind} AND item.author_id = ${subject.userId} AND item.status <> 'published'`.execute(trx);
  return rows.map((row) => row.storage_key);
}

/**
 * Takes the member's name and address out of the text columns of their published items of one
 * kind. Only rows that name them are rewritten, so search rows and caches of the others stay.
 */
export async function redactPublishedItems(step: ErasureStep, spec: { table: ReviewedTable; columns: readonly string[] }): Promise<void> {
  const { trx, subject } = step;
  const columns = sql.join(spec.columns.map((column) => sql.ref(column)));
  const { rows } = await sql<Record<string, unknown> & { id: number }>`
    SELECT id, ${columns} FROM ${sql.table(spec.table)} WHERE author_id = ${subject.userId}`.execute(trx);
  for (const row of rows) {
    const changes = spec.columns.filter((column) => typeof row[column] === 'string' && namesPerson(row[column], subject));
    if (changes.length === 0) continue;
    const assignments = sql.join(changes.map((column) => sql`${sql.ref(column)} = ${redactPerson(row[column] as string, subject)}`));
    await sql`UPDATE ${sql.table(spec.table)} SET ${assignments} WHERE id = ${row.id}`.execute(trx);
  }
}

/**
 * The erasure every authored kind shares: unpublished items and their files go, published ones
 * lose the member's name and address from the given text columns.
 */
export async function eraseAuthoredItems(
  step: ErasureStep,
  spec: { table: ReviewedTable; kind: string; textColumns: readonly string[] },
): Promise<void> {
  const files = await unpublishedItemFiles(step.trx, spec, step.subject);
  await sql`DELETE FROM ${sql.table(spec.table)} WHERE author_id = ${step.subject.userId} AND status <> 'published'`.execute(step.trx);
  if (files.length > 0) step.afterCommit(() => attachmentStore(step.dataDir).remove(files));
  await redactPublishedItems(step, { table: spec.table, columns: spec.textColumns });
}

/** The files attached to an item, as the export lists them: what, how big and when, never where. */
export async function exportedAttachments(db: Executor, kind: string, itemId: number): Promise<ExportedRow[]> {
  const files = await listAttachments(db, kind, itemId);
  return files.map((file) => ({ filename: file.filename, mediaType: file.media_type, byteSize: file.byte_size }));
}
