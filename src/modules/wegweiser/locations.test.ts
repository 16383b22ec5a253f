import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { account } from '../../../test/factories.js';
import { fixWegweiserClock } from './clock.test-support.js';
import { errorsOf, responseValidator } from './hsds-schemas.test-support.js';

/*
 * Several locations per entry (HSDS service_at_location): the staff form adds,
 * orders and removes them without JavaScript; the public entry, the nearest
 * search and the API show every one. Fixed clock, both engines.
 */

const now = new Date('2026-03-02T10:00:00Z');
let test: TestApp;
let headers: { cookie: string };
let csrf: string;

beforeAll(async () => {
  fixWegweiserClock(now);
  test = await createTestApp();
  const staff = await account(test, 'staff');
  headers = { cookie: staff.cookie };
  csrf = staff.csrfToken;
}, 60_000);
afterAll(async () => {
  fixWegweiserClock(null);
  await test?.close();
});

const page = (url: string) => test.app.inject({ method: 'GET', url, headers });
const post = (url: string, payload: Record<string, string | string[]>) => test.app.inject({ method: 'POST', url, headers, payload: { _csrf: csrf, ...payload } });
const entry = {
  organization: 'Sprachschule Brücke e. V.', name: 'Integrationskurse Hanau und Offenbach', status: 'active', published: 'yes', topics: ['bildung-sprache'],
  areas: ['Main-Kinzig-Kreis'], languages: 'de, ar',
};
const hanau = { address_1: 'Nürnberger Straße 5', postal_code: '63450', city: 'Hanau', latitude: '50.1335', longitude: '8.9162' };
const offenbach = { address_1_2: 'Frankfurter Straße 40', postal_code_2: '63065', city_2: 'Offenbach am Main', latitude_2: '50.1055', longitude_2: '8.7623', transportation_2: 'S-Bahn Marktplatz' };

const locationsOf = async (serviceId: string) =>
  test.database.db.selectFrom('wegweiser_service_at_location as sal').innerJoin('wegweiser_location as l', 'l.id', 'sal.location_id')
    .select(['l.id', 'l.city', 'l.district', 'sal.position']).where('sal.service_id', '=', serviceId).orderBy('sal.position').execute();

describe('an entry with several locations', () => {
  let id: string;

  it('refuses a wrong postcode of the second location, naming that location, and stores nothing', async () => {
    const refused = await post('/wegweiser/manage/new', { ...entry, ...hanau, ...offenbach, postal_code_2: '99999' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#postal_code_2"');
    expect(refused.body).toContain('Postleitzahl (Ort 2):');
    expect(await test.database.db.selectFrom('wegweiser_service').select('id').where('name', '=', entry.name).execute()).toEqual([]);
  });

  it('stores both in the form\'s order, each with its district, and shows them again with an empty group to add one', async () => {
    const saved = await post('/wegweiser/manage/new', { ...entry, ...hanau, ...offenbach });
    expect(saved.statusCode).toBe(303);
    id = (await test.database.db.selectFrom('wegweiser_service').select('id').where('name', '=', entry.name).executeTakeFirstOrThrow()).id;
    await test.database.db.updateTable('wegweiser_service').set({ assured_date: '2026-02-20' }).where('id', '=', id).execute();
    expect((await locationsOf(id)).map((l) => [l.city, l.district, l.position])).toEqual([['Hanau', 'Main-Kinzig-Kreis', 0], ['Offenbach am Main', 'Offenbach am Main', 1]]);
    const form = await page(`/wegweiser/manage/${id}`);
    expect(form.body).toContain('Ort 1');
    expect(form.body).toContain('Ort 2');
    expect(form.body).toContain('value="Frankfurter Straße 40"');
    expect(form.body).toContain('Weiteren Ort hinzufügen');
    expect(form.body).toContain('name="address_1_3"');
  });

  it('shows every location on the public entry and in the API, and the nearest one in the search', async () => {
    const publicPage = await test.app.inject({ method: 'GET', url: `/wegweiser/${id}` });
    expect(publicPage.body).toContain('Nürnberger Straße 5, 63450 Hanau');
    expect(publicPage.body).toContain('Frankfurter Straße 40, 63065 Offenbach am Main');
    const api = await test.app.inject({ method: 'GET', url: `/api/hsds/services/${id}` });
    const body = api.json();
    expect(body.service_at_locations.map((sal: { location: { addresses: { city: string }[] } }) => sal.location.addresses[0].city)).toEqual(['Hanau', 'Offenbach am Main']);
    const validate = responseValidator('/services/{id}');
    expect(validate(body), errorsOf(validate).join('\n')).toBe(true);
    // near Offenbach's postcode the entry is listed under Offenbach, a few km away, though Hanau is its first location
    const near = await test.app.inject({ method: 'GET', url: '/wegweiser?postcode=63065' });
    const hit = near.body.slice(near.body.indexOf(entry.name));
    expect(hit.slice(0, 600)).toContain('Offenbach am Main');
  });

  it('adds a third, then removes the first by emptying it; the order and the history follow', async () => {
    const third = { address_1_3: 'Marktplatz 1', postal_code_3: '63571', city_3: 'Gelnhausen' };
    expect((await post(`/wegweiser/manage/${id}`, { ...entry, ...hanau, ...offenbach, ...third })).statusCode).toBe(303);
    const before = await locationsOf(id);
    expect(before.map((l) => l.city)).toEqual(['Hanau', 'Offenbach am Main', 'Gelnhausen']);
    // the first group emptied: Offenbach moves up, Hanau's location (no other service there) is gone
    const moved = { address_1: offenbach.address_1_2, postal_code: offenbach.postal_code_2, city: offenbach.city_2, latitude: offenbach.latitude_2, longitude: offenbach.longitude_2,
      address_1_2: third.address_1_3, postal_code_2: third.postal_code_3, city_2: third.city_3 };
    expect((await post(`/wegweiser/manage/${id}`, { ...entry, ...moved })).statusCode).toBe(303);
    const after = await locationsOf(id);
    expect(after.map((l) => [l.city, l.position])).toEqual([['Offenbach am Main', 0], ['Gelnhausen', 1]]);
    const orphans = await test.database.db.selectFrom('wegweiser_location').select('id').where('id', 'in', before.map((l) => l.id))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('wegweiser_service_at_location as sal').select('sal.id').whereRef('sal.location_id', '=', 'wegweiser_location.id')))).execute();
    expect(orphans).toEqual([]);
    const history = await test.database.db.selectFrom('wegweiser_metadata').select(['field_name', 'replacement_value']).where('resource_id', '=', id).execute();
    expect(history).toContainEqual({ field_name: 'location3.city', replacement_value: 'Gelnhausen' });
    expect(history).toContainEqual({ field_name: 'location.city', replacement_value: 'Offenbach am Main' });
  });
});
