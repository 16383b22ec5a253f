import { createListedEvent, updateListedEvent } from '../events/index.js';
import { firstOccurrence, jsonTexts, turnTaker, type StoreRows } from './context.js';
import type { EventRow } from './schemas.js';

/**
 * Events, keyed by event_key: a new key creates the event (with its own copy
 * of its format's feedback form), a known key updates it; the events module
 * writes them (events/listed-events.ts). Event lists are
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
      await createListedEvent(db, value.event_key, fields);
    } else if (compared.some((field) => event[field] !== fields[field])) {
      updated += 1;
      if (context.preview) continue;
      await updateListedEvent(db, event, fields);
    }
  }
  return { created, updated, unchanged: unique.length - created - updated };
};
