/**
 * The Wegweiser benchmark (issue 12): 20,000 services with 60,000 locations
 * (× --scale) on PostgreSQL, then
 *  - the public search (searchServices, what /wegweiser runs): 50 users back
 *    to back, a mix of free text with typos, topic + district, postcode
 *    (nearest first) and language;
 *  - /api/hsds/services?per_page=100 (publicServiceIds + serviceListObjects,
 *    what the route runs), 50 users, random pages and searches;
 *  - the floor: a primary-key read of one service, 50 users, the same run:
 *    every figure is also given as a ratio to the floor's p95;
 *  - the PDF brochure of the district with the most entries (capped at
 *    brochureLimit entries), three times.
 *
 *   npx tsx bench/wegweiser.ts --engine postgres --scale 1 --seconds 15 --users 50
 *   npm run bench -- --only wegweiser                 (the same, default options)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../src/db/connection.js';
import type { Database } from '../src/db/tables.js';
import { translator } from '../src/i18n/index.js';
import { brochureEntries, brochurePdf } from '../src/modules/wegweiser/index.js';
import { findPostcode, hessianDistricts } from '../src/modules/wegweiser/index.js';
import { publicServiceIds, serviceListObjects } from '../src/modules/wegweiser/index.js';
import { searchServices, type PublicSearch } from '../src/modules/wegweiser/index.js';
import { latencies, type Latencies } from './directory.js';
import { createBenchDatabase } from './engines.js';
import { Random } from './random.js';

const today = '2026-03-02';
const words = ['Migrationsberatung', 'Sprachkurs', 'Integrationskurs', 'Antidiskriminierung', 'Wohnungshilfe', 'Jugendmigrationsdienst', 'Frauenberatung', 'Minijob', 'Vereinsberatung', 'Gesundheitsberatung', 'Asylverfahrensberatung', 'Anerkennungsberatung'];
const towns = ['35390', '60311', '34117', '64283', '65183', '63065', '36037', '35037', '63450', '61169', '34497', '37269', '65549', '35578', '64625', '36251'];

/** 20,000 × scale services, each with three locations, areas, languages and topics, by set-based SQL. */
export async function generate(db: Kysely<Database>, scale: number) {
  const services = Math.round(20_000 * scale);
  const places = (await Promise.all(towns.map((code) => findPostcode(code)))).filter((place) => place !== undefined);
  const placeValues = sql.join(places.map((p, i) => sql`(${i}, ${p.postcode}, ${p.municipality}, ${p.district}, ${p.latitude}, ${p.longitude})`));
  await sql`create temporary table bench_place (n int, postcode text, city text, district text, lat float8, lon float8)`.execute(db);
  await sql`insert into bench_place values ${placeValues}`.execute(db);
  await sql`insert into wegweiser_organization (id, name, description)
    select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'Träger ' || g, '' from generate_series(1, ${Math.ceil(services / 10)}) g`.execute(db);
  const wordList = sql.join(words.map((w) => sql`${w}`));
  await sql`insert into wegweiser_service (id, organization_id, name, description, status, assurer_email, assured_date, recheck_months, search_text)
    select ('10000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad((1 + g % ${Math.ceil(services / 10)})::text, 12, '0'))::uuid,
      (array[${wordList}])[1 + g % ${words.length}] || ' ' || g, 'Beratung und Begleitung, Angebot Nummer ' || g, 'active', 'pruefung' || (g % 500) || '@beispiel.example',
      date '2026-03-02' - (g % 400), 6, ''
    from generate_series(1, ${services}) g`.execute(db);
  await sql`update wegweiser_service s set search_text = lower(s.name || ' ' || s.description || ' ' || o.name) from wegweiser_organization o where o.id = s.organization_id`.execute(db);
  await sql`insert into wegweiser_location (id, organization_id, address_1, postal_code, city, district, latitude, longitude)
    select ('20000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, null, 'Straße ' || g, p.postcode, p.city, p.district, p.lat + (g % 97) * 0.0004, p.lon + (g % 89) * 0.0004
    from generate_series(1, ${services * 3}) g join bench_place p on p.n = g % ${places.length}`.execute(db);
  await sql`insert into wegweiser_service_at_location (service_id, location_id)
    select ('10000000-0000-4000-8000-' || lpad((1 + (g - 1) / 3)::text, 12, '0'))::uuid, ('20000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid from generate_series(1, ${services * 3}) g`.execute(db);
  await sql`insert into wegweiser_service_area (service_id, name)
    select s.id, p.district from wegweiser_service s join wegweiser_service_at_location sal on sal.service_id = s.id join wegweiser_location l on l.id = sal.location_id join bench_place p on p.postcode = l.postal_code
    group by s.id, p.district`.execute(db);
  await sql`insert into wegweiser_language (service_id, code) select id, 'de' from wegweiser_service`.execute(db);
  await sql`insert into wegweiser_language (service_id, code) select id, (array['ar', 'tr', 'ru', 'uk', 'en', 'fa'])[1 + (abs(hashtext(id::text)) % 6)] from wegweiser_service`.execute(db);
  await sql`insert into wegweiser_attribute (link_id, link_entity, link_type, taxonomy_term_id)
    select s.id, 'service', 'topic', t.id from wegweiser_service s join wegweiser_taxonomy_term t on t.position = 1 + (abs(hashtext(s.id::text)) % 12)`.execute(db);
  await sql`analyze`.execute(db);
  return { services, locations: services * 3 };
}

function typo(word: string, random: Random) {
  const at = random.int(1, word.length - 3);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

async function searchMix(random: Random, size: number): Promise<PublicSearch[]> {
  const districts = hessianDistricts();
  const searches: PublicSearch[] = [];
  while (searches.length < size) {
    const kind = random.int(0, 3);
    if (kind === 0) searches.push({ q: typo(random.pick(words), random), page: 1, perPage: 20 });
    else if (kind === 1) searches.push({ topic: random.pick(['migrationsberatung', 'bildung-sprache', 'arbeit', 'wohnen']), district: random.pick(districts), page: 1, perPage: 20 });
    else if (kind === 2) {
      const place = (await findPostcode(random.pick(towns)))!;
      searches.push({ near: { latitude: place.latitude, longitude: place.longitude }, topic: random.pick(['migrationsberatung', 'frauen']), page: 1, perPage: 20 });
    } else searches.push({ language: random.pick(['ar', 'tr', 'uk']), district: random.pick(districts), page: 1, perPage: 20 });
  }
  return searches;
}

async function load(users: number, seconds: number, work: (index: number) => Promise<unknown>): Promise<Latencies & { perSecond: number }> {
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: users }, async () => {
    while (performance.now() < until) {
      const at = performance.now();
      await work(next++);
      times.push(performance.now() - at);
    }
  }));
  return { ...latencies(times), perSecond: times.length / ((performance.now() - started) / 1000) };
}

export async function runWegweiserBench({ engine = 'postgres' as Engine, scale = 1, users = 50, seconds = 15 } = {}) {
  const loadBefore = loadavg();
  const database = await createBenchDatabase(engine);
  try {
    const handle = await database.open();
    const db = handle.db;
    process.stderr.write(`${engine}: generating\n`);
    const counts = await generate(db, scale);
    const random = new Random(20261202);
    const searches = await searchMix(random, 2000);
    const ids = (await sql<{ id: string }>`select id from wegweiser_service order by id limit 5000`.execute(db)).rows.map((row) => row.id);
    process.stderr.write(`${engine}: floor\n`);
    const floor = await load(users, seconds, (i) => sql`select id, name from wegweiser_service where id = ${ids[i % ids.length]}`.execute(db));
    process.stderr.write(`${engine}: public search\n`);
    const search = await load(users, seconds, (i) => searchServices(db, searches[i % searches.length], { today, language: 'de' }));
    process.stderr.write(`${engine}: /api/hsds/services?per_page=100\n`);
    const api = await load(users, seconds, async (i) => {
      const filters = i % 4 === 0 ? { search: typo(words[i % words.length], random) } : {};
      const { ids: page } = await publicServiceIds(db, today, { ...filters, page: 1 + (i % 20), perPage: 100 });
      return serviceListObjects(db, page);
    });
    const biggest = (await sql<{ name: string }>`select name from wegweiser_service_area group by name order by count(*) desc limit 1`.execute(db)).rows[0].name;
    const pdfTimes: number[] = [];
    let pdfEntries = 0;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const entries = await brochureEntries(db, { district: biggest }, today, 'de');
      await brochurePdf({ t: translator('de'), language: 'de', title: `Wegweiser – ${biggest}`, entries, today });
      pdfTimes.push(performance.now() - started);
      pdfEntries = entries.length;
    }
    await handle.close();
    const result = {
      date: new Date().toISOString(), engine, options: { scale, users, seconds }, counts, loadAverage: { before: loadBefore, after: loadavg() },
      floor, search, api, searchRatio: search.p95 / floor.p95, apiRatio: api.p95 / floor.p95,
      brochure: { district: biggest, entries: pdfEntries, ...latencies(pdfTimes) },
    };
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(`| measure | p50 | p95 | per second | p95 / floor p95 |`);
    console.log(`| floor (primary-key read) | ${ms(floor.p50)} | ${ms(floor.p95)} | ${floor.perSecond.toFixed(0)} | 1 |`);
    console.log(`| public search | ${ms(search.p50)} | ${ms(search.p95)} | ${search.perSecond.toFixed(0)} | ${result.searchRatio.toFixed(1)} |`);
    console.log(`| /api/hsds/services?per_page=100 | ${ms(api.p50)} | ${ms(api.p95)} | ${api.perSecond.toFixed(0)} | ${result.apiRatio.toFixed(1)} |`);
    console.log(`| brochure PDF (${pdfEntries} entries, ${biggest}) | ${ms(result.brochure.p50)} | max ${ms(result.brochure.max)} | – | – |`);
    console.log(`load average before ${loadBefore.map((v) => v.toFixed(2)).join(' ')}, after ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
    mkdirSync(new URL('results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('results/wegweiser.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
    return result;
  } finally {
    await database.drop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { engine: { type: 'string', default: 'postgres' }, scale: { type: 'string', default: '1' }, seconds: { type: 'string', default: '15' }, users: { type: 'string', default: '50' } } });
  await runWegweiserBench({ engine: values.engine as Engine, scale: Number(values.scale), users: Number(values.users), seconds: Number(values.seconds) });
}
