/**
 * `npm run bench` (issue 2): on each engine, a fresh database filled by the
 * generator; then the impact report against the floor, a 100,000-row
 * participant import with name resolution, and the cold start of
 * `mosaik report`. Prints a table and writes bench/results/latest.json.
 *
 *   npm run bench -- --engine pglite|postgres|both --scale 1 --runs 5
 *
 * Needs `npm run build` first (the cold start runs bin/mosaik.js, i.e. dist/).
 *
 * Issue 3 adds registrations per second under concurrent clients (on a fresh
 * database of its own) and the feedback annex of the generated dataset:
 *
 *   npm run bench -- --only registrations,annex --clients 100 --requests 5000 --pool 20
 *
 * `--only` takes a comma-separated list of report, import, registrations,
 * annex (default: all; the cold start belongs to report).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { Engine } from '../src/db/connection.js';
import { createBenchDatabase, postgresVersion } from './engines.js';
import { timeAnnex, type AnnexTiming } from './annex.js';
import { fullScale, generateDataset } from './generate.js';
import { timeColdStart, timeImport, timeReport, type ColdStartTiming, type ImportTiming, type ReportTiming } from './measure.js';
import { defaultRegistrationOptions, timeRegistrations, type RegistrationTiming } from './registrations.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20240901' },
    only: { type: 'string', default: 'report,import,registrations,annex' },
    clients: { type: 'string', default: String(defaultRegistrationOptions.clients) },
    requests: { type: 'string', default: String(defaultRegistrationOptions.requests) },
    pool: { type: 'string', default: String(defaultRegistrationOptions.poolSize) },
    seconds: { type: 'string', default: '30' },
  },
});
// issue 16: `--only http` is bench/http-load.ts (the server under autocannon, each endpoint beside its floor)
if (values.only === 'http') {
  const { runHttpLoadBench } = await import('./http-load.js');
  const seconds = Number(values.seconds);
  await runHttpLoadBench({ engines: values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine], scale: Number(values.scale), seed: Number(values.seed), seconds });
  process.exit(0);
}
// issue 11: `--only portal` is bench/portal.ts (home and a page at 50 users beside a static floor)
if (values.only === 'portal') await (await import('./portal.js')).runPortalBench({ engine: values.engine === 'both' ? 'postgres' : (values.engine as Engine), seconds: Number(values.seconds), users: 50 }).then(() => process.exit(0));
// issue 4: `--only directory` is bench/directory.ts (50 users searching, the profile page) with its defaults
if (values.only === 'directory') {
  const { runDirectoryBench } = await import('./directory.js');
  await runDirectoryBench({ engines: values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine], scale: Number(values.scale) });
  process.exit(0);
}
// issue 11: `--only faq` is bench/faq.ts (50 visitors on the FAQ and the handout library against the static floor)
if (values.only === 'faq') await (await import('./faq.js')).runFaqBench({ engines: values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine], seconds: Number(values.seconds) / 3, users: 50 }).then(() => process.exit(0));
// issue 11: `--only newsletter` is bench/newsletter.ts (queueing an issue to 20,000 subscribers against an insert … select floor)
if (values.only === 'newsletter') await (await import('./newsletter.js')).runNewsletterBench({ engines: values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine] }).then(() => process.exit(0));
// issue 11: `--only map` is bench/map.ts (the map of Hessen with 2,000 released associations, 50 users, against a static floor)
if (values.only === 'map') await import('./map.js').then(({ runMapBench }) => runMapBench({ engines: values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine], seconds: Number(values.seconds) / 3 })).then(() => process.exit(0));
// issue 13: `--only microprojects` is bench/microprojects.ts (5,000 projects, 200,000 receipts, PostgreSQL)
if (values.only === 'microprojects') await import('./microprojects.js').then((bench) => bench.runMicroprojectBench({ projects: 5000, receipts: 200_000, users: 20, seconds: 15 })).then(() => process.exit(0));
// issue 12: `--only wegweiser` is bench/wegweiser.ts (public search, the HSDS API, the brochure PDF) with its defaults
if (values.only === 'wegweiser') await (await import('./wegweiser.js')).runWegweiserBench({ engine: values.engine === 'both' ? 'postgres' : (values.engine as Engine), scale: Number(values.scale) }).then(() => process.exit(0));
// issue 14: `--only selfcheck` is bench/selfcheck.ts (the staff aggregate over 20,000 organisations and 60,000 checks, PostgreSQL)
if (values.only === 'selfcheck') await import('./selfcheck.js').then((bench) => bench.runSelfcheckBench({ organisations: 20_000, checks: 60_000, runs: 20 })).then(() => process.exit(0));
// issue 14: `--only pinboard` is bench/pinboard.ts (the board's searches at 50 connections, each beside its static floor; rounds of --seconds / 6)
if (values.only === 'pinboard') await import('./pinboard.js').then((bench) => bench.runPinboardBench({ engines: values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine], seconds: Number(values.seconds) / 6, users: 50, organisations: 20_000, posts: 8000 })).then(() => process.exit(0));
const parts = new Set(values.only.split(','));
if (![...parts].every((part) => ['report', 'import', 'registrations', 'annex'].includes(part))) throw new Error('--only takes report, import, registrations, annex (comma-separated)');
const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine];
if (!engines.every((engine) => engine === 'pglite' || engine === 'postgres')) throw new Error('--engine must be pglite, postgres or both');
const scale = Number(values.scale);
const runs = Number(values.runs);
const seed = Number(values.seed);

const periods = [
  { name: 'all years', from: '2015-01-01', to: '2024-12-31' },
  { name: 'two years', from: '2023-01-01', to: '2024-12-31' },
];
const importRows = Math.round(100_000 * scale);
const importNewNames = Math.max(1, Math.round(2_000 * scale));

interface EngineResult {
  engine: Engine;
  generateSeconds?: number;
  counts?: Record<string, number>;
  report?: (ReportTiming & { name: string })[];
  coldStart?: ColdStartTiming;
  coldStartMigrate?: ColdStartTiming;
  import?: ImportTiming;
  registrations?: RegistrationTiming & { loadAverage: { before: number[]; after: number[] } };
  annex?: AnnexTiming & { loadAverage: { before: number[]; after: number[] } };
}

const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);

async function benchEngine(engine: Engine): Promise<EngineResult> {
  const registrations = parts.has('registrations') ? await benchRegistrations(engine) : undefined;
  if (!parts.has('report') && !parts.has('import') && !parts.has('annex')) return { engine, registrations };
  const database = await createBenchDatabase(engine);
  try {
    let handle = await database.open();
    log(`${engine}: generating (scale ${scale})`);
    const dataset = await generateDataset(handle.db, { scale, seed });
    log(`${engine}: generated in ${(dataset.milliseconds / 1000).toFixed(1)} s ${JSON.stringify(dataset.counts)}`);
    const generated = { engine, generateSeconds: dataset.milliseconds / 1000, counts: dataset.counts };
    let annex: EngineResult['annex'];
    if (parts.has('annex')) {
      log(`${engine}: annex ${periods[0].from} … ${periods[0].to}`);
      const before = loadavg();
      annex = { ...(await timeAnnex(handle.db, { from: periods[0].from, to: periods[0].to }, runs)), loadAverage: { before, after: loadavg() } };
    }
    if (!parts.has('report') && !parts.has('import')) {
      await handle.close();
      return { ...generated, registrations, annex };
    }
    const report = [];
    for (const period of parts.has('report') ? periods : []) {
      log(`${engine}: report ${period.from} … ${period.to}`);
      report.push({ name: period.name, ...(await timeReport(handle.db, period, runs)) });
    }
    // the CLI opens the database itself; PGlite's folder admits one process at a time
    await handle.close();
    // what the JIT compiler costs: the same timings in sessions with jit = off
    const reportWithoutJit = [];
    if (database.disableJit && parts.has('report')) {
      await database.disableJit();
      handle = await database.open();
      for (const period of periods) {
        log(`${engine}: report ${period.from} … ${period.to}, jit = off`);
        reportWithoutJit.push({ name: `${period.name}, jit = off`, ...(await timeReport(handle.db, period, runs)) });
      }
      await handle.close();
    }
    const args = ['report', 'impact', '--from', periods[1].from, '--to', periods[1].to, '--format', 'json'];
    let cold: Pick<EngineResult, 'coldStart' | 'coldStartMigrate'> = {};
    if (parts.has('report')) {
      log(`${engine}: cold start`);
      cold = { coldStart: await timeColdStart(database, args, runs), coldStartMigrate: await timeColdStart(database, ['migrate'], runs) };
    }
    let imported: ImportTiming | undefined;
    if (parts.has('import')) {
      handle = await database.open();
      log(`${engine}: import of ${importRows} participant rows`);
      imported = await timeImport(handle.db, dataset, importRows, importNewNames);
      await handle.close();
    }
    return { ...generated, report: parts.has('report') ? [...report, ...reportWithoutJit] : undefined, ...cold, import: imported, registrations, annex };
  } finally {
    await database.drop();
  }
}

/** On a fresh database of its own: the generated dataset would only slow the setup. */
async function benchRegistrations(engine: Engine): Promise<EngineResult['registrations']> {
  const database = await createBenchDatabase(engine);
  try {
    const options = { ...defaultRegistrationOptions, clients: Number(values.clients), requests: Number(values.requests), poolSize: Number(values.pool), seed };
    log(`${engine}: ${options.requests} registrations from ${options.clients} clients`);
    const before = loadavg();
    const timing = await timeRegistrations(database, options);
    return { ...timing, loadAverage: { before, after: loadavg() } };
  } finally {
    await database.drop();
  }
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const pglite = JSON.parse(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')).version;
  return {
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    pglite,
  };
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
const verdict = (pass: boolean) => (pass ? 'pass' : 'MISS');

/** Rows of the results table: engine, measurement, result, target, verdict. */
function tableRows(result: EngineResult): string[][] {
  const rows: string[][] = [];
  const postgres = result.engine === 'postgres';
  for (const timing of result.report ?? []) {
    const label = `${timing.name} (${timing.period.from} … ${timing.period.to})`;
    rows.push([result.engine, `report, ${label}`, ms(timing.reportMs), postgres ? '< 1 s' : '–', postgres ? verdict(timing.reportMs < 1000) : '–']);
    rows.push([result.engine, `floor, ${label}`, ms(timing.floorMs), '–', timing.sameDocument ? 'same document' : 'DOCUMENTS DIFFER']);
    rows.push([result.engine, `report ÷ floor, ${timing.name}`, `${timing.ratio.toFixed(2)}×`, '≤ 1.5×', verdict(timing.ratio <= 1.5)]);
  }
  const imported = result.import;
  if (imported) rows.push([
    result.engine,
    `import ${imported.rows} participant rows (${imported.spellings} spellings, ${imported.newOrganisations} new organisations)`,
    `${Math.round(imported.rowsPerSecond)} rows/s (${ms(imported.importMs)})`,
    postgres ? '≥ 10,000 rows/s' : '–',
    postgres ? verdict(imported.rowsPerSecond >= 10_000) : '–',
  ]);
  if (imported) rows.push([result.engine, 'same file again (idempotent re-import)', ms(imported.reimportMs), '–', imported.reimportCreated === 0 ? 'nothing created' : `${imported.reimportCreated} CREATED`]);
  const cold = result.coldStart;
  if (cold) rows.push([
    result.engine,
    'cold start `mosaik report impact --format json`',
    cold.status === 0 ? ms(cold.medianMs) : `failed (exit ${cold.status})`,
    postgres ? '–' : '< 2 s',
    postgres ? '–' : cold.status === 0 ? verdict(cold.medianMs < 2000) : 'MISS',
  ]);
  if (result.coldStartMigrate) rows.push([result.engine, 'cold start `mosaik migrate` (open only)', ms(result.coldStartMigrate.medianMs), '–', '–']);
  return [...rows, ...issue3Rows(result)];
}

const load = (loadAverage: { before: number[]; after: number[] }) => `load ${loadAverage.before[0].toFixed(1)} → ${loadAverage.after[0].toFixed(1)}`;

function issue3Rows(result: EngineResult): string[][] {
  const rows: string[][] = [];
  const postgres = result.engine === 'postgres';
  const registered = result.registrations;
  if (registered) {
    const { options, checks } = registered;
    const failures = Object.entries(registered.failed).map(([code, n]) => `${n} ${code}`).join(', ');
    rows.push([
      result.engine,
      `registrations, ${options.clients} clients over ${registered.connections} connection(s), ${registered.requests} requests (${options.events} events × ${options.capacity} seats, limit ${options.perOrganisationLimit}), ${load(registered.loadAverage)}`,
      `${Math.round(registered.requestsPerSecond)}/s (${Math.round(registered.personsPerSecond)} persons/s; p50 ${ms(registered.latencyMs.p50)}, p95 ${ms(registered.latencyMs.p95)})`,
      postgres ? '≥ 500/s' : '–',
      postgres ? verdict(registered.requestsPerSecond >= 500) : '–',
    ]);
    rows.push([
      result.engine,
      `limits and bookkeeping after the run (${checks.rows} rows, ${checks.mails} mails${failures ? `; failed: ${failures}` : ''})`,
      `over capacity ${checks.eventsOverCapacity}, over limit ${checks.organisationsOverLimit}, lost ${checks.lost}, doubled ${checks.doubled}, unreported ${checks.unreported}`,
      'all 0',
      checks.pass ? 'pass' : 'FAIL',
    ]);
  }
  const annex = result.annex;
  if (annex) {
    rows.push([
      result.engine,
      `annex ${annex.period.from} … ${annex.period.to} (${annex.eventsWithForms} events with forms, ${annex.cells} cells), ${load(annex.loadAverage)}`,
      ms(annex.medianMs),
      '< 2 s',
      verdict(annex.medianMs < 2000),
    ]);
  }
  return rows;
}

function printTable(rows: string[][]) {
  const header = ['engine', 'measurement', 'result', 'target', 'verdict'];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log([line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
}

// the machine may be shared: the load before and after says how much to trust the numbers
const loadBefore = loadavg();
const results: EngineResult[] = [];
for (const engine of engines) results.push(await benchEngine(engine));
const loadAfter = loadavg();
const document = {
  date: new Date().toISOString(),
  command: `npm run bench -- --engine ${values.engine} --scale ${scale} --runs ${runs} --only ${values.only} --clients ${values.clients} --requests ${values.requests} --pool ${values.pool}`,
  scale,
  seed,
  fullScale,
  machine: { ...machine(), postgres: engines.includes('postgres') ? await postgresVersion() : null },
  loadAverage: { before: loadBefore, after: loadAfter },
  results,
};
printTable(results.flatMap(tableRows));
for (const result of results) {
  if (result.coldStart && result.coldStart.status !== 0) console.log(`\n${result.engine} cold start failed: ${result.coldStart.note}`);
}
const directory = new URL('results/', import.meta.url);
mkdirSync(directory, { recursive: true });
// a partial run does not overwrite the last full run: issue 3's measurements go
// to issue3.json, the annex alone to annex.json, an import (with or without the
// annex) without the report to import.json
const file = parts.has('report') ? 'latest.json' : parts.has('import') ? 'import.json' : parts.has('registrations') ? 'issue3.json' : 'annex.json';
writeFileSync(new URL(file, directory), JSON.stringify(document, null, 2) + '\n');
log(`wrote bench/results/${file}`);
