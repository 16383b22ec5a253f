import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account, event, organisation } from '../../../test/factories.js';

/**
 * The pool's and the forums' pages end to end: staff take a person into the
 * pool only with a consent (bad input names the field in German and English
 * and stores nothing), a coordinator reads the entries and forums of their
 * districts only and staffs a forum there, a busy person is refused with the
 * other event's name, a withdrawal empties the pick lists, and a consultation
 * refers to an expert of the pool (and no longer to a withdrawn one).
 */

let test: TestApp;
let staff: SignedIn;
let coordinator: SignedIn;
let association: { id: number; name: string };

const form = (who: SignedIn, url: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ _csrf: who.csrfToken });
  for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(key, one);
  return test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
};
const get = (who: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const count = async () => Number((await test.database.db.selectFrom('expert').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const idIn = (location: unknown) => Number(/\/experts\/(\d+)/.exec(String(location))![1]);

const entry = {
  kind: 'moderator', full_name: 'Aylin Demir', topics: ['moderation', 'municipal_cooperation'], languages: ['de', 'tr'], districts: 'Kassel',
  fee_note: '600 € je Forum', email: 'aylin.demir@example.org', consent_given_on: '10.01.2030', consent_wording_version: 'pool-2030-1', consent_source: 'form',
};

beforeAll(async () => {
  test = await createTestApp();
  association = await organisation(test.database.db, { name: 'Türkischer Elternverein Kassel', district: 'Kassel' });
  staff = await test.signIn('staff');
  coordinator = await account(test, 'coordinator', { districts: ['Kassel'] });
}, 180_000);
afterAll(async () => test?.close());

describe('the pool', () => {
  it('refuses an entry without consent, naming the field and the fix in German and English, and stores nothing', async () => {
    const german = await form(staff, '/experts', { ...entry, consent_given_on: '' });
    expect(german.statusCode).toBe(400);
    expect(german.body).toContain('Einwilligung erteilt am: Ohne festgehaltene Einwilligung kommt niemand in den Pool.');
    // what was typed comes back
    expect(german.body).toContain('aylin.demir@example.org');
    const english = await form(staff, '/experts?lang=en', { ...entry, consent_given_on: '', kind: 'association_expert' });
    expect(english.statusCode).toBe(400);
    expect(english.body).toMatch(/Consent given on: [^<]*consent/);
    expect(english.body).toContain('Association');
    expect(await count()).toBe(0);
  });

  it('takes a person in with their consent; a coordinator reads the entries of their district and all Hessen, not others', async () => {
    const created = await form(staff, '/experts', entry);
    expect(created.statusCode).toBe(303);
    const id = idIn(created.headers.location);
    const page = await get(staff, String(created.headers.location));
    expect(page.body).toContain('Die Person ist im Pool.');
    expect(page.body).toContain('pool-2030-1');
    const elsewhere = idIn((await form(staff, '/experts', { ...entry, full_name: 'Dora Anderswo', districts: 'Darmstadt' })).headers.location);
    const everywhere = idIn((await form(staff, '/experts', { ...entry, full_name: 'Olena Kovalenko', districts: '' })).headers.location);

    const list = await get(coordinator, '/experts');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Aylin Demir');
    expect(list.body).toContain('Olena Kovalenko');
    expect(list.body).not.toContain('Dora Anderswo');
    expect((await get(coordinator, `/experts/${id}`)).statusCode).toBe(200);
    expect((await get(coordinator, `/experts/${everywhere}`)).statusCode).toBe(200);
    const hidden = await get(coordinator, `/experts/${elsewhere}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('Dora Anderswo');
    // the coordinator reads, staff keep the pool
    expect((await form(coordinator, `/experts/${id}`, entry)).statusCode).toBe(403);
    const filtered = await get(staff, '/experts?district=Darmstadt&kind=moderator');
    expect(filtered.body).toContain('Dora Anderswo');
    expect(filtered.body).toContain('Olena Kovalenko');
    expect(filtered.body).not.toContain('Aylin Demir');
  });
});

describe('a dialogue forum', () => {
  it('is staffed by a coordinator of its district from the proposals; a busy person is refused with the other event named', async () => {
    const db = test.database.db;
    const moderator = (await db.selectFrom('expert').select('id').where('full_name', '=', 'Aylin Demir').executeTakeFirstOrThrow()).id;
    const forum = await event(db, { format: 'dialogue_forum', title: 'Dialogforum Kassel', startDate: '2030-05-04', district: 'Kassel' });
    const workshop = await event(db, { format: 'writing_workshop', title: 'Schreibwerkstatt Kassel', startDate: '2030-05-04', district: 'Kassel' });
    const foreign = await event(db, { format: 'dialogue_forum', title: 'Dialogforum Darmstadt', startDate: '2030-05-04', district: 'Darmstadt' });

    const list = await get(coordinator, '/experts/forums');
    expect(list.body).toContain('Dialogforum Kassel');
    expect(list.body).not.toContain('Dialogforum Darmstadt');
    expect((await get(coordinator, `/experts/forums/${foreign.id}`)).statusCode).toBe(404);
    // an event of another format is no forum
    expect((await get(staff, `/experts/forums/${workshop.id}`)).statusCode).toBe(404);

    const page = await get(coordinator, `/experts/forums/${forum.id}?topic=moderation&language=tr`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`data-proposal="${moderator}"`);

    await db.insertInto('expert_event').values({ event_id: workshop.id, expert_id: moderator, role: 'trainer' }).execute();
    const refused = await form(coordinator, `/experts/forums/${forum.id}/staff`, { expert_id: String(moderator), role: 'moderator' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Die Person ist an diesem Tag schon eingesetzt: Schreibwerkstatt Kassel.');
    await db.deleteFrom('expert_event').where('event_id', '=', workshop.id).execute();

    const booked = await form(coordinator, `/experts/forums/${forum.id}/staff`, { expert_id: String(moderator), role: 'moderator' });
    expect(booked.statusCode).toBe(303);
    expect((await get(coordinator, `/experts/forums/${forum.id}`)).body).not.toContain(`data-proposal="${moderator}"`);

    const noOwner = await form(coordinator, `/experts/forums/${forum.id}/outcomes?lang=en`, { kind: 'next_step', text: 'Send the list of rooms' });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.body).toContain('Send the list of rooms');
    expect(await db.selectFrom('expert_forum_outcome').select('id').where('event_id', '=', forum.id).execute()).toEqual([]);
    const saved = await form(coordinator, `/experts/forums/${forum.id}/outcomes`, { kind: 'next_step', text: 'Raumliste schicken', owner: 'Stadt Kassel', due_on: '01.06.2030' });
    expect(saved.statusCode).toBe(303);
    const shown = await get(coordinator, `/experts/forums/${forum.id}`);
    expect(shown.body).toContain('Raumliste schicken');
    expect(shown.body).toContain('Stadt Kassel');

    // the documentation: who moderated, the outcomes, no contact details
    const documentation = await get(coordinator, `/experts/forums/${forum.id}/documentation`);
    expect(documentation.statusCode).toBe(200);
    expect(documentation.body).toContain('Dokumentation: Dialogforum Kassel');
    expect(documentation.body).toContain('Aylin Demir');
    expect(documentation.body).toContain('Raumliste schicken — Stadt Kassel');
    expect(documentation.body).not.toContain('aylin.demir@example.org');
    expect((await get(coordinator, `/experts/forums/${foreign.id}/documentation`)).statusCode).toBe(404);
  });

  it('lets staff enter an absence (a wrong range names the field), which the proposals then show', async () => {
    const db = test.database.db;
    const moderator = (await db.selectFrom('expert').select('id').where('full_name', '=', 'Olena Kovalenko').executeTakeFirstOrThrow()).id;
    const wrong = await form(staff, `/experts/${moderator}/absences?lang=en`, { from_on: '10.06.2030', to_on: '01.06.2030', note: 'Urlaub' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Until (inclusive): the end is before the start.');
    expect(await db.selectFrom('expert_absence').select('id').execute()).toEqual([]);
    expect((await form(coordinator, `/experts/${moderator}/absences`, { from_on: '01.06.2030', to_on: '10.06.2030' })).statusCode).toBe(403);
    expect((await form(staff, `/experts/${moderator}/absences`, { from_on: '01.06.2030', to_on: '10.06.2030', note: 'Urlaub' })).statusCode).toBe(303);
    const forum = await event(db, { format: 'dialogue_forum', title: 'Dialogforum Juni', startDate: '2030-06-05', district: 'Kassel' });
    const page = await get(coordinator, `/experts/forums/${forum.id}`);
    expect(page.body).toMatch(new RegExp(`data-proposal="${moderator}" data-busy="1"`));
    expect(page.body).toContain('nicht verfügbar bis');
  });
});

describe('referrals from consultations', () => {
  it('pick an expert of the pool; a withdrawn one is neither offered nor accepted', async () => {
    const db = test.database.db;
    const adviser = idIn((await form(staff, '/experts', { ...entry, kind: 'adviser', full_name: 'Selin Yılmaz', topics: 'tax_minijob' })).headers.location);
    const consultation = { consulted_on: '2030-02-03', organisation: association.name, organisation_id: String(association.id), channel: 'phone', topics: 'application', referral_cost_eur: '80' };
    const offered = await get(staff, '/consultations/new');
    expect(offered.body).toContain(`<option value="${adviser}"`);
    const created = await form(staff, '/consultations/new', { ...consultation, referral_expert_id: String(adviser) });
    expect(created.statusCode).toBe(303);
    const id = Number(/\/consultations\/(\d+)/.exec(String(created.headers.location))![1]);
    const row = await db.selectFrom('consultation').select(['referral_expert_id', 'referral_expert', 'referral_status']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ referral_expert_id: adviser, referral_expert: 'Selin Yılmaz', referral_status: 'proposed' });
    expect((await get(staff, `/consultations/${id}`)).body).toContain(`href="/experts/${adviser}"`);
    expect((await get(staff, `/experts/${adviser}`)).body).toContain(association.name);

    expect((await form(staff, `/experts/${adviser}/withdraw`, { withdrawn_on: '2030-02-10' })).statusCode).toBe(303);
    expect((await get(staff, '/consultations/new')).body).not.toContain(`<option value="${adviser}"`);
    const refused = await form(staff, '/consultations/new', { ...consultation, consulted_on: '2030-02-11', referral_expert_id: String(adviser) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Diese Person ist nicht (mehr) im Pool');
    // the consultation that referred before keeps its reference, and may be saved again as it is
    const edit = await get(staff, `/consultations/${id}/edit`);
    expect(edit.body).toContain('nicht mehr im Pool');
    const again = await form(staff, `/consultations/${id}/edit`, { ...consultation, referral_expert_id: String(adviser), referral_expert: 'Selin Yılmaz', outcome: 'Termin vereinbart' });
    expect(again.statusCode).toBe(303);
  });
});
