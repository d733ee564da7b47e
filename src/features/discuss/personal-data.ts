import { sql } from 'kysely';
import type { PersonalDataEntry } from '../../platform/personal-data.ts';
import { isoOrNull } from '../../platform/personal-data.ts';

/**
 * What discuss keeps about a member. Posts are comments (the engagement entry answers for them);
 * their earlier versions are exported and erased; topics, dialogues and consultations they opened stay for
 * the others who took part, without their name. Their consultation comments are exported, and
 * erased unless the chair published them, which then stay, no longer linked to the account.
 */

const topics: PersonalDataEntry = {
  table: 'forum_topics',
  export: {
    section: 'forumTopics',
    async rows(db, subject) {
      const { rows } = await sql<{ slug: string; title: string; created_at: Date }>`SELECT slug, title, created_at FROM forum_topics WHERE author_id = ${subject.userId} ORDER BY id`.execute(db);
      return rows.map((row) => ({ slug: row.slug, title: row.title, createdAt: isoOrNull(row.created_at) }));
    },
  },
  async erase({ trx, subject }) {
    await sql`UPDATE forum_topics SET author_id = NULL WHERE author_id = ${subject.userId}`.execute(trx);
  },
};

/** Earlier versions of the member's posts: exported with them, and erased (the post itself stays, redacted). */
const postEdits: PersonalDataEntry = {
  table: 'comment_edits',
  export: {
    section: 'postEdits',
    async rows(db, subject) {
      const { rows } = await sql<{ comment_id: number; body: string; written_at: Date }>`
        SELECT e.comment_id, e.body, e.written_at FROM comment_edits e JOIN comments c ON c.id = e.comment_id WHERE c.author_id = ${subject.userId} ORDER BY e.id`.execute(db);
      return rows.map((row) => ({ post: row.comment_id, body: row.body, writtenAt: isoOrNull(row.written_at) }));
    },
  },
  async erase({ trx, subject }) {
    await sql`DELETE FROM comment_edits e USING comments c WHERE c.id = e.comment_id AND c.author_id = ${subject.userId}`.execute(trx);
  },
};

const readState: PersonalDataEntry = {
  table: 'topic_reads',
  export: { notExported: 'Which posts of a topic the member has seen: a bookmark, not something they wrote.' },
  async erase({ trx, subject }) {
    await sql`DELETE FROM topic_reads WHERE user_id = ${subject.userId}`.execute(trx);
  },
};

const posterCounts: PersonalDataEntry = {
  table: 'forum_posters',
  export: { notExported: 'A count of the member\'s posts, kept for display; the posts themselves are exported.' },
  async erase({ trx, subject }) {
    await sql`DELETE FROM forum_posters WHERE user_id = ${subject.userId}`.execute(trx);
  },
};

const dialoguesOpened: PersonalDataEntry = {
  table: 'dialogues',
  export: {
    section: 'dialogues',
    async rows(db, subject) {
      const { rows } = await sql<{ slug: string; title: string }>`SELECT slug, title FROM dialogues WHERE created_by = ${subject.userId} ORDER BY id`.execute(db);
      return rows.map((row) => ({ slug: row.slug, title: row.title }));
    },
  },
  async erase({ trx, subject }) {
    await sql`UPDATE dialogues SET created_by = NULL WHERE created_by = ${subject.userId}`.execute(trx);
  },
};

const moderating: PersonalDataEntry = {
  table: 'dialogue_moderators',
  export: {
    section: 'dialogueModeration',
    async rows(db, subject) {
      const { rows } = await sql<{ slug: string }>`SELECT d.slug FROM dialogue_moderators m JOIN dialogues d ON d.id = m.dialogue_id WHERE m.user_id = ${subject.userId} ORDER BY d.id`.execute(db);
      return rows.map((row) => ({ dialogue: row.slug }));
    },
  },
  async erase({ trx, subject }) {
    await sql`DELETE FROM dialogue_moderators WHERE user_id = ${subject.userId}`.execute(trx);
  },
};

const chairing: PersonalDataEntry = {
  table: 'consultations',
  export: {
    section: 'consultationsChaired',
    async rows(db, subject) {
      const { rows } = await sql<{ slug: string; title: string }>`SELECT slug, title FROM consultations WHERE chair_id = ${subject.userId} ORDER BY id`.execute(db);
      return rows.map((row) => ({ slug: row.slug, title: row.title }));
    },
  },
  async erase({ trx, subject }) {
    await sql`UPDATE consultations SET chair_id = NULL WHERE chair_id = ${subject.userId}`.execute(trx);
  },
};

const consultationComments: PersonalDataEntry = {
  table: 'consultation_comments',
  export: {
    section: 'consultationComments',
    async rows(db, subject) {
      const { rows } = await sql<{ slug: string; body: string; status: string; created_at: Date; author_name: string; organisation: string; stakeholder_type: string; country: string }>`
        SELECT c.slug, m.body, m.status, m.created_at, m.author_name, m.organisation, m.stakeholder_type, m.country
        FROM consultation_comments m JOIN consultations c ON c.id = m.consultation_id WHERE m.author_id = ${subject.userId} ORDER BY m.id`.execute(db);
      return rows.map((row) => ({ consultation: row.slug, body: row.body, status: row.status, createdAt: isoOrNull(row.created_at), name: row.author_name, organisation: row.organisation, stakeholderType: row.stakeholder_type, country: row.country }));
    },
  },
  async erase({ trx, subject }) {
    await sql`DELETE FROM consultation_comments WHERE author_id = ${subject.userId} AND status <> 'published'`.execute(trx);
    await sql`UPDATE consultation_comments SET author_id = NULL WHERE author_id = ${subject.userId}`.execute(trx);
  },
};

const decisions: PersonalDataEntry = {
  table: 'consultation_decisions',
  export: {
    section: 'consultationDecisions',
    async rows(db, subject) {
      const { rows } = await sql<{ comment_id: number | null; decision: string; decided_at: Date; reason: string }>`
        SELECT comment_id, decision, decided_at, reason FROM consultation_decisions WHERE decided_by = ${subject.userId} ORDER BY id`.execute(db);
      return rows.map((row) => ({ comment: row.comment_id, decision: row.decision, decidedAt: isoOrNull(row.decided_at), reason: row.reason }));
    },
  },
  async erase({ trx, subject }) {
    await sql`UPDATE consultation_decisions SET decided_by = NULL WHERE decided_by = ${subject.userId}`.execute(trx);
  },
};

export const discussPersonalData: readonly PersonalDataEntry[] = [topics, postEdits, readState, posterCounts, dialoguesOpened, moderating, chairing, consultationComments, decisions];
