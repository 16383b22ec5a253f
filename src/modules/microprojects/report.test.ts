import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account, organisation } from '../../../test/factories.js';
import { longestSection } from './report.js';

/**
 * The Sachbericht the association completes: prefilled from Mosaik's draft
 * the first time, saved with who and when, a save of an outdated version
 * refused with the typed text kept, another organisation's representative
 * refused, and the proof of use (PDF and XLSX) carrying the saved text — or
 * the draft, marked as such, before anything was saved.
 */

let test: TestApp;
let staff: SignedIn;
let representative: SignedIn;
let otherRepresentative: SignedIn;
let projectId: number;

const post = (who: SignedIn, url: string, payload: Record<string, string>) =>
  test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken, ...payload } });
const get = (who: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const report = () => test.database.db.selectFrom('microproject_report').selectAll().where('project_id', '=', projectId).executeTakeFirst();

async function pdfText(who: SignedIn): Promise<string> {
  const pdf = await get(who, `/microprojects/${projectId}/proof.pdf`);
  expect(pdf.statusCode).toBe(200);
  const document = await getDocument({ data: new Uint8Array(pdf.rawPayload), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let page = 1; page <= document.numPages; page++) pages.push((await (await document.getPage(page)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '));
  await document.destroy();
  return pages.join('\n');
}

const sections = (overrides: Record<string, string> = {}) => ({
  goals: 'Ein Nähcafé als Treffpunkt für Frauen.', activities: 'Zwölf Nachmittage mit Nähmaschinen.', consultations: 'Zwei Beratungen.',
  minijob: 'Die Minijobberin öffnete das Café dienstags.', network: 'Mit dem Integrationsbüro abgestimmt.', results: 'Das Café läuft weiter.', ...overrides,
});

beforeAll(async () => {
  test = await createTestApp();
  const own = await organisation(test.database.db, { name: 'Frauenverein Gießen', district: 'Gießen' });
  const other = await organisation(test.database.db, { name: 'Elternverein Kassel', district: 'Kassel' });
  staff = await test.signIn('staff');
  representative = await account(test, 'representative', { organisationIds: [own.id] });
  otherRepresentative = await account(test, 'representative', { organisationIds: [other.id] });
  const row = await test.database.db
    .insertInto('microproject')
    .values({ organisation_id: own.id, title: 'Nähcafé für Frauen', summary: 'Ein Treffpunkt für Frauen.', year: 2019, starts_on: '2019-03-01', ends_on: '2019-12-31', integration_office: 'Integrationsbüro Gießen' })
    .returning('id')
    .executeTakeFirstOrThrow();
  projectId = row.id;
}, 240_000); // the configured hook timeout: creating the app and migrating PGlite is slow on the shared machine
afterAll(async () => test?.close());

describe('the Sachbericht the association completes', () => {
  it('before a save: the form holds the draft, the proof carries it marked as a draft', async () => {
    const page = await get(representative, `/microprojects/${projectId}/sachbericht`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-report="draft"');
    expect(page.body).toContain('Abgestimmt mit: Integrationsbüro Gießen');
    expect(page.body).toContain('name="version" value="0"');
    const text = await pdfText(staff);
    expect(text).toContain('ENTWURF');
    expect(text).toContain('Abgestimmt mit: Integrationsbüro Gießen');
  });

  it('saves and reads back, with who and when', async () => {
    const saved = await post(representative, `/microprojects/${projectId}/sachbericht`, { ...sections(), version: '0' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/microprojects/${projectId}/sachbericht?done=report`);
    expect(await report()).toMatchObject({ goals: 'Ein Nähcafé als Treffpunkt für Frauen.', version: 1, saved_by_account_id: representative.accountId });
    const page = await get(staff, `/microprojects/${projectId}/sachbericht?done=report`);
    expect(page.body).toContain('data-report="saved"');
    expect(page.body).toContain('Die Minijobberin öffnete das Café dienstags.');
    expect(page.body).toContain('name="version" value="1"');
    expect(page.body).toContain('(Fassung 1)');
  });

  it('refuses the second save of an outdated version, keeping the typed text', async () => {
    expect((await post(staff, `/microprojects/${projectId}/sachbericht`, { ...sections({ results: 'Fassung der Beraterin.' }), version: '1' })).statusCode).toBe(303);
    const stale = await post(representative, `/microprojects/${projectId}/sachbericht`, { ...sections({ results: 'Fassung des Vereins.' }), version: '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('data-conflict="true"');
    expect(stale.body).toContain('Nicht gespeichert:');
    expect(stale.body).toContain('Fassung des Vereins.'); // the typed text, in the form
    expect(stale.body).toContain('Fassung der Beraterin.'); // the version saved meanwhile
    expect(stale.body).toContain('name="version" value="2"');
    expect(await report()).toMatchObject({ results: 'Fassung der Beraterin.', version: 2 });
  });

  it('names a section that is too long and stores nothing', async () => {
    const tooLong = await post(representative, `/microprojects/${projectId}/sachbericht`, { ...sections({ network: 'x'.repeat(longestSection + 1) }), version: '2' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain(`Zusammenarbeit mit der Kommune: höchstens ${longestSection} Zeichen.`);
    expect((await report())?.version).toBe(2);
  });

  it("refuses another organisation's representative (404, nothing stored)", async () => {
    expect((await get(otherRepresentative, `/microprojects/${projectId}/sachbericht`)).statusCode).toBe(404);
    expect((await post(otherRepresentative, `/microprojects/${projectId}/sachbericht`, { ...sections({ results: 'Fremd.' }), version: '2' })).statusCode).toBe(404);
    expect((await report())?.results).toBe('Fassung der Beraterin.');
  });

  it('the proof of use carries the saved text, in the PDF and the XLSX', async () => {
    const text = await pdfText(representative);
    expect(text).toContain('Sachbericht');
    expect(text).toContain('Fassung der Beraterin.');
    expect(text).toContain('Die Minijobberin öffnete das Café dienstags.');
    expect(text).not.toContain('ENTWURF');
    const xlsx = await get(staff, `/microprojects/${projectId}/proof.xlsx?lang=en`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Narrative report')!;
    const rows = sheet.getSheetValues().flatMap((values) => (Array.isArray(values) ? [values.slice(1).join(' | ')] : []));
    expect(rows).toContain('6. Results and outlook | Fassung der Beraterin.');
  });
});
