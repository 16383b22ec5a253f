import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { createAccount } from '../identity/index.js';
import { importRecords } from '../imports/index.js';
import { consentForm, parseForm, personFields, personForm, consentFields } from './form.js';
import { addRole, createPerson, endRole, organisationMeant, recordConsent, removeRole, updatePerson, withdrawConsent } from './people.js';
import { consentsOfPerson, findPerson, hasActiveConsent, personInScope, rolesOfPerson, searchPeople } from './queries.js';

const today = '2026-06-10';

describe('people: queries and consent rules', () => {
  let database: TestDatabase;
  let accountId: number;
  let ayse: number;
  let mehmet: number;
  let lena: number;
  let giessen: number;
  let marburg: number;
  const person = async (fields: Record<string, string>) => {
    const parsed = parseForm(personForm, personFields, fields);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return createPerson(database.db, parsed.values, accountId);
  };
  const consent = (wording: string, givenOn: string, source = 'paper') => {
    const parsed = parseForm(consentForm, consentFields, { wording, given_on: givenOn, source });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.values;
  };
  const audit = (subjectId: number) =>
    database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_type', '=', 'person').where('subject_id', '=', String(subjectId)).orderBy('id').execute();

  beforeAll(async () => {
    database = await createTestDatabase();
    accountId = (await createAccount(database.db, { email: 'staff@example.org', role: 'staff', password: 'a long enough password' })).id;
    await importRecords(database.db, 'organizations', [
      { org_key: 'dtkv', name: 'Deutsch-Türkischer Kulturverein Gießen', aliases: 'DTKV', district: 'Landkreis Gießen' },
      { org_key: 'afv', name: 'Afrikanischer Frauenverein Marburg', district: 'Landkreis Marburg-Biedenkopf' },
    ]);
    giessen = (await organisationMeant(database.db, 'DTKV'))!;
    marburg = (await organisationMeant(database.db, 'Afrikanischer Frauenverein Marburg e.V.'))!;
    ayse = await person({ full_name: 'Ayşe Yılmaz', email: 'ayse@example.org', phone: '+49 641 123456', preferred_language: 'tr' });
    mehmet = await person({ full_name: 'Mehmet Demir' });
    lena = await person({ full_name: 'Lena Roth', email: 'lena@example.org' });
    await addRole(database.db, ayse, { organisationId: giessen, role: 'board', since: '2020-01-01', until: null }, accountId);
    await addRole(database.db, mehmet, { organisationId: giessen, role: 'member', since: null, until: '2025-12-31' }, accountId);
    await addRole(database.db, lena, { organisationId: marburg, role: 'contact', since: null, until: null }, accountId);
  });
  afterAll(async () => database?.close());

  it('finds an organisation by name, alias or number, and nothing for an unknown name', async () => {
    expect(giessen).toBeGreaterThan(0);
    expect(await organisationMeant(database.db, String(marburg))).toBe(marburg);
    expect(await organisationMeant(database.db, `#${giessen}`)).toBe(giessen);
    expect(await organisationMeant(database.db, 'Kulturverein Nirgendwo')).toBeUndefined();
  });

  it('reads a person and their roles, current roles first', async () => {
    expect(await findPerson(database.db, ayse)).toMatchObject({ fullName: 'Ayşe Yılmaz', email: 'ayse@example.org', preferredLanguage: 'tr', source: 'staff', erasedAt: null });
    expect(await findPerson(database.db, 999_999)).toBeUndefined();
    const roles = await rolesOfPerson(database.db, mehmet, today);
    expect(roles).toEqual([expect.objectContaining({ organisationId: giessen, role: 'member', until: '2025-12-31', active: false })]);
  });

  it('searches names tolerantly: typos, parts, without diacritics', async () => {
    const names = async (q: string) => (await searchPeople(database.db, { districts: null }, { q, limit: 10, offset: 0, today })).items.map((item) => item.fullName);
    expect(await names('Mehmet Demir')).toEqual(['Mehmet Demir']);
    expect(await names('Mehmed Demir')).toEqual(['Mehmet Demir']);
    expect(await names('roth')).toEqual(['Lena Roth']);
    expect(await names('Yılmaz')).toEqual(['Ayşe Yılmaz']);
    expect(await names('ayse yilmaz')).toEqual(['Ayşe Yılmaz']);
    expect(await names('AYŞE')).toEqual(['Ayşe Yılmaz']);
    expect(await names('50%')).toEqual([]);
    expect(await names('Schmidt')).toEqual([]);
  });

  it('filters by organisation and role (current roles only) and pages', async () => {
    const staff = { districts: null };
    const byOrganisation = await searchPeople(database.db, staff, { organisationId: giessen, limit: 10, offset: 0, today });
    expect(byOrganisation.items.map((item) => item.fullName)).toEqual(['Ayşe Yılmaz']);
    expect(byOrganisation.items[0].roles).toEqual([{ organisationId: giessen, organisationName: 'Deutsch-Türkischer Kulturverein Gießen', role: 'board' }]);
    expect((await searchPeople(database.db, staff, { role: 'contact', limit: 10, offset: 0, today })).items.map((item) => item.fullName)).toEqual(['Lena Roth']);
    const page = await searchPeople(database.db, staff, { limit: 2, offset: 2, today });
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.fullName)).toEqual(['Mehmet Demir']);
    expect((await searchPeople(database.db, staff, { limit: 2, offset: 10, today })).total).toBe(3);
  });

  it('limits a coordinator to current roles in their districts, contact data only with a directory consent', async () => {
    const scope = { districts: ['Landkreis Gießen'] };
    expect(await personInScope(database.db, scope, ayse, today)).toBe(true);
    expect(await personInScope(database.db, scope, mehmet, today)).toBe(false); // role ended
    expect(await personInScope(database.db, scope, lena, today)).toBe(false); // another district
    const before = await searchPeople(database.db, scope, { limit: 10, offset: 0, today });
    expect(before.items).toEqual([expect.objectContaining({ fullName: 'Ayşe Yılmaz', email: null, phone: null, preferredLanguage: 'tr' })]);
    const recorded = await recordConsent(database.db, ayse, consent('directory:2026-01', '2026-02-01'), accountId, today);
    expect(recorded.ok).toBe(true);
    const after = await searchPeople(database.db, scope, { limit: 10, offset: 0, today });
    expect(after.items[0]).toMatchObject({ email: 'ayse@example.org', phone: '+49 641 123456' });
  });

  it('records consents only against an existing wording in force, and keeps the history on withdrawal', async () => {
    const refused = async (wording: string, givenOn: string) => recordConsent(database.db, lena, consent(wording, givenOn), accountId, today);
    expect(await refused('contact:2099-01', '2026-02-01')).toEqual({ ok: false, problem: 'unknownWording' });
    expect(await refused('contact:2026-01', '2025-12-31')).toEqual({ ok: false, problem: 'beforeWording' });
    expect(await refused('contact:2026-01', '2026-07-01')).toEqual({ ok: false, problem: 'future' });
    const given = await recordConsent(database.db, lena, consent('newsletter:2026-01', '2026-03-01', 'form'), accountId, today);
    if (!given.ok) throw new Error('not recorded');
    expect(await refused('newsletter:2026-01', '2026-04-01')).toEqual({ ok: false, problem: 'duplicate' });
    expect(await hasActiveConsent(database.db, lena, 'newsletter', today)).toBe(true);
    const withdraw = (on: string) => withdrawConsent(database.db, lena, given.id, { withdrawn_on: on, withdrawal_source: 'paper' }, accountId, today);
    expect(await withdraw('2026-02-01')).toEqual({ ok: false, problem: 'beforeGiven' });
    expect(await withdraw('2026-07-01')).toEqual({ ok: false, problem: 'future' });
    expect(await withdrawConsent(database.db, ayse, given.id, { withdrawn_on: '2026-05-01', withdrawal_source: 'paper' }, accountId, today)).toEqual({ ok: false, problem: 'notFound' });
    expect(await withdraw('2026-05-01')).toEqual({ ok: true });
    expect(await withdraw('2026-05-02')).toEqual({ ok: false, problem: 'alreadyWithdrawn' });
    expect(await hasActiveConsent(database.db, lena, 'newsletter', today)).toBe(false);
    expect(await hasActiveConsent(database.db, lena, 'newsletter', '2026-04-01')).toBe(true);
    const history = await consentsOfPerson(database.db, lena, today);
    expect(history).toEqual([
      expect.objectContaining({ purpose: 'newsletter', wordingVersion: '2026-01', givenOn: '2026-03-01', source: 'form', withdrawnOn: '2026-05-01', withdrawalSource: 'paper', active: false }),
    ]);
    expect(history[0].textDe).toContain('Newsletter');
    // after the withdrawal a new consent to the same version may be given
    expect((await recordConsent(database.db, lena, consent('newsletter:2026-01', '2026-06-01'), accountId, today)).ok).toBe(true);
  });

  it('audits changes by field name, never values', async () => {
    expect(await updatePerson(database.db, mehmet, { phone: '0641 555', full_name: 'Mehmet Demir' }, accountId)).toEqual({ ok: true, changed: ['phone'] });
    expect(await updatePerson(database.db, mehmet, { phone: '0641 555' }, accountId)).toEqual({ ok: true, changed: [] });
    expect(await updatePerson(database.db, 999_999, { phone: '1' }, accountId)).toEqual({ ok: false, problem: 'notFound' });
    expect(await endRole(database.db, ayse, { organisationId: giessen, role: 'board', until: '2019-01-01' }, accountId, today)).toEqual({ ok: false, problem: 'untilBeforeSince' });
    expect(await removeRole(database.db, mehmet, { organisationId: giessen, role: 'member' }, accountId)).toBe(true);
    expect(await removeRole(database.db, mehmet, { organisationId: giessen, role: 'member' }, accountId)).toBe(false);
    const entries = await audit(mehmet);
    expect(entries.map((entry) => entry.action)).toEqual(['person.create', 'person.role.add', 'person.update', 'person.role.remove']);
    expect(JSON.stringify(entries)).not.toContain('0641');
    expect(JSON.stringify(entries)).not.toContain('Mehmet');
    expect(entries[2].details).toEqual({ fields: ['phone'] });
  });

  it('treats an erased person as gone: no search match, no changes, no active consent', async () => {
    const erased = await person({ full_name: 'Eva Gelöscht', email: 'eva@example.org' });
    await recordConsent(database.db, erased, consent('contact:2026-01', '2026-02-01'), accountId, today);
    await database.db.updateTable('person').set({ erased_at: new Date(), email: null, phone: null, notes: null, full_name: '–' }).where('id', '=', erased).execute();
    expect(await updatePerson(database.db, erased, { phone: '1' }, accountId)).toEqual({ ok: false, problem: 'erased' });
    expect(await hasActiveConsent(database.db, erased, 'contact', today)).toBe(false);
    const all = await searchPeople(database.db, { districts: null }, { limit: 10, offset: 0, today });
    expect(all.items.at(-1)).toEqual({ id: erased, fullName: null, erased: true, email: null, phone: null, preferredLanguage: null, roles: [] });
    expect((await searchPeople(database.db, { districts: null }, { q: 'Eva', limit: 10, offset: 0, today })).total).toBe(0);
  });
});
