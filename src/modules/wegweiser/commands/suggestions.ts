import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
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

/** Staff mark a suggestion added (they created the entry) or declined. */
export async function decideSuggestion(db: Kysely<Database>, actor: { id: number }, id: number, decision: 'added' | 'declined', now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('wegweiser_suggestion').set({ status: decision, decided_by: actor.id, decided_at: now }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await writeAudit(trx, { accountId: actor.id, action: `wegweiser.suggestion.${decision}`, subjectType: 'wegweiser_suggestion', subjectId: id });
    return true;
  });
}

export async function openSuggestions(db: Kysely<Database>) {
  return db.selectFrom('wegweiser_suggestion').leftJoin('account', 'account.id', 'wegweiser_suggestion.account_id')
    .select(['wegweiser_suggestion.id', 'wegweiser_suggestion.name', 'wegweiser_suggestion.description', 'wegweiser_suggestion.district', 'wegweiser_suggestion.contact', 'wegweiser_suggestion.created_at', 'account.display_name as suggested_by'])
    .where('wegweiser_suggestion.status', '=', 'open').orderBy('wegweiser_suggestion.id').execute();
}
