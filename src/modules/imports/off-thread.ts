import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError } from './errors.js';
import { tooComplex } from './limits.js';
import { prepare, type PrepareInput, type PrepareResult } from './prepare.js';
import { checkDeclaredSizes, zipEntries } from './zip.js';

/**
 * Parsing and checking a list in a worker thread (security findings 7 and 8):
 * a large XLSX or a list of 150,000 rows keeps one core busy for seconds, and
 * on the request thread that stalled every other request. The worker has its
 * own memory limit, so that a file that needs too much ends the worker and
 * not the server. Small lists are checked in place: starting a worker costs
 * more than they do.
 */

/** Below these a list is checked on the calling thread. */
export const inPlaceBelow = { bytes: 512 * 1024, unpackedBytes: 2 * 1024 * 1024, records: 5000 };

/** Heap of one worker; more than the largest list within the limits of limits.ts needs. */
const workerHeapMb = 1536;
/** A list that takes longer than this to read is refused (it would hold an import slot forever). */
const workerTimeoutMs = 5 * 60 * 1000;

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

export async function prepareOffThread(input: PrepareInput, options: { inPlace?: boolean } = {}): Promise<PrepareResult> {
  if (options.inPlace || isSmall(input)) return prepare(input);
  if ('bytes' in input && zipMagic.every((byte, index) => input.bytes[index] === byte)) {
    // a zip bomb is refused here, before a worker starts
    try {
      checkDeclaredSizes(zipEntries(input.bytes));
    } catch (error) {
      if (error instanceof ImportError) return { problem: error.toProblem() };
      throw error;
    }
  }
  return inTurn(() => inWorker(input));
}

/** Whether checking the list is worth a worker (and, on the API and the page, a background job). */
export function isLarge(input: { bytes: Uint8Array } | { records: unknown[] }): boolean {
  return !isSmall(input as PrepareInput);
}

function isSmall(input: PrepareInput): boolean {
  if ('records' in input) return input.records.length < inPlaceBelow.records;
  const isZip = zipMagic.every((byte, index) => input.bytes[index] === byte);
  if (!isZip) return input.bytes.length < inPlaceBelow.bytes;
  try {
    return zipEntries(input.bytes).reduce((sum, entry) => sum + entry.unpacked, 0) < inPlaceBelow.unpackedBytes;
  } catch {
    // unreadable: prepare() says so with its own message
    return true;
  }
}

/** One worker at a time: two large lists at once would need twice the memory, and imports wait for each other anyway. */
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

// Compiled (dist/…/off-thread.js) the worker is plain JavaScript; from the
// sources (tsx, vitest) it is TypeScript and needs tsx's loader, which
// Node 20 does not pass on to a worker through execArgv: the worker
// registers it itself before it loads the entry.
const fromSources = import.meta.url.endsWith('.ts');
const workerFile = new URL(fromSources ? './prepare-worker.ts' : './prepare-worker.js', import.meta.url);
const workerScript = (): string | URL => {
  if (!fromSources) return workerFile;
  // the ES module build of tsx's API (require.resolve finds the CommonJS one beside it)
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(workerFile.href)}); });`;
};

function inWorker(input: PrepareInput): Promise<PrepareResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), {
      eval: fromSources,
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      finish(() => resolve({ problem: tooComplex().toProblem() }));
      void worker.terminate();
    }, workerTimeoutMs);
    worker.once('message', (result: PrepareResult) => finish(() => resolve(result)));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve({ problem: tooComplex().toProblem() }) : reject(error))),
    );
    worker.once('exit', (code) => finish(() => (code === 0 ? reject(new Error('import worker ended without a result')) : resolve({ problem: tooComplex().toProblem() }))));
  });
}
