import { isoOrNull, type PersonalDataEntry } from '../../platform/personal-data.ts';

/**
 * A member's memberships go with their account, at once: the organisation stays, kept by its
 * other managers. When the member was its only manager, the organisation stays without one until
 * an administrator names another (its page keeps working).
 */
export const organisationsPersonalData: readonly PersonalDataEntry[] = [
  {
    table: 'organisation_members',
    export: {
      section: 'organisations',
      async rows(db, subject) {
        const rows = await db
          .selectFrom('organisation_members')
          .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
          .select(['organisations.name', 'organisations.slug', 'organisation_members.role', 'organisation_members.status', 'organisation_members.created_at'])
          .where('organisation_members.user_id', '=', subject.userId)
          .execute();
        return rows.map(({ created_at, ...row }) => ({ ...row, since: isoOrNull(created_at) }));
      },
    },
    async erase({ trx, subject }) {
      await trx.deleteFrom('organisation_members').where('user_id', '=', subject.userId).execute();
    },
  },
  {
    table: 'organisations',
    export: { notExported: 'Organisation pages belong to their organisations; the member is only recorded as the one who created the page.' },
    async erase({ trx, subject }) {
      await trx.updateTable('organisations').set({ created_by: null }).where('created_by', '=', subject.userId).execute();
    },
  },
  {
    table: 'organisation_items',
    export: { notExported: 'Which organisation implemented which item: public facts about the items, not about the member.' },
    async erase({ trx, subject }) {
      await trx.updateTable('organisation_items').set({ added_by: null }).where('added_by', '=', subject.userId).execute();
    },
  },
];
