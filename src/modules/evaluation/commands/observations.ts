import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { berlinDay } from '../../../ui/dates.js';
import { DomainError } from '../../domain-error.js';
import { recordNeedInTransaction, type ConcernTopic } from '../../concerns/index.js';
import { writeAudit } from '../../identity/index.js';
import type { ObservationInput } from '../input.js';
import '../tables.js';

/**
 * Saves the protocol of an observed event (and so marks it observed): the
 * four parts of the template, the workshops' notes, and each need raised as
 * its own row (observation_need), passed to the needs log once (logNeed).
 * Replaces the previous protocol wholly, in
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
    // needs already in the needs log keep their entry when the protocol is saved again with the same text
    const logged = await trx.selectFrom('observation_need').select(['text', 'concern_entry_id']).where('observation_id', '=', observation.id).where('concern_entry_id', 'is not', null).orderBy('position').execute();
    const entryOf = new Map<string, number[]>();
    for (const need of logged) entryOf.set(need.text, [...(entryOf.get(need.text) ?? []), need.concern_entry_id!]);
    await trx.deleteFrom('observation_need').where('observation_id', '=', observation.id).execute();
    await trx.deleteFrom('evaluation_observation_workshop').where('observation_id', '=', observation.id).execute();
    let position = 0;
    const needRow = (text: string, topic: ConcernTopic, workshopId: number | null) => ({ observation_id: observation.id, workshop_id: workshopId, position: ++position, text, topic, concern_entry_id: null as number | null });
    const needs = input.needs.map((text) => needRow(text, input.needsTopic, null));
    for (const [index, workshop] of input.workshops.entries()) {
      const row = await trx
        .insertInto('evaluation_observation_workshop')
        .values({ observation_id: observation.id, position: index + 1, title: workshop.title, notes: workshop.notes })
        .returning('id')
        .executeTakeFirstOrThrow();
      needs.push(...workshop.needs.map((text) => needRow(text, workshop.needsTopic, row.id)));
    }
    let newlyLogged = 0;
    // kept by its text alone: a topic changed later is not passed on, because staff own (and may have re-sorted) the entry
    for (const need of needs) {
      const kept = entryOf.get(need.text)?.shift();
      if (kept !== undefined) {
        need.concern_entry_id = kept;
        continue;
      }
      need.concern_entry_id = await logNeed(trx, actorId, eventId, event.start_date, need.text, need.topic);
      newlyLogged++;
    }
    if (needs.length > 0) await trx.insertInto('observation_need').values(needs).execute();
    await writeAudit(trx, { accountId: actorId, action: 'evaluation.observation.save', subjectType: 'event', subjectId: eventId, details: { needs: needs.length, workshops: input.workshops.length, logged: newlyLogged } });
    return observation.id;
  });
}

/**
 * A need noted in a protocol becomes an entry of the needs log ("Listening
 * and connecting", the concerns module) with the event as its source and no
 * organisation: the evaluator records what was said, not who said it. Its
 * topic is the one the evaluator chose for that part of the protocol ("other"
 * when none: staff sort it in the log); a long need keeps its first 299
 * characters and "…" as title and the whole text as description.
 * Exported for the demo, whose protocols reach the log the same way.
 */
export async function logNeed(trx: Transaction<Database>, actorId: number | null, eventId: number, eventDay: string, text: string, topic: ConcernTopic): Promise<number> {
  const title = text.length > 300 ? `${text.slice(0, 299)}…` : text;
  return recordNeedInTransaction(trx, { title, description: text.length > 300 ? text : '', topic, raisedOn: eventDay, source: { kind: 'evaluation', eventId } }, actorId);
}

/** Takes the mark "observed" (and its protocol) off an event. */
export async function removeObservation(db: Kysely<Database>, actorId: number, eventId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('evaluation_observation').where('event_id', '=', eventId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new DomainError('evaluation', 'notFound');
    await writeAudit(trx, { accountId: actorId, action: 'evaluation.observation.remove', subjectType: 'event', subjectId: eventId });
  });
}
