import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../test/database.js';
import { migrate, migrationFiles } from './migrate.js';

describe(`database on ${testEngine}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('applies every migration once and knows it', async () => {
    const { rows } = await sql<{ name: string }>`select name from schema_migration order by name`.execute(database.db);
    expect(rows.map((row) => row.name)).toEqual(migrationFiles());
    expect(await migrate(database.db)).toEqual([]);
  });

  it('returns counts as numbers and dates as calendar days on both engines', async () => {
    const { rows } = await sql<{ count: number; day: string; amount: number }>`
      select count(*) as count, date '2019-06-01' as day, 12.50::numeric as amount`.execute(database.db);
    expect(rows[0]).toEqual({ count: 1, day: '2019-06-01', amount: 12.5 });
  });

  it('has trigram similarity for the review queue', async () => {
    const { rows } = await sql<{ s: number }>`select similarity('kulturverein giessen', 'kulturverein gießen') as s`.execute(database.db);
    expect(rows[0].s).toBeGreaterThan(0.5);
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('organisation').values({ name: 'Probe e.V.' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await sql<{ n: number }>`select count(*) as n from organisation`.execute(database.db);
    expect(rows[0].n).toBe(0);
  });
});
