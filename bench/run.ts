/**
 * `npm run bench` (issue 2): on each engine, a fresh database filled by the
 * generator; then the impact report against the floor, a 100,000-row
 * participant import with name resolution, and the cold start of
 * `mosaik report`. Prints a table and writes bench/results/latest.json.
 *
 *   npm run bench -- --engine pglite|postgres|both --scale 1 --runs 5
 *
 * Needs `npm run build` first (the cold start runs bin/mosaik.js, i.e. dist/).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { Engine } from '../src/db/connection.js';
import { createBenchDatabase, postgresVersion } from './engines.js';
import { fullScale, generateDataset } from './generate.js';
import { timeColdStart, timeImport, timeReport, type ColdStartTiming, type ImportTiming, type ReportTiming } from './measure.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20240901' },
  },
});
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
  generateSeconds: number;
  counts: Record<string, number>;
  report: (ReportTiming & { name: string })[];
  coldStart: ColdStartTiming;
  coldStartMigrate: ColdStartTiming;
  import: ImportTiming;
}

const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);

async function benchEngine(engine: Engine): Promise<EngineResult> {
  const database = await createBenchDatabase(engine);
  try {
    let handle = await database.open();
    log(`${engine}: generating (scale ${scale})`);
    const dataset = await generateDataset(handle.db, { scale, seed });
    log(`${engine}: generated in ${(dataset.milliseconds / 1000).toFixed(1)} s ${JSON.stringify(dataset.counts)}`);
    const report = [];
    for (const period of periods) {
      log(`${engine}: report ${period.from} … ${period.to}`);
      report.push({ name: period.name, ...(await timeReport(handle.db, period, runs)) });
    }
    // the CLI opens the database itself; PGlite's folder admits one process at a time
    await handle.close();
    // what the JIT compiler costs: the same timings in sessions with jit = off
    const reportWithoutJit = [];
    if (database.disableJit) {
      await database.disableJit();
      handle = await database.open();
      for (const period of periods) {
        log(`${engine}: report ${period.from} … ${period.to}, jit = off`);
        reportWithoutJit.push({ name: `${period.name}, jit = off`, ...(await timeReport(handle.db, period, runs)) });
      }
      await handle.close();
    }
    const args = ['report', 'impact', '--from', periods[1].from, '--to', periods[1].to, '--format', 'json'];
    log(`${engine}: cold start`);
    const coldStart = await timeColdStart(database, args, runs);
    const coldStartMigrate = await timeColdStart(database, ['migrate'], runs);
    handle = await database.open();
    log(`${engine}: import of ${importRows} participant rows`);
    const imported = await timeImport(handle.db, dataset, importRows, importNewNames);
    await handle.close();
    return { engine, generateSeconds: dataset.milliseconds / 1000, counts: dataset.counts, report: [...report, ...reportWithoutJit], coldStart, coldStartMigrate, import: imported };
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
  for (const timing of result.report) {
    const label = `${timing.name} (${timing.period.from} … ${timing.period.to})`;
    rows.push([result.engine, `report, ${label}`, ms(timing.reportMs), postgres ? '< 1 s' : '–', postgres ? verdict(timing.reportMs < 1000) : '–']);
    rows.push([result.engine, `floor, ${label}`, ms(timing.floorMs), '–', timing.sameDocument ? 'same document' : 'DOCUMENTS DIFFER']);
    rows.push([result.engine, `report ÷ floor, ${timing.name}`, `${timing.ratio.toFixed(2)}×`, '≤ 1.5×', verdict(timing.ratio <= 1.5)]);
  }
  const imported = result.import;
  rows.push([
    result.engine,
    `import ${imported.rows} participant rows (${imported.spellings} spellings, ${imported.newOrganisations} new organisations)`,
    `${Math.round(imported.rowsPerSecond)} rows/s (${ms(imported.importMs)})`,
    postgres ? '≥ 10,000 rows/s' : '–',
    postgres ? verdict(imported.rowsPerSecond >= 10_000) : '–',
  ]);
  rows.push([result.engine, 'same file again (idempotent re-import)', ms(imported.reimportMs), '–', imported.reimportCreated === 0 ? 'nothing created' : `${imported.reimportCreated} CREATED`]);
  const cold = result.coldStart;
  rows.push([
    result.engine,
    'cold start `mosaik report impact --format json`',
    cold.status === 0 ? ms(cold.medianMs) : `failed (exit ${cold.status})`,
    postgres ? '–' : '< 2 s',
    postgres ? '–' : cold.status === 0 ? verdict(cold.medianMs < 2000) : 'MISS',
  ]);
  rows.push([result.engine, 'cold start `mosaik migrate` (open only)', ms(result.coldStartMigrate.medianMs), '–', '–']);
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
  command: `npm run bench -- --engine ${values.engine} --scale ${scale} --runs ${runs}`,
  scale,
  seed,
  fullScale,
  machine: { ...machine(), postgres: engines.includes('postgres') ? await postgresVersion() : null },
  loadAverage: { before: loadBefore, after: loadAfter },
  results,
};
printTable(results.flatMap(tableRows));
for (const result of results) {
  if (result.coldStart.status !== 0) console.log(`\n${result.engine} cold start failed: ${result.coldStart.note}`);
}
const directory = new URL('results/', import.meta.url);
mkdirSync(directory, { recursive: true });
writeFileSync(new URL('latest.json', directory), JSON.stringify(document, null, 2) + '\n');
log('wrote bench/results/latest.json');
