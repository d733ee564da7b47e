import { sql } from 'kysely';
import { containsIgnoringCase } from '../db/like.ts';
import { isoOrNull, namesPerson, redactPerson, redactPersonInJson, type PersonalDataEntry } from '../platform/personal-data.ts';

/**
 * Revisions: the export gives every version the member saved, snapshot and note. Deletion keeps
 * the history of what stays published (revisions of unpublished items went with them), but no
 * version may still name the member: their name and address are taken out of every snapshot and
 * note that holds them, whoever saved it (an editor's save keeps the author's contact too).
 */
export const revisionsPersonalData: PersonalDataEntry = {
  table: 'revisions',
  export: {
    section: 'revisions',
    async rows(db, subject) {
      const revisions = await db
        .selectFrom('revisions')
        .select(['kind', 'subject_id', 'version', 'snapshot', 'note', 'created_at'])
        .where('editor_id', '=', subject.userId)
        .orderBy('kind')
        .orderBy('subject_id')
        .orderBy('version')
        .execute();
      return revisions.map((revision) => ({
        of: { kind: revision.kind, id: revision.subject_id },
        version: revision.version,
        note: revision.note,
        savedAt: isoOrNull(revision.created_at),
        snapshot: revision.snapshot,
      }));
    },
  },
  async erase({ trx, subject }) {
    const texts = [subject.email, subject.name].filter((text) => text.length > 0);
    if (texts.length === 0) return;
    // A rare, whole-table read: account deletions are few, and no index could find free text.
    const candidates = await trx
      .selectFrom('revisions')
      .select(['id', 'snapshot', 'note'])
      .where((eb) => eb.or(texts.flatMap((text) => [containsIgnoringCase(sql<string>`snapshot::text`, text), containsIgnoringCase(eb.ref('note'), text)])))
      .execute();
    for (const revision of candidates) {
      const snapshotText = JSON.stringify(revision.snapshot);
      if (!namesPerson(snapshotText, subject) && !namesPerson(revision.note, subject)) continue;
      await trx
        .updateTable('revisions')
        .set({ snapshot: JSON.stringify(redactPersonInJson(revision.snapshot, subject)), note: redactPerson(revision.note, subject) })
        .where('id', '=', revision.id)
        .execute();
    }
  },
};

/**
 * Changes proposed to published items: the export gives the member's own proposals. Deletion
 * drops them, since a proposal nobody approved is unpublished text (contact details included)
 * and nobody is left to answer the editor's note.
 */
export const pendingChangesPersonalData: PersonalDataEntry = {
  table: 'pending_changes',
  export: {
    section: 'pendingChanges',
    async rows(db, subject) {
      const changes = await db
        .selectFrom('pending_changes')
        .select(['kind', 'subject_id', 'snapshot', 'note', 'state', 'editor_note', 'created_at', 'updated_at'])
        .where('author_id', '=', subject.userId)
        .orderBy('kind')
        .orderBy('subject_id')
        .execute();
      return changes.map((change) => ({
        of: { kind: change.kind, id: change.subject_id },
        state: change.state,
        note: change.note,
        editorNote: change.editor_note,
        proposedAt: isoOrNull(change.created_at),
        updatedAt: isoOrNull(change.updated_at),
        snapshot: change.snapshot,
      }));
    },
  },
  async erase({ trx, subject }) {
    await trx.deleteFrom('pending_changes').where('author_id', '=', subject.userId).execute();
  },
};

/** Which editor allowed small corrections on an item: an editorial act, not the member's own data. */
export const smallCorrectionsPersonalData: PersonalDataEntry = {
  table: 'small_corrections',
  export: { notExported: 'a setting of the item, recorded with the editor who switched it on; the item stays with its rule' },
  async erase({ trx, subject }) {
    await trx.updateTable('small_corrections').set({ allowed_by: null }).where('allowed_by', '=', subject.userId).execute();
  },
};
