import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account, organisation } from '../../../test/factories.js';
import { eraseOrganisation } from '../privacy/index.js';
import { checkPhoto, withoutMetadata } from './photo.js';

/** A minimal PNG header of the given size (enough for the content check, not a picture). */
function png(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(bytes);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

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
    const saved = await save(`/my/portraits/${own.id}`, representative, { text: 'Wir begleiten Familien aus Eritrea.\n\nSeit 2009.', photo_alt: 'Kinder beim Lernen' }, { name: 'foto.png', bytes: png(800, 600), type: 'image/png' });
    expect(saved.statusCode).toBe(303);
    expect((await get(`/portraits/${own.id}`)).statusCode).toBe(404);
    expect((await get(`/portraits/${own.id}/photo`)).statusCode).toBe(404);
    expect((await get('/portraits')).body).not.toContain(own.name);
    expect((await get('/map')).body).not.toContain(own.name);
    // the editor sees the photo before the release
    expect((await get(`/my/portraits/${own.id}/photo`, representative)).headers['content-type']).toBe('image/png');
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
    const english = await test.app.inject({
      method: 'POST', url: `/my/portraits/${own.id}?lang=en`,
      headers: { cookie: representative.cookie, 'content-type': multipart({ _csrf: representative.csrfToken, text: 'x' }, { name: 'a.png', bytes: png(5000, 300), type: 'image/png' }).contentType },
      payload: multipart({ _csrf: representative.csrfToken, text: 'x' }, { name: 'a.png', bytes: png(5000, 300), type: 'image/png' }).payload,
    });
    expect(english.statusCode).toBe(400);
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

describe('photo check by content', () => {
  it('reads type and size from the first bytes', () => {
    expect(checkPhoto(png(800, 600))).toEqual({ ok: true, type: 'image/png', width: 800, height: 600 });
    expect(checkPhoto(png(3000, 600))).toEqual({ ok: false, problem: 'tooManyPixels' });
    expect(checkPhoto(png(100, 100))).toEqual({ ok: false, problem: 'tooSmall' });
    expect(checkPhoto(Buffer.from('GIF89a......'))).toEqual({ ok: false, problem: 'notImage' });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0x01, 0xe0, 0x02, 0x80, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(checkPhoto(jpeg)).toEqual({ ok: true, type: 'image/jpeg', width: 640, height: 480 });
    expect(checkPhoto(Buffer.alloc(2 * 1024 * 1024, 0xff))).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('drops the EXIF segment (where a photo was taken) and keeps the image data', () => {
    const segment = (marker: number, body: string) => {
      const head = Buffer.from([0xff, marker, 0, 0]);
      head.writeUInt16BE(body.length + 2, 2);
      return Buffer.concat([head, Buffer.from(body, 'latin1')]);
    };
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8]), segment(0xe0, 'JFIF\0'), segment(0xe1, 'Exif\0\0GPS 50.58N 8.67E'),
      Buffer.from([0xff, 0xc0, 0, 17, 8, 0x01, 0xe0, 0x02, 0x80, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Buffer.from([0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]),
    ]);
    const clean = withoutMetadata(jpeg, 'image/jpeg');
    expect(clean.toString('latin1')).not.toContain('GPS');
    expect(clean.toString('latin1')).toContain('JFIF');
    expect(clean.subarray(-9)).toEqual(Buffer.from([0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]));
    expect(checkPhoto(Buffer.concat([clean, Buffer.alloc(0)]))).toMatchObject({ ok: true, width: 640, height: 480 });
  });
});
