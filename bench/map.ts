/**
 * The map of Hessen under load (issue 11): the public page /map with 2,000
 * released associations (and about 3,000 approved micro-projects), 50
 * concurrent users, against a static file of the page's size served by the
 * same server (bench/http-server.ts's floor), in alternating rounds; and the
 * page's bytes (HTML, its stylesheets and script; no images, no fonts).
 *
 *   npx tsx bench/map.ts --engine postgres --seconds 10 --associations 2000
 *   npm run bench -- --only map --engine postgres
 *
 * autocannon reports p97.5, not p95: the figure printed is the stricter one.
 * Results: printed, and bench/results/map.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase, type Engine } from '../src/db/connection.js';
import { findPostcode, municipalitiesOfHessen } from '../src/modules/places/index.js';
import { createBenchDatabase } from './engines.js';
import { cannon, firstVisitBytes, summary, timed } from './http-client.js';
import { startServer, type Server } from './http-server.js';
import { insertRows, maxId } from './insert.js';
import { Random } from './random.js';

const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
const fields = ['education', 'counselling', 'culture', 'women', 'youth', 'sport', 'health', 'refugees', 'other'];

/** 2,000 associations in Hessian towns (bigger towns more often), all released; 0–3 approved micro-projects each. */
async function prepare(engine: Engine, location: string, associations: number) {
  const handle = engine === 'postgres' ? await openDatabase({ databaseUrl: location }) : await openDatabase({ dataDir: location });
  try {
    const random = new Random(1111);
    const towns = municipalitiesOfHessen();
    const postcodes = ['60311', '60313', '60316', '60385', '60487', '65183', '65185', '64283', '64289', '34117', '34119', '35390', '35037', '63065', '63450', '36037', '35578', '65428'];
    const first = (await maxId(handle.db, 'organisation')) + 1;
    const organisations = Array.from({ length: associations }, (_, index) => {
      const big = random.chance(0.4);
      const postcode = big ? random.pick(postcodes) : null;
      const town = postcode ? findPostcode(postcode)! : null;
      const municipality = town ? town.municipality : random.pick(towns).name;
      return {
        id: first + index, name: `Kulturverein ${index + 1} ${municipality}`, municipality, postcode, district: town?.district.name ?? null, created_from: 'import',
        fields: `{${random.pick(fields)},${random.pick(fields)}}`,
      };
    });
    await insertRows(handle.db, 'organisation', 'id integer, name text, municipality text, postcode text, district text, created_from text, fields text[]', organisations);
    await insertRows(handle.db, 'portrait', 'organisation_id integer, text text, released_at timestamptz, release_basis text', organisations.map((row) => ({
      organisation_id: row.id, text: `Der Verein ${row.name} stellt sich vor.`, released_at: '2026-11-01T10:00:00Z', release_basis: 'representative',
    })));
    const grants = organisations.flatMap((row) => {
      const years = [2021, 2022, 2023, 2024, 2025, 2026].filter(() => random.chance(0.25));
      return years.map((year) => ({ year, organisation_id: row.id, application_type: 'new', status: 'approved', summary: `Mikroprojekt ${year} von ${row.name}` }));
    });
    await insertRows(handle.db, 'grant_application', 'year integer, organisation_id integer, application_type text, status text, summary text', grants);
    return { associations: organisations.length, projects: grants.length };
  } finally {
    await handle.close();
  }
}

async function benchEngine(engine: Engine, associations: number, seconds: number) {
  const database = await createBenchDatabase(engine);
  let server: Server | undefined;
  try {
    log(`${engine}: ${associations} released associations`);
    const prepared = await prepare(engine, database.location, associations);
    server = await startServer(engine, database.location);
    const { base } = server;
    const page = await timed(`${base}/map`, { 'accept-encoding': 'identity' });
    if (page.status !== 200) throw new Error(`/map answered ${page.status}`);
    const visit = await firstVisitBytes(base, `${base}/map`);
    const plainBytes = page.bytes;
    // warm up both
    await cannon({ url: `${base}/map`, connections: 10, amount: 200 });
    const map = [];
    const floor = [];
    for (let round = 0; round < 2; round++) {
      map.push(summary(await cannon({ url: `${base}/map`, connections: 50, duration: seconds, headers: { 'accept-encoding': 'br' } })));
      floor.push(summary(await cannon({ url: `${base}/bench/static/${plainBytes}`, connections: 50, duration: seconds, headers: { 'accept-encoding': 'br' } })));
    }
    const worst = (runs: ReturnType<typeof summary>[]) => Math.max(...runs.map((run) => run.p97_5));
    return { engine, ...prepared, plainBytes, firstVisit: visit, map, floor, mapP97_5: worst(map), floorP97_5: worst(floor), ratio: worst(map) / Math.max(1, worst(floor)) };
  } finally {
    await server?.stop();
    await database.drop();
  }
}

export async function runMapBench({ engines, associations = 2000, seconds = 10 }: { engines: Engine[]; associations?: number; seconds?: number }) {
  const before = loadavg();
  const results = [];
  for (const engine of engines) results.push(await benchEngine(engine, associations, seconds));
  const after = loadavg();
  for (const result of results) {
    console.log(`| ${result.engine} | /map, ${result.associations} associations, ${result.projects} micro-projects, 50 connections | p97.5 ${result.mapP97_5} ms, ${result.map.map((run) => run.perSecond.toFixed(0)).join('/')} req/s | static floor p97.5 ${result.floorP97_5} ms | ratio ${result.ratio.toFixed(1)} |`);
    console.log(`| ${result.engine} | bytes of /map | HTML ${(result.plainBytes / 1024).toFixed(1)} KB uncompressed; first visit without fonts and images ${(result.firstVisit.withoutFonts / 1024).toFixed(1)} KB on the wire (br) | < 150 KB | ${result.plainBytes < 150 * 1024 ? 'pass' : 'MISS'} |`);
  }
  console.log(`load average before ${before.map((value) => value.toFixed(2)).join(' ')}, after ${after.map((value) => value.toFixed(2)).join(' ')}`);
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('results/map.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), loadAverage: { before, after }, results }, null, 2) + '\n');
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { engine: { type: 'string', default: 'postgres' }, seconds: { type: 'string', default: '10' }, associations: { type: 'string', default: '2000' } } });
  await runMapBench({ engines: values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine], seconds: Number(values.seconds), associations: Number(values.associations) });
}
