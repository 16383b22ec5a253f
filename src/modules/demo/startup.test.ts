import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { readSettings } from '../../config.js';
import { findAccountByCredentials, createAccount } from '../identity/index.js';
import { demoAccountExists, demoAccounts, demoPassword } from '../identity/index.js';
import { findSession, startSession } from '../identity/index.js';
import { importRecords } from '../imports/index.js';
import { isDemoDatabase, markDemoDatabase, prepareDemoAtStart } from './startup.js';

/*
 * Issue 8, finding 3: every start created admin@mosaik.example with the
 * published demo password, on real data too, and MOSAIK_DEMO=false left it
 * working. Demo accounts exist only on a database that holds the demo alone.
 */

let database: TestDatabase;
// created in a hook: a fresh PGlite with its migrations takes a while on a busy machine
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

/** A small stand-in for the demo lists (the full demo is loaded once, below). */
async function loadSmallDemo(db: TestDatabase['db']) {
  const outcome = await importRecords(db, 'organizations', [{ org_key: 'demo-1', name: 'Demo-Verein Kassel', district: 'Kassel' }], { source: 'demo', fileName: 'demo-organizations.json' });
  expect(outcome.stored).toBe(true);
}

async function signsIn(db: TestDatabase['db'], email: string) {
  return (await findAccountByCredentials(db, email, demoPassword)) !== null;
}

describe('the demo at start-up', () => {
  it('is on by default only for a development start on PGlite; production asks for it by name', () => {
    expect(readSettings({}).MOSAIK_DEMO).toBe(true); // `npm start` on a fresh machine
    expect(readSettings({ NODE_ENV: 'production', MOSAIK_BASE_URL: 'https://mosaik.example.org' }).MOSAIK_DEMO).toBe(false);
    expect(readSettings({ DATABASE_URL: 'postgres://mosaik@db.example/mosaik' }).MOSAIK_DEMO).toBe(false);
    expect(readSettings({ NODE_ENV: 'production', MOSAIK_BASE_URL: 'https://mosaik.example.org', MOSAIK_DEMO: 'true' }).MOSAIK_DEMO).toBe(true);
    expect(readSettings({ MOSAIK_DEMO: 'false' }).MOSAIK_DEMO).toBe(false);
  });

  it('creates no demo account when production starts on a database with real data', async () => {
    const db = database.db;
    await createAccount(db, { email: 'leitung@kompetenzzentrum.example', role: 'admin', password: 'ein langes echtes Passwort' });
    await importRecords(db, 'organizations', [{ org_key: 'v1', name: 'Afrika Forum Kassel', district: 'Kassel' }], { fileName: 'mitglieder.csv' });

    const production = readSettings({ NODE_ENV: 'production', MOSAIK_BASE_URL: 'https://mosaik.example.org', DATABASE_URL: 'postgres://mosaik@db.example/mosaik' });
    expect(await prepareDemoAtStart(db, { demo: production.MOSAIK_DEMO })).toEqual({ outcome: 'off', disabled: 0 });
    // asked for by name, the demo still stays off a database with real data
    expect(await prepareDemoAtStart(db, { demo: true })).toEqual({ outcome: 'refused', disabled: 0 });
    for (const account of demoAccounts) expect(await signsIn(db, account.email), account.email).toBe(false);
    expect(await db.selectFrom('account').select('email').execute()).toEqual([{ email: 'leitung@kompetenzzentrum.example' }]);
  });

  it('disables the demo accounts, and ends their sessions, when MOSAIK_DEMO=false', async () => {
    const db = database.db;
    expect((await prepareDemoAtStart(db, { demo: true, load: loadSmallDemo })).outcome).toBe('loaded');
    const admin = await db.selectFrom('account').select('id').where('email', '=', 'admin@mosaik.example').executeTakeFirstOrThrow();
    const session = await startSession(db, admin.id, 12);

    const off = await prepareDemoAtStart(db, { demo: readSettings({ MOSAIK_DEMO: 'false' }).MOSAIK_DEMO });
    expect(off).toEqual({ outcome: 'off', disabled: demoAccounts.length });
    for (const account of demoAccounts) expect(await signsIn(db, account.email), account.email).toBe(false);
    expect(await findSession(db, session)).toBeNull();
    expect(await demoAccountExists(db)).toBe(false); // the sign-in page lists them no more

    // switched on again, the (still pure) demo database gets its accounts back
    expect(await prepareDemoAtStart(db, { demo: true })).toEqual({ outcome: 'accounts', disabled: 0 });
    expect(await signsIn(db, 'admin@mosaik.example')).toBe(true);
  });

  it('disables the demo accounts once real data joins a demo database', async () => {
    const db = database.db;
    await prepareDemoAtStart(db, { demo: true, load: loadSmallDemo });
    expect(await isDemoDatabase(db)).toBe(true);
    await importRecords(db, 'events', [{ event_key: 'e1', title: 'Echtes Netzwerktreffen', format: 'regional_network_meeting', start_date: '2019-03-01' }], { fileName: 'veranstaltungen.csv' });

    expect(await isDemoDatabase(db)).toBe(false);
    expect(await prepareDemoAtStart(db, { demo: true })).toEqual({ outcome: 'refused', disabled: demoAccounts.length });
    expect(await signsIn(db, 'admin@mosaik.example')).toBe(false);
  });

  it('does not trust a database that was never marked as the demo, nor one with a real account', async () => {
    const db = database.db;
    await loadSmallDemo(db);
    expect(await isDemoDatabase(db)).toBe(false);
    await markDemoDatabase(db);
    expect(await isDemoDatabase(db)).toBe(true);
    await createAccount(db, { email: 'echt@kompetenzzentrum.example', role: 'staff' });
    expect(await isDemoDatabase(db)).toBe(false);
  });

  it('loads the demo and its accounts when a development start finds an empty database', async () => {
    const db = database.db;
    const logged: string[] = [];
    const result = await prepareDemoAtStart(db, { demo: readSettings({}).MOSAIK_DEMO, log: (message) => logged.push(message) });
    expect(result).toEqual({ outcome: 'loaded', disabled: 0 });
    expect(logged[0]).toBe('empty database: loading the demo dataset');
    // the events around today (./upcoming.ts): where to try registration and feedback
    expect(logged.slice(1)).toEqual([expect.stringMatching(/^demo: 6 upcoming events on \/calendar; online feedback of a recent event: \/f\/[a-z0-9]{6}$/)]);
    expect(await isDemoDatabase(db)).toBe(true);
    const organisations = await db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(organisations.n).toBeGreaterThan(100);
    for (const account of demoAccounts) expect(await signsIn(db, account.email), account.email).toBe(true);
    // the next start finds the demo database and keeps its accounts
    expect(await prepareDemoAtStart(db, { demo: true })).toEqual({ outcome: 'accounts', disabled: 0 });
  }, 300_000);
});
