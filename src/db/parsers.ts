/*
 * Both engines return the same JavaScript values: counts (int8) and numerics as
 * numbers, dates ('YYYY-MM-DD') as strings. A date is a calendar day in the
 * domain (an event's date, a consultation's date), never an instant.
 * (Own module: the PGlite worker thread, src/db/pglite-worker.ts, needs them too.)
 */
export const parseCount = (value: string) => Number.parseInt(value, 10);
export const parseDecimal = (value: string) => Number.parseFloat(value);
export const keepText = (value: string) => value;
