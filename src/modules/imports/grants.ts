import { sql } from 'kysely';
import { firstOccurrence, upsertInChunks, type StoreRows } from './context.js';
import type { GrantRow } from './schemas.js';

/**
 * The funder's list of WIR micro-project applications, identified by (year,
 * organisation, application type). The list is the funder's truth: a
 * re-import overwrites status, dates and amounts with what it says.
 */
export const storeGrants: StoreRows<GrantRow> = async (rows, context) => {
  const organisationIds = await context.organisations.resolve(rows.map((row) => ({ ...row.value.organization, line: row.line })));
  const seen = new Map<string, number>();
  const records = [];
  for (const { line, value } of rows) {
    const organisationId = organisationIds.get(value.organization.normalisedName)!;
    const isNew = firstOccurrence(seen, `${value.year}|${organisationId}|${value.application_type}`, line, 'organization', context.problems, {
      de: `gleiches Jahr ${value.year}, gleiche Organisation und gleiche Antragsart (${value.application_type}). Eine Organisation hat je Jahr einen Erst- oder Folgeantrag: löschen Sie die doppelte Zeile oder korrigieren Sie Jahr bzw. Antragsart.`,
      en: `same year ${value.year}, organisation and application type (${value.application_type}). An organisation has one new or follow-up application per year: delete the repeated line or correct the year or type.`,
    });
    if (!isNew) continue;
    records.push({
      year: value.year,
      organisation_id: organisationId,
      application_type: value.application_type,
      status: value.status,
      approved_on: value.approved_on,
      summary: value.summary,
      amount_eur: value.amount_eur,
      duration_months: value.duration_months,
      source: context.source,
    });
  }
  return upsertInChunks(context.db, records, (json) => sql<{ inserted: boolean }>`
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
    returning (xmax = 0) as inserted`);
};
