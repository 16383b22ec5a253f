/**
 * The portal's public pages under load (issue 11): the home page and a page
 * (the offers) at 50 concurrent users on PostgreSQL, each beside the static
 * floor of a file of the same size served by the same server in the same run
 * (ratios, not absolute numbers: the machine is shared); and the bytes of a
 * first visit (HTML, stylesheets and fonts; the portal's pages have no images).
 *
 *   npx tsx bench/portal.ts --seconds 10 --users 50
 *   npm run bench -- --only portal --seconds 10
 *
 * Prints a table and writes bench/results/portal.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Engine } from '../src/db/connection.js';
import { loadPortalDemo } from '../src/modules/portal/index.js';
import { createBenchDatabase } from './engines.js';
import { firstVisitBytes, percentile, timed } from './http-client.js';
import { startServer } from './http-server.js';

export interface PortalBenchOptions {
  engine: Engine;
  seconds: number;
  users: number;
}

interface Load {
  requests: number;
  p50: number;
  p95: number;
  non200: number;
}

/** `users` clients requesting `url` back to back for `seconds`: latency of each whole response. */
async function load(url: string, users: number, seconds: number): Promise<Load> {
  const samples: number[] = [];
  let non200 = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (performance.now() < until) {
        const response = await timed(url);
        samples.push(response.totalMs);
        if (response.status !== 200) non200++;
      }
    }),
  );
  return { requests: samples.length, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), non200 };
}

export async function runPortalBench(options: PortalBenchOptions) {
  const database = await createBenchDatabase(options.engine);
  const handle = await database.open();
  await loadPortalDemo(handle.db, { today: '2026-03-02' });
  await handle.close();
  const server = await startServer(options.engine, database.location);
  try {
    const results = [];
    for (const path of ['/', '/angebote']) {
      const url = `${server.base}${path}`;
      const page = await timed(url, { 'accept-encoding': 'identity' });
      const floorUrl = `${server.base}/bench/static/${page.bytes}`;
      // warm-up of both at full concurrency (JIT, the database's caches)
      await load(url, options.users, 2);
      await load(floorUrl, options.users, 2);
      // two alternating rounds each, so that a busy moment of the shared machine hits both alike
      const half = options.seconds / 2;
      const pageRounds = [await load(url, options.users, half)];
      const floorRounds = [await load(floorUrl, options.users, half)];
      pageRounds.push(await load(url, options.users, half));
      floorRounds.push(await load(floorUrl, options.users, half));
      const p95 = (rounds: Load[]) => Math.max(...rounds.map((round) => round.p95));
      const bytes = await firstVisitBytes(server.base, url);
      results.push({
        path,
        htmlBytes: page.bytes,
        page: { p95: p95(pageRounds), requests: pageRounds.reduce((sum, round) => sum + round.requests, 0), non200: pageRounds.reduce((sum, round) => sum + round.non200, 0) },
        floor: { p95: p95(floorRounds), requests: floorRounds.reduce((sum, round) => sum + round.requests, 0) },
        ratio: p95(pageRounds) / p95(floorRounds),
        firstVisitWithoutFonts: bytes.withoutFonts,
        firstVisitWithFonts: bytes.withFonts,
      });
    }
    const report = { engine: options.engine, users: options.users, seconds: options.seconds, loadavg: loadavg(), results };
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./results/portal.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
    console.table(results.map((result) => ({
      path: result.path,
      'p95 ms': result.page.p95.toFixed(1),
      'floor p95 ms': result.floor.p95.toFixed(1),
      ratio: result.ratio.toFixed(2),
      requests: result.page.requests,
      'non-200': result.page.non200,
      'first visit KB (with fonts)': (result.firstVisitWithFonts / 1024).toFixed(1),
    })));
    return report;
  } finally {
    await server.stop();
    await database.drop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { engine: { type: 'string', default: 'postgres' }, seconds: { type: 'string', default: '10' }, users: { type: 'string', default: '50' } }, strict: false });
  await runPortalBench({ engine: values.engine as Engine, seconds: Number(values.seconds), users: Number(values.users) });
}
