import { sql } from 'kysely';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { loadDemo } from '../demo/index.js';
import { pdfEventLimit } from './annex-pdf.js';

/*
 * The annex as a PDF (GET /feedback/annex.pdf) with the demo dataset: a real
 * PDF whose text (read back with pdf.js) holds the events, the means as the
 * report prints them, N and "keine Angabe", the scale and page numbers.
 */
let test: TestApp;
let staff: SignedIn;
let funder: SignedIn;

beforeAll(async () => {
  test = await createTestApp();
  await loadDemo(test.database.db);
  staff = await test.signIn('staff');
  funder = await test.signIn('funder');
}, 120_000);
afterAll(async () => test?.close());

/** The text of every page, one string per page. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await document.destroy();
  return pages;
}

/** A page's structure tree (pdf.js) with each element's text: the marked content it holds. */
interface Tagged {
  role: string;
  text: string;
  children: Tagged[];
}
async function structureOf(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const markInfo = await document.getMarkInfo();
  const info = (await document.getMetadata()).info as Record<string, unknown>;
  const pages: Array<{ tree: Tagged; artifacts: string }> = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    // the text of each marked content by its id; the text outside any (artifacts are not given an id)
    const texts = new Map<string, string>();
    const open: Array<string | null> = [];
    let artifacts = '';
    for (const item of content.items) {
      if ('type' in item && item.type === 'beginMarkedContentProps') open.push(item.id ?? null);
      else if ('type' in item && item.type === 'beginMarkedContent') open.push(null);
      else if ('type' in item && item.type === 'endMarkedContent') open.pop();
      else if ('str' in item) {
        const id = open.at(-1);
        if (id) texts.set(id, `${texts.get(id) ?? ''} ${item.str}`);
        else artifacts += ` ${item.str}`;
      }
    }
    type Node = { role?: string; type?: string; id?: string; children?: Node[] };
    const walk = (node: Node): Tagged => {
      const children = (node.children ?? []).filter((child) => child.role).map(walk);
      const own = (node.children ?? []).filter((child) => child.type === 'content').map((child) => texts.get(child.id ?? '') ?? '');
      return { role: node.role ?? '', children, text: [...own, ...children.map((child) => child.text)].join(' ').replace(/\s+/g, ' ').trim() };
    };
    pages.push({ tree: walk((await page.getStructTree()) as Node), artifacts });
  }
  await document.destroy();
  return { markInfo, info, pages };
}
const all = (node: Tagged, role: string): Tagged[] => [...(node.role === role ? [node] : []), ...node.children.flatMap((child) => all(child, role))];

describe('the annex as PDF', () => {
  it('is a PDF with the events, means, N, keine Angabe, the scale and page numbers (German)', async () => {
    const response = await test.app.inject({ url: '/feedback/annex.pdf?from=2017-09-01&to=2019-08-31', headers: { cookie: staff.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="anhang-feedback-2017-09-01-2019-08-31.pdf"');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pagesOf(response.rawPayload);
    const text = pages.join(' ');
    expect(text).toContain('Anhang: Auswertung der Feedbackbögen');
    expect(text).toContain('Zeitraum: 01.09.2017 – 31.08.2019');
    expect(text).toContain('1 = sehr gut; niedriger ist besser');
    expect(text).toContain('Hessenweite Vernetzungstreffen');
    expect(text).toContain('24.08.2018 – N=22');
    // state-wide meeting of 24.08.2018: q3 answered by 20 of 22 forms, mean 1,6
    expect(text).toMatch(/1,6 N=20, k\. A\. 2/);
    // Frankfurt 22.06.2018: 4 forms, quarter means with two decimals, marked as fewer than 5
    expect(text).toContain('1,25*');
    expect(text).toContain('1,75');
    expect(text).toContain('* Mittelwert aus weniger als 5 Antworten.');
    expect(text).toContain('Ohne Rückmeldebögen');
    expect(pages[0]).toContain(`Seite 1 von ${pages.length}`);
    expect(pages.at(-1)).toContain(`Seite ${pages.length} von ${pages.length}`);
  });

  it('is a tagged PDF: language, title, headings and tables as Table, TR, TH and TD for screen readers', async () => {
    const response = await test.app.inject({ url: '/feedback/annex.pdf?from=2017-09-01&to=2019-08-31', headers: { cookie: staff.cookie } });
    const { markInfo, info, pages } = await structureOf(response.rawPayload);
    expect(markInfo?.Marked).toBe(true);
    expect(info.Language).toBe('de-DE');
    expect(info.Title).toBe('Anhang: Auswertung der Feedbackbögen');
    const first = pages[0]!.tree;
    expect(all(first, 'H1').map((node) => node.text)).toEqual(['Anhang: Auswertung der Feedbackbögen']);
    expect(all(first, 'P').map((node) => node.text)).toContain('Zeitraum: 01.09.2017 – 31.08.2019');
    const table = all(first, 'Table')[0]!;
    // caption (the format), a header row (question, then one event per column), then one row per question
    expect(table.children[0]!.role).toBe('Caption');
    expect(table.children.slice(1).every((row) => row.role === 'TR')).toBe(true);
    const [header, firstQuestion] = table.children.slice(1);
    expect(header!.children.map((cell) => cell.role)).toEqual(header!.children.map(() => 'TH'));
    expect(header!.children[0]!.text).toBe('Frage');
    expect(header!.children[1]!.text).toMatch(/\d\d\.\d\d\.\d{4} – N=\d+/);
    expect(firstQuestion!.children[0]!.role).toBe('TH');
    expect(firstQuestion!.children.slice(1).map((cell) => cell.role)).toEqual(firstQuestion!.children.slice(1).map(() => 'TD'));
    expect(firstQuestion!.children[1]!.text).toMatch(/N=\d+, k\. A\. \d+/);
    // the whole table's text is in its cells; page numbers and repeated header rows are artifacts
    const tables = pages.flatMap((page) => all(page.tree, 'Table'));
    expect(tables.map((node) => node.text).join(' ')).toMatch(/1,6 N=20, k\. A\. 2/);
    expect(pages.map((page) => page.tree.text).join(' ')).not.toContain('Seite 1 von');
    // each table's header row is tagged once: a table continued on the next page repeats it there as an artifact
    const captions = tables.flatMap((node) => all(node, 'Caption')).filter((caption) => caption.text !== '');
    const questionHeaders = tables.flatMap((node) => all(node, 'TH')).filter((cell) => cell.text === 'Frage');
    expect(captions.length).toBeGreaterThan(1);
    expect(questionHeaders.length).toBe(captions.length);
    const continued = pages.findIndex((page, index) => index > 0 && all(page.tree, 'Caption').some((caption) => caption.text === ''));
    expect(continued).toBeGreaterThan(0);
    expect(pages[continued]!.artifacts).toContain('Frage');
    // every line of wrapped text is tagged: the artifacts are the page numbers and the repeated headers only
    expect(pages[0]!.artifacts.replace(/\s+/g, ' ').trim()).toBe(`Seite 1 von ${pages.length}`);
  });

  it('is English on request, filtered by format, and readable by funders', async () => {
    const response = await test.app.inject({ url: '/feedback/annex.pdf?from=2017-09-01&to=2019-08-31&format=writing_workshop&lang=en', headers: { cookie: funder.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('annex-feedback-2017-09-01-2019-08-31-writing_workshop.pdf');
    const text = (await pagesOf(response.rawPayload)).join(' ');
    expect(text).toContain('Annex: evaluation of the feedback forms');
    expect(text).toContain('1 = very good; lower is better');
    expect(text).toContain('Writing workshops');
    expect(text).toContain('16/12/2017');
    expect(text).toMatch(/1\.6 N=7, n\/a 0/);
    expect(text).not.toContain('State-wide network meetings');
    expect(text).toContain('Page 1 of');
  });

  it('refuses a reversed period with the page’s message, and the annex page links to the PDF', async () => {
    const bad = await test.app.inject({ url: '/feedback/annex.pdf?from=2019-01-01&to=2018-01-01', headers: { cookie: staff.cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('nicht nach „Bis“');
    const page = await test.app.inject({ url: '/feedback/annex?from=2017-09-01&to=2019-08-31&format=writing_workshop', headers: { cookie: staff.cookie } });
    expect(page.body).toContain('href="/feedback/annex.pdf?from=2017-09-01&amp;to=2019-08-31&amp;format=writing_workshop"');
    expect(page.body).toContain('Als PDF herunterladen');
  });

  it('is refused above the event limit, with the way out, and the page says so instead of linking', async () => {
    // one more event with a returned form than the PDF takes, in 2031
    await sql`insert into event (event_key, title, format, start_date)
      select 'ev-limit-' || n, 'Treffen ' || n, 'regional_network_meeting', date '2031-01-01' + (n % 300) from generate_series(1, ${pdfEventLimit + 1}) n`.execute(test.database.db);
    await sql`insert into feedback_response (event_id, response_key, channel) select id, '1', 'paper' from event where event_key like 'ev-limit-%'`.execute(test.database.db);
    const refused = await test.app.inject({ url: '/feedback/annex.pdf?from=2031-01-01&to=2031-12-31', headers: { cookie: staff.cookie } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`höchstens ${pdfEventLimit} Veranstaltungen; der gewählte Zeitraum hat ${pdfEventLimit + 1}`);
    const page = await test.app.inject({ url: '/feedback/annex?from=2031-01-01&to=2031-12-31', headers: { cookie: staff.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Wählen Sie einen kürzeren Zeitraum oder ein Format.');
    expect(page.body).not.toContain('/feedback/annex.pdf?');
  });

  it('is not for visitors without an account', async () => {
    const response = await test.app.inject({ url: '/feedback/annex.pdf?from=2017-09-01&to=2019-08-31' });
    expect([302, 303, 401]).toContain(response.statusCode);
  });
});
