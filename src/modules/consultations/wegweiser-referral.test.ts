import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import type { Db } from '../../db/connection.js';
import { importRecords } from '../imports/index.js';
import { findOrganisationIds } from '../organisations/index.js';
import { normaliseName } from '../names/index.js';

/** A consultation refers to a Wegweiser service (issue 12); the referral shows on the consultation and in the organisation's timeline. */

const association = 'Afghanischer Kulturverein Kassel e.V.';

describe('a consultation refers to a Wegweiser service', () => {
  let test: TestApp;
  let staff: SignedIn;
  let db: Db;
  let organisationId: number;
  const services: Record<string, string> = {};

  /** A published, active entry, as the Wegweiser's staff form would leave it (its search text lower-cased). */
  async function service(name: string, organisation: string, published = true): Promise<string> {
    const org = await db.insertInto('wegweiser_organization').values({ name: organisation }).returning('id').executeTakeFirstOrThrow();
    const row = await db.insertInto('wegweiser_service')
      .values({ organization_id: org.id, name, status: 'active', published, assured_date: '2026-01-10', search_text: `${name} ${organisation}`.toLowerCase() })
      .returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    test = await createTestApp();
    db = test.database.db;
    staff = await test.signIn('staff');
    expect((await importRecords(db, 'organizations', [{ org_key: 'akv', name: association }])).problems).toEqual([]);
    organisationId = (await findOrganisationIds(db, [normaliseName(association)])).get(normaliseName(association))!;
    services.kassel = await service('Migrationsberatung Kassel', 'Caritasverband Nordhessen');
    services.north = await service('Antidiskriminierungsberatung Nordhessen', 'Netzwerk gegen Diskriminierung Hessen');
    services.south = await service('Antidiskriminierungsberatung Südhessen', 'Netzwerk gegen Diskriminierung Hessen');
    services.hidden = await service('Sprachcafé Baunatal', 'Stadt Baunatal', false);
  }, 60_000);
  afterAll(async () => test?.close());

  const get = (url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
  const post = (url: string, fields: Record<string, string>) =>
    test.app.inject({
      method: 'POST',
      url,
      headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, _csrf: staff.csrfToken }).toString(),
    });
  const base = { organisation: association, organisation_id: '', channel: 'in_person', topics: 'discrimination', persons: 'Farid Rahimi' };
  const idFrom = (location: unknown) => Number(/\/consultations\/(\d+)/.exec(String(location))![1]);
  const referralOf = async (id: number) => (await db.selectFrom('consultation').select('wegweiser_service_id').where('id', '=', id).executeTakeFirstOrThrow()).wegweiser_service_id;
  const count = async () => Number((await db.selectFrom('consultation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('offers the referral group on the form', async () => {
    const form = await get('/consultations/new');
    expect(form.body).toContain('Verweis an ein Angebot im Wegweiser');
    expect(form.body).toContain('name="wegweiser_service"');
  });

  it('takes a service named exactly, shows it on the consultation and in the organisation timeline', async () => {
    const created = await post('/consultations/new', { ...base, consulted_on: '2026-02-03', wegweiser_service: 'migrationsberatung kassel' });
    expect(created.statusCode).toBe(303);
    const id = idFrom(created.headers.location);
    expect(await referralOf(id)).toBe(services.kassel);
    const detail = await get(`/consultations/${id}`);
    expect(detail.body).toContain(`href="/wegweiser/${services.kassel}"`);
    expect(detail.body).toContain('Caritasverband Nordhessen');
    const timeline = await get(`/organisations/${organisationId}`);
    expect(timeline.body).toContain('Verweis');
    expect(timeline.body).toContain('in der Beratung verwiesen an „Migrationsberatung Kassel“ (Caritasverband Nordhessen) im Wegweiser');
    const english = await get(`/organisations/${organisationId}?lang=en`);
    expect(english.body).toContain('referred in the consultation to “Migrationsberatung Kassel” (Caritasverband Nordhessen) in the Wegweiser');

    // the edit form shows the referral; saving it unchanged keeps it, emptying the field removes it
    const edit = await get(`/consultations/${id}/edit`);
    expect(edit.body).toContain('value="Migrationsberatung Kassel"');
    expect(edit.body).toContain(`name="wegweiser_service_id" value="${services.kassel}"`);
    const kept = await post(`/consultations/${id}/edit`, { ...base, consulted_on: '2026-02-03', wegweiser_service: 'Migrationsberatung Kassel', wegweiser_service_id: services.kassel, outcome: 'Termin vereinbart' });
    expect(kept.statusCode).toBe(303);
    expect(await referralOf(id)).toBe(services.kassel);
    const removed = await post(`/consultations/${id}/edit`, { ...base, consulted_on: '2026-02-03', wegweiser_service: '', wegweiser_service_id: services.kassel });
    expect(removed.statusCode).toBe(303);
    expect(await referralOf(id)).toBeNull();
    expect((await get(`/organisations/${organisationId}`)).body).not.toContain('in der Beratung verwiesen an');
  });

  it('asks which one when several match, and stores the one chosen', async () => {
    const before = await count();
    const asked = await post('/consultations/new', { ...base, consulted_on: '2026-02-10', wegweiser_service: 'Antidiskriminierungsberatung' });
    expect(asked.statusCode).toBe(400);
    expect(asked.body).toContain('Angebot im Wegweiser: Mehrere Angebote passen zu diesem Namen.');
    expect(asked.body).toContain('href="#wegweiser_service"');
    expect(asked.body).toContain('Antidiskriminierungsberatung Nordhessen (Netzwerk gegen Diskriminierung Hessen)');
    expect(asked.body).toContain('Antidiskriminierungsberatung Südhessen');
    expect(await count()).toBe(before);
    const chosen = await post('/consultations/new', { ...base, consulted_on: '2026-02-10', wegweiser_service: 'Antidiskriminierungsberatung', wegweiser_service_choice: services.south });
    expect(chosen.statusCode).toBe(303);
    expect(await referralOf(idFrom(chosen.headers.location))).toBe(services.south);
  });

  it('tolerates a typo when one service matches', async () => {
    const created = await post('/consultations/new', { ...base, consulted_on: '2026-02-17', wegweiser_service: 'Migrationsberatng Kasel' });
    expect(created.statusCode).toBe(303);
    expect(await referralOf(idFrom(created.headers.location))).toBe(services.kassel);
  });

  it('refuses a name no published service has, naming the field and the fix in German and English, and stores nothing', async () => {
    const before = await count();
    const german = await post('/consultations/new', { ...base, consulted_on: '2026-02-24', wegweiser_service: 'Sprachcafé Baunatal' });
    expect(german.statusCode).toBe(400);
    expect(german.body).toContain('Angebot im Wegweiser: Kein veröffentlichtes Angebot im Wegweiser passt zu diesem Namen.');
    const english = await post('/consultations/new?lang=en', { ...base, consulted_on: '2026-02-24', wegweiser_service: 'Nothing of that name', lang: 'en' });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Wegweiser service: No published Wegweiser service matches this name.');
    // a forged choice of an unpublished entry is no choice
    const forged = await post('/consultations/new', { ...base, consulted_on: '2026-02-24', wegweiser_service: 'Sprachcafé', wegweiser_service_choice: services.hidden });
    expect(forged.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});
