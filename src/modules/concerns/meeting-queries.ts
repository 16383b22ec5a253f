import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

type Db = Kysely<Database>;

/** The Dialogtreffen, newest first, with the number of agenda items. */
export async function listMeetings(db: Db) {
  return db
    .selectFrom('concern_meeting as m')
    .select(['m.id', 'm.held_on', 'm.title', 'm.place', 'm.minutes_recorded_at', sql<number>`(select count(*)::integer from concern_agenda_item i where i.meeting_id = m.id)`.as('items')])
    .orderBy('m.held_on', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
}

/** A meeting with its agenda in order (each concern's current state and version, for the minutes form). */
export async function findMeeting(db: Db, id: number) {
  const meeting = await db.selectFrom('concern_meeting').selectAll().where('id', '=', id).executeTakeFirst();
  if (!meeting) return undefined;
  const agenda = await db
    .selectFrom('concern_agenda_item as i')
    .innerJoin('concern_entry as c', 'c.id', 'i.entry_id')
    .select(['c.id', 'c.title', 'c.description', 'c.topic', 'c.state', 'c.version', 'c.answer', 'c.raised_on', 'i.position', 'i.minutes',
      sql<number>`(select count(*)::integer from concern_entry_organisation eo where eo.entry_id = c.id)`.as('organisations')])
    .where('i.meeting_id', '=', id)
    .orderBy('i.position')
    .execute();
  return { ...meeting, agenda };
}
export type MeetingDetail = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** The open concerns the agenda is drawn from (collected or forwarded, not merged), oldest first. */
export async function openConcerns(db: Db) {
  return db
    .selectFrom('concern_entry as c')
    .select(['c.id', 'c.title', 'c.topic', 'c.state', 'c.raised_on', sql<number>`(select count(*)::integer from concern_entry_organisation eo where eo.entry_id = c.id)`.as('organisations')])
    .where('c.kind', '=', 'concern')
    .where('c.merged_into', 'is', null)
    .where('c.state', 'in', ['collected', 'forwarded'])
    .orderBy('c.raised_on')
    .orderBy('c.id')
    .execute();
}

/**
 * "Sie haben gesagt – wir haben getan": the entries staff chose, never who
 * raised them: the text as written (or the public wording), the topic, the
 * year, the outcome, the answer, and for needs the offers that took them up.
 */
export async function publicEntries(db: Db) {
  const entries = await db
    .selectFrom('concern_entry as c')
    .select(['c.id', 'c.kind', 'c.title', 'c.title_translations', 'c.public_wording', 'c.topic', 'c.state', 'c.raised_on', 'c.answer', 'c.updated_at'])
    .where('c.is_public', '=', true)
    .where('c.merged_into', 'is', null)
    .orderBy('c.raised_on', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  const ids = entries.map((entry) => entry.id);
  const events = ids.length === 0 ? [] : await db.selectFrom('concern_entry_event as ee').innerJoin('event as e', 'e.id', 'ee.event_id').select(['ee.entry_id', 'e.id', 'e.title', 'e.start_date']).where('ee.entry_id', 'in', ids).orderBy('e.start_date').execute();
  return entries.map((entry) => ({ ...entry, events: events.filter((event) => event.entry_id === entry.id) }));
}
export type PublicEntry = Awaited<ReturnType<typeof publicEntries>>[number];
