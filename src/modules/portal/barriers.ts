import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Language } from '../../i18n/index.js';
import { writeAudit } from '../identity/index.js';
import { isDeliverableAddress } from '../mail/index.js';
import type { PortalBarrierReportTable } from './tables.js';

/**
 * Reported barriers: a visitor's report lands in the staff queue with an
 * answer deadline (received + the installation's MOSAIK_BARRIER_ANSWER_WEEKS);
 * an open report past its deadline is overdue.
 */

export interface BarrierInput {
  description: string;
  pageAddress: string;
  name: string;
  email: string;
}

export type ReportOutcome = { kind: 'received'; id: number } | { kind: 'invalid'; errors: { field: keyof BarrierInput; code: string }[] };

export function barrierProblems(input: BarrierInput) {
  const errors: { field: keyof BarrierInput; code: string }[] = [];
  if (input.description.trim() === '') errors.push({ field: 'description', code: 'barrierMissing' });
  else if (input.description.length > 5000) errors.push({ field: 'description', code: 'barrierTooLong' });
  if (input.pageAddress.length > 500) errors.push({ field: 'pageAddress', code: 'addressTooLong' });
  if (input.name.length > 200) errors.push({ field: 'name', code: 'nameTooLong' });
  if (input.email.trim() !== '' && !isDeliverableAddress(input.email.trim())) errors.push({ field: 'email', code: 'emailInvalid' });
  return errors;
}

export async function reportBarrier(db: Kysely<Database>, input: BarrierInput, context: { language: Language; now: Date }): Promise<ReportOutcome> {
  const errors = barrierProblems(input);
  if (errors.length > 0) return { kind: 'invalid', errors };
  const row = await db
    .insertInto('portal_barrier_report')
    .values({
      received_at: context.now,
      description: input.description.trim(),
      page_address: input.pageAddress.trim(),
      reporter_name: input.name.trim(),
      reporter_email: input.email.trim(),
      language: context.language,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { kind: 'received', id: row.id };
}

export type BarrierReport = Selectable<PortalBarrierReportTable>;

export interface QueuedReport extends BarrierReport {
  deadline: Date;
  overdue: boolean;
}

const dayMs = 24 * 60 * 60 * 1000;

/** The deadline of a report received at `receivedAt`. */
export const answerDeadline = (receivedAt: Date, weeks: number) => new Date(receivedAt.getTime() + weeks * 7 * dayMs);

/** Open reports first (oldest deadline first), then the answered ones, newest first. */
export async function barrierQueue(db: Kysely<Database>, options: { now: Date; answerWeeks: number }): Promise<QueuedReport[]> {
  const rows = await db.selectFrom('portal_barrier_report').selectAll().orderBy('answered_at', (order) => order.desc().nullsFirst()).orderBy('received_at', 'asc').limit(500).execute();
  return rows.map((row) => {
    const deadline = answerDeadline(new Date(row.received_at), options.answerWeeks);
    return { ...row, deadline, overdue: row.answered_at === null && options.now.getTime() > deadline.getTime() };
  });
}

/** Marks a report as answered, with a note of how (for the record, not shown publicly). */
export async function markBarrierAnswered(db: Kysely<Database>, actor: { accountId: number }, input: { id: number; note: string }, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('portal_barrier_report')
      .set({ answered_at: now, answered_by: actor.accountId, answer_note: input.note.trim().slice(0, 5000) })
      .where('id', '=', input.id)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await writeAudit(trx, { accountId: actor.accountId, action: 'portal.barrier.answer', subjectType: 'portal_barrier_report', subjectId: input.id });
    return true;
  });
}
