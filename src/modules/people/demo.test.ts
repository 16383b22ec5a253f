import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { loadDemoPeople } from '../demo/index.js';
import { importRecords } from '../imports/index.js';
import { consentsOfPerson, rolesOfPerson } from './queries.js';

describe('the demo persons', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importRecords(
      database.db,
      'organizations',
      Array.from({ length: 35 }, (_, index) => ({ org_key: `o${index}`, name: `Demoverein Nummer ${index + 1}` })),
    );
  });
  afterAll(async () => database?.close());

  it('gives thirty organisations a few dozen persons with roles and consents in force on valid wordings', async () => {
    const created = await loadDemoPeople(database.db);
    expect(created).toBeGreaterThanOrEqual(30);
    expect(created).toBeLessThanOrEqual(90);
    const persons = await database.db.selectFrom('person').select('id').execute();
    expect(persons).toHaveLength(created);
    const withRoles = await database.db.selectFrom('person_role').select('organisation_id').distinct().execute();
    expect(withRoles).toHaveLength(30);
    const consents = (await Promise.all(persons.map((person) => consentsOfPerson(database.db, person.id, '2026-11-01')))).flat();
    expect(consents.length).toBeGreaterThan(created / 2);
    expect(consents.every((consent) => consent.givenOn >= '2026-01-01')).toBe(true);
    expect(consents.some((consent) => consent.withdrawnOn !== null && !consent.active)).toBe(true);
    expect((await rolesOfPerson(database.db, persons[0].id))[0]).toMatchObject({ role: 'contact', active: true });
  });
});
