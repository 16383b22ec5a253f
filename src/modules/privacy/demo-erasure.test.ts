import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { loadDemo } from '../demo/index.js';
import { normaliseName } from '../names/index.js';
import { computeImpactReport, type ReportPeriod } from '../reports/index.js';
import type { ImpactReport } from '../reports/index.js';
import { erasePerson } from './erasure.js';
import { eraseOrganisation, erasedOrganisationName } from './organisation-erasure.js';
import { whereTextOccurs } from './text-search.test-support.js';

/*
 * Issue 4: erasure of a person and of an organisation leaves the impact report
 * of the demo identical, for 2018–2020 and for the whole range, and the
 * erased names and addresses are gone from every column of the database.
 */

const periods: ReportPeriod[] = [
  { from: '2018-01-01', to: '2020-12-31' },
  { from: '2000-01-01', to: '2099-12-31' },
];

let database: TestDatabase;
let before: ImpactReport[];
let person: { id: number; name: string; email: string; organisationId: number; participations: number };
let organisation: { id: number; name: string; aliases: string[] };

const reports = () => Promise.all(periods.map((period) => computeImpactReport(database.db, period)));

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db);
  // the demo's most frequent named participant, given a person record with an address
  const { rows: [frequent] } = await sql<{ person_name: string; organisation_id: number; n: number }>`
    select person_name, organisation_id, count(*)::integer as n from participation
    where organisation_id is not null and person_name <> '' group by person_name, organisation_id order by n desc, person_name limit 1`.execute(database.db);
  const email = 'frequent.participant@example.org';
  await sql`update participation set email = ${email} where person_name = ${frequent.person_name} and organisation_id = ${frequent.organisation_id}`.execute(database.db);
  const created = await database.db.insertInto('person').values({ full_name: frequent.person_name, email }).returning('id').executeTakeFirstOrThrow();
  await database.db.insertInto('person_role').values({ person_id: created.id, organisation_id: frequent.organisation_id, role: 'member' }).execute();
  person = { id: created.id, name: frequent.person_name, email, organisationId: frequent.organisation_id, participations: frequent.n };
  // an organisation with participations, consultations and grants, whose name is no part of another's
  const { rows: candidates } = await sql<{ id: number; name: string }>`
    select o.id, o.name from organisation o
    where exists (select 1 from participation p where p.organisation_id = o.id)
      and exists (select 1 from consultation c where c.organisation_id = o.id)
      and exists (select 1 from grant_application g where g.organisation_id = o.id)
      and o.id <> ${person.organisationId}
      and not exists (select 1 from organisation other where other.id <> o.id and position(lower(o.name) in lower(other.name)) > 0)
    order by o.id limit 1`.execute(database.db);
  const aliases = await database.db.selectFrom('organisation_name').select('name').where('organisation_id', '=', candidates[0].id).execute();
  organisation = { ...candidates[0], aliases: aliases.map((alias) => alias.name) };
  before = await reports();
}, 180_000);
afterAll(async () => database?.close());

describe('erasure on the demo dataset', () => {
  it('picked a person with participations and an organisation with activity', () => {
    expect(person.participations).toBeGreaterThanOrEqual(2);
    expect(before[0].reach.person_participations).toBeGreaterThan(0);
    expect(organisation.name).not.toBe('');
  });

  it('erasing the person keeps every figure of the impact report', async () => {
    const outcome = await erasePerson(database.db, person.id, { actorId: null, reason: 'test' });
    expect(outcome!.counts.participation).toBe(person.participations);
    expect(await reports()).toEqual(before);
  });

  it('erasing the organisation keeps every figure of the impact report', async () => {
    expect(await eraseOrganisation(database.db, organisation.id, { actorId: null, reason: 'test' })).toBe(true);
    expect(await reports()).toEqual(before);
  });

  it('leaves no trace of the person’s address, nor of their name in their organisation', async () => {
    expect(await whereTextOccurs(database.db, person.email)).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*)::integer as n from participation
      where organisation_id = ${person.organisationId} and person_name = ${person.name}`.execute(database.db);
    expect(rows[0].n).toBe(0);
  });

  it('leaves no trace of the organisation’s name or aliases', async () => {
    for (const name of [organisation.name, ...organisation.aliases]) expect(await whereTextOccurs(database.db, name), name).toEqual([]);
    const row = await database.db.selectFrom('organisation').selectAll().where('id', '=', organisation.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: erasedOrganisationName(organisation.id), email: null, phone: null, website: null, notes: null, portrait: null, latitude: null, org_key: null });
    const names = await database.db.selectFrom('organisation_name').selectAll().where('organisation_id', '=', organisation.id).execute();
    expect(names).toEqual([{ organisation_id: organisation.id, name: erasedOrganisationName(organisation.id), normalised_name: normaliseName(erasedOrganisationName(organisation.id)), is_alias: false }]);
  });
});
