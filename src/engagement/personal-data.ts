import { isoOrNull, namesPerson, redactPerson, type PersonalDataEntry } from '../platform/personal-data.ts';

/**
 * What a member added to others' items: comments stay in the conversation (credited to "deleted
 * member", their name and address taken out of the text); ratings go, and the totals follow
 * (migration 018's trigger); reports stay for the moderators without the reporter or their note,
 * which is free text that may say who they are.
 */

export const commentsPersonalData: PersonalDataEntry = {
  table: 'comments',
  export: {
    section: 'comments',
    async rows(db, subject) {
      const comments = await db
        .selectFrom('comments')
        .select(['kind', 'subject_id', 'body', 'created_at', 'removed_at'])
        .where('author_id', '=', subject.userId)
        .orderBy('id')
        .execute();
      return comments.map((comment) => ({
        on: { kind: comment.kind, id: comment.subject_id },
        body: comment.body,
        createdAt: isoOrNull(comment.created_at),
        removedByModerators: isoOrNull(comment.removed_at),
      }));
    },
  },
  async erase({ trx, subject }) {
    // Comments a moderator removed point to the moderator's row, which is anonymised as well.
    const comments = await trx.selectFrom('comments').select(['id', 'body']).where('author_id', '=', subject.userId).execute();
    for (const comment of comments) {
      if (!namesPerson(comment.body, subject)) continue;
      await trx.updateTable('comments').set({ body: redactPerson(comment.body, subject) }).where('id', '=', comment.id).execute();
    }
  },
};

export const ratingsPersonalData: PersonalDataEntry = {
  table: 'ratings',
  export: {
    section: 'ratings',
    async rows(db, subject) {
      const ratings = await db
        .selectFrom('ratings')
        .select(['kind', 'subject_id', 'score', 'updated_at'])
        .where('user_id', '=', subject.userId)
        .orderBy('kind')
        .orderBy('subject_id')
        .execute();
      return ratings.map((rating) => ({ on: { kind: rating.kind, id: rating.subject_id }, score: rating.score, updatedAt: isoOrNull(rating.updated_at) }));
    },
  },
  async erase({ trx, subject }) {
    await trx.deleteFrom('ratings').where('user_id', '=', subject.userId).execute();
  },
};

export const reportsPersonalData: PersonalDataEntry = {
  table: 'content_flags',
  export: {
    section: 'reports',
    async rows(db, subject) {
      const reports = await db
        .selectFrom('content_flags')
        .select(['subject', 'reason', 'note', 'created_at', 'resolved_at'])
        .where('reporter_id', '=', subject.userId)
        .orderBy('id')
        .execute();
      return reports.map((report) => ({
        about: report.subject,
        reason: report.reason,
        note: report.note,
        createdAt: isoOrNull(report.created_at),
        resolvedAt: isoOrNull(report.resolved_at),
      }));
    },
  },
  async erase({ trx, subject }) {
    await trx.updateTable('content_flags').set({ reporter_id: null, note: '' }).where('reporter_id', '=', subject.userId).execute();
  },
};

export const engagementPersonalData: readonly PersonalDataEntry[] = [commentsPersonalData, ratingsPersonalData, reportsPersonalData];
