import { countFunderListChunk, upsertFunderListChunk } from '../grants/index.js';
import { countInChunks, firstOccurrence, upsertInChunks, type StoreRows } from './context.js';
import type { GrantRow } from './schemas.js';

/**
 * The funder's list of WIR micro-project applications, identified by (year,
 * organisation, application type). The list is the funder's truth: a
 * re-import overwrites status, dates and amounts with what it says; the
 * grants module owns the table and its statement.
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
  if (context.preview) return countInChunks(context.db, records, countFunderListChunk);
  return upsertInChunks(context.db, records, upsertFunderListChunk);
};
