import { countConsultationsChunk, upsertConsultationsChunk } from '../consultations/index.js';
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
  if (context.preview) return countInChunks(context.db, records, countConsultationsChunk);
  return upsertInChunks(context.db, records, upsertConsultationsChunk);
};
