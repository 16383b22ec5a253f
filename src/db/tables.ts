import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/*
 * The database's tables as Kysely sees them; the one source of row types.
 * Keep in step with src/db/migrations (a test compares both).
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar day, 'YYYY-MM-DD'. */
type Day = string;

export type Role = 'admin' | 'staff' | 'coordinator' | 'representative' | 'funder' | 'evaluator';
/** The event formats of spec/exchange.md, in the order the evaluation report lists them (chapter 5). */
export const eventFormats = [
  'regional_network_meeting',
  'state_network_meeting',
  'training_application',
  'training_implementation',
  'training_reporting',
  'writing_workshop',
  'pr_training',
  // issue 15 (report 7): between a municipal administration and associations, staffed from the expert pool
  'dialogue_forum',
  'other',
] as const;
export type EventFormat = (typeof eventFormats)[number];

export interface AccountTable {
  id: Generated<number>;
  email: string;
  display_name: Generated<string>;
  password_hash: string | null;
  role: Role;
  locale: Generated<string>;
  created_at: Generated<Timestamp>;
  disabled_at: Timestamp | null;
}

export interface AccountScopeTable {
  account_id: number;
  district: string | null;
  organisation_id: number | null;
}

export interface SessionTable {
  id: string;
  account_id: number;
  csrf_token: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  last_seen_at: Generated<Timestamp>;
}

export interface PasswordTokenTable {
  id: string;
  account_id: number;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Timestamp>;
  account_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface OrganisationTable {
  id: Generated<number>;
  org_key: string | null;
  name: string;
  legal_form: string | null;
  founded_year: number | null;
  orientation: string | null;
  municipality: string | null;
  district: string | null;
  postcode: string | null;
  fields: ColumnType<string[], string[] | undefined, string[]>;
  email: string | null;
  website: string | null;
  phone: string | null;
  needs_review: Generated<boolean>;
  created_from: Generated<'staff' | 'import' | 'registration' | 'demo'>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  // 020_organisation_profile.sql
  communities: ColumnType<string[], string[] | undefined, string[]>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  target_groups: ColumnType<string[], string[] | undefined, string[]>;
  rooms: 'own' | 'shared' | 'provided' | 'none' | null;
  portrait: string | null;
  portrait_consent_by: string | null;
  portrait_consent_on: Day | null;
  portrait_consent_wording: string | null;
  portrait_published: Generated<boolean>;
  latitude: number | null;
  longitude: number | null;
  notes: string | null;
}

/** Umbrella memberships and networks: "from" is a member of (or in the network) "to". */
export interface OrganisationLinkTable {
  from_organisation_id: number;
  to_organisation_id: number;
  kind: 'member_of' | 'network';
  since_year: number | null;
  created_at: Generated<Timestamp>;
}

export interface OrganisationNameTable {
  normalised_name: string;
  organisation_id: number;
  name: string;
  is_alias: boolean;
}

export interface OrganisationDistinctPairTable {
  organisation_id_low: number;
  organisation_id_high: number;
  decided_by: number | null;
  decided_at: Generated<Timestamp>;
}

export interface EventTable {
  id: Generated<number>;
  event_key: string;
  title: string;
  format: EventFormat;
  start_date: Day;
  organizer: Generated<'centre' | 'partner'>;
  municipality: string | null;
  district: string | null;
  capacity: number | null;
  per_org_limit: number | null;
  feedback_form_id: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ParticipationTable {
  id: Generated<number>;
  event_id: number;
  organisation_id: number | null;
  person_name: Generated<string>;
  person_key: Generated<string>;
  email: string | null;
  source: Generated<'import' | 'checkin' | 'registration' | 'demo'>;
  created_at: Generated<Timestamp>;
}

export interface FeedbackFormTable {
  id: Generated<number>;
  format: string | null;
  is_template: Generated<boolean>;
  name: string;
  created_at: Generated<Timestamp>;
}

export type QuestionKind = 'rating' | 'yes_no' | 'open';

export interface FeedbackQuestionTable {
  id: Generated<number>;
  form_id: number;
  position: number;
  kind: QuestionKind;
  key: string | null;
  texts: ColumnType<Record<string, string>, string, string>;
}

export interface FeedbackResponseTable {
  id: Generated<number>;
  event_id: number;
  response_key: string;
  language: string | null;
  channel: Generated<'paper' | 'online' | 'import' | 'demo'>;
  created_at: Generated<Timestamp>;
}

export interface FeedbackAnswerTable {
  response_id: number;
  question_id: number;
  rating: number | null;
  yes_no: boolean | null;
  text_value: string | null;
}

export interface ConsultationTable {
  id: Generated<number>;
  consulted_on: Day;
  organisation_id: number;
  channel: 'phone' | 'in_person' | 'email' | 'video';
  topic: Generated<string>;
  duration_minutes: number | null;
  notes: string | null;
  source: Generated<'staff' | 'import' | 'demo'>;
  created_at: Generated<Timestamp>;
  // 021_consultations.sql
  persons: string | null;
  outcome: string | null;
  follow_up_on: Day | null;
  follow_up_done_at: Timestamp | null;
  created_by: number | null;
  updated_at: Generated<Timestamp>;
  referral_expert: string | null;
  // 202_referral_pool.sql (consultations/migrations): the expert picked from the pool
  referral_expert_id: Generated<number | null>;
  referral_cost_eur: string | number | null;
  referral_status: 'proposed' | 'approved' | 'rejected' | null;
  referral_approved_by: number | null;
  referral_approved_at: Timestamp | null;
}

// 021_consultations.sql: the topic list staff maintain
export interface ConsultationTopicTable {
  key: string;
  de: string;
  en: string;
  active: Generated<boolean>;
  position: Generated<number>;
}

export interface GrantApplicationTable {
  id: Generated<number>;
  year: number;
  organisation_id: number;
  application_type: 'new' | 'follow_up';
  status: 'submitted' | 'approved' | 'rejected' | 'withdrawn';
  approved_on: Day | null;
  summary: string | null;
  amount_eur: number | null;
  duration_months: number | null;
  source: Generated<'staff' | 'import' | 'demo'>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ImportUploadTable {
  id: string;
  kind: string;
  file_name: string;
  content: Uint8Array;
  account_id: number | null;
  created_at: Generated<Timestamp>;
}

export interface ImportRunTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  sha256: string;
  account_id: number | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  new_organisations: number;
  created_at: Generated<Timestamp>;
}

// 010_registration.sql: registration, waitlist, check-in, mail outbox
export type RegistrationStatus = 'registered' | 'waitlisted' | 'promoted' | 'cancelled' | 'attended' | 'no_show';
/** Columns 010_registration.sql adds to event (merges with EventTable above). */
export interface EventTable {
  description: string | null;
  starts_at: string | null;
  ends_at: string | null;
  place: string | null;
  language: string | null;
  accessibility: string | null;
  registration_opens_at: Timestamp | null;
  registration_closes_at: Timestamp | null;
  cancelled_at: Timestamp | null;
}
export interface RegistrationGroupTable {
  id: Generated<number>;
  event_id: number;
  organisation_id: number | null;
  contact_email: string;
  language: Generated<string>;
  manage_token_hash: string;
  account_id: number | null;
  created_at: Generated<Timestamp>;
}
export interface RegistrationTable {
  id: Generated<number>;
  event_id: number;
  group_id: number;
  organisation_id: number | null;
  person_name: string;
  person_key: string;
  email: string | null;
  language: Generated<string>;
  status: RegistrationStatus;
  overridden: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Timestamp;
}
export interface RegistrationStatusChangeTable {
  id: Generated<number>;
  registration_id: number;
  from_status: RegistrationStatus | null;
  to_status: RegistrationStatus;
  account_id: number | null;
  reason: Generated<string>;
  at: Generated<Timestamp>;
}
export interface MailOutboxTable {
  id: Generated<number>;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: Generated<'queued' | 'sent' | 'failed' | 'outbox_only'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  event_id: number | null;
  registration_id: number | null;
  created_at: Generated<Timestamp>;
  sent_at: Timestamp | null;
}

export interface Database {
  registration_group: RegistrationGroupTable;
  registration: RegistrationTable;
  registration_status_change: RegistrationStatusChangeTable;
  mail_outbox: MailOutboxTable;
  account: AccountTable;
  account_scope: AccountScopeTable;
  session: SessionTable;
  password_token: PasswordTokenTable;
  audit_log: AuditLogTable;
  organisation: OrganisationTable;
  organisation_name: OrganisationNameTable;
  organisation_distinct_pair: OrganisationDistinctPairTable;
  organisation_link: OrganisationLinkTable;
  event: EventTable;
  participation: ParticipationTable;
  feedback_form: FeedbackFormTable;
  feedback_question: FeedbackQuestionTable;
  feedback_response: FeedbackResponseTable;
  feedback_answer: FeedbackAnswerTable;
  consultation: ConsultationTable;
  consultation_topic: ConsultationTopicTable;
  grant_application: GrantApplicationTable;
  import_upload: ImportUploadTable;
  import_run: ImportRunTable;
}

// 011_feedback.sql: online feedback forms (short code, one submission per token)
export interface FeedbackCodeTable {
  code: string;
  event_id: number;
  created_at: Generated<Timestamp>;
}
export interface FeedbackSubmissionTable {
  token_hash: string;
  event_id: number;
  response_id: number;
  submitted_at: Generated<Timestamp>;
}
export interface Database {
  feedback_code: FeedbackCodeTable;
  feedback_submission: FeedbackSubmissionTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type Event = Selectable<EventTable>;
export type Account = Selectable<AccountTable>;
