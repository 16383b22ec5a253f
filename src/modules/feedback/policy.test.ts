import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import type { Role } from '../../db/tables.js';
import { importRecords } from '../imports/index.js';
import { feedbackViewOf } from './policy.js';

/**
 * One policy for every way feedback leaves Mosaik (policy.ts), checked for
 * every export and every role: the event's evaluation page, the annex as page
 * and PDF, the dashboard's feedback table as page, CSV and XLSX, and the
 * impact report's JSON. Coordinators see their districts' events only;
 * funder and evaluator never an open answer; representatives and anonymous
 * visitors nothing.
 */
const period = 'from=2019-01-01&to=2019-12-31';
const kassel = { title: 'Vernetzungstreffen Kassel', answer: 'Frau Özdemir aus Kassel hat toll moderiert' };
const fulda = { title: 'Vernetzungstreffen Fulda', answer: 'Herr Yılmaz aus Fulda war sehr hilfsbereit' };

type Reader = Exclude<Role, 'coordinator'> | 'coordinator-kassel' | 'anonymous';
const readers: Reader[] = ['admin', 'staff', 'coordinator-kassel', 'representative', 'funder', 'evaluator', 'anonymous'];

let test: TestApp;
let eventIds: { kassel: number; fulda: number };
const accounts = new Map<Reader, SignedIn | null>();

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  await importRecords(db, 'events', [
    { event_key: 'rv-kassel', title: kassel.title, format: 'regional_network_meeting', start_date: '2019-02-01', district: 'Kassel' },
    { event_key: 'rv-fulda', title: fulda.title, format: 'regional_network_meeting', start_date: '2019-03-01', district: 'Fulda' },
  ]);
  await importRecords(db, 'feedback', [
    { event_key: 'rv-kassel', response_key: '1', q1: '1', q2: '2', comment_more: kassel.answer },
    { event_key: 'rv-fulda', response_key: '1', q1: '2', q2: '1', comment_more: fulda.answer },
  ]);
  const ids = await db.selectFrom('event').select(['id', 'event_key']).execute();
  eventIds = { kassel: ids.find((row) => row.event_key === 'rv-kassel')!.id, fulda: ids.find((row) => row.event_key === 'rv-fulda')!.id };
  for (const reader of readers) {
    if (reader === 'anonymous') accounts.set(reader, null);
    else if (reader === 'coordinator-kassel') {
      const coordinator = await test.signIn('coordinator');
      await db.insertInto('account_scope').values({ account_id: coordinator.accountId, district: 'Kassel', organisation_id: null }).execute();
      accounts.set(reader, coordinator);
    } else accounts.set(reader, await test.signIn(reader));
  }
}, 120_000);
afterAll(async () => test?.close());

const get = (reader: Reader, url: string) => {
  const who = accounts.get(reader);
  return test.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
};

async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return texts.join(' ').replace(/\s+/g, ' ');
}

async function xlsxText(buffer: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join(' ');
}

/** What each export lets this reader read, as text; null when the reader is refused. */
const exports: Record<string, (reader: Reader) => Promise<string | null>> = {
  'event page (Kassel)': async (reader) => text(await get(reader, `/events/${eventIds.kassel}/feedback`)),
  'event page (Fulda)': async (reader) => text(await get(reader, `/events/${eventIds.fulda}/feedback`)),
  'annex page': async (reader) => text(await get(reader, `/feedback/annex?${period}`)),
  'annex PDF': async (reader) => {
    const response = await get(reader, `/feedback/annex.pdf?${period}`);
    return response.statusCode === 200 ? pdfText(response.rawPayload) : null;
  },
  'dashboard page': async (reader) => text(await get(reader, `/dashboard?${period}`)),
  'dashboard feedback CSV': async (reader) => text(await get(reader, `/dashboard/export/feedback.csv?${period}`)),
  'dashboard feedback XLSX': async (reader) => {
    const response = await get(reader, `/dashboard/export/feedback.xlsx?${period}`);
    return response.statusCode === 200 ? xlsxText(response.rawPayload) : null;
  },
  'report JSON': async (reader) => text(await get(reader, `/api/v1/reports/impact?${period}`)),
};
function text(response: { statusCode: number; body: string }): string | null {
  return response.statusCode === 200 ? response.body : null;
}

/** What the policy promises each reader. */
const expected: Record<Reader, { kassel: boolean; fulda: boolean; openAnswers: boolean } | null> = {
  admin: { kassel: true, fulda: true, openAnswers: true },
  staff: { kassel: true, fulda: true, openAnswers: true },
  'coordinator-kassel': { kassel: true, fulda: false, openAnswers: true },
  funder: { kassel: true, fulda: true, openAnswers: false },
  evaluator: { kassel: true, fulda: true, openAnswers: false },
  representative: null,
  anonymous: null,
};

/** Exports that carry open answers at all (the dashboard and the report hold figures only). */
const withOpenAnswers = new Set(['event page (Kassel)', 'event page (Fulda)', 'annex page', 'annex PDF']);

describe('every feedback export follows the one feedback policy', () => {
  for (const reader of readers) {
    it.each(Object.keys(exports))(`%s, read by ${reader}`, async (name) => {
      const body = await exports[name](reader);
      const promise = expected[reader];
      if (promise === null || (name === 'event page (Fulda)' && !promise.fulda)) {
        expect(body, `${name} must be refused`).toBeNull();
        return;
      }
      expect(body, `${name} must be readable`).not.toBeNull();
      const onlyOne = name.startsWith('event page');
      if (!onlyOne || name.includes('Kassel')) expect(body!.includes(kassel.title), 'Kassel event').toBe(true);
      if (!onlyOne || name.includes('Fulda')) expect(body!.includes(fulda.title), 'Fulda event').toBe(promise.fulda);
      const answers = [kassel.answer, ...(promise.fulda ? [fulda.answer] : [])].filter((answer) => !onlyOne || answer.includes(name.includes('Kassel') ? 'Kassel' : 'Fulda'));
      for (const answer of answers) expect(body!.includes(answer), `open answer in ${name}`).toBe(promise.openAnswers && withOpenAnswers.has(name));
      // never another district's answer, whatever the export
      if (!promise.fulda) expect(body!.includes(fulda.answer)).toBe(false);
    });
  }

  it('gives funder and evaluator the same counts on the event page as the dashboard: one returned form is shown, not hidden', async () => {
    for (const reader of ['funder', 'evaluator'] as const) {
      const page = (await exports['event page (Kassel)'](reader))!;
      expect(page).toMatch(/data-testid="forms"><strong>[^<]*:<\/strong> 1/);
      const csv = (await exports['dashboard feedback CSV'](reader))!;
      expect(csv).toContain(`${kassel.title};01.02.2019;Regionales Vernetzungstreffen;1;`);
    }
  });

  it('gives an account without a feedback role no event and no open answer', async () => {
    expect(await feedbackViewOf(test.database.db, null)).toEqual({ districts: [], openAnswers: false });
    expect(await feedbackViewOf(test.database.db, { id: 1, role: 'representative' })).toEqual({ districts: [], openAnswers: false });
    expect(await feedbackViewOf(test.database.db, { id: 1, role: 'funder' })).toEqual({ districts: null, openAnswers: false });
  });
});
