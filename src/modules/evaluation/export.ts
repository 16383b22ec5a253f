import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { defuseFormula } from '../audit/index.js';
import type { Pseudonymiser } from './pseudonyms.js';
import { hidesCount } from '../reports/index.js';
import { activityYears, describeOrganisations, evaluationProfiles, measures, organisationIndex, participations, type EvaluationOrganisation } from './queries.js';

/**
 * The evaluator's lists as CSV (UTF-8 with BOM, semicolons, like every export
 * of Mosaik): codes rather than labels, so that scripts can read them; counts
 * below the threshold as "< N", like the pages.
 */

/**
 * A count of one organisation as the evaluator may see it, by the one rule of
 * src/modules/reports/suppression.ts: the row describes the organisation by
 * district and orientation, so its counts are a breakdown by them — "< 3" for
 * 1 and 2 (threshold 3), zeros and larger counts as they are.
 */
export function maskedCount(value: number, threshold: number | null): string {
  return hidesCount(value, ['organisation', 'district', 'orientation', 'year', 'measure'], threshold) ? `< ${threshold}` : String(value);
}

function csv(header: string[], records: AsyncIterable<string[]>): Readable {
  const rows = Readable.from(
    (async function* () {
      for await (const record of records) yield record.map(defuseFormula);
    })(),
  );
  return rows.pipe(stringify({ bom: true, delimiter: ';', record_delimiter: '\r\n', header: true, columns: header }));
}

/** One row per organisation, in pseudonym order, with a column per year and measure ("events_2018"). */
export async function organisationsCsv(db: Kysely<Database>, pseudonyms: Pseudonymiser, threshold: number | null): Promise<Readable> {
  const years = await activityYears(db);
  const { ids } = await organisationIndex(db, pseudonyms);
  const profiles = await evaluationProfiles(db);
  // quasi-identifiers coarsened and generalised to groups of k (anonymity.ts); "–" where withheld, empty where unknown
  const header = ['pseudonym', 'district', 'legal_form_group', 'founding_period', 'orientation', 'fields', ...years.flatMap((year) => measures.map((measure) => `${measure}_${year}`))];
  const record = (organisation: EvaluationOrganisation) => [
    organisation.pseudonym,
    organisation.district ?? '',
    organisation.legalForm ?? '',
    organisation.foundingPeriod ?? '',
    organisation.orientation ?? '',
    organisation.fields.join(','),
    ...years.flatMap((year) => measures.map((measure) => maskedCount(organisation.counts[year]?.[measure] ?? 0, threshold))),
  ];
  return csv(
    header,
    (async function* () {
      for (let start = 0; start < ids.length; start += 1000) {
        for (const organisation of await describeOrganisations(db, pseudonyms, ids.slice(start, start + 1000), profiles)) yield record(organisation);
      }
    })(),
  );
}

/** Every participation (or those of one year), newest events first. */
export function participationsCsv(db: Kysely<Database>, pseudonyms: Pseudonymiser, year: number | undefined): Readable {
  const batch = 2000;
  return csv(
    ['event', 'format', 'date', 'organisation', 'person'],
    (async function* () {
      for (let offset = 0; ; offset += batch) {
        const { items } = await participations(db, pseudonyms, { year, limit: batch, offset });
        for (const item of items) yield [item.eventTitle, item.format, item.startDate, item.organisation ?? '', item.person ?? ''];
        if (items.length < batch) return;
      }
    })(),
  );
}
