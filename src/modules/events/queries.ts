import { sql, type Kysely } from 'kysely';
import type { Database, EventFormat } from '../../db/tables.js';
import { assignDefaultForm } from '../feedback/index.js';
import { seatHoldingSql } from '../registrations/index.js';

/**
 * SQL of the events module. Indexes relied on: event_start_date
 * (012_events.sql) for the list, the month and the public calendar;
 * registration_event_status (010_registration.sql) for the seat counts.
 */

// Columns 012_events.sql adds (tables.ts belongs to the foundation; the
// interface merges with the one there).
declare module '../../db/tables.js' {
  interface EventTable {
    cooperation_partners: string | null;
    materials: string | null;
    cancel_reason: string | null;
  }
}

type Db = Kysely<Database>;

/** An event as staff edit it; times 'HH:MM', registration window 'YYYY-MM-DDTHH:MM' in Berlin time. */
export interface EventFields {
  format: EventFormat;
  title: string;
  description: string | null;
  start_date: string;
  starts_at: string | null;
  ends_at: string | null;
  place: string | null;
  municipality: string | null;
  district: string | null;
  organizer: 'centre' | 'partner';
  cooperation_partners: string | null;
  capacity: number | null;
  per_org_limit: number | null;
  registration_opens: string | null;
  registration_closes: string | null;
  language: string | null;
  accessibility: string | null;
  materials: string | null;
}

export interface EventRecord extends EventFields {
  id: number;
  event_key: string;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  feedback_form_id: number | null;
  /** Last edit or cancellation; the calendar feed's SEQUENCE and LAST-MODIFIED. */
  updated_at: Date;
  registered: number;
  waitlisted: number;
}

// Berlin wall-clock time <-> timestamptz, in SQL so that both engines agree.
const localTimestamp = (value: string | null) => (value === null ? null : sql<Date>`(${value}::timestamp at time zone 'Europe/Berlin')`);

const recordColumns = sql`
  e.id, e.event_key, e.format, e.title, e.description, e.start_date, to_char(e.starts_at, 'HH24:MI') as starts_at,
  to_char(e.ends_at, 'HH24:MI') as ends_at, e.place, e.municipality, e.district, e.organizer, e.cooperation_partners,
  e.capacity, e.per_org_limit,
  to_char(e.registration_opens_at at time zone 'Europe/Berlin', 'YYYY-MM-DD"T"HH24:MI') as registration_opens,
  to_char(e.registration_closes_at at time zone 'Europe/Berlin', 'YYYY-MM-DD"T"HH24:MI') as registration_closes,
  e.language, e.accessibility, e.materials, e.cancelled_at, e.cancel_reason, e.feedback_form_id, e.updated_at,
  (select count(*) from registration r where r.event_id = e.id and r.status in ${seatHoldingSql})::int as registered,
  (select count(*) from registration r where r.event_id = e.id and r.status = 'waitlisted')::int as waitlisted`;

export async function findEvent(db: Db, id: number): Promise<EventRecord | undefined> {
  if (!Number.isSafeInteger(id) || id < 1 || id >= 2 ** 31) return undefined;
  const { rows } = await sql<EventRecord>`select ${recordColumns} from event e where e.id = ${id}`.execute(db);
  return rows[0];
}

export interface EventFilters {
  format?: EventFormat;
  district?: string;
  from?: string;
  to?: string;
  organizer?: 'centre' | 'partner';
  /** Public calendar: only events from this day on. */
  upcomingFrom?: string;
  /** A coordinator's scope: only events in these districts (empty: none). */
  withinDistricts?: string[];
}

function whereOf(filters: EventFilters) {
  const conditions = [sql`true`];
  if (filters.format) conditions.push(sql`e.format = ${filters.format}`);
  if (filters.district) conditions.push(sql`e.district = ${filters.district}`);
  if (filters.from) conditions.push(sql`e.start_date >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`e.start_date <= ${filters.to}::date`);
  if (filters.organizer) conditions.push(sql`e.organizer = ${filters.organizer}`);
  if (filters.upcomingFrom) conditions.push(sql`e.start_date >= ${filters.upcomingFrom}::date`);
  if (filters.withinDistricts) {
    const districts = filters.withinDistricts;
    conditions.push(districts.length === 0 ? sql`false` : sql`e.district in (${sql.join(districts.map((district) => sql`${district}`))})`);
  }
  return sql.join(conditions, sql` and `);
}

export const pageSize = 25;

/** The staff list: newest first, one page, with the total for paging. */
export async function listEvents(db: Db, filters: EventFilters, page: number): Promise<{ events: EventRecord[]; total: number }> {
  const where = whereOf(filters);
  const { rows } = await sql<EventRecord>`
    select ${recordColumns} from event e where ${where}
    order by e.start_date desc, e.starts_at desc nulls last, e.id desc
    limit ${pageSize} offset ${(Math.max(1, page) - 1) * pageSize}`.execute(db);
  const { rows: count } = await sql<{ total: number }>`select count(*)::int as total from event e where ${where}`.execute(db);
  return { events: rows, total: count[0].total };
}

/** Events in date order (a month of the staff calendar, the public calendar, the feed). */
export async function eventsInOrder(db: Db, filters: EventFilters, limit = 1000): Promise<EventRecord[]> {
  const { rows } = await sql<EventRecord>`
    select ${recordColumns} from event e where ${whereOf(filters)}
    order by e.start_date, e.starts_at nulls first, e.id
    limit ${limit}`.execute(db);
  return rows;
}

/** Districts named by any event, for the filter choices. */
export async function eventDistricts(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('event').select('district').distinct().where('district', 'is not', null).orderBy('district').execute();
  return rows.map((row) => row.district!);
}

/** A readable, stable key: ev-YYYY-MM-DD-<slug of the title>, numbered when taken. */
export function slugOf(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'veranstaltung';
}

async function freeEventKey(db: Db, date: string, title: string): Promise<string> {
  const base = `ev-${date}-${slugOf(title)}`;
  const taken = new Set(
    (await db.selectFrom('event').select('event_key').where('event_key', 'like', `${base}%`).execute()).map((row) => row.event_key),
  );
  if (!taken.has(base)) return base;
  let number = 2;
  while (taken.has(`${base}-${number}`)) number++;
  return `${base}-${number}`;
}

function columnsOf(fields: EventFields) {
  const { registration_opens, registration_closes, ...rest } = fields;
  return {
    ...rest,
    registration_opens_at: localTimestamp(registration_opens),
    registration_closes_at: localTimestamp(registration_closes),
  };
}

/** Inserts the event (the caller gives it its feedback form in the same transaction). */
export async function insertEvent(db: Db, fields: EventFields): Promise<{ id: number; event_key: string }> {
  const event_key = await freeEventKey(db, fields.start_date, fields.title);
  const { id } = await db
    .insertInto('event')
    .values({ event_key, ...columnsOf(fields) } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, event_key };
}

export async function updateEvent(db: Db, id: number, fields: EventFields): Promise<void> {
  await db
    .updateTable('event')
    .set({ ...columnsOf(fields), updated_at: sql`now()` } as never)
    .where('id', '=', id)
    .execute();
}

/** False when the event was already cancelled (two staff cancelling at once: the first wins). */
export async function markCancelled(db: Db, id: number, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('event')
    .set({ cancelled_at: sql`now()` as never, cancel_reason: reason, updated_at: sql`now()` as never })
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * A corrected format brings the new format's feedback form, as long as no
 * feedback was recorded on the old one (answers keep the questions they
 * answered); the old, now unused copy is removed. Same rule as the import.
 */
export async function followFormat(db: Db, eventId: number, oldFormId: number | null, format: EventFormat): Promise<boolean> {
  const answered = await db.selectFrom('feedback_response').select('id').where('event_id', '=', eventId).executeTakeFirst();
  if (answered) return false;
  await assignDefaultForm(db, eventId, format);
  if (oldFormId !== null) {
    await sql`
      delete from feedback_form f
      where f.id = ${oldFormId} and not f.is_template
        and not exists (select 1 from event where feedback_form_id = f.id)`.execute(db);
  }
  return true;
}

/** Today in Berlin, 'YYYY-MM-DD' (the calendar shows events from today on). */
export async function todayInBerlin(db: Db): Promise<string> {
  const { rows } = await sql<{ today: string }>`select to_char(now() at time zone 'Europe/Berlin', 'YYYY-MM-DD') as today`.execute(db);
  return rows[0].today;
}
