import { ImportError, ProblemList, type ImportProblem, type ProblemSnapshot } from './errors.js';
import { parseTable } from './parse.js';
import type { ImportKind } from './schemas.js';
import { recordsToTable, validateTable, type ValidRow } from './validate.js';

/**
 * The part of an import that needs no database: bytes or records to checked
 * rows. Pure and synchronous in effect, so that it can run in a worker thread
 * (off-thread.ts) while the server goes on answering requests.
 */

export type PrepareInput = { kind: ImportKind; bytes: Uint8Array } | { kind: ImportKind; records: Record<string, string>[] };

export interface Prepared {
  /** Rows below the header that hold any value. */
  rows: number;
  valid: ValidRow<unknown>[];
  problems: ProblemSnapshot;
}

/** Either the checked rows or the one problem that makes the file unreadable. */
export type PrepareResult = { prepared: Prepared; problem?: undefined } | { problem: ImportProblem; prepared?: undefined };

export async function prepare(input: PrepareInput): Promise<PrepareResult> {
  try {
    const table = 'bytes' in input ? await parseTable(input.bytes) : recordsToTable(input.records);
    const problems = new ProblemList();
    const valid = validateTable<unknown>(input.kind, table, problems);
    return { prepared: { rows: table.rows.length, valid, problems: problems.snapshot() } };
  } catch (error) {
    if (error instanceof ImportError) return { problem: error.toProblem() };
    throw error;
  }
}
