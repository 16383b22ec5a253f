import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../../test/app.js';
import { testEngine } from '../../../../test/database.js';
import { account, organisation } from '../../../../test/factories.js';
import { fixSelfcheckClock } from '../clock.test-support.js';
import { currentChecklist, type ItemVersion } from '../items.js';
import type { Answer } from '../tables.js';
import { saveAnswers, startCheck, submitCheck } from './checks.js';
import { sourceNoteOf } from './needs.js';

/**
 * Staff carry a Vereins-Check's open items into the needs log: one need per
 * chosen item, raised by the organisation on the check's day with its note,
 * never twice however often the form is sent; only the latest check offers
 * it, and only staff may. The log shows such a need in its reader's language
 * (the item's wording), German where it has no other, and staff's own words
 * once they change the title.
 */

let test: TestApp;
let staff: SignedIn;
let items: ItemVersion[];
const db = () => test.database.db;
let token = 0;

async function submitted(organisationId: number, answerOf: (index: number) => Answer, at: string, notes: Record<number, string> = {}): Promise<number> {
  const { id } = await startCheck(db(), { organisationId, accountId: staff.accountId, token: `needs-token-${++token}-abcdefghijkl`, withAdviser: true, consultationId: null });
  await saveAnswers(db(), id, items.map((item, index) => ({ itemKey: item.key, answer: answerOf(index), note: notes[index] ?? null })));
  expect(await submitCheck(db(), id, staff.accountId, new Date(`${at}T10:00:00Z`), at)).toEqual({ ok: true, already: false });
  return id;
}

beforeAll(async () => {
  fixSelfcheckClock(new Date('2031-03-02T09:00:00Z'));
  test = await createTestApp();
  staff = await test.signIn('staff');
  items = (await currentChecklist(db())).items;
}, 60_000);
afterAll(async () => {
  fixSelfcheckClock(null);
  await test?.close();
});

describe(`open Vereins-Check items into the needs log on ${testEngine}`, () => {
  it('records one need per chosen open item with organisation, day, topic and note, and never twice', async () => {
    const { id: organisationId } = await organisation(db(), { name: 'Verein Bedarf', district: 'Fulda' });
    const roomsIndex = items.findIndex((item) => item.areaKey === 'rooms');
    const open = new Set([0, 1, roomsIndex]);
    const checkId = await submitted(organisationId, (index) => (index === 0 ? 'not_yet' : open.has(index) ? 'in_progress' : 'done'), '2031-02-20', { [roomsIndex]: 'Wir suchen einen Raum für 30 Personen' });
    const page = await test.app.inject({ method: 'GET', url: `/selfcheck/checks/${checkId}`, headers: { cookie: staff.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`action="/selfcheck/checks/${checkId}/needs"`);
    for (const index of open) expect(page.body).toContain(`value="${items[index]!.key}"`);

    const chosen = [items[0]!.key, items[roomsIndex]!.key, items[5]!.key /* answered done: no need */];
    const send = () => test.app.inject({ method: 'POST', url: `/selfcheck/checks/${checkId}/needs`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, item: chosen } });
    const [first, second] = await Promise.all([send(), send()]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect([first.headers.location, second.headers.location].sort()).toEqual([`/selfcheck/checks/${checkId}?done=needs-0-2`, `/selfcheck/checks/${checkId}?done=needs-2-0`]);

    const needs = await db().selectFrom('concern_entry as c').innerJoin('concern_source as s', 's.entry_id', 'c.id')
      .select(['c.id', 'c.kind', 'c.state', 'c.title', 'c.description', 'c.topic', 'c.raised_on', 'c.district', 's.kind as source', 's.note'])
      .where('s.kind', '=', 'selfcheck').where('s.note', 'like', `Vereins-Check #${checkId}:%`).orderBy('c.id').execute();
    expect(needs.map((need) => need.note).sort()).toEqual([sourceNoteOf(checkId, items[0]!.key), sourceNoteOf(checkId, items[roomsIndex]!.key)].sort());
    const room = needs.find((need) => need.note === sourceNoteOf(checkId, items[roomsIndex]!.key))!;
    expect(room).toMatchObject({ kind: 'need', state: 'open', title: items[roomsIndex]!.texts.de, description: 'Wir suchen einen Raum für 30 Personen', topic: 'rooms', raised_on: '2031-02-20', district: 'Fulda', source: 'selfcheck' });
    const raisedBy = await db().selectFrom('concern_entry_organisation').select('organisation_id').where('entry_id', 'in', needs.map((need) => need.id)).execute();
    expect(raisedBy.map((row) => row.organisation_id)).toEqual([organisationId, organisationId]);

    // back on the result: the carried items link to their entries, the third open one is still offered
    const after = await test.app.inject({ method: 'GET', url: `/selfcheck/checks/${checkId}?done=needs-2-0&lang=en`, headers: { cookie: staff.cookie } });
    expect(after.body).toContain('2 needs recorded, 0 were already in the log.');
    for (const need of needs) expect(after.body).toContain(`href="/concerns/${need.id}"`);
    expect(after.body).toContain(`value="${items[1]!.key}"`);
    expect(after.body).not.toContain(`value="${items[0]!.key}"`);
    // the need's page in the log names its source
    const entry = await test.app.inject({ method: 'GET', url: `/concerns/${room.id}`, headers: { cookie: staff.cookie } });
    expect(entry.statusCode).toBe(200);
    expect(entry.body).toContain('Verein Bedarf');
  });

  it('offers nothing for an older check, and only staff may carry', async () => {
    const { id: organisationId } = await organisation(db(), { name: 'Verein Zweimal', district: 'Kassel' });
    const representative = await account(test, 'representative', { organisationIds: [organisationId] });
    const older = await submitted(organisationId, (index) => (index < 3 ? 'not_yet' : 'done'), '2030-01-10');
    const latest = await submitted(organisationId, (index) => (index < 2 ? 'not_yet' : 'done'), '2031-01-10');
    const olderPage = await test.app.inject({ method: 'GET', url: `/selfcheck/checks/${older}`, headers: { cookie: staff.cookie } });
    expect(olderPage.body).not.toContain('/needs"');
    const carriedOld = await test.app.inject({ method: 'POST', url: `/selfcheck/checks/${older}/needs`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, item: items[2]!.key } });
    expect(carriedOld.headers.location).toBe(`/selfcheck/checks/${older}?done=needs-0-0`);
    const ownPage = await test.app.inject({ method: 'GET', url: `/selfcheck/checks/${latest}`, headers: { cookie: representative.cookie } });
    expect(ownPage.statusCode).toBe(200);
    expect(ownPage.body).not.toContain('/needs"');
    const refused = await test.app.inject({ method: 'POST', url: `/selfcheck/checks/${latest}/needs`, headers: { cookie: representative.cookie }, payload: { _csrf: representative.csrfToken, item: items[0]!.key } });
    expect(refused.statusCode).toBe(403);
    const count = await db().selectFrom('concern_source').select((eb) => eb.fn.countAll<string>().as('n')).where('kind', '=', 'selfcheck').where('note', 'like', `Vereins-Check #${older}:%`).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('shows a carried need in the reader\'s language, keeps German in the API, and shows staff\'s own title once edited', async () => {
    const { id: organisationId } = await organisation(db(), { name: 'Verein Sprachen', district: 'Kassel' });
    const checkId = await submitted(organisationId, (index) => (index === 0 ? 'not_yet' : 'done'), '2031-02-21');
    const item = items[0]!;
    const carried = await test.app.inject({ method: 'POST', url: `/selfcheck/checks/${checkId}/needs`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, item: item.key } });
    expect(carried.headers.location).toBe(`/selfcheck/checks/${checkId}?done=needs-1-0`);
    const need = await db().selectFrom('concern_entry as c').innerJoin('concern_source as s', 's.entry_id', 'c.id').select(['c.id', 'c.version', 'c.title', 'c.title_translations'])
      .where('s.note', '=', sourceNoteOf(checkId, item.key)).executeTakeFirstOrThrow();
    expect(need.title).toBe(item.texts.de);
    expect(need.title_translations).toEqual({ en: item.texts.en, tr: item.texts.tr, ar: item.texts.ar, ru: item.texts.ru, uk: item.texts.uk });
    const get = (url: string, cookie?: string) => test.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

    expect((await get(`/concerns/${need.id}?lang=en`, staff.cookie)).body).toContain(`<h1 class="kern-heading-large">${item.texts.en}</h1>`);
    expect((await get(`/concerns/${need.id}?lang=de`, staff.cookie)).body).toContain(`<h1 class="kern-heading-large">${item.texts.de}</h1>`);
    const list = (await get('/concerns?kind=need&lang=en', staff.cookie)).body;
    expect(list).toContain(`<a class="kern-link" href="/concerns/${need.id}">${item.texts.en}</a>`);
    // the API's title is the entry's title as recorded (German), as before
    const api = await get('/api/v1/concerns?kind=need&limit=500', staff.cookie);
    expect(api.json().items.find((entry: { id: number }) => entry.id === need.id).title).toBe(item.texts.de);

    const edit = (fields: Record<string, string>, version: number) => test.app.inject({
      method: 'POST', url: `/concerns/${need.id}/edit`, headers: { cookie: staff.cookie },
      payload: { _csrf: staff.csrfToken, kind: 'need', topic: 'networking', raisedOn: '2031-02-21', district: 'Kassel', description: '', organisationId: String(organisationId), version: String(version), ...fields },
    });
    // made public with its title unchanged: the public page reads in the visitor's language
    expect((await edit({ title: item.texts.de!, isPublic: 'yes' }, need.version)).statusCode).toBe(303);
    const publicTurkish = (await get('/sie-haben-gesagt?lang=tr')).body;
    expect(publicTurkish).toContain(`<p class="kern-body">${item.texts.tr}</p>`);
    expect((await get('/sie-haben-gesagt?lang=de')).body).toContain(`<p class="kern-body" lang="de" dir="ltr">${item.texts.de}</p>`);
    // staff's own title: German for every reader, the item's translations gone
    expect((await edit({ title: 'Kontakte zu Vereinen in Kassel knüpfen', isPublic: 'yes' }, need.version + 1)).statusCode).toBe(303);
    expect((await get(`/concerns/${need.id}?lang=en`, staff.cookie)).body).toContain('<h1 class="kern-heading-large">Kontakte zu Vereinen in Kassel knüpfen</h1>');
    expect((await get('/sie-haben-gesagt?lang=tr')).body).toContain('<p class="kern-body" lang="de" dir="ltr">Kontakte zu Vereinen in Kassel knüpfen</p>');
    const edited = await db().selectFrom('concern_entry').select('title_translations').where('id', '=', need.id).executeTakeFirstOrThrow();
    expect(edited.title_translations).toEqual({});
  });
});
