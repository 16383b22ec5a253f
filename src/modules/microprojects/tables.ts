import type { ColumnType, Generated } from 'kysely';

/* Row types of migrations/150_microprojects.sql, added to the database's type by declaration merging. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar day as the database returns it: YYYY-MM-DD. */
type Day = string;

/** The stages of a micro-project, in the order a project normally passes them. */
export const stages = ['idea', 'in_consultation', 'application_submitted', 'approved', 'rejected', 'withdrawn', 'running', 'proof_due', 'proof_submitted', 'closed'] as const;
export type Stage = (typeof stages)[number];

/** The budget lines of the WIR finance plan. */
export const budgetLines = ['project_costs', 'minijob', 'tax_adviser'] as const;
export type BudgetLine = (typeof budgetLines)[number];

export interface MicroprojectYearRuleTable {
  year: number;
  project_limit_cents: number;
  minijob_limit_cents: number;
  application_deadline: Day;
  minimum_wage_cents: number;
  minijob_monthly_ceiling_cents: number;
  proof_due_months: Generated<number>;
  overspend_tolerance_percent: Generated<number>;
  source: Generated<string>;
  updated_at: Timestamp;
}

export interface MicroprojectTable {
  id: Generated<number>;
  organisation_id: number;
  grant_application_id: number | null;
  title: string;
  summary: Generated<string>;
  year: number;
  application_type: Generated<'new' | 'follow_up'>;
  previous_project_id: number | null;
  stage: Generated<Stage>;
  approved_on: Day | null;
  starts_on: Day | null;
  ends_on: Day | null;
  planned_project_costs_cents: Generated<number>;
  planned_minijob_cents: Generated<number>;
  planned_tax_adviser_cents: Generated<number>;
  /** numeric(6,2): the database returns it as text. */
  minijob_monthly_hours: ColumnType<string | null, string | number | null, string | number | null>;
  minijob_monthly_pay_cents: number | null;
  adviser_account_id: number | null;
  integration_office: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MicroprojectContactTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  email: string;
  language: Generated<string>;
}

export interface MicroprojectTaskDoneTable {
  project_id: number;
  task: string;
  done_at: Timestamp;
  done_by: number | null;
}

export interface MicroprojectReminderTable {
  project_id: number;
  task: string;
  kind: 'before' | 'missed';
  recipient: string;
  sent_at: Timestamp;
}

export interface MicroprojectReceiptTable {
  id: Generated<number>;
  project_id: number;
  paid_on: Day;
  payee: string;
  purpose: string;
  budget_line: BudgetLine;
  amount_cents: number;
  kept: Generated<boolean>;
  kept_where: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface MicroprojectDocumentTable {
  id: Generated<number>;
  project_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Uint8Array;
  uploaded_by: number | null;
  created_at: Timestamp;
}

/** A target group or goal of the staff-kept list (migrations/155_microproject_tags.sql). */
export interface MicroprojectTagTable {
  key: string;
  kind: 'target_group' | 'goal';
  label_de: string;
  label_en: string;
  keywords: Generated<string>;
  position: Generated<number>;
  updated_at: Timestamp;
}
export type TagKind = MicroprojectTagTable['kind'];

/** A tag staff confirmed on a project. */
export interface MicroprojectProjectTagTable {
  project_id: number;
  tag_key: string;
  confirmed_by: number | null;
  confirmed_at: Timestamp;
}

/** The Sachbericht as the association completed it (migrations/156_microproject_report.sql). */
export interface MicroprojectReportTable {
  project_id: number;
  goals: string;
  activities: string;
  consultations: string;
  minijob: string;
  network: string;
  results: string;
  version: number;
  saved_at: Timestamp;
  saved_by_account_id: number | null;
}

declare module '../../db/tables.js' {
  interface Database {
    microproject_year_rule: MicroprojectYearRuleTable;
    microproject: MicroprojectTable;
    microproject_contact: MicroprojectContactTable;
    microproject_task_done: MicroprojectTaskDoneTable;
    microproject_reminder: MicroprojectReminderTable;
    microproject_receipt: MicroprojectReceiptTable;
    microproject_document: MicroprojectDocumentTable;
    microproject_tag: MicroprojectTagTable;
    microproject_project_tag: MicroprojectProjectTagTable;
    microproject_report: MicroprojectReportTable;
  }
}
