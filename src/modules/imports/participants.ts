import { countParticipationChunk, upsertParticipationChunk } from '../registrations/index.js';
import { normalisePersonName } from '../names/index.js';
import { countInChunks, findEvents, firstOccurrence, rowsWithEvent, upsertInChunks, type StoreRows } from './context.js';
import type { ParticipantRow } from './schemas.js';

/**
 * Attendance lists: one row per person present, identified by (event,
 * organisation, person) — the organisation as resolved (a name and its alias
 * are the same organisation), the person by their normalised name.
 */
export const storeParticipants: StoreRows<ParticipantRow> = async (rows, context) => {
  const events = await findEvents(context.db, rows.map((row) => row.value.event_key));
  const known = rowsWithEvent(rows, events, context.problems);
  const organisationIds = await context.organisations.resolve(
    known.flatMap((row) => (row.value.organization ? [{ ...row.value.organization, line: row.line }] : [])),
  );

  const seen = new Map<string, number>();
  const records = [];
  for (const { line, value } of known) {
    const eventId = events.get(value.event_key)!.id;
    const organisationId = value.organization ? organisationIds.get(value.organization.normalisedName)! : null;
    const personKey = normalisePersonName(value.person ?? '');
    const isNew = firstOccurrence(seen, `${eventId}|${organisationId ?? 0}|${personKey}`, line, 'person', context.problems, () => ({
      de: `gleiche Veranstaltung, gleiche Organisation, Person ${value.person ? `„${value.person}“` : 'ohne Namen'}. Waren es zwei Personen, tragen Sie in der Spalte person ihre Namen ein; sonst löschen Sie diese Zeile.`,
      en: `same event, same organisation, person ${value.person ? `"${value.person}"` : 'without a name'}. If these were two people, write their names in the column person; otherwise delete this line.`,
    }));
    if (!isNew) continue;
    records.push({
      event_id: eventId,
      organisation_id: organisationId,
      person_name: value.person ?? '',
      person_key: personKey,
      email: value.email,
      source: context.source,
    });
  }

  // an empty email cell never erases an address known from registration or check-in (registrations' statements)
  if (context.preview) return countInChunks(context.db, records, countParticipationChunk);
  return upsertInChunks(context.db, records, upsertParticipationChunk);
};
