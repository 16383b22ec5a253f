import { sql } from 'kysely';

/**
 * The statements a consultations list import runs (imports/consultations.ts
 * prepares the rows): consultations are identified by (date, organisation,
 * channel, topic), and a re-import only changes the duration. Each takes a
 * chunk of rows as a JSON array, as the funder's list does in grants.
 */

/** Stores a chunk; `inserted` tells a new row from an updated one, unchanged rows are not touched. */
export const upsertConsultationsChunk = (json: string) => sql<{ inserted: boolean }>`
    insert into consultation (consulted_on, organisation_id, channel, topic, duration_minutes, source)
    select consulted_on, organisation_id, channel, topic, duration_minutes, source
    from jsonb_to_recordset(${json}::jsonb)
      as input (consulted_on date, organisation_id integer, channel text, topic text, duration_minutes integer, source text)
    on conflict (consulted_on, organisation_id, channel, topic) do update
      set duration_minutes = excluded.duration_minutes
      where consultation.duration_minutes is distinct from excluded.duration_minutes
    returning (xmax = 0) as inserted`;

/** The preview's count for the same chunk: what the statement above would insert and change. */
export const countConsultationsChunk = (json: string) => sql<{ created: number; updated: number }>`
      select count(*) filter (where c.id is null) as created,
             count(*) filter (where c.id is not null and c.duration_minutes is distinct from input.duration_minutes) as updated
      from jsonb_to_recordset(${json}::jsonb)
        as input (consulted_on date, organisation_id integer, channel text, topic text, duration_minutes integer)
      left join consultation c
        on (c.consulted_on, c.organisation_id, c.channel, c.topic) = (input.consulted_on, input.organisation_id, input.channel, input.topic)`;
