import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { saveService } from './commands/save-service.js';
import { confirmByLink, markChecked, proposeByLink, reviewProposal, sendDueChecks } from './commands/checks.js';
import { confirmedService, serviceInput, staffActor } from './fixtures.test-support.js';
import { addMonths, berlinDay, freshnessOf } from './freshness.js';
import { searchServices } from './queries.js';

/*
 * The freshness rules of issue 12 with a fixed clock: an edit never touches
 * assured_date, a confirmation does; due entries get a mail with a one-time
 * link; overdue entries are marked and sorted last, then hidden.
 */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const assuredDateOf = async (id: string) => (await database.db.selectFrom('wegweiser_service').select('assured_date').where('id', '=', id).executeTakeFirstOrThrow()).assured_date;
const tokenOf = (text: string) => /\/wegweiser\/check\/([A-Za-z0-9_-]+)/.exec(text)![1];

describe('the re-check cycle', () => {
  it('counts months from the last confirmation: fresh, due, overdue after two months, hidden after six', () => {
    const service = { assured_date: '2025-08-31', recheck_months: 6 };
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(freshnessOf(service, '2026-02-27')).toBe('fresh');
    expect(freshnessOf(service, '2026-02-28')).toBe('due');
    expect(freshnessOf(service, '2026-04-28')).toBe('overdue');
    expect(freshnessOf(service, '2026-08-28')).toBe('hidden');
    expect(freshnessOf({ assured_date: null, recheck_months: 6 }, '2026-01-01')).toBe('unconfirmed');
  });

  it('takes the centre’s day in Berlin, whatever the machine’s time zone', () => {
    expect(berlinDay(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(berlinDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('does not move assured_date on an ordinary edit, but records every changed field', async () => {
    const id = await confirmedService(database.db, '2026-01-10');
    const outcome = await saveService(database.db, staffActor, serviceInput({ phone: '0641 999999', description: 'Neue Beschreibung.' }), { serviceId: id, now: new Date('2026-03-05T10:00:00Z') });
    expect(outcome).toMatchObject({ ok: true, changed: expect.arrayContaining(['phone', 'description']) });
    expect(await assuredDateOf(id)).toBe('2026-01-10');
    const history = await database.db.selectFrom('wegweiser_metadata').selectAll().where('resource_id', '=', id).where('field_name', '=', 'phone').where('last_action_type', '=', 'update').execute();
    expect(history).toEqual([expect.objectContaining({ previous_value: '0641 123456', replacement_value: '0641 999999', updated_by: staffActor.email, last_action_type: 'update' })]);
  });

  it('sets assured_date when staff say they checked', async () => {
    const id = await confirmedService(database.db, '2025-01-10');
    await markChecked(database.db, { id: null, email: 'pruefer@kompetenzzentrum.example' } as never, id, new Date('2026-03-05T10:00:00Z'));
    expect(await assuredDateOf(id)).toBe('2026-03-05');
  });

  it('mails a due entry’s assurer a link that confirms once, and says so when used twice or expired', async () => {
    const id = await confirmedService(database.db, '2025-08-01', { name: 'Antidiskriminierungsberatung Kassel', assurerEmail: 'pruefung.kassel@beispiel.example', areas: ['Kassel'], locations: [] });
    const now = new Date('2026-03-02T07:00:00Z');
    expect(await sendDueChecks(database.db, now, 'https://mosaik.example')).toBeGreaterThanOrEqual(1);
    const mail = await database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'pruefung.kassel@beispiel.example').executeTakeFirstOrThrow();
    expect(mail.kind).toBe('wegweiser.check');
    expect(mail.subject).toContain('Antidiskriminierungsberatung Kassel');
    expect(mail.text_body).toContain('— English —');
    // no second mail within the reminder interval
    await sendDueChecks(database.db, new Date('2026-03-03T07:00:00Z'), 'https://mosaik.example');
    expect(await database.db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'pruefung.kassel@beispiel.example').execute()).toHaveLength(1);

    const token = tokenOf(mail.text_body);
    expect(await confirmByLink(database.db, token, new Date('2026-03-04T08:00:00Z'))).toBe('open');
    expect(await assuredDateOf(id)).toBe('2026-03-04');
    expect(await confirmByLink(database.db, token, new Date('2026-03-04T08:05:00Z'))).toBe('used');
    expect(await confirmByLink(database.db, 'nicht-vorhanden-12345', now)).toBe('unknown');
    const confirmation = await database.db.selectFrom('wegweiser_metadata').selectAll().where('resource_id', '=', id).where('last_action_type', '=', 'confirm').execute();
    expect(confirmation).toEqual([expect.objectContaining({ field_name: 'assured_date', previous_value: '2025-08-01', replacement_value: '2026-03-04', updated_by: 'pruefung.kassel@beispiel.example' })]);
  });

  it('keeps a proposal for staff: assured_date moves only when they accept it', async () => {
    const id = await confirmedService(database.db, '2025-06-01', { name: 'Jugendmigrationsdienst Fulda', assurerEmail: 'jmd.fulda@beispiel.example', areas: ['Landkreis Fulda'], locations: [] });
    await sendDueChecks(database.db, new Date('2026-03-02T07:00:00Z'), 'https://mosaik.example');
    const mail = await database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'jmd.fulda@beispiel.example').executeTakeFirstOrThrow();
    expect(await proposeByLink(database.db, tokenOf(mail.text_body), { text: 'Neue Öffnungszeiten: Mo 10–14 Uhr' }, new Date('2026-03-03T08:00:00Z'))).toBe('open');
    expect(await assuredDateOf(id)).toBe('2025-06-01');
    const check = await database.db.selectFrom('wegweiser_check').selectAll().where('service_id', '=', id).executeTakeFirstOrThrow();
    expect(check).toMatchObject({ answer: 'proposed', proposal: { text: 'Neue Öffnungszeiten: Mo 10–14 Uhr' } });
    expect(await reviewProposal(database.db, { id: null, email: 'redaktion@kompetenzzentrum.example' } as never, check.id, true, new Date('2026-03-05T08:00:00Z'))).toBe(true);
    expect(await assuredDateOf(id)).toBe('2026-03-05');
  });

  it('refuses an expired link', async () => {
    await confirmedService(database.db, '2025-05-01', { name: 'Frauenberatung Wetzlar', assurerEmail: 'frauen.wetzlar@beispiel.example', areas: ['Lahn-Dill-Kreis'], locations: [] });
    await sendDueChecks(database.db, new Date('2026-01-02T07:00:00Z'), 'https://mosaik.example');
    const mail = await database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'frauen.wetzlar@beispiel.example').executeTakeFirstOrThrow();
    expect(await confirmByLink(database.db, tokenOf(mail.text_body), new Date('2026-03-02T07:00:00Z'))).toBe('expired');
  });

  it('marks overdue entries and sorts them last, then hides them from the public', async () => {
    const today = '2026-03-02';
    const fresh = await confirmedService(database.db, '2026-02-01', { name: 'Sprachkurse Hanau Mitte', areas: ['Main-Kinzig-Kreis'], locations: [], topics: ['bildung-sprache'] });
    const overdue = await confirmedService(database.db, '2025-06-15', { name: 'Sprachkurse Hanau Alt', areas: ['Main-Kinzig-Kreis'], locations: [], topics: ['bildung-sprache'] });
    const hidden = await confirmedService(database.db, '2025-01-15', { name: 'Sprachkurse Hanau Uralt', areas: ['Main-Kinzig-Kreis'], locations: [], topics: ['bildung-sprache'] });
    const hits = await searchServices(database.db, { district: 'Main-Kinzig-Kreis', page: 1, perPage: 20 }, { today, language: 'de' });
    expect(hits.map((hit) => hit.id)).toEqual([fresh, overdue]);
    expect(hits.map((hit) => hit.overdue)).toEqual([false, true]);
    expect(hits.map((hit) => hit.id)).not.toContain(hidden);
  });
});

describe('bad input', () => {
  it('names the field and stores nothing: no name, no status, coordinates outside Hessen, unknown postcode and topic', async () => {
    const before = await database.db.selectFrom('wegweiser_service').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const outcome = await saveService(database.db, staffActor, serviceInput({
      name: '', status: '', topics: ['gibt-es-nicht'],
      locations: [{ name: null, address_1: 'Irgendwo 1', postal_code: '99999', city: 'Nirgendwo', latitude: 52.52, longitude: 13.40, transportation: null, accessibility: null }],
    }), { now: new Date('2026-03-02T09:00:00Z') });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'name:nameMissing', 'status:statusMissing', 'topics:topicUnknown', 'postal_code:postcodeUnknown', 'latitude:coordinatesOutsideHessen',
    ]);
    const after = await database.db.selectFrom('wegweiser_service').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('keeps a coordinator to the districts of their own', async () => {
    const { createAccount } = await import('../identity/index.js');
    const account = await createAccount(database.db, { email: 'koordination.fulda@example.org', role: 'coordinator' });
    await database.db.insertInto('account_scope').values({ account_id: account.id, district: 'Landkreis Fulda' }).execute();
    const coordinator = { id: account.id, role: 'coordinator' as const, email: account.email };
    const outside = await saveService(database.db, coordinator, serviceInput({ areas: ['Kassel'], locations: [] }), { now: new Date('2026-03-02T09:00:00Z') });
    expect(!outside.ok && outside.problems).toEqual([{ field: 'areas', code: 'districtOutsideScope', parameters: { value: 'Kassel' } }]);
    const inside = await saveService(database.db, coordinator, serviceInput({ areas: ['Landkreis Fulda'], locations: [] }), { now: new Date('2026-03-02T09:00:00Z') });
    expect(inside.ok).toBe(true);
  });
});
