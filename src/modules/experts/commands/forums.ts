import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import type { FormError, OutcomeValues } from '../form.js';
import type { EventRole, ExpertKind } from '../tables.js';
import '../tables.js';

/**
 * Staffing a dialogue forum from the pool and recording its outcomes. A
 * booking locks the entry's row, so that two coordinators booking the same
 * person for two forums on one day cannot both succeed: the second is told
 * who has them that day.
 */

type Db = Kysely<Database>;

/**
 * Which kinds of pool entry may take which role (report 7: forums are moderated
 * by external professionals, with experts from the associations): an
 * association's expert never moderates the forum their association sits in.
 */
export const rolesOfKind: Record<ExpertKind, readonly EventRole[]> = {
  moderator: ['moderator'],
  association_expert: ['expert'],
  trainer: ['trainer', 'adviser'],
  adviser: ['adviser', 'trainer'],
};

export type Booked = { ok: true } | { ok: false; errors: FormError[]; busyWith?: string; awayUntil?: string };

export async function bookExpert(db: Db, accountId: number | null, forum: { id: number; start_date: string }, expertId: number, role: EventRole): Promise<Booked> {
  return db.transaction().execute(async (trx) => {
    const expert = await trx.selectFrom('expert').select(['id', 'kind', 'consent_withdrawn_on']).where('id', '=', expertId).forUpdate().executeTakeFirst();
    // not in the pool (never, or no longer): as if it did not exist
    if (!expert || expert.consent_withdrawn_on !== null) return { ok: false, errors: [{ field: 'expert_id', code: 'notInPool' }] };
    if (!rolesOfKind[expert.kind].includes(role)) return { ok: false, errors: [{ field: 'role', code: 'roleOfKind' }] };
    const away = await trx.selectFrom('expert_absence').select('to_on').where('expert_id', '=', expertId)
      .where('from_on', '<=', forum.start_date).where('to_on', '>=', forum.start_date).orderBy('to_on', 'desc').executeTakeFirst();
    if (away) return { ok: false, errors: [{ field: 'expert_id', code: 'unavailable' }], awayUntil: away.to_on };
    const busy = await trx.selectFrom('expert_event as x').innerJoin('event as ev', 'ev.id', 'x.event_id').select('ev.title')
      .where('x.expert_id', '=', expertId).where('ev.start_date', '=', forum.start_date).where('ev.id', '<>', forum.id).executeTakeFirst();
    if (busy) return { ok: false, errors: [{ field: 'expert_id', code: 'busy' }], busyWith: busy.title };
    const inserted = await trx.insertInto('expert_event').values({ event_id: forum.id, expert_id: expertId, role, added_by: accountId })
      .onConflict((oc) => oc.columns(['event_id', 'expert_id']).doNothing()).returning('expert_id').executeTakeFirst();
    // a double submit books once
    if (inserted) await writeAudit(trx, { accountId, action: 'expert.book', subjectType: 'event', subjectId: forum.id, details: { expertId, role } });
    return { ok: true };
  });
}

export async function unbookExpert(db: Db, accountId: number | null, eventId: number, expertId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('expert_event').where('event_id', '=', eventId).where('expert_id', '=', expertId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await writeAudit(trx, { accountId, action: 'expert.unbook', subjectType: 'event', subjectId: eventId, details: { expertId } });
    return true;
  });
}

export async function addOutcome(db: Db, accountId: number | null, eventId: number, values: OutcomeValues): Promise<number> {
  const row = await db.insertInto('expert_forum_outcome')
    .values({ event_id: eventId, kind: values.kind, text: values.text, owner: values.kind === 'next_step' ? values.owner : null, due_on: values.kind === 'next_step' ? values.due_on : null, created_by: accountId })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function removeOutcome(db: Db, eventId: number, outcomeId: number): Promise<boolean> {
  const removed = await db.deleteFrom('expert_forum_outcome').where('id', '=', outcomeId).where('event_id', '=', eventId).executeTakeFirst();
  return Number(removed.numDeletedRows) > 0;
}
