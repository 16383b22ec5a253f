import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account, organisation } from '../../../test/factories.js';
import { fixMicroprojectClock } from './clock.test-support.js';
import { module as microprojects } from './index.js';

/**
 * "Done when" of issue 13, through HTTP with a fixed clock: a first-time
 * applicant association and its adviser go from the idea to the submitted
 * proof of use — idea, in consultation, application submitted, approved (the
 * notice's date), running (the mini-job's tasks ticked, receipts kept, a
 * document uploaded), proof of use due, proof of use submitted — and on no
 * day of the way is a task of the checklist overdue. The reminders job runs
 * on each of those days (twice: each reminder goes out once) and never has to
 * tell anyone of a missed date.
 */

let test: TestApp;
let adviser: SignedIn;
let board: SignedIn;
let association: { id: number; name: string };
let projectId: number;

// 10:00 in Berlin, winter or summer; the machine's zone plays no part
const at = (day: string) => new Date(`${day}T08:00:00Z`);
const post = (who: SignedIn, url: string, payload: Record<string, string>) =>
  test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken, ...payload } });
const get = (who: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const reminders = microprojects.jobs!.find((job) => job.name === 'reminders')!;

/** Sets the day; runs the reminders job twice (the second run must find nothing new); gives the mails of the first. */
async function day(date: string) {
  fixMicroprojectClock(at(date));
  const before = await outbox();
  await reminders.run(test.database.db, at(date));
  const after = await outbox();
  await reminders.run(test.database.db, at(date));
  expect(await outbox(), `${date}: a second run of the job sends nothing`).toHaveLength(after.length);
  return after.slice(before.length);
}

const outbox = () =>
  test.database.db.selectFrom('mail_outbox').select(['kind', 'to_address', 'subject']).where('kind', 'like', 'microprojects.reminder.%').orderBy('id').execute();

/** Neither the association nor the adviser sees anything overdue: on the project, in the adviser overview, on "Mein Bereich". */
async function nothingOverdue(date: string) {
  const page = await get(board, `/microprojects/${projectId}`);
  expect(page.statusCode).toBe(200);
  expect(page.body, `${date}: an overdue task on the project page`).not.toContain('data-state="overdue"');
  const overview = await get(adviser, '/microprojects');
  expect(overview.body).toContain(`data-project="${projectId}"`);
  expect(overview.body, `${date}: overdue in the adviser overview`).not.toMatch(/<strong>\d+ überfällig/);
}

const tick = async (...tasks: string[]) => {
  for (const task of tasks) expect((await post(board, `/microprojects/${projectId}/tasks`, { task, done: 'yes' })).statusCode, task).toBe(303);
};
const stage = async (value: string, approvedOn = '') => expect((await post(adviser, `/microprojects/${projectId}/stage`, { stage: value, approved_on: approvedOn })).statusCode).toBe(303);
const receipt = async (payload: Record<string, string>) => expect((await post(board, `/microprojects/${projectId}/receipts`, { kept: 'yes', kept_where: 'Ordner Mikroprojekt 2021', ...payload })).statusCode).toBe(303);

async function upload(name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append('_csrf', board.csrfToken);
  form.append('document', new Blob([new Uint8Array(bytes)]), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return test.app.inject({
    method: 'POST', url: `/microprojects/${projectId}/documents`,
    headers: { cookie: board.cookie, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()),
  });
}

beforeAll(async () => {
  test = await createTestApp();
  association = await organisation(test.database.db, { name: 'Deutsch-Türkischer Frauenverein Wetzlar', district: 'Lahn-Dill-Kreis' });
  adviser = await test.signIn('staff');
  board = await account(test, 'representative', { organisationIds: [association.id] });
}, 240_000);
afterAll(async () => {
  fixMicroprojectClock(null);
  await test?.close();
});

describe('from the idea to the submitted proof of use, without a missed date', () => {
  it('the adviser keeps the year’s rules and records the idea of a first application', async () => {
    fixMicroprojectClock(at('2021-03-01'));
    const rules = await post(adviser, '/microprojects/rules', {
      year: '2021', project_limit: '3.000', minijob_limit: '7.200', application_deadline: '31.05.2021', minimum_wage: '9,50', minijob_monthly_ceiling: '450',
      proof_due_months: '6', overspend_tolerance_percent: '20', source: 'Testwerte',
    });
    expect(rules.statusCode).toBe(303);
    const created = await post(adviser, '/microprojects', {
      organisation_id: String(association.id), title: 'Nähwerkstatt für Frauen', summary: 'Ein offener Treffpunkt für Frauen mit Nähkurs und Deutsch im Alltag.', year: '2021',
      application_type: 'new', starts_on: '2021-08-01', ends_on: '2022-07-31', planned_project_costs: '2.500', planned_minijob: '4.560', planned_tax_adviser: '300',
      minijob_monthly_hours: '40', minijob_monthly_pay: '380', adviser_account_id: String(adviser.accountId), integration_office: 'WIR-Koordination Lahn-Dill',
      contact_name_1: 'Ayşe Yıldız', contact_email_1: 'ayse.yildiz@frauenverein.example', contact_language_1: 'tr',
    });
    expect(created.statusCode).toBe(303);
    projectId = Number(/\/microprojects\/(\d+)/.exec(String(created.headers.location))![1]);
    expect(await test.database.db.selectFrom('microproject').select(['stage', 'application_type']).where('id', '=', projectId).executeTakeFirstOrThrow()).toEqual({ stage: 'idea', application_type: 'new' });
    expect(await day('2021-03-15')).toEqual([]);
    await nothingOverdue('2021-03-15');
    // the association finds its project on "Mein Bereich"
    const my = await get(board, '/my');
    expect(my.body).toContain('Nähwerkstatt für Frauen');
    expect(my.body).toContain('Stand: Idee');
  });

  it('prepares the application in consultation, reminded a week before each date, and submits it in time', async () => {
    expect(await day('2021-04-12')).toEqual([]);
    await stage('in_consultation');
    await tick('concept');
    await nothingOverdue('2021-04-12');

    const financePlan = await day('2021-05-04');
    expect(financePlan.map((mail) => mail.to_address).sort()).toEqual(['ayse.yildiz@frauenverein.example', (await email(adviser)).toLowerCase()].sort());
    const toContact = financePlan.find((mail) => mail.to_address === 'ayse.yildiz@frauenverein.example')!;
    expect(toContact.kind).toBe('microprojects.reminder.before');
    expect(toContact.subject).toMatch(/^Yakında: /);
    expect(financePlan.find((mail) => mail.to_address !== 'ayse.yildiz@frauenverein.example')!.subject).toBe('Bald fällig: Finanzplan aufstellen (Nähwerkstatt für Frauen)');
    await tick('financePlan');
    await nothingOverdue('2021-05-04');

    expect(await day('2021-05-12')).toHaveLength(2);
    await tick('integrationOfficeLetter');
    await nothingOverdue('2021-05-12');

    expect(await day('2021-05-26')).toHaveLength(2);
    await stage('application_submitted');
    await nothingOverdue('2021-05-26');
    expect((await get(board, `/microprojects/${projectId}`)).body).toMatch(/data-task="submitApplication" data-state="done"/);
  });

  it('is approved, reads the notice and sets up the mini-job before the start', async () => {
    expect(await day('2021-07-08')).toEqual([]);
    await stage('approved', '2021-07-05');
    expect((await get(board, `/microprojects/${projectId}`)).body).toContain('Bescheid vom 05.07.2021');
    await tick('readNotice');
    await nothingOverdue('2021-07-08');

    // the four steps of becoming an employer are due at the start (1 August): a reminder each, to both
    const employer = await day('2021-07-27');
    expect(employer).toHaveLength(8);
    await tick('personnelQuestionnaire', 'accidentInsurance', 'employerNumber', 'employmentContract', 'taxAdviser');
    await nothingOverdue('2021-07-27');
  });

  it('runs: working-time records, levies, the registration with the Minijob-Zentrale, receipts and a document', async () => {
    expect(await day('2021-08-02')).toHaveLength(2);
    await stage('running');
    await tick('workingTimeRecords');
    const pdf = new TextEncoder().encode('%PDF-1.4\n% Arbeitsvertrag Minijob\n');
    expect((await upload('Arbeitsvertrag.pdf', pdf)).statusCode).toBe(303);
    await nothingOverdue('2021-08-02');

    expect(await day('2021-08-27')).toHaveLength(4);
    await tick('visibility', 'monthlyLevies');
    await nothingOverdue('2021-08-27');

    expect(await day('2021-09-06')).toHaveLength(2);
    await tick('minijobRegistration');
    await receipt({ paid_on: '2021-08-31', payee: 'Minijob August', purpose: 'Lohn der Kursleiterin', budget_line: 'minijob', amount: '380,00' });
    await receipt({ paid_on: '2021-09-03', payee: 'Nähmaschinen Weber', purpose: 'Zwei Nähmaschinen', budget_line: 'project_costs', amount: '450,00' });
    await nothingOverdue('2021-09-06');

    expect(await day('2022-01-25')).toHaveLength(2);
    await tick('interimCheck');
    await receipt({ paid_on: '2022-01-20', payee: 'Stoffhaus Wetzlar', purpose: 'Stoffe und Garn', budget_line: 'project_costs', amount: '320,00' });
    await nothingOverdue('2022-01-25');

    expect(await day('2022-07-26')).toHaveLength(2);
    await receipt({ paid_on: '2022-07-15', payee: 'Steuerbüro Arslan', purpose: 'Lohnabrechnung Minijob', budget_line: 'tax_adviser', amount: '300,00' });
    await tick('receiptsKept');
    await nothingOverdue('2022-07-26');
    const money = await get(board, `/microprojects/${projectId}/receipts`);
    expect(money.body).toContain('Nähmaschinen Weber');
    expect(money.body).toContain('Steuerbüro Arslan');
    const stored = await test.database.db.selectFrom('microproject_document').select('file_name').where('project_id', '=', projectId).execute();
    expect(stored).toEqual([{ file_name: 'Arbeitsvertrag.pdf' }]);
  });

  it('reaches the proof of use: due, drafted, submitted in time', async () => {
    expect(await day('2022-08-03')).toEqual([]);
    await stage('proof_due');
    await nothingOverdue('2022-08-03');
    expect((await get(board, `/microprojects/${projectId}/sachbericht`)).body).toContain('Sachbericht: Nähwerkstatt für Frauen');
    const proof = await get(board, `/microprojects/${projectId}/proof.pdf`);
    expect(proof.headers['content-type']).toBe('application/pdf');

    // Sachbericht, numerical proof and submission are due on 31 January (end + 6 months)
    expect(await day('2023-01-25')).toHaveLength(6);
    await tick('sachbericht', 'numericalProof');
    await stage('proof_submitted');
    await nothingOverdue('2023-01-25');
    const page = await get(board, `/microprojects/${projectId}`);
    expect(page.body).toMatch(/data-task="submitProof" data-state="done"/);
    expect((await get(board, '/my')).body).toContain('Stand: Verwendungsnachweis eingereicht');
  });

  it('sent each reminder once, all before their dates, none about a missed one', async () => {
    expect(await day('2023-03-01')).toEqual([]);
    const mails = await outbox();
    expect(mails).toHaveLength(32);
    expect(mails.filter((mail) => mail.kind !== 'microprojects.reminder.before')).toEqual([]);
    expect(new Set(mails.map((mail) => `${mail.to_address} ${mail.subject}`)).size).toBe(mails.length);
    const sent = await test.database.db.selectFrom('microproject_reminder').select(['kind']).where('project_id', '=', projectId).execute();
    expect(sent.every((row) => row.kind === 'before')).toBe(true);
  });
});

async function email(who: SignedIn) {
  return (await test.database.db.selectFrom('account').select('email').where('id', '=', who.accountId).executeTakeFirstOrThrow()).email;
}
