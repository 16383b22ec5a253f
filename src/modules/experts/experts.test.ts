import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { accountRecords, event, organisation } from '../../../test/factories.js';
import { addOutcome, bookExpert } from './commands/forums.js';
import { addAbsence, createExpert, deletePastAbsences, updateExpert, withdrawConsent } from './commands/pool.js';
import { readAbsence, readBooking, readExpert, readOutcome, type ExpertValues } from './form.js';
import { forumById, proposalsFor, staffOfForum } from './forum-queries.js';
import { enterPaperForm, assignDefaultForm } from '../feedback/index.js';
import { eventsOfExpert, expertPickList, listExperts, pickableExpert } from './queries.js';
import { module } from './index.js';

/**
 * The pool's rules without HTTP, on fixed days: nobody enters without a
 * recorded consent; a withdrawal takes the person out of the pool, every pick
 * list and every proposal at once and cancels their coming bookings; the
 * proposals for a forum rank by topic, language and district and put the
 * busy last; a second booking on the same day is refused; a next step needs
 * an owner and a day. Nothing here reads the clock.
 */

let database: TestDatabase;
let db: TestDatabase['db'];
let staffId: number;
let association: { id: number; name: string };

const values = (overrides: Partial<ExpertValues> = {}): ExpertValues => ({
  kind: 'moderator', full_name: 'Aylin Demir', organisation_id: null, person_id: null, topics: ['moderation'], languages: ['de', 'tr'], districts: ['Kassel'],
  fee_note: '600 € je Forum', email: 'aylin@example.org', phone: null, notes: '', consent_given_on: '2030-01-10', consent_wording_version: 'pool-2030-1', consent_source: 'form',
  ...overrides,
});
async function expert(overrides: Partial<ExpertValues> = {}) {
  const created = await createExpert(db, staffId, values(overrides));
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.value;
}
const forum = async (startDate: string, district = 'Kassel') => (await forumById(db, (await event(db, { format: 'dialogue_forum', startDate, district })).id))!;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  staffId = (await accountRecords(db, [{ role: 'staff' }]))[0]!.id;
  association = await organisation(db, { name: 'Türkischer Elternverein Kassel', district: 'Kassel' });
}, 180_000);
afterAll(async () => database?.close());
beforeEach(async () => {
  await db.deleteFrom('expert').execute();
  await db.deleteFrom('event').where('format', '=', 'dialogue_forum').execute();
});

describe('the pool form', () => {
  const form = { kind: 'adviser', full_name: ' Selin Yılmaz ', topics: ['tax_minijob', 'nonsense'], languages: 'tr', districts: '', consent_given_on: '01.02.2030', consent_wording_version: 'pool-2030-1', consent_source: 'paper' };

  it('reads a complete entry, dropping unknown topics and typed German dates', () => {
    const parsed = readExpert(form);
    expect(parsed.ok && parsed.value).toMatchObject({ full_name: 'Selin Yılmaz', topics: ['tax_minijob'], languages: ['tr'], districts: [], consent_given_on: '2030-02-01', email: null });
  });

  it('refuses an entry without a recorded consent, naming the field', () => {
    const parsed = readExpert({ ...form, consent_given_on: '' });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toContainEqual({ field: 'consent_given_on', code: 'consentMissing' });
  });

  it('names every missing part of an association expert at once', () => {
    const parsed = readExpert({ ...form, kind: 'association_expert', topics: [], languages: [], email: 'no-address', consent_source: 'fax' });
    expect(!parsed.ok && parsed.errors.map((error) => error.field).sort()).toEqual(['consent_source', 'email', 'languages', 'organisation_id', 'topics']);
  });

  it('reads bookings and outcomes: a next step needs an owner and a day', () => {
    expect(readBooking({ expert_id: '12', role: 'moderator' })).toEqual({ ok: true, value: { expert_id: 12, role: 'moderator' } });
    expect(readBooking({ expert_id: '', role: 'boss' })).toMatchObject({ ok: false, errors: [{ field: 'expert_id', code: 'choice' }, { field: 'role', code: 'role' }] });
    expect(readOutcome({ kind: 'next_step', text: 'Raumliste schicken' })).toMatchObject({ ok: false, errors: [{ field: 'owner', code: 'ownerMissing' }, { field: 'due_on', code: 'dueMissing' }] });
    expect(readOutcome({ kind: 'agreement', text: 'Zweimal im Jahr', owner: 'x', due_on: '' })).toMatchObject({ ok: true, value: { kind: 'agreement', text: 'Zweimal im Jahr' } });
  });
});

describe('keeping the pool', () => {
  it('refuses links to an organisation or person that does not exist, and stores nothing', async () => {
    const created = await createExpert(db, staffId, values({ organisation_id: 999_999 }));
    expect(created).toEqual({ ok: false, errors: [{ field: 'organisation_id', code: 'choice' }] });
    expect(await db.selectFrom('expert').select('id').execute()).toEqual([]);
  });

  it('lists by kind, topic, language and district; a coordinator sees the entries of their districts and of all Hessen', async () => {
    await expert();
    await expert({ full_name: 'Karim Haddad', languages: ['ar'], districts: ['Kassel', 'Gießen'] });
    await expert({ kind: 'association_expert', full_name: 'Fatma Öztürk', organisation_id: association.id, topics: ['youth'], districts: [] });
    const names = async (filter: Parameters<typeof listExperts>[1]) => (await listExperts(db, filter)).map((row) => row.full_name);
    expect(await names({ districts: null })).toEqual(['Aylin Demir', 'Fatma Öztürk', 'Karim Haddad']);
    expect(await names({ districts: null, language: 'ar' })).toEqual(['Karim Haddad']);
    expect(await names({ districts: null, topic: 'youth' })).toEqual(['Fatma Öztürk']);
    expect(await names({ districts: null, kind: 'moderator', district: 'Gießen' })).toEqual(['Karim Haddad']);
    expect(await names({ districts: ['Gießen'] })).toEqual(['Fatma Öztürk', 'Karim Haddad']);
    expect(await names({ districts: null, q: 'elternverein' })).toEqual(['Fatma Öztürk']);
  });

  it('takes a withdrawn person out of the pool, the pick list and the proposals at once, cancels coming bookings and keeps past ones', async () => {
    const id = await expert();
    const past = await forum('2030-03-01');
    const coming = await forum('2030-06-01');
    expect(await bookExpert(db, staffId, past, id, 'moderator')).toEqual({ ok: true });
    expect(await bookExpert(db, staffId, coming, id, 'moderator')).toEqual({ ok: true });
    expect(await withdrawConsent(db, staffId, id, '2030-04-15')).toEqual({ removedBookings: 1 });

    expect(await listExperts(db, { districts: null })).toEqual([]);
    expect(await expertPickList(db)).toEqual([]);
    expect(await pickableExpert(db, id)).toBeUndefined();
    expect(await proposalsFor(db, await forum('2030-07-01'), {})).toEqual([]);
    // history: the past forum still names who moderated it, marked as withdrawn
    expect((await staffOfForum(db, past.id)).map((row) => [row.full_name, row.consent_withdrawn_on])).toEqual([['Aylin Demir', '2030-04-15']]);
    expect(await staffOfForum(db, coming.id)).toEqual([]);
    // what only the pool needed is gone
    expect(await db.selectFrom('expert').select(['email', 'fee_note', 'topics']).where('id', '=', id).executeTakeFirst()).toEqual({ email: null, fee_note: '', topics: [] });
    // a consultation that already referred to them keeps them in its own pick list, marked
    expect(await expertPickList(db, id)).toEqual([{ id, label: 'Aylin Demir', kind: 'moderator', inPool: false }]);
    // twice is harmless; a withdrawn entry cannot be edited back in; a new booking is refused
    expect(await withdrawConsent(db, staffId, id, '2030-05-01')).toEqual({ removedBookings: 0 });
    expect(await updateExpert(db, staffId, id, values())).toEqual({ ok: false, errors: [{ field: 'form', code: 'withdrawn' }] });
    expect(await bookExpert(db, staffId, coming, id, 'moderator')).toEqual({ ok: false, errors: [{ field: 'expert_id', code: 'notInPool' }] });
    const audit = await db.selectFrom('audit_log').select('action').where('subject_type', '=', 'expert').where('subject_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((row) => row.action)).toEqual(['expert.create', 'expert.consent_withdrawn']);
  });
});

describe('staffing a dialogue forum', () => {
  it('proposes the best fit first by topic, language and district, and puts those busy that day last', async () => {
    const local = await expert({ full_name: 'Anna Lokal', topics: ['moderation'], languages: ['de'], districts: ['Kassel'] });
    const turkish = await expert({ full_name: 'Berk Türkisch', topics: ['moderation'], languages: ['tr'], districts: [] });
    const busy = await expert({ full_name: 'Cem Beschäftigt', topics: ['moderation'], languages: ['tr'], districts: ['Kassel'] });
    await expert({ full_name: 'Dora Anderswo', districts: ['Darmstadt'] });
    const day = '2030-05-04';
    const other = await forum(day, 'Kassel');
    expect(await bookExpert(db, staffId, other, busy, 'moderator')).toEqual({ ok: true });
    const proposals = await proposalsFor(db, await forum(day), { topic: 'moderation', language: 'tr' });
    expect(proposals.map((row) => [row.id, row.score, row.busy_with])).toEqual([
      [local, 3, null], // topic 2 + the forum's district 1 (equal scores: by name)
      [turkish, 3, null], // topic 2 + language 1
      [busy, 4, other.title],
    ]);
  });

  it('refuses a second booking on the same day, naming the other event, and books a double submit once', async () => {
    const id = await expert();
    const first = await forum('2030-05-04');
    const second = await forum('2030-05-04');
    expect(await bookExpert(db, staffId, first, id, 'moderator')).toEqual({ ok: true });
    expect(await bookExpert(db, staffId, first, id, 'moderator')).toEqual({ ok: true });
    expect(await bookExpert(db, staffId, second, id, 'moderator')).toEqual({ ok: false, errors: [{ field: 'expert_id', code: 'busy' }], busyWith: first.title });
    expect(await db.selectFrom('expert_event').select(['event_id']).where('expert_id', '=', id).execute()).toEqual([{ event_id: first.id }]);
  });

  it('takes each kind in its own role: only moderators moderate, association experts are experts', async () => {
    const moderator = await expert();
    const fromAssociation = await expert({ kind: 'association_expert', full_name: 'Fatma Öztürk', organisation_id: association.id });
    const day = await forum('2030-05-04');
    expect(await bookExpert(db, staffId, day, fromAssociation, 'moderator')).toEqual({ ok: false, errors: [{ field: 'role', code: 'roleOfKind' }] });
    expect(await bookExpert(db, staffId, day, moderator, 'expert')).toEqual({ ok: false, errors: [{ field: 'role', code: 'roleOfKind' }] });
    expect(await bookExpert(db, staffId, day, fromAssociation, 'expert')).toEqual({ ok: true });
    expect(await bookExpert(db, staffId, day, moderator, 'moderator')).toEqual({ ok: true });
    expect((await staffOfForum(db, day.id)).map((row) => row.role)).toEqual(['moderator', 'expert']);
  });

  it('marks and refuses a person who is away on the forum\'s day; past absences are deleted by the daily job, all of them by a withdrawal', async () => {
    const id = await expert();
    expect(readAbsence({ from_on: '10.05.2030', to_on: '01.05.2030' })).toMatchObject({ ok: false, errors: [{ field: 'to_on', code: 'toBeforeFrom' }] });
    expect(readAbsence({ from_on: '', to_on: '' })).toMatchObject({ ok: false, errors: [{ field: 'from_on', code: 'required' }, { field: 'to_on', code: 'required' }] });
    await addAbsence(db, staffId, id, { from_on: '2030-05-01', to_on: '2030-05-10', note: 'Urlaub' });
    await addAbsence(db, staffId, id, { from_on: '2030-01-01', to_on: '2030-01-05', note: '' });
    const away = await forum('2030-05-04');
    expect((await proposalsFor(db, away, {})).map((row) => [row.id, row.away_until])).toEqual([[id, '2030-05-10']]);
    expect((await proposalsFor(db, await forum('2030-05-11'), {})).map((row) => row.away_until)).toEqual([null]);
    expect(await bookExpert(db, staffId, away, id, 'moderator')).toEqual({ ok: false, errors: [{ field: 'expert_id', code: 'unavailable' }], awayUntil: '2030-05-10' });
    expect(await deletePastAbsences(db, '2030-03-01')).toBe(1);
    expect(await db.selectFrom('expert_absence').select('to_on').execute()).toEqual([{ to_on: '2030-05-10' }]);
    await withdrawConsent(db, staffId, id, '2030-04-01');
    expect(await db.selectFrom('expert_absence').select('id').execute()).toEqual([]);
    expect(await addAbsence(db, staffId, id, { from_on: '2030-06-01', to_on: '2030-06-02', note: '' })).toEqual({ ok: false, errors: [{ field: 'form', code: 'withdrawn' }] });
  });

  it('stores a next step only with its owner and day (the table refuses one without, too)', async () => {
    const day = await forum('2030-05-04');
    await addOutcome(db, staffId, day.id, { kind: 'next_step', text: 'Raumliste schicken', owner: 'Stadt Kassel', due_on: '2030-06-01' });
    await expect(db.insertInto('expert_forum_outcome').values({ event_id: day.id, kind: 'next_step', text: 'ohne' }).execute()).rejects.toThrow();
    expect(await db.selectFrom('expert_forum_outcome').select(['owner', 'due_on']).execute()).toEqual([{ owner: 'Stadt Kassel', due_on: '2030-06-01' }]);
  });
});

describe('the module contract', () => {
  it('moves an association expert to the survivor of a merge', async () => {
    const id = await expert({ kind: 'association_expert', organisation_id: association.id });
    const survivor = await organisation(db, { name: 'Elternverein Kassel (neu)', district: 'Kassel' });
    const moves = await db.transaction().execute((trx) => module.mergeOrganisations!(trx, { survivorId: survivor.id, mergedId: association.id, accountId: null }));
    expect(moves.moved).toEqual({ expert: 1 });
    expect((await db.selectFrom('expert').select('organisation_id').where('id', '=', id).executeTakeFirstOrThrow()).organisation_id).toBe(survivor.id);
    await db.updateTable('expert').set({ organisation_id: association.id }).where('id', '=', id).execute();
  });
});

describe('the events of a pool entry', () => {
  it('lists the events a person took part in, with the role, the feedback forms and their mean (grade 1–4 over every rating answer)', async () => {
    const id = await expert({ kind: 'trainer', full_name: 'Jana Weber', topics: ['writing'] });
    const training = { ...(await event(db, { format: 'writing_workshop', startDate: '2030-03-02', district: 'Kassel' })), start_date: '2030-03-02' };
    const formId = await assignDefaultForm(db, training.id, 'writing_workshop');
    const ratings = await db.selectFrom('feedback_question').select('id').where('form_id', '=', formId).where('kind', '=', 'rating').orderBy('position').limit(2).execute();
    expect(ratings).toHaveLength(2);
    const rated = (first: number, second: number) => [{ question_id: ratings[0]!.id, rating: first, yes_no: null, text_value: null }, { question_id: ratings[1]!.id, rating: second, yes_no: null, text_value: null }];
    // two forms: (1 + 2 + 2 + 2) / 4 = 1.75
    await enterPaperForm(db, { eventId: training.id, accountId: null, answers: rated(1, 2) });
    await enterPaperForm(db, { eventId: training.id, accountId: null, answers: rated(2, 2) });
    expect((await bookExpert(db, staffId, training, id, 'trainer')).ok).toBe(true);
    const unrated = await forum('2030-04-20');
    expect((await bookExpert(db, staffId, unrated, id, 'adviser')).ok).toBe(true);
    const rows = await eventsOfExpert(db, id);
    expect(rows.map((row) => [row.id, row.role, row.feedback_forms, row.feedback_mean])).toEqual([
      [unrated.id, 'adviser', 0, null],
      [training.id, 'trainer', 2, '1.75'],
    ]);
  });
});
