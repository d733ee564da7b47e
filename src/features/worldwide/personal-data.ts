import { isoOrNull, type PersonalDataEntry } from '../../platform/personal-data.ts';

/** Who keeps a city's page, and who last wrote its profile. */
export const worldwidePersonalData: readonly PersonalDataEntry[] = [
  {
    table: 'city_keepers',
    export: {
      section: 'cityKeeping',
      async rows(db, subject) {
        const rows = await db
          .selectFrom('city_keepers')
          .innerJoin('cities', 'cities.id', 'city_keepers.city_id')
          .select(['cities.name', 'city_keepers.status', 'city_keepers.note', 'city_keepers.requested_at', 'city_keepers.decided_at'])
          .where('city_keepers.user_id', '=', subject.userId)
          .execute();
        return rows.map((row) => ({ city: row.name, status: row.status, note: row.note, requestedAt: isoOrNull(row.requested_at), decidedAt: isoOrNull(row.decided_at) }));
      },
    },
    async erase({ trx, subject }) {
      await trx.deleteFrom('city_keepers').where('user_id', '=', subject.userId).execute();
      await trx.updateTable('city_keepers').set({ decided_by: null }).where('decided_by', '=', subject.userId).execute();
    },
  },
  {
    table: 'city_profiles',
    export: { notExported: 'A city’s public profile belongs to the city; the member is named as its last editor only.' },
    async erase({ trx, subject }) {
      await trx.updateTable('city_profiles').set({ updated_by: null }).where('updated_by', '=', subject.userId).execute();
    },
  },
];
