/**
 * The figures cache is the data-version cache of src/db/data-version.ts: the
 * same mechanism keeps the public pages (src/http/page-cache.tsx). The
 * reports module keeps these names for its callers.
 */
export { cachedFigureCount, cachedFigures, clearFiguresCache, dataVersion, stringBytes, type CacheOptions, type ComputationGate } from '../../db/data-version.js';
