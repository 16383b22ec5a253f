import { parentPort, workerData } from 'node:worker_threads';
import { prepare, type PrepareInput } from './prepare.js';

/** Worker thread entry (off-thread.ts): one input in, one result out, then the thread ends. */
const result = await prepare(workerData as PrepareInput);
parentPort!.postMessage(result);
