import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { AuditEntryRow } from './queries.js';

/**
 * The filtered audit log as a file, streamed so that a long period never sits
 * in memory: CSV for a German spreadsheet (UTF-8 with BOM, semicolons; details
 * as JSON in one column) and JSON (an array of entries).
 */

export const auditCsvColumns = ['id', 'at', 'account_id', 'account_email', 'action', 'subject_type', 'subject_id', 'details'] as const;

/**
 * A text a spreadsheet would run as a formula (=, +, -, @, tab or CR first) is
 * prefixed with an apostrophe. Only a cell that is a plain number as a whole
 * ("-12", "+3,5") is left alone: "-1+HYPERLINK(…)" starts with a digit after
 * the minus and still runs, so a look at the first two characters is not enough.
 */
export const defuseFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) && !plainNumber.test(value) ? `'${value}` : value);
const plainNumber = /^[+-]?\d+([.,]\d+)?$/;

function csvRecord(entry: AuditEntryRow): string[] {
  return [
    String(entry.id),
    entry.at.toISOString(),
    entry.accountId === null ? '' : String(entry.accountId),
    entry.accountEmail ?? '',
    entry.action,
    entry.subjectType,
    entry.subjectId ?? '',
    JSON.stringify(entry.details),
  ].map(defuseFormula);
}

export function auditCsv(entries: AsyncIterable<AuditEntryRow>): Readable {
  const records = Readable.from(
    (async function* () {
      for await (const entry of entries) yield csvRecord(entry);
    })(),
  );
  return records.pipe(stringify({ bom: true, delimiter: ';', record_delimiter: '\r\n', header: true, columns: [...auditCsvColumns] }));
}

export function auditJson(entries: AsyncIterable<AuditEntryRow>): Readable {
  return Readable.from(
    (async function* () {
      let first = true;
      yield '[';
      for await (const entry of entries) {
        const { id, at, accountId, accountEmail, action, subjectType, subjectId, details } = entry;
        yield `${first ? '' : ','}\n${JSON.stringify({ id, at: at.toISOString(), account_id: accountId, account_email: accountEmail, action, subject_type: subjectType, subject_id: subjectId, details })}`;
        first = false;
      }
      yield '\n]\n';
    })(),
  );
}
