/**
 * The directory benchmark (issue 4): on the national-scale dataset, 50
 * simulated users searching the organisation directory at the same time,
 * through searchOrganisations (what /organisations and the API call), and
 * the profile page's data (profile + first timeline page) of the 20 busiest
 * organisations.
 *
 *   npx tsx bench/directory.ts --engine postgres|pglite|both --seconds 20 --users 50 --think-ms 1000
 *   npm run bench -- --only directory --engine postgres      (the same, default options)
 *
 * PGlite serves one query at a time in one process, so it runs with one
 * user searching back to back, for information. Prints a table and writes bench/results/directory.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../src/db/connection.js';
import type { Database } from '../src/db/tables.js';
import { searchOrganisations, type DirectoryQuery } from '../src/modules/organisations/index.js';
import { loadProfile } from '../src/modules/organisations/index.js';
import { organisationTimeline } from '../src/modules/organisations/index.js';
import { createBenchDatabase } from './engines.js';
import { generateDataset } from './generate.js';
import { Random } from './random.js';

export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SearchLoad {
  users: number;
  /** Mean pause of a user between two searches (reading the results); 0 = back to back. */
  thinkMs: number;
  seconds: number;
  searchesPerSecond: number;
  /** Share of searches whose total was a lower bound ("at least …"). */
  cappedShare: number;
  latency: Latencies;
  byKind: Record<string, Latencies>;
}

export interface DirectoryBenchResult {
  engine: Engine;
  searches: SearchLoad[];
  /** loadProfile + organisationTimeline (first page of 20), one user, the 20 busiest organisations. */
  profile: Latencies & { organisations: number; timelineEntries: number };
}

type Kind = 'exact' | 'typo' | 'partial' | 'acronym';
interface Search {
  kind: Kind;
  query: DirectoryQuery;
}

export function latencies(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** Searches as people type them: full names, typos without umlauts, a word or its start, acronyms; 30 % within a district. */
async function searchMix(db: Kysely<Database>, random: Random, size: number): Promise<Search[]> {
  const { rows } = await sql<{ name: string; district: string | null; alias: string | null }>`
    select o.name, o.district, (select n.name from organisation_name n where n.organisation_id = o.id and n.is_alias order by n.name limit 1) as alias
    from organisation o order by o.id`.execute(db);
  const searches: Search[] = [];
  while (searches.length < size) {
    const organisation = random.pick(rows);
    const words = organisation.name.replace(/\s*(e\. ?V\.|gGmbH|i\.G\.)/g, '').split(' ');
    const kind = random.pick<Kind>(['exact', 'typo', 'partial', 'acronym']);
    let q: string;
    if (kind === 'exact') q = organisation.name;
    else if (kind === 'typo') q = typo(words.join(' '), random);
    else if (kind === 'partial') q = random.chance(0.5) ? random.pick(words).slice(0, 7) : words.slice(1).join(' ');
    else if (organisation.alias) q = organisation.alias;
    else continue;
    const district = random.chance(0.3) && organisation.district ? organisation.district : undefined;
    searches.push({ kind, query: { q, district, limit: 25, offset: 0, sort: 'relevance' } });
  }
  return searches;
}

/** Umlauts typed as plain vowels and two neighbouring letters swapped. */
function typo(text: string, random: Random): string {
  const plain = text.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
  const at = random.int(1, plain.length - 3);
  return plain.slice(0, at) + plain[at + 1] + plain[at] + plain.slice(at + 2);
}

async function searchLoad(db: Kysely<Database>, searches: Search[], users: number, thinkMs: number, seconds: number): Promise<SearchLoad> {
  const samples: { kind: Kind; ms: number; capped: boolean }[] = [];
  const until = performance.now() + seconds * 1000;
  const random = new Random(99);
  let next = 0;
  const user = async (index: number) => {
    // spread the first searches over one think time, as users arrive
    if (thinkMs > 0) await pause(random.int(0, thinkMs));
    while (performance.now() < until) {
      const search = searches[next++ % searches.length];
      const started = performance.now();
      const page = await searchOrganisations(db, { districts: null }, search.query);
      samples.push({ kind: search.kind, ms: performance.now() - started, capped: page.totalIsLowerBound });
      if (thinkMs > 0) await pause(random.int(thinkMs / 2, (thinkMs * 3) / 2));
    }
    return index;
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: users }, (_, index) => user(index)));
  const elapsed = (performance.now() - started) / 1000;
  const byKind: Record<string, Latencies> = {};
  for (const kind of ['exact', 'typo', 'partial', 'acronym'] as const) byKind[kind] = latencies(samples.filter((sample) => sample.kind === kind).map((sample) => sample.ms));
  return {
    users,
    thinkMs,
    seconds: elapsed,
    searchesPerSecond: samples.length / elapsed,
    cappedShare: samples.filter((sample) => sample.capped).length / Math.max(1, samples.length),
    latency: latencies(samples.map((sample) => sample.ms)),
    byKind,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The profile page's queries for the organisations with the longest timelines, `rounds` times each. */
async function profileTimings(db: Kysely<Database>, rounds: number) {
  const { rows } = await sql<{ id: number; entries: number | string }>`
    select organisation_id as id, count(*) as entries from (
      select organisation_id from participation where organisation_id is not null group by organisation_id, event_id
      union all select organisation_id from consultation where organisation_id is not null
      union all select organisation_id from grant_application
    ) entry
    group by organisation_id order by count(*) desc, organisation_id limit 20`.execute(db);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { id } of rows) {
      const started = performance.now();
      await loadProfile(db, id);
      await organisationTimeline(db, id, { limit: 20, offset: 0 });
      times.push(performance.now() - started);
    }
  }
  return { ...latencies(times), organisations: rows.length, timelineEntries: Math.min(...rows.map((row) => Number(row.entries))) };
}

export async function benchDirectory(db: Kysely<Database>, engine: Engine, options: { users: number; seconds: number; thinkMs: number }): Promise<DirectoryBenchResult> {
  const searches = await searchMix(db, new Random(4242), 2_000);
  // warm up: plans, caches, the index pages
  for (const search of searches.slice(0, 50)) await searchOrganisations(db, { districts: null }, search.query);
  const users = engine === 'postgres' ? options.users : 1;
  // one PGlite user searching back to back: what one search costs there
  const load = [await searchLoad(db, searches, users, engine === 'postgres' ? options.thinkMs : 0, options.seconds)];
  // what the machine can do at most: the same users searching back to back
  if (engine === 'postgres' && options.thinkMs > 0) load.push(await searchLoad(db, searches, users, 0, options.seconds / 2));
  // what one search costs without waiting for others
  if (engine === 'postgres') load.push(await searchLoad(db, searches, 1, 0, options.seconds / 4));
  return { engine, searches: load, profile: await profileTimings(db, 5) };
}

export function directoryRows(result: DirectoryBenchResult): string[][] {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const rows: string[][] = [];
  const postgres = result.engine === 'postgres';
  for (const load of result.searches) {
    const label = `search, ${load.users} user${load.users > 1 ? 's' : ''}, ${load.thinkMs > 0 ? `~${load.thinkMs / 1000} s between searches` : 'back to back'}`;
    const target = postgres && load.users >= 50 && load.thinkMs > 0;
    const { p50, p95, p99 } = load.latency;
    rows.push([
      result.engine,
      label,
      `p50 ${ms(p50)} / p95 ${ms(p95)} / p99 ${ms(p99)}, ${load.searchesPerSecond.toFixed(0)}/s, ${(load.cappedShare * 100).toFixed(0)} % capped`,
      target ? 'p95 < 50 ms' : '–',
      target ? (p95 < 50 ? 'pass' : 'MISS') : '–',
    ]);
    for (const [kind, kindLatency] of Object.entries(load.byKind)) rows.push([result.engine, `  ${kind}`, `p50 ${ms(kindLatency.p50)} / p95 ${ms(kindLatency.p95)}`, '–', '–']);
  }
  const profile = result.profile;
  rows.push([
    result.engine,
    `profile + first timeline page, ${profile.organisations} busiest organisations (≥ ${profile.timelineEntries} entries), 1 user`,
    `p50 ${ms(profile.p50)} / p95 ${ms(profile.p95)}`,
    postgres ? 'p95 < 100 ms' : '–',
    postgres ? (profile.p95 < 100 ? 'pass' : 'MISS') : '–',
  ]);
  return rows;
}

export interface DirectoryBenchOptions {
  engines: Engine[];
  scale?: number;
  users?: number;
  seconds?: number;
  thinkMs?: number;
}

/** Each engine on a fresh generated database: prints the table, writes bench/results/directory.json. */
export async function runDirectoryBench({ engines, scale = 1, users = 50, seconds = 20, thinkMs = 1000 }: DirectoryBenchOptions): Promise<DirectoryBenchResult[]> {
  const options = { users, seconds, thinkMs };
  const loadBefore = loadavg();
  const results: DirectoryBenchResult[] = [];
  for (const engine of engines) {
    const database = await createBenchDatabase(engine);
    try {
      const handle = await database.open();
      process.stderr.write(`${engine}: generating\n`);
      await generateDataset(handle.db, { scale });
      process.stderr.write(`${engine}: searching\n`);
      results.push(await benchDirectory(handle.db, engine, options));
      await handle.close();
    } finally {
      await database.drop();
    }
  }
  const rows = results.flatMap(directoryRows);
  const widths = [0, 1, 2, 3, 4].map((column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.log(`| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`);
  const document = { date: new Date().toISOString(), options: { ...options, scale }, loadAverage: { before: loadBefore, after: loadavg() }, results };
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('results/directory.json', import.meta.url), JSON.stringify(document, null, 2) + '\n');
  console.log(`load average before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'postgres' },
      scale: { type: 'string', default: '1' },
      seconds: { type: 'string', default: '20' },
      users: { type: 'string', default: '50' },
      'think-ms': { type: 'string', default: '1000' },
    },
  });
  const engines: Engine[] = values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine];
  await runDirectoryBench({ engines, scale: Number(values.scale), users: Number(values.users), seconds: Number(values.seconds), thinkMs: Number(values['think-ms']) });
}
