import { sql } from 'kysely';
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

  // An empty email cell never erases an address known from registration or check-in.
  if (context.preview) {
    return countInChunks(context.db, records, (json) => sql<{ created: number; updated: number }>`
      select count(*) filter (where p.id is null) as created,
             count(*) filter (where p.id is not null and input.email is not null and p.email is distinct from input.email) as updated
      from jsonb_to_recordset(${json}::jsonb) as input (event_id integer, organisation_id integer, person_key text, email text)
      left join participation p
        on p.event_id = input.event_id and coalesce(p.organisation_id, 0) = coalesce(input.organisation_id, 0) and p.person_key = input.person_key`);
  }
  return upsertInChunks(context.db, records, (json) => sql<{ inserted: boolean }>`
    insert into participation (event_id, organisation_id, person_name, person_key, email, source)
    select event_id, organisation_id, person_name, person_key, email, source
    from jsonb_to_recordset(${json}::jsonb)
      as input (event_id integer, organisation_id integer, person_name text, person_key text, email text, source text)
    on conflict (event_id, (coalesce(organisation_id, 0)), person_key) do update
      set email = excluded.email
      where excluded.email is not null and participation.email is distinct from excluded.email
    returning (xmax = 0) as inserted`);
};
