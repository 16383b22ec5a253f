import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { DomainError } from '../../domain-error.js';
import { writeAudit } from '../../identity/index.js';
import { EntryProblems, lockEntry } from './record.js';
import { moveConcern } from './update.js';

type Db = Kysely<Database>;

/** A Dialogtreffen with the ministry: a date, a title, a place. */
export async function createMeeting(db: Db, actorId: number | null, input: { heldOn: string; title: string; place: string | null }): Promise<number> {
  const problems = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.heldOn) || Number.isNaN(Date.parse(input.heldOn))) problems.push({ field: 'heldOn', code: 'dateInvalid' });
  if (input.title.trim() === '' || input.title.length > 200) problems.push({ field: 'title', code: 'titleMissing' });
  if (problems.length > 0) throw new EntryProblems(problems);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('concern_meeting').values({ held_on: input.heldOn, title: input.title.trim(), place: input.place?.trim() || null }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, { accountId: actorId, action: 'concerns.meeting_create', subjectType: 'concern_meeting', subjectId: id });
    return id;
  });
}

/**
 * The agenda, as staff picked and ordered it: only live concerns that are
 * not yet decided; the order is the list's. Replaces the previous agenda
 * (keeping the minutes typed for items that stay).
 */
export async function setAgenda(db: Db, actorId: number | null, meetingId: number, entryIds: number[]): Promise<void> {
  const ids = [...new Set(entryIds)];
  await db.transaction().execute(async (trx) => {
    const meeting = await sql<{ id: number; minutes_recorded_at: Date | null }>`select id, minutes_recorded_at from concern_meeting where id = ${meetingId} for update`.execute(trx);
    if (!meeting.rows[0]) throw new DomainError('concerns', 'notFound');
    if (meeting.rows[0].minutes_recorded_at) throw new DomainError('concerns', 'minutesRecorded');
    if (ids.length > 0) {
      const open = await trx.selectFrom('concern_entry').select('id').where('id', 'in', ids).where('kind', '=', 'concern').where('merged_into', 'is', null).where('state', 'in', ['collected', 'forwarded']).execute();
      if (open.length !== ids.length) throw new EntryProblems([{ field: 'entries', code: 'agendaNotOpen' }]);
    }
    await trx.deleteFrom('concern_agenda_item').where('meeting_id', '=', meetingId).where((eb) => (ids.length > 0 ? eb('entry_id', 'not in', ids) : eb.lit(true))).execute();
    for (const [index, entryId] of ids.entries()) {
      await trx.insertInto('concern_agenda_item').values({ meeting_id: meetingId, entry_id: entryId, position: index + 1 }).onConflict((oc) => oc.columns(['meeting_id', 'entry_id']).doUpdateSet({ position: index + 1 })).execute();
    }
    await writeAudit(trx, { accountId: actorId, action: 'concerns.agenda', subjectType: 'concern_meeting', subjectId: meetingId, details: { items: ids.length } });
  });
}

export interface MinutesItem {
  entryId: number;
  /** What was said; becomes the concern's answer when given. */
  minutes: string;
  /** The concern's state after the meeting: 'forwarded' (still open), 'changed', 'declined'. */
  state: 'forwarded' | 'changed' | 'declined';
  /** The concern's version when the minutes form was opened: changed or merged since, nothing is stored. */
  version?: number;
}

/**
 * The minutes of a Dialogtreffen: for each agenda item what was said and the
 * concern's new state, all in one transaction: one concern changed meanwhile
 * (or merged) and nothing is stored. A concern still collected is forwarded
 * in this meeting first, so that its history shows both steps.
 */
export async function recordMinutes(db: Db, actorId: number | null, meetingId: number, items: MinutesItem[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const meeting = await sql<{ id: number; held_on: string }>`select id, held_on from concern_meeting where id = ${meetingId} for update`.execute(trx);
    if (!meeting.rows[0]) throw new DomainError('concerns', 'notFound');
    const agenda = await trx.selectFrom('concern_agenda_item').select('entry_id').where('meeting_id', '=', meetingId).execute();
    const onAgenda = new Set(agenda.map((row) => row.entry_id));
    for (const item of items) {
      if (!onAgenda.has(item.entryId)) throw new EntryProblems([{ field: `state_${item.entryId}`, code: 'notOnAgenda' }]);
      if (item.minutes.length > 5000) throw new EntryProblems([{ field: `minutes_${item.entryId}`, code: 'answerTooLong' }]);
    }
    for (const item of items) await lockEntry(trx, item.entryId, item.version ?? null);
    const heldOn = meeting.rows[0].held_on;
    for (const item of items) {
      const current = await trx.selectFrom('concern_entry').select(['state', 'answer']).where('id', '=', item.entryId).executeTakeFirstOrThrow();
      const answer = item.minutes.trim() === '' ? undefined : item.minutes.trim();
      if (current.state === 'collected' || current.state === 'changed' || current.state === 'declined') {
        await moveConcern(trx, actorId, item.entryId, null, { state: 'forwarded', forwardedOn: heldOn, meetingId, note: '' });
      }
      if (item.state !== 'forwarded' || answer !== undefined) {
        await moveConcern(trx, actorId, item.entryId, null, { state: item.state, forwardedOn: heldOn, meetingId, answer, note: item.minutes.trim().slice(0, 2000) });
      }
      await trx.updateTable('concern_agenda_item').set({ minutes: item.minutes.trim() }).where('meeting_id', '=', meetingId).where('entry_id', '=', item.entryId).execute();
    }
    await trx.updateTable('concern_meeting').set({ minutes_recorded_at: sql`now()` }).where('id', '=', meetingId).execute();
    await writeAudit(trx, { accountId: actorId, action: 'concerns.minutes', subjectType: 'concern_meeting', subjectId: meetingId, details: { items: items.length } });
  });
}
