import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { organisation } from '../../../test/factories.js';
import { module } from './index.js';
import { mapModel } from './present.js';
import { releasedAssociations } from './queries.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('the demo portraits', () => {
  it('releases portraits of demo organisations with a postcode, once, and places them on the map', async () => {
    const db = database.db;
    const placed = await organisation(db, { name: 'Demo-Verein Gießen' });
    await organisation(db, { name: 'Demo-Verein ohne Postleitzahl' });
    await db.updateTable('organisation').set({ postcode: '35390', municipality: 'Gießen' }).where('id', '=', placed.id).execute();
    await module.loadDemo!(db, { today: '2026-12-02' });
    await module.loadDemo!(db, { today: '2026-12-02' });
    const released = await releasedAssociations(db);
    expect(released.map((association) => association.name)).toEqual(['Demo-Verein Gießen']);
    expect(mapModel(released, {}).places.map((place) => place.name)).toEqual(['Gießen']);
  });
});
