import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/connection.js';
import { resolveOrganisationNames } from '../src/modules/organisations/index.js';
import { RegistrationError } from '../src/modules/registrations/index.js';
import { registerForEvent, type RegistrationRequest } from '../src/modules/registrations/index.js';
import type { BenchDatabase } from './engines.js';
import { Random } from './random.js';
import { seatHoldingSql } from '../src/modules/registrations/index.js';

/**
 * Issue 3: registrations per second under concurrent clients, with capacity
 * and the per-organisation limit enforced. Each request goes through
 * registerForEvent exactly as the public form does (organisation by name,
 * resolved outside the lock; event locked; seats allocated; status history and
 * the confirmation or waitlist mail written in the same transaction).
 * Afterwards plain SQL checks that no limit was exceeded and that every
 * successful request is in the database exactly once.
 */

export interface RegistrationBenchOptions {
  clients: number;
  requests: number;
  events: number;
  capacity: number;
  perOrganisationLimit: number;
  organisations: number;
  /** PostgreSQL connections; PGlite has one. */
  poolSize: number;
  seed: number;
}

export const defaultRegistrationOptions: RegistrationBenchOptions = {
  clients: 100,
  requests: 5_000,
  events: 50,
  capacity: 40,
  perOrganisationLimit: 3,
  organisations: 2_000,
  poolSize: 20,
  seed: 20240901,
};

export interface RegistrationTiming {
  options: RegistrationBenchOptions;
  /** Connections the requests shared (1 on PGlite: every transaction waits for the one before). */
  connections: number;
  requests: number;
  succeeded: number;
  failed: Record<string, number>;
  persons: number;
  seconds: number;
  requestsPerSecond: number;
  personsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  statuses: Record<string, number>;
  checks: RegistrationChecks;
}

export interface RegistrationChecks {
  /** Events holding more seats than their capacity (must be 0). */
  eventsOverCapacity: number;
  /** (event, organisation) pairs above the per-organisation limit (must be 0). */
  organisationsOverLimit: number;
  /** Registration rows in the database vs. persons in successful responses. */
  rows: number;
  personsReported: number;
  /** Ids returned to the clients that are missing from the database, and rows no client was told about. */
  lost: number;
  unreported: number;
  /** A person (event, organisation, name) more than once. */
  doubled: number;
  /** One confirmation or waitlist mail per successful request. */
  mails: number;
  /** One status change (null → registered/waitlisted) per row. */
  statusChanges: number;
  /** Events where someone waits although a seat is free and their organisation is under its limit. */
  waitingDespiteFreeSeat: number;
  pass: boolean;
}

interface PlannedRequest {
  eventId: number;
  organisationName: string | null;
  names: string[];
}

export async function timeRegistrations(database: BenchDatabase, options: RegistrationBenchOptions): Promise<RegistrationTiming> {
  const handle: DatabaseHandle =
    database.engine === 'postgres' ? await openDatabase({ databaseUrl: database.location, poolSize: options.poolSize }) : await database.open();
  try {
    const { db } = handle;
    const random = new Random(options.seed);
    const organisationNames = Array.from({ length: options.organisations }, (_, i) => `Bench-Verein ${i + 1} e.V.`);
    await resolveOrganisationNames(db, organisationNames.map((name, line) => ({ name, line })), { createdFrom: 'import' });
    const events = await db
      .insertInto('event')
      .values(
        Array.from({ length: options.events }, (_, i) => ({
          event_key: `REG-BENCH-${i + 1}`,
          title: `Netzwerktreffen ${i + 1}`,
          format: 'regional_network_meeting' as const,
          start_date: '2030-06-01',
          municipality: null,
          district: null,
          feedback_form_id: null,
          capacity: options.capacity,
          per_org_limit: options.perOrganisationLimit,
        })),
      )
      .returning('id')
      .execute();
    // 70 % register one person, 20 % two, 10 % three; one in ten for no organisation
    const plan = (index: number): PlannedRequest => {
      const size = random.chance(0.7) ? 1 : random.chance(2 / 3) ? 2 : 3;
      return {
        eventId: random.pick(events).id,
        organisationName: random.chance(0.1) ? null : random.pick(organisationNames),
        names: Array.from({ length: size }, (_, person) => `Person ${index}-${person + 1}`),
      };
    };
    const warmUp = Math.min(options.clients, options.requests);
    const planned = Array.from({ length: warmUp + options.requests }, (_, index) => plan(index));
    const register = (request: PlannedRequest) => {
      const body: RegistrationRequest = {
        eventId: request.eventId,
        organisationName: request.organisationName,
        contactEmail: 'kontakt@verein.example',
        language: 'de',
        persons: request.names.map((name) => ({ name })),
      };
      return registerForEvent(db, body, { baseUrl: 'https://mosaik.example' });
    };

    const reported = new Map<number, string>();
    const failed: Record<string, number> = {};
    const latencies: number[] = [];
    let succeeded = 0;
    let persons = 0;
    // a pool opens its connections lazily: one round of requests before the clock starts
    await runClients(options.clients, planned.slice(0, warmUp), async (request) => record(await settle(() => register(request))));
    const timed = planned.slice(warmUp);
    const started = performance.now();
    await runClients(options.clients, timed, async (request) => {
      const requestStarted = performance.now();
      const result = await settle(() => register(request));
      latencies.push(performance.now() - requestStarted);
      if (result.ok) {
        succeeded++;
        persons += result.outcome.persons.length;
      }
      record(result);
    });
    const seconds = (performance.now() - started) / 1000;

    function record(result: Awaited<ReturnType<typeof settle<Awaited<ReturnType<typeof register>>>>>) {
      if (!result.ok) {
        failed[result.code] = (failed[result.code] ?? 0) + 1;
        return;
      }
      for (const person of result.outcome.persons) reported.set(person.id, person.status);
    }

    const checks = await checkInvariants(handle, reported, planned.length - Object.values(failed).reduce((sum, n) => sum + n, 0));
    const { rows: statusRows } = await sql<{ status: string; n: number }>`select status, count(*)::int as n from registration group by status order by status`.execute(db);
    latencies.sort((a, b) => a - b);
    const at = (fraction: number) => latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))] ?? 0;
    return {
      options,
      connections: database.engine === 'postgres' ? options.poolSize : 1,
      requests: timed.length,
      succeeded,
      failed,
      persons,
      seconds,
      requestsPerSecond: succeeded / seconds,
      personsPerSecond: persons / seconds,
      latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: latencies.at(-1) ?? 0 },
      statuses: Object.fromEntries(statusRows.map((row) => [row.status, row.n])),
      checks,
    };
  } finally {
    await handle.close();
    // pool.end() does not wait for the connections to go; the database is dropped "with (force)" next
    if (database.engine === 'postgres') await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `clients` loops taking the next request until none is left: at most `clients` requests in flight. */
async function runClients<T>(clients: number, items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const client = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(clients, items.length) }, client));
}

async function settle<T>(work: () => Promise<T>): Promise<{ ok: true; outcome: T } | { ok: false; code: string }> {
  try {
    return { ok: true, outcome: await work() };
  } catch (error) {
    const code = error instanceof RegistrationError ? error.code : error instanceof Error ? error.message.split(/[:\n]/)[0] : String(error);
    return { ok: false, code };
  }
}

async function checkInvariants(handle: DatabaseHandle, reported: Map<number, string>, successfulRequests: number): Promise<RegistrationChecks> {
  const { db } = handle;
  const one = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(db)).rows[0].n;
  const seat = sql`in ${seatHoldingSql}`;
  const eventsOverCapacity = await one(sql<{ n: number }>`
    select count(*)::int as n from event e
    where e.capacity < (select count(*) from registration r where r.event_id = e.id and r.status ${seat})`);
  const organisationsOverLimit = await one(sql<{ n: number }>`
    select count(*)::int as n from (
      select r.event_id, r.organisation_id, count(*) as seats from registration r
      where r.organisation_id is not null and r.status ${seat} group by 1, 2) held
    join event e on e.id = held.event_id where held.seats > e.per_org_limit`);
  const { rows: ids } = await sql<{ id: number; status: string }>`select id, status from registration`.execute(db);
  const stored = new Map(ids.map((row) => [row.id, row.status]));
  const lost = [...reported.keys()].filter((id) => !stored.has(id)).length;
  const unreported = [...stored.keys()].filter((id) => !reported.has(id)).length;
  const doubled = await one(sql<{ n: number }>`
    select count(*)::int as n from (
      select 1 from registration group by event_id, organisation_id, person_key having count(*) > 1) twice`);
  const mails = await one(sql<{ n: number }>`select count(*)::int as n from mail_outbox where kind in ('registration.confirmation', 'registration.waitlist')`);
  const statusChanges = await one(sql<{ n: number }>`select count(*)::int as n from registration_status_change where from_status is null`);
  const waitingDespiteFreeSeat = await one(sql<{ n: number }>`
    select count(distinct w.event_id)::int as n from registration w join event e on e.id = w.event_id
    where w.status = 'waitlisted'
      and (select count(*) from registration r where r.event_id = e.id and r.status ${seat}) < e.capacity
      and (w.organisation_id is null or (select count(*) from registration r
             where r.event_id = e.id and r.organisation_id = w.organisation_id and r.status ${seat}) < e.per_org_limit)`);
  const checks = {
    eventsOverCapacity,
    organisationsOverLimit,
    rows: stored.size,
    personsReported: reported.size,
    lost,
    unreported,
    doubled,
    mails,
    statusChanges,
    waitingDespiteFreeSeat,
  };
  const pass =
    eventsOverCapacity === 0 &&
    organisationsOverLimit === 0 &&
    lost === 0 &&
    unreported === 0 &&
    doubled === 0 &&
    stored.size === reported.size &&
    mails === successfulRequests &&
    statusChanges === stored.size &&
    waitingDespiteFreeSeat === 0;
  return { ...checks, pass };
}
