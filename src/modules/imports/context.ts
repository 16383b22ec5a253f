import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/tables.js';
import { resolveOrganisationNames, type NameOccurrence } from '../organisations/index.js';
import type { Message, ProblemList } from './errors.js';
import type { ValidRow } from './validate.js';

/** What every kind's store function gets: the open transaction and the run's bookkeeping. */
export interface StoreContext {
  db: Kysely<Database>;
  /**
   * The preview: count what the import would create, update and leave alone,
   * and report every problem, without writing anything. The transaction is
   * read only, so a write that slipped through fails instead of being undone.
   */
  preview: boolean;
  problems: ProblemList;
  source: 'import' | 'demo';
  organisations: OrganisationTally;
}

export interface StoreCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Stores the valid rows of one kind (skipping and reporting rows the database refutes). */
export type StoreRows<T> = (rows: ValidRow<T>[], context: StoreContext) => Promise<StoreCounts>;

/** Resolves organisation names through matching.ts and keeps count for the outcome. */
export class OrganisationTally {
  readonly created: { name: string; normalisedName: string; lines: number[] }[] = [];
  matched = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly createdFrom: 'import' | 'demo',
    /** The preview resolves without creating: a new name gets a placeholder id below zero (matching.ts). */
    private readonly readOnly = false,
  ) {}

  /** Organisation id per normalised name. */
  async resolve(occurrences: NameOccurrence[]): Promise<Map<string, number>> {
    const resolution = await resolveOrganisationNames(this.db, occurrences, { createdFrom: this.createdFrom, readOnly: this.readOnly });
    this.matched += resolution.matchedOccurrences;
    for (const { name, normalisedName, lines } of resolution.created) this.created.push({ name, normalisedName, lines });
    return resolution.organisationIds;
  }
}

/** Rows per statement: large enough to be fast, small enough to keep statements modest. */
export const chunkSize = 5000;

/**
 * Lets the event loop serve other requests (security finding 8). On PGlite
 * every statement runs on this thread and its promise settles as a
 * microtask, so a loop of awaited statements alone never lets a request in;
 * a macrotask turn (setImmediate) does. Called between chunks and every
 * `rowsPerTurn` rows of the loops that write row by row.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export const rowsPerTurn = 200;

/** Awaits a turn of the event loop every `rowsPerTurn` calls. */
export function turnTaker(): () => Promise<void> | undefined {
  let count = 0;
  return () => {
    count += 1;
    return count % rowsPerTurn === 0 ? yieldToEventLoop() : undefined;
  };
}

/**
 * Runs an "insert … select from jsonb_to_recordset … on conflict … do update …
 * where (changed) returning (xmax = 0) as inserted" statement per chunk. Rows
 * the conflict clause leaves alone are not returned: they are unchanged.
 */
export async function upsertInChunks<T extends object>(
  db: Kysely<Database>,
  rows: T[],
  statement: (json: string) => RawBuilder<{ inserted: boolean }>,
): Promise<StoreCounts> {
  let created = 0;
  let updated = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    if (start > 0) await yieldToEventLoop();
    const { rows: returned } = await statement(JSON.stringify(rows.slice(start, start + chunkSize))).execute(db);
    for (const row of returned) {
      if (row.inserted) created += 1;
      else updated += 1;
    }
  }
  return { created, updated, unchanged: rows.length - created - updated };
}

/**
 * The preview's twin of upsertInChunks: a select per chunk that joins the
 * input to the table on the same key as the upsert's conflict clause and
 * counts the rows it would insert and those it would change.
 */
export async function countInChunks<T extends object>(
  db: Kysely<Database>,
  rows: T[],
  statement: (json: string) => RawBuilder<{ created: number | string; updated: number | string }>,
): Promise<StoreCounts> {
  let created = 0;
  let updated = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    if (start > 0) await yieldToEventLoop();
    const { rows: [counts] } = await statement(JSON.stringify(rows.slice(start, start + chunkSize))).execute(db);
    created += Number(counts.created);
    updated += Number(counts.updated);
  }
  return { created, updated, unchanged: rows.length - created - updated };
}

/** Text values as a subquery, one JSON parameter however many there are. */
export const jsonTexts = (values: Iterable<string>) => sql<string>`(select jsonb_array_elements_text(${JSON.stringify([...new Set(values)])}::jsonb))`;

export interface KnownEvent {
  id: number;
  event_key: string;
  format: Database['event']['format'];
  feedback_form_id: number | null;
}

/** The events the rows name, by key; one query. */
export async function findEvents(db: Kysely<Database>, keys: Iterable<string>): Promise<Map<string, KnownEvent>> {
  const { rows } = await sql<KnownEvent>`
    select id, event_key, format, feedback_form_id from event where event_key in ${jsonTexts(keys)}`.execute(db);
  return new Map(rows.map((row) => [row.event_key, row]));
}

/** Keeps the rows whose event exists; reports the others (spec: event_key "must exist"). */
export function rowsWithEvent<T extends { event_key: string }>(rows: ValidRow<T>[], events: Map<string, KnownEvent>, problems: ProblemList): ValidRow<T>[] {
  return rows.filter((row) => {
    if (events.has(row.value.event_key)) return true;
    problems.add(row.line, 'event_key', 'unknown_event', {
      de: `Eine Veranstaltung „${row.value.event_key}“ gibt es nicht. Prüfen Sie den Schlüssel oder legen Sie die Veranstaltung zuerst an (mosaik import events).`,
      en: `There is no event "${row.value.event_key}". Check the key or create the event first (mosaik import events).`,
    });
    return false;
  });
}

/**
 * Reports a row whose identity an earlier row of the same file already has;
 * returns true when the row is new. `detail` says what is the same and how to fix it.
 */
export function firstOccurrence(seen: Map<string, number>, identity: string, line: number, column: string | null, problems: ProblemList, detail: Message | (() => Message)): boolean {
  const first = seen.get(identity);
  if (first === undefined) {
    seen.set(identity, line);
    return true;
  }
  // a function builds the message only for the rare repeated row (attendance lists are long)
  const { de, en } = typeof detail === 'function' ? detail() : detail;
  problems.add(line, column, 'repeated_row', {
    de: `Diese Zeile wiederholt Zeile ${first}: ${de}`,
    en: `This line repeats line ${first}: ${en}`,
  });
  return false;
}
