import { sql } from 'kysely';
import { type PersonalDataEntry } from '../../platform/personal-data.ts';

/**
 * What labs keep about a member of a lab's team (never about participants, who have no account):
 * their place in teams and their training are exported and erased with the account; sessions they
 * gave, consents they recorded and audit entries they caused stay, no longer naming them, because
 * the lab's record of what happened to a participant must not break.
 */

const team: PersonalDataEntry = {
  table: 'lab_members',
  export: {
    section: 'labTeams',
    async rows(db, subject) {
      const { rows } = await sql<{ slug: string; role: string }>`SELECT l.slug, m.role FROM lab_members m JOIN labs l ON l.id = m.lab_id WHERE m.user_id = ${subject.userId} ORDER BY l.slug`.execute(db);
      return rows.map((row) => ({ lab: row.slug, role: row.role }));
    },
  },
  async erase({ trx, subject }) {
    await sql`DELETE FROM lab_members WHERE user_id = ${subject.userId}`.execute(trx);
  },
};

const trainings: PersonalDataEntry = {
  table: 'lab_trainings',
  export: {
    section: 'labTrainings',
    async rows(db, subject) {
      const { rows } = await sql<{ slug: string; module: string; completed_on: string }>`
        SELECT l.slug, t.module, t.completed_on::text AS completed_on FROM lab_trainings t JOIN labs l ON l.id = t.lab_id WHERE t.user_id = ${subject.userId} ORDER BY t.completed_on`.execute(db);
      return rows.map((row) => ({ lab: row.slug, module: row.module, completedOn: row.completed_on }));
    },
  },
  async erase({ trx, subject }) {
    await sql`DELETE FROM lab_trainings WHERE user_id = ${subject.userId}`.execute(trx);
  },
};

/** A column that records who did something for a lab: kept, without the name, when the account goes. */
function actorColumn(table: string, column: string, why: string): PersonalDataEntry {
  return {
    table,
    export: { notExported: why },
    async erase({ trx, subject }) {
      await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = NULL WHERE ${sql.ref(column)} = ${subject.userId}`.execute(trx);
    },
  };
}

export const labsPersonalData: readonly PersonalDataEntry[] = [
  team,
  trainings,
  actorColumn('lab_sessions', 'facilitator_id', 'Sessions belong to the lab and its participants; the facilitator is named on them, and loses the link when the account goes.'),
  actorColumn('lab_participants', 'consent_recorded_by', 'Participants are people without accounts; which coordinator recorded a consent is the lab’s record, not the coordinator’s data.'),
  actorColumn('lab_audit_log', 'actor_id', 'The lab’s audit log is its record of who read which participant record; it stays, no longer naming the account.'),
];
