import type { ColumnType, Generated } from 'kysely';

/* Row types of 170_concerns.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Day = ColumnType<string, string, string>;

export const entryKinds = ['need', 'concern'] as const;
export type EntryKind = (typeof entryKinds)[number];

/** A need is open until an offer takes it up; a concern is collected, forwarded to the ministry, and then changed or declined. */
export const needStates = ['open', 'taken_up'] as const;
export const concernStates = ['collected', 'forwarded', 'changed', 'declined'] as const;
export type EntryState = (typeof needStates)[number] | (typeof concernStates)[number];
/** The outcome the report speaks of: changed, declined, or still open (collected or forwarded). */
export const outcomeOf = (state: EntryState): 'changed' | 'declined' | 'open' => (state === 'changed' || state === 'declined' ? state : 'open');

/** The title in the languages other than German, where the entry came from a text that has them (a Vereins-Check item). */
export const translatedLanguages = ['en', 'tr', 'ar', 'ru', 'uk'] as const;
export type TitleTranslations = Partial<Record<(typeof translatedLanguages)[number], string>>;

/** The title in the reader's language where the entry has it, else the German title as written. */
export const titleIn = (entry: { title: string; title_translations?: TitleTranslations | null }, language: string): string =>
  (language !== 'de' && entry.title_translations?.[language as keyof TitleTranslations]) || entry.title;

export const sourceKinds = ['event', 'feedback', 'consultation', 'selfcheck', 'evaluation', 'other'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export interface ConcernEntryTable {
  id: Generated<number>;
  kind: EntryKind;
  title: string;
  /** JSON: see TitleTranslations (231_concern_title_translations.sql). */
  title_translations: ColumnType<TitleTranslations, string | undefined, string>;
  description: ColumnType<string, string | undefined, string>;
  topic: string;
  raised_on: Day;
  district: string | null;
  state: EntryState;
  forwarded_on: ColumnType<string | null, string | null | undefined, string | null>;
  forwarded_meeting_id: ColumnType<number | null, number | null | undefined, number | null>;
  answer: ColumnType<string, string | undefined, string>;
  is_public: ColumnType<boolean, boolean | undefined, boolean>;
  public_wording: ColumnType<string, string | undefined, string>;
  merged_into: ColumnType<number | null, number | null | undefined, number | null>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConcernSourceTable {
  id: Generated<number>;
  entry_id: number;
  kind: SourceKind;
  event_id: number | null;
  feedback_response_id: number | null;
  feedback_question_id: number | null;
  consultation_id: number | null;
  note: ColumnType<string, string | undefined, string>;
  raised_on: Day;
  created_at: Timestamp;
}

export interface ConcernEntryOrganisationTable {
  entry_id: number;
  organisation_id: number;
}

export interface ConcernEntryEventTable {
  entry_id: number;
  event_id: number;
}

export interface ConcernStateChangeTable {
  id: Generated<number>;
  entry_id: number;
  from_state: string | null;
  to_state: string;
  note: ColumnType<string, string | undefined, string>;
  meeting_id: number | null;
  account_id: number | null;
  changed_at: Timestamp;
}

export interface ConcernMeetingTable {
  id: Generated<number>;
  held_on: Day;
  title: string;
  place: string | null;
  minutes_recorded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
}

export interface ConcernAgendaItemTable {
  meeting_id: number;
  entry_id: number;
  position: number;
  minutes: ColumnType<string, string | undefined, string>;
}

declare module '../../db/tables.js' {
  interface Database {
    concern_entry: ConcernEntryTable;
    concern_source: ConcernSourceTable;
    concern_entry_organisation: ConcernEntryOrganisationTable;
    concern_entry_event: ConcernEntryEventTable;
    concern_state_change: ConcernStateChangeTable;
    concern_meeting: ConcernMeetingTable;
    concern_agenda_item: ConcernAgendaItemTable;
  }
}
