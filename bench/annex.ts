import type { Db } from '../src/db/connection.js';
import { computeAnnex, type AnnexQuery } from '../src/modules/feedback/index.js';
import { median } from './random.js';

/**
 * Issue 3: the feedback annex (computeAnnex) for every centre event of a
 * period of the generated dataset: one warm-up, then `runs` timed runs.
 */

export interface AnnexTiming {
  period: AnnexQuery;
  medianMs: number;
  runsMs: number[];
  blocks: number;
  /** Columns: events with returned forms. */
  eventsWithForms: number;
  eventsWithoutForms: number;
  /** Cells (event × question) filled. */
  cells: number;
}

export async function timeAnnex(db: Db, period: AnnexQuery, runs: number): Promise<AnnexTiming> {
  const annex = await computeAnnex(db, period);
  const runsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await computeAnnex(db, period);
    runsMs.push(performance.now() - started);
  }
  return {
    period,
    medianMs: median(runsMs),
    runsMs,
    blocks: annex.length,
    eventsWithForms: annex.reduce((sum, block) => sum + block.events.length, 0),
    eventsWithoutForms: annex.reduce((sum, block) => sum + block.withoutForms.length, 0),
    cells: annex.reduce((sum, block) => sum + block.rows.reduce((inner, row) => inner + row.cells.filter((cell) => cell !== null).length, 0), 0),
  };
}
