import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account, organisation } from '../../../test/factories.js';
import { fixMicroprojectClock } from './clock.test-support.js';

/**
 * The due dates of a project as an iCalendar file, with a fixed clock: read
 * back with ical.js (an independent parser), one all-day event per dated
 * task of the checklist with the dates the checklist computes, stable UIDs,
 * in the reader's language; the same access as the project record.
 */

let test: TestApp;
let staff: SignedIn;
let representative: SignedIn;
let foreignRepresentative: SignedIn;
let districtCoordinator: SignedIn;
let otherCoordinator: SignedIn;
let projectId: number;

const now = new Date('2021-07-20T08:00:00Z');
const post = (who: SignedIn, url: string, payload: Record<string, string>) =>
  test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken, ...payload } });
const get = (who: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate, end: event.endDate, stamp: String(component.getFirstPropertyValue('dtstamp')) };
    }),
  };
}

beforeAll(async () => {
  fixMicroprojectClock(now);
  test = await createTestApp();
  const own = await organisation(test.database.db, { name: 'Frauenverein Gießen', district: 'Gießen' });
  const other = await organisation(test.database.db, { name: 'Elternverein Kassel', district: 'Kassel' });
  staff = await test.signIn('staff');
  representative = await account(test, 'representative', { organisationIds: [own.id] });
  foreignRepresentative = await account(test, 'representative', { organisationIds: [other.id] });
  districtCoordinator = await account(test, 'coordinator', { districts: ['Gießen'] });
  otherCoordinator = await account(test, 'coordinator', { districts: ['Kassel'] });
  expect((await post(staff, '/microprojects/rules', { year: '2021', project_limit: '3.000', minijob_limit: '7.200', application_deadline: '31.05.2021', minimum_wage: '9,50', minijob_monthly_ceiling: '450', proof_due_months: '6', overspend_tolerance_percent: '20' })).statusCode).toBe(303);
  const created = await post(staff, '/microprojects', {
    organisation_id: String(own.id), title: 'Nähcafé, offen; für alle', summary: 'Treffpunkt mit Nähkurs.', year: '2021', application_type: 'new', starts_on: '2021-08-01', ends_on: '2022-07-31',
    planned_project_costs: '2.500', planned_minijob: '4.560', planned_tax_adviser: '0', minijob_monthly_hours: '40', minijob_monthly_pay: '380', integration_office: 'Integrationsbüro Gießen',
  });
  expect(created.statusCode).toBe(303);
  projectId = Number(/\/microprojects\/(\d+)/.exec(String(created.headers.location))![1]);
  // the notice's date is kept with the approval; then the project runs
  expect((await post(staff, `/microprojects/${projectId}/stage`, { stage: 'approved', approved_on: '2021-07-05' })).statusCode).toBe(303);
  expect((await post(staff, `/microprojects/${projectId}/stage`, { stage: 'running', approved_on: '' })).statusCode).toBe(303);
  expect((await post(representative, `/microprojects/${projectId}/tasks`, { task: 'readNotice', done: 'yes' })).statusCode).toBe(303);
}, 240_000);
afterAll(async () => {
  fixMicroprojectClock(null);
  await test?.close();
});

describe('the due dates as a calendar file', () => {
  it('is linked from the project page in the page’s language', async () => {
    const page = await get(representative, `/microprojects/${projectId}?lang=tr`);
    expect(page.body).toContain(`href="/microprojects/${projectId}/due-dates.ics?lang=tr"`);
    expect(page.body).toContain('Son tarihleri kendi takviminize ekleyin (.ics)');
  });

  it('has one all-day event per dated task, on the dates of the checklist, with stable UIDs', async () => {
    const response = await get(representative, `/microprojects/${projectId}/due-dates.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`inline; filename="fristen-mikroprojekt-${projectId}.ics"`);
    expect(response.body).toContain('DTSTART;VALUE=DATE:20210912');
    expect(response.body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // the calendar's name as TEXT (RFC 5545 3.3.11: comma and semicolon escaped)
    expect(response.body).toContain('\r\nX-WR-CALNAME:Fristen: Nähcafé\\, offen\\; für alle\r\n');
    const { events } = eventsOf(response.body);
    // 4 application, 2 approval, 8 mini-job (the tax adviser's among them), 2 running, 3 proof of use
    expect(events).toHaveLength(19);
    const byTask = new Map(events.map((event) => [/^microproject-(\d+)-(\w+)@/.exec(event.uid)![2], event]));
    expect(events.every((event) => event.uid.startsWith(`microproject-${projectId}-`))).toBe(true);
    const dates = Object.fromEntries([...byTask].map(([task, event]) => [task, event.start.toString()]));
    expect(dates).toMatchObject({
      concept: '2021-05-03', submitApplication: '2021-05-31', readNotice: '2021-07-19', visibility: '2021-08-31', personnelQuestionnaire: '2021-08-01',
      workingTimeRecords: '2021-08-08', minijobRegistration: '2021-09-12', monthlyLevies: '2021-09-01', interimCheck: '2022-01-30', receiptsKept: '2022-07-31', submitProof: '2023-01-31',
    });
    for (const event of events) {
      expect(event.start.isDate, event.uid).toBe(true);
      const nextDay = event.start.clone();
      nextDay.adjust(1, 0, 0, 0);
      expect(event.end.toString(), event.uid).toBe(nextDay.toString());
      expect(event.stamp).toBe('2021-07-20T08:00:00Z');
    }
    const minijob = byTask.get('minijobRegistration')!;
    expect(minijob.summary).toBe('Bei der Minijob-Zentrale anmelden (Nähcafé, offen; für alle)');
    expect(minijob.description).toContain(`/microprojects/${projectId}`);
    expect(byTask.get('readNotice')!.summary).toMatch(/^Erledigt: /);
    // the same file again: the same entries, not new ones
    const again = eventsOf((await get(staff, `/microprojects/${projectId}/due-dates.ics`)).body);
    expect(again.events.map((event) => event.uid).sort()).toEqual(events.map((event) => event.uid).sort());
  });

  it('speaks the reader’s language', async () => {
    const text = (await get(representative, `/microprojects/${projectId}/due-dates.ics?lang=tr`)).body;
    expect(text).toContain('X-WR-CALNAME:Son tarihler: Nähcafé\\, offen\\; für alle');
    const { events } = eventsOf(text);
    expect(events.find((event) => event.uid.includes('-readNotice@'))!.summary).toMatch(/^Tamamlandı: /);
    expect(events.every((event) => !event.summary.startsWith('Erledigt'))).toBe(true);
  });

  it('is the project record’s to give: refused to another association and to a coordinator of another district', async () => {
    const url = `/microprojects/${projectId}/due-dates.ics`;
    expect((await get(foreignRepresentative, url)).statusCode).toBe(404);
    expect((await get(foreignRepresentative, url)).body).not.toContain('BEGIN:VCALENDAR');
    expect((await get(otherCoordinator, url)).statusCode).toBe(404);
    expect((await get(districtCoordinator, url)).statusCode).toBe(200);
    expect((await test.app.inject({ method: 'GET', url })).statusCode).not.toBe(200);
  });
});
