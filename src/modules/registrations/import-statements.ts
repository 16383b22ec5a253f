import { sql } from 'kysely';

/**
 * The statements an attendance list import runs (imports/participants.ts
 * prepares the rows): one participation per (event, organisation, person by
 * normalised name). An empty email cell never erases an address known from
 * registration or check-in. Each takes a chunk of rows as a JSON array.
 */

/** Stores a chunk; `inserted` tells a new row from an updated one, unchanged rows are not touched. */
export const upsertParticipationChunk = (json: string) => sql<{ inserted: boolean }>`
    insert into participation (event_id, organisation_id, person_name, person_key, email, source)
    select event_id, organisation_id, person_name, person_key, email, source
    from jsonb_to_recordset(${json}::jsonb)
      as input (event_id integer, organisation_id integer, person_name text, person_key text, email text, source text)
    on conflict (event_id, (coalesce(organisation_id, 0)), person_key) do update
      set email = excluded.email
      where excluded.email is not null and participation.email is distinct from excluded.email
    returning (xmax = 0) as inserted`;

/** The preview's count for the same chunk: what the statement above would insert and change. */
export const countParticipationChunk = (json: string) => sql<{ created: number; updated: number }>`
      select count(*) filter (where p.id is null) as created,
             count(*) filter (where p.id is not null and input.email is not null and p.email is distinct from input.email) as updated
      from jsonb_to_recordset(${json}::jsonb) as input (event_id integer, organisation_id integer, person_key text, email text)
      left join participation p
        on p.event_id = input.event_id and coalesce(p.organisation_id, 0) = coalesce(input.organisation_id, 0) and p.person_key = input.person_key`;
