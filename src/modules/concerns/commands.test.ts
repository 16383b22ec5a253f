import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import * as make from '../../../test/factories.js';
import { DomainError } from '../domain-error.js';
import { mergeOrganisations } from '../organisations/index.js';
import { linkNeedToEvent } from './commands/links.js';
import { createMeeting, recordMinutes, setAgenda } from './commands/meeting.js';
import { mergeEntries } from './commands/merge.js';
import { EntryProblems, recordEntry, recordWorkshopResults } from './commands/record.js';
import { changeConcernState, updateEntry } from './commands/update.js';
import { recordNeed } from './index.js';
import type { EntryInputDraft } from './input.js';
import { findEntry, listEntries } from './queries.js';

/*
 * The commands of needs and concerns on both engines: a concern's way and
 * its history, merging a duplicate, the concurrent edit (version), a
 * workshop's results all-or-none, the Dialogtreffen's minutes in one
 * transaction, recordNeed for other modules, and an organisation merge.
 */

let database: TestDatabase;
let organisations: { id: number; name: string }[];
let eventId: number;
const all = { kind: 'all' } as const;

const concern = (title: string, extra: Partial<EntryInputDraft> = {}): EntryInputDraft => ({ kind: 'concern', title, topic: 'funding_rules', raisedOn: '2018-02-10', source: { kind: 'other' }, ...extra });
const stateOf = async (id: number) => (await database.db.selectFrom('concern_entry').select(['state', 'version', 'answer', 'merged_into']).where('id', '=', id).executeTakeFirstOrThrow());
const failure = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected an error');
};

beforeAll(async () => {
  database = await createTestDatabase();
  organisations = await make.organisations(database.db, [{ name: 'Kulturverein Anadolu', district: 'Kassel' }, { name: 'Elternverein Al-Nour', district: 'Gießen' }, { name: 'Verein Ukraina', district: 'Kassel' }]);
  eventId = (await make.event(database.db, { title: 'Schulung Antragstellung', startDate: '2018-02-10', district: 'Kassel' })).id;
}, 60_000);
afterAll(async () => database?.close());

describe(`a concern's way on ${testEngine}`, () => {
  it('goes collected → forwarded → changed, each step in the history with its meeting; a step out of order is refused', async () => {
    const id = await recordEntry(database.db, null, concern('Steuerberatungskosten förderfähig machen', { organisationIds: [organisations[0].id] }));
    expect((await stateOf(id)).state).toBe('collected');
    const refused = await failure(() => changeConcernState(database.db, null, id, 1, { state: 'changed' }));
    expect(refused).toBeInstanceOf(EntryProblems);
    expect((refused as EntryProblems).problems[0]).toEqual({ field: 'state', code: 'stepNotAllowed' });
    const noDate = await failure(() => changeConcernState(database.db, null, id, 1, { state: 'forwarded' }));
    expect((noDate as EntryProblems).problems[0].field).toBe('forwardedOn');
    const meeting = await createMeeting(database.db, null, { heldOn: '2018-03-06', title: 'Dialogtreffen', place: null });
    await changeConcernState(database.db, null, id, 1, { state: 'forwarded', forwardedOn: '2018-03-06', meetingId: meeting });
    await changeConcernState(database.db, null, id, 2, { state: 'changed', answer: 'Die Kosten sind förderfähig.' });
    const entry = (await findEntry(database.db, all, id))!;
    expect(entry.state).toBe('changed');
    expect(entry.forwarded_on).toBe('2018-03-06');
    expect(entry.meeting_title).toBe('Dialogtreffen');
    expect(entry.answer).toBe('Die Kosten sind förderfähig.');
    expect(entry.history.map((h) => [h.from_state, h.to_state, h.meeting_title])).toEqual([[null, 'collected', null], ['collected', 'forwarded', 'Dialogtreffen'], ['forwarded', 'changed', null]]);
    const audit = await database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'concern_entry').where('subject_id', '=', String(id)).execute();
    expect(audit.map((row) => row.action)).toEqual(['concerns.create', 'concerns.state', 'concerns.state']);
  });

  it('refuses a step with the version of a form opened before someone else moved it', async () => {
    const id = await recordEntry(database.db, null, concern('Mietkosten förderfähig machen'));
    await changeConcernState(database.db, null, id, 1, { state: 'forwarded', forwardedOn: '2018-03-06' });
    const stale = await failure(() => changeConcernState(database.db, null, id, 1, { state: 'declined' }));
    expect(stale.code).toBe('stale');
    expect((await stateOf(id)).state).toBe('forwarded');
  });
});

describe(`merging and the concurrent edit on ${testEngine}`, () => {
  it('moves sources, organisations and agenda places to the survivor, and old links lead on', async () => {
    const survivor = await recordEntry(database.db, null, concern('Projektlaufzeit zu kurz', { organisationIds: [organisations[0].id], raisedOn: '2018-05-05' }));
    const duplicate = await recordEntry(database.db, null, concern('Laufzeit der Mikroprojekte verlängern', { organisationIds: [organisations[0].id, organisations[1].id], raisedOn: '2018-02-10', source: { kind: 'event', eventId } }));
    const meeting = await createMeeting(database.db, null, { heldOn: '2018-06-01', title: 'Treffen Juni', place: null });
    await setAgenda(database.db, null, meeting, [duplicate]);
    await mergeEntries(database.db, null, duplicate, 1, survivor);
    const entry = (await findEntry(database.db, all, survivor))!;
    expect(entry.organisations.map((o) => o.name)).toEqual(['Elternverein Al-Nour', 'Kulturverein Anadolu']);
    expect(entry.sources.map((s) => s.kind)).toEqual(['event', 'other']);
    expect(entry.raised_on).toBe('2018-02-10');
    expect(entry.agenda.map((a) => a.title)).toEqual(['Treffen Juni']);
    expect(entry.history.at(-1)).toMatchObject({ to_state: 'merged_in', note: `#${duplicate}` });
    expect((await stateOf(duplicate)).merged_into).toBe(survivor);
    expect((await listEntries(database.db, all)).map((e) => e.id)).not.toContain(duplicate);
  });

  it('an edit of an entry merged meanwhile, or changed meanwhile, is refused and stores nothing', async () => {
    const a = await recordEntry(database.db, null, concern('Antragsfrist zu früh'));
    const b = await recordEntry(database.db, null, concern('Frist bis Mai verlängern'));
    // two people open the edit form of a (version 1); one changes it, the other's save must not overwrite
    await updateEntry(database.db, null, a, 1, { kind: 'concern', title: 'Antragsfrist kommt zu früh', topic: 'application', raisedOn: '2017-12-16' });
    const stale = await failure(() => updateEntry(database.db, null, a, 1, { kind: 'concern', title: 'Meine Fassung', topic: 'application', raisedOn: '2017-12-16' }));
    expect(stale.code).toBe('stale');
    expect((await findEntry(database.db, all, a))!.title).toBe('Antragsfrist kommt zu früh');
    // b is merged into a while someone edits b
    await mergeEntries(database.db, null, b, 1, a);
    const merged = await failure(() => updateEntry(database.db, null, b, 1, { kind: 'concern', title: 'Noch eine Fassung', topic: 'application', raisedOn: '2017-12-16' }));
    expect(merged.code).toBe('merged');
    expect(merged.parameters).toEqual({ id: a });
    expect((await database.db.selectFrom('concern_entry').select('title').where('id', '=', b).executeTakeFirstOrThrow()).title).toBe('Frist bis Mai verlängern');
    // a merge with a stale version is refused too, as is a merge into a merged entry
    expect((await failure(() => mergeEntries(database.db, null, a, 1, b))).code).toBe('stale');
    const current = (await stateOf(a)).version;
    expect((await failure(() => mergeEntries(database.db, null, a, current, b))).code).toBe('mergeTargetGone');
  });

  it('two crossed merges of the same pair: one wins, nothing is lost or doubled', async () => {
    const a = await recordEntry(database.db, null, concern('Räume fehlen', { kind: 'need', topic: 'rooms', organisationIds: [organisations[0].id] }));
    const b = await recordEntry(database.db, null, concern('Keine Vereinsräume', { kind: 'need', topic: 'rooms', organisationIds: [organisations[2].id] }));
    const outcomes = await Promise.allSettled([mergeEntries(database.db, null, a, 1, b), mergeEntries(database.db, null, b, 1, a)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const live = await database.db.selectFrom('concern_entry').select('id').where('id', 'in', [a, b]).where('merged_into', 'is', null).execute();
    expect(live).toHaveLength(1);
    const organisationsOfLive = await database.db.selectFrom('concern_entry_organisation').select('organisation_id').where('entry_id', '=', live[0].id).execute();
    expect(organisationsOfLive.map((row) => row.organisation_id).sort()).toEqual([organisations[0].id, organisations[2].id].sort());
  });
});

describe(`a workshop's results and other sources on ${testEngine}`, () => {
  it('stores all rows or none, and names the row and field of a problem', async () => {
    const before = Number((await sql<{ n: number }>`select count(*)::integer as n from concern_entry`.execute(database.db)).rows[0].n);
    const bad = await failure(() => recordWorkshopResults(database.db, null, eventId, [
      { kind: 'need', title: 'Mehr Zeit für Workshops', topic: 'networking', raisedOn: '2018-02-10', source: { kind: 'event' } },
      { kind: 'concern', title: 'Mietkosten', topic: 'nonsense' as 'other', raisedOn: '2018-02-10', source: { kind: 'event' } },
    ]));
    expect((bad as EntryProblems).problems).toEqual([{ field: 'topic', code: 'topicMissing', row: 2 }]);
    expect(Number((await sql<{ n: number }>`select count(*)::integer as n from concern_entry`.execute(database.db)).rows[0].n)).toBe(before);
    const ids = await recordWorkshopResults(database.db, null, eventId, [
      { kind: 'need', title: 'Mehr Zeit für Workshops', topic: 'networking', raisedOn: '2018-02-10', organisationIds: [organisations[1].id], source: { kind: 'event' } },
      { kind: 'concern', title: 'Mietkosten förderfähig', topic: 'funding_rules', raisedOn: '2018-02-10', source: { kind: 'event' } },
    ]);
    expect(ids).toHaveLength(2);
    const need = (await findEntry(database.db, all, ids[0]))!;
    expect(need.sources).toMatchObject([{ kind: 'event', event_id: eventId, event_title: 'Schulung Antragstellung' }]);
    expect((await findEntry(database.db, all, ids[1]))!.organisations).toEqual([]);
  });

  it('a need links to the events that took it up and is then taken up; recordNeed serves other modules', async () => {
    const id = await recordNeed(database.db, { title: 'Fortbildung zur Öffentlichkeitsarbeit', topic: 'public_relations', raisedOn: '2019-05-11', source: { kind: 'selfcheck' } });
    const training = await make.event(database.db, { title: 'Schulung Öffentlichkeitsarbeit', startDate: '2019-09-01', format: 'pr_training' });
    await linkNeedToEvent(database.db, null, id, training.id, true);
    let need = (await findEntry(database.db, all, id))!;
    expect([need.kind, need.state, need.events.map((e) => e.title)]).toEqual(['need', 'taken_up', ['Schulung Öffentlichkeitsarbeit']]);
    await linkNeedToEvent(database.db, null, id, training.id, false);
    need = (await findEntry(database.db, all, id))!;
    expect(need.state).toBe('open');
    const invalid = await failure(() => recordNeed(database.db, { title: '', topic: 'rooms', raisedOn: '31.12.2019', source: { kind: 'other' } }));
    expect([...new Set((invalid as EntryProblems).problems.map((p) => p.field))].sort()).toEqual(['raisedOn', 'title']);
  });
});

describe(`the Dialogtreffen on ${testEngine}`, () => {
  it('takes only open concerns on the agenda, and its minutes move every item in one transaction', async () => {
    const rent = await recordEntry(database.db, null, concern('Büromiete förderfähig'));
    const tax = await recordEntry(database.db, null, concern('Steuerberatung für Minijobs'));
    const need = await recordEntry(database.db, null, concern('Räume', { kind: 'need', topic: 'rooms' }));
    const meeting = await createMeeting(database.db, null, { heldOn: '2018-03-06', title: 'Dialogtreffen März', place: 'Wiesbaden' });
    expect(((await failure(() => setAgenda(database.db, null, meeting, [rent, need]))) as EntryProblems).problems[0].code).toBe('agendaNotOpen');
    await setAgenda(database.db, null, meeting, [tax, rent]);
    // rent changes after the minutes form was opened (version 1): nothing of the minutes is stored
    await changeConcernState(database.db, null, rent, 1, { state: 'forwarded', forwardedOn: '2018-03-01' });
    const stale = await failure(() => recordMinutes(database.db, null, meeting, [
      { entryId: tax, minutes: 'Förderfähig ab sofort.', state: 'changed', version: 1 },
      { entryId: rent, minutes: 'Wird geprüft.', state: 'forwarded', version: 1 },
    ]));
    expect(stale.code).toBe('stale');
    expect((await stateOf(tax)).state).toBe('collected');
    await recordMinutes(database.db, null, meeting, [
      { entryId: tax, minutes: 'Förderfähig ab sofort.', state: 'changed', version: 1 },
      { entryId: rent, minutes: 'Wird geprüft.', state: 'forwarded', version: 2 },
    ]);
    expect(await stateOf(tax)).toMatchObject({ state: 'changed', answer: 'Förderfähig ab sofort.' });
    expect(await stateOf(rent)).toMatchObject({ state: 'forwarded', answer: 'Wird geprüft.' });
    const history = (await findEntry(database.db, all, tax))!.history.map((h) => [h.to_state, h.meeting_title]);
    expect(history).toEqual([['collected', null], ['forwarded', 'Dialogtreffen März'], ['changed', 'Dialogtreffen März']]);
    expect((await failure(() => setAgenda(database.db, null, meeting, [rent]))).code).toBe('minutesRecorded');
  });
});

describe(`an organisation merge on ${testEngine}`, () => {
  it('moves the merged organisation\'s entries to the survivor, keeping one row where both raised it', async () => {
    const [survivor, merged] = await make.organisations(database.db, [{ name: 'Frauenverein Nordstadt', district: 'Kassel' }, { name: 'Frauentreff Nordstadt', district: 'Kassel' }]);
    const both = await recordEntry(database.db, null, concern('Beide', { organisationIds: [survivor.id, merged.id] }));
    const one = await recordEntry(database.db, null, concern('Nur der zweite', { organisationIds: [merged.id] }));
    await mergeOrganisations(database.db, { survivorId: survivor.id, mergedId: merged.id, accountId: null });
    for (const id of [both, one]) expect((await findEntry(database.db, all, id))!.organisations.map((o) => o.id)).toEqual([survivor.id]);
  });
});
