import { LRUCache } from 'lru-cache';
import { sql, type Kysely } from 'kysely';
import type { Database } from './tables.js';

/**
 * Values computed once per change of the data, not once per request (issue
 * 16; docs/decisions.md, "Figures from a cache per data version"): the
 * impact report, the annex and the dashboard (src/modules/reports, which
 * calls this "the figures cache") and the public pages
 * (src/http/page-cache.tsx).
 *
 * The data version (060_data_version.sql, extended to nearly every table by
 * 250_data_version_everywhere.sql) grows with every committed write, by
 * triggers in the writing transaction. A value computed while the version
 * stayed the same is exactly the value of that version, so it is kept under
 * its key and handed out while the version is unchanged. What the key must
 * hold is everything else the result depends on: the period, the reader's
 * suppression threshold and feedback view, the language, the page — see the
 * callers.
 *
 * One cache per database handle (tests open many), bounded by size; keys of
 * an older version are replaced, not accumulated. Requests for the same key
 * and version while it is being computed wait for that one computation, so
 * fifty staff opening the dashboard after an import start it once.
 */

/** Folded into one row by a reader when the change log has this many rows. */
const compactAbove = 200;

/** The current data version: the sum of the change log (0 for a fresh database). */
export async function dataVersion(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ version: string | number; entries: number }>`
    select coalesce(sum(changes), 0)::bigint as version, count(*)::integer as entries from data_change`.execute(db);
  if (rows[0].entries > compactAbove) await sql`select data_version_compact()`.execute(db);
  return Number(rows[0].version);
}

interface Entry {
  version: number;
  value: unknown;
  size: number;
}

interface FiguresCache {
  entries: LRUCache<string, Entry>;
  running: Map<string, Promise<unknown>>;
}

/** About 64 MB of figures and rendered pages per server. */
const maxBytes = 64 * 2 ** 20;
const caches = new WeakMap<object, FiguresCache>();

function cacheOf(db: Kysely<Database>): FiguresCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: (entry) => Math.max(1, entry.size) }), running: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Runs a computation, or refuses it: the HTTP layer's cap on heavy work
 * (src/http/load.ts heavyWork). Only a computation passes the gate; a value
 * from the cache, or one another request is computing, is free.
 */
export type ComputationGate = <T>(work: () => Promise<T>) => Promise<T>;

export interface CacheOptions<T> {
  /** Approximate bytes the value holds (strings: their length × 2). */
  size?: (value: T) => number;
  /** Where a computation must queue up (none: computed at once). */
  gate?: ComputationGate;
}

/**
 * The value of `key` at the current data version: from the cache, or
 * computed (once, however many ask at the same time) and kept when the data
 * did not change while it was computed. The value is shared: callers must not
 * change it.
 */
export async function cachedFigures<T>(db: Kysely<Database>, key: string, compute: () => Promise<T>, options: CacheOptions<T> = {}): Promise<T> {
  const cache = cacheOf(db);
  const version = await dataVersion(db);
  const hit = cache.entries.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const runningKey = `${version}\u0000${key}`;
  const running = cache.running.get(runningKey);
  if (running) return running as Promise<T>;
  const computeAndKeep = async () => {
    const value = await compute();
    // Under read committed each statement of `compute` saw the data of its own
    // moment; if no write was committed meanwhile, all of them saw `version`.
    if ((await dataVersion(db)) === version) cache.entries.set(key, { version, value, size: options.size ? options.size(value) : 1024 });
    return value;
  };
  const computation = options.gate ? options.gate(computeAndKeep) : computeAndKeep();
  cache.running.set(runningKey, computation);
  try {
    return await computation;
  } finally {
    cache.running.delete(runningKey);
  }
}

/** Forgets every cached figure of a database (tests; never needed for correctness). */
export function clearFiguresCache(db: Kysely<Database>): void {
  caches.delete(db);
}

/** How many entries are cached (tests and the benchmark). */
export const cachedFigureCount = (db: Kysely<Database>) => caches.get(db)?.entries.size ?? 0;

/** Bytes of a string held in memory, for `size`. */
export const stringBytes = (text: string) => text.length * 2;
