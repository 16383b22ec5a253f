import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import type { AreaAnswer } from '../form.js';
import { currentChecklist } from '../items.js';

/**
 * Starting, answering and submitting a Vereins-Check. Each is one
 * transaction, and each is safe to repeat:
 *  - a start carries the form's token (unique) and an organisation has at
 *    most one draft (selfcheck_one_draft), so a double click, a second tab or
 *    an adviser starting while the representative has one open all continue
 *    the same draft;
 *  - answers are upserted by (check, item), on the locked draft;
 *  - a submit locks the check; a second submit finds it submitted and stores
 *    nothing more.
 * What staff do with a check (it describes an association whose membership
 * may reveal an origin) is written to the audit log.
 */

type Db = Kysely<Database>;

export interface StartInput {
  organisationId: number;
  accountId: number;
  token: string;
  withAdviser: boolean;
  consultationId: number | null;
}

/** The draft to continue: a new one, or the one this token or this organisation already has. */
export async function startCheck(db: Db, input: StartInput): Promise<{ id: number; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await sql<{ id: number }>`
      insert into selfcheck (organisation_id, started_by, with_adviser, consultation_id, start_token)
      values (${input.organisationId}, ${input.accountId}, ${input.withAdviser}, ${input.consultationId}, ${input.token})
      on conflict do nothing returning id`.execute(trx);
    if (inserted.rows[0]) {
      if (input.withAdviser) await writeAudit(trx, { accountId: input.accountId, action: 'selfcheck.start', subjectType: 'organisation', subjectId: input.organisationId, details: { selfcheck: inserted.rows[0].id, consultation: input.consultationId } });
      return { id: inserted.rows[0].id, created: true };
    }
    const existing = await trx.selectFrom('selfcheck').select('id')
      .where((eb) => eb.or([eb('start_token', '=', input.token), eb.and([eb('organisation_id', '=', input.organisationId), eb('state', '=', 'draft')])]))
      .orderBy(sql`start_token = ${input.token}`, 'desc').executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  });
}

async function lockedCheck(trx: Transaction<Database>, id: number) {
  return trx.selectFrom('selfcheck').select(['id', 'organisation_id', 'state']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export type SaveOutcome = { ok: true } | { ok: false; reason: 'notFound' | 'submitted' };

/** Stores one area's answers on a draft; an item left open removes its earlier answer. */
export async function saveAnswers(db: Db, checkId: number, values: readonly AreaAnswer[]): Promise<SaveOutcome> {
  return db.transaction().execute(async (trx) => {
    const check = await lockedCheck(trx, checkId);
    if (!check) return { ok: false, reason: 'notFound' };
    if (check.state !== 'draft') return { ok: false, reason: 'submitted' };
    const { items } = await currentChecklist(trx);
    const versionOf = new Map(items.map((item) => [item.key, item.versionId]));
    const given = values.filter((value) => value.answer !== null && versionOf.has(value.itemKey));
    const cleared = values.filter((value) => value.answer === null).map((value) => value.itemKey);
    if (cleared.length > 0) await trx.deleteFrom('selfcheck_answer').where('selfcheck_id', '=', checkId).where('item_key', 'in', cleared).execute();
    if (given.length > 0) {
      await trx.insertInto('selfcheck_answer')
        .values(given.map((value) => ({ selfcheck_id: checkId, item_key: value.itemKey, item_version_id: versionOf.get(value.itemKey)!, organisation_id: check.organisation_id, answer: value.answer!, note: value.note })))
        .onConflict((oc) => oc.columns(['selfcheck_id', 'item_key']).doUpdateSet((eb) => ({ answer: eb.ref('excluded.answer'), note: eb.ref('excluded.note'), item_version_id: eb.ref('excluded.item_version_id') })))
        .execute();
    }
    await trx.updateTable('selfcheck').set({ updated_at: sql`now()` }).where('id', '=', checkId).execute();
    return { ok: true };
  });
}

export type SubmitOutcome =
  | { ok: true; already: boolean }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'unanswered'; areas: string[] };

/**
 * Submits a draft: every active item must be answered ("not relevant for us"
 * is an answer). The check becomes the organisation's latest, its answers
 * with it; the earlier latest one stays in the history. `today` is the
 * centre's day (Berlin) the check is dated with.
 */
export async function submitCheck(db: Db, checkId: number, accountId: number, now: Date, today: string): Promise<SubmitOutcome> {
  return db.transaction().execute(async (trx) => {
    const check = await lockedCheck(trx, checkId);
    if (!check) return { ok: false, reason: 'notFound' };
    if (check.state === 'submitted') return { ok: true, already: true };
    const { items } = await currentChecklist(trx);
    const answered = new Set((await trx.selectFrom('selfcheck_answer').select('item_key').where('selfcheck_id', '=', checkId).execute()).map((row) => row.item_key));
    const missing = [...new Set(items.filter((item) => !answered.has(item.key)).map((item) => item.areaKey))];
    if (missing.length > 0) return { ok: false, reason: 'unanswered', areas: missing };
    // answers to items retired since they were given are dropped with the draft's wording
    await trx.deleteFrom('selfcheck_answer').where('selfcheck_id', '=', checkId).where('item_key', 'not in', items.map((item) => item.key)).execute();
    await markLatest(trx, check.organisation_id, checkId);
    await trx.updateTable('selfcheck').set({ state: 'submitted', submitted_at: now, submitted_on: today, submitted_by: accountId, updated_at: now }).where('id', '=', checkId).execute();
    await writeAudit(trx, { accountId, action: 'selfcheck.submit', subjectType: 'organisation', subjectId: check.organisation_id, details: { selfcheck: checkId } });
    return { ok: true, already: false };
  });
}

/** Makes `checkId` the organisation's latest check (and its answers the ones the aggregate reads). */
export async function markLatest(trx: Transaction<Database>, organisationId: number, checkId: number | null): Promise<void> {
  await trx.updateTable('selfcheck').set({ latest: false }).where('organisation_id', '=', organisationId).where('latest', '=', true).execute();
  await trx.updateTable('selfcheck_answer').set({ latest: false }).where('organisation_id', '=', organisationId).where('latest', '=', true).execute();
  if (checkId === null) return;
  await trx.updateTable('selfcheck').set({ latest: true }).where('id', '=', checkId).execute();
  await trx.updateTable('selfcheck_answer').set({ latest: true }).where('selfcheck_id', '=', checkId).execute();
}

/** Discards a draft (the representative starts again, or staff remove an empty one). */
export async function discardDraft(db: Db, checkId: number): Promise<boolean> {
  const result = await db.deleteFrom('selfcheck').where('id', '=', checkId).where('state', '=', 'draft').executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
