import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import { knownTasks } from '../checklist.js';
import type { FormError, ReceiptInput, YearRuleInput } from '../form.js';
import type { Outcome } from './projects.js';

/**
 * What the association and its adviser keep on a project: ticked tasks,
 * receipts and documents; and the year's rules that staff keep.
 */

type Db = Kysely<Database>;

export async function tickTask(db: Db, actorId: number, projectId: number, task: string, done: boolean): Promise<Outcome<string>> {
  if (!knownTasks.has(task)) return { ok: false, errors: [{ field: 'task', code: 'unknownTask' }] };
  await db.transaction().execute(async (trx) => {
    if (done) await trx.insertInto('microproject_task_done').values({ project_id: projectId, task, done_by: actorId }).onConflict((oc) => oc.doNothing()).execute();
    else await trx.deleteFrom('microproject_task_done').where('project_id', '=', projectId).where('task', '=', task).execute();
    await writeAudit(trx, { accountId: actorId, action: done ? 'microproject.taskDone' : 'microproject.taskReopened', subjectType: 'microproject', subjectId: projectId, details: { task } });
  });
  return { ok: true, value: task };
}

export async function addReceipt(db: Db, actorId: number, projectId: number, receipt: ReceiptInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('microproject_receipt')
      .values({
        project_id: projectId, paid_on: receipt.paidOn, payee: receipt.payee, purpose: receipt.purpose, budget_line: receipt.budgetLine,
        amount_cents: receipt.amountCents, kept: receipt.kept, kept_where: receipt.keptWhere, created_by: actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { accountId: actorId, action: 'microproject.receipt', subjectType: 'microproject', subjectId: projectId, details: { receiptId: id } });
    return id;
  });
}

export async function deleteReceipt(db: Db, actorId: number, projectId: number, receiptId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('microproject_receipt').where('project_id', '=', projectId).where('id', '=', receiptId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await writeAudit(trx, { accountId: actorId, action: 'microproject.receiptDeleted', subjectType: 'microproject', subjectId: projectId, details: { receiptId } });
    return true;
  });
}

/** What a project's documents may be: the types a board scans or writes, recognised by their first bytes. */
const documentTypes: { type: string; extension: string; magic: number[] }[] = [
  { type: 'application/pdf', extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
];
export const largestDocumentBytes = 10 * 1024 * 1024;

/** The real type of a file by its content; null when it is none of the accepted types. */
export function documentTypeOf(content: Uint8Array): string | null {
  return documentTypes.find((kind) => kind.magic.every((byte, index) => content[index] === byte))?.type ?? null;
}

/** The type a file's name claims ("beleg.pdf" → application/pdf). */
const claimedTypeOf = (fileName: string) => {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  return documentTypes.find((kind) => kind.extension === extension || (extension === 'jpeg' && kind.extension === 'jpg'))?.type ?? null;
};

export async function uploadDocument(db: Db, actorId: number, projectId: number, file: { fileName: string; content: Uint8Array; truncated: boolean }): Promise<Outcome<number>> {
  const problem = (code: string, values?: Record<string, string | number>): Outcome<number> => ({ ok: false, errors: [{ field: 'document', code, values } satisfies FormError] });
  if (file.truncated || file.content.length > largestDocumentBytes) return problem('fileTooLarge', { max: largestDocumentBytes / 1024 / 1024 });
  if (file.content.length === 0) return problem('fileEmpty');
  const actual = documentTypeOf(file.content);
  const claimed = claimedTypeOf(file.fileName);
  if (actual === null || claimed !== actual) return problem('fileType', { name: file.fileName });
  const fileName = file.fileName.replace(/[\\/]/g, '_').slice(0, 200);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('microproject_document')
      .values({ project_id: projectId, file_name: fileName, content_type: actual, size_bytes: file.content.length, content: file.content, uploaded_by: actorId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { accountId: actorId, action: 'microproject.document', subjectType: 'microproject', subjectId: projectId, details: { documentId: id } });
    return { ok: true, value: id };
  });
}

export async function saveYearRule(db: Db, actorId: number | null, rule: YearRuleInput): Promise<void> {
  const values = {
    project_limit_cents: rule.projectLimitCents, minijob_limit_cents: rule.minijobLimitCents, application_deadline: rule.applicationDeadline,
    minimum_wage_cents: rule.minimumWageCents, minijob_monthly_ceiling_cents: rule.minijobMonthlyCeilingCents, proof_due_months: rule.proofDueMonths,
    overspend_tolerance_percent: rule.overspendTolerancePercent, source: rule.source,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('microproject_year_rule').values({ year: rule.year, ...values }).onConflict((oc) => oc.column('year').doUpdateSet({ ...values, updated_at: new Date() })).execute();
    await writeAudit(trx, { accountId: actorId, action: 'microproject.yearRule', subjectType: 'microproject_year_rule', subjectId: rule.year });
  });
}
