import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../db/tables.js';
import { addressedStates, type ConcernScope } from './policy.js';
import type { EntryKind, EntryState, TitleTranslations } from './tables.js';

type Db = Kysely<Database>;

/** Entries of the scope: all, those of the coordinator's districts, the concerns addressed to the ministry. */
export function inScope(scope: ConcernScope) {
  return (eb: ExpressionBuilder<Database, 'concern_entry'>): Expression<SqlBool> => {
    if (scope.kind === 'all') return sql<SqlBool>`true`;
    if (scope.kind === 'funder') return eb.and([eb('concern_entry.kind', '=', 'concern'), eb('concern_entry.state', 'in', addressedStates)]);
    if (scope.districts.length === 0) return sql<SqlBool>`false`;
    return eb.or([
      eb('concern_entry.district', 'in', scope.districts),
      eb.exists(
        eb.selectFrom('concern_entry_organisation as eo').innerJoin('organisation as o', 'o.id', 'eo.organisation_id')
          .select(sql<number>`1`.as('one')).whereRef('eo.entry_id', '=', 'concern_entry.id').where('o.district', 'in', scope.districts),
      ),
    ]);
  };
}

export interface ListFilters {
  kind?: EntryKind;
  state?: EntryState;
  topic?: string;
}

export interface ListedEntry {
  id: number;
  kind: EntryKind;
  title: string;
  title_translations: TitleTranslations;
  topic: string;
  state: EntryState;
  raised_on: string;
  district: string | null;
  is_public: boolean;
  organisations: number;
  events: number;
  version: number;
}

/** The log, newest first (concern_entry_list). */
export async function listEntries(db: Db, scope: ConcernScope, filters: ListFilters = {}): Promise<ListedEntry[]> {
  let query = db
    .selectFrom('concern_entry')
    .select([
      'id', 'kind', 'title', 'title_translations', 'topic', 'state', 'raised_on', 'district', 'is_public', 'version',
      sql<number>`(select count(*)::integer from concern_entry_organisation eo where eo.entry_id = concern_entry.id)`.as('organisations'),
      sql<number>`(select count(*)::integer from concern_entry_event ee where ee.entry_id = concern_entry.id)`.as('events'),
    ])
    .where('merged_into', 'is', null)
    .where(inScope(scope));
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.state) query = query.where('state', '=', filters.state);
  if (filters.topic) query = query.where('topic', '=', filters.topic);
  return query.orderBy('raised_on', 'desc').orderBy('id', 'desc').limit(500).execute();
}

/** One entry with everything its page shows; undefined when out of scope (the route answers 404). */
export async function findEntry(db: Db, scope: ConcernScope, id: number) {
  const visible = await db.selectFrom('concern_entry').select('id').where('id', '=', id).where(inScope(scope)).executeTakeFirst();
  if (!visible) return undefined;
  const entry = await db
    .selectFrom('concern_entry')
    .leftJoin('concern_meeting as m', 'm.id', 'concern_entry.forwarded_meeting_id')
    .selectAll('concern_entry')
    .select(['m.title as meeting_title', 'm.held_on as meeting_held_on'])
    .where('concern_entry.id', '=', id)
    .executeTakeFirstOrThrow();
  const [organisations, sources, events, history, agenda] = await Promise.all([
    db.selectFrom('concern_entry_organisation as eo').innerJoin('organisation as o', 'o.id', 'eo.organisation_id').select(['o.id', 'o.name', 'o.district']).where('eo.entry_id', '=', id).orderBy('o.name').execute(),
    db
      .selectFrom('concern_source as s')
      .leftJoin('event as e', 'e.id', 's.event_id')
      .leftJoin('feedback_response as r', 'r.id', 's.feedback_response_id')
      .leftJoin('event as fe', 'fe.id', 'r.event_id')
      .leftJoin('consultation as c', 'c.id', 's.consultation_id')
      .select(['s.id', 's.kind', 's.note', 's.raised_on', 's.event_id', 'e.title as event_title', 's.feedback_response_id', 'r.event_id as feedback_event_id', 'fe.title as feedback_event_title', 's.consultation_id', 'c.consulted_on'])
      .where('s.entry_id', '=', id)
      .orderBy('s.raised_on')
      .orderBy('s.id')
      .execute(),
    db.selectFrom('concern_entry_event as ee').innerJoin('event as e', 'e.id', 'ee.event_id').select(['e.id', 'e.title', 'e.start_date', 'e.format']).where('ee.entry_id', '=', id).orderBy('e.start_date').execute(),
    db
      .selectFrom('concern_state_change as h')
      .leftJoin('account as a', 'a.id', 'h.account_id')
      .leftJoin('concern_meeting as m', 'm.id', 'h.meeting_id')
      .select(['h.id', 'h.from_state', 'h.to_state', 'h.note', 'h.changed_at', 'a.display_name as who', 'm.title as meeting_title'])
      .where('h.entry_id', '=', id)
      .orderBy('h.changed_at')
      .orderBy('h.id')
      .execute(),
    db.selectFrom('concern_agenda_item as i').innerJoin('concern_meeting as m', 'm.id', 'i.meeting_id').select(['m.id', 'm.title', 'm.held_on', 'i.minutes']).where('i.entry_id', '=', id).orderBy('m.held_on').execute(),
  ]);
  return { ...entry, organisations, sources, events, history, agenda };
}
export type EntryDetail = NonNullable<Awaited<ReturnType<typeof findEntry>>>;

/** An open answer of a feedback form, to turn into an entry: its text and event, never the respondent (no response key, no channel). */
export async function feedbackAnswer(db: Db, responseId: number, questionId: number) {
  return db
    .selectFrom('feedback_answer as a')
    .innerJoin('feedback_response as r', 'r.id', 'a.response_id')
    .innerJoin('feedback_question as q', 'q.id', 'a.question_id')
    .innerJoin('event as e', 'e.id', 'r.event_id')
    .select(['a.text_value', 'e.id as event_id', 'e.title as event_title', 'e.start_date', 'e.district'])
    .where('a.response_id', '=', responseId)
    .where('a.question_id', '=', questionId)
    .where('q.kind', '=', 'open')
    .where('a.text_value', 'is not', null)
    .executeTakeFirst();
}

export async function consultationForEntry(db: Db, id: number) {
  return db
    .selectFrom('consultation as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.consulted_on', 'c.organisation_id', 'o.name as organisation_name', 'o.district'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** An event and the organisations that took part or registered: the choices of its results page. */
export async function eventForResults(db: Db, id: number) {
  const event = await db.selectFrom('event').select(['id', 'title', 'start_date', 'district', 'municipality', 'format']).where('id', '=', id).executeTakeFirst();
  if (!event) return undefined;
  const { rows: organisations } = await sql<{ id: number; name: string }>`
    select o.id, o.name from organisation o
    where o.id in (select organisation_id from participation where event_id = ${id} and organisation_id is not null
                   union select organisation_id from registration where event_id = ${id} and organisation_id is not null)
    order by o.name limit 200`.execute(db);
  const recorded = await db.selectFrom('concern_source as s').innerJoin('concern_entry as c', 'c.id', 's.entry_id').select(['c.id', 'c.kind', 'c.title']).where('s.event_id', '=', id).where('c.merged_into', 'is', null).orderBy('c.id').execute();
  return { ...event, organisations, recorded };
}

/** Open needs to offer when linking, and the events to link a need to (newest first). */
export async function eventChoices(db: Db) {
  return db.selectFrom('event').select(['id', 'title', 'start_date']).where('cancelled_at', 'is', null).orderBy('start_date', 'desc').limit(200).execute();
}

/** Live entries of the same kind to merge a duplicate into. */
export async function mergeTargets(db: Db, id: number, kind: EntryKind) {
  return db.selectFrom('concern_entry').select(['id', 'title', 'raised_on']).where('kind', '=', kind).where('id', '<>', id).where('merged_into', 'is', null).orderBy('raised_on', 'desc').limit(300).execute();
}

/** Where a merged entry leads (old links, bookmarks). */
export async function mergedInto(db: Db, id: number): Promise<number | null> {
  const row = await db.selectFrom('concern_entry').select('merged_into').where('id', '=', id).executeTakeFirst();
  return row?.merged_into ?? null;
}

/** Which open answers already became entries (the feedback evaluation shows "entry #n" instead of the link). */
export async function entriesOfAnswers(db: Db, eventId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('concern_source as s').innerJoin('feedback_response as r', 'r.id', 's.feedback_response_id').select(['s.entry_id', 's.feedback_response_id', 's.feedback_question_id']).where('r.event_id', '=', eventId).execute();
  return new Map(rows.map((row) => [`${row.feedback_response_id}:${row.feedback_question_id}`, row.entry_id]));
}


export interface OpenEntryCount {
  kind: EntryKind;
  state: EntryState;
  topic: string;
  count: number;
  /** Of these, raised after the day asked about (the last reflection meeting). */
  raisedSince: number;
}

/**
 * What is still open in the log, counted by kind, state and topic: needs not
 * yet taken up, concerns collected or forwarded without an outcome. For the
 * evaluator's reflection meetings (the evaluation module's agenda): counts
 * only, never titles or organisations, so that the pseudonymised workspace
 * cannot show a name that staff wrote into an entry.
 */
export async function openEntryCounts(db: Db, since: string | null): Promise<OpenEntryCount[]> {
  const result = await sql<OpenEntryCount>`
    select kind, state, topic,
           count(*)::integer as "count",
           (count(*) filter (where ${since}::date is null or raised_on > ${since}::date))::integer as "raisedSince"
      from concern_entry
     where merged_into is null
       and state in ('open', 'collected', 'forwarded')
     group by kind, state, topic
     order by kind, state, topic`.execute(db);
  return result.rows;
}

/**
 * Which source notes of a kind already became entries, each with the live
 * entry it now lives in (a merged one leads to its survivor). The
 * Vereins-Check marks each item it carried over with a note of its own, so
 * that a second click carries nothing twice.
 */
export async function entriesOfSourceNotes(db: Db, kind: 'selfcheck', notes: string[]): Promise<Map<string, number>> {
  if (notes.length === 0) return new Map();
  const rows = await db.selectFrom('concern_source as s').innerJoin('concern_entry as c', 'c.id', 's.entry_id')
    .select(['s.note', sql<number>`coalesce(c.merged_into, c.id)`.as('entry_id')])
    .where('s.kind', '=', kind).where('s.note', 'in', notes).execute();
  return new Map(rows.map((row) => [row.note, row.entry_id]));
}
