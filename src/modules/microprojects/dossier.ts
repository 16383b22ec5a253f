import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { checklistOf, proofDueOf, type ChecklistTask } from './checklist.js';
import { checkMoney, type MoneyCheck, type YearLimits } from './money.js';
import { actualByLine, contactsOf, documentsOf, findProject, findYearRule, receiptsOf, tickedTasks, timelineOf, type ProjectRow, type ReceiptRow, type TimelineEntry, type YearRuleRow } from './queries.js';

/**
 * Everything the project page, the proof of use and the Sachbericht draft
 * show about one project, read once: the record, the year's rules, the
 * checklist for `today`, the receipts and the money checks.
 */

export interface Dossier {
  project: ProjectRow;
  rule: YearRuleRow | null;
  contacts: Awaited<ReturnType<typeof contactsOf>>;
  tasks: ChecklistTask[];
  receipts: ReceiptRow[];
  money: MoneyCheck;
  documents: Awaited<ReturnType<typeof documentsOf>>;
  timeline: TimelineEntry[];
  proofDue: string | null;
}

export const limitsOf = (rule: YearRuleRow): YearLimits => ({
  projectLimitCents: rule.project_limit_cents,
  minijobLimitCents: rule.minijob_limit_cents,
  minimumWageCents: rule.minimum_wage_cents,
  minijobMonthlyCeilingCents: rule.minijob_monthly_ceiling_cents,
  overspendTolerancePercent: rule.overspend_tolerance_percent,
});

export async function loadDossier(db: Kysely<Database>, projectId: number, today: string): Promise<Dossier | null> {
  const project = await findProject(db, projectId);
  if (!project) return null;
  // the timeline: from a year before the project's year (its consultations and trainings) to its end
  const from = `${project.year - 1}-01-01`;
  const to = project.ends_on ?? `${project.year + 1}-12-31`;
  const [rule, contacts, ticked, receipts, actual, documents, timeline] = await Promise.all([
    findYearRule(db, project.year), contactsOf(db, projectId), tickedTasks(db, projectId), receiptsOf(db, projectId), actualByLine(db, projectId),
    documentsOf(db, projectId), timelineOf(db, project.organisation_id, from, to),
  ]);
  const proofDueMonths = rule?.proof_due_months ?? 6;
  const tasks = checklistOf(
    {
      stage: project.stage, applicationDeadline: rule?.application_deadline ?? null, approvedOn: project.approved_on, startsOn: project.starts_on, endsOn: project.ends_on,
      proofDueMonths, hasMinijob: project.planned_minijob_cents > 0, hasTaxAdviser: project.planned_tax_adviser_cents > 0,
    },
    ticked,
    today,
  );
  const money = checkMoney(
    {
      planned: { project_costs: project.planned_project_costs_cents, minijob: project.planned_minijob_cents, tax_adviser: project.planned_tax_adviser_cents },
      actual,
      minijobMonthlyHours: project.minijob_monthly_hours === null ? null : Number(project.minijob_monthly_hours),
      minijobMonthlyPayCents: project.minijob_monthly_pay_cents,
      startsOn: project.starts_on,
      endsOn: project.ends_on,
    },
    rule ? limitsOf(rule) : null,
  );
  return { project, rule: rule ?? null, contacts, tasks, receipts, money, documents, timeline, proofDue: proofDueOf({ endsOn: project.ends_on, proofDueMonths }) };
}
