/**
 * The Vereins-Check benchmark (issue 14): 20,000 organisations with 60,000
 * submitted checks (three each, the last one latest), every item answered; the
 * staff aggregate (itemAggregate + what the role may see) unfiltered, by
 * district, by orientation and in a coordinator's three districts, on
 * PostgreSQL. Target: under 500 ms. Floor: the same counts by one plain
 * group-by over the latest answers, with nothing around it.
 *
 *   npx tsx bench/selfcheck.ts --organisations 20000 --checks 60000 --runs 20
 *   npm run bench -- --only selfcheck
 *
 * Writes bench/results/selfcheck.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';
import { itemAggregate, shownAggregate, thresholdOf, type AggregateFilter } from '../src/modules/selfcheck/index.js';
import { latencies, type Latencies } from './directory.js';
import { createBenchDatabase } from './engines.js';

export interface SelfcheckBenchOptions {
  organisations: number;
  checks: number;
  runs: number;
}

const districts = ['Kassel', 'Fulda', 'Gießen', 'Marburg-Biedenkopf', 'Darmstadt', 'Frankfurt am Main', 'Offenbach', 'Wiesbaden', 'Main-Kinzig-Kreis', 'Lahn-Dill-Kreis'];

/**
 * Organisations spread over ten districts and the three orientations; each
 * gets checks / organisations submitted checks a year apart, the last one
 * latest; every active item is answered, the answer drawn from the item and
 * the organisation so that items differ in how often they are "not yet".
 */
async function generate(db: Kysely<Database>, options: SelfcheckBenchOptions) {
  const perOrganisation = Math.max(1, Math.round(options.checks / options.organisations));
  await sql`insert into organisation (name, district, orientation)
    select 'Verein ' || n, (${sql.val(districts)}::text[])[1 + n % ${districts.length}], (array['community', 'cross_community', 'mixed'])[1 + n % 3]
    from generate_series(1, ${options.organisations}) n`.execute(db);
  await sql`insert into selfcheck (organisation_id, state, start_token, submitted_on, submitted_at, latest)
    select o.id, 'submitted', 'bench-start-token-' || o.id || '-' || k, make_date(2020 + k, 3, 1), make_timestamptz(2020 + k, 3, 1, 12, 0, 0, 'Europe/Berlin'), k = ${perOrganisation}
    from organisation o cross join generate_series(1, ${perOrganisation}) k`.execute(db);
  await sql`insert into selfcheck_answer (selfcheck_id, item_key, item_version_id, organisation_id, latest, answer)
    select c.id, v.item_key, v.id, c.organisation_id, c.latest,
      (array['done', 'in_progress', 'not_yet', 'not_relevant'])[1 + (c.organisation_id * 7 + length(v.item_key) * 13 + c.id) % 4]
    from selfcheck c
    cross join (select distinct on (item_key) id, item_key from selfcheck_item_version order by item_key, version desc) v`.execute(db);
  // a settled database, as autovacuum leaves it: the visibility map lets the aggregate read the index alone
  await sql`vacuum analyze`.execute(db);
}

const floorQuery = (db: Kysely<Database>) => sql`select item_key, answer, count(*) from selfcheck_answer where latest group by item_key, answer`.execute(db);

async function time(runs: number, run: () => Promise<unknown>): Promise<Latencies> {
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return latencies(times);
}

export async function runSelfcheckBench(options: SelfcheckBenchOptions) {
  const loadBefore = loadavg();
  const database = await createBenchDatabase('postgres');
  try {
    const handle = await database.open();
    const db = handle.db;
    process.stderr.write(`generating ${options.organisations} organisations, ${options.checks} checks\n`);
    const generateStarted = performance.now();
    await generate(db, options);
    const generateSeconds = (performance.now() - generateStarted) / 1000;
    const counts = (await sql<{ checks: number; answers: number; latest: number }>`
      select (select count(*)::int from selfcheck) as checks, (select count(*)::int from selfcheck_answer) as answers, (select count(*)::int from selfcheck_answer where latest) as latest`.execute(db)).rows[0];
    const cases: { name: string; filter: AggregateFilter; role: 'staff' | 'coordinator' | 'funder' }[] = [
      { name: 'staff, all organisations', filter: {}, role: 'staff' },
      { name: 'staff, one district', filter: { district: 'Kassel' }, role: 'staff' },
      { name: 'staff, one orientation', filter: { orientation: 'community' }, role: 'staff' },
      { name: 'coordinator, three districts, small numbers hidden', filter: { withinDistricts: districts.slice(0, 3) }, role: 'coordinator' },
      { name: 'funder, one district and orientation, small numbers hidden', filter: { district: 'Fulda', orientation: 'mixed' }, role: 'funder' },
    ];
    // warm up plans and caches
    for (const entry of cases) for (let index = 0; index < 3; index++) await itemAggregate(db, entry.filter);
    const floor = await time(options.runs, () => floorQuery(db));
    const measured = [];
    for (const entry of cases) {
      const timing = await time(options.runs, async () => shownAggregate(await itemAggregate(db, entry.filter), thresholdOf(entry.role)));
      measured.push({ name: entry.name, ...timing, ratio: timing.p95 / Math.max(floor.p95, 0.001) });
    }
    await handle.close();
    const result = {
      date: new Date().toISOString(), engine: 'postgres', options, counts, generateSeconds, loadAverage: { before: loadBefore, after: loadavg() },
      target: 'p95 < 500 ms', floor, aggregate: measured,
    };
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    for (const entry of measured) {
      console.log(`| ${entry.name} | p50 ${ms(entry.p50)} / p95 ${ms(entry.p95)} (${entry.count} runs) | floor p95 ${ms(floor.p95)} | ×${entry.ratio.toFixed(1)} | ${entry.p95 < 500 ? 'pass' : 'MISS'} (< 500 ms) |`);
    }
    console.log(`${counts.checks} checks, ${counts.answers} answers (${counts.latest} latest), generated in ${generateSeconds.toFixed(0)} s`);
    console.log(`load average before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
    mkdirSync(new URL('results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('results/selfcheck.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
    return result;
  } finally {
    await database.drop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { organisations: { type: 'string', default: '20000' }, checks: { type: 'string', default: '60000' }, runs: { type: 'string', default: '20' } } });
  await runSelfcheckBench({ organisations: Number(values.organisations), checks: Number(values.checks), runs: Number(values.runs) });
}
