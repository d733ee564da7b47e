import { isoOrNull, type PersonalDataEntry } from '../../platform/personal-data.ts';

/** The member's offers and requests: exported; on deletion they stay for others, from "deleted member". */
export const partnershipsPersonalData: PersonalDataEntry = {
  table: 'partnerships',
  export: {
    section: 'partnerships',
    async rows(db, subject) {
      const rows = await db.selectFrom('partnerships').select(['id', 'kind', 'title', 'description', 'countries', 'topics', 'status', 'created_at']).where('author_id', '=', subject.userId).orderBy('id').execute();
      return rows.map(({ created_at, ...row }) => ({ ...row, postedAt: isoOrNull(created_at) }));
    },
  },
  async erase({ trx, subject }) {
    // Open posts of someone who left cannot be answered: they are closed, and keep no author.
    await trx.updateTable('partnerships').set({ status: 'closed', closed_at: new Date() }).where('author_id', '=', subject.userId).where('status', '=', 'open').execute();
    await trx.updateTable('partnerships').set({ author_id: null }).where('author_id', '=', subject.userId).execute();
  },
};
