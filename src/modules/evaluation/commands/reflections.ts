import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { DomainError } from '../../domain-error.js';
import { writeAudit } from '../../identity/index.js';
import type { ReflectionInput } from '../input.js';
import '../tables.js';

/**
 * Saves a reflection meeting with its decisions and follow-ups (each with an
 * owner and a date: the form reader refuses one without), and what came of
 * the previous meetings' follow-ups, all in one transaction.
 */
export async function saveReflection(db: Kysely<Database>, actorId: number, input: ReflectionInput, id?: number): Promise<number> {
  for (const followup of input.followups) if (!followup.owner.trim()) throw new DomainError('evaluation', 'followupOwnerMissing', `followup_${followup.position}_owner`, { number: followup.position });
  return db.transaction().execute(async (trx) => {
    let reflectionId: number;
    if (id === undefined) {
      reflectionId = (await trx.insertInto('evaluation_reflection').values({ held_on: input.heldOn, agenda: input.agenda, decisions: input.decisions, created_by: actorId }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const existing = await trx.selectFrom('evaluation_reflection').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      if (!existing) throw new DomainError('evaluation', 'notFound');
      await trx.updateTable('evaluation_reflection').set({ held_on: input.heldOn, agenda: input.agenda, decisions: input.decisions }).where('id', '=', id).execute();
      reflectionId = id;
    }
    // follow-ups of this meeting: replaced by position, keeping the recorded outcome of one that stays
    const existing = await trx.selectFrom('evaluation_followup').select(['id', 'position']).where('reflection_id', '=', reflectionId).execute();
    const kept = new Set(input.followups.map((followup) => followup.position));
    const gone = existing.filter((row) => !kept.has(row.position)).map((row) => row.id);
    if (gone.length > 0) await trx.deleteFrom('evaluation_followup').where('id', 'in', gone).execute();
    for (const followup of input.followups) {
      await trx
        .insertInto('evaluation_followup')
        .values({ reflection_id: reflectionId, position: followup.position, task: followup.task, owner: followup.owner, due_on: followup.dueOn })
        .onConflict((conflict) => conflict.columns(['reflection_id', 'position']).doUpdateSet({ task: followup.task, owner: followup.owner, due_on: followup.dueOn }))
        .execute();
    }
    // what came of earlier follow-ups (only those of other, earlier meetings)
    for (const outcome of input.outcomes) {
      await trx
        .updateTable('evaluation_followup')
        .set({ status: outcome.status, outcome: outcome.outcome || null })
        .where('id', '=', outcome.id)
        .where('reflection_id', '<>', reflectionId)
        .execute();
    }
    await writeAudit(trx, { accountId: actorId, action: 'evaluation.reflection.save', subjectType: 'evaluation_reflection', subjectId: reflectionId, details: { followups: input.followups.length, outcomes: input.outcomes.length } });
    return reflectionId;
  });
}
