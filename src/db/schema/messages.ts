import type { ColumnType, Generated } from 'kysely';

export interface ConversationsTable {
  id: Generated<number>;
  member_low: number;
  member_high: number;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_message_at: ColumnType<Date, Date | undefined, Date>;
}

export interface MessagesTable {
  id: Generated<number>;
  conversation_id: number;
  sender_id: number;
  body: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  read_at: Date | null;
}

export interface MemberBlocksTable {
  blocker_id: number;
  blocked_id: number;
  created_at: ColumnType<Date, Date | undefined, never>;
}
