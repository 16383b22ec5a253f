import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { berlinDay } from '../../../ui/dates.js';
import { DomainError } from '../../domain-error.js';
import { writeAudit } from '../../identity/index.js';
import type { ObservationInput } from '../input.js';
import '../tables.js';

/**
 * Saves the protocol of an observed event (and so marks it observed): the
 * four parts of the template, the workshops' notes, and each need raised as
 * its own row (observation_need). Replaces the previous protocol wholly, in
 * one transaction, the event's row locked so that two saves never mix.
 * An event that has not happened yet (its day after `now`'s day in Berlin)
 * gets no protocol.
 */
export async function saveObservation(db: Kysely<Database>, actorId: number, eventId: number, input: ObservationInput, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const event = await trx.selectFrom('event').select(['id', 'start_date']).where('id', '=', eventId).forUpdate().executeTakeFirst();
    if (!event) throw new DomainError('evaluation', 'notFound');
    if (event.start_date > berlinDay(now)) throw new DomainError('evaluation', 'eventNotHappened', 'course', { date: event.start_date });
    const fields = { course: input.course, topics: input.topics, worked: input.worked, suggestions: input.suggestions };
    const observation = await trx
      .insertInto('evaluation_observation')
      .values({ event_id: eventId, ...fields, created_by: actorId })
      .onConflict((conflict) => conflict.column('event_id').doUpdateSet({ ...fields, updated_at: now }))
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('observation_need').where('observation_id', '=', observation.id).execute();
    await trx.deleteFrom('evaluation_observation_workshop').where('observation_id', '=', observation.id).execute();
    let position = 0;
    const needRow = (text: string, workshopId: number | null) => ({ observation_id: observation.id, workshop_id: workshopId, position: ++position, text });
    const needs = input.needs.map((text) => needRow(text, null));
    for (const [index, workshop] of input.workshops.entries()) {
      const row = await trx
        .insertInto('evaluation_observation_workshop')
        .values({ observation_id: observation.id, position: index + 1, title: workshop.title, notes: workshop.notes })
        .returning('id')
        .executeTakeFirstOrThrow();
      needs.push(...workshop.needs.map((text) => needRow(text, row.id)));
    }
    if (needs.length > 0) await trx.insertInto('observation_need').values(needs).execute();
    await writeAudit(trx, { accountId: actorId, action: 'evaluation.observation.save', subjectType: 'event', subjectId: eventId, details: { needs: needs.length, workshops: input.workshops.length } });
    return observation.id;
  });
}

/** Takes the mark "observed" (and its protocol) off an event. */
export async function removeObservation(db: Kysely<Database>, actorId: number, eventId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('evaluation_observation').where('event_id', '=', eventId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new DomainError('evaluation', 'notFound');
    await writeAudit(trx, { accountId: actorId, action: 'evaluation.observation.remove', subjectType: 'event', subjectId: eventId });
  });
}
