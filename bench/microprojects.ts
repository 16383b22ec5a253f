/**
 * The micro-projects benchmark (issue 13): 5,000 projects with 200,000
 * receipts on PostgreSQL; the adviser overview (every project's next task and
 * what is overdue, one page of 50) for 20 advisers at once, against a floor:
 * the page's rows by one plain indexed query without the checklist; and the
 * proof-of-use PDF of a project with 500 receipts, against a floor: pdfmake
 * drawing a bare 500-row table of the same cells.
 *
 *   npx tsx bench/microprojects.ts --projects 5000 --receipts 200000 --users 20 --seconds 15
 *   npm run bench -- --only microprojects
 *
 * Writes bench/results/microprojects.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pdfmake from 'pdfmake';
import type { Database } from '../src/db/tables.js';
import { loadDossier } from '../src/modules/microprojects/index.js';
import { loadMicroprojectDemo } from '../src/modules/microprojects/index.js';
import { proofPdf } from '../src/modules/microprojects/index.js';
import { adviserOverview } from '../src/modules/microprojects/index.js';
import { latencies, type Latencies } from './directory.js';
import { createBenchDatabase } from './engines.js';

export interface MicroprojectBenchOptions {
  projects: number;
  receipts: number;
  users: number;
  seconds: number;
}

/** Organisations, 20 advisers, projects over 2018–2026 in every stage, receipts spread over the projects. */
export async function generate(db: Kysely<Database>, options: MicroprojectBenchOptions) {
  await loadMicroprojectDemo(db);
  await sql`insert into organisation (name, district) select 'Verein ' || n, (array['Gießen','Kassel','Fulda','Marburg'])[1 + n % 4] from generate_series(1, ${Math.ceil(options.projects / 3)}) n`.execute(db);
  await sql`insert into account (email, display_name, role) select 'berater' || n || '@bench.example', 'Berater ' || n, 'staff' from generate_series(1, 20) n`.execute(db);
  await sql`insert into microproject (organisation_id, title, year, stage, approved_on, starts_on, ends_on, planned_project_costs_cents, planned_minijob_cents, adviser_account_id)
    select o.id, 'Projekt ' || n, y.year,
      (array['idea','in_consultation','application_submitted','approved','running','running','running','proof_due','proof_submitted','closed'])[1 + n % 10],
      make_date(y.year, 2, 15), make_date(y.year, 3, 1), make_date(y.year, 12, 31), 250000, 405000,
      (select min(id) from account where role = 'staff') + n % 20
    from generate_series(1, ${options.projects}) n
    cross join lateral (select (array[2018, 2019, 2020, 2026])[1 + n % 4] as year) y
    join organisation o on o.id = (select min(id) from organisation) + n % ${Math.ceil(options.projects / 3)}`.execute(db);
  await sql`insert into microproject_receipt (project_id, paid_on, payee, purpose, budget_line, amount_cents)
    select p.id, p.starts_on + (n % 280), 'Empfänger ' || n, 'Zweck ' || n, (array['project_costs','minijob','tax_adviser'])[1 + n % 3], 1000 + n % 9000
    from generate_series(1, ${options.receipts}) n
    join microproject p on p.id = (select min(id) from microproject) + n % ${options.projects}`.execute(db);
  await sql`insert into microproject_task_done (project_id, task) select id, 'concept' from microproject where id % 2 = 0`.execute(db);
  await sql`analyze`.execute(db);
}

/** `users` advisers, each asking for their own overview back to back for `seconds`. */
async function load(db: Kysely<Database>, users: number, seconds: number, request: (adviserId: number) => Promise<unknown>): Promise<Latencies> {
  const advisers = (await db.selectFrom('account').select('id').where('role', '=', 'staff').orderBy('id').limit(users).execute()).map((row) => row.id);
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    advisers.map(async (adviserId) => {
      while (performance.now() < until) {
        const started = performance.now();
        await request(adviserId);
        times.push(performance.now() - started);
      }
    }),
  );
  return latencies(times);
}

/** The floor of the overview: the page's 50 rows of one adviser by a plain query (index microproject_adviser), no checklist. */
const floorPage = (db: Kysely<Database>, adviserId: number) =>
  sql`select p.id, p.title, p.year, p.stage, o.name from microproject p join organisation o on o.id = p.organisation_id
    where p.adviser_account_id = ${adviserId} order by p.year desc, o.name, p.id limit 50`.execute(db);

async function timePdf(db: Kysely<Database>, runs: number) {
  const project = await db.insertInto('microproject').values({ organisation_id: (await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id, title: 'PDF-Projekt', year: 2019, starts_on: '2019-01-01', ends_on: '2019-12-31' }).returning('id').executeTakeFirstOrThrow();
  await sql`insert into microproject_receipt (project_id, paid_on, payee, purpose, budget_line, amount_cents)
    select ${project.id}, date '2019-01-01' + (n % 360), 'Empfänger mit längerem Namen ' || n, 'Zweck der Ausgabe Nummer ' || n, 'project_costs', 1000 + n from generate_series(1, 500) n`.execute(db);
  const proof: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    const dossier = (await loadDossier(db, project.id, '2020-01-15'))!;
    await proofPdf(dossier, 'de');
    proof.push(performance.now() - started);
    started = performance.now();
    const body = dossier.receipts.map((r, index) => [String(index + 1), r.paid_on, r.payee, r.purpose, r.budget_line, String(r.amount_cents), r.kept_where]);
    // the proof's own fixed column widths (proof.ts receiptWidths): a floor with '*' columns measured every cell and was twice as slow as the proof's table
    await pdfmake.createPdf({ content: [{ table: { headerRows: 0, widths: [22, 58, 110, 131, 70, 62, 70], body }, fontSize: 8 }], defaultStyle: { font: 'NotoSans' } }).getBuffer();
    floor.push(performance.now() - started);
  }
  return { proof: latencies(proof), floor: latencies(floor) };
}

export async function runMicroprojectBench(options: MicroprojectBenchOptions) {
  const loadBefore = loadavg();
  const database = await createBenchDatabase('postgres');
  try {
    const handle = await database.open();
    const db = handle.db;
    process.stderr.write(`generating ${options.projects} projects, ${options.receipts} receipts\n`);
    await generate(db, options);
    const viewer = (adviserId: number) => ({ kind: 'staff' as const, accountId: adviserId });
    // warm up plans and caches
    for (let i = 0; i < 20; i++) await adviserOverview(db, viewer(1), '2019-06-01', { adviserId: i + 1, limit: 50 });
    const floor = await load(db, options.users, options.seconds / 2, (adviserId) => floorPage(db, adviserId));
    const overview = await load(db, options.users, options.seconds, (adviserId) => adviserOverview(db, viewer(adviserId), '2019-06-01', { adviserId, limit: 50 }));
    const pdf = await timePdf(db, 5);
    await handle.close();
    const result = {
      date: new Date().toISOString(), options, loadAverage: { before: loadBefore, after: loadavg() },
      overview: { ...overview, floor, ratio: overview.p95 / Math.max(floor.p95, 0.001), target: 'p95 < 100 ms' },
      pdf: { ...pdf.proof, floor: pdf.floor, ratio: pdf.proof.p95 / Math.max(pdf.floor.p95, 0.001), target: 'p95 < 2000 ms' },
    };
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(`| adviser overview, ${options.users} advisers at once | p50 ${ms(overview.p50)} / p95 ${ms(overview.p95)} (${overview.count} requests) | floor p95 ${ms(floor.p95)} | ×${result.overview.ratio.toFixed(1)} | ${overview.p95 < 100 ? 'pass' : 'MISS'} (< 100 ms) |`);
    console.log(`| proof-of-use PDF, 500 receipts | p50 ${ms(pdf.proof.p50)} / p95 ${ms(pdf.proof.p95)} | floor p95 ${ms(pdf.floor.p95)} | ×${result.pdf.ratio.toFixed(1)} | ${pdf.proof.p95 < 2000 ? 'pass' : 'MISS'} (< 2 s) |`);
    console.log(`load average before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
    mkdirSync(new URL('results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('results/microprojects.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
    return result;
  } finally {
    await database.drop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { projects: { type: 'string', default: '5000' }, receipts: { type: 'string', default: '200000' }, users: { type: 'string', default: '20' }, seconds: { type: 'string', default: '15' } } });
  await runMicroprojectBench({ projects: Number(values.projects), receipts: Number(values.receipts), users: Number(values.users), seconds: Number(values.seconds) });
}
