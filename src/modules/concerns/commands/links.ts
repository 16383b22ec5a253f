import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { DomainError } from '../../domain-error.js';
import { writeAudit } from '../../identity/index.js';
import { lockEntry } from './record.js';
import { sql } from 'kysely';

/**
 * Links a need to an event that took it up ("which needs shaped its next
 * trainings"), or removes the link. A need with at least one such event is
 * 'taken_up', without one 'open'; the history records the change.
 */
export async function linkNeedToEvent(db: Kysely<Database>, actorId: number | null, needId: number, eventId: number, linked: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const need = await lockEntry(trx, needId, null);
    if (need.kind !== 'need') throw new DomainError('concerns', 'notANeed');
    const event = await trx.selectFrom('event').select('id').where('id', '=', eventId).executeTakeFirst();
    if (!event) throw new DomainError('concerns', 'eventUnknown', 'eventId');
    if (linked) await trx.insertInto('concern_entry_event').values({ entry_id: needId, event_id: eventId }).onConflict((oc) => oc.doNothing()).execute();
    else await trx.deleteFrom('concern_entry_event').where('entry_id', '=', needId).where('event_id', '=', eventId).execute();
    const { count } = await trx.selectFrom('concern_entry_event').select(sql<number>`count(*)::integer`.as('count')).where('entry_id', '=', needId).executeTakeFirstOrThrow();
    const state = Number(count) > 0 ? 'taken_up' : 'open';
    if (state !== need.state) {
      await trx.updateTable('concern_entry').set({ state, version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', needId).execute();
      await trx.insertInto('concern_state_change').values({ entry_id: needId, from_state: need.state, to_state: state, note: `event #${eventId}`, account_id: actorId }).execute();
    }
    await writeAudit(trx, { accountId: actorId, action: linked ? 'concerns.link_event' : 'concerns.unlink_event', subjectType: 'concern_entry', subjectId: needId, details: { event: eventId } });
  });
}
