import type { Executor } from '../content/kinds.ts';
import { diffLines, diffWords, type DiffSegment } from '../lib/diff.ts';
import { loadPage, type Page } from '../platform/pagination.ts';

/**
 * Revisions of any reviewed kind: each saved version of an item as a full snapshot (what its
 * form would save), so that any two can be compared field by field, and the history page that
 * shows those comparisons as word diffs.
 */

export interface RevisionSubject {
  kind: string;
  id: number;
}

export async function insertRevision(
  db: Executor,
  subject: RevisionSubject,
  revision: { version: number; editorId: number | null; snapshot: object; note: string },
): Promise<void> {
  await db
    .insertInto('revisions')
    .values({
      kind: subject.kind,
      subject_id: subject.id,
      version: revision.version,
      editor_id: revision.editorId,
      snapshot: JSON.stringify(revision.snapshot),
      note: revision.note,
    })
    .execute();
}

async function countRevisions(db: Executor, subject: RevisionSubject): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Revisions newest first, with who made them. */
function revisionsPage(db: Executor, subject: RevisionSubject, window: { limit: number; offset: number }) {
  return db
    .selectFrom('revisions as r')
    .leftJoin('users as u', 'u.id', 'r.editor_id')
    .select(['r.version', 'r.snapshot', 'r.note', 'r.created_at', 'u.name as editor_name'])
    .where('r.kind', '=', subject.kind)
    .where('r.subject_id', '=', subject.id)
    .orderBy('r.version', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export interface RevisionEntry<R> {
  version: number;
  createdAt: Date;
  editorName: string | null;
  note: string;
  record: R;
  /** The version before it; null for the first. */
  previous: R | null;
}

/**
 * A page of an item's revisions, newest first, each with the version before it so that the page
 * can show what changed. `toRecord` turns a stored snapshot back into the kind's record.
 */
export function revisionHistory<R>(
  db: Executor,
  subject: RevisionSubject,
  page: number,
  options: { pageSize: number; toRecord: (snapshot: Record<string, unknown>) => R },
): Promise<Page<RevisionEntry<R>>> {
  return loadPage(
    page,
    {
      count: () => countRevisions(db, subject),
      rows: async (window) => {
        // One more than the page, to compare the page's oldest revision with its predecessor.
        const rows = await revisionsPage(db, subject, { limit: window.limit + 1, offset: window.offset });
        return rows.slice(0, window.limit).map((row, index) => {
          const before = rows[index + 1];
          return {
            version: row.version,
            createdAt: row.created_at,
            editorName: row.editor_name,
            note: row.note,
            record: options.toRecord(row.snapshot),
            previous: before ? options.toRecord(before.snapshot) : null,
          };
        });
      },
    },
    options.pageSize,
  );
}

/** How one field reads as text, for comparing two versions. */
export interface DiffedField<R, F extends string> {
  field: F;
  /** Lists (organisations, links, tags) are compared line by line: whole items come and go. */
  list: boolean;
  lines(record: R): string[];
}

export interface FieldChange<F extends string> {
  field: F;
  segments: DiffSegment[];
}

/** The fields that differ between two versions, in the given order, each as a word (or line) diff. */
export function fieldChanges<R, F extends string>(fields: readonly DiffedField<R, F>[], before: R, after: R): FieldChange<F>[] {
  const changes: FieldChange<F>[] = [];
  for (const { field, list, lines } of fields) {
    const joiner = list ? '\n' : '\n\n';
    const old = lines(before).join(joiner);
    const current = lines(after).join(joiner);
    if (old === current) continue;
    changes.push({ field, segments: list ? diffLines(`${old}\n`, `${current}\n`) : diffWords(old, current) });
  }
  return changes;
}
