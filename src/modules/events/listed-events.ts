import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, EventFormat } from '../../db/tables.js';
import { assignDefaultForm } from '../feedback/index.js';
import { followFormat } from './queries.js';

/**
 * Events that come from a list (imports/events.ts), keyed by the list's
 * event_key: the import decides which rows are new or changed, the events
 * module writes its table. A new event gets its own copy of its format's
 * feedback form; a corrected format follows the same rule as the edit form
 * (followFormat).
 */
type ListedFields = Omit<Insertable<Database['event']>, 'event_key' | 'format'> & { format: EventFormat };

export async function createListedEvent(db: Kysely<Database>, eventKey: string, fields: ListedFields): Promise<number> {
  const { id } = await db.insertInto('event').values({ event_key: eventKey, ...fields }).returning('id').executeTakeFirstOrThrow();
  await assignDefaultForm(db, id, fields.format);
  return id;
}

export async function updateListedEvent(db: Kysely<Database>, event: { id: number; format: EventFormat; feedback_form_id: number | null }, fields: ListedFields): Promise<void> {
  // (tables.ts types updated_at as Generated<Timestamp>, which Kysely cannot assign; hence the cast)
  await db.updateTable('event').set({ ...fields, updated_at: sql`now()` as never }).where('id', '=', event.id).execute();
  if (event.format !== fields.format) await followFormat(db, event.id, event.feedback_form_id, fields.format);
}
