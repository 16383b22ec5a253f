import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { event } from '../../../test/factories.js';
import { createLinkMaterial, setMaterialPublished } from '../materials/index.js';
import { addDocumentationPhoto, setDocumentationPublished } from './documentation.js';

/** A minimal PNG header of the given size with a text chunk a camera could have written (enough for the content check). */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(header);
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  const text = Buffer.concat([Buffer.from([0, 0, 0, 13]), Buffer.from('tEXtLocation\0X'), Buffer.alloc(4)]);
  return Buffer.concat([header, text, Buffer.from([0, 0, 0, 0]), Buffer.from('IEND'), Buffer.alloc(4)]);
}

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
    const photo = await upload(`${base}/photos`, { caption: 'Pinnwand Workshop 1: drei Ideen zur Gewinnung von Ehrenamtlichen' }, { name: 'pinnwand.png', bytes: png(1200, 900), type: 'image/png' });
    expect(photo.statusCode).toBe(303);

    expect((await get(`/calendar/${past.id}/documentation`)).statusCode).toBe(404);
    expect((await get(`/calendar/${past.id}`)).body).not.toContain('data-documentation-link');

    expect((await post(`${base}/publish`, { published: 'yes' })).statusCode).toBe(303);
    const page = await get(`/calendar/${past.id}/documentation?lang=ar`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain('10:30 Vortrag');
    expect(page.body).toContain('alt="Pinnwand Workshop 1: drei Ideen zur Gewinnung von Ehrenamtlichen"');
    expect(page.body).toContain('width="1200" height="900"');
    expect(page.body).toContain('Leitfaden Antrag WIR');
    expect((await get(`/calendar/${past.id}`)).body).toContain(`href="/calendar/${past.id}/documentation?lang=de"`);
    expect((await get('/calendar')).body).toContain('Dokumentation: Landesweites Netzwerktreffen 2020');

    const photoId = Number(/documentation\/photos\/(\d+)/.exec(page.body)![1]);
    const served = await get(`/calendar/${past.id}/documentation/photos/${photoId}`);
    expect(served.headers['content-type']).toBe('image/png');
    // the camera's text chunk (where a photo was taken) is not published
    expect(served.rawPayload.includes(Buffer.from('Location'))).toBe(false);

    expect((await post(`${base}/publish`, { published: 'no' })).statusCode).toBe(303);
    expect((await get(`/calendar/${past.id}/documentation`)).statusCode).toBe(404);
    expect((await get(`/calendar/${past.id}/documentation/photos/${photoId}`)).statusCode).toBe(404);
    const audit = await test.database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'event').where('subject_id', '=', String(past.id)).execute();
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['events.documentation.save', 'events.documentation.photo', 'events.documentation.publish', 'events.documentation.withdraw']));
  });

  it('refuses a file that is not the image it claims, and a photo without a description, naming the field', async () => {
    const base = `/events/${past.id}/documentation`;
    const fake = await upload(`${base}/photos`, { caption: 'Pinnwand' }, { name: 'pinnwand.jpg', bytes: Buffer.from('%PDF-1.7 not a photo'), type: 'image/jpeg' });
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('Foto: Die Datei ist kein JPEG-, PNG- oder WebP-Bild');
    const noCaption = await upload(`${base}/photos`, { caption: ' ' }, { name: 'pinnwand.png', bytes: png(800, 600), type: 'image/png' });
    expect(noCaption.statusCode).toBe(400);
    expect(noCaption.body).toContain('href="#caption"');
    expect(await addDocumentationPhoto(test.database.db, { accountId: staff.accountId }, past.id, { bytes: png(7000, 500), caption: 'zu groß' })).toEqual({ ok: false, problem: 'tooManyPixels' });
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

  it('is written by the centre only', async () => {
    const coordinator = await test.signIn('coordinator');
    expect((await get(`/events/${past.id}/documentation`, coordinator)).statusCode).toBe(403);
    expect((await get(`/events/${past.id}/documentation`, staff)).statusCode).toBe(200);
  });
});
