import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { keepText, parseCount, parseDecimal } from './parsers.js';
import type { FromWorker, ToWorker, WorkerError, WorkerOptions } from './pglite-bridge.js';

/*
 * The worker thread that owns the PGlite instance (src/db/pglite-bridge.ts):
 * PGlite runs PostgreSQL's executor on the thread that calls it, so on the
 * main thread one long report statement stopped every request, /health
 * included (issue 16). Here it stops only this thread.
 *
 * Messages in: a statement with its parameters (extended protocol) or a script
 * without (simple protocol, several statements: migrations, begin/commit), or
 * close. Messages out: the rows and the affected count, or the error with its
 * PostgreSQL fields. Values cross the thread boundary by structured clone,
 * which keeps Date, Uint8Array and bigint as they are.
 */

const port = parentPort!;
const { dataDir } = workerData as WorkerOptions;

/** PostgreSQL's fields of an error (code, detail, constraint …): what the app's error handling reads. */
const errorFields = [
  'severity', 'code', 'detail', 'hint', 'position', 'internalPosition', 'internalQuery', 'where',
  'schema', 'table', 'column', 'dataType', 'constraint', 'file', 'line', 'routine',
] as const;

function describe(error: unknown): WorkerError {
  if (!(error instanceof Error)) return { message: String(error) };
  const described: WorkerError = { message: error.message, stack: error.stack };
  for (const field of errorFields) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string') described[field] = value;
  }
  return described;
}

let pglite: PGlite | undefined;
try {
  pglite = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    parsers: { [types.INT8]: parseCount, [types.NUMERIC]: parseDecimal, [types.DATE]: keepText },
  });
  port.postMessage({ kind: 'ready' } satisfies FromWorker);
} catch (error) {
  // the main thread rejects its open() with this and ends the thread
  port.postMessage({ kind: 'failed', error: describe(error) } satisfies FromWorker);
  port.close();
  process.exitCode = 1;
}

port.on('message', async (message: ToWorker) => {
  const db = pglite;
  if (!db) return;
  try {
    if (message.kind === 'close') {
      await db.close();
      port.postMessage({ kind: 'result', id: message.id, rows: [], affectedRows: undefined } satisfies FromWorker);
      port.close();
      return;
    }
    // Without parameters the simple protocol is used, which also runs scripts of
    // several statements (migrations); its last result is the answer.
    const result =
      message.params.length === 0
        ? ((await db.exec(message.sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await db.query(message.sql, message.params);
    port.postMessage({ kind: 'result', id: message.id, rows: result.rows, affectedRows: result.affectedRows } satisfies FromWorker);
  } catch (error) {
    port.postMessage({ kind: 'error', id: message.id, error: describe(error) } satisfies FromWorker);
  }
});
