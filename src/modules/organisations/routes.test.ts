import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import type { Db } from '../../db/connection.js';
import { importRecords, type ImportKind } from '../imports/index.js';
import { findOrganisationIds } from './matching.js';
import { normaliseName } from '../names/index.js';

const known = 'Deutsch-Türkischer Kulturverein Giessen Verein';
const variant = 'Deutsch Türkischer Kulturverein Gießen';
const escaped = (text: string) => text.replace(/"/g, '&quot;');

async function load(db: Db, kind: ImportKind, records: Record<string, string>[]) {
  const outcome = await importRecords(db, kind, records);
  expect(outcome.problems).toEqual([]);
}

const idOf = async (db: Db, name: string) => (await findOrganisationIds(db, [normaliseName(name)])).get(normaliseName(name));

describe('the review queue pages', () => {
  let test: TestApp;
  let staff: SignedIn;
  let db: Db;
  beforeAll(async () => {
    test = await createTestApp();
    db = test.database.db;
    staff = await test.signIn('staff');
    await load(db, 'organizations', [{ org_key: 'dtkv', name: known }]);
    await load(db, 'events', [{ event_key: 'ev-1', title: 'Netzwerktreffen', format: 'regional_network_meeting', start_date: '2019-03-01' }]);
    await load(db, 'participants', [
      { event_key: 'ev-1', organization: known, person: 'Ayşe Yılmaz' },
      { event_key: 'ev-1', organization: variant, person: 'Mehmet Demir' },
      { event_key: 'ev-1', organization: 'Frauenverein Marburg', person: 'Lena Roth' },
      { event_key: 'ev-1', organization: 'Frauen-Verein Marburg Stadt', person: 'Eva Roth' },
    ]);
  });
  afterAll(async () => test?.close());

  const get = (url: string, who: SignedIn = staff) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (url: string, fields: Record<string, string>, who: SignedIn = staff, csrf = who.csrfToken) =>
    test.app.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, _csrf: csrf }).toString(),
    });

  it('shows each flagged organisation with its names, records and likely duplicates', async () => {
    const response = await get('/organisations/review');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Prüfliste Organisationen');
    expect(response.body).toContain('3 Organisationen warten auf Prüfung.');
    expect(response.body).toContain(variant);
    expect(response.body).toContain(`Zusammenführen in „${known}“`);
    expect(response.body).toMatch(/\d+&nbsp;%|\d+\s%/);
    expect(response.body).toContain('Keine Dublette');
    expect(response.body).toContain('Geprüft – eigenständige Organisation');
    expect(response.body).toContain('1 Teilnahmen, 0 Beratungen, 0 Förderanträge');
    expect(response.body).toContain('name="_csrf"');
    const english = await get('/organisations/review?lang=en');
    expect(english.body).toContain(escaped(`Merge into "${known}"`));
    expect(english.body).toContain('Not a duplicate');
  });

  it('serves the same queue as JSON, documented in OpenAPI', async () => {
    const response = await get('/api/v1/organisations/review?limit=10');
    expect(response.statusCode).toBe(200);
    const queue = response.json();
    expect(queue.total).toBe(3);
    const item = queue.items.find((entry: { name: string }) => entry.name === variant);
    expect(item.duplicates[0]).toMatchObject({ name: known, orgKey: 'dtkv' });
    expect(item.duplicates[0].similarity).toBeGreaterThan(0.4);
    const openapi = (test.app as unknown as { swagger(): { paths: Record<string, { get?: { tags?: string[] } }> } }).swagger();
    expect(openapi.paths['/api/v1/organisations/review'].get?.tags).toEqual(['organisations']);
    expect(openapi.paths['/organisations/review']).toBeUndefined();
    const bad = await get('/api/v1/organisations/review?limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'badRequest' });
  });

  it('merges after a confirmation page, and only with the CSRF token', async () => {
    const from = (await idOf(db, variant))!;
    const into = (await idOf(db, known))!;
    const confirmation = await get(`/organisations/review/merge?from=${from}&into=${into}`);
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain('Organisationen zusammenführen');
    expect(confirmation.body).toContain('Wird aufgelöst');
    expect(confirmation.body).toContain('Bleibt bestehen');
    expect(confirmation.body).toContain(`1 Teilnahmen, 0 Beratungen und 0 Förderanträge gehen auf „${known}“ über.`);
    expect(confirmation.body).toContain('action="/organisations/review/merge"');

    const forged = await post('/organisations/review/merge', { from: String(from), into: String(into) }, staff, 'not-the-token');
    expect(forged.statusCode).toBe(403);
    expect(await idOf(db, variant)).toBe(from);

    const merged = await post('/organisations/review/merge', { from: String(from), into: String(into) });
    expect(merged.statusCode).toBe(303);
    expect(merged.headers.location).toBe('/organisations/review?done=merged');
    expect(await idOf(db, variant)).toBe(into);
    const after = await get('/organisations/review?done=merged');
    expect(after.body).toContain('Die Organisationen sind zusammengeführt.');
    expect(after.body).toContain('2 Organisationen warten auf Prüfung.');
    expect(after.body).not.toContain(`Zusammenführen in „${known}“`);

    // the same form sent twice: the organisation is gone, said so
    const again = await post('/organisations/review/merge', { from: String(from), into: String(into) });
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain(`Organisation Nr. ${from} gibt es nicht (mehr)`);
  });

  it('refuses bad ids and a merge into itself with a page that says what to do, in German and English', async () => {
    const into = (await idOf(db, known))!;
    const badForm = await post('/organisations/review/merge', { from: 'abc', into: String(into) });
    expect(badForm.statusCode).toBe(400);
    expect(badForm.body).toContain('Die Angabe „from“ muss die Nummer einer Organisation sein');
    expect(badForm.body).not.toMatch(/ZodError|at .*\.ts:\d+/);
    const badLink = await get('/organisations/review/merge?from=1');
    expect(badLink.statusCode).toBe(400);
    expect(badLink.body).toContain('„into“');
    const itself = await post('/organisations/review/merge?lang=en', { from: String(into), into: String(into) });
    expect(itself.statusCode).toBe(400);
    expect(itself.body).toContain(`Organisation no. ${into} cannot be merged into itself`);
    expect(itself.body).toContain('Back to the review queue');
  });

  it('records a pair as distinct and confirms an organisation, each with a message after the redirect', async () => {
    const women = (await idOf(db, 'Frauenverein Marburg'))!;
    const womenCity = (await idOf(db, 'Frauen-Verein Marburg Stadt'))!;
    const before = await get('/api/v1/organisations/review');
    const listed = before.json().items.find((item: { id: number }) => item.id === women);
    expect(listed.duplicates.map((d: { id: number }) => d.id)).toContain(womenCity);

    const distinct = await post('/organisations/review/distinct', { id: String(women), other: String(womenCity) });
    expect(distinct.statusCode).toBe(303);
    expect(distinct.headers.location).toBe('/organisations/review?done=distinct');
    expect((await get('/organisations/review?done=distinct')).body).toContain('Dieses Paar wird nicht mehr vorgeschlagen.');
    const afterDistinct = (await get('/api/v1/organisations/review')).json().items.find((item: { id: number }) => item.id === women);
    expect(afterDistinct.duplicates).toEqual([]);

    for (const id of [women, womenCity]) {
      const confirmed = await post('/organisations/review/confirm', { id: String(id) });
      expect(confirmed.headers.location).toBe('/organisations/review?done=confirmed');
    }
    const empty = await get('/organisations/review?done=confirmed');
    expect(empty.body).toContain('Die Organisation ist geprüft');
    expect(empty.body).toContain('Die Prüfliste ist leer');
    const actions = await db.selectFrom('audit_log').select('action').where('action', 'like', 'organisation.%').orderBy('id').execute();
    expect(actions.map((row) => row.action)).toEqual(['organisation.merge', 'organisation.distinct', 'organisation.confirm', 'organisation.confirm']);
  });

  it('is for centre staff only', async () => {
    const coordinator = await test.signIn('coordinator');
    expect((await get('/organisations/review', coordinator)).statusCode).toBe(403);
    expect((await post('/organisations/review/confirm', { id: '1' }, coordinator)).statusCode).toBe(403);
    expect((await get('/api/v1/organisations/review', coordinator)).statusCode).toBe(403);
    const admin = await test.signIn('admin');
    expect((await get('/organisations/review', admin)).statusCode).toBe(200);
  });
});
