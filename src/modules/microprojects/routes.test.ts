import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account, organisation } from '../../../test/factories.js';

/**
 * The micro-project pages end to end: staff keep the year's rules and the
 * record; a representative keeps receipts and documents of their own
 * organisation's project only; bad input names the field in the reader's
 * language and stores nothing; the proof of use reads back from PDF and XLSX.
 */

let test: TestApp;
let staff: SignedIn;
let representative: SignedIn;
let otherRepresentative: SignedIn;
let coordinator: SignedIn;
let ownOrganisation: { id: number; name: string };
let projectId: number;

const post = (who: SignedIn, url: string, payload: Record<string, string>) =>
  test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken, ...payload } });
const get = (who: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const count = async (table: 'microproject' | 'microproject_receipt' | 'microproject_document') =>
  Number((await test.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

const validProject = () => ({
  organisation_id: String(ownOrganisation.id), title: 'Nähcafé für Frauen', summary: 'Ein Treffpunkt für Frauen und Mütter mit Deutschkurs.', year: '2019', application_type: 'new',
  starts_on: '2019-03-01', ends_on: '2019-12-31', planned_project_costs: '2.500,00', planned_minijob: '4.050,00', planned_tax_adviser: '300',
  minijob_monthly_hours: '45', minijob_monthly_pay: '450,00', integration_office: 'Integrationsbüro Gießen',
  contact_name_1: 'Ayşe Demir', contact_email_1: 'ayse@example.org', contact_language_1: 'tr',
});

async function multipart(who: SignedIn, name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append('_csrf', who.csrfToken);
  form.append('document', new Blob([new Uint8Array(bytes)]), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return test.app.inject({
    method: 'POST', url: `/microprojects/${projectId}/documents`,
    headers: { cookie: who.cookie, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()),
  });
}

beforeAll(async () => {
  test = await createTestApp();
  ownOrganisation = await organisation(test.database.db, { name: 'Frauenverein Gießen', district: 'Gießen' });
  const otherOrganisation = await organisation(test.database.db, { name: 'Elternverein Kassel', district: 'Kassel' });
  staff = await test.signIn('staff');
  representative = await account(test, 'representative', { organisationIds: [ownOrganisation.id] });
  otherRepresentative = await account(test, 'representative', { organisationIds: [otherOrganisation.id] });
  coordinator = await account(test, 'coordinator', { districts: ['Kassel'] });
}, 240_000); // the configured hook timeout: creating the app and migrating PGlite took over 60 s on the loaded shared machine
afterAll(async () => test?.close());

describe('the programme rules and the project record (staff)', () => {
  it('keeps the rules of a year and names a bad field', async () => {
    const bad = await post(staff, '/microprojects/rules', { year: '2019', project_limit: 'dreitausend', minijob_limit: '7200', application_deadline: '31.02.2018', minimum_wage: '9,19', minijob_monthly_ceiling: '450', proof_due_months: '6', overspend_tolerance_percent: '20' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Grenze Projektkosten: bitte einen Betrag in Euro eingeben');
    expect(bad.body).toContain('Antragsfrist: bitte ein Datum');
    const saved = await post(staff, '/microprojects/rules', { year: '2019', project_limit: '3.000', minijob_limit: '7.200', application_deadline: '31.12.2018', minimum_wage: '9,19', minijob_monthly_ceiling: '450', proof_due_months: '6', overspend_tolerance_percent: '20', source: 'WIR-Richtlinie 2019' });
    expect(saved.statusCode).toBe(303);
    const rule = await test.database.db.selectFrom('microproject_year_rule').selectAll().where('year', '=', 2019).executeTakeFirstOrThrow();
    expect(rule).toMatchObject({ project_limit_cents: 300_000, minijob_limit_cents: 720_000, application_deadline: '2018-12-31', minimum_wage_cents: 919, minijob_monthly_ceiling_cents: 45_000 });
  });

  it('refuses a period over 24 months and a mini-job above the ceiling, storing nothing', async () => {
    const tooLong = await post(staff, '/microprojects', { ...validProject(), ends_on: '2021-03-01' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Ende: ein Projekt dauert höchstens 24 Monate, also bis spätestens 2021-02-28.');
    const aboveCeiling = await post(staff, '/microprojects', { ...validProject(), minijob_monthly_pay: '520' });
    expect(aboveCeiling.statusCode).toBe(400);
    expect(aboveCeiling.body).toContain('Minijob: Lohn im Monat: über der Minijob-Grenze von 450.00 € im Monat (2019)');
    const noRules = await post(staff, '/microprojects', { ...validProject(), year: '2031' });
    expect(noRules.body).toContain('für 2031 gibt es noch keine Förderregeln');
    expect(await count('microproject')).toBe(0);
  });

  it('creates the project and shows its checklist and budget', async () => {
    const created = await post(staff, '/microprojects', validProject());
    expect(created.statusCode).toBe(303);
    projectId = Number(/\/microprojects\/(\d+)/.exec(created.headers.location as string)![1]);
    const stage = await post(staff, `/microprojects/${projectId}/stage`, { stage: 'approved', approved_on: '' });
    expect(stage.statusCode).toBe(400);
    expect(stage.body).toContain('Datum des Bewilligungsbescheids: für „Bewilligt“ bitte das Datum des Bescheids angeben.');
    expect((await post(staff, `/microprojects/${projectId}/stage`, { stage: 'running', approved_on: '2019-02-15' })).statusCode).toBe(303);
    // straight to "running": the notice's date given with it is kept
    expect((await test.database.db.selectFrom('microproject').select('approved_on').where('id', '=', projectId).executeTakeFirstOrThrow()).approved_on).toBe('2019-02-15');
    const page = await get(staff, `/microprojects/${projectId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bei der Minijob-Zentrale anmelden');
    expect(page.body).toMatch(/data-task="minijobRegistration" data-state="overdue"/);
    const overview = await get(staff, '/microprojects');
    expect(overview.body).toContain('Nähcafé für Frauen');
  });
});

describe('the association keeps its receipts and documents', () => {
  it('shows a representative their own project in Turkish and nobody else’s', async () => {
    const list = await get(representative, '/microprojects?lang=tr');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<html lang="tr"');
    expect(list.body).toContain('Nähcafé für Frauen');
    expect((await get(otherRepresentative, '/microprojects')).body).not.toContain('Nähcafé für Frauen');
    expect((await get(otherRepresentative, `/microprojects/${projectId}`)).statusCode).toBe(404);
    expect((await get(otherRepresentative, `/microprojects/${projectId}/proof.pdf`)).statusCode).toBe(404);
    expect((await get(coordinator, `/microprojects/${projectId}`)).statusCode).toBe(404);
    expect((await post(otherRepresentative, `/microprojects/${projectId}/receipts`, { paid_on: '2019-04-01', payee: 'X', purpose: 'Y', budget_line: 'project_costs', amount: '10' })).statusCode).toBe(404);
  });

  it('refuses bad receipts with a message in the representative’s language', async () => {
    const cookie = `${representative.cookie}; mosaik_lang=tr`;
    const send = (payload: Record<string, string>) => test.app.inject({ method: 'POST', url: `/microprojects/${projectId}/receipts`, headers: { cookie }, payload: { _csrf: representative.csrfToken, kept: 'yes', ...payload } });
    const negative = await send({ paid_on: '2019-04-01', payee: 'Stoffladen', purpose: 'Stoffe', budget_line: 'project_costs', amount: '-12,50' });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain("Tutar: tutar 0'dan büyük olmalı.");
    const outside = await send({ paid_on: '2020-01-15', payee: 'Stoffladen', purpose: 'Stoffe', budget_line: 'catering', amount: '1000000' });
    expect(outside.body).toContain('Ödeme tarihi: ödeme proje süresi içinde olmalı (2019-03-01 – 2019-12-31).');
    expect(outside.body).toContain('Bütçe satırı: lütfen finans planından bir bütçe satırı seçin.');
    expect(outside.body).toContain('Tutar: en fazla 20000 €');
    expect(await count('microproject_receipt')).toBe(0);
    const saved = await send({ paid_on: '05.04.2019', payee: 'Stoffladen Yılmaz', purpose: 'Stoffe für das Nähcafé', budget_line: 'project_costs', amount: '2.600,00', kept_where: 'Ordner 1' });
    expect(saved.statusCode).toBe(303);
    await send({ paid_on: '2019-04-30', payee: 'Minijob April', purpose: 'Lohn', budget_line: 'minijob', amount: '450' });
    const money = await test.app.inject({ method: 'GET', url: `/microprojects/${projectId}/receipts`, headers: { cookie } });
    expect(money.body).toContain('Stoffladen Yılmaz');
    // 2,600 of 2,500 planned: within the 20 % tolerance, and the mini-job saves
    expect(money.body).toContain('data-line="project_costs" data-verdict="withinTolerance"');
  });

  it('ticks a task of the checklist', async () => {
    expect((await post(representative, `/microprojects/${projectId}/tasks`, { task: 'minijobRegistration', done: 'yes' })).statusCode).toBe(303);
    expect((await get(representative, `/microprojects/${projectId}`)).body).toMatch(/data-task="minijobRegistration" data-state="done"/);
    expect((await post(coordinator, `/microprojects/${projectId}/tasks`, { task: 'concept', done: 'yes' })).statusCode).toBe(403);
  });

  it('keeps documents by their real type, private to the organisation and the centre', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const disguised = await multipart(representative, 'bescheid.pdf', png);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.body).toContain('„bescheid.pdf“ ist kein PDF, PNG oder JPEG');
    expect(await count('microproject_document')).toBe(0);
    const pdf = new TextEncoder().encode('%PDF-1.4\n% Bescheid\n');
    expect((await multipart(representative, 'bescheid.pdf', pdf)).statusCode).toBe(303);
    const document = await test.database.db.selectFrom('microproject_document').select('id').executeTakeFirstOrThrow();
    const url = `/microprojects/${projectId}/documents/${document.id}`;
    expect((await get(representative, url)).statusCode).toBe(200);
    expect((await get(staff, url)).statusCode).toBe(200);
    expect((await get(otherRepresentative, url)).statusCode).toBe(404);
    expect((await get(coordinator, url)).statusCode).toBe(403);
  });

  it('gives the proof of use as PDF and XLSX with every receipt', async () => {
    const pdf = await get(representative, `/microprojects/${projectId}/proof.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const document = await getDocument({ data: new Uint8Array(pdf.rawPayload), useSystemFonts: false, isEvalSupported: false }).promise;
    const text = (await (await document.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    await document.destroy();
    expect(text).toContain('Verwendungsnachweis');
    expect(text).toContain('Stoffladen Yılmaz');
    expect(text).toContain('2.600,00');
    const xlsx = await get(staff, `/microprojects/${projectId}/proof.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const [numerical, receipts] = workbook.worksheets;
    expect(numerical!.getRow(2).values).toEqual([undefined, 'Projektkosten', 2500, 2600, 100]);
    expect(receipts!.getRow(2).values).toEqual([undefined, 1, '2019-04-05', 'Stoffladen Yılmaz', 'Stoffe für das Nähcafé', 'Projektkosten', 2600, 'Ordner 1']);
    expect(receipts!.rowCount).toBe(3);
  });

  it('starts a follow-up application of the same association, linked to the project', async () => {
    const followUp = await post(staff, `/microprojects/${projectId}/follow-up`, {});
    expect(followUp.statusCode).toBe(303);
    const id = Number(/\/microprojects\/(\d+)\/edit/.exec(followUp.headers.location as string)![1]);
    const row = await test.database.db.selectFrom('microproject').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ organisation_id: ownOrganisation.id, application_type: 'follow_up', previous_project_id: projectId, year: 2020, stage: 'idea' });
    expect((await get(staff, `/microprojects/${id}/edit?done=followUp`)).body).toContain('Der Folgeantrag ist angelegt');
    expect((await post(representative, `/microprojects/${projectId}/follow-up`, {})).statusCode).toBe(403);
  });

  it('drafts the Sachbericht from what Mosaik knows', async () => {
    const page = await get(staff, `/microprojects/${projectId}/sachbericht`);
    expect(page.body).toContain('Sachbericht: Nähcafé für Frauen');
    expect(page.body).toContain('Abgestimmt mit: Integrationsbüro Gießen');
  });
});
