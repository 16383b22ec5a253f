import type { ColumnType, Generated } from 'kysely';

/* Row types of 160_selfcheck.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The four answers: where the organisation stands, never a grade (report 6.2: it chooses what it pursues). */
export const answers = ['done', 'in_progress', 'not_yet', 'not_relevant'] as const;
export type Answer = (typeof answers)[number];
/** Answers that lead to next steps. */
export const openAnswers: readonly Answer[] = ['not_yet', 'in_progress'];

/** The languages an item is written in: the six of the site and Leichte Sprache ('easy', German). */
export const textLanguages = ['de', 'en', 'tr', 'ar', 'ru', 'uk', 'easy'] as const;
export type TextLanguage = (typeof textLanguages)[number];
export type Texts = Partial<Record<TextLanguage, string>>;

export interface SelfcheckAreaTable {
  key: string;
  position: number;
  titles: ColumnType<Texts, string, string>;
}

export interface SelfcheckItemTable {
  key: string;
  area_key: string;
  position: number;
  active: Generated<boolean>;
}

export interface SelfcheckItemVersionTable {
  id: Generated<number>;
  item_key: string;
  version: number;
  texts: ColumnType<Texts, string, string>;
  event_formats: ColumnType<string[], string[] | undefined, string[]>;
  wegweiser_topics: ColumnType<string[], string[] | undefined, string[]>;
  consultation_topic: string | null;
  pinboard_kinds: ColumnType<string[], string[] | undefined, string[]>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface SelfcheckTable {
  id: Generated<number>;
  organisation_id: number;
  state: ColumnType<'draft' | 'submitted', 'draft' | 'submitted' | undefined, 'draft' | 'submitted'>;
  started_by: number | null;
  with_adviser: Generated<boolean>;
  consultation_id: number | null;
  start_token: string;
  submitted_on: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  submitted_by: number | null;
  latest: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SelfcheckAnswerTable {
  selfcheck_id: number;
  item_key: string;
  item_version_id: number;
  organisation_id: number;
  latest: Generated<boolean>;
  answer: Answer;
  note: string | null;
}

declare module '../../db/tables.js' {
  interface Database {
    selfcheck_area: SelfcheckAreaTable;
    selfcheck_item: SelfcheckItemTable;
    selfcheck_item_version: SelfcheckItemVersionTable;
    selfcheck: SelfcheckTable;
    selfcheck_answer: SelfcheckAnswerTable;
  }
}
