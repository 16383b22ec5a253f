import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { assignDefaultForm } from '../feedback/index.js';
import { firstOccurrence, jsonTexts, turnTaker, type StoreRows } from './context.js';
import type { EventRow } from './schemas.js';

/**
 * Events, keyed by event_key: a new key creates the event (with its own copy
 * of its format's feedback form), a known key updates it. Event lists are
 * short, so rows are compared here and only changed events are written.
 */

const compared = ['title', 'format', 'start_date', 'organizer', 'municipality', 'district', 'capacity', 'per_org_limit'] as const;
type EventFields = Pick<EventRow, (typeof compared)[number]>;

export const storeEvents: StoreRows<EventRow> = async (rows, context) => {
  const { db, problems } = context;
  const seen = new Map<string, number>();
  const unique = rows.filter((row) =>
    firstOccurrence(seen, row.value.event_key, row.line, 'event_key', problems, {
      de: `derselbe event_key „${row.value.event_key}“. Jede Veranstaltung steht einmal in der Liste: löschen Sie die doppelte Zeile oder geben Sie ihr einen eigenen Schlüssel.`,
      en: `the same event_key "${row.value.event_key}". Each event is listed once: delete the repeated line or give it its own key.`,
    }),
  );
  const existing = await db
    .selectFrom('event')
    .select(['id', 'event_key', 'feedback_form_id', ...compared])
    .where('event_key', 'in', jsonTexts(unique.map((row) => row.value.event_key)))
    .execute();
  const byKey = new Map(existing.map((event) => [event.event_key, event]));

  let created = 0;
  let updated = 0;
  const takeTurn = turnTaker();
  for (const { value } of unique) {
    await takeTurn();
    const fields: EventFields = Object.fromEntries(compared.map((field) => [field, value[field]])) as EventFields;
    const event = byKey.get(value.event_key);
    if (!event) {
      created += 1;
      if (context.preview) continue;
      const { id } = await db.insertInto('event').values({ event_key: value.event_key, ...fields }).returning('id').executeTakeFirstOrThrow();
      await assignDefaultForm(db, id, fields.format);
    } else if (compared.some((field) => event[field] !== fields[field])) {
      updated += 1;
      if (context.preview) continue;
      // (tables.ts types updated_at as Generated<Timestamp>, which Kysely cannot assign; hence the cast)
      await db.updateTable('event').set({ ...fields, updated_at: sql`now()` as never }).where('id', '=', event.id).execute();
      if (event.format !== fields.format) await followFormat(db, event.id, event.feedback_form_id, fields.format);
    }
  }
  return { created, updated, unchanged: unique.length - created - updated };
};

/**
 * A corrected format brings the new format's form, as long as no feedback has
 * been recorded on the old one (answers must keep the questions they answered).
 */
async function followFormat(db: Kysely<Database>, eventId: number, oldFormId: number | null, format: EventRow['format']) {
  const answered = await db.selectFrom('feedback_response').select('id').where('event_id', '=', eventId).executeTakeFirst();
  if (answered) return;
  await assignDefaultForm(db, eventId, format);
  if (oldFormId !== null) {
    await sql`
      delete from feedback_form f
      where f.id = ${oldFormId} and not f.is_template
        and not exists (select 1 from event where feedback_form_id = f.id)`.execute(db);
  }
}
