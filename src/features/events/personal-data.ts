import type { PersonalDataEntry } from '../../platform/personal-data.ts';
import { isoOrNull } from '../../platform/personal-data.ts';

/** Events a member proposed: exported; on deletion they stay for the people registered, from "deleted member". */
const proposedEvents: PersonalDataEntry = {
  table: 'events',
  export: {
    section: 'events',
    async rows(db, subject) {
      const rows = await db.selectFrom('events').select(['slug', 'title', 'status', 'starts_at', 'ends_at', 'time_zone', 'created_at']).where('author_id', '=', subject.userId).orderBy('id').execute();
      return rows.map((row) => ({ slug: row.slug, title: row.title, status: row.status, startsAt: isoOrNull(row.starts_at), endsAt: isoOrNull(row.ends_at), timeZone: row.time_zone, createdAt: isoOrNull(row.created_at) }));
    },
  },
  async erase({ trx, subject }) {
    await trx.updateTable('events').set({ author_id: null }).where('author_id', '=', subject.userId).execute();
  },
};

/** Registrations, the member's and those made as a visitor with their address: exported, then erased. */
const registrations: PersonalDataEntry = {
  table: 'event_registrations',
  export: {
    section: 'eventRegistrations',
    async rows(db, subject) {
      const rows = await db
        .selectFrom('event_registrations as r')
        .innerJoin('events as e', 'e.id', 'r.event_id')
        .select(['e.slug', 'e.title', 'r.status', 'r.code', 'r.show_publicly', 'r.created_at', 'r.checked_in_at'])
        .where((eb) => eb.or([eb('r.user_id', '=', subject.userId), eb(eb.fn('lower', ['r.email']), '=', subject.email.toLowerCase())]))
        .orderBy('r.id')
        .execute();
      return rows.map((row) => ({ event: row.slug, title: row.title, status: row.status, code: row.code, onPublicList: row.show_publicly, registeredAt: isoOrNull(row.created_at), checkedInAt: isoOrNull(row.checked_in_at) }));
    },
  },
  async erase({ trx, subject }) {
    await trx
      .deleteFrom('event_registrations')
      .where((eb) => eb.or([eb('user_id', '=', subject.userId), eb(eb.fn('lower', ['email']), '=', subject.email.toLowerCase())]))
      .execute();
  },
};

export const eventsPersonalData: readonly PersonalDataEntry[] = [proposedEvents, registrations];
