import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { importFile } from './index.js';
import { templateCsv } from './uploads.js';
import { importKinds } from './schemas.js';

/** A browser's multipart form: the kind radio button and the file input. */
async function uploadForm(kind: string | undefined, file?: { name: string; bytes: Uint8Array }, csrf?: string) {
  const form = new FormData();
  // as the page's form sends it: the hidden token first
  if (csrf !== undefined) form.append('_csrf', csrf);
  if (kind) form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(file?.bytes ?? [])], { type: 'text/csv' }), file?.name ?? '');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

// As German Excel saves "CSV (Trennzeichen-getrennt)": semicolons, Windows-1252.
const windows1252 = (lines: string[]) => iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-1252');

const eventsList = windows1252([
  'event_key;title;format;start_date;organizer;municipality',
  'ev-2024-03-15;Regionales Netzwerktreffen Gießen;regional_network_meeting;15.03.2024;centre;Gießen',
  'ev-2024-05-04;Landesnetzwerktreffen Frankfurt;state_network_meeting;04.05.2024;;Frankfurt am Main',
]);
const participantList = windows1252([
  'event_key;organization;person;email',
  'ev-2024-03-15;Deutsch-Türkischer Kulturverein Gießen e.V.;Ayse Yilmaz;',
  'ev-2024-03-15;DEUTSCH TÜRKISCHER KULTURVEREIN GIESSEN E. V.;Mehmet Öztürk;',
  'ev-2024-05-04;Afrikanischer Frauenverein Kassel;Grace Mensah;grace@example.org',
  'ev-2024-05-04;;Jörg Müller;',
]);

describe('imports through the staff web interface', () => {
  let test: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
  });
  afterAll(async () => test?.close());

  async function upload(who: SignedIn, kind: string | undefined, file?: { name: string; bytes: Uint8Array }, csrf = who.csrfToken, url = '/imports') {
    const { payload, contentType } = await uploadForm(kind, file, csrf);
    return test.app.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie, 'content-type': contentType },
      payload,
    });
  }
  const get = (who: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (who: SignedIn, url: string) => test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken } });
  const count = async (table: 'event' | 'participation' | 'organisation') =>
    Number((await test.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  /** The preview's counts, by name (rows, created, updated, …). */
  const countsOf = (html: string) => Object.fromEntries([...html.matchAll(/data-count="(\w+)">([\d.]+)</g)].map(([, key, value]) => [key, Number(value)]));

  it('shows the kinds, the template links and the upload form', async () => {
    const page = await get(staff, '/imports');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Welche Liste laden Sie hoch?');
    for (const kind of importKinds) expect(page.body).toContain(`/imports/templates/${kind}.csv`);
    expect(page.body).toContain('enctype="multipart/form-data"');
    // the token travels in a hidden field before the file input, never in the address (issue 8, finding 13)
    expect(page.body).toContain('action="/imports"');
    expect(page.body).not.toContain('?_csrf=');
    const form = page.body.slice(page.body.indexOf('action="/imports"'));
    expect(form.indexOf(`name="_csrf" value="${staff.csrfToken}"`)).toBeGreaterThan(0);
    expect(form.indexOf(`name="_csrf"`)).toBeLessThan(form.indexOf('type="file"'));
    expect(page.body).toContain('Bisher wurde noch keine Liste importiert.');
    const english = await get(staff, '/imports?lang=en');
    expect(english.body).toContain('Which list are you uploading?');
  });

  it('offers a template per kind that German Excel opens and that imports without header problems', async () => {
    const response = await get(staff, '/imports/templates/events.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('mosaik-events.csv');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.rawPayload.toString('utf8').split('\r\n')[0]).toBe('\uFEFFevent_key;title;format;start_date;organizer;municipality;district;capacity;per_org_limit');
    expect((await get(staff, '/imports/templates/unknown.csv')).statusCode).toBe(404);
    // In the order staff import them, every template is a valid list on its own.
    const scratch = await createTestApp();
    try {
      for (const kind of importKinds) {
        const outcome = await importFile(scratch.database.db, kind, { name: `${kind}.csv`, bytes: templateCsv(kind) });
        expect(outcome.problems, kind).toEqual([]);
        expect(outcome.created, kind).toBe(1);
      }
    } finally {
      await scratch.close();
    }
  });

  it('previews an events list, then a participant list, and stores each on confirmation', async () => {
    const events = await upload(staff, 'events', { name: 'Veranstaltungen 2024.csv', bytes: eventsList });
    expect(events.statusCode).toBe(303);
    const eventsPreviewUrl = String(events.headers.location);
    expect(eventsPreviewUrl).toMatch(/^\/imports\/[\w-]{20,}$/);
    const eventsPreview = await get(staff, eventsPreviewUrl);
    expect(eventsPreview.statusCode).toBe(200);
    expect(eventsPreview.body).toContain('Vorschau: Veranstaltungen 2024.csv');
    expect(countsOf(eventsPreview.body)).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect(eventsPreview.body).toContain('Jetzt übernehmen');
    expect(await count('event')).toBe(0);

    const confirmed = await post(staff, `${eventsPreviewUrl}/confirm`);
    expect(confirmed.statusCode).toBe(303);
    expect(String(confirmed.headers.location)).toMatch(/^\/imports\?done=\d+$/);
    expect(await count('event')).toBe(2);
    const titles = await test.database.db.selectFrom('event').select('title').orderBy('start_date').execute();
    expect(titles[0].title).toBe('Regionales Netzwerktreffen Gießen');
    const done = await get(staff, String(confirmed.headers.location));
    expect(done.body).toContain('Import gespeichert: Veranstaltungen 2024.csv');
    expect(done.body).toContain('2 Zeilen: 2 neu angelegt, 0 geändert, 0 unverändert.');
    // the upload is gone once confirmed
    expect((await get(staff, eventsPreviewUrl)).statusCode).toBe(404);

    const participants = await upload(staff, 'participants', { name: 'Teilnahme.csv', bytes: participantList });
    const preview = await get(staff, String(participants.headers.location));
    expect(countsOf(preview.body)).toMatchObject({ rows: 4, created: 4, newOrganisationCount: 2 });
    expect(preview.body).toContain('Neue Organisationen');
    expect(preview.body).toContain('Deutsch-Türkischer Kulturverein Gießen e.V.');
    expect(preview.body).toMatch(/Afrikanischer Frauenverein Kassel<\/div><\/th><td class="kern-table__cell"[^>]*><div class="mosaik-table__value">4</);
    expect(await count('organisation')).toBe(0);

    const stored = await post(staff, `${participants.headers.location}/confirm`);
    expect(await count('participation')).toBe(4);
    expect(await count('organisation')).toBe(2);
    const page = await get(staff, String(stored.headers.location));
    expect(page.body).toContain('2 neue Organisationen wurden angelegt und zur Prüfung vorgemerkt.');
    expect(page.body).toContain('href="/organisations/review"');
    // the history lists both imports, newest first, with who imported them
    const history = page.body.slice(page.body.indexOf('id="history"'));
    expect(history.indexOf('Teilnahme.csv')).toBeLessThan(history.indexOf('Veranstaltungen 2024.csv'));
    expect(history).toContain('Teilnahmelisten');
    expect(history).toContain('@test.example');
  });

  it('lists every rejected row with line, column and message, offers no confirmation and stores nothing', async () => {
    const bad = windows1252([
      'event_key;title;format;start_date',
      'ev-2024-09-01;Schreibwerkstatt;writing_workshop;01.09.2024',
      'ev-2024-09-02;Werkstatt;workshop;02.09.2024',
      'ev-2024-09-03;Ohne Datum;other;31.02.2024',
    ]);
    const response = await upload(staff, 'events', { name: 'fehler.csv', bytes: bad });
    const preview = await get(staff, String(response.headers.location));
    expect(preview.statusCode).toBe(422);
    expect(preview.body).toContain('2 Probleme in der Datei: es wird nichts gespeichert');
    expect(preview.body).toMatch(/<td class="kern-table__cell kern-table__cell--numeric"[^>]*><div class="mosaik-table__value">3<\/div><\/td><td class="kern-table__cell"[^>]*><div class="mosaik-table__value">format<\/div><\/td><td class="kern-table__cell"[^>]*><div class="mosaik-table__value">[^<]+<\/div><\/td>/);
    expect(preview.body).toMatch(/<td class="kern-table__cell kern-table__cell--numeric"[^>]*><div class="mosaik-table__value">4<\/div><\/td><td class="kern-table__cell"[^>]*><div class="mosaik-table__value">start_date<\/div><\/td>/);
    expect(preview.body).toContain('href="#problem-0"');
    expect(preview.body).toContain('Es wird nichts gespeichert, bis die Datei korrigiert ist.');
    expect(preview.body).toContain('href="/imports?kind=events"');
    expect(preview.body).not.toContain('Jetzt übernehmen');
    expect(preview.body).not.toContain('/confirm');
    const english = await get(staff, `${response.headers.location}?lang=en`);
    expect(english.body).toContain('2 problems in the file: nothing will be stored');
    // confirming anyway stores nothing either
    const before = await count('event');
    const forced = await post(staff, `${response.headers.location}/confirm`);
    expect(forced.statusCode).toBe(422);
    expect(await count('event')).toBe(before);
    const discarded = await post(staff, `${response.headers.location}/discard`);
    expect(discarded.headers.location).toBe('/imports?discarded=1');
    expect((await get(staff, String(response.headers.location))).statusCode).toBe(404);
  });

  it('offers the rejected rows as a file with what is wrong, to correct and upload again', async () => {
    const bad = windows1252([
      'Veranstaltungen Herbst 2024;;;',
      'Kennung;Veranstaltung;Format;Datum',
      'ev-2024-10-01;Schreibwerkstatt;writing_workshop;01.10.2024',
      'ev-2024-10-02;=HYPERLINK("http://evil.example");workshop;02.10.2024',
      'ev-2024-10-03;Ohne Datum;other;31.02.2024',
    ]);
    const response = await upload(staff, 'events', { name: 'herbst.csv', bytes: bad });
    const url = String(response.headers.location);
    const preview = await get(staff, url);
    expect(preview.statusCode).toBe(422);
    expect(preview.body).toContain(`href="${url}/rejected.csv"`);
    expect(preview.body).toContain('Abgelehnte Zeilen herunterladen (CSV)');
    const file = await get(staff, `${url}/rejected.csv`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.headers['content-disposition']).toBe('attachment; filename="herbst-fehler.csv"');
    const lines = file.rawPayload.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFFehler / Problem;Kennung;Veranstaltung;Format;Datum');
    expect(lines).toHaveLength(4);
    // line numbers are the uploaded file's; the formula is defused
    expect(lines[1]).toMatch(/^Zeile 4: format: [^;]+;ev-2024-10-02;"'=HYPERLINK\(""http:\/\/evil.example""\)";workshop;02.10.2024$/);
    expect(lines[2]).toMatch(/^Zeile 5: start_date: [^;]+;ev-2024-10-03;Ohne Datum;other;31.02.2024$/);
    expect((await get(staff, `${url}/rejected.csv?lang=en`)).rawPayload.toString('utf8').split('\r\n')[1]).toMatch(/^"?Line 4: format: /);
    // the same access as the preview
    const colleague = await test.signIn('staff');
    expect((await get(colleague, `${url}/rejected.csv`)).statusCode).toBe(403);
    expect((await get(await test.signIn('admin'), `${url}/rejected.csv`)).statusCode).toBe(200);
    // corrected and uploaded again as it is: the "Fehler / Problem" column is skipped
    const corrected = file.rawPayload.toString('utf8').replace('workshop;02', 'other;02').replace(';31.02.2024', ';28.02.2024');
    const again = await upload(staff, 'events', { name: 'herbst-fehler.csv', bytes: new TextEncoder().encode(corrected) });
    const second = await get(staff, String(again.headers.location));
    expect(second.body.match(/Zeile \d+: [^<]*/g) ?? []).toEqual([]);
    expect(second.statusCode).toBe(200);
    expect(countsOf(second.body)).toMatchObject({ rows: 2, created: 2 });
    // a file without rejected rows has none to offer
    expect(second.body).not.toContain('rejected.csv');
    expect((await get(staff, `${again.headers.location}/rejected.csv`)).statusCode).toBe(404);
  });

  it('refuses an upload without the form\'s token, with a wrong one, or with the token only in the address', async () => {
    const file = { name: 'events.csv', bytes: eventsList };
    const uploads = async () => Number((await test.database.db.selectFrom('import_upload').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await uploads();
    expect((await upload(staff, 'events', file, '')).statusCode).toBe(403);
    expect((await upload(staff, 'events', file, `${staff.csrfToken.slice(1)}x`)).statusCode).toBe(403);
    const other = await test.signIn('staff');
    expect((await upload(staff, 'events', file, other.csrfToken)).statusCode).toBe(403);
    expect((await upload(staff, 'events', file, '', `/imports?_csrf=${encodeURIComponent(staff.csrfToken)}`)).statusCode).toBe(403);
    expect(await uploads()).toBe(before);
    expect((await upload(staff, 'events', file)).statusCode).toBe(303);
    expect(await uploads()).toBe(before + 1);
  });

  it('refuses a form without kind or file, naming both fields', async () => {
    const response = await upload(staff, undefined);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Wählen Sie aus, welche Liste Sie hochladen.');
    expect(response.body).toContain('Wählen Sie eine Datei aus (CSV oder .xlsx).');
    expect(response.body).toContain('href="#file"');
    const wrongBody = await test.app.inject({ method: 'POST', url: '/imports', headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken }, payload: { kind: 'events' } });
    expect(wrongBody.statusCode).toBe(400);
  });

  it('refuses a file over the size limit with a message saying what to do', async () => {
    const huge = new Uint8Array(21 * 1024 * 1024).fill(0x41);
    const response = await upload(staff, 'events', { name: 'riesig.csv', bytes: huge });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('Die Datei ist größer als 20 MB.');
    expect(Number((await test.database.db.selectFrom('import_upload').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBeLessThan(5);
  });

  it("keeps an upload's preview to its account and administrators", async () => {
    const response = await upload(staff, 'events', { name: 'meins.csv', bytes: eventsList });
    const url = String(response.headers.location);
    const colleague = await test.signIn('staff');
    const refused = await get(colleague, url);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Diese Datei hat ein anderes Konto hochgeladen');
    expect((await post(colleague, `${url}/confirm`)).statusCode).toBe(403);
    expect((await post(colleague, `${url}/discard`)).statusCode).toBe(403);
    const admin = await test.signIn('admin');
    expect((await get(admin, url)).statusCode).toBe(200);
    const missing = await get(staff, '/imports/no-such-upload?lang=en');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('This preview does not exist (any more)');
  });

  it('forgets uploads older than a day when a new one arrives', async () => {
    const first = await upload(staff, 'events', { name: 'alt.csv', bytes: eventsList });
    const id = String(first.headers.location).split('/').pop()!;
    await test.database.db.updateTable('import_upload').set({ created_at: sql`now() - interval '25 hours'` }).where('id', '=', id).execute();
    expect((await get(staff, String(first.headers.location))).statusCode).toBe(404);
    await upload(staff, 'events', { name: 'neu.csv', bytes: eventsList });
    expect(await test.database.db.selectFrom('import_upload').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });
});
