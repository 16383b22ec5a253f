import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import type { FormError, ProjectInput } from '../form.js';
import type { Stage } from '../tables.js';

/**
 * Creating and changing a micro-project (centre staff). What the form alone
 * cannot know is checked here against the database, in the transaction that
 * stores: the funder's list row and the earlier project belong to the same
 * organisation, the adviser is centre staff, the mini-job's monthly pay is
 * not above the year's ceiling. Any problem: nothing is stored.
 */

type Db = Kysely<Database>;
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

async function problemsOf(trx: Transaction<Database>, input: ProjectInput, projectId: number | null): Promise<FormError[]> {
  const errors: FormError[] = [];
  const organisation = await trx.selectFrom('organisation').select('id').where('id', '=', input.organisationId).executeTakeFirst();
  if (!organisation) return [{ field: 'organisation_id', code: 'unknownOrganisation' }];
  if (input.grantApplicationId !== null) {
    const grant = await trx.selectFrom('grant_application').select('organisation_id').where('id', '=', input.grantApplicationId).executeTakeFirst();
    if (!grant || grant.organisation_id !== input.organisationId) errors.push({ field: 'grant_application_id', code: 'grantOfOther' });
  }
  if (input.previousProjectId !== null) {
    const previous = await trx.selectFrom('microproject').select(['organisation_id']).where('id', '=', input.previousProjectId).executeTakeFirst();
    if (!previous || previous.organisation_id !== input.organisationId || input.previousProjectId === projectId) errors.push({ field: 'previous_project_id', code: 'previousOfOther' });
  }
  if (input.adviserAccountId !== null) {
    const adviser = await trx.selectFrom('account').select('role').where('id', '=', input.adviserAccountId).executeTakeFirst();
    if (!adviser || (adviser.role !== 'admin' && adviser.role !== 'staff')) errors.push({ field: 'adviser_account_id', code: 'adviserNotStaff' });
  }
  const rule = await trx.selectFrom('microproject_year_rule').select('minijob_monthly_ceiling_cents').where('year', '=', input.year).executeTakeFirst();
  if (!rule) errors.push({ field: 'year', code: 'noRules', values: { year: input.year } });
  else if (input.minijobMonthlyPayCents !== null && input.minijobMonthlyPayCents > rule.minijob_monthly_ceiling_cents) {
    errors.push({ field: 'minijob_monthly_pay', code: 'aboveCeiling', values: { ceiling: (rule.minijob_monthly_ceiling_cents / 100).toFixed(2), year: input.year } });
  }
  return errors;
}

const rowOf = (input: ProjectInput) => ({
  organisation_id: input.organisationId,
  title: input.title,
  summary: input.summary,
  year: input.year,
  application_type: input.applicationType,
  previous_project_id: input.previousProjectId,
  grant_application_id: input.grantApplicationId,
  starts_on: input.startsOn,
  ends_on: input.endsOn,
  planned_project_costs_cents: input.plannedProjectCostsCents,
  planned_minijob_cents: input.plannedMinijobCents,
  planned_tax_adviser_cents: input.plannedTaxAdviserCents,
  minijob_monthly_hours: input.minijobMonthlyHours,
  minijob_monthly_pay_cents: input.minijobMonthlyPayCents,
  adviser_account_id: input.adviserAccountId,
  integration_office: input.integrationOffice,
});

async function replaceContacts(trx: Transaction<Database>, projectId: number, input: ProjectInput) {
  await trx.deleteFrom('microproject_contact').where('project_id', '=', projectId).execute();
  if (input.contacts.length > 0) await trx.insertInto('microproject_contact').values(input.contacts.map((contact) => ({ project_id: projectId, ...contact }))).execute();
}

export async function createProject(db: Db, actorId: number | null, input: ProjectInput): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const errors = await problemsOf(trx, input, null);
    if (errors.length > 0) return { ok: false, errors };
    const { id } = await trx.insertInto('microproject').values(rowOf(input)).returning('id').executeTakeFirstOrThrow();
    await replaceContacts(trx, id, input);
    await writeAudit(trx, { accountId: actorId, action: 'microproject.create', subjectType: 'microproject', subjectId: id, details: { organisationId: input.organisationId, year: input.year } });
    return { ok: true, value: id };
  });
}

export async function updateProject(db: Db, actorId: number | null, projectId: number, input: ProjectInput): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const errors = await problemsOf(trx, input, projectId);
    if (errors.length > 0) return { ok: false, errors };
    await trx.updateTable('microproject').set({ ...rowOf(input), updated_at: new Date() }).where('id', '=', projectId).execute();
    await replaceContacts(trx, projectId, input);
    await writeAudit(trx, { accountId: actorId, action: 'microproject.update', subjectType: 'microproject', subjectId: projectId });
    return { ok: true, value: projectId };
  });
}

/** The stages a project reaches only after the approval notice: the notice's date belongs to them. */
const approvedStages: readonly Stage[] = ['approved', 'running', 'proof_due', 'proof_submitted', 'closed'];

/**
 * Moves a project to a stage; an approval needs the date of the notice (the
 * checklist counts from it). A date given with a later stage is kept too: a
 * project entered late goes straight to "running" with its notice's date.
 */
export async function setStage(db: Db, actorId: number | null, projectId: number, stage: Stage, approvedOn: string | null): Promise<Outcome<Stage>> {
  if (stage === 'approved' && approvedOn === null) return { ok: false, errors: [{ field: 'approved_on', code: 'noticeDate' }] };
  return db.transaction().execute(async (trx) => {
    const changes = approvedStages.includes(stage) && approvedOn !== null ? { stage, approved_on: approvedOn } : { stage };
    await trx.updateTable('microproject').set({ ...changes, updated_at: new Date() }).where('id', '=', projectId).execute();
    await writeAudit(trx, { accountId: actorId, action: 'microproject.stage', subjectType: 'microproject', subjectId: projectId, details: { stage } });
    return { ok: true, value: stage };
  });
}

/**
 * A follow-up application from a project that ends (5.4): a new project of
 * the same association, linked to this one, in the idea stage, with the
 * record's plan copied as a start.
 */
export async function startFollowUp(db: Db, actorId: number | null, projectId: number, year: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const previous = await trx.selectFrom('microproject').selectAll().where('id', '=', projectId).executeTakeFirstOrThrow();
    const { id } = await trx
      .insertInto('microproject')
      .values({
        organisation_id: previous.organisation_id, title: previous.title, summary: previous.summary, year, application_type: 'follow_up', previous_project_id: previous.id,
        planned_project_costs_cents: previous.planned_project_costs_cents, planned_minijob_cents: previous.planned_minijob_cents,
        planned_tax_adviser_cents: previous.planned_tax_adviser_cents, minijob_monthly_hours: previous.minijob_monthly_hours,
        minijob_monthly_pay_cents: previous.minijob_monthly_pay_cents, adviser_account_id: previous.adviser_account_id, integration_office: previous.integration_office,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contacts = await trx.selectFrom('microproject_contact').select(['name', 'email', 'language']).where('project_id', '=', projectId).execute();
    if (contacts.length > 0) await trx.insertInto('microproject_contact').values(contacts.map((contact) => ({ project_id: id, ...contact }))).execute();
    await writeAudit(trx, { accountId: actorId, action: 'microproject.followUp', subjectType: 'microproject', subjectId: id, details: { previousProjectId: projectId } });
    return id;
  });
}
