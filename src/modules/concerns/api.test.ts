import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import * as make from '../../../test/factories.js';
import { createMeeting } from './commands/meeting.js';
import { recordEntry } from './commands/record.js';
import { changeConcernState } from './commands/update.js';

/*
 * GET /api/v1/concerns: the log's entries as JSON with state and outcome, in
 * each reader's scope, never an organisation's name; the funder gets the
 * concerns that reached the ministry, without district and with "fewer than
 * 5" instead of a small count.
 */

let test: TestApp;
let staff: SignedIn;
let funder: SignedIn;
let coordinator: SignedIn;
let representative: SignedIn;
const ids = {} as { need: number; forwarded: number; collected: number; widely: number; elsewhere: number; meeting: number };

const api = (who: SignedIn, query = '') => test.app.inject({ method: 'GET', url: `/api/v1/concerns${query}`, headers: { cookie: who.cookie } });

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  const kassel = await make.organisations(db, [1, 2, 3, 4, 5, 6].map((n) => ({ name: `Verein API ${n} Kassel`, district: 'Kassel' })));
  const giessen = await make.organisation(db, { name: 'Verein API Gießen', district: 'Gießen' });
  staff = await make.account(test, 'staff');
  funder = await make.account(test, 'funder');
  coordinator = await make.account(test, 'coordinator', { districts: ['Kassel'] });
  representative = await make.account(test, 'representative', { organisationIds: [kassel[0].id] });
  const base = { raisedOn: '2018-02-01', source: { kind: 'other' as const } };
  ids.need = await recordEntry(db, null, { ...base, kind: 'need', title: 'Fortbildung Buchhaltung', topic: 'application', organisationIds: [kassel[0].id] });
  ids.forwarded = await recordEntry(db, null, { ...base, kind: 'concern', title: 'Steuerberatungskosten förderfähig machen', topic: 'funding_rules', district: 'Kassel', organisationIds: [kassel[0].id, kassel[1].id] });
  ids.widely = await recordEntry(db, null, { ...base, kind: 'concern', title: 'Projekte 24 Monate laufen lassen', topic: 'funding_rules', organisationIds: kassel.map((o) => o.id) });
  ids.collected = await recordEntry(db, null, { ...base, kind: 'concern', title: 'Noch nicht weitergegeben', topic: 'other', organisationIds: [kassel[2].id] });
  ids.elsewhere = await recordEntry(db, null, { ...base, kind: 'need', title: 'Raum in Gießen', topic: 'rooms', district: 'Gießen', organisationIds: [giessen.id] });
  ids.meeting = await createMeeting(db, null, { heldOn: '2018-03-06', title: 'Dialogtreffen März', place: null });
  await changeConcernState(db, null, ids.forwarded, 1, { state: 'forwarded', forwardedOn: '2018-03-06', meetingId: ids.meeting });
  await changeConcernState(db, null, ids.forwarded, 2, { state: 'changed', answer: 'Ab 2019 förderfähig' });
  await changeConcernState(db, null, ids.widely, 1, { state: 'forwarded', forwardedOn: '2018-03-06' });
}, 60_000);
afterAll(async () => test?.close());

describe(`the concerns API on ${testEngine}`, () => {
  it('lists every entry for staff with state, outcome and counts, but no organisation names', async () => {
    const response = await api(staff);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(5);
    const forwarded = body.items.find((item: { id: number }) => item.id === ids.forwarded);
    expect(forwarded).toEqual({
      id: ids.forwarded, kind: 'concern', title: 'Steuerberatungskosten förderfähig machen', topic: 'funding_rules', state: 'changed', outcome: 'changed', raisedOn: '2018-02-01',
      district: 'Kassel', forwardedOn: '2018-03-06', forwardedInMeeting: { id: ids.meeting, heldOn: '2018-03-06' }, answer: 'Ab 2019 förderfähig',
      organisations: { count: 2, fewerThan: null }, takenUpByEvents: 0,
    });
    expect(body.counts).toEqual(expect.arrayContaining([{ kind: 'need', state: 'open', count: 2 }, { kind: 'concern', state: 'changed', count: 1 }, { kind: 'concern', state: 'forwarded', count: 1 }, { kind: 'concern', state: 'collected', count: 1 }]));
    expect(response.body).not.toContain('Verein API');
    const needs = (await api(staff, '?kind=need&limit=1')).json();
    expect([needs.total, needs.items.length, needs.items[0].kind]).toEqual([2, 1, 'need']);
  });

  it('gives the funder only the concerns that reached the ministry, without district and small counts', async () => {
    const body = (await api(funder)).json();
    expect(body.items.map((item: { id: number }) => item.id).sort()).toEqual([ids.forwarded, ids.widely].sort());
    const byId = new Map(body.items.map((item: { id: number }) => [item.id, item]));
    expect(byId.get(ids.forwarded)).toMatchObject({ district: null, organisations: { count: null, fewerThan: 5 }, outcome: 'changed' });
    expect(byId.get(ids.widely)).toMatchObject({ organisations: { count: 6, fewerThan: null }, outcome: 'open', state: 'forwarded' });
    expect(body.counts).toEqual([{ kind: 'concern', state: 'changed', count: 1 }, { kind: 'concern', state: 'forwarded', count: 1 }]);
  });

  it("gives a coordinator their districts' entries, refuses representatives and names a bad filter", async () => {
    const mine = (await api(coordinator)).json();
    expect(mine.items.map((item: { id: number }) => item.id)).not.toContain(ids.elsewhere);
    expect(mine.total).toBe(4);
    expect((await api(representative)).statusCode).toBe(403);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/concerns' })).statusCode).toBe(401);
    const bad = await api(staff, '?state=finished');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('state');
  });
});
