import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { erasePerson, planPersonErasure } from './erasure.js';
import { buildExport } from './export.js';
import { personalTables } from './personal-data.js';
import { otherPerson, samples, seedPerson, testPerson, type Fixture } from './samples.test-support.js';
import { personSubject, erasedName } from './subject.js';
import { whereTextOccurs } from './text-search.test-support.js';

/*
 * Erasure of a person on the sample rows of every personal table: the name and
 * the address are gone from every column of the database (except where a
 * namesake in another organisation is a different person), rows that count
 * stay, other people stay untouched.
 */

let database: TestDatabase;
let fixture: Fixture;
const counts = async () => {
  const { rows } = await sql<{ participations: number; registrations: number; consultations: number }>`select
    (select count(*)::integer from participation) as participations,
    (select count(*)::integer from registration) as registrations,
    (select count(*)::integer from consultation) as consultations`.execute(database.db);
  return rows[0];
};

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await seedPerson(database.db);
  for (const entry of personalTables()) await (samples[entry.table] ?? entry.sample)?.(database.db, fixture);
});
afterAll(async () => database?.close());

describe('erasing a person (Art. 17)', () => {
  it('shows in a dry run what would change, and changes nothing', async () => {
    const before = await whereTextOccurs(database.db, testPerson.email);
    const plan = (await planPersonErasure(database.db, fixture.personId))!;
    expect(plan.name).toBe(testPerson.name);
    expect(plan.tables.find((table) => table.table === 'participation')).toMatchObject({ count: 1 });
    expect(plan.tables.map((table) => table.table)).toEqual(expect.arrayContaining(['person', 'consent', 'mail_outbox', 'consultation']));
    expect(await whereTextOccurs(database.db, testPerson.email)).toEqual(before);
  });

  it('anonymises the person everywhere in one go', async () => {
    const before = await counts();
    const outcome = (await erasePerson(database.db, fixture.personId, { actorId: null, reason: 'Antrag vom 1. 3.' }))!;
    expect(outcome.counts.participation).toBe(1);
    expect(await counts()).toEqual(before);
    expect(await whereTextOccurs(database.db, testPerson.email)).toEqual([]);
    expect(await whereTextOccurs(database.db, 'zeynep.kaya')).toEqual([]);
    // the namesake in another organisation is another person: only that one row keeps the name
    const namesakes = await database.db.selectFrom('participation').select(['organisation_id']).where('person_name', 'ilike', '%zeynep%').execute();
    expect(namesakes).toEqual([{ organisation_id: fixture.otherOrganisationId }]);
    expect(await whereTextOccurs(database.db, 'zeynep')).toEqual(['participation.person_key (1)', 'participation.person_name (1)']);
  });

  it('keeps the person row as a placeholder, removes roles and consents, disables the account', async () => {
    const person = await database.db.selectFrom('person').selectAll().where('id', '=', fixture.personId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ full_name: erasedName, email: null, phone: null, account_id: null });
    expect(person.erased_at).not.toBeNull();
    expect(await database.db.selectFrom('person_role').selectAll().where('person_id', '=', fixture.personId).execute()).toEqual([]);
    expect(await database.db.selectFrom('consent').selectAll().where('person_id', '=', fixture.personId).execute()).toEqual([]);
    const account = await database.db.selectFrom('account').selectAll().where('id', '=', fixture.accountId).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ email: `erased-${fixture.accountId}@invalid`, display_name: erasedName, password_hash: null });
    expect(account.disabled_at).not.toBeNull();
    expect(await database.db.selectFrom('session').selectAll().where('account_id', '=', fixture.accountId).execute()).toEqual([]);
  });

  it('keeps counted rows with a unique placeholder key', async () => {
    const rows = await database.db.selectFrom('participation').select(['id', 'person_name', 'person_key', 'email']).where('person_key', 'like', 'erased:%').execute();
    expect(rows).toEqual([{ id: rows[0].id, person_name: erasedName, person_key: `erased:${rows[0].id}`, email: null }]);
    const registration = await database.db.selectFrom('registration').selectAll().where('id', '=', fixture.registrationId).executeTakeFirstOrThrow();
    expect(registration).toMatchObject({ person_name: erasedName, person_key: `erased:${fixture.registrationId}`, status: 'registered' });
  });

  it('leaves the other person untouched', async () => {
    expect(await whereTextOccurs(database.db, otherPerson.email)).toEqual(['participation.email (1)', 'registration_group.contact_email (1)']);
    const consultation = await database.db.selectFrom('consultation').select(['persons']).executeTakeFirstOrThrow();
    expect(consultation.persons).toContain(otherPerson.name);
  });

  it('audits the erasure with counts and consent numbers only', async () => {
    const entry = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'person.erase').executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ reason: 'Antrag vom 1. 3.', consentsGiven: 1, consentsWithdrawn: 0 });
    expect(JSON.stringify(entry.details)).not.toMatch(/zeynep/i);
  });

  it('finds nothing more to export or erase afterwards', async () => {
    const subject = (await personSubject(database.db, fixture.personId))!;
    const after = await buildExport(database.db, subject);
    const left = after.tables.filter((table) => table.rows.length > 0 && !['person', 'audit_log'].includes(table.table)).map((table) => table.table);
    expect(left).toEqual([]);
  });
});
