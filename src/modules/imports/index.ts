import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import { OrganisationTally, type StoreCounts, type StoreRows } from './context.js';
import { storeConsultations } from './consultations.js';
import { ProblemList, type ImportProblem } from './errors.js';
import { storeEvents } from './events.js';
import { storeFeedback } from './feedback.js';
import { storeGrants } from './grants.js';
import { storeOrganizations } from './organizations.js';
import { prepareOffThread } from './off-thread.js';
import type { Prepared } from './prepare.js';
import { storeParticipants } from './participants.js';
import { importKinds, type ImportKind } from './schemas.js';

/**
 * Imports (spec/exchange.md): a list in, all or nothing. Every import runs in
 * one transaction that is rolled back unless every row is valid and the caller
 * asked to store; a dry run is the same work rolled back, so the preview shows
 * exactly what confirming would do.
 */

import { lazy, type MosaikModule } from '../module.js';
import { personalData } from './personal-data.js';

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = ['import_run', 'import_job', 'import_upload'] as const;

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
  /** The run the stored import recorded (import_run.id); absent for a preview or a refused list. */
  runId?: number;
}

export interface ImportOptions {
  /** Check and count only; nothing is stored. */
  dryRun?: boolean;
  accountId?: number | null;
  /** 'demo' marks what the demo loader creates, so that it can be told apart. */
  source?: 'import' | 'demo';
  /** Check the rows on this thread even when the list is large (the command line, which serves no one else). */
  inPlace?: boolean;
  /** Told the share done, 0 to 100, as the stages pass (background jobs show it). */
  onProgress?: (percent: number) => void;
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
  const result = await prepareOffThread({ kind, bytes: file.bytes }, { inPlace: options.inPlace });
  if (result.problem) return { ...emptyOutcome(kind, file.name), problems: [result.problem] };
  options.onProgress?.(40);
  return importPrepared(db, kind, result.prepared, { ...options, fileName: file.name, sha256: sha256(file.bytes) });
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
  const fileName = options.fileName ?? `${kind}.json`;
  const result = await prepareOffThread({ kind, records: asText }, { inPlace: options.inPlace });
  if (result.problem) return { ...emptyOutcome(kind, fileName), problems: [result.problem] };
  options.onProgress?.(40);
  return importPrepared(db, kind, result.prepared, { ...options, fileName, sha256: sha256(new TextEncoder().encode(json)) });
}

/** Thrown to roll the transaction back while keeping the outcome. */
class RollBack extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('rolled back');
  }
}

async function importPrepared(
  db: Kysely<Database>,
  kind: ImportKind,
  prepared: Prepared,
  options: ImportOptions & { fileName: string; sha256: string },
): Promise<ImportOutcome> {
  if (options.dryRun) return previewPrepared(db, kind, prepared, options);
  const source = options.source ?? 'import';
  try {
    return await db.transaction().execute(async (trx) => {
      // One import at a time: two lists naming the same new organisation must
      // not both create it. Imports are rare; waiting is cheap.
      await sql`select pg_advisory_xact_lock(hashtext('mosaik.import'))`.execute(trx);
      // the rows were checked off the request thread (off-thread.ts); the database work is done here
      const problems = ProblemList.restore(prepared.problems);
      const organisations = new OrganisationTally(trx, source);
      const counts = await stores[kind](prepared.valid, { db: trx, preview: false, problems, source, organisations });
      options.onProgress?.(90);
      const outcome = outcomeOf(kind, prepared, options.fileName, counts, organisations, problems);
      // a list with problems is stored not at all, never in part
      if (problems.count > 0) throw new RollBack(outcome);
      const runId = await recordRun(trx, outcome, options);
      return { ...outcome, stored: true, runId };
    });
  } catch (error) {
    if (error instanceof RollBack) return error.outcome;
    throw error;
  }
}

/**
 * The preview (a dry run): the same checks and counts as the import, read
 * only. It takes no lock, so it never waits for or holds up a running import;
 * in a read-only transaction, so that it sees one consistent state and so
 * that the database refuses any write. Confirming runs the import itself,
 * which checks everything again against what is stored by then.
 */
async function previewPrepared(db: Kysely<Database>, kind: ImportKind, prepared: Prepared, options: ImportOptions & { fileName: string }): Promise<ImportOutcome> {
  const source = options.source ?? 'import';
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const problems = ProblemList.restore(prepared.problems);
      const organisations = new OrganisationTally(trx, source, true);
      const counts = await stores[kind](prepared.valid, { db: trx, preview: true, problems, source, organisations });
      options.onProgress?.(90);
      return outcomeOf(kind, prepared, options.fileName, counts, organisations, problems);
    });
}

function outcomeOf(kind: ImportKind, prepared: Prepared, fileName: string, counts: StoreCounts, organisations: OrganisationTally, problems: ProblemList): ImportOutcome {
  return {
    kind,
    fileName,
    rows: prepared.rows,
    ...counts,
    newOrganisations: organisations.created,
    matchedOrganisations: organisations.matched,
    problems: problems.list(),
    stored: false,
  };
}

async function recordRun(db: Kysely<Database>, outcome: ImportOutcome, options: ImportOptions & { sha256: string }): Promise<number> {
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
  return id;
}

function emptyOutcome(kind: ImportKind, fileName: string): ImportOutcome {
  return { kind, fileName, rows: 0, created: 0, updated: 0, unchanged: 0, newOrganisations: [], matchedOrganisations: 0, problems: [], stored: false };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * How this module plugs into the rest (src/modules/module.ts): so far its
 * tables in the personal-data catalogue; its routes are still wired in
 * src/http/modules.ts.
 */
export const module: MosaikModule = {
  name: 'imports',
  personalData,
  routes: [lazy(() => import('./routes.js'), 'importsRoutes'), lazy(() => import('./api.js'), 'importsApi')],
  commands: { import: async (context) => (await import('./cli.js')).importCommand(context) },
};

// module-faces: begin — generated by scripts/module-faces.ts from what other modules import; edit above this line
export { parseTable } from './parse.js';
export { readMultipart } from './routes.js';
// module-faces: end
