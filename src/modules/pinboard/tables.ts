import type { ColumnType, Generated } from 'kysely';

/* Row types of 180_pinboard.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface PinboardSettingTable {
  id: Generated<boolean>;
  expiry_days: Generated<number>;
  reminder_days: Generated<number>;
  messages_per_account_hour: Generated<number>;
  messages_per_post_day: Generated<number>;
  updated_at: Timestamp;
}

export interface PinboardPostTable {
  id: Generated<number>;
  organisation_id: number;
  author_account_id: number | null;
  kind: string;
  state: Generated<string>;
  lang: string;
  title: string;
  body: string;
  district: string | null;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  room_size: number | null;
  accessible: boolean | null;
  available_when: string | null;
  fair_name: string | null;
  image: Uint8Array | null;
  image_type: string | null;
  reject_reason: string | null;
  moderated_by: number | null;
  published_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  reminder_sent_for: NullableTimestamp;
  matched_at: NullableTimestamp;
  matched_note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PinboardReportTable {
  id: Generated<number>;
  post_id: number;
  account_id: number | null;
  reason: string;
  note: string | null;
  created_at: Timestamp;
  decided_at: NullableTimestamp;
  decision: string | null;
}

export interface PinboardConversationTable {
  id: Generated<number>;
  post_id: number;
  reader_account_id: number | null;
  reader_organisation_id: number | null;
  created_at: Timestamp;
}

export interface PinboardMessageTable {
  id: Generated<number>;
  conversation_id: number;
  sender_account_id: number | null;
  from_author: boolean;
  body: string;
  created_at: Timestamp;
}

declare module '../../db/tables.js' {
  interface Database {
    pinboard_setting: PinboardSettingTable;
    pinboard_post: PinboardPostTable;
    pinboard_report: PinboardReportTable;
    pinboard_conversation: PinboardConversationTable;
    pinboard_message: PinboardMessageTable;
  }
}
