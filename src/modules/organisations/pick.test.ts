import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { account, organisation } from '../../../test/factories.js';
import { pickOrganisation } from './pick.js';

/** The pick list's decisions (pick.ts) and its live suggestions (GET /api/v1/organisations/suggestions). */
describe(`picking an organisation by name on ${testEngine}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  const ids = { kassel: 0, fulda: 0 };
  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
    ids.kassel = (await organisation(test.database.db, { name: 'Afrikanischer Frauenverein Kassel', district: 'Kassel' })).id;
    ids.fulda = (await organisation(test.database.db, { name: 'Afrikanischer Frauenverein Fulda', district: 'Fulda' })).id;
  });
  afterAll(async () => test?.close());

  const suggest = (q: string, who?: SignedIn) => test.app.inject({ method: 'GET', url: `/api/v1/organisations/suggestions?q=${encodeURIComponent(q)}`, headers: who ? { cookie: who.cookie } : {} });

  it('suggests the nearest names for part of a name or a typo', async () => {
    const partial = await suggest('frauenver', staff);
    expect(partial.statusCode).toBe(200);
    expect((partial.json() as { items: { id: number }[] }).items.map((item) => item.id).sort()).toEqual([ids.kassel, ids.fulda].sort());
    const typo = (await suggest('Afrikanischer Frauenverien Kasel', staff)).json() as { items: { id: number; name: string; municipality: string | null }[] };
    expect(typo.items[0]).toEqual({ id: ids.kassel, name: 'Afrikanischer Frauenverein Kassel', matchedName: null, municipality: null });
    expect(((await suggest('', staff)).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('respects roles: coordinators see their districts only, representatives and visitors nothing', async () => {
    const coordinator = await account(test, 'coordinator', { districts: ['Fulda'] });
    const seen = (await suggest('frauenverein', coordinator)).json() as { items: { id: number }[] };
    expect(seen.items.map((item) => item.id)).toEqual([ids.fulda]);
    const representative = await account(test, 'representative', { organisationIds: [ids.kassel] });
    expect((await suggest('frauenverein', representative)).statusCode).toBe(403);
    expect((await suggest('frauenverein')).statusCode).toBe(401);
  });

  it('decides what the fields mean without creating anything', async () => {
    const db = test.database.db;
    const everyone = { districts: null };
    expect(await pickOrganisation(db, everyone, { name: '  – ' })).toEqual({ kind: 'none' });
    expect(await pickOrganisation(db, everyone, { name: 'Afrikanischer Frauenverein Kassel e.V.' })).toEqual({ kind: 'chosen', organisationId: ids.kassel, name: 'Afrikanischer Frauenverein Kassel' });
    const asked = await pickOrganisation(db, everyone, { name: 'Frauenverein Kasel' });
    expect(asked.kind === 'ask' && asked.candidates[0].id).toBe(ids.kassel);
    expect(await pickOrganisation(db, everyone, { name: 'Frauenverein Kasel', asked: 'Frauenverein  Kasel', choice: 'new' })).toEqual({ kind: 'create', name: 'Frauenverein Kasel' });
    expect(await pickOrganisation(db, everyone, { name: 'Frauenverein Kasel', asked: 'Frauenverein Kasel', choice: String(ids.fulda) })).toMatchObject({ kind: 'chosen', organisationId: ids.fulda });
    // a coordinator cannot choose an organisation outside their districts by sending its id
    expect((await pickOrganisation(db, { districts: ['Kassel'] }, { name: 'Frauenverein Kasel', asked: 'Frauenverein Kasel', choice: String(ids.fulda) })).kind).toBe('ask');
    const count = await db.selectFrom('organisation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });
});
