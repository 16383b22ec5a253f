import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { checklistOf, nextTask, type ChecklistTask } from './checklist.js';
import type { Viewer } from './policy.js';
import type { BudgetLine } from './tables.js';

/** Reads of the micro-projects module; what the pages show is shaped in present.ts. */

type Db = Kysely<Database>;

export async function findProject(db: Db, id: number) {
  return db
    .selectFrom('microproject as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('account as a', 'a.id', 'p.adviser_account_id')
    .selectAll('p')
    .select(['o.name as organisation_name', 'o.district', 'a.display_name as adviser_name', 'a.email as adviser_email', 'a.locale as adviser_locale'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>;

export const findYearRule = (db: Db, year: number) => db.selectFrom('microproject_year_rule').selectAll().where('year', '=', year).executeTakeFirst();
export const listYearRules = (db: Db) => db.selectFrom('microproject_year_rule').selectAll().orderBy('year', 'desc').execute();
export type YearRuleRow = NonNullable<Awaited<ReturnType<typeof findYearRule>>>;

export const contactsOf = (db: Db, projectId: number) =>
  db.selectFrom('microproject_contact').select(['id', 'name', 'email', 'language']).where('project_id', '=', projectId).orderBy('id').execute();

export async function tickedTasks(db: Db, projectId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('microproject_task_done').select('task').where('project_id', '=', projectId).execute();
  return new Set(rows.map((row) => row.task));
}

export const receiptsOf = (db: Db, projectId: number) =>
  db.selectFrom('microproject_receipt').selectAll().where('project_id', '=', projectId).orderBy('paid_on').orderBy('id').execute();
export type ReceiptRow = Awaited<ReturnType<typeof receiptsOf>>[number];

export const documentsOf = (db: Db, projectId: number) =>
  db.selectFrom('microproject_document').select(['id', 'file_name', 'content_type', 'size_bytes', 'created_at']).where('project_id', '=', projectId).orderBy('id').execute();

export const findDocument = (db: Db, projectId: number, documentId: number) =>
  db.selectFrom('microproject_document').selectAll().where('project_id', '=', projectId).where('id', '=', documentId).executeTakeFirst();

/** The sums of a project's receipts per budget line. */
export async function actualByLine(db: Db, projectId: number): Promise<Record<BudgetLine, number>> {
  const rows = await db
    .selectFrom('microproject_receipt')
    .select(['budget_line', (eb) => eb.fn.sum<string>('amount_cents').as('total')])
    .where('project_id', '=', projectId)
    .groupBy('budget_line')
    .execute();
  const actual: Record<BudgetLine, number> = { project_costs: 0, minijob: 0, tax_adviser: 0 };
  for (const row of rows) actual[row.budget_line] = Number(row.total);
  return actual;
}

/** The projects a viewer may read, newest year first (index microproject_organisation for representatives). */
export function projectsFor(db: Db, viewer: Viewer) {
  let query = db
    .selectFrom('microproject as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('microproject_year_rule as r', 'r.year', 'p.year')
    .leftJoin('account as a', 'a.id', 'p.adviser_account_id')
    .select([
      'p.id', 'p.title', 'p.year', 'p.stage', 'p.approved_on', 'p.starts_on', 'p.ends_on', 'p.planned_minijob_cents', 'p.planned_tax_adviser_cents',
      'p.organisation_id', 'o.name as organisation_name', 'a.display_name as adviser_name', 'r.application_deadline', 'r.proof_due_months',
    ])
    .orderBy('p.year', 'desc')
    .orderBy('o.name')
    .orderBy('p.id');
  if (viewer.kind === 'coordinator') query = query.where('o.district', 'in', viewer.districts.length > 0 ? viewer.districts : ['']);
  if (viewer.kind === 'representative') query = query.where('p.organisation_id', 'in', viewer.organisationIds.length > 0 ? viewer.organisationIds : [0]);
  return query;
}

export interface OverviewRow {
  id: number;
  title: string;
  year: number;
  stage: ProjectRow['stage'];
  organisationName: string;
  adviserName: string | null;
  next: ChecklistTask | undefined;
  overdue: ChecklistTask[];
}

/**
 * The adviser overview: every project's next task and what is overdue. The
 * checklist is computed per project of the page from its dates; the page, its
 * total and the ticked tasks come in one query (index microproject_adviser).
 */
export async function adviserOverview(db: Db, viewer: Viewer, today: string, options: { adviserId?: number; limit?: number; offset?: number } = {}): Promise<{ rows: OverviewRow[]; total: number }> {
  let query = projectsFor(db, viewer)
    // one round trip: the page, the total beside each row, and each project's ticked tasks
    .select([sql<string>`count(*) over ()`.as('total'), sql<string[]>`array(select t.task from microproject_task_done t where t.project_id = p.id)`.as('ticked')]);
  if (options.adviserId !== undefined) query = query.where('p.adviser_account_id', '=', options.adviserId);
  const page = await query.limit(options.limit ?? 10_000).offset(options.offset ?? 0).execute();
  const rows = page.map((project): OverviewRow => {
    const tasks = checklistOf(
      {
        stage: project.stage, applicationDeadline: project.application_deadline ?? null, approvedOn: project.approved_on, startsOn: project.starts_on, endsOn: project.ends_on,
        proofDueMonths: project.proof_due_months ?? 6, hasMinijob: project.planned_minijob_cents > 0, hasTaxAdviser: project.planned_tax_adviser_cents > 0,
      },
      new Set(project.ticked),
      today,
    );
    return {
      id: project.id, title: project.title, year: project.year, stage: project.stage, organisationName: project.organisation_name, adviserName: project.adviser_name,
      next: nextTask(tasks), overdue: tasks.filter((task) => task.state === 'overdue'),
    };
  });
  return { rows, total: Number(page[0]?.total ?? 0) };
}

/** The organisation's consultations and events attended, for the project's timeline. */
export async function timelineOf(db: Db, organisationId: number, from: string, to: string) {
  const [consultations, events] = await Promise.all([
    db.selectFrom('consultation').select(['id', 'consulted_on as day', 'topic', 'channel']).where('organisation_id', '=', organisationId)
      .where('consulted_on', '>=', from).where('consulted_on', '<=', to).orderBy('consulted_on').execute(),
    db.selectFrom('participation as pa').innerJoin('event as e', 'e.id', 'pa.event_id')
      .select(['e.id', 'e.start_date as day', 'e.title', 'e.format', (eb) => eb.fn.countAll<string>().as('persons')])
      .where('pa.organisation_id', '=', organisationId).where('e.start_date', '>=', from).where('e.start_date', '<=', to)
      .groupBy(['e.id', 'e.start_date', 'e.title', 'e.format']).orderBy('e.start_date').execute(),
  ]);
  return [
    ...consultations.map((c) => ({ kind: 'consultation' as const, id: c.id, day: c.day, label: c.topic, detail: c.channel, persons: null })),
    ...events.map((e) => ({ kind: 'event' as const, id: e.id, day: e.day, label: e.title, detail: e.format, persons: Number(e.persons) })),
  ].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
export type TimelineEntry = Awaited<ReturnType<typeof timelineOf>>[number];

/** The organisation's rows on the funder's list (grants module), to link a project to one. */
export const grantRowsOf = (db: Db, organisationId: number) =>
  db.selectFrom('grant_application').select(['id', 'year', 'application_type', 'status', 'amount_eur']).where('organisation_id', '=', organisationId).orderBy('year', 'desc').execute();

export const organisationChoices = (db: Db) => db.selectFrom('organisation').select(['id', 'name']).orderBy('name').orderBy('id').execute();

export const adviserChoices = (db: Db) =>
  db.selectFrom('account').select(['id', 'display_name', 'email']).where('role', 'in', ['admin', 'staff']).where('disabled_at', 'is', null).orderBy('display_name').execute();

export const earlierProjectsOf = (db: Db, organisationId: number) =>
  db.selectFrom('microproject').select(['id', 'title', 'year']).where('organisation_id', '=', organisationId).orderBy('year', 'desc').execute();
