// temporary (reports helper): report vs bench floor, alternating; deleted after use
import { isDeepStrictEqual } from 'node:util';
import { openDatabase } from './src/db/connection.js';
import { computeImpactReport } from './src/modules/reports/impact.js';
import { computeFloorReport } from './bench/floor.js';
const handle = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/mosaik_reports_bench' });
const period = { from: process.argv[2] ?? '2015-01-01', to: process.argv[3] ?? '2024-12-31' };
const mine: number[] = [], floor: number[] = [];
const a = await computeImpactReport(handle.db, period), b = await computeFloorReport(handle.db, period);
console.log('same', isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b))));
for (let i = 0; i < 5; i++) {
  let t = performance.now(); await computeImpactReport(handle.db, period); mine.push(performance.now() - t);
  t = performance.now(); await computeFloorReport(handle.db, period); floor.push(performance.now() - t);
}
const med = (x: number[]) => [...x].sort((p, q) => p - q)[2];
console.log('mine', mine.map(Math.round), 'floor', floor.map(Math.round), 'ratio', (med(mine) / med(floor)).toFixed(2));
await handle.close();
