import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import type { Db } from '../../db/connection.js';
import { importRecords, type ImportKind } from '../imports/index.js';
import { findOrganisationIds } from './matching.js';
import { normaliseName } from '../names/index.js';
import { registeredModules } from '../registry.js';
import { confirmOrganisation, describeMerge, markDistinct, mergedTables, mergeOrganisations, ReviewError, reviewQueue } from './review.js';

const known = 'Deutsch-Türkischer Kulturverein Giessen Verein';
const variant = 'Deutsch Türkischer Kulturverein Gießen';

async function load(db: Db, kind: ImportKind, records: Record<string, string | number>[]) {
  const outcome = await importRecords(db, kind, records);
  expect(outcome.problems, JSON.stringify(outcome.problems)).toEqual([]);
  expect(outcome.stored).toBe(true);
  return outcome;
}

const idOf = async (db: Db, name: string) => (await findOrganisationIds(db, [normaliseName(name)])).get(normaliseName(name))!;

/** The centre's list knows the association; an attendance list and others write it differently. */
async function loadExample(db: Db) {
  await load(db, 'organizations', [
    { org_key: 'dtkv', name: known, municipality: 'Gießen' },
    { org_key: 'sfw', name: 'Sportfreunde Wetzlar' },
  ]);
  await load(db, 'events', [
    { event_key: 'ev-1', title: 'Netzwerktreffen', format: 'regional_network_meeting', start_date: '2019-03-01' },
    { event_key: 'ev-2', title: 'Schreibwerkstatt', format: 'writing_workshop', start_date: '2019-05-01' },
  ]);
  await load(db, 'participants', [
    { event_key: 'ev-1', organization: known, person: 'Ayşe Yılmaz' },
    { event_key: 'ev-1', organization: variant, person: 'Ayse Yilmaz', email: 'ayse@example.org' },
    { event_key: 'ev-2', organization: variant, person: 'Mehmet Demir' },
    { event_key: 'ev-2', organization: 'Sportfreunde Wetzlar', person: 'Jan Koch' },
  ]);
  await load(db, 'consultations', [
    { date: '2019-04-01', organization: known, channel: 'phone', topic: 'Antrag' },
    { date: '2019-04-01', organization: variant, channel: 'phone', topic: 'Antrag', duration_minutes: 30 },
    { date: '2019-06-01', organization: variant, channel: 'email', topic: 'Bericht' },
  ]);
  await load(db, 'grants', [
    { year: 2019, organization: known, application_type: 'new', status: 'approved' },
    { year: 2019, organization: variant, application_type: 'new', status: 'submitted', amount_eur: 5000 },
    { year: 2020, organization: variant, application_type: 'follow_up', status: 'approved' },
  ]);
  return { survivorId: await idOf(db, known), mergedId: await idOf(db, variant), otherId: await idOf(db, 'Sportfreunde Wetzlar') };
}

describe('the organisation review queue and merges', () => {
  let database: TestDatabase;
  let db: Db;
  let accountId: number;
  beforeEach(async () => {
    database = await createTestDatabase();
    db = database.db;
    ({ id: accountId } = await db.insertInto('account').values({ email: 'staff@example.org', role: 'staff', password_hash: null }).returning('id').executeTakeFirstOrThrow());
  });
  afterEach(async () => database?.close());

  it('lists a flagged organisation with its names, source, records and its likely duplicate', async () => {
    const { survivorId, mergedId } = await loadExample(db);
    const queue = await reviewQueue(db, { limit: 20, offset: 0 });
    expect(queue.total).toBe(1);
    const [item] = queue.items;
    expect(item).toMatchObject({ id: mergedId, name: variant, createdFrom: 'import', names: [{ name: variant, isAlias: false }] });
    expect(item.records).toEqual({ participations: 2, consultations: 2, grants: 2 });
    expect(item.duplicates.map((d) => d.id)).toEqual([survivorId]);
    expect(item.duplicates[0]).toMatchObject({ name: known, orgKey: 'dtkv', matchedName: known });
    expect(item.duplicates[0].similarity).toBeGreaterThan(0.7);
    expect(item.duplicates[0].similarity).toBeLessThan(1);
  });

  it('never suggests a pair again once staff have said it is two organisations', async () => {
    const { survivorId, mergedId } = await loadExample(db);
    await markDistinct(db, survivorId, mergedId, accountId);
    await markDistinct(db, mergedId, survivorId, accountId); // asked twice, stored once
    const [item] = (await reviewQueue(db, { limit: 20, offset: 0 })).items;
    expect(item.duplicates).toEqual([]);
    const pairs = await db.selectFrom('organisation_distinct_pair').selectAll().execute();
    expect(pairs).toMatchObject([{ organisation_id_low: Math.min(survivorId, mergedId), organisation_id_high: Math.max(survivorId, mergedId), decided_by: accountId }]);
    const audit = await db.selectFrom('audit_log').select(['action', 'account_id']).where('action', '=', 'organisation.distinct').execute();
    expect(audit).toHaveLength(2);
    await expect(markDistinct(db, mergedId, mergedId, accountId)).rejects.toThrow(ReviewError);
  });

  it('takes a confirmed organisation out of the queue', async () => {
    const { mergedId } = await loadExample(db);
    await confirmOrganisation(db, mergedId, accountId);
    expect(await reviewQueue(db, { limit: 20, offset: 0 })).toEqual({ total: 0, items: [] });
    const audit = await db.selectFrom('audit_log').select(['subject_id', 'account_id']).where('action', '=', 'organisation.confirm').execute();
    expect(audit).toEqual([{ subject_id: String(mergedId), account_id: accountId }]);
    await expect(confirmOrganisation(db, 999_999, accountId)).rejects.toThrow(/999999/);
  });

  it('pages through the queue with the total', async () => {
    await load(db, 'events', [{ event_key: 'ev-1', title: 'Treffen', format: 'other', start_date: '2019-03-01' }]);
    await load(db, 'participants', ['Verein A', 'Verein B', 'Verein C'].map((organization) => ({ event_key: 'ev-1', organization, person: organization })));
    const first = await reviewQueue(db, { limit: 2, offset: 0 });
    const second = await reviewQueue(db, { limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect([...first.items, ...second.items].map((item) => item.name)).toEqual(['Verein A', 'Verein B', 'Verein C']);
    // the three are alike: each lists the other two
    expect(first.items[0].duplicates.map((d) => d.name).sort()).toEqual(['Verein B', 'Verein C']);
  });

  it('merges: moves every record, keeps the names as aliases, and reports count the organisation once', async () => {
    const { survivorId, mergedId, otherId } = await loadExample(db);
    await markDistinct(db, mergedId, otherId, accountId);
    const countOrganisations = async () =>
      Number((await sql<{ n: number }>`select count(distinct organisation_id) as n from participation where organisation_id is not null`.execute(db)).rows[0].n);
    expect(await countOrganisations()).toBe(3);

    const preview = await describeMerge(db, { survivorId, mergedId });
    expect(preview.collisions).toEqual({ participations: 1, consultations: 1, grants: 1 });

    const outcome = await mergeOrganisations(db, { survivorId, mergedId, accountId });
    expect(outcome.moved).toMatchObject({ participation: 1, consultation: 1, grant_application: 1, organisation_name: 1, organisation_distinct_pair: 1 });
    expect(outcome.dropped).toMatchObject({ participation: 1, consultation: 1, grant_application: 1 });
    expect(outcome.droppedGrants).toEqual([
      { year: 2019, applicationType: 'new', droppedStatus: 'submitted', keptStatus: 'approved', droppedAmountEur: 5000, droppedApprovedOn: null },
    ]);

    expect(await countOrganisations()).toBe(2);
    expect(await db.selectFrom('organisation').select('id').where('id', '=', mergedId).execute()).toEqual([]);
    const participations = await db.selectFrom('participation').select(['person_name', 'email']).where('organisation_id', '=', survivorId).orderBy('person_name').execute();
    // the colliding row is dropped, its e-mail kept on the survivor's row
    expect(participations).toEqual([
      { person_name: 'Ayşe Yılmaz', email: 'ayse@example.org' },
      { person_name: 'Mehmet Demir', email: null },
    ]);
    const consultations = await db.selectFrom('consultation').select(['consulted_on', 'duration_minutes']).where('organisation_id', '=', survivorId).orderBy('consulted_on').execute();
    expect(consultations).toEqual([
      { consulted_on: '2019-04-01', duration_minutes: 30 },
      { consulted_on: '2019-06-01', duration_minutes: null },
    ]);
    const grants = await db.selectFrom('grant_application').select(['year', 'status']).where('organisation_id', '=', survivorId).orderBy('year').execute();
    expect(grants).toEqual([
      { year: 2019, status: 'approved' },
      { year: 2020, status: 'approved' },
    ]);
    const names = await db.selectFrom('organisation_name').select(['name', 'is_alias']).where('organisation_id', '=', survivorId).orderBy('is_alias').execute();
    expect(names).toEqual([
      { name: known, is_alias: false },
      { name: variant, is_alias: true },
    ]);
    // "variant is not Sportfreunde" is now said of the survivor
    expect(await db.selectFrom('organisation_distinct_pair').select(['organisation_id_low', 'organisation_id_high']).execute()).toEqual([
      { organisation_id_low: Math.min(survivorId, otherId), organisation_id_high: Math.max(survivorId, otherId) },
    ]);

    const [audit] = await db.selectFrom('audit_log').selectAll().where('action', '=', 'organisation.merge').execute();
    expect(audit).toMatchObject({ account_id: accountId, subject_type: 'organisation', subject_id: String(survivorId) });
    expect(audit.details).toMatchObject({ survivorId, mergedId, survivorName: known, mergedName: variant, names: [variant] });
    expect((audit.details as { droppedGrants: unknown[] }).droppedGrants).toHaveLength(1);

    // an old list with the old spelling now means the survivor: nothing new to review
    const again = await load(db, 'participants', [{ event_key: 'ev-2', organization: variant, person: 'Neue Person' }]);
    expect(again.newOrganisations).toEqual([]);
    expect(await idOf(db, variant)).toBe(survivorId);
    expect((await reviewQueue(db, { limit: 20, offset: 0 })).total).toBe(0);
  });

  it('fills the survivor’s empty fields, org_key included, from the merged organisation', async () => {
    const { survivorId: keyed } = await loadExample(db);
    await load(db, 'events', [{ event_key: 'ev-3', title: 'Treffen', format: 'other', start_date: '2019-03-01' }]);
    await load(db, 'participants', [{ event_key: 'ev-3', organization: 'DTKV Gießen', person: 'X' }]);
    const flagged = await idOf(db, 'DTKV Gießen');
    // merge the keyed organisation into the one without a key
    const outcome = await mergeOrganisations(db, { survivorId: flagged, mergedId: keyed, accountId });
    expect(outcome.filledFields).toEqual(expect.arrayContaining(['org_key', 'municipality']));
    const survivor = await db.selectFrom('organisation').select(['org_key', 'municipality', 'name']).where('id', '=', flagged).executeTakeFirstOrThrow();
    expect(survivor).toEqual({ org_key: 'dtkv', municipality: 'Gießen', name: 'DTKV Gießen' });
    expect(await idOf(db, known)).toBe(flagged);
  });

  it('refuses to merge an organisation into itself or with one that does not exist, and changes nothing', async () => {
    const { survivorId, mergedId } = await loadExample(db);
    const error = await mergeOrganisations(db, { survivorId, mergedId: survivorId, accountId }).catch((e) => e);
    expect(error).toBeInstanceOf(ReviewError);
    expect(error.text.de).toContain('nicht mit sich selbst');
    expect(error.text.en).toContain('cannot be merged into itself');
    const missing = await mergeOrganisations(db, { survivorId: 999_999, mergedId, accountId }).catch((e) => e);
    expect(missing).toBeInstanceOf(ReviewError);
    expect(missing.text.de).toContain('999999');
    expect(await db.selectFrom('participation').select('id').where('organisation_id', '=', mergedId).execute()).toHaveLength(2);
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'organisation.merge').execute()).toEqual([]);
  });

  it('lets only one of two opposite merges of the same pair happen, without a deadlock', async () => {
    const { survivorId, mergedId } = await loadExample(db);
    const results = await Promise.allSettled([
      mergeOrganisations(db, { survivorId, mergedId, accountId }),
      mergeOrganisations(db, { survivorId: mergedId, mergedId: survivorId, accountId }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [refused] = results.filter((result) => result.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'notFound' });
    expect(await db.selectFrom('organisation').select('id').where('id', 'in', [survivorId, mergedId]).execute()).toHaveLength(1);
  });

  it('moves the rows of every table that references organisation (read from the database, here or by the table\'s module)', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select source.relname as table_name, attribute.attname as column_name
      from pg_constraint constraint_
      join pg_class source on source.oid = constraint_.conrelid
      cross join lateral unnest(constraint_.conkey) as key (attnum)
      join pg_attribute attribute on attribute.attrelid = constraint_.conrelid and attribute.attnum = key.attnum
      where constraint_.contype = 'f' and constraint_.confrelid = 'organisation'::regclass`.execute(db);
    // this module moves its own tables (mergedTables); the other tables' modules move theirs (MosaikModule.mergeOrganisations)
    const movedByModules = new Set<string>();
    for (const module of registeredModules().filter((candidate) => candidate.mergeOrganisations)) {
      const face = (await import(/* @vite-ignore */ `../${module.name}/index.js`)) as { ownedTables?: readonly string[] };
      for (const table of face.ownedTables ?? []) movedByModules.add(table);
    }
    const unhandled = rows.filter((row) => !movedByModules.has(row.table_name)).map((row) => `${row.table_name}.${row.column_name}`).sort();
    const handled = mergedTables.map((entry) => `${entry.table}.${entry.column}`).sort();
    expect(handled, 'a table references organisation(id) that no merge moves (organisations/merge.ts, or its module\'s mergeOrganisations)').toEqual(unhandled);
  });

  it('keeps a representative’s scope and the registrations on the survivor, one place per person', async () => {
    const { survivorId, mergedId } = await loadExample(db);
    await db.insertInto('account_scope').values({ account_id: accountId, district: null, organisation_id: mergedId }).execute();
    const event = await db.selectFrom('event').select('id').where('event_key', '=', 'ev-1').executeTakeFirstOrThrow();
    await db.updateTable('event').set({ per_org_limit: 2 }).where('id', '=', event.id).execute();
    const register = async (organisationId: number, person: string, token: string) => {
      const group = await db
        .insertInto('registration_group')
        .values({ event_id: event.id, organisation_id: organisationId, contact_email: 'x@example.org', manage_token_hash: token })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('registration')
        .values({ event_id: event.id, group_id: group.id, organisation_id: organisationId, person_name: person, person_key: person.toLowerCase(), status: 'registered' })
        .execute();
    };
    await register(survivorId, 'Ayse', 'a');
    await register(survivorId, 'Jan', 'b');
    await register(mergedId, 'Ayse', 'c');
    await register(mergedId, 'Mehmet', 'd');
    const outcome = await mergeOrganisations(db, { survivorId, mergedId, accountId });
    expect(await db.selectFrom('account_scope').select('organisation_id').execute()).toEqual([{ organisation_id: survivorId }]);
    const registrations = await db.selectFrom('registration').select(['organisation_id', 'person_key', 'status', 'overridden']).orderBy('id').execute();
    expect(registrations).toEqual([
      { organisation_id: survivorId, person_key: 'ayse', status: 'registered', overridden: false },
      { organisation_id: survivorId, person_key: 'jan', status: 'registered', overridden: false },
      { organisation_id: survivorId, person_key: 'ayse', status: 'cancelled', overridden: false },
      // three seats for one organisation where two are allowed: given before the merge, kept
      { organisation_id: survivorId, person_key: 'mehmet', status: 'registered', overridden: true },
    ]);
    expect(outcome).toMatchObject({ registrationsOverridden: 1, dropped: { registration: 1 }, moved: { registration: 2, registration_group: 2 } });
    expect(await db.selectFrom('registration_status_change').select(['to_status', 'account_id']).execute()).toEqual([{ to_status: 'cancelled', account_id: accountId }]);
  });
});
