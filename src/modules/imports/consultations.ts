import { sql } from 'kysely';
import { countInChunks, firstOccurrence, upsertInChunks, type StoreRows } from './context.js';
import type { ConsultationRow } from './schemas.js';

/** Individual consultations, identified by (date, organisation, channel, topic). */
export const storeConsultations: StoreRows<ConsultationRow> = async (rows, context) => {
  const organisationIds = await context.organisations.resolve(rows.map((row) => ({ ...row.value.organization, line: row.line })));
  const seen = new Map<string, number>();
  const records = [];
  for (const { line, value } of rows) {
    const organisationId = organisationIds.get(value.organization.normalisedName)!;
    const identity = JSON.stringify([value.date, organisationId, value.channel, value.topic]);
    const isNew = firstOccurrence(seen, identity, line, null, context.problems, {
      de: 'gleiches Datum, gleiche Organisation, gleicher Weg und gleiches Thema. Löschen Sie die doppelte Zeile oder unterscheiden Sie die Beratungen in der Spalte topic.',
      en: 'same date, organisation, channel and topic. Delete the repeated line or tell the consultations apart in the column topic.',
    });
    if (!isNew) continue;
    records.push({
      consulted_on: value.date,
      organisation_id: organisationId,
      channel: value.channel,
      topic: value.topic,
      duration_minutes: value.duration_minutes,
      source: context.source,
    });
  }
  if (context.preview) {
    return countInChunks(context.db, records, (json) => sql<{ created: number; updated: number }>`
      select count(*) filter (where c.id is null) as created,
             count(*) filter (where c.id is not null and c.duration_minutes is distinct from input.duration_minutes) as updated
      from jsonb_to_recordset(${json}::jsonb)
        as input (consulted_on date, organisation_id integer, channel text, topic text, duration_minutes integer)
      left join consultation c
        on (c.consulted_on, c.organisation_id, c.channel, c.topic) = (input.consulted_on, input.organisation_id, input.channel, input.topic)`);
  }
  return upsertInChunks(context.db, records, (json) => sql<{ inserted: boolean }>`
    insert into consultation (consulted_on, organisation_id, channel, topic, duration_minutes, source)
    select consulted_on, organisation_id, channel, topic, duration_minutes, source
    from jsonb_to_recordset(${json}::jsonb)
      as input (consulted_on date, organisation_id integer, channel text, topic text, duration_minutes integer, source text)
    on conflict (consulted_on, organisation_id, channel, topic) do update
      set duration_minutes = excluded.duration_minutes
      where consultation.duration_minutes is distinct from excluded.duration_minutes
    returning (xmax = 0) as inserted`);
};
