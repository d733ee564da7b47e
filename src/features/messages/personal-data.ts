import { isoOrNull, type PersonalDataEntry } from '../../platform/personal-data.ts';

/**
 * Messages belong to both members of a conversation: the member's own are exported; when they
 * delete their account, the other member keeps the conversation, shown as from "deleted member"
 * (the account row is stripped of its name, so nothing names them).
 */
export const messagesPersonalData: readonly PersonalDataEntry[] = [
  {
    table: 'messages',
    export: {
      section: 'messagesSent',
      async rows(db, subject) {
        const rows = await db.selectFrom('messages').select(['conversation_id', 'body', 'created_at']).where('sender_id', '=', subject.userId).orderBy('id').execute();
        return rows.map((row) => ({ conversation: row.conversation_id, body: row.body, sentAt: isoOrNull(row.created_at) }));
      },
    },
    // Kept for the other member, who must still be able to read what they were sent.
    async erase() {},
  },
  {
    table: 'conversations',
    export: { notExported: 'Which two members a conversation is between: the messages the member sent are exported.' },
    async erase() {},
  },
  {
    table: 'member_blocks',
    export: {
      section: 'blockedMembers',
      async rows(db, subject) {
        const rows = await db.selectFrom('member_blocks').select(['blocked_id', 'created_at']).where('blocker_id', '=', subject.userId).execute();
        return rows.map((row) => ({ member: row.blocked_id, since: isoOrNull(row.created_at) }));
      },
    },
    async erase({ trx, subject }) {
      await trx.deleteFrom('member_blocks').where((eb) => eb.or([eb('blocker_id', '=', subject.userId), eb('blocked_id', '=', subject.userId)])).execute();
    },
  },
];
