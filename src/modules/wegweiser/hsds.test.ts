import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { fixWegweiserClock } from './clock.test-support.js';
import { confirmedService } from './fixtures.test-support.js';
import { hsdsExport, writeHsdsExport } from './hsds-export.js';
import { describeProblem, importHsds } from './hsds-import.js';
import { errorsOf, objectValidator, responseValidator } from './hsds-schemas.test-support.js';

/*
 * The HSDS 3.0 API and the export, validated against the compiled Open
 * Referral schemas; the import → export round trip; an import that refuses
 * bad files whole. On both engines (MOSAIK_TEST_ENGINE).
 */

const now = new Date('2026-03-02T10:00:00Z');
const today = '2026-03-02';
let test: TestApp;
let ids: { fresh: string; overdue: string; hidden: string; unpublished: string; other: string };
let folder: string;

beforeAll(async () => {
  fixWegweiserClock(now);
  test = await createTestApp();
  const db = test.database.db;
  ids = {
    fresh: await confirmedService(db, '2026-01-15'),
    overdue: await confirmedService(db, '2025-06-20', { name: 'Anerkennungsberatung Kassel', topics: ['arbeit'], areas: ['Kassel'], organizationName: 'Regierungspräsidium Kassel (Beispiel)',
      locations: [{ name: 'Dienstgebäude', address_1: 'Am Alten Stadtschloss 1', postal_code: '34117', city: 'Kassel', latitude: 51.3127, longitude: 9.4797, transportation: null, accessibility: null }] }),
    hidden: await confirmedService(db, '2024-12-01', { name: 'Veraltete Beratung' }),
    unpublished: await confirmedService(db, '2026-02-01', { name: 'Entwurf einer Beratung', published: false }),
    other: await confirmedService(db, null, { name: 'Nie bestätigte Beratung' }),
  };
  folder = await mkdtemp(join(tmpdir(), 'wegweiser-hsds-'));
}, 60_000);
afterAll(async () => {
  fixWegweiserClock(null);
  await test?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const get = async (url: string) => {
  const response = await test.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};
const expectValid = (path: string, body: unknown) => {
  const validate = responseValidator(path);
  expect(validate(body), errorsOf(validate).join('\n')).toBe(true);
};

describe('the HSDS 3.0 API under /api/hsds/', () => {
  it('answers every endpoint with documents the compiled HSDS schemas accept', async () => {
    const root = await get('/api/hsds/');
    expect(root.body).toMatchObject({ version: '3.0' });
    expectValid('/', root.body);
    const services = await get('/api/hsds/services?per_page=10');
    expectValid('/services', services.body);
    const service = await get(`/api/hsds/services/${ids.fresh}`);
    expect(service.status).toBe(200);
    expectValid('/services/{id}', service.body);
    const organizations = await get('/api/hsds/organizations');
    expectValid('/organizations', organizations.body);
    const organization = await get(`/api/hsds/organizations/${service.body.organization.id}`);
    expectValid('/organizations/{id}', organization.body);
    expectValid('/taxonomies', (await get('/api/hsds/taxonomies')).body);
    expectValid('/taxonomy_terms', (await get('/api/hsds/taxonomy_terms')).body);
    expectValid('/service_at_locations', (await get('/api/hsds/service_at_locations')).body);
  }, 60_000);

  it('nests a service fully: organisation, location with address, languages, phones, topics as attributes, the change history', async () => {
    const { body } = await get(`/api/hsds/services/${ids.fresh}`);
    expect(body).toMatchObject({ id: ids.fresh, name: 'Migrationsberatung Gießen', status: 'active', assured_date: '2026-01-15', assurer_email: 'amal.haddad@beispiel.example' });
    expect(body.organization.name).toBe('Beratungszentrum Mittelhessen');
    expect(body.service_at_locations[0].location.addresses[0]).toMatchObject({ address_1: 'Bahnhofstraße 4', postal_code: '35390', city: 'Gießen', country: 'DE' });
    expect(body.languages.map((l: { code: string }) => l.code)).toEqual(['ar', 'de']);
    expect(body.attributes[0].taxonomy_term).toMatchObject({ code: 'migrationsberatung', name: 'Migrationsberatung' });
    expect(body.metadata.map((m: { field_name: string }) => m.field_name)).toContain('name');
  });

  it('shows only published, confirmed entries that are not hidden for being overdue', async () => {
    const { body } = await get('/api/hsds/services?per_page=100');
    const listed = body.contents.map((s: { id: string }) => s.id);
    expect(listed).toEqual(expect.arrayContaining([ids.fresh, ids.overdue]));
    for (const id of [ids.hidden, ids.unpublished, ids.other]) {
      expect(listed).not.toContain(id);
      expect((await get(`/api/hsds/services/${id}`)).status).toBe(404);
    }
    expect((await get('/api/hsds/services/not-a-uuid')).status).toBe(404);
  });

  it('filters by search (typos tolerated), taxonomy term, organisation and modification date, and pages', async () => {
    const typo = await get('/api/hsds/services?search=Anerkenungsberatung');
    expect(typo.body.contents.map((s: { id: string }) => s.id)).toEqual([ids.overdue]);
    const terms = (await get('/api/hsds/taxonomy_terms?per_page=50')).body.contents as { id: string; code: string }[];
    const work = terms.find((term) => term.code === 'arbeit')!;
    expect((await get(`/api/hsds/services?taxonomy_term_id=${work.id}`)).body.contents.map((s: { id: string }) => s.id)).toEqual([ids.overdue]);
    const fresh = (await get(`/api/hsds/services/${ids.fresh}`)).body;
    const byOrganization = await get(`/api/hsds/services?organization_id=${fresh.organization.id}`);
    expect(byOrganization.body.contents.map((s: { id: string }) => s.id)).toEqual([ids.fresh]);
    expect((await get('/api/hsds/services?modified_after=2030-01-01T00:00:00Z')).body).toMatchObject({ total_items: 0, empty: true });
    const first = await get('/api/hsds/services?per_page=1&page=1');
    expect(first.body).toMatchObject({ total_items: 2, total_pages: 2, page_number: 1, size: 1, first_page: true, last_page: false });
    const second = await get('/api/hsds/services?per_page=1&page=2');
    expect(second.body).toMatchObject({ page_number: 2, size: 1, last_page: true });
    expect((await get('/api/hsds/services?per_page=abc')).status).toBe(400);
  });
});

describe('mosaik export hsds / import hsds', () => {
  it('writes files whose records the HSDS schemas accept', async () => {
    const files = await hsdsExport(test.database.db, today);
    expect(files['services.json'].map((s) => s.id).sort()).toEqual([ids.fresh, ids.overdue].sort());
    const checks: [keyof typeof files, string][] = [['services.json', 'compiled/service.json'], ['organizations.json', 'compiled/organization.json'], ['taxonomies.json', 'taxonomy.json'], ['taxonomy_terms.json', 'taxonomy_term.json']];
    for (const [file, schema] of checks) {
      const validate = objectValidator(schema);
      for (const record of files[file]) expect(validate(record), `${file}: ${errorsOf(validate).join('\n')}`).toBe(true);
    }
  }, 60_000);

  it('reads an export into another Mosaik and writes it out again unchanged', async () => {
    await writeHsdsExport(test.database.db, folder, today);
    const other: TestDatabase = await createTestDatabase();
    try {
      const outcome = await importHsds(other.db, folder, now);
      expect(outcome.problems.map(describeProblem)).toEqual([]);
      const again = await hsdsExport(other.db, today);
      for (const file of ['services.json', 'organizations.json', 'taxonomies.json', 'taxonomy_terms.json'] as const) {
        expect(again[file], file).toEqual(JSON.parse(await readFile(join(folder, file), 'utf8')));
      }
      // a second import of the same folder updates, it does not duplicate
      await importHsds(other.db, folder, now);
      expect(await other.db.selectFrom('wegweiser_service').select('id').execute()).toHaveLength(2);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('refuses a bad folder whole, naming file, record and field in German and English', async () => {
    const services = JSON.parse(await readFile(join(folder, 'services.json'), 'utf8'));
    services[0].name = '';
    delete services[1].status;
    services[1].service_at_locations[0].location.latitude = 52.52;
    services[1].service_at_locations[0].location.longitude = 13.4;
    services[1].service_at_locations[0].location.addresses[0].postal_code = '10115';
    services[0].attributes = [{ id: '0f8a4b77-2c43-4f58-9d1b-0d3f5f1c8e21', link_id: services[0].id, link_entity: 'service', taxonomy_term_id: '3c7e0a57-7f1e-4b0e-9d47-9e0f1d2c3b4a', taxonomy_term: { id: '3c7e0a57-7f1e-4b0e-9d47-9e0f1d2c3b4a', code: 'raumfahrt', name: 'Raumfahrt', description: '' } }];
    const bad = await mkdtemp(join(tmpdir(), 'wegweiser-bad-'));
    try {
      await writeFile(join(bad, 'services.json'), JSON.stringify(services));
      const other = await createTestDatabase();
      try {
        const outcome = await importHsds(other.db, bad, now);
        expect(outcome.ok).toBe(false);
        expect(outcome.problems.map((p) => `${p.file}#${p.record}:${p.field}:${p.code}`)).toEqual([
          'services.json#1:name:nameMissing',
          'services.json#1:attributes[0].taxonomy_term_id:topicUnknown',
          'services.json#2:status:statusMissing',
          'services.json#2:service_at_locations[0].location.addresses[0].postal_code:postcodeUnknown',
          'services.json#2:service_at_locations[0].location.latitude:coordinatesOutsideHessen',
        ]);
        expect(describeProblem(outcome.problems[0])).toMatch(/^services\.json, Datensatz 1 \(id .+\), Feld name: Geben Sie einen Namen ein\. \/ services\.json, record 1 \(id .+\), field name: Enter a name\.$/);
        expect(await other.db.selectFrom('wegweiser_service').select('id').execute()).toEqual([]);
        expect(await other.db.selectFrom('wegweiser_organization').select('id').execute()).toEqual([]);
        await writeFile(join(bad, 'services.json'), '[{"id": ');
        expect((await importHsds(other.db, bad, now)).problems).toEqual([expect.objectContaining({ file: 'services.json', record: 0, code: 'jsonInvalid' })]);
      } finally {
        await other.close();
      }
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('translations in the HSDS API (?lang= and Accept-Language)', () => {
  const getWith = async (url: string, headers: Record<string, string> = {}) => {
    const response = await test.app.inject({ method: 'GET', url, headers });
    return { status: response.statusCode, body: response.json(), language: response.headers['content-language'], vary: String(response.headers.vary ?? '') };
  };

  it('gives the name and description in the language asked for, German where no translation exists, and still validates', async () => {
    const arabic = await getWith(`/api/hsds/services/${ids.fresh}?lang=ar`);
    expect(arabic.status).toBe(200);
    expect(arabic.language).toBe('ar');
    expect(arabic.body).toMatchObject({ name: 'استشارات الهجرة في غيسن', description: 'استشارات حول الإقامة ودورات اللغة والعمل.' });
    expectValid('/services/{id}', arabic.body);
    // English has a name only: the description stays German
    const english = await getWith(`/api/hsds/services/${ids.fresh}`, { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' });
    expect(english.language).toBe('en');
    expect(english.vary).toMatch(/accept-language/i);
    expect(english.body).toMatchObject({ name: 'Migration counselling Giessen', description: 'Beratung zu Aufenthalt, Sprachkurs und Arbeit.' });
    // ?lang= wins over the header
    expect((await getWith(`/api/hsds/services/${ids.fresh}?lang=de`, { 'accept-language': 'ar' })).body.name).toBe('Migrationsberatung Gießen');
    // a language Mosaik does not serve, by header: German
    const french = await getWith(`/api/hsds/services/${ids.fresh}`, { 'accept-language': 'fr-FR' });
    expect(french.language).toBe('de');
    expect(french.body.name).toBe('Migrationsberatung Gießen');

    const list = await getWith('/api/hsds/services?per_page=10&lang=ar');
    expectValid('/services', list.body);
    expect(list.body.contents.find((s: { id: string }) => s.id === ids.fresh).name).toBe('استشارات الهجرة في غيسن');
    const organization = await getWith(`/api/hsds/organizations/${arabic.body.organization.id}?lang=ar`);
    expectValid('/organizations/{id}', organization.body);
    expect(organization.body.services.find((s: { id: string }) => s.id === ids.fresh).name).toBe('استشارات الهجرة في غيسن');
    const sals = await getWith('/api/hsds/service_at_locations?lang=ar');
    expectValid('/service_at_locations', sals.body);
    expect(sals.body.contents.find((sal: { service_id: string }) => sal.service_id === ids.fresh).service.name).toBe('استشارات الهجرة في غيسن');
  }, 60_000);

  it('refuses an unknown ?lang= naming the parameter and the languages, in German and English', async () => {
    const refused = await getWith('/api/hsds/services?lang=fr');
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('lang: „fr“ ist keine Sprache des Wegweisers. Geben Sie eine von de, en, tr, ar, ru, uk an');
    expect(refused.body.message_en).toContain('lang: "fr" is not a language of the Wegweiser.');
  });
});
