import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { testEngine } from '../../test/database.js';
import { PGliteBridge } from './pglite-bridge.js';

/*
 * The database off the server's thread (issue 16): on PGlite the statements run
 * in a worker thread (src/db/pglite-bridge.ts), on PostgreSQL in the server
 * process, so on both engines a long report statement leaves /health
 * answering. And the values and errors the app sees are the same as before the
 * thread boundary: Date, bytes, bigint, counts, and PostgreSQL's error fields.
 */

describe(`the database does not stop the server (${testEngine})`, () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => test?.close());

  it('answers /health while a long report statement runs', async () => {
    const started = performance.now();
    let reportDone: number | undefined;
    // a statement that keeps the database busy for 3 s, as a national-scale report does
    const report = sql`select pg_sleep(3) as slept`.execute(test.database.db).then(() => (reportDone = performance.now()));
    // let the statement reach the database first
    await new Promise((resolve) => setTimeout(resolve, 100));
    const asked = performance.now();
    const health = await test.app.inject({ method: 'GET', url: '/health' });
    const answered = performance.now();
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    // the answer came while the statement was still running (on PGlite in the
    // main thread it came only after the statement, seconds later); the only
    // timing bound is that one, generous on a busy machine
    expect(reportDone).toBeUndefined();
    expect(answered - asked).toBeLessThan(2900);
    await report;
    expect(reportDone! - started).toBeGreaterThanOrEqual(2900);
  });

  it('returns dates, bytes, big integers, counts and calendar days as before', async () => {
    const instant = new Date('2019-03-04T05:06:07.890Z');
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    const { rows } = await sql<{ at: Date; bytes: Uint8Array; big: string; n: number; day: string; nothing: null; list: number[]; doc: { a: number } }>`
      select ${instant}::timestamptz as at, ${bytes}::bytea as bytes, ${9007199254740993n}::int8::text as big,
             count(*) as n, date '2019-06-01' as day, null as nothing, array[1, 2]::int[] as list, '{"a": 1}'::jsonb as doc`.execute(test.database.db);
    expect(rows[0].at).toBeInstanceOf(Date);
    expect(rows[0].at.toISOString()).toBe(instant.toISOString());
    expect(Buffer.from(rows[0].bytes).equals(bytes)).toBe(true);
    expect(rows[0].big).toBe('9007199254740993');
    expect(rows[0]).toMatchObject({ n: 1, day: '2019-06-01', nothing: null, list: [1, 2], doc: { a: 1 } });
  });

  it("carries PostgreSQL's error fields across (code, constraint, detail)", async () => {
    const { db } = test.database;
    await db.insertInto('organisation').values({ org_key: 'doppelt-17', name: 'Doppelt e.V.' }).execute();
    const error = await db
      .insertInto('organisation')
      .values({ org_key: 'doppelt-17', name: 'Noch einmal e.V.' })
      .execute()
      .then(() => undefined, (caught: unknown) => caught as Error & { code?: string; constraint?: string; detail?: string });
    expect(error).toBeInstanceOf(Error);
    expect(error?.code).toBe('23505');
    expect(error?.constraint).toBe('organisation_org_key_key');
    expect(error?.detail).toContain('doppelt-17');
    // a syntax error, and the database answers normally afterwards
    await expect(sql`selec 1`.execute(db)).rejects.toMatchObject({ code: '42601' });
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows[0].one).toBe(1);
  });

  it('keeps concurrent transactions apart', async () => {
    const { db } = test.database;
    // two transactions at once: each sees only its own uncommitted row, and the
    // failed one leaves nothing behind
    const ok = db.transaction().execute(async (trx) => {
      await trx.insertInto('organisation').values({ name: 'Erste e.V.' }).execute();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (await trx.selectFrom('organisation').select('name').where('name', 'in', ['Erste e.V.', 'Zweite e.V.']).execute()).map((r) => r.name);
    });
    const failed = db.transaction().execute(async (trx) => {
      await trx.insertInto('organisation').values({ name: 'Zweite e.V.' }).execute();
      throw new Error('boom');
    });
    const [first, second] = await Promise.allSettled([ok, failed]);
    expect(first).toEqual({ status: 'fulfilled', value: ['Erste e.V.'] });
    expect(second).toMatchObject({ status: 'rejected', reason: { message: 'boom' } });
    const names = (await db.selectFrom('organisation').select('name').where('name', 'in', ['Erste e.V.', 'Zweite e.V.']).execute()).map((r) => r.name);
    expect(names).toEqual(['Erste e.V.']);
  });

  it('refuses to open a folder it cannot create, without taking the process down, and refuses statements once closed', async () => {
    // (the bridge itself, whichever engine the suite runs on)
    await expect(PGliteBridge.open({ dataDir: '/dev/null/mosaik' })).rejects.toBeInstanceOf(Error);
    const bridge = await PGliteBridge.open({ dataDir: 'memory://' });
    expect((await bridge.query('select 2 as two', [])).rows).toEqual([{ two: 2 }]);
    await bridge.close();
    await expect(bridge.query('select 1', [])).rejects.toThrow(/closed/);
  });
});
