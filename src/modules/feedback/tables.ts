/* Row types of 040_feedback_summary.sql, added to the database's type by declaration merging. */

/** Counts of one event's answers to one question, kept by triggers (the annex reads these). */
export interface FeedbackSummaryTable {
  event_id: number;
  question_id: number;
  answers: number;
  rated: number;
  rating_sum: number;
  grade_1: number;
  grade_2: number;
  grade_3: number;
  grade_4: number;
  yes: number;
  no: number;
  texts: number;
}

declare module '../../db/tables.js' {
  interface Database {
    feedback_summary: FeedbackSummaryTable;
  }
}
