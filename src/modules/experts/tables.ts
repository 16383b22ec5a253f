import type { ColumnType, Generated } from 'kysely';

/* Row types of migrations/200_experts.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar day as the database returns it: YYYY-MM-DD. */
type Day = string;

/** What a person in the pool is to the centre (report 4, 5 and 7). */
export const expertKinds = ['trainer', 'moderator', 'adviser', 'association_expert'] as const;
export type ExpertKind = (typeof expertKinds)[number];

/** The role of a pool entry at an event: a forum's moderator and experts, a training's trainer. */
export const eventRoles = ['moderator', 'expert', 'trainer', 'adviser'] as const;
export type EventRole = (typeof eventRoles)[number];

/** The topics a pool entry covers: those of the report's trainings, advice and forums. */
export const expertTopics = [
  'writing', 'public_relations', 'association_law', 'tax_minijob', 'funding', 'moderation',
  'intercultural_dialogue', 'volunteering', 'youth', 'women', 'education', 'municipal_cooperation',
] as const;
export type ExpertTopic = (typeof expertTopics)[number];

/** Languages a pool entry works in (more than the six of the interface: the associations' languages). */
export const expertLanguages = ['de', 'en', 'tr', 'ar', 'ru', 'uk', 'fa', 'fr', 'pl', 'es', 'ku', 'ti'] as const;

export const consentSources = ['form', 'paper', 'staff'] as const;

export const outcomeKinds = ['agreement', 'next_step', 'open_question'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface ExpertTable {
  id: Generated<number>;
  kind: ExpertKind;
  full_name: string;
  organisation_id: number | null;
  person_id: number | null;
  topics: TextArray;
  languages: TextArray;
  districts: TextArray;
  fee_note: Generated<string>;
  email: string | null;
  phone: string | null;
  notes: Generated<string>;
  consent_given_on: Day;
  consent_wording_version: string;
  consent_source: (typeof consentSources)[number];
  consent_withdrawn_on: Day | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExpertEventTable {
  event_id: number;
  expert_id: number;
  role: EventRole;
  added_by: number | null;
  added_at: Timestamp;
}

export interface ExpertForumOutcomeTable {
  id: Generated<number>;
  event_id: number;
  kind: OutcomeKind;
  text: string;
  owner: string | null;
  due_on: Day | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ExpertAbsenceTable {
  id: Generated<number>;
  expert_id: number;
  from_on: Day;
  to_on: Day;
  note: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
}

declare module '../../db/tables.js' {
  interface Database {
    expert_absence: ExpertAbsenceTable;
    expert: ExpertTable;
    expert_event: ExpertEventTable;
    expert_forum_outcome: ExpertForumOutcomeTable;
  }
}
