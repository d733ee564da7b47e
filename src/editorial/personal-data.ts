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
