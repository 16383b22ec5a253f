import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * The funder's list is the funder's truth: a re-import overwrites status,
 * dates and amounts with what it says. One statement stores a chunk of rows
 * given as a JSON array; `inserted` tells a new row from an updated one (the
 * import counts both), and rows that did not change are not touched.
 */
export const upsertFunderListChunk = (json: string) => sql<{ inserted: boolean }>`
    insert into grant_application (year, organisation_id, application_type, status, approved_on, summary, amount_eur, duration_months, source)
    select year, organisation_id, application_type, status, approved_on, summary, amount_eur, duration_months, source
    from jsonb_to_recordset(${json}::jsonb)
      as input (year integer, organisation_id integer, application_type text, status text, approved_on date,
                summary text, amount_eur numeric(12, 2), duration_months integer, source text)
    on conflict (year, organisation_id, application_type) do update
      set status = excluded.status, approved_on = excluded.approved_on, summary = excluded.summary,
          amount_eur = excluded.amount_eur, duration_months = excluded.duration_months, updated_at = now()
      where (grant_application.status, grant_application.approved_on, grant_application.summary,
             grant_application.amount_eur, grant_application.duration_months)
        is distinct from (excluded.status, excluded.approved_on, excluded.summary, excluded.amount_eur, excluded.duration_months)
    returning (xmax = 0) as inserted`;

/**
 * The preview's count for a chunk of the same rows (imports' countInChunks):
 * how many the statement above would insert, and how many it would change.
 * The key and the compared columns are those of its conflict clause.
 */
export const countFunderListChunk = (json: string) => sql<{ created: number; updated: number }>`
    select count(*) filter (where g.id is null) as created,
           count(*) filter (where g.id is not null
             and (g.status, g.approved_on, g.summary, g.amount_eur, g.duration_months)
                 is distinct from (input.status, input.approved_on, input.summary, input.amount_eur, input.duration_months)) as updated
    from jsonb_to_recordset(${json}::jsonb)
      as input (year integer, organisation_id integer, application_type text, status text, approved_on date,
                summary text, amount_eur numeric(12, 2), duration_months integer)
    left join grant_application g
      on (g.year, g.organisation_id, g.application_type) = (input.year, input.organisation_id, input.application_type)`;

/** Erasing an organisation (privacy): the free-text summaries go; years, types and amounts still count in the report. */
export async function eraseGrantSummaries(trx: Kysely<Database>, organisationId: number): Promise<void> {
  await sql`update grant_application set summary = null, updated_at = now() where organisation_id = ${organisationId}`.execute(trx);
}
