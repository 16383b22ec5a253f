import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { account, event, organisation } from '../../../test/factories.js';
import { createLinkMaterial, setMaterialPublished } from '../materials/index.js';
import { fixSelfcheckClock } from './clock.test-support.js';
import { itemAggregate, shownAggregate, thresholdOf } from './aggregate.js';
import { saveAnswers, startCheck, submitCheck } from './commands/checks.js';
import { answerName } from './form.js';
import { currentChecklist, type ItemVersion } from './items.js';
import { differenceOf } from './present.js';
import { loadCheck, openItemsOf } from './queries.js';
import { nextStepsFor } from './recommendations.js';
import type { Answer } from './tables.js';

/**
 * The Vereins-Check end to end on both engines: next steps follow each item's
 * mapping; the history shows what moved; the aggregate hides small numbers
 * from every role but staff; a start or a submit sent twice stores one; a
 * representative fills in only their own organisation's check.
 */

let test: TestApp;
let items: ItemVersion[];
const today = '2031-03-02';
const db = () => test.database.db;
let token = 0;
const nextToken = () => `test-token-${++token}-abcdefghijkl`;

/** A submitted check of the organisation, every item answered by `answerOf`. */
async function submitted(organisationId: number, answerOf: (item: ItemVersion, index: number) => Answer, at: string): Promise<number> {
  const { id } = await startCheck(db(), { organisationId, accountId: staffAccount.accountId, token: nextToken(), withAdviser: true, consultationId: null });
  await saveAnswers(db(), id, items.map((item, index) => ({ itemKey: item.key, answer: answerOf(item, index), note: null })));
  const outcome = await submitCheck(db(), id, staffAccount.accountId, new Date(`${at}T10:00:00Z`), at);
  expect(outcome).toEqual({ ok: true, already: false });
  return id;
}

let staffAccount: SignedIn;

beforeAll(async () => {
  fixSelfcheckClock(new Date(`${today}T09:00:00Z`));
  test = await createTestApp();
  staffAccount = await test.signIn('staff');
  items = (await currentChecklist(db())).items;
}, 60_000);
afterAll(async () => {
  fixSelfcheckClock(null);
  await test?.close();
});

describe(`the Vereins-Check on ${testEngine}`, () => {
  it('is seeded with twelve areas and the checklist items, each in six languages and Leichte Sprache', async () => {
    const checklist = await currentChecklist(db());
    expect(checklist.areas).toHaveLength(12);
    expect(checklist.items.map((item) => item.key)).toContain('funding.writing');
    for (const item of checklist.items) for (const language of ['de', 'en', 'tr', 'ar', 'ru', 'uk', 'easy'] as const) expect(item.texts[language], `${item.key} ${language}`).toBeTruthy();
  });

  it('leads every open item to the events, handouts, Wegweiser topic and consultation topic of its mapping', async () => {
    const formats = [...new Set(items.flatMap((item) => item.eventFormats))];
    const eventOf = new Map<string, number>();
    for (const format of formats) eventOf.set(format, (await event(db(), { format: format as never, startDate: '2031-05-01', title: `Termin ${format}` })).id);
    const past = await event(db(), { format: 'writing_workshop', startDate: '2031-01-01', title: 'Vorbei' });
    const material = await createLinkMaterial(db(), null, { title: 'Antrag schreiben', description: 'Schritt für Schritt', language: 'de', topic: 'application', eventFormats: [], checklistItems: ['funding.writing'] }, 'https://example.org/antrag');
    await setMaterialPublished(db(), null, material, true);
    const steps = await nextStepsFor(db(), items.map((item) => ({ item, answer: 'not_yet' as const })), { today, language: 'de', organisationId: 7 });
    expect(steps).toHaveLength(items.length);
    for (const [index, step] of steps.entries()) {
      const item = items[index]!;
      expect(step.itemKey).toBe(item.key);
      expect(step.events.map((found) => found.id).sort(), item.key).toEqual([...new Set(item.eventFormats.map((format) => eventOf.get(format)!))].slice(0, 3).sort());
      expect(step.events.map((found) => found.id)).not.toContain(past.id);
      expect(step.handouts.map((found) => found.id), item.key).toEqual(item.key === 'funding.writing' ? [material] : []);
      expect(step.wegweiserTopic).toBe(item.wegweiserTopics[0] ?? null);
      expect(step.consultation.topic).toBe(item.consultationTopic ?? 'other');
      expect(step.consultation.href).toBe(`/my/consultation-requests/new?topic=${item.consultationTopic ?? 'other'}&organisation=7`);
      expect(step.pinboard.map((entry) => entry.href), item.key).toEqual(item.pinboardKinds.map((kind) => `/pinboard?kind=${kind}`));
    }
    // done and not relevant lead nowhere
    expect(await nextStepsFor(db(), [{ item: items[0]!, answer: 'done' }, { item: items[1]!, answer: 'not_relevant' }], { today, language: 'de', organisationId: 7 })).toEqual([]);
  });

  it('shows what moved between two checks, item by item and per area; openItemsOf reads the latest', async () => {
    const { id: organisationId } = await organisation(db(), { name: 'Verein Wandel', district: 'Fulda' });
    const first = await submitted(organisationId, (_item, index) => (index === 0 ? 'not_yet' : index === 1 ? 'in_progress' : index === 2 ? 'done' : 'not_relevant'), '2030-02-01');
    const second = await submitted(organisationId, (_item, index) => (index === 0 ? 'in_progress' : index === 1 ? 'done' : index === 2 ? 'not_yet' : 'not_relevant'), '2031-02-01');
    const [before, after] = [await loadCheck(db(), first), await loadCheck(db(), second)];
    const difference = differenceOf(after!.areas, before!.answers, after!.answers);
    const movementOf = new Map(difference.items.map((item) => [item.itemKey, item.movement]));
    expect([movementOf.get(items[0]!.key), movementOf.get(items[1]!.key), movementOf.get(items[2]!.key), movementOf.get(items[3]!.key)]).toEqual(['forward', 'forward', 'back', 'same']);
    expect([difference.forward, difference.back]).toEqual([2, 1]);
    const network = difference.areas.find((area) => area.area.key === 'network')!;
    expect(network).toMatchObject({ forward: 2, back: 1, before: { done: 1, in_progress: 1, not_yet: 1 }, after: { done: 1, in_progress: 1, not_yet: 1 } });
    expect((await openItemsOf(db(), organisationId)).map((item) => [item.itemKey, item.answer, item.checkId])).toEqual([[items[0]!.key, 'in_progress', second], [items[2]!.key, 'not_yet', second]]);
    // only the latest check counts in the aggregate
    expect(await db().selectFrom('selfcheck').select(['id', 'latest']).where('organisation_id', '=', organisationId).orderBy('id').execute()).toEqual([{ id: first, latest: false }, { id: second, latest: true }]);
  });

  it('starts one draft and stores one check however often start and submit are sent', async () => {
    const { id: organisationId } = await organisation(db(), { name: 'Verein Doppelklick', district: 'Fulda' });
    const representative = await account(test, 'representative', { organisationIds: [organisationId] });
    const post = (url: string, payload: Record<string, string>) => test.app.inject({ method: 'POST', url, headers: { cookie: representative.cookie }, payload: { _csrf: representative.csrfToken, ...payload } });
    const start = { organisation_id: String(organisationId), token: 'same-form-token-123456' };
    const [a, b] = await Promise.all([post('/selfcheck/start', start), post('/selfcheck/start', start)]);
    const other = await post('/selfcheck/start', { ...start, token: 'second-tab-token-123456' });
    expect([a.statusCode, b.statusCode, other.statusCode]).toEqual([303, 303, 303]);
    expect(new Set([a.headers.location, b.headers.location, other.headers.location]).size).toBe(1);
    const checkId = Number(String(a.headers.location).split('/').at(-1));
    const areas = (await currentChecklist(db())).areas;
    for (const area of areas) {
      const payload = Object.fromEntries(items.filter((item) => item.areaKey === area.key).map((item) => [answerName(item.key), 'not_yet']));
      expect((await post(`/selfcheck/checks/${checkId}/areas/${area.key}`, { ...payload, then: 'next' })).statusCode).toBe(303);
    }
    const submits = await Promise.all([post(`/selfcheck/checks/${checkId}/submit`, {}), post(`/selfcheck/checks/${checkId}/submit`, {})]);
    expect(submits.map((response) => response.statusCode)).toEqual([303, 303]);
    const checks = await db().selectFrom('selfcheck').select(['state', 'latest']).where('organisation_id', '=', organisationId).execute();
    expect(checks).toEqual([{ state: 'submitted', latest: true }]);
    expect(Number((await db().selectFrom('selfcheck_answer').select((eb) => eb.fn.countAll<string>().as('n')).where('selfcheck_id', '=', checkId).executeTakeFirstOrThrow()).n)).toBe(items.length);
    // the result names the next steps, with a consultation request prefilled with the topic
    const result = await test.app.inject({ method: 'GET', url: `/selfcheck/checks/${checkId}?lang=en`, headers: { cookie: representative.cookie } });
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('/my/consultation-requests/new?topic=application&amp;organisation=');
    const request = await test.app.inject({ method: 'GET', url: `/my/consultation-requests/new?topic=application&organisation=${organisationId}`, headers: { cookie: representative.cookie } });
    expect(request.body).toMatch(/value="application"[^>]*checked|checked[^>]*value="application"/);
  });

  it('names the field of a bad answer, stores nothing of that area, and refuses to submit with open items', async () => {
    const { id: organisationId } = await organisation(db(), { name: 'Verein Fehler', district: 'Fulda' });
    const representative = await account(test, 'representative', { organisationIds: [organisationId] });
    const post = (url: string, payload: Record<string, string>) => test.app.inject({ method: 'POST', url, headers: { cookie: representative.cookie }, payload: { _csrf: representative.csrfToken, ...payload } });
    const started = await post('/selfcheck/start', { organisation_id: String(organisationId), token: nextToken() });
    const checkId = Number(String(started.headers.location).split('/').at(-1));
    const bad = await post(`/selfcheck/checks/${checkId}/areas/network?lang=de`, { [answerName('network.civil_mo')]: 'sehr gut', [answerName('network.administration')]: 'done' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#a-network-civil_mo"');
    expect(bad.body).toContain('Wählen Sie eine der vier Antworten.');
    expect((await loadCheck(db(), checkId))!.answers).toEqual([]);
    const early = await post(`/selfcheck/checks/${checkId}/submit`, {});
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('href="#area-network"');
    expect((await db().selectFrom('selfcheck').select('state').where('id', '=', checkId).executeTakeFirstOrThrow()).state).toBe('draft');
  });

  it("answers 404 for another organisation's check and history", async () => {
    const { id: own } = await organisation(db(), { name: 'Verein Eigen', district: 'Fulda' });
    const { id: other } = await organisation(db(), { name: 'Verein Fremd', district: 'Kassel' });
    const representative = await account(test, 'representative', { organisationIds: [own] });
    const otherCheck = await submitted(other, () => 'done', '2031-01-10');
    for (const url of [`/selfcheck/checks/${otherCheck}`, `/selfcheck/organisations/${other}`, `/selfcheck/checks/${otherCheck}/areas/network`]) {
      const response = await test.app.inject({ method: 'GET', url, headers: { cookie: representative.cookie } });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('Verein Fremd');
    }
    const start = await test.app.inject({ method: 'POST', url: '/selfcheck/start', headers: { cookie: representative.cookie }, payload: { _csrf: representative.csrfToken, organisation_id: String(other), token: nextToken() } });
    expect(start.statusCode).toBe(404);
  });

  it("points the rooms area at the pinboard, and staff change an item's mapping as a new version, the field named when wrong", async () => {
    expect(items.find((item) => item.key === 'rooms.municipal')!.pinboardKinds).toEqual(['room_offered']);
    expect(items.find((item) => item.key === 'info.partners')!.pinboardKinds).toEqual(['partner_sought']);
    const before = items.find((item) => item.key === 'pr.members')!;
    const fields = { _csrf: staffAccount.csrfToken, text_de: before.texts.de!, text_en: before.texts.en!, text_easy: before.texts.easy!, consultation_topic: '', active: '1' };
    const save = (payload: Record<string, string | string[]>) => test.app.inject({ method: 'POST', url: '/selfcheck/items/pr.members', headers: { cookie: staffAccount.cookie }, payload });
    const wrong = await save({ ...fields, pinboard_kinds: 'flea_market' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#pinboard_kinds"');
    expect(wrong.body).toContain('Wählen Sie bei „Beiträge der Pinnwand“ nur Arten aus der Liste.');
    const saved = await save({ ...fields, pinboard_kinds: ['knowhow_wanted', 'knowhow_offered'] });
    expect(saved.statusCode).toBe(303);
    const after = (await currentChecklist(db())).items.find((item) => item.key === 'pr.members')!;
    expect([after.version, after.pinboardKinds]).toEqual([before.version + 1, ['knowhow_wanted', 'knowhow_offered']]);
    const [step] = await nextStepsFor(db(), [{ item: after, answer: 'in_progress' }], { today, language: 'ar', organisationId: 7 });
    expect(step!.pinboard.map((entry) => entry.href)).toEqual(['/pinboard?kind=knowhow_wanted', '/pinboard?kind=knowhow_offered']);
  });
});

describe(`the aggregate and small numbers on ${testEngine}`, () => {
  it('counts the latest check per organisation, exact for staff, with counts under 5 hidden for coordinator and funder', async () => {
    await db().deleteFrom('selfcheck').execute();
    const target = items[5]!.key;
    // Marburg: 6 organisations, 2 of them "not yet" on the target item; Gießen: 3 organisations
    for (let n = 0; n < 6; n++) {
      const { id } = await organisation(db(), { name: `Marburger Verein ${n}`, district: 'Marburg' });
      await submitted(id, (item) => (item.key === target && n < 2 ? 'not_yet' : 'done'), '2031-01-05');
    }
    for (let n = 0; n < 3; n++) {
      const { id } = await organisation(db(), { name: `Gießener Verein ${n}`, district: 'Gießen' });
      await submitted(id, (item) => (item.key === target ? 'not_yet' : 'in_progress'), '2031-01-05');
    }
    const all = await itemAggregate(db(), {});
    expect(all.organisations).toBe(9);
    expect(all.items[0]).toEqual({ itemKey: target, counts: { done: 4, in_progress: 0, not_yet: 5, not_relevant: 0 } });
    expect(thresholdOf('staff')).toBeNull();
    expect((await shownAggregate(all, thresholdOf('staff'))).items[0]!.counts).toEqual({ done: 4, in_progress: 0, not_yet: 5, not_relevant: 0 });
    // funder: 4 is small; the 5 beside it would give it away (9 − 5), so it is withheld too
    expect((await shownAggregate(all, thresholdOf('funder'))).items[0]!.counts).toEqual({ done: 'small', in_progress: 0, not_yet: 'withheld', not_relevant: 0 });
    // a district with fewer than 5 organisations shows no counts at all
    const giessen = await shownAggregate(await itemAggregate(db(), { district: 'Gießen' }), thresholdOf('coordinator'));
    expect(giessen).toEqual({ organisations: 'small', tooFew: true, items: [] });

    const coordinator = await account(test, 'coordinator', { districts: ['Marburg'] });
    const funder = await test.signIn('funder');
    const page = (who: SignedIn, query = '') => test.app.inject({ method: 'GET', url: `/selfcheck/overview${query}`, headers: { cookie: who.cookie } });
    const cell = (html: string, answer: string) => new RegExp(`data-item="${target.replace('.', '\\.')}"[\\s\\S]*?data-answer="${answer}" data-value="([^"]+)"`).exec(html)?.[1];
    const staffPage = await page(staffAccount);
    expect([cell(staffPage.body, 'not_yet'), cell(staffPage.body, 'done')]).toEqual(['5', '4']);
    const funderPage = await page(funder);
    expect([cell(funderPage.body, 'not_yet'), cell(funderPage.body, 'done')]).toEqual(['withheld', 'small']);
    // the coordinator sees Marburg only (6 organisations): 2 "not yet" and 4 "done" are both small
    const coordinatorPage = await page(coordinator, '?district=Gie%C3%9Fen');
    expect(coordinatorPage.body).toContain('data-organisations');
    expect([cell(coordinatorPage.body, 'not_yet'), cell(coordinatorPage.body, 'done')]).toEqual(['small', 'small']);
    expect(coordinatorPage.body).not.toContain('Gießen</option>');
  });
});
