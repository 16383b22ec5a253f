import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { accountRecords } from '../../../test/factories.js';
import { buildExport, exportOwnData, exportPerson, type PersonExport } from './export.js';
import { personalTables } from './personal-data.js';
import { otherPerson, samples, seedPerson, testPerson, type Fixture } from './samples.test-support.js';
import { personSubject } from './subject.js';

/*
 * The export contains every record that names the person: one sample row in
 * every personal table of the catalogue, and each must come back. A personal
 * table without a finder or a sample fails here.
 */

let database: TestDatabase;
let fixture: Fixture;
let result: PersonExport;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await seedPerson(database.db);
  for (const entry of personalTables()) await (samples[entry.table] ?? entry.sample)?.(database.db, fixture);
  result = (await exportPerson(database.db, fixture.personId, fixture.accountId, 'json'))!;
});
afterAll(async () => database?.close());

const tableOf = (table: string) => result.tables.find((entry) => entry.table === table)!;

describe('the export of a person (Art. 15, 20)', () => {
  it('has a sample row for every personal table of the catalogue', () => {
    const missing = personalTables().filter((entry) => !(entry.table in samples || entry.sample)).map((entry) => entry.table);
    expect(missing, 'add a sample row to src/modules/privacy/samples.test-support.ts, or `sample` to a module\'s catalogue entry').toEqual([]);
  });

  it('finds the person in every personal table', () => {
    const empty = result.tables.filter((table) => table.rows.length === 0).map((table) => table.table);
    expect(empty, 'personal tables whose finder missed the sample row').toEqual([]);
    expect(result.tables.map((table) => table.table)).toEqual(personalTables().map((entry) => entry.table));
  });

  it('matches by e-mail in any case and by normalised name within the person’s organisations', () => {
    const participations = tableOf('participation').rows;
    expect(participations).toHaveLength(1);
    expect(participations[0]).toMatchObject({ organisation_id: fixture.organisationId, email: testPerson.email });
    expect(tableOf('registration').rows).toEqual([expect.objectContaining({ id: fixture.registrationId, person_name: 'Zeynep Kaya Yildiz' })]);
    expect(tableOf('account').rows[0]).toMatchObject({ id: fixture.accountId, email: testPerson.email.toUpperCase() });
  });

  it('leaves out other people, namesakes in other organisations, and secrets', () => {
    const text = JSON.stringify(result);
    expect(text).not.toContain(otherPerson.email);
    expect(tableOf('participation').rows.some((row) => row.organisation_id === fixture.otherOrganisationId)).toBe(false);
    expect(tableOf('session').rows[0]).not.toHaveProperty('id');
    expect(tableOf('session').rows[0]).not.toHaveProperty('csrf_token');
    expect(tableOf('account').rows[0]).not.toHaveProperty('password_hash');
    expect(tableOf('registration_group').rows[0]).not.toHaveProperty('manage_token_hash');
  });

  it('carries the consent wording the person agreed to', () => {
    expect(tableOf('consent').rows[0]).toMatchObject({ purpose: 'contact', wording_version: '2026-01', text_de: expect.stringContaining('Kontaktdaten') });
  });

  it('is audited as person.export', async () => {
    const entries = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'person.export').execute();
    expect(entries).toEqual([expect.objectContaining({ account_id: fixture.accountId, subject_type: 'person', subject_id: String(fixture.personId) })]);
  });

  it('gives an account its own data through the person linked to it', async () => {
    const own = (await exportOwnData(database.db, fixture.accountId, 'json'))!;
    expect(own.subject.personId).toBe(fixture.personId);
    expect(own.tables.find((table) => table.table === 'participation')!.rows).toHaveLength(1);
  });

  it('gives an account without a person record its account rows', async () => {
    const [{ id: staff }] = await accountRecords(database.db, [{ email: 'staff@example.org', role: 'staff', displayName: 'Sam Staff' }]);
    const own = (await exportOwnData(database.db, staff, 'page'))!;
    expect(own.subject).toMatchObject({ personId: null, accountId: staff, emails: ['staff@example.org'] });
    expect(own.tables.find((table) => table.table === 'account')!.rows).toEqual([expect.objectContaining({ id: staff })]);
    expect(own.tables.find((table) => table.table === 'person')!.rows).toEqual([]);
  });

  it('changes nothing while building', async () => {
    const subject = (await personSubject(database.db, fixture.personId))!;
    const again = await buildExport(database.db, subject, new Date(result.generatedAt));
    const withoutAudit = (value: PersonExport) => value.tables.filter((table) => table.table !== 'audit_log');
    expect(withoutAudit(again)).toEqual(withoutAudit(result));
  });
});

describe('secret links in the export', () => {
  it('redacts a live set-password or manage link in a mail text', async () => {
    const token = 'Zq3xLiveToken0123456789abcdefGHIJ';
    await database.db
      .insertInto('mail_outbox')
      .values({ kind: 'account.password_reset', to_address: testPerson.email, subject: 'Passwort', text_body: `Link: https://m.example/set-password?token=${token}\nVerwalten: https://m.example/registrations/${token}` })
      .execute();
    const subject = (await personSubject(database.db, fixture.personId))!;
    const exported = await buildExport(database.db, subject);
    const text = JSON.stringify(exported);
    expect(text).not.toContain(token);
    expect(exported.tables.find((table) => table.table === 'mail_outbox')!.rows.some((row) => String(row.text_body).includes('set-password?token=[entfernt / removed]'))).toBe(true);
  });
});
