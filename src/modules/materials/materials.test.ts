import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { materialsForChecklistItem, materialsForEventFormat } from './index.js';
import { readPdfFacts } from './pdf-check.js';
import { drawHandoutPdf } from './sample-pdf.js';
import { sniffMaterialType } from './sniff.js';

/*
 * The handout library end to end: staff upload a handout, see the PDF check,
 * publish it, and a new version replaces what the one public address serves
 * while the old version stays for staff. Files are judged by their content.
 */

/** A browser's multipart form, the hidden token first as the page sends it. */
async function multipart(fields: [string, string][], file?: { name: string; bytes: Uint8Array; type?: string }) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/pdf' }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

/** A ZIP's first local header naming `name` (what sniffing reads), followed by more entry names. */
function zipWith(names: string[]): Buffer {
  const headers = names.map((name) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    return Buffer.concat([header, Buffer.from(name, 'latin1')]);
  });
  return Buffer.concat(headers);
}

let test: TestApp;
let staff: SignedIn;
let taggedPdf: Buffer;
let untaggedPdf: Buffer;

beforeAll(async () => {
  test = await createTestApp();
  staff = await test.signIn('staff');
  [taggedPdf, untaggedPdf] = await Promise.all([
    drawHandoutPdf({ title: 'Handout Antragsschulung', paragraphs: ['Erste Seite.'], tagged: true, language: 'de-DE' }),
    drawHandoutPdf({ title: 'Handout Umsetzung', paragraphs: ['Ohne Tags.'], tagged: false }),
  ]);
});
afterAll(async () => test?.close());

const baseFields = (title: string): [string, string][] => [
  ['title', title],
  ['description', 'Schritt für Schritt zum Antrag.'],
  ['language', 'de'],
  ['topic', 'application'],
  ['eventFormats', 'training_application'],
  ['eventFormats', 'writing_workshop'],
  ['checklistItems', 'funding.writing'],
];

async function upload(title: string, bytes: Uint8Array, name = 'handout.pdf') {
  const form = await multipart([['_csrf', staff.csrfToken], ['kind', 'file'], ...baseFields(title)], { name, bytes });
  return test.app.inject({ method: 'POST', url: '/materials', headers: { cookie: staff.cookie, ...form.headers }, payload: form.payload });
}

const idFrom = (location: unknown) => Number(/\/materials\/(\d+)/.exec(String(location))![1]);

describe('the type of an upload, read from its content', () => {
  it('knows a PDF, an Office and an OpenDocument file, and nothing else', () => {
    expect(sniffMaterialType(untaggedPdf)?.format).toBe('pdf');
    expect(sniffMaterialType(zipWith(['[Content_Types].xml', 'ppt/slides/slide1.xml']))?.format).toBe('slides');
    expect(sniffMaterialType(zipWith(['[Content_Types].xml', 'word/document.xml']))?.format).toBe('document');
    const odp = Buffer.concat([zipWith(['mimetype']), Buffer.from('application/vnd.oasis.opendocument.presentation')]);
    expect(sniffMaterialType(odp)?.format).toBe('slides');
    expect(sniffMaterialType(Buffer.from('Name;E-Mail\nAda;ada@example.org\n'))).toBeNull();
    expect(sniffMaterialType(zipWith(['photos/1.jpg']))).toBeNull();
  });

  it('refuses a text file named .pdf, and a file that only starts like a PDF, naming the file field', async () => {
    const fake = await upload('Gefälschtes PDF', Buffer.from('Dies ist keine PDF-Datei, nur Text.'), 'antrag.pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('href="#file"');
    expect(fake.body).toContain('„antrag.pdf“ ist keine PDF-Datei');
    const broken = await upload('Kaputtes PDF', Buffer.from('%PDF-1.7\nnichts weiter'), 'kaputt.pdf');
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain('lässt sich aber nicht lesen');
    const stored = await test.database.db.selectFrom('material').select('id').where('title', 'in', ['Gefälschtes PDF', 'Kaputtes PDF']).execute();
    expect(stored).toEqual([]);
  });

  it('names every missing field in the error summary and keeps what was typed', async () => {
    const form = await multipart([['_csrf', staff.csrfToken], ['kind', 'file'], ['title', ''], ['language', 'de'], ['topic', ''], ['description', 'bleibt stehen']]);
    const response = await test.app.inject({ method: 'POST', url: '/materials', headers: { cookie: staff.cookie, ...form.headers }, payload: form.payload });
    expect(response.statusCode).toBe(400);
    for (const field of ['title', 'topic', 'file']) expect(response.body).toContain(`href="#${field}"`);
    expect(response.body).toContain('bleibt stehen');
  });
});

describe('the basic accessibility check of a PDF', () => {
  it('finds the tags, the title and the language of a tagged PDF, and their absence in an untagged one', async () => {
    expect(await readPdfFacts(taggedPdf)).toEqual({ pageCount: 1, tagged: true, title: 'Handout Antragsschulung', language: 'de-DE' });
    expect(await readPdfFacts(untaggedPdf)).toEqual({ pageCount: 1, tagged: false, title: null, language: null });
  });

  it('shows staff the result before publishing', async () => {
    const tagged = await upload('Getaggtes Handout', taggedPdf);
    expect(tagged.statusCode).toBe(303);
    const taggedPage = await test.app.inject({ url: `/materials/${idFrom(tagged.headers.location)}`, headers: { cookie: staff.cookie } });
    expect(taggedPage.body).toContain('data-pdf-check="passed"');
    expect(taggedPage.body).toContain('Nicht veröffentlicht');
    const untagged = await upload('Ungetaggtes Handout', untaggedPdf);
    const untaggedPage = await test.app.inject({ url: `/materials/${idFrom(untagged.headers.location)}`, headers: { cookie: staff.cookie } });
    expect(untaggedPage.body).toContain('data-pdf-check="failed"');
    expect(untaggedPage.body).toContain('Nicht getaggt');
    expect(untaggedPage.body).toContain('Keine Dokumentsprache angegeben');
  });
});

describe('versions behind one stable address', () => {
  it('serves the newest version at the public address, keeps the old one for staff, and shows size and pages first', async () => {
    const created = await upload('Handout Verwendungsnachweis', untaggedPdf, 'verwendungsnachweis.pdf');
    const id = idFrom(created.headers.location);
    // unpublished: not public yet
    expect((await test.app.inject({ url: `/handouts/${id}/download` })).statusCode).toBe(404);
    const publish = await test.app.inject({ method: 'POST', url: `/materials/${id}/publish`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, published: 'yes' } });
    expect(publish.statusCode).toBe(303);

    const first = await test.app.inject({ url: `/handouts/${id}/download` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.rawPayload.equals(untaggedPdf)).toBe(true);

    const second = await multipart([['_csrf', staff.csrfToken], ['note', 'Frist auf Mai geändert']], { name: 'verwendungsnachweis-2.pdf', bytes: taggedPdf });
    const added = await test.app.inject({ method: 'POST', url: `/materials/${id}/versions`, headers: { cookie: staff.cookie, ...second.headers }, payload: second.payload });
    expect(added.statusCode).toBe(303);

    const now = await test.app.inject({ url: `/handouts/${id}/download` });
    expect(now.rawPayload.equals(taggedPdf)).toBe(true);
    const old = await test.app.inject({ url: `/materials/${id}/versions/1/download`, headers: { cookie: staff.cookie } });
    expect(old.rawPayload.equals(untaggedPdf)).toBe(true);
    expect((await test.app.inject({ url: `/materials/${id}/versions/1/download` })).statusCode).not.toBe(200);

    const history = await test.app.inject({ url: `/materials/${id}`, headers: { cookie: staff.cookie } });
    expect(history.body).toContain('data-version="2"');
    expect(history.body).toContain('data-version="1"');
    expect(history.body).toContain('Frist auf Mai geändert');

    const library = await test.app.inject({ url: '/handouts?lang=de' });
    expect(library.statusCode).toBe(200);
    const item = /<li data-material="\d+">(?:(?!<\/li>).)*Handout Verwendungsnachweis(?:(?!<\/li>).)*<\/li>/s.exec(library.body)?.[0] ?? '';
    expect(item).toContain(`/handouts/${id}/download`);
    expect(item).toMatch(/PDF · \d+ kB · 1 Seite/);
    expect(library.body).not.toContain('Ungetaggtes Handout');

    const formats = await materialsForEventFormat(test.database.db, 'training_application');
    expect(formats.map((material) => material.id)).toEqual([id]);
    expect((await materialsForChecklistItem(test.database.db, 'funding.writing')).map((material) => material.version_number)).toEqual([2]);
  });

  it('filters the library by language and format, and frames it in Arabic right to left', async () => {
    const arabic = await test.app.inject({ url: '/handouts?lang=ar&format=link' });
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toContain('dir="rtl"');
    expect(arabic.body).toContain('النشرات والمواد');
    expect(arabic.body).not.toContain('data-material=');
    const english = await test.app.inject({ url: '/handouts?lang=en&language=en' });
    expect(english.body).toContain('There are no materials for this choice.');
  });
});

describe('links to the Land\'s forms', () => {
  it('keeps a form as a link: refuses an address that is not http(s), forwards the public address, and checks a changed address again', async () => {
    const send = async (url: string) => {
      const form = await multipart([['_csrf', staff.csrfToken], ['kind', 'link'], ...baseFields('Antragsformular des Regierungspräsidiums'), ['url', url]]);
      return test.app.inject({ method: 'POST', url: '/materials', headers: { cookie: staff.cookie, ...form.headers }, payload: form.payload });
    };
    const bad = await send('javascript:alert(1)');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#url"');
    const created = await send('https://rp.example.org/formulare/antrag.pdf');
    expect(created.statusCode).toBe(303);
    const id = idFrom(created.headers.location);
    await test.database.db.updateTable('material').set({ link_ok: false, link_problem: 'HTTP 404', link_checked_at: new Date('2026-03-01T10:00:00Z'), published: true }).where('id', '=', id).execute();
    const forward = await test.app.inject({ url: `/handouts/${id}/download` });
    expect(forward.statusCode).toBe(303);
    expect(forward.headers.location).toBe('https://rp.example.org/formulare/antrag.pdf');

    const edited = await test.app.inject({
      method: 'POST', url: `/materials/${id}/edit`, headers: { cookie: staff.cookie },
      payload: { _csrf: staff.csrfToken, title: 'Antragsformular (neu)', language: 'de', topic: 'application', url: 'https://rp.example.org/formulare/antrag-2026.pdf' },
    });
    expect(edited.statusCode).toBe(303);
    const row = await test.database.db.selectFrom('material').select(['title', 'link_url', 'link_ok', 'link_checked_at', 'event_formats']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Antragsformular (neu)', link_url: 'https://rp.example.org/formulare/antrag-2026.pdf', link_ok: null, link_checked_at: null, event_formats: [] });
  });
});
