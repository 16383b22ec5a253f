/**
 * The FAQ and handout library under load (issue 11): 50 concurrent visitors
 * reading the public FAQ page (all published answers), a FAQ search with a
 * typo, and the handout library, each against the static floor of the same
 * size (bench/http-server.ts serves /bench/static/<bytes> from disk) in
 * alternating rounds on the same server in the same run. p95 of each, the
 * ratio page / floor, and the bytes of a first visit (HTML, stylesheets,
 * fonts; the budget is 150 KB).
 *
 *   npx tsx bench/faq.ts --engine postgres --seconds 10 --users 50
 *   npm run bench -- --only faq --engine postgres      (the same, default options)
 *
 * The data: the demo FAQ and library plus generated entries, 120 published
 * FAQ entries (German with English) and 60 handouts.
 * Results: printed, and bench/results/faq.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Engine } from '../src/db/connection.js';
import { saveFaqEntry } from '../src/modules/faq/index.js';
import { loadFaqDemo } from '../src/modules/faq/index.js';
import { createLinkMaterial, setMaterialPublished } from '../src/modules/materials/index.js';
import { loadMaterialsDemo } from '../src/modules/materials/index.js';
import { createBenchDatabase } from './engines.js';
import { firstVisitBytes, percentile, timed } from './http-client.js';
import { startServer, type Server } from './http-server.js';

const topics = ['application', 'costs', 'duration', 'staff', 'proof'];
const words = ['Antrag', 'Kosten', 'Beleg', 'Frist', 'Minijob', 'Verein', 'Projekt', 'Förderung', 'Nachweis', 'Rechnung', 'Honorar', 'Sachbericht'];

async function fill(location: string, engine: Engine) {
  const bench = { engine, location } as const;
  const database = await (await import('../src/db/connection.js')).openDatabase(engine === 'postgres' ? { databaseUrl: bench.location } : { dataDir: bench.location });
  try {
    await loadFaqDemo(database.db, '2026-03-02');
    await loadMaterialsDemo(database.db);
    for (let i = 0; i < 112; i++) {
      const word = (k: number) => words[(i * 7 + k) % words.length];
      await saveFaqEntry(database.db, null, {
        topic: topics[i % topics.length], state: 'published', reviewedOn: '2026-02-01', position: 10 + i,
        translations: [
          { language: 'de', question: `Frage ${i}: Was gilt für ${word(1)} und ${word(2)}?`, answer: `Für ${word(1)} gilt: ${word(3)} und ${word(4)} sind im ${word(5)} zu beachten. `.repeat(4) },
          { language: 'en', question: `Question ${i}: what applies to ${word(1)}?`, answer: `For ${word(1)}: mind ${word(3)} and ${word(4)}. `.repeat(4) },
        ],
      });
    }
    for (let i = 0; i < 55; i++) {
      const id = await createLinkMaterial(database.db, null, { title: `Formular ${i}: ${words[i % words.length]}`, description: `Formular des Landes zu ${words[(i + 3) % words.length]}.`, language: 'de', topic: ['application', 'implementation', 'reporting', 'pr'][i % 4], eventFormats: ['training_application'], checklistItems: ['funding.writing'] }, `https://example.org/form/${i}`);
      await setMaterialPublished(database.db, null, id, true);
    }
  } finally {
    await database.close();
  }
}

/** `users` visitors requesting `url` back to back for `seconds`; the latencies in ms. */
async function load(url: string, users: number, seconds: number): Promise<{ latencies: number[]; failures: number; statuses: Record<number, number> }> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (performance.now() < until) {
        const response = await timed(url);
        if (response.status !== 200) failures++;
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        latencies.push(response.totalMs);
      }
    }),
  );
  return { latencies, failures, statuses };
}

async function measurePage(server: Server, path: string, users: number, seconds: number) {
  const page = await timed(`${server.base}${path}`, { 'accept-encoding': 'identity' });
  if (page.status !== 200) throw new Error(`${path}: ${page.status}`);
  const floorPath = `/bench/static/${page.bytes}`;
  const pageLatencies: number[] = [];
  const floorLatencies: number[] = [];
  let failures = 0;
  const statuses: Record<number, number> = {};
  // alternating rounds, so that a change of the machine's load hits both alike
  for (let round = 0; round < 2; round++) {
    const measured = await load(`${server.base}${path}`, users, seconds / 2);
    pageLatencies.push(...measured.latencies);
    failures += measured.failures;
    for (const [status, count] of Object.entries(measured.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + count;
    floorLatencies.push(...(await load(`${server.base}${floorPath}`, users, seconds / 2)).latencies);
  }
  const visit = await firstVisitBytes(server.base, `${server.base}${path}`);
  const p95 = percentile(pageLatencies, 0.95);
  const floorP95 = percentile(floorLatencies, 0.95);
  return { path, htmlBytes: page.bytes, requests: pageLatencies.length, failures, statuses, p50: percentile(pageLatencies, 0.5), p95, floorRequests: floorLatencies.length, floorP95, ratio: p95 / floorP95, firstVisitBytes: visit.withFonts, firstVisitBytesWithoutFonts: visit.withoutFonts };
}

export async function runFaqBench(options: { engines: Engine[]; seconds: number; users: number }) {
  const results = [];
  for (const engine of options.engines) {
    const database = await createBenchDatabase(engine);
    try {
      await fill(database.location, engine);
      const server = await startServer(engine, database.location);
      try {
        const before = loadavg();
        const pages = [];
        for (const path of ['/faq?lang=de', `/faq?lang=de&q=${encodeURIComponent('Steuerbrater')}`, '/handouts?lang=de']) {
          pages.push(await measurePage(server, path, engine === 'pglite' ? 1 : options.users, options.seconds));
        }
        results.push({ engine, users: engine === 'pglite' ? 1 : options.users, seconds: options.seconds, loadAverage: { before, after: loadavg() }, pages });
      } finally {
        await server.stop();
      }
    } finally {
      await database.drop();
    }
  }
  console.table(results.flatMap((result) => result.pages.map((page) => ({ engine: result.engine, users: result.users, path: page.path, requests: page.requests, 'p95 ms': page.p95.toFixed(1), 'floor p95 ms': page.floorP95.toFixed(1), ratio: page.ratio.toFixed(2), 'first visit KB': (page.firstVisitBytes / 1000).toFixed(1) }))));
  const folder = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}faq.json`, JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { engine: { type: 'string', default: 'postgres' }, seconds: { type: 'string', default: '10' }, users: { type: 'string', default: '50' } } });
  await runFaqBench({ engines: values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine as Engine], seconds: Number(values.seconds), users: Number(values.users) });
  process.exit(0);
}
