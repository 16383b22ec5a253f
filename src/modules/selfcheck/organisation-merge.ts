import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { MergeMoves, OrganisationMerge } from '../module.js';
import { markLatest } from './commands/checks.js';

/**
 * A merge of two organisations (organisations/merge.ts) asks this module to
 * move its rows: both histories of checks go to the survivor, whose latest
 * is then the newest of all. One draft per organisation: when both have one,
 * the survivor's is kept and the merged one's is dropped (a draft is not yet
 * a result; it is counted in `dropped`).
 */
export async function mergeSelfchecks(trx: Transaction<Database>, { survivorId, mergedId }: OrganisationMerge): Promise<MergeMoves> {
  const survivorDraft = await trx.selectFrom('selfcheck').select('id').where('organisation_id', '=', survivorId).where('state', '=', 'draft').executeTakeFirst();
  let dropped = 0;
  if (survivorDraft) {
    const result = await trx.deleteFrom('selfcheck').where('organisation_id', '=', mergedId).where('state', '=', 'draft').executeTakeFirst();
    dropped = Number(result.numDeletedRows);
  }
  await markLatest(trx, mergedId, null);
  const moved = await trx.updateTable('selfcheck').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  const answers = await trx.updateTable('selfcheck_answer').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  const newest = await trx.selectFrom('selfcheck').select('id').where('organisation_id', '=', survivorId).where('state', '=', 'submitted')
    .orderBy(sql`submitted_at`, 'desc').orderBy('id', 'desc').executeTakeFirst();
  await markLatest(trx, survivorId, newest?.id ?? null);
  return { moved: { selfcheck: Number(moved.numUpdatedRows), selfcheck_answer: Number(answers.numUpdatedRows) }, dropped: { selfcheck: dropped } };
}
