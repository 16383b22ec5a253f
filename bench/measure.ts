import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../src/db/connection.js';
import { importFile } from '../src/modules/imports/index.js';
import { parseTable } from '../src/modules/imports/index.js';
import { computeImpactReport } from '../src/modules/reports/index.js';
import type { BenchDatabase } from './engines.js';
import { computeFloorReport, type Period } from './floor.js';
import type { GeneratedDataset } from './generate.js';
import { buildParticipantList } from './participant-list.js';
import { median } from './random.js';

/** The three measurements of issue 2, each returning plain numbers for the results file. */

export interface ReportTiming {
  period: Period;
  reportMs: number;
  floorMs: number;
  ratio: number;
  reportRuns: number[];
  floorRuns: number[];
  /** The two documents are deep-equal (like is compared with like). */
  sameDocument: boolean;
}

/** One warm-up each, then report and floor alternately, `runs` times; medians. */
export async function timeReport(db: Db, period: Period, runs: number): Promise<ReportTiming> {
  const report = await computeImpactReport(db, period);
  const floor = await computeFloorReport(db, period);
  const reportRuns: number[] = [];
  const floorRuns: number[] = [];
  for (let run = 0; run < runs; run++) {
    reportRuns.push(await elapsed(() => computeImpactReport(db, period)));
    floorRuns.push(await elapsed(() => computeFloorReport(db, period)));
  }
  const reportMs = median(reportRuns);
  const floorMs = median(floorRuns);
  return { period, reportMs, floorMs, ratio: reportMs / floorMs, reportRuns, floorRuns, sameDocument: isDeepStrictEqual(JSON.parse(JSON.stringify(report)), JSON.parse(JSON.stringify(floor))) };
}

export interface ImportTiming {
  rows: number;
  spellings: number;
  knownOrganisations: number;
  newNames: number;
  parseMs: number;
  dryRunMs: number;
  importMs: number;
  rowsPerSecond: number;
  created: number;
  newOrganisations: number;
  problems: number;
  stored: boolean;
  /** The same file again: nothing changes (spec: imports are idempotent). */
  reimportMs: number;
  reimportCreated: number;
}

export async function timeImport(db: Db, dataset: GeneratedDataset, rows: number, newNames: number): Promise<ImportTiming> {
  const list = buildParticipantList(dataset, { rows, newNames });
  const file = { name: 'teilnehmende-bench.csv', bytes: list.bytes };
  const parseMs = await elapsed(() => parseTable(list.bytes));
  // a dry run first: the same work rolled back, so the timed import does not pay for warming up
  const dryRunMs = await elapsed(() => importFile(db, 'participants', file, { dryRun: true }));
  const importStarted = performance.now();
  const outcome = await importFile(db, 'participants', file);
  const importMs = performance.now() - importStarted;
  const reimportStarted = performance.now();
  const again = await importFile(db, 'participants', file);
  const reimportMs = performance.now() - reimportStarted;
  return {
    rows: list.rows,
    spellings: list.spellings,
    knownOrganisations: list.knownOrganisations,
    newNames: list.newNames,
    parseMs,
    dryRunMs,
    importMs,
    rowsPerSecond: list.rows / (importMs / 1000),
    created: outcome.created,
    newOrganisations: outcome.newOrganisations.length,
    problems: outcome.problems.length,
    stored: outcome.stored,
    reimportMs,
    reimportCreated: again.created,
  };
}

export interface ColdStartTiming {
  command: string;
  runsMs: number[];
  medianMs: number;
  /** Exit status and a hint of the output of the last run. */
  status: number | null;
  note: string;
}

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** Wall-clock time of `node bin/mosaik.js …` from spawn to exit, `runs` times. */
export async function timeColdStart(database: BenchDatabase, args: string[], runs: number): Promise<ColdStartTiming> {
  const runsMs: number[] = [];
  let status: number | null = null;
  let note = '';
  for (let run = 0; run < runs; run++) {
    const result = await runMosaik(database, args);
    runsMs.push(result.ms);
    status = result.status;
    note = result.status === 0 ? describeOutput(result.stdout) : result.stderr.trim().split('\n').slice(0, 3).join(' ');
  }
  return { command: `node bin/mosaik.js ${args.join(' ')}`, runsMs, medianMs: median(runsMs), status, note };
}

function describeOutput(stdout: string): string {
  try {
    const document = JSON.parse(stdout);
    return document.reach ? `JSON report: ${document.reach.events} events, ${document.reach.organizations} organisations` : 'JSON';
  } catch {
    return stdout.trim().split('\n')[0] ?? '';
  }
}

function runMosaik(database: BenchDatabase, args: string[]): Promise<{ ms: number; status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['bin/mosaik.js', ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, ...database.cliEnvironment, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ ms: performance.now() - started, status, stdout, stderr }));
  });
}

async function elapsed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
