import type { ColumnType, Generated } from 'kysely';

/* Row types of 036_audit_evaluation.sql and 190_evaluation_workspace.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar day, read as 'YYYY-MM-DD' (src/db/parsers.ts). */
type Day = ColumnType<string, string, string>;

export interface InstallationSecretTable {
  name: string;
  value: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export const interviewKinds = ['association', 'municipal'] as const;
export type InterviewKind = (typeof interviewKinds)[number];
export const interviewChannels = ['in_person', 'phone', 'video'] as const;
export type InterviewChannel = (typeof interviewChannels)[number];
export const followupStatuses = ['open', 'done', 'dropped'] as const;
export type FollowupStatus = (typeof followupStatuses)[number];
/** The one scope an interview's consent may have. */
export const consentScope = 'evaluation_only';

export interface EvaluationObservationTable {
  id: Generated<number>;
  event_id: number;
  course: Generated<string>;
  topics: Generated<string>;
  worked: Generated<string>;
  suggestions: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvaluationObservationWorkshopTable {
  id: Generated<number>;
  observation_id: number;
  position: number;
  title: string;
  notes: Generated<string>;
}

export interface ObservationNeedTable {
  id: Generated<number>;
  observation_id: number;
  workshop_id: number | null;
  position: number;
  text: string;
  /** The needs log's entry it became (concerns module); null until logged, or when staff removed it. */
  concern_entry_id: Generated<number | null>;
  /** The topic of the needs log (concerns vocabulary) the evaluator chose for it; 'other' when none was chosen. */
  topic: Generated<string>;
}

export interface EvaluationInterviewGuideTable {
  id: Generated<number>;
  guide_key: string;
  version: number;
  kind: InterviewKind;
  title: string;
  questions: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface EvaluationInterviewTable {
  id: Generated<number>;
  held_on: Day;
  kind: InterviewKind;
  channel: InterviewChannel;
  duration_minutes: number | null;
  guide_id: number;
  organisation_id: number | null;
  consent_signed_on: Day;
  consent_version: string;
  consent_scope: typeof consentScope;
  notes: string | null;
  portrait: Generated<string>;
  /** The day the consent was withdrawn: notes, portrait and organisation are gone from then on. */
  consent_withdrawn_on: Generated<string | null>;
  notes_erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvaluationReflectionTable {
  id: Generated<number>;
  held_on: Day;
  agenda: Generated<string>;
  decisions: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface EvaluationFollowupTable {
  id: Generated<number>;
  reflection_id: number;
  position: number;
  task: string;
  owner: string;
  due_on: Day;
  outcome: string | null;
  status: Generated<FollowupStatus>;
}

export interface EvaluationSettingTable {
  name: string;
  value: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

declare module '../../db/tables.js' {
  interface Database {
    installation_secret: InstallationSecretTable;
    evaluation_observation: EvaluationObservationTable;
    evaluation_observation_workshop: EvaluationObservationWorkshopTable;
    observation_need: ObservationNeedTable;
    evaluation_interview_guide: EvaluationInterviewGuideTable;
    evaluation_interview: EvaluationInterviewTable;
    evaluation_reflection: EvaluationReflectionTable;
    evaluation_followup: EvaluationFollowupTable;
    evaluation_setting: EvaluationSettingTable;
  }
}
