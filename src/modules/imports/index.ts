import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/audit.js';
import { OrganisationTally, type StoreRows } from './context.js';
import { storeConsultations } from './consultations.js';
import { ImportError, ProblemList, type ImportProblem } from './errors.js';
import { storeEvents } from './events.js';
import { storeFeedback } from './feedback.js';
import { storeGrants } from './grants.js';
import { storeOrganizations } from './organizations.js';
import { parseTable, type Table } from './parse.js';
import { storeParticipants } from './participants.js';
import { importKinds, type ImportKind } from './schemas.js';
import { recordsToTable, validateTable } from './validate.js';

/**
 * Imports (spec/exchange.md): a list in, all or nothing. Every import runs in
 * one transaction that is rolled back unless every row is valid and the caller
 * asked to store; a dry run is the same work rolled back, so the preview shows
 * exactly what confirming would do.
 */

export { formatProblems, ImportError, type ImportProblem, type Message } from './errors.js';
export { importKinds, type ImportKind } from './schemas.js';

export interface ImportOutcome {
  kind: ImportKind;
  fileName: string;
  /** Rows below the header that hold any value. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Organisations created for names that matched nothing: flagged for review. */
  newOrganisations: { name: string; normalisedName: string; lines: number[] }[];
  /** Name occurrences that meant a known organisation. */
  matchedOrganisations: number;
  problems: ImportProblem[];
  /** True when the import's changes were committed. */
  stored: boolean;
}

export interface ImportOptions {
  /** Check and count only; nothing is stored. */
  dryRun?: boolean;
  accountId?: number | null;
  /** 'demo' marks what the demo loader creates, so that it can be told apart. */
  source?: 'import' | 'demo';
}

const stores: Record<ImportKind, StoreRows<any>> = {
  organizations: storeOrganizations,
  events: storeEvents,
  participants: storeParticipants,
  feedback: storeFeedback,
  consultations: storeConsultations,
  grants: storeGrants,
};

export function isImportKind(value: string): value is ImportKind {
  return (importKinds as readonly string[]).includes(value);
}

/** A file (CSV or XLSX bytes) as the spec describes it. */
export async function importFile(
  db: Kysely<Database>,
  kind: ImportKind,
  file: { name: string; bytes: Uint8Array },
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  let table: Table;
  try {
    table = await parseTable(file.bytes);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { ...emptyOutcome(kind, file.name), problems: [error.toProblem()] };
  }
  return importTable(db, kind, table, { ...options, fileName: file.name, sha256: sha256(file.bytes) });
}

/** Records keyed by column name, as the JSON API and the demo loader send them. */
export async function importRecords(
  db: Kysely<Database>,
  kind: ImportKind,
  records: Record<string, string | number | null | undefined>[],
  options: ImportOptions & { fileName?: string } = {},
): Promise<ImportOutcome> {
  const asText = records.map((record) =>
    Object.fromEntries(Object.entries(record).map(([column, value]) => [column, value == null ? '' : String(value)])),
  );
  const json = JSON.stringify(asText);
  return importTable(db, kind, recordsToTable(asText), {
    ...options,
    fileName: options.fileName ?? `${kind}.json`,
    sha256: sha256(new TextEncoder().encode(json)),
  });
}

/** Thrown to roll the transaction back while keeping the outcome. */
class RollBack extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('rolled back');
  }
}

async function importTable(
  db: Kysely<Database>,
  kind: ImportKind,
  table: Table,
  options: ImportOptions & { fileName: string; sha256: string },
): Promise<ImportOutcome> {
  const source = options.source ?? 'import';
  try {
    return await db.transaction().execute(async (trx) => {
      // One import at a time: two lists naming the same new organisation must
      // not both create it. Imports are rare; waiting is cheap.
      await sql`select pg_advisory_xact_lock(hashtext('mosaik.import'))`.execute(trx);
      const problems = new ProblemList();
      const rows = validateTable(kind, table, problems);
      const organisations = new OrganisationTally(trx, source);
      const counts = await stores[kind](rows, { db: trx, problems, source, organisations });
      const outcome: ImportOutcome = {
        kind,
        fileName: options.fileName,
        rows: table.rows.length,
        ...counts,
        newOrganisations: organisations.created,
        matchedOrganisations: organisations.matched,
        problems: problems.list(),
        stored: false,
      };
      if (problems.count > 0 || options.dryRun) throw new RollBack(outcome);
      await recordRun(trx, outcome, options);
      return { ...outcome, stored: true };
    });
  } catch (error) {
    if (error instanceof RollBack) return error.outcome;
    throw error;
  }
}

async function recordRun(db: Kysely<Database>, outcome: ImportOutcome, options: ImportOptions & { sha256: string }) {
  const { id } = await db
    .insertInto('import_run')
    .values({
      kind: outcome.kind,
      file_name: outcome.fileName,
      sha256: options.sha256,
      account_id: options.accountId ?? null,
      rows: outcome.rows,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      new_organisations: outcome.newOrganisations.length,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(db, {
    accountId: options.accountId ?? null,
    action: 'import.run',
    subjectType: 'import_run',
    subjectId: id,
    details: { kind: outcome.kind, rows: outcome.rows, created: outcome.created, updated: outcome.updated, source: options.source ?? 'import' },
  });
}

function emptyOutcome(kind: ImportKind, fileName: string): ImportOutcome {
  return { kind, fileName, rows: 0, created: 0, updated: 0, unchanged: 0, newOrganisations: [], matchedOrganisations: 0, problems: [], stored: false };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
