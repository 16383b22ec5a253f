/**
 * Issue 16: the server under HTTP load, on the generator's dataset.
 *
 *   npm run bench -- --only http --engine postgres --scale 1 --seconds 30
 *   npx tsx bench/http-load.ts --engine pglite --scale 0.05 --seconds 10
 *
 * The parent process fills a fresh database (bench/generate.ts plus 400
 * upcoming public events and 100 events open for registration), then starts
 * the server in a child process (bench/http-server.ts: buildApp + listen on a
 * free port) so that autocannon's own work and memory do not count as
 * the server's. Every measured endpoint runs next to its floor in the same run:
 *  - the dashboard (two years), time to first byte, against a static file of
 *    the same size (alternating requests): the first request after start,
 *    repeated requests (served from the figures cache), and the first request
 *    after a change of the data (GET /bench/touch, a no-op update of one
 *    event, moves the data version as an import would);
 *  - 50 concurrent dashboard users for --seconds, while /health and a public
 *    event page are sampled every 100 ms; then both again 5 s after the load;
 *  - the public calendar with 400 upcoming events at 10 connections, against
 *    the static file of the calendar's size (alternating rounds);
 *  - registrations through the public form against a floor endpoint written
 *    here (the same form fields; one transaction, a row lock on the event, a
 *    count and an insert), alternating rounds; seats checked afterwards;
 *  - the server's RSS after the load; the bytes of a first visit to a public
 *    event page (HTML, stylesheets, the three Fira Sans faces KERN uses).
 * Results: printed, and bench/results/http-load.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase, type Engine } from '../src/db/connection.js';
import { createAccount } from '../src/modules/identity/index.js';
import { createBenchDatabase } from './engines.js';
import { generateDataset } from './generate.js';
import { seatHoldingSql } from '../src/modules/registrations/index.js';
import { cannon, firstVisitBytes, median, percentile, signIn, staffEmail, staffPassword, summary, timed } from './http-client.js';
import { startServer, type Server } from './http-server.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '20240901' },
    seconds: { type: 'string', default: '30' },
    only: { type: 'string' },
  },
  strict: false,
});

const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
const twoYears = 'from=2023-01-01&to=2024-12-31';

// ---------------------------------------------------------------- measuring

async function prepare(engine: Engine, location: string, scale: number, seed: number) {
  const handle = engine === 'postgres' ? await openDatabase({ databaseUrl: location }) : await openDatabase({ dataDir: location });
  try {
    const dataset = await generateDataset(handle.db, { scale, seed });
    await createAccount(handle.db, { email: staffEmail, role: 'staff', password: staffPassword });
    const event = (i: number, prefix: string, start: string, capacity: number | null) => ({
      event_key: `${prefix}-${i + 1}`,
      title: `${prefix === 'HTTP-CAL' ? 'Netzwerktreffen' : 'Anmeldung'} ${i + 1}`,
      format: 'regional_network_meeting' as const,
      start_date: start,
      municipality: 'Gießen',
      district: null,
      feedback_form_id: null,
      capacity,
      per_org_limit: capacity === null ? null : 3,
    });
    // 400 upcoming events in the public calendar, spread over 2030
    const calendar = await handle.db
      .insertInto('event')
      .values(Array.from({ length: 400 }, (_, i) => event(i, 'HTTP-CAL', `2030-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, null)))
      .returning('id')
      .execute();
    // 100 events for the public form, 100 for the floor: 40 seats each
    const forms = await handle.db.insertInto('event').values(Array.from({ length: 200 }, (_, i) => event(i, 'HTTP-REG', '2031-03-01', 40))).returning('id').execute();
    await sql`create table bench_floor_registration (id bigserial primary key, event_id int not null references event (id), organisation text, email text, name text not null, status text not null)`.execute(handle.db);
    return { dataset, calendarEventId: calendar[0].id, registrationEvents: forms.slice(0, 100).map((row) => row.id), floorEvents: forms.slice(100).map((row) => row.id) };
  } finally {
    await handle.close();
  }
}

async function benchEngine(engine: Engine, scale: number, seed: number, seconds: number) {
  const database = await createBenchDatabase(engine);
  let server: Server | undefined;
  try {
    log(`${engine}: generating (scale ${scale})`);
    const prepared = await prepare(engine, database.location, scale, seed);
    log(`${engine}: generated in ${(prepared.dataset.milliseconds / 1000).toFixed(1)} s`);
    server = await startServer(engine, database.location);
    const { base } = server;
    const rssIdle = (await server.ask('rss')).rss;
    const cookie = await signIn(base);
    const dashboardUrl = `${base}/dashboard?${twoYears}`;

    // 1. dashboard TTFB against a static file of the same size, alternating
    log(`${engine}: dashboard time to first byte`);
    const firstDashboard = await timed(dashboardUrl, { cookie });
    const plainSize = (await timed(dashboardUrl, { cookie, 'accept-encoding': 'identity' })).bytes;
    const dashboard: number[] = [];
    const staticFloor: number[] = [];
    for (let i = 0; i < 5; i++) {
      dashboard.push((await timed(dashboardUrl, { cookie })).ttfbMs);
      staticFloor.push((await timed(`${base}/bench/static/${plainSize}`)).ttfbMs);
    }
    // the first request after a change of the data computes again (as the first after an import would)
    const afterChange: number[] = [];
    for (let i = 0; i < 3; i++) {
      await timed(`${base}/bench/touch`);
      afterChange.push((await timed(dashboardUrl, { cookie })).ttfbMs);
      staticFloor.push((await timed(`${base}/bench/static/${plainSize}`)).ttfbMs);
    }
    const staticMs = median(staticFloor);
    const ttfb = {
      firstMs: firstDashboard.ttfbMs,
      firstRatio: firstDashboard.ttfbMs / staticMs,
      status: firstDashboard.status,
      bytes: plainSize,
      compressedBytes: firstDashboard.bytes,
      dashboardMs: median(dashboard),
      afterChangeMs: median(afterChange),
      afterChangeRatio: median(afterChange) / staticMs,
      staticMs,
      ratio: median(dashboard) / staticMs,
    };
    log(`${engine}: dashboard TTFB first ${ms(ttfb.firstMs)}, repeated ${ms(ttfb.dashboardMs)}, after a change ${ms(ttfb.afterChangeMs)}; static ${ms(ttfb.staticMs)}`);

    // 2. 50 dashboard users while /health and a public event page are sampled
    log(`${engine}: 50 dashboard users for ${seconds} s`);
    const publicPage = `${base}/calendar/${prepared.calendarEventId}`;
    const samples = { health: [] as number[], healthFailed: 0, page: [] as number[], pageFailed: 0 };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [health, page] = await Promise.all([timed(`${base}/health`), timed(publicPage)]);
        samples.health.push(health.totalMs);
        if (health.status !== 200) samples.healthFailed++;
        samples.page.push(page.totalMs);
        if (page.status !== 200) samples.pageFailed++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const load = await cannon({ url: dashboardUrl, connections: 50, duration: seconds, headers: { cookie, 'accept-encoding': 'br' }, timeout: 30 });
    sampling = false;
    await sampler;
    const rssAfterLoad = (await server.ask('rss')).rss;
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const afterHealth = await timed(`${base}/health`);
    const afterPage = await timed(publicPage);
    const fiftyUsers = {
      dashboard: summary(load),
      health: { p50: percentile(samples.health, 0.5), p99: percentile(samples.health, 0.99), samples: samples.health.length, failed: samples.healthFailed },
      publicPage: { p50: percentile(samples.page, 0.5), p99: percentile(samples.page, 0.99), samples: samples.page.length, failed: samples.pageFailed },
      fiveSecondsAfter: { health: { status: afterHealth.status, ms: afterHealth.totalMs }, publicPage: { status: afterPage.status, ms: afterPage.totalMs } },
    };

    // 3. the calendar with 400 upcoming events at 10 connections, against its size as a static file
    log(`${engine}: calendar`);
    const calendarSize = (await timed(`${base}/calendar`, { 'accept-encoding': 'identity' })).bytes;
    const calendarRuns = [];
    const calendarFloorRuns = [];
    for (let round = 0; round < 2; round++) {
      calendarRuns.push(summary(await cannon({ url: `${base}/calendar`, connections: 10, duration: Math.max(3, seconds / 6), headers: { 'accept-encoding': 'br' } })));
      calendarFloorRuns.push(summary(await cannon({ url: `${base}/bench/static/${calendarSize}`, connections: 10, duration: Math.max(3, seconds / 6), headers: { 'accept-encoding': 'br' } })));
    }
    // autocannon reports p97.5, not p95: the stricter of the two is given
    const calendar = { bytes: calendarSize, runs: calendarRuns, floor: calendarFloorRuns, p97_5: Math.max(...calendarRuns.map((run) => run.p97_5)), floorP97_5: Math.max(...calendarFloorRuns.map((run) => run.p97_5)) };

    // 4. registrations through the form against the floor, alternating rounds of 20 clients
    log(`${engine}: registrations`);
    // once more if the first try meets a kept-alive connection the server has just closed (ECONNRESET)
    const formUrl = `${base}/events/${prepared.registrationEvents[0]}/register`;
    const form = await fetch(formUrl).catch(() => fetch(formUrl, { headers: { connection: 'close' } }));
    const anonymous = (form.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    let counter = 0;
    const body = () => {
      const n = counter++;
      return new URLSearchParams({ _csrf: csrf, organisation: `Bench-Verein ${n % 500} e.V.`, email: 'kontakt@verein.example', person_0: `Person ${n}` }).toString();
    };
    const registrationRound = (path: (n: number) => string) =>
      cannon({
        url: base,
        connections: 20,
        amount: Math.max(200, Math.round(1000 * Math.min(1, scale * 4))),
        requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, path: path(counter), body: body(), headers: { ...request.headers, cookie: anonymous, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}` } }) }],
      });
    const formRuns = [];
    const floorRuns = [];
    for (let round = 0; round < 2; round++) {
      formRuns.push(summary(await registrationRound((n) => `/events/${prepared.registrationEvents[n % 100]}/register`)));
      floorRuns.push(summary(await registrationRound((n) => `/bench/floor/register/${prepared.floorEvents[n % 100]}`)));
    }
    const rssAfterAll = (await server.ask('rss')).rss;
    const memory = await server.ask('memory');

    // 5. the bytes of a first visit to a public event page
    const visit = await firstVisitBytes(base, publicPage);

    await server.stop();
    server = undefined;
    const seats = await checkSeats(engine, database.location, prepared.registrationEvents, prepared.floorEvents);
    const perSecond = (runs: ReturnType<typeof summary>[]) => runs.reduce((sum, run) => sum + run.perSecond, 0) / runs.length;
    const registrations = { form: formRuns, floor: floorRuns, formPerSecond: perSecond(formRuns), floorPerSecond: perSecond(floorRuns), ratio: perSecond(floorRuns) / perSecond(formRuns), seats };
    return { engine, scale, counts: prepared.dataset.counts, ttfb, fiftyUsers, calendar, registrations, rss: { idle: rssIdle, afterLoad: rssAfterLoad, afterAll: rssAfterAll, breakdown: memory.before, afterGc: memory.afterGc }, firstVisit: visit };
  } finally {
    if (server) await server.stop();
    await database.drop();
  }
}

async function checkSeats(engine: Engine, location: string, formEvents: number[], floorEvents: number[]) {
  const handle = engine === 'postgres' ? await openDatabase({ databaseUrl: location }) : await openDatabase({ dataDir: location });
  try {
    const one = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(handle.db)).rows[0].n;
    const formOverCapacity = await one(sql<{ n: number }>`
      select count(*)::int as n from event e where e.id in (${sql.join(formEvents)})
        and e.capacity < (select count(*) from registration r where r.event_id = e.id and r.status in ${seatHoldingSql})`);
    const formRows = await one(sql<{ n: number }>`select count(*)::int as n from registration where event_id in (${sql.join(formEvents)})`);
    const floorOverCapacity = await one(sql<{ n: number }>`
      select count(*)::int as n from event e where e.id in (${sql.join(floorEvents)})
        and e.capacity < (select count(*) from bench_floor_registration r where r.event_id = e.id and r.status = 'registered')`);
    const floorRows = await one(sql<{ n: number }>`select count(*)::int as n from bench_floor_registration`);
    return { formOverCapacity, formRows, floorOverCapacity, floorRows };
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------- report

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const verdict = (pass: boolean) => (pass ? 'pass' : 'MISS');

type Result = Awaited<ReturnType<typeof benchEngine>>;

function rows(r: Result): string[][] {
  const e = r.engine;
  const u = r.fiftyUsers;
  const reg = r.registrations;
  const answered = (runs: ReturnType<typeof summary>[]) =>
    runs.reduce((sum, run) => sum + Object.entries(run.statusCodes ?? {}).filter(([code]) => /^[23]/.test(code)).reduce((n, [, stat]) => n + stat.count, 0), 0);
  const formOk = answered;
  return [
    [e, `dashboard two years, first request after start (${kb(r.ttfb.bytes)}, ${kb(r.ttfb.compressedBytes)} sent)`, `${ms(r.ttfb.firstMs)} (status ${r.ttfb.status})`, e === 'postgres' ? '< 300 ms' : '–', e === 'postgres' ? verdict(r.ttfb.firstMs < 300) : '–'],
    [e, 'dashboard TTFB first request ÷ static file of the same size', `${ms(r.ttfb.firstMs)} ÷ ${ms(r.ttfb.staticMs)} = ${r.ttfb.firstRatio.toFixed(1)}×`, '–', '–'],
    [e, 'dashboard TTFB repeated (median of 5) ÷ static file of the same size', `${ms(r.ttfb.dashboardMs)} ÷ ${ms(r.ttfb.staticMs)} = ${r.ttfb.ratio.toFixed(1)}×`, '≤ 3×', verdict(r.ttfb.ratio <= 3)],
    [e, 'dashboard TTFB first after a change of the data (median of 3) ÷ static file', `${ms(r.ttfb.afterChangeMs)} ÷ ${ms(r.ttfb.staticMs)} = ${r.ttfb.afterChangeRatio.toFixed(1)}×`, e === 'postgres' ? '< 300 ms' : '–', e === 'postgres' ? verdict(r.ttfb.afterChangeMs < 300) : '–'],
    [e, `50 dashboard users: dashboard answers (${JSON.stringify(u.dashboard.statusCodes)})`, `${u.dashboard.perSecond.toFixed(1)}/s, p50 ${ms(u.dashboard.p50)}`, '–', '–'],
    [e, `50 dashboard users: /health p99 (${u.health.samples} samples, ${u.health.failed} not 200)`, ms(u.health.p99), '< 200 ms', verdict(u.health.p99 < 200 && u.health.failed === 0)],
    [e, `50 dashboard users: public event page p99 (${u.publicPage.failed} not 200)`, ms(u.publicPage.p99), '< 200 ms', verdict(u.publicPage.p99 < 200 && u.publicPage.failed === 0)],
    [e, '5 s after the load: /health, public event page', `${u.fiveSecondsAfter.health.status} in ${ms(u.fiveSecondsAfter.health.ms)}, ${u.fiveSecondsAfter.publicPage.status} in ${ms(u.fiveSecondsAfter.publicPage.ms)}`, '200, 200', verdict(u.fiveSecondsAfter.health.status === 200 && u.fiveSecondsAfter.publicPage.status === 200)],
    [e, `calendar, 400 upcoming events (${kb(r.calendar.bytes)}), 10 connections, p97.5 (floor: static file ${ms(r.calendar.floorP97_5)})`, `${ms(r.calendar.p97_5)}, ${r.calendar.runs[0].perSecond.toFixed(0)}/s`, 'p95 < 100 ms', verdict(r.calendar.p97_5 < 100)],
    [e, `registration form ÷ floor, 20 clients (${formOk(reg.form)} / ${formOk(reg.floor)} answered 2xx–3xx)`, `${reg.formPerSecond.toFixed(0)}/s vs ${reg.floorPerSecond.toFixed(0)}/s = ${reg.ratio.toFixed(2)}× slower`, '≤ 1.5×', verdict(reg.ratio <= 1.5)],
    [e, 'seats after the runs (form / floor over capacity)', `${reg.seats.formOverCapacity} / ${reg.seats.floorOverCapacity} (${reg.seats.formRows} / ${reg.seats.floorRows} rows)`, '0 / 0', verdict(reg.seats.formOverCapacity === 0 && reg.seats.floorOverCapacity === 0)],
    [e, 'server RSS: idle → after the 50 users → after all', `${mb(r.rss.idle)} → ${mb(r.rss.afterLoad)} → ${mb(r.rss.afterAll)}`, e === 'postgres' ? '< 400 MB' : '–', e === 'postgres' ? verdict(r.rss.afterAll < 400 * 2 ** 20) : '–'],
    ...(r.rss.breakdown && r.rss.afterGc
      ? [[e, 'server memory after all: V8 heap used / total, external (buffers), then after a full collection', `${mb(r.rss.breakdown.heapUsed)} / ${mb(r.rss.breakdown.heapTotal)}, ${mb(r.rss.breakdown.external)} → ${mb(r.rss.afterGc.heapUsed)} / ${mb(r.rss.afterGc.heapTotal)}, RSS ${mb(r.rss.afterGc.rss)}`, '–', '–']]
      : []),
    [e, `first visit, public event page: ${r.firstVisit.files.map((f) => `${f.path} ${kb(f.bytes)}${f.encoding ? ` ${f.encoding}` : ''}`).join(', ')}`, kb(r.firstVisit.withoutFonts), '–', '–'],
    [e, `… with the fonts (${r.firstVisit.fontFiles.map((f) => `${f.path.split('/').pop()} ${kb(f.bytes)}`).join(', ')})`, kb(r.firstVisit.withFonts), '< 150 KB', verdict(r.firstVisit.withFonts < 150 * 1024)],
  ];
}

function printTable(table: string[][]) {
  const header = ['engine', 'measurement', 'result', 'target', 'verdict'];
  const widths = header.map((_, column) => Math.max(...[header, ...table].map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log([line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...table.map(line)].join('\n'));
}

export async function runHttpLoadBench(options: { engines: Engine[]; scale: number; seed: number; seconds: number }) {
  const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
  const results: Result[] = [];
  for (const engine of options.engines) results.push(await benchEngine(engine, options.scale, options.seed, options.seconds));
  const document = {
    date: new Date().toISOString(),
    command: `npx tsx bench/http-load.ts --engine ${options.engines.join(',')} --scale ${options.scale} --seconds ${options.seconds}`,
    loadAverage: { before: loadBefore, after: readFileSync('/proc/loadavg', 'utf8').trim(), node: loadavg() },
    results,
  };
  printTable(results.flatMap(rows));
  console.log(`\nload average (/proc/loadavg) before: ${document.loadAverage.before}, after: ${document.loadAverage.after}`);
  const directory = new URL('results/', import.meta.url);
  mkdirSync(directory, { recursive: true });
  writeFileSync(new URL('http-load.json', directory), JSON.stringify(document, null, 2) + '\n');
  log('wrote bench/results/http-load.json');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const engines: Engine[] = values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine];
  await runHttpLoadBench({ engines, scale: Number(values.scale), seed: Number(values.seed), seconds: Number(values.seconds) });
  process.exit(0);
}

