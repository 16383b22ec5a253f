import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { ConcernScope } from './policy.js';
import { inScope, type ListFilters } from './queries.js';
import type { EntryKind, EntryState } from './tables.js';

type Db = Kysely<Database>;

/** One entry as the API lists it: no organisation, no source note, no account (api.ts shapes it per role). */
export interface ApiEntryRow {
  id: number;
  kind: EntryKind;
  title: string;
  topic: string;
  state: EntryState;
  raised_on: string;
  district: string | null;
  forwarded_on: string | null;
  meeting_id: number | null;
  meeting_held_on: string | null;
  answer: string;
  organisations: number;
  events: number;
  total: number;
}

/** The live entries of the scope, newest first, a page of them with the number of all that match (concern_entry_list). */
export async function apiEntries(db: Db, scope: ConcernScope, filters: ListFilters, page: { limit: number; offset: number }): Promise<ApiEntryRow[]> {
  let query = db
    .selectFrom('concern_entry')
    .leftJoin('concern_meeting as m', 'm.id', 'concern_entry.forwarded_meeting_id')
    .select([
      'concern_entry.id', 'concern_entry.kind', 'concern_entry.title', 'concern_entry.topic', 'concern_entry.state', 'concern_entry.district', 'concern_entry.answer',
      sql<string>`to_char(concern_entry.raised_on, 'YYYY-MM-DD')`.as('raised_on'),
      sql<string | null>`to_char(concern_entry.forwarded_on, 'YYYY-MM-DD')`.as('forwarded_on'),
      'm.id as meeting_id',
      sql<string | null>`to_char(m.held_on, 'YYYY-MM-DD')`.as('meeting_held_on'),
      sql<number>`(select count(*)::integer from concern_entry_organisation eo where eo.entry_id = concern_entry.id)`.as('organisations'),
      sql<number>`(select count(*)::integer from concern_entry_event ee where ee.entry_id = concern_entry.id)`.as('events'),
      sql<number>`(count(*) over ())::integer`.as('total'),
    ])
    .where('concern_entry.merged_into', 'is', null)
    .where(inScope(scope));
  if (filters.kind) query = query.where('concern_entry.kind', '=', filters.kind);
  if (filters.state) query = query.where('concern_entry.state', '=', filters.state);
  if (filters.topic) query = query.where('concern_entry.topic', '=', filters.topic);
  return query.orderBy('concern_entry.raised_on', 'desc').orderBy('concern_entry.id', 'desc').limit(page.limit).offset(page.offset).execute();
}

/** How many live entries of the scope are in each kind and state (the figures: needs taken up, concerns changed or declined). */
export async function apiCounts(db: Db, scope: ConcernScope): Promise<{ kind: EntryKind; state: EntryState; count: number }[]> {
  return db
    .selectFrom('concern_entry')
    .select(['kind', 'state', sql<number>`count(*)::integer`.as('count')])
    .where('merged_into', 'is', null)
    .where(inScope(scope))
    .groupBy(['kind', 'state'])
    .orderBy('kind')
    .orderBy('state')
    .execute();
}
