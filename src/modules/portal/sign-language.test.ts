import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { saveEasyRead } from './easy-read.js';
import { rangeOf } from './routes-sign-language.js';
import { mp4, webm } from './video.test-support.js';

let test: TestApp;
let staff: SignedIn;
beforeAll(async () => {
  test = await createTestApp();
  staff = await test.signIn('staff');
  await saveEasyRead(test.database.db, { accountId: staff.accountId }, 'offers', { title: 'Was finden Sie hier?', body: 'Hier finden Sie Hilfe für Vereine.', checkedBy: '', checkedOn: '' });
});
afterAll(async () => test?.close());

function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) {
  const boundary = '----video-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
const upload = (topic: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) => {
  const { payload, contentType } = multipart({ _csrf: staff.csrfToken, ...fields }, file);
  return test.app.inject({ method: 'POST', url: `/admin/leichte-sprache/${topic}/video`, headers: { cookie: staff.cookie, 'content-type': contentType }, payload });
};

describe('a DGS video per Leichte Sprache explanation', () => {
  it('is uploaded by staff, shown on the start page with size and duration, and served by Mosaik with byte ranges', async () => {
    const video = Buffer.concat([mp4(1000, 125_400), Buffer.alloc(40_000)]);
    const saved = await upload('offers', {}, { name: 'angebote-dgs.mp4', bytes: video, type: 'video/mp4' });
    expect(saved.headers.location).toBe('/admin/leichte-sprache/offers?video=saved#sign-language');

    const home = await test.app.inject({ method: 'GET', url: '/?lang=ar' });
    expect(home.body).toContain('data-sign-language="offers"');
    expect(home.body).toContain('<source src="/leichte-sprache/offers/video" type="video/mp4"/>');
    expect(home.body).toContain('2:05');
    expect(home.body).toContain('فيديو بلغة الإشارة الألمانية (DGS)');

    const whole = await test.app.inject({ method: 'GET', url: '/leichte-sprache/offers/video' });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.rawPayload.length).toBe(video.length);
    const part = await test.app.inject({ method: 'GET', url: '/leichte-sprache/offers/video', headers: { range: 'bytes=4-11' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 4-11/${video.length}`);
    expect(part.rawPayload.toString('latin1')).toBe('ftypisom');
  });

  it('asks for the duration when a WebM does not carry it, and refuses a file that is not a video', async () => {
    const missing = await upload('navigation', {}, { name: 'navigation.webm', bytes: webm(null), type: 'video/webm' });
    expect(missing.headers.location).toBe('/admin/leichte-sprache/navigation?video=durationMissing#sign-language');
    const page = await test.app.inject({ method: 'GET', url: '/admin/leichte-sprache/navigation?video=durationMissing', headers: { cookie: staff.cookie } });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Tragen Sie die Dauer ein');
    expect(page.body).toContain('href="#video"');
    const entered = await upload('navigation', { duration: '1:30' }, { name: 'navigation.webm', bytes: webm(null), type: 'video/webm' });
    expect(entered.headers.location).toContain('video=saved');
    const staffPage = await test.app.inject({ method: 'GET', url: '/admin/leichte-sprache/navigation', headers: { cookie: staff.cookie } });
    expect(staffPage.body).toContain('Dauer von Hand eingetragen');

    const fake = await upload('more', {}, { name: 'video.mp4', bytes: Buffer.from('%PDF-1.7 not a video'), type: 'video/mp4' });
    expect(fake.headers.location).toContain('video=videoType');
    expect((await test.app.inject({ method: 'GET', url: '/leichte-sprache/more/video' })).statusCode).toBe(404);
  });

  it('is removed at once', async () => {
    await test.app.inject({ method: 'POST', url: '/admin/leichte-sprache/navigation/video/delete', headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken } });
    expect((await test.app.inject({ method: 'GET', url: '/leichte-sprache/navigation/video' })).statusCode).toBe(404);
  });

  it('reads the ranges browsers ask for', () => {
    expect(rangeOf('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(rangeOf('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(rangeOf('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(rangeOf('bytes=200-', 100)).toBe('unsatisfiable');
    expect(rangeOf('bytes=0-1,5-6', 100)).toBeNull();
  });
});
