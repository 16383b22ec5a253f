import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account, organisation } from '../../../test/factories.js';
import { eraseOrganisation } from '../privacy/index.js';
import { shrinkStoredPortraitPhotos } from './commands.js';
import { metadataOf, photoFile, pngHeader } from './photo.test-support.js';

function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) {
  const boundary = '----portraits-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

let test: TestApp;
let representative: SignedIn;
let staff: SignedIn;
let own: { id: number; name: string };
let other: { id: number; name: string };

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  own = await organisation(db, { name: 'Deutsch-Eritreischer Elternverein Gießen', district: 'Landkreis Gießen' });
  other = await organisation(db, { name: 'Kulturverein Zedernhain Kassel', district: 'Kassel' });
  await db.updateTable('organisation').set({ postcode: '35390', municipality: 'Gießen', fields: ['education', 'youth'] }).where('id', '=', own.id).execute();
  await db.updateTable('organisation').set({ postcode: '34117', municipality: 'Kassel', fields: ['culture'] }).where('id', '=', other.id).execute();
  await db.insertInto('grant_application').values([
    { year: 2025, organisation_id: own.id, application_type: 'new', status: 'approved', summary: 'Hausaufgabentreff für Grundschulkinder' },
    { year: 2026, organisation_id: own.id, application_type: 'follow_up', status: 'approved', summary: 'Elterncafé mit Lernpaten' },
    { year: 2026, organisation_id: other.id, application_type: 'new', status: 'rejected', summary: 'Abgelehnt: nie öffentlich' },
  ]).execute();
  representative = await account(test, 'representative', { organisationIds: [own.id] });
  staff = await test.signIn('staff');
});
afterAll(async () => test?.close());

const get = (url: string, who?: SignedIn) => test.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const post = (url: string, who: SignedIn, payload: Record<string, string>) =>
  test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { ...payload, _csrf: who.csrfToken } });
const save = (url: string, who: SignedIn, fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) => {
  const { payload, contentType } = multipart({ _csrf: who.csrfToken, ...fields }, file);
  return test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'content-type': contentType }, payload });
};

describe('portraits: released by the association, withdrawn at once', () => {
  it('shows nothing public before the release', async () => {
    // a phone photo: 3,000 × 2,000 pixels with the place it was taken in its EXIF
    const upload = await photoFile(3000, 2000, { place: 'GPS 50.58N 8.67E Gießen' });
    const saved = await save(`/my/portraits/${own.id}`, representative, { text: 'Wir begleiten Familien aus Eritrea.\n\nSeit 2009.', photo_alt: 'Kinder beim Lernen' }, { name: 'foto.jpg', bytes: upload, type: 'image/jpeg' });
    expect(saved.statusCode).toBe(303);
    // stored smaller, re-encoded, without the place
    const stored = await test.database.db.selectFrom('portrait').select(['photo', 'photo_type', 'photo_width', 'photo_height']).where('organisation_id', '=', own.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ photo_type: 'image/jpeg', photo_width: 1200, photo_height: 800 });
    expect(stored.photo!.length).toBeLessThan(upload.length);
    expect(Buffer.from(stored.photo!).includes(Buffer.from('GPS'))).toBe(false);
    expect((await metadataOf(Buffer.from(stored.photo!))).exif).toBeUndefined();
    expect((await get(`/portraits/${own.id}`)).statusCode).toBe(404);
    expect((await get(`/portraits/${own.id}/photo`)).statusCode).toBe(404);
    expect((await get('/portraits')).body).not.toContain(own.name);
    expect((await get('/map')).body).not.toContain(own.name);
    // the editor sees the photo before the release
    expect((await get(`/my/portraits/${own.id}/photo`, representative)).headers['content-type']).toBe('image/jpeg');
  });

  it('asks the representative to confirm the consent, then publishes list, page, photo and map entry', async () => {
    const unconfirmed = await post(`/my/portraits/${own.id}/release`, representative, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Bestätigen Sie, dass Ihr Verein mit der Veröffentlichung einverstanden ist.');
    expect(unconfirmed.body).toContain('href="#consent"');

    expect((await post(`/my/portraits/${own.id}/release`, representative, { consent: 'yes' })).statusCode).toBe(303);
    const page = await get(`/portraits/${own.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Wir begleiten Familien aus Eritrea.');
    expect(page.body).toContain('Mikroprojekt 2026');
    expect(page.body).toContain('Hausaufgabentreff für Grundschulkinder');
    expect(page.body).toContain('Landkreis Gießen');
    expect((await get(`/portraits/${own.id}/photo`)).statusCode).toBe(200);
    expect((await get('/portraits')).body).toContain(own.name);
    const map = await get('/map');
    expect(map.body).toContain(own.name);
    expect(map.body).toContain('Gießen: 1 Vereine, 2 Mikroprojekte');
    expect(map.body).not.toContain(other.name);
    const english = await get(`/portraits/${own.id}?lang=en`);
    expect(english.body).toContain('Micro-project 2026');
  });

  it('filters the map by year, topic and district', async () => {
    expect((await get('/map?year=2025')).body).toContain(own.name);
    expect((await get('/map?year=2024')).body).not.toContain(own.name);
    expect((await get('/map?topic=youth')).body).toContain(own.name);
    expect((await get('/map?topic=sport')).body).not.toContain(own.name);
    expect((await get('/map?district=06531')).body).toContain(own.name);
    expect((await get('/map?district=06611')).body).not.toContain(own.name);
    // a bad filter is ignored, not an error
    expect((await get('/map?year=abc&district=x')).statusCode).toBe(200);
  });

  it('lets staff release on a paper consent, naming who signed and when', async () => {
    await save(`/staff/portraits/${other.id}`, staff, { text: 'Kultur aus dem Libanon in Kassel.', photo_alt: '' });
    const missing = await post(`/staff/portraits/${other.id}/release`, staff, { paper_consent_by: '', paper_consent_on: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Geben Sie an, wer die Einwilligung auf Papier unterschrieben hat.');
    expect((await get(`/portraits/${other.id}`)).statusCode).toBe(404);
    expect((await post(`/staff/portraits/${other.id}/release`, staff, { paper_consent_by: 'Rana Haddad', paper_consent_on: '03.11.2026' })).statusCode).toBe(303);
    const row = await test.database.db.selectFrom('portrait').select(['release_basis', 'paper_consent_by', 'paper_consent_on']).where('organisation_id', '=', other.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ release_basis: 'paper_consent', paper_consent_by: 'Rana Haddad', paper_consent_on: '2026-11-03' });
    const map = await get('/map');
    expect(map.body).toContain(other.name);
    // rejected applications are no micro-projects
    expect((await get(`/portraits/${other.id}`)).body).not.toContain('Abgelehnt');
  });

  it('takes a withdrawn portrait off the list, its page, its photo and the map at once', async () => {
    expect((await post(`/my/portraits/${own.id}/withdraw`, representative, {})).statusCode).toBe(303);
    expect((await get(`/portraits/${own.id}`)).statusCode).toBe(404);
    expect((await get(`/portraits/${own.id}/photo`)).statusCode).toBe(404);
    expect((await get('/portraits')).body).not.toContain(own.name);
    const map = await get('/map');
    expect(map.body).not.toContain(own.name);
    expect(map.body).toContain(other.name);
    const audit = await test.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', String(own.id)).execute();
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['portrait.saved', 'portrait.released', 'portrait.withdrawn']));
  });

  it("keeps a representative out of another association's portrait", async () => {
    expect((await get(`/my/portraits/${other.id}`, representative)).statusCode).toBe(404);
    expect((await post(`/my/portraits/${other.id}/withdraw`, representative, {})).statusCode).toBe(404);
    expect((await get(`/portraits/${other.id}`)).statusCode).toBe(200);
  });

  it('refuses a file that only claims to be a photo, and stores nothing of that form', async () => {
    const before = await test.database.db.selectFrom('portrait').select('text').where('organisation_id', '=', own.id).executeTakeFirstOrThrow();
    const fake = await save(`/my/portraits/${own.id}`, representative, { text: 'Neuer Text', photo_alt: 'x' }, { name: 'foto.jpg', bytes: Buffer.from('%PDF-1.7 not a photo'), type: 'image/jpeg' });
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('Die Datei ist kein Foto im Format JPEG, PNG oder WebP.');
    expect(fake.body).toContain('href="#photo"');
    const after = await test.database.db.selectFrom('portrait').select('text').where('organisation_id', '=', own.id).executeTakeFirstOrThrow();
    expect(after.text).toBe(before.text);
    // a decompression bomb: a small file announcing 9,000 × 9,000 pixels, refused in English too, naming the field and the fix
    const bomb = multipart({ _csrf: representative.csrfToken, text: 'x' }, { name: 'a.png', bytes: pngHeader(9000, 9000), type: 'image/png' });
    const english = await test.app.inject({ method: 'POST', url: `/my/portraits/${own.id}?lang=en`, headers: { cookie: representative.cookie, 'content-type': bomb.contentType }, payload: bomb.payload });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('The photo has more than 50 megapixels or is longer than 10000 pixels on one side. Make it smaller');
    // a damaged photo: a header with nothing after it
    const damaged = await save(`/my/portraits/${own.id}`, representative, { text: 'Noch ein Text', photo_alt: 'x' }, { name: 'foto.png', bytes: pngHeader(800, 600), type: 'image/png' });
    expect(damaged.statusCode).toBe(400);
    expect(damaged.body).toContain('Das Foto ist beschädigt und lässt sich nicht lesen. Speichern Sie es neu als JPEG');
    expect(damaged.body).toContain('Noch ein Text');
    expect((await test.database.db.selectFrom('portrait').select('text').where('organisation_id', '=', own.id).executeTakeFirstOrThrow()).text).toBe(before.text);
  });
});

describe('erasing an organisation', () => {
  it('takes its released portrait off the site with it', async () => {
    expect((await get(`/portraits/${other.id}`)).statusCode).toBe(200);
    expect(await eraseOrganisation(test.database.db, other.id, { actorId: staff.accountId, reason: 'test' })).toBe(true);
    expect((await get(`/portraits/${other.id}`)).statusCode).toBe(404);
    expect((await get('/map')).body).not.toContain(other.name);
    expect(await test.database.db.selectFrom('portrait').select('organisation_id').where('organisation_id', '=', other.id).execute()).toEqual([]);
  });
});

describe('portrait photos stored before photos were shrunk', () => {
  it('are shrunk by the module\'s job, once, without their metadata', async () => {
    const db = test.database.db;
    const { id } = await organisation(db, { name: 'Bosnischer Kulturverein Wetzlar', district: 'Lahn-Dill-Kreis' });
    const original = await photoFile(2400, 1600, { place: 'GPS 50.55N 8.50E Wetzlar' });
    await db.insertInto('portrait').values({ organisation_id: id, text: 'Wir sind ein Kulturverein.', photo: original, photo_type: 'image/jpeg', photo_width: 2400, photo_height: 1600, photo_alt: 'Tanzgruppe' }).execute();
    expect(await shrinkStoredPortraitPhotos(db)).toBe(1);
    const row = await db.selectFrom('portrait').select(['photo', 'photo_type', 'photo_width', 'photo_height']).where('organisation_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ photo_type: 'image/jpeg', photo_width: 1200, photo_height: 800 });
    expect((await metadataOf(Buffer.from(row.photo!))).exif).toBeUndefined();
    expect(await shrinkStoredPortraitPhotos(db)).toBe(0);
  });
});
