import type { ColumnType, Generated } from 'kysely';

/* Row types of 121_faq.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** draft → agreed (with the ministry and the Regierungspräsidium, report 5.4) → published; only published entries are public. */
export const faqStates = ['draft', 'agreed', 'published'] as const;
export type FaqState = (typeof faqStates)[number];

export interface FaqEntryTable {
  id: Generated<number>;
  topic: string;
  state: ColumnType<FaqState, FaqState | undefined, FaqState>;
  /** The day the answer was last checked against the funding rules, 'YYYY-MM-DD'. */
  reviewed_on: ColumnType<string | null, string | null | undefined, string | null>;
  position: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FaqTranslationTable {
  entry_id: number;
  language: string;
  question: string;
  answer: string;
}

export interface FaqFeedbackTable {
  id: Generated<number>;
  entry_id: number;
  helpful: boolean;
  question: string | null;
  language: string;
  created_at: Timestamp;
  handled_at: Timestamp | null;
}

declare module '../../db/tables.js' {
  interface Database {
    faq_entry: FaqEntryTable;
    faq_translation: FaqTranslationTable;
    faq_feedback: FaqFeedbackTable;
  }
}
