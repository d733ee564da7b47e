import { isoOrNull, type PersonalDataEntry } from '../../platform/personal-data.ts';

/** What a member follows and what they were told: theirs to take, gone with the account. */
export const followsPersonalData: readonly PersonalDataEntry[] = [
  {
    table: 'follows',
    export: {
      section: 'follows',
      async rows(db, subject) {
        const rows = await db.selectFrom('follows').select(['target_kind', 'target_key', 'created_at']).where('user_id', '=', subject.userId).orderBy('created_at').execute();
        return rows.map((row) => ({ kind: row.target_kind, key: row.target_key, followedAt: isoOrNull(row.created_at) }));
      },
    },
    async erase({ trx, subject }) {
      await trx.deleteFrom('follows').where('user_id', '=', subject.userId).execute();
    },
  },
  {
    table: 'notifications',
    export: {
      section: 'notifications',
      async rows(db, subject) {
        const rows = await db
          .selectFrom('notifications')
          .select(['event', 'subject_kind', 'subject_id', 'about_kind', 'about_key', 'created_at', 'read_at', 'digest'])
          .where('user_id', '=', subject.userId)
          .orderBy('id')
          .execute();
        return rows.map(({ created_at, read_at, ...row }) => ({ ...row, createdAt: isoOrNull(created_at), readAt: isoOrNull(read_at) }));
      },
    },
    // Gone at once: nothing is left to put in a digest for the member.
    async erase({ trx, subject }) {
      await trx.deleteFrom('notifications').where('user_id', '=', subject.userId).execute();
    },
  },
  {
    table: 'content_events',
    export: { notExported: 'Which item changed and who changed it, kept until its notifications are made: the items themselves are exported.' },
    async erase({ trx, subject }) {
      await trx.updateTable('content_events').set({ actor_id: null }).where('actor_id', '=', subject.userId).execute();
    },
  },
];
