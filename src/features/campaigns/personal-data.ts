import { sql } from 'kysely';
import { isoOrNull, type PersonalDataEntry } from '../../platform/personal-data.ts';

/**
 * What campaigns keep about a member. A campaign they created or managed stays for its partners
 * and supporters, no longer linked to them; their support is exported and withdrawn for good;
 * updates they wrote and values they recorded stay, without their name.
 */

const created: PersonalDataEntry = {
  table: 'campaigns',
  export: {
    section: 'campaignsCreated',
    async rows(db, subject) {
      const { rows } = await sql<{ slug: string; name: string; created_at: Date }>`SELECT slug, name, created_at FROM campaigns WHERE author_id = ${subject.userId} ORDER BY id`.execute(db);
      return rows.map((row) => ({ slug: row.slug, name: row.name, createdAt: isoOrNull(row.created_at) }));
    },
  },
  async erase({ trx, subject }) {
    await sql`UPDATE campaigns SET author_id = NULL WHERE author_id = ${subject.userId}`.execute(trx);
  },
};

const managed: PersonalDataEntry = {
  table: 'campaign_managers',
  export: {
    section: 'campaignsManaged',
    async rows(db, subject) {
      const { rows } = await sql<{ slug: string; added_at: Date }>`
        SELECT c.slug, m.added_at FROM campaign_managers m JOIN campaigns c ON c.id = m.campaign_id WHERE m.user_id = ${subject.userId} ORDER BY m.added_at`.execute(db);
      return rows.map((row) => ({ campaign: row.slug, since: isoOrNull(row.added_at) }));
    },
  },
  async erase({ trx, subject }) {
    await sql`DELETE FROM campaign_managers WHERE user_id = ${subject.userId}`.execute(trx);
    await sql`UPDATE campaign_managers SET added_by = NULL WHERE added_by = ${subject.userId}`.execute(trx);
  },
};

const values: PersonalDataEntry = {
  table: 'campaign_indicator_values',
  export: { notExported: 'Figures the member recorded for a campaign\'s indicators: the campaign\'s results, not about the member.' },
  async erase({ trx, subject }) {
    await sql`UPDATE campaign_indicator_values SET recorded_by = NULL WHERE recorded_by = ${subject.userId}`.execute(trx);
  },
};

const updates: PersonalDataEntry = {
  table: 'campaign_updates',
  export: {
    section: 'campaignUpdates',
    async rows(db, subject) {
      const { rows } = await sql<{ title: string; body: string; published_at: Date }>`SELECT title, body, published_at FROM campaign_updates WHERE author_id = ${subject.userId} ORDER BY id`.execute(db);
      return rows.map((row) => ({ title: row.title, body: row.body, publishedAt: isoOrNull(row.published_at) }));
    },
  },
  async erase({ trx, subject }) {
    await sql`UPDATE campaign_updates SET author_id = NULL WHERE author_id = ${subject.userId}`.execute(trx);
  },
};

const support: PersonalDataEntry = {
  table: 'campaign_supporters',
  export: {
    section: 'campaignsSupported',
    async rows(db, subject) {
      const { rows } = await sql<{ slug: string; show_name: boolean; confirmed_at: Date | null; withdrawn_at: Date | null }>`
        SELECT c.slug, s.show_name, s.confirmed_at, s.withdrawn_at FROM campaign_supporters s JOIN campaigns c ON c.id = s.campaign_id
        WHERE s.user_id = ${subject.userId} ORDER BY s.id`.execute(db);
      return rows.map((row) => ({ campaign: row.slug, nameShown: row.show_name, since: isoOrNull(row.confirmed_at), withdrawnAt: isoOrNull(row.withdrawn_at) }));
    },
  },
  async erase({ trx, subject }) {
    await sql`DELETE FROM campaign_supporters WHERE user_id = ${subject.userId}`.execute(trx);
  },
};

export const campaignsPersonalData: readonly PersonalDataEntry[] = [created, managed, values, updates, support];
