import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { importRecords, type ImportKind } from '../imports/index.js';
import { computeImpactReport } from './impact.js';

/*
 * Eight associations (O1–O8) and five centre events in 2019, small enough to
 * count on paper:
 *   rv  regional meeting   O1 (two people) O2 O3 O4     sa1 application training O1 O5 O6
 *   sa2 application training O2 O7                      hv  state-wide meeting O1 O2 O3 O5 O8
 *   pr  PR training        O4
 * 15 organisation participations of 8 organisations: 1,88 events each;
 * O1 and O2 came three times, O3 O4 O5 twice, O6 O7 O8 once.
 * Grants: 3 approved in 2018 (O1–O3), 5 in 2019 (O1 O2 O5 O6 and O9, who never
 * came): +67 %, of whom 4 took part (80 %).
 */
const period = { from: '2019-01-01', to: '2019-12-31' };
const names = ['Deutsch-Türkischer Kulturverein Gießen', 'Afrika Forum Kassel', 'Eritreischer Verein Frankfurt', 'Polnischer Elternverein Wiesbaden', 'Syrischer Kulturverein Marburg', 'Kurdisches Zentrum Darmstadt', 'Griechische Gemeinde Offenbach', 'Vietnamesischer Verein Hanau', 'Neuer Verein Fulda'];
const org = (n: number) => names[n - 1];

const events = [
  { event_key: 'rv', title: 'Regionales Vernetzungstreffen Gießen', format: 'regional_network_meeting', start_date: '2019-02-01' },
  { event_key: 'sa1', title: 'Schulung Antragstellung Kassel', format: 'training_application', start_date: '2019-03-01' },
  { event_key: 'sa2', title: 'Schulung Antragstellung Frankfurt', format: 'training_application', start_date: '2019-04-01' },
  { event_key: 'hv', title: 'Hessenweites Vernetzungstreffen', format: 'state_network_meeting', start_date: '2019-05-01' },
  { event_key: 'pr', title: 'Qualifizierung Öffentlichkeitsarbeit', format: 'pr_training', start_date: '2019-06-01' },
];
const attendance: Record<string, number[]> = { rv: [1, 1, 2, 3, 4], sa1: [1, 5, 6], sa2: [2, 7], hv: [1, 2, 3, 5, 8], pr: [4] };
const participants = Object.entries(attendance).flatMap(([event_key, orgs]) => orgs.map((n, index) => ({ event_key, organization: org(n), person: `Person ${event_key}-${index}` })));
const grants = [
  ...[1, 2, 3].map((n) => ({ year: 2018, organization: org(n), application_type: 'new', status: 'approved' })),
  ...[1, 2].map((n) => ({ year: 2019, organization: org(n), application_type: 'follow_up', status: 'approved' })),
  ...[5, 6, 9].map((n) => ({ year: 2019, organization: org(n), application_type: 'new', status: 'approved' })),
];
const consultations = [5, 9].map((n) => ({ date: '2019-07-01', organization: org(n), channel: 'phone' }));
const feedback = [
  ...[[1, 1, 2, 1], [2, 1, 1, 2], [1, 2, 1, 1]].map((answers, index) => ({ event_key: 'rv', response_key: `${index}`, q1: answers[0], q2: answers[1], q3: answers[2], q4: answers[3] })),
  ...[1, 1, 2, 2, 1].map((q1, index) => ({ event_key: 'hv', response_key: `${index}`, q1, q2: 2, q3: 1, q4: 1, q5: 1 })),
];

const nbsp = '\u00a0';
const query = `from=${period.from}&to=${period.to}`;

describe('the impact-report dashboard', () => {
  let test: TestApp;
  let staff: SignedIn;
  let funder: SignedIn;
  const get = (session: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });

  beforeAll(async () => {
    test = await createTestApp();
    const lists: [ImportKind, Record<string, string | number>[]][] = [
      ['events', events],
      ['participants', participants],
      ['grants', grants],
      ['consultations', consultations],
      ['feedback', feedback],
    ];
    for (const [kind, records] of lists) expect((await importRecords(test.database.db, kind, records)).problems, kind).toEqual([]);
    staff = await test.signIn('staff');
    funder = await test.signIn('funder');
  });
  afterAll(async () => test?.close());

  it('shows the reach, shares and feedback means in German number format', async () => {
    const page = await get(staff, `/dashboard?${query}`);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('Zeitraum 01.01.2019 bis 31.12.2019');
    expect(html).toContain('1,88'); // events per organisation
    expect(html).toContain(`+67${nbsp}%`); // 3 → 5 approvals
    expect(html).toContain(`80${nbsp}%`); // 4 of 5 holders took part
    expect(html).toContain(`38${nbsp}%`); // 3 of 8 organisations came once
    expect(html).toMatch(/1,33<sup>\*<\/sup>/); // mean of 3 forms: marked
    expect(html).toContain('1,40</td>'); // mean of 5 forms: not marked
    expect(html).toContain('Mittelwert aus weniger als 5 Bögen');
    for (const name of ['reach', 'event_counts', 'formats', 'grants', 'grants_by_format', 'conversion', 'feedback']) {
      expect(html).toContain(`href="/dashboard/export/${name}.csv?${query.replace('&', '&amp;')}"`);
      expect(html).toContain(`href="/dashboard/export/${name}.xlsx?${query.replace('&', '&amp;')}"`);
    }
  });

  it('draws each chart as inline SVG that the strict CSP accepts', async () => {
    const page = await get(staff, `/dashboard?${query}`);
    const figures = page.body.match(/<figure class="mosaik-chart">[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(3);
    for (const figure of figures) {
      // drawn twice, wide and narrow (issue 10: re-flowed on a phone, public/mosaik.css shows one)
      expect(figure).toMatch(/<div role="img" aria-label="[^"]+"><div class="mosaik-chart__wide"><svg [\s\S]*<\/svg><\/div><div class="mosaik-chart__narrow"><svg /);
      expect(figure).toContain('<figcaption');
      expect(figure).not.toMatch(/ style="|<style|<script/);
    }
    expect(figures[0]).toContain('aria-label="Balkendiagramm: Organisationen nach Zahl der besuchten Veranstaltungen. 1: 3; 2: 3; 3: 2"');
    expect(String(page.headers['content-security-policy'])).toContain("style-src 'self'");
  });

  it('uses British number format on the English page', async () => {
    const page = await get(staff, `/dashboard?${query}&lang=en`);
    expect(page.body).toContain('1.88');
    expect(page.body).toContain('+67%');
    expect(page.body).toContain('Period 01/01/2019 to 31/12/2019');
  });

  it('opens with the demo reporting period', async () => {
    const page = await get(staff, '/dashboard');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="2017-09-01"');
    expect(page.body).toContain('value="2019-08-31"');
  });

  it('names the field in an error summary when the period is wrong', async () => {
    const invalid = await get(staff, '/dashboard?from=2019-02-30&to=2019-12-31');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#from"');
    expect(invalid.body).toContain('Von: Bitte geben Sie den ersten Tag des Zeitraums als gültiges Datum an');
    expect(invalid.body).toContain('aria-invalid="true"');
    const reversed = await get(staff, '/dashboard?from=2019-12-31&to=2019-01-01&lang=en');
    expect(reversed.body).toContain('href="#to"');
    expect(reversed.body).toContain('To: the last day is before the first. Swap the two dates.');
    const missing = await get(staff, '/dashboard/export/reach.csv?from=2019-01-01');
    expect(missing.statusCode).toBe(400);
  });

  it('exports every table as CSV with BOM, semicolons and decimal commas', async () => {
    const csv = await get(staff, `/dashboard/export/reach.csv?${query}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="mosaik-reach-2019-01-01-2019-12-31.csv"');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(csv.body)).toEqual([
      ['Kennzahl', 'Wert'],
      ['Veranstaltungen des Kompetenzzentrums', '5'],
      ['Erreichte Organisationen', '8'],
      ['Vereinsteilnahmen', '15'],
      ['Teilnahmen von Personen', '16'],
      ['Veranstaltungen je Organisation (Mittelwert)', '1,88'],
    ]);
    const grantsCsv = parseCsv((await get(staff, `/dashboard/export/grants.csv?${query}`)).body);
    expect(grantsCsv[0].slice(0, 7)).toEqual(['Förderjahr', 'Bewilligt', 'Neuanträge', 'Folgeanträge', 'Veränderung zum Vorjahr (%)', 'Träger mit Teilnahme', 'Anteil mit Teilnahme (%)']);
    expect(grantsCsv[2].slice(0, 7)).toEqual(['2019', '5', '3', '2', '66,7', '4', '80']);
    for (const name of ['event_counts', 'formats', 'grants_by_format', 'conversion', 'feedback']) {
      expect((await get(staff, `/dashboard/export/${name}.csv?${query}`)).statusCode, name).toBe(200);
    }
    expect((await get(staff, `/dashboard/export/nothing.csv?${query}`)).statusCode).toBe(404);
    expect((await get(staff, `/dashboard/export/reach.pdf?${query}`)).statusCode).toBe(404);
  });

  it('exports XLSX with a header row and numbers as numbers, the same as the report', async () => {
    const report = await computeImpactReport(test.database.db, period);
    const rows = await xlsxRows((await get(staff, `/dashboard/export/formats.xlsx?${query}`)).rawPayload);
    expect(rows[0]).toEqual(['Format', 'Veranstaltungen', 'Organisationen', 'Vereinsteilnahmen', 'Personenteilnahmen']);
    expect(rows.slice(1)).toEqual([
      ['Regionales Vernetzungstreffen', ...counts(report.formats.regional_network_meeting!)],
      ['Hessenweites Vernetzungstreffen', ...counts(report.formats.state_network_meeting!)],
      ['Schulung Antragstellung', ...counts(report.formats.training_application!)],
      ['Qualifizierung Öffentlichkeitsarbeit', ...counts(report.formats.pr_training!)],
    ]);
    const reach = await xlsxRows((await get(staff, `/dashboard/export/reach.xlsx?${query}`)).rawPayload);
    expect(reach[5]).toEqual(['Veranstaltungen je Organisation (Mittelwert)', report.reach.mean_events_per_organization]);
    const feedbackRows = await xlsxRows((await get(staff, `/dashboard/export/feedback.xlsx?${query}`)).rawPayload);
    // the event's day is a date (midnight UTC is how exceljs reads a date back), not the text 01.02.2019
    expect(feedbackRows[1].slice(0, 6)).toEqual(['Regionales Vernetzungstreffen Gießen', new Date(Date.UTC(2019, 1, 1)), 'Regionales Vernetzungstreffen', 3, report.feedback[0].questions[0].mean, 3]);
    const grantRows = await xlsxRows((await get(staff, `/dashboard/export/grants.xlsx?${query}`)).rawPayload);
    expect(grantRows[2][0]).toBe(2019);
  });

  it('shows funders the report as staff see it: totals, the distribution by number of events and means are never hidden', async () => {
    const page = await get(funder, `/dashboard?${query}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('wenn sie nach Landkreis, Gemeinde, Ausrichtung, Community oder Sprache aufgeschlüsselt sind');
    expect(page.body).not.toMatch(/<td[^>]*>(&lt; 3|x)<\/td>/);
    for (const table of ['reach', 'event_counts', 'formats', 'grants', 'grants_by_format', 'conversion', 'feedback']) {
      const csv = `/dashboard/export/${table}.csv?${query}`;
      expect(parseCsv((await get(funder, csv)).body), csv).toEqual(parseCsv((await get(staff, csv)).body));
      const xlsx = `/dashboard/export/${table}.xlsx?${query}`;
      expect(await xlsxRows((await get(funder, xlsx)).rawPayload), xlsx).toEqual(await xlsxRows((await get(staff, xlsx)).rawPayload));
    }
    // the cells of 2 and 1 that used to read "< 3" and "x"
    expect(parseCsv((await get(funder, `/dashboard/export/event_counts.csv?${query}`)).body)[3]).toEqual(['3', '2', '25']);
  });

  it('serves the report JSON: exact for staff, the same with an empty "suppressed" list for funders', async () => {
    const report = await computeImpactReport(test.database.db, period);
    const exact = await get(staff, `/api/v1/reports/impact?${query}`);
    expect(exact.statusCode).toBe(200);
    expect(exact.json()).toEqual(report);
    const funders = (await get(funder, `/api/v1/reports/impact?${query}`)).json();
    expect(funders).toEqual({ ...report, suppressed: [] });
  });

  it('is for figure readers only', async () => {
    const representative = await test.signIn('representative');
    for (const url of [`/dashboard?${query}`, `/dashboard/export/reach.csv?${query}`, `/api/v1/reports/impact?${query}`]) {
      expect((await get(representative, url)).statusCode, url).toBe(403);
      expect((await test.app.inject({ method: 'GET', url })).statusCode, url).toBe(url.startsWith('/api/') ? 401 : 303);
    }
    for (const role of ['admin', 'coordinator', 'evaluator'] as const) {
      expect((await get(await test.signIn(role), `/dashboard/export/reach.xlsx?${query}`)).statusCode, role).toBe(200);
    }
  });

  it('answers a wrong period with 400 and a German and English message per field', async () => {
    const response = await get(staff, '/api/v1/reports/impact?from=2019-13-01&to=2019-01-01');
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe('badRequest');
    expect(body.fields).toEqual([
      expect.objectContaining({ field: 'from', message: expect.stringContaining('from muss'), message_en: expect.stringContaining('from must') }),
    ]);
    const reversed = (await get(staff, '/api/v1/reports/impact?from=2019-12-31&to=2019-01-01')).json();
    expect(reversed.fields).toEqual([{ field: 'to', message: expect.stringContaining('vertauschen'), message_en: expect.stringContaining('swap') }]);
    const document = (await test.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(document.paths['/api/v1/reports/impact'].get.tags).toEqual(['reports']);
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/dashboard'))).toEqual([]);
  });
});

function parseCsv(text: string): string[][] {
  return text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(';'));
}

async function xlsxRows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const counts = (entry: { events: number; organizations: number; organization_participations: number; person_participations: number }) => [
  entry.events,
  entry.organizations,
  entry.organization_participations,
  entry.person_participations,
];
