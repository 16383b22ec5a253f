import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { event } from '../../../test/factories.js';
import { createLinkMaterial, setMaterialPublished } from '../materials/index.js';
import { metadataOf, photoFile, pngHeader } from '../portraits/photo.test-support.js';
import { addDocumentationPhoto, setDocumentationPublished, shrinkStoredDocumentationPhotos } from './documentation.js';

function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) {
  const boundary = '----documentation-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

let test: TestApp;
let staff: SignedIn;
let past: { id: number; title: string };
let future: { id: number; title: string };
let handout: number;

beforeAll(async () => {
  test = await createTestApp();
  staff = await test.signIn('staff');
  // fixed days far from today, so that no run depends on the clock or the time zone
  past = await event(test.database.db, { title: 'Landesweites Netzwerktreffen 2020', format: 'state_network_meeting', startDate: '2020-05-16', organizer: 'centre' });
  future = await event(test.database.db, { title: 'Antragswerkstatt 2099', format: 'training_application', startDate: '2099-03-01', organizer: 'centre' });
  handout = await createLinkMaterial(test.database.db, staff.accountId, { title: 'Leitfaden Antrag WIR', description: 'Schritt für Schritt zum Antrag', language: 'de', topic: 'application', eventFormats: ['training_application'], checklistItems: [] }, 'https://soziales.hessen.de/foerderung');
  await setMaterialPublished(test.database.db, staff.accountId, handout, true);
});
afterAll(async () => test?.close());

const get = (url: string, who?: SignedIn) => test.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const post = (url: string, payload: Record<string, string | string[]>) =>
  test.app.inject({ method: 'POST', url, headers: { cookie: staff.cookie }, payload: { ...payload, _csrf: staff.csrfToken } });
const upload = (url: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) => {
  const { payload, contentType } = multipart({ _csrf: staff.csrfToken, ...fields }, file);
  return test.app.inject({ method: 'POST', url, headers: { cookie: staff.cookie, 'content-type': contentType }, payload });
};

describe('meeting documentation: after the event its page turns into what happened there', () => {
  it('stays private until published, then the event page and the calendar link to it', async () => {
    const base = `/events/${past.id}/documentation`;
    const saved = await post(base, { programme: '10:00 Begrüßung\n10:30 Vortrag', talks: 'Frau Demir: Was ist neu bei WIR?', results: 'Workshop 1: Ehrenamt gewinnen', downloads: [String(handout)] });
    expect(saved.statusCode).toBe(303);
    // a phone photo of the pinboard: 3,200 × 2,400 pixels, with the place it was taken in its EXIF
    const phonePhoto = await photoFile(3200, 2400, { place: 'Location: Bürgerhaus Gießen' });
    const photo = await upload(`${base}/photos`, { caption: 'Pinnwand Workshop 1: drei Ideen zur Gewinnung von Ehrenamtlichen' }, { name: 'pinnwand.jpg', bytes: phonePhoto, type: 'image/jpeg' });
    expect(photo.statusCode).toBe(303);

    expect((await get(`/calendar/${past.id}/documentation`)).statusCode).toBe(404);
    expect((await get(`/calendar/${past.id}`)).body).not.toContain('data-documentation-link');

    expect((await post(`${base}/publish`, { published: 'yes' })).statusCode).toBe(303);
    const page = await get(`/calendar/${past.id}/documentation?lang=ar`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain('10:30 Vortrag');
    expect(page.body).toContain('alt="Pinnwand Workshop 1: drei Ideen zur Gewinnung von Ehrenamtlichen"');
    // the page shows the thumbnail, linked to the photo
    expect(page.body).toContain('width="480" height="360"');
    expect(page.body).toMatch(/href="\/calendar\/\d+\/documentation\/photos\/\d+"><img src="\/calendar\/\d+\/documentation\/photos\/\d+\/thumbnail"/);
    expect(page.body).toContain('Leitfaden Antrag WIR');
    expect((await get(`/calendar/${past.id}`)).body).toContain(`href="/calendar/${past.id}/documentation?lang=de"`);
    expect((await get('/calendar')).body).toContain('Dokumentation: Landesweites Netzwerktreffen 2020');

    const photoId = Number(/documentation\/photos\/(\d+)/.exec(page.body)![1]);
    const served = await get(`/calendar/${past.id}/documentation/photos/${photoId}`);
    expect(served.headers['content-type']).toBe('image/jpeg');
    // stored smaller, and where the photo was taken is not published
    expect(served.rawPayload.length).toBeLessThan(phonePhoto.length);
    expect(served.rawPayload.includes(Buffer.from('Location'))).toBe(false);
    const stored = await metadataOf(served.rawPayload);
    expect(stored).toMatchObject({ format: 'jpeg', width: 1600, height: 1200 });
    expect(stored.exif).toBeUndefined();
    const thumbnail = await metadataOf((await get(`/calendar/${past.id}/documentation/photos/${photoId}/thumbnail`)).rawPayload);
    expect(thumbnail).toMatchObject({ width: 480, height: 360 });
    expect(thumbnail.exif).toBeUndefined();

    // sitemap.xml lists the published documentation with its last change (fixed here: the database's clock is not the test's)
    await test.database.db.updateTable('event_documentation').set({ updated_at: '2020-05-20T10:00:00Z' }).where('event_id', '=', past.id).execute();
    expect((await get('/sitemap.xml')).body).toMatch(new RegExp(`<loc>[^<]*/calendar/${past.id}/documentation</loc><lastmod>2020-05-20T10:00:00.000Z</lastmod>`));

    expect((await post(`${base}/publish`, { published: 'no' })).statusCode).toBe(303);
    expect((await get(`/calendar/${past.id}/documentation`)).statusCode).toBe(404);
    expect((await get('/sitemap.xml')).body).not.toContain(`/calendar/${past.id}/documentation`);
    expect((await get(`/calendar/${past.id}/documentation/photos/${photoId}`)).statusCode).toBe(404);
    expect((await get(`/calendar/${past.id}/documentation/photos/${photoId}/thumbnail`)).statusCode).toBe(404);
    const audit = await test.database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'event').where('subject_id', '=', String(past.id)).execute();
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['events.documentation.save', 'events.documentation.photo', 'events.documentation.publish', 'events.documentation.withdraw']));
  });

  it('refuses a file that is not the image it claims, a decompression bomb and a photo without a description, naming the field and storing nothing', async () => {
    const fresh = await event(test.database.db, { title: 'Regionaltreffen Fulda 2021', startDate: '2021-06-12', organizer: 'centre' });
    const base = `/events/${fresh.id}/documentation`;
    const fake = await upload(`${base}/photos`, { caption: 'Pinnwand' }, { name: 'pinnwand.jpg', bytes: Buffer.from('%PDF-1.7 not a photo'), type: 'image/jpeg' });
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('Foto: Die Datei ist kein JPEG-, PNG- oder WebP-Bild');
    const bomb = await upload(`${base}/photos?lang=en`, { caption: 'Pinnwand' }, { name: 'pinnwand.png', bytes: pngHeader(9000, 9000), type: 'image/png' });
    expect(bomb.statusCode).toBe(400);
    expect(bomb.body).toContain('Photo: The image has more than 50 megapixels or is longer than 10000 pixels on one side. Make it smaller');
    const damaged = await upload(`${base}/photos`, { caption: 'Pinnwand' }, { name: 'pinnwand.png', bytes: pngHeader(800, 600), type: 'image/png' });
    expect(damaged.body).toContain('Foto: Das Bild ist beschädigt und lässt sich nicht lesen.');
    const noCaption = await upload(`${base}/photos`, { caption: ' ' }, { name: 'pinnwand.png', bytes: await photoFile(800, 600, { format: 'png' }), type: 'image/png' });
    expect(noCaption.statusCode).toBe(400);
    expect(noCaption.body).toContain('href="#caption"');
    // nothing half-stored: not even the empty documentation a first photo would start
    expect(await test.database.db.selectFrom('event_documentation').select('event_id').where('event_id', '=', fresh.id).execute()).toEqual([]);
    expect(await test.database.db.selectFrom('event_documentation_photo').select('id').where('event_id', '=', fresh.id).execute()).toEqual([]);
    expect(await addDocumentationPhoto(test.database.db, { accountId: staff.accountId }, past.id, { bytes: pngHeader(12000, 500), caption: 'zu groß' })).toEqual({ ok: false, problem: 'tooManyPixels' });
  });

  it('cannot be published before the event, nor empty', async () => {
    const actor = { accountId: staff.accountId };
    await post(`/events/${future.id}/documentation`, { programme: 'Ablauf folgt' });
    await expect(setDocumentationPublished(test.database.db, actor, future.id, true, '2026-01-01')).rejects.toMatchObject({ code: 'documentation.notYet' });
    const empty = await event(test.database.db, { startDate: '2020-01-10' });
    await post(`/events/${empty.id}/documentation`, { programme: '' });
    const refused = await post(`/events/${empty.id}/documentation/publish`, { published: 'yes' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Die Dokumentation ist leer');
  });

  it('shows the handouts of the event format on the public event page', async () => {
    const page = await get(`/calendar/${future.id}?lang=tr`);
    expect(page.body).toContain('data-event-handouts');
    expect(page.body).toContain('Bu formata ait el broşürleri');
    expect(page.body).toContain('Leitfaden Antrag WIR');
    expect((await get(`/calendar/${past.id}`)).body).not.toContain('data-event-handouts');
  });

  it('shrinks a photo stored before photos were shrunk, once, and gives it a thumbnail', async () => {
    const db = test.database.db;
    const old = await event(db, { title: 'Regionaltreffen Kassel 2019', startDate: '2019-09-14', organizer: 'centre' });
    const original = await photoFile(2400, 1800, { place: 'Location: Kulturzentrum Kassel' });
    await db.insertInto('event_documentation').values({ event_id: old.id }).execute();
    await db.insertInto('event_documentation_photo').values({ event_id: old.id, caption: 'Alte Pinnwand', media_type: 'image/jpeg', bytes: original, byte_size: original.length, width: 2400, height: 1800 }).execute();
    expect(await shrinkStoredDocumentationPhotos(db)).toBe(1);
    const row = await db.selectFrom('event_documentation_photo').selectAll().where('event_id', '=', old.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ media_type: 'image/jpeg', width: 1600, height: 1200, thumbnail_width: 480, thumbnail_height: 360 });
    expect(row.byte_size).toBe(Buffer.from(row.bytes).length);
    expect(Buffer.from(row.bytes).includes(Buffer.from('Kulturzentrum'))).toBe(false);
    expect(await shrinkStoredDocumentationPhotos(db)).toBe(0);
  });

  it('is written by the centre only', async () => {
    const coordinator = await test.signIn('coordinator');
    expect((await get(`/events/${past.id}/documentation`, coordinator)).statusCode).toBe(403);
    expect((await get(`/events/${past.id}/documentation`, staff)).statusCode).toBe(200);
  });
});
