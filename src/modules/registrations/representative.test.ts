import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { userCommand } from '../identity/cli.js';
import { representedOrganisations } from '../identity/index.js';

/** Issue 3: a signed-in representative registers for their own organisation. */
describe(`registration by a representative on ${testEngine}`, () => {
  let test: TestApp;
  let eventId: number;
  const organisation: Record<'nord' | 'sued' | 'west', number> = { nord: 0, sued: 0, west: 0 };
  let single: SignedIn;
  let double: SignedIn;

  const scope = (accountId: number, ids: number[]) =>
    test.database.db.insertInto('account_scope').values(ids.map((id) => ({ account_id: accountId, district: null, organisation_id: id }))).execute();

  beforeAll(async () => {
    test = await createTestApp();
    const db = test.database.db;
    const event = await db
      .insertInto('event')
      .values({ event_key: 'REP-1', title: 'Vereinsforum', format: 'regional_network_meeting', start_date: '2030-09-12', starts_at: '17:30', place: 'Rathaus', municipality: null, district: null, capacity: 20, per_org_limit: 3, feedback_form_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    eventId = event.id;
    for (const [key, name] of [['nord', 'Elternverein Nord e.V.'], ['sued', 'Sportverein Süd'], ['west', 'Kulturverein West']] as const) {
      organisation[key] = (await db.insertInto('organisation').values({ name, created_from: 'staff' }).returning('id').executeTakeFirstOrThrow()).id;
    }
    single = await test.signIn('representative');
    await scope(single.accountId, [organisation.nord]);
    double = await test.signIn('representative');
    await scope(double.accountId, [organisation.sued, organisation.nord]);
  });
  afterAll(async () => test?.close());

  const form = (who: SignedIn, lang = 'de') => test.app.inject({ method: 'GET', url: `/events/${eventId}/register?lang=${lang}`, headers: { cookie: who.cookie } });
  async function post(who: SignedIn, payload: Record<string, string>, lang = 'de') {
    const page = await form(who, lang);
    const cookie = [who.cookie, cookiesOf(page)].filter(Boolean).join('; ');
    return test.app.inject({ method: 'POST', url: `/events/${eventId}/register?lang=${lang}`, headers: { cookie }, payload: { _csrf: csrfFrom(page.body), ...payload } });
  }
  const groupsOf = (accountId: number) =>
    test.database.db.selectFrom('registration_group').select(['organisation_id', 'contact_email']).where('account_id', '=', accountId).where('event_id', '=', eventId).orderBy('id').execute();
  const emailOf = async (accountId: number) => (await test.database.db.selectFrom('account').select('email').where('id', '=', accountId).executeTakeFirstOrThrow()).email;

  it('lists the organisations a representative speaks for', async () => {
    expect(await representedOrganisations(test.database.db, double.accountId)).toEqual([
      { id: organisation.nord, name: 'Elternverein Nord e.V.' },
      { id: organisation.sued, name: 'Sportverein Süd' },
    ]);
    expect(await representedOrganisations(test.database.db, 999999)).toEqual([]);
  });

  it('shows a single organisation fixed and the account e-mail, and registers for it', async () => {
    const page = await form(single);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ihre Organisation');
    expect(page.body).toContain('Elternverein Nord e.V.');
    expect(page.body).toContain(`name="organisation_id" value="${organisation.nord}"`);
    expect(page.body).not.toContain('name="organisation"');
    expect(page.body).not.toContain('<select');
    const email = await emailOf(single.accountId);
    expect(page.body).toContain(`value="${email}"`);

    const sent = await post(single, { organisation_id: String(organisation.nord), email, person_0: 'Ayşe Yılmaz' });
    expect(sent.statusCode).toBe(303);
    expect(await groupsOf(single.accountId)).toEqual([{ organisation_id: organisation.nord, contact_email: email }]);
  });

  it('offers a choice among several organisations and stores the chosen one', async () => {
    const page = await form(double, 'en');
    expect(page.body).toContain('Your organisation');
    expect(page.body).toContain('<select');
    expect(page.body).toContain(`<option value="${organisation.sued}"`);
    expect(page.body).toContain(`<option value="${organisation.nord}"`);
    expect(page.body).not.toContain('Kulturverein West');
    const sent = await post(double, { organisation_id: String(organisation.sued), email: 'sport@verein.example', person_0: 'Boris Iwanow' });
    expect(sent.statusCode).toBe(303);
    expect(await groupsOf(double.accountId)).toEqual([{ organisation_id: organisation.sued, contact_email: 'sport@verein.example' }]);
  });

  it('refuses another organisation, in German and English, and stores nothing', async () => {
    const german = await post(single, { organisation_id: String(organisation.west), email: 'x@verein.example', person_0: 'Carla Neu' });
    expect(german.statusCode).toBe(403);
    expect(german.body).toContain('nur für eine Organisation anmelden, die Sie vertreten');
    expect(german.body).toContain('href="#organisation"');
    expect(german.body).toContain('value="Carla Neu"');
    const english = await post(double, { organisation_id: String(organisation.west), email: 'x@verein.example', person_0: 'Carla Neu' }, 'en');
    expect(english.statusCode).toBe(403);
    expect(english.body).toContain('only register for an organisation you represent');
    // a name instead of an id does not get round the choice
    const byName = await post(single, { organisation: 'Kulturverein West', email: 'x@verein.example', person_0: 'Carla Neu' });
    expect(byName.statusCode).toBe(403);
    const rows = await test.database.db.selectFrom('registration').select('id').where('person_name', '=', 'Carla Neu').execute();
    expect(rows).toEqual([]);
  });

  it('leaves the anonymous form unchanged: a free-text organisation, an organisation_id ignored', async () => {
    const page = await test.app.inject({ method: 'GET', url: `/events/${eventId}/register` });
    expect(page.body).toContain('name="organisation"');
    expect(page.body).not.toContain('organisation_id');
    const cookie = cookiesOf(page);
    const sent = await test.app.inject({
      method: 'POST',
      url: `/events/${eventId}/register`,
      headers: { cookie },
      payload: { _csrf: csrfFrom(page.body), organisation: 'Kulturverein West', organisation_id: String(organisation.nord), email: 'kultur@verein.example', person_0: 'Dana Ost' },
    });
    expect(sent.statusCode).toBe(303);
    // matched by the name as before (the test's organisations have no name rows, so it is created for review)
    const group = await test.database.db
      .selectFrom('registration_group')
      .innerJoin('organisation', 'organisation.id', 'registration_group.organisation_id')
      .select(['organisation.name', 'registration_group.organisation_id', 'registration_group.account_id'])
      .where('contact_email', '=', 'kultur@verein.example')
      .executeTakeFirstOrThrow();
    expect(group).toMatchObject({ name: 'Kulturverein West', account_id: null });
    expect(group.organisation_id).not.toBe(organisation.nord);
  });

  it('a representative without organisations keeps the free-text form', async () => {
    const nobody = await test.signIn('representative');
    const page = await form(nobody);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="organisation"');
    expect(page.body).not.toContain('organisation_id');
  });

  it('mosaik user add stores the scopes of a representative and refuses unknown ids', async () => {
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await userCommand({ args, open: async () => ({ db: test.database.db, close: async () => {} }) as unknown as DatabaseHandle, out: (line) => out.push(line), err: (line) => err.push(line) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const added = await run(['add', 'vertretung@verein.example', '--role', 'representative', '--organisation', String(organisation.nord), '--organisation', String(organisation.west)]);
    expect(added.code).toBe(0);
    const account = await test.database.db.selectFrom('account').select('id').where('email', '=', 'vertretung@verein.example').executeTakeFirstOrThrow();
    expect((await representedOrganisations(test.database.db, account.id)).map((row) => row.id)).toEqual([organisation.nord, organisation.west]);

    const unknown = await run(['add', 'unbekannt@verein.example', '--role', 'representative', '--organisation', '999999']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Unbekannte Organisations-ID: 999999');
    expect(unknown.err).toContain('Unknown organisation id: 999999');
    expect(await test.database.db.selectFrom('account').select('id').where('email', '=', 'unbekannt@verein.example').executeTakeFirst()).toBeUndefined();

    const notNumber = await run(['add', 'x@verein.example', '--role', 'representative', '--organisation', 'Nord']);
    expect(notNumber.code).toBe(2);
    expect(notNumber.err).toContain('not an organisation id');
    const wrongRole = await run(['add', 'y@verein.example', '--role', 'staff', '--organisation', String(organisation.nord)]);
    expect(wrongRole.code).toBe(2);
    expect(wrongRole.err).toContain('only to the role representative');
  });
});
