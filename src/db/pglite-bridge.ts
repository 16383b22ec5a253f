import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/*
 * PGlite in a worker thread, seen from the main thread (issue 16). PGlite's own
 * worker API (@electric-sql/pglite/worker) is written for browsers: it needs a
 * web Worker, BroadcastChannel between tabs and navigator.locks, none of which
 * Node 20's worker_threads provide (docs/decisions.md). This is the small part
 * of it Mosaik needs: statements and their parameters in, rows and the
 * affected count out, errors with their PostgreSQL fields.
 *
 * One statement at a time is the dialect's business (src/db/pglite-dialect.ts
 * hands out the one connection in turn); the worker runs what it is sent in
 * order, as PGlite does.
 */

export interface WorkerOptions {
  dataDir: string;
}

export type ToWorker = { kind: 'query'; id: number; sql: string; params: unknown[] } | { kind: 'close'; id: number };

/** An error as it crosses the thread boundary: the message and PostgreSQL's fields. */
export interface WorkerError {
  message: string;
  stack?: string;
  severity?: string;
  code?: string;
  detail?: string;
  hint?: string;
  position?: string;
  internalPosition?: string;
  internalQuery?: string;
  where?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  file?: string;
  line?: string;
  routine?: string;
}

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'failed'; error: WorkerError }
  | { kind: 'result'; id: number; rows: unknown[]; affectedRows: number | undefined }
  | { kind: 'error'; id: number; error: WorkerError };

export interface StatementResult {
  rows: unknown[];
  affectedRows: number | undefined;
}

/** A PostgreSQL error raised in the worker: the same fields as PGlite's (and pg's) DatabaseError. */
export class PGliteError extends Error {
  constructor(fields: WorkerError) {
    super(fields.message);
    this.name = 'DatabaseError';
    Object.assign(this, fields);
    // the worker's stack says where PostgreSQL was called; the caller's where the app was
    if (fields.stack) this.stack = `${this.stack}\n    --- in the PGlite worker ---\n${fields.stack.split('\n').slice(1).join('\n')}`;
  }
}
export interface PGliteError extends Omit<WorkerError, 'message' | 'stack'> {}

// Compiled (dist/db/pglite-bridge.js) the worker is plain JavaScript; from the
// sources (tsx, vitest) it is TypeScript and registers tsx's loader itself,
// as the import worker does (src/modules/imports/off-thread.ts).
const fromSources = import.meta.url.endsWith('.ts');
const workerFile = new URL(fromSources ? './pglite-worker.ts' : './pglite-worker.js', import.meta.url);
function workerScript(): string | URL {
  if (!fromSources) return workerFile;
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(workerFile.href)}); });`;
}

export class PGliteBridge {
  private readonly pending = new Map<number, { resolve: (result: StatementResult) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  /** Why the worker is gone, once it is. */
  private stopped: Error | undefined;
  /** While a statement is under way the worker keeps the process alive; idle, it does not (a forgotten close must not hang a command). */
  private busy = 0;

  private constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on('message', (message: FromWorker) => {
      if (message.kind !== 'result' && message.kind !== 'error') return;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.settle(message.id);
      if (message.kind === 'result') waiting.resolve({ rows: message.rows, affectedRows: message.affectedRows });
      else waiting.reject(new PGliteError(message.error));
    });
    worker.on('error', (error) => this.stop(new Error(`The PGlite worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => this.stop(new Error(`The PGlite worker ended (exit code ${code})`)));
  }

  /** Starts the worker and opens the database in it ('memory://' or a folder). */
  static async open(options: WorkerOptions): Promise<PGliteBridge> {
    const worker = new Worker(workerScript(), { eval: fromSources, workerData: options });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.kind === 'ready') done(() => resolve());
        else if (message.kind === 'failed') done(() => reject(new PGliteError(message.error)));
      };
      const onError = (error: Error) => done(() => reject(error));
      const onExit = (code: number) => done(() => reject(new Error(`The PGlite worker ended before the database opened (exit code ${code})`)));
      const done = (outcome: () => void) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        outcome();
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    }).catch(async (error) => {
      worker.on('error', () => {}); // what it says comes after the refusal, which says it already
      await worker.terminate();
      throw error;
    });
    return new PGliteBridge(worker);
  }

  /** One statement with parameters, or (without) a script of several statements whose last result is returned. */
  query(sql: string, params: readonly unknown[]): Promise<StatementResult> {
    return this.send({ kind: 'query', sql, params: [...params] });
  }

  /** Closes the database in the worker, then ends the worker. */
  async close(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.send({ kind: 'close' });
    } finally {
      this.stop(new Error('The database is closed'));
      await this.worker.terminate();
    }
  }

  private send(message: { kind: 'query'; sql: string; params: unknown[] } | { kind: 'close' }): Promise<StatementResult> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.busy++ === 0) this.worker.ref();
      this.worker.postMessage({ ...message, id } satisfies ToWorker);
    });
  }

  private settle(id: number) {
    this.pending.delete(id);
    if (--this.busy === 0) this.worker.unref();
  }

  private stop(reason: Error) {
    if (this.stopped) return;
    this.stopped = reason;
    for (const [id, waiting] of this.pending) {
      this.settle(id);
      waiting.reject(reason);
    }
  }
}
