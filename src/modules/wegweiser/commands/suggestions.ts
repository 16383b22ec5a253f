import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { sql } from 'kysely';
import { writeAudit } from '../../identity/index.js';
import { publicService } from '../queries.js';
import type { Problem } from '../input.js';

export interface SuggestionInput {
  name: string;
  description: string;
  district: string | null;
  contact: string | null;
}

export function suggestionProblems(input: SuggestionInput): Problem[] {
  const problems: Problem[] = [];
  if (input.name.trim() === '') problems.push({ field: 'name', code: 'nameMissing' });
  if (input.name.length > 200) problems.push({ field: 'name', code: 'tooLong' });
  if (input.description.trim() === '') problems.push({ field: 'description', code: 'descriptionMissing' });
  if (input.description.length > 5000) problems.push({ field: 'description', code: 'tooLong' });
  return problems;
}

/** A signed-in association (or staff) suggests a missing service: it waits in the queue until staff decide. */
export async function suggestService(db: Kysely<Database>, actor: { id: number }, input: SuggestionInput, now: Date): Promise<{ ok: true; id: number } | { ok: false; problems: Problem[] }> {
  const problems = suggestionProblems(input);
  if (problems.length > 0) return { ok: false, problems };
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('wegweiser_suggestion').values({ account_id: actor.id, name: input.name.trim(), description: input.description.trim(), district: input.district, contact: input.contact, created_at: now })
      .returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, { accountId: actor.id, action: 'wegweiser.suggestion.create', subjectType: 'wegweiser_suggestion', subjectId: row.id });
    return { ok: true as const, id: row.id };
  });
}

/** The longest reason staff may give for declining (the column's check). */
export const decisionNoteMax = 2000;

/**
 * Staff decline a suggestion, with a reason the association reads (optional),
 * or mark it added when the entry already exists (`serviceId` unknown). False
 * when it was decided already or does not exist.
 */
export async function decideSuggestion(
  db: Kysely<Database>, actor: { id: number }, id: number, decision: 'added' | 'declined', now: Date, note: string | null = null,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('wegweiser_suggestion')
      .set({ status: decision, decided_by: actor.id, decided_at: now, decision_note: note?.trim().slice(0, decisionNoteMax) || null })
      .where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await writeAudit(trx, { accountId: actor.id, action: `wegweiser.suggestion.${decision}`, subjectType: 'wegweiser_suggestion', subjectId: id });
    return true;
  });
}

/**
 * In saveService's transaction: the entry made from a suggestion closes it
 * as added and links the two; false when the suggestion was decided meanwhile
 * (then the entry is not stored either: two staff must not both add it).
 */
export async function addedFromSuggestion(trx: Transaction<Database>, actorId: number | null, suggestionId: number, serviceId: string, now: Date): Promise<boolean> {
  const updated = await trx.updateTable('wegweiser_suggestion').set({ status: 'added', decided_by: actorId, decided_at: now, service_id: serviceId })
    .where('id', '=', suggestionId).where('status', '=', 'open').executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await writeAudit(trx, { accountId: actorId, action: 'wegweiser.suggestion.added', subjectType: 'wegweiser_suggestion', subjectId: suggestionId, details: { serviceId } });
  return true;
}

/** An open suggestion, to fill the new-entry form with. */
export async function openSuggestion(db: Kysely<Database>, id: number) {
  return db.selectFrom('wegweiser_suggestion').select(['id', 'name', 'description', 'district', 'contact']).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
}

/** An association's own suggestions with what became of them, newest first. */
export async function ownSuggestions(db: Kysely<Database>, accountId: number, today: string) {
  const rows = await db.selectFrom('wegweiser_suggestion as g').leftJoin('wegweiser_service as s', 's.id', 'g.service_id')
    .select(['g.id', 'g.name', 'g.status', 'g.created_at', 'g.decision_note', 'g.service_id', sql<boolean>`coalesce(${publicService(today)}, false)`.as('service_public')])
    .where('g.account_id', '=', accountId).orderBy('g.id', 'desc').limit(50).execute();
  // the entry is linked only while the public can see it
  return rows.map((row) => ({ ...row, service_id: row.service_public ? row.service_id : null }));
}

export async function openSuggestions(db: Kysely<Database>) {
  return db.selectFrom('wegweiser_suggestion').leftJoin('account', 'account.id', 'wegweiser_suggestion.account_id')
    .select(['wegweiser_suggestion.id', 'wegweiser_suggestion.name', 'wegweiser_suggestion.description', 'wegweiser_suggestion.district', 'wegweiser_suggestion.contact', 'wegweiser_suggestion.created_at', 'account.display_name as suggested_by'])
    .where('wegweiser_suggestion.status', '=', 'open').orderBy('wegweiser_suggestion.id').execute();
}
