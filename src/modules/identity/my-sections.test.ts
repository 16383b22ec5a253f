import { render } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account, organisation } from '../../../test/factories.js';
import { translator } from '../../i18n/index.js';
import { module as microprojects } from '../microprojects/index.js';

/**
 * "Mein Bereich" (/my) with the sections other modules give it
 * (representativeSection of src/modules/module.ts): the organisation's
 * micro-projects with stage, next task and what is overdue; the latest
 * Vereins-Check; the pinboard posts. A representative sees only their own
 * organisation's: another organisation's project, check or post never appears.
 */

let test: TestApp;
let representative: SignedIn;
let otherRepresentative: SignedIn;
let unlinked: SignedIn;
let own: { id: number; name: string };
let other: { id: number; name: string };
let ownProject: number;
let otherProject: number;
let ownDraft: number;

const post = (who: SignedIn, url: string, payload: Record<string, string>) =>
  test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken, ...payload } });
const my = async (who: SignedIn, language = 'de') => {
  const page = await test.app.inject({ method: 'GET', url: `/my?lang=${language}`, headers: { cookie: who.cookie } });
  expect(page.statusCode).toBe(200);
  return page.body;
};

async function project(staff: SignedIn, organisationId: number, title: string) {
  const created = await post(staff, '/microprojects', {
    organisation_id: String(organisationId), title, summary: 'Ein Treffpunkt.', year: '2019', application_type: 'new', starts_on: '2019-03-01', ends_on: '2019-12-31',
    planned_project_costs: '2.500', planned_minijob: '4.050', planned_tax_adviser: '0', minijob_monthly_hours: '45', minijob_monthly_pay: '450', integration_office: 'Integrationsbüro',
  });
  expect(created.statusCode).toBe(303);
  const id = Number(/\/microprojects\/(\d+)/.exec(String(created.headers.location))![1]);
  expect((await post(staff, `/microprojects/${id}/stage`, { stage: 'running', approved_on: '2019-02-15' })).statusCode).toBe(303);
  return id;
}

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  own = await organisation(db, { name: 'Frauenverein Gießen', district: 'Gießen' });
  other = await organisation(db, { name: 'Elternverein Kassel', district: 'Kassel' });
  representative = await account(test, 'representative', { organisationIds: [own.id] });
  otherRepresentative = await account(test, 'representative', { organisationIds: [other.id] });
  unlinked = await account(test, 'representative');
  const staff = await test.signIn('staff');
  expect((await post(staff, '/microprojects/rules', { year: '2019', project_limit: '3.000', minijob_limit: '7.200', application_deadline: '31.12.2018', minimum_wage: '9,19', minijob_monthly_ceiling: '450', proof_due_months: '6', overspend_tolerance_percent: '20' })).statusCode).toBe(303);
  ownProject = await project(staff, own.id, 'Nähcafé für Frauen');
  otherProject = await project(staff, other.id, 'Elternkurs Medienkompetenz');
  const started = await post(representative, '/selfcheck/start', { organisation_id: String(own.id), token: 'my-sections-token-0001' });
  expect(started.statusCode).toBe(303);
  ownDraft = Number(/\/selfcheck\/checks\/(\d+)/.exec(String(started.headers.location))![1]);
  await db.insertInto('pinboard_post').values([
    { organisation_id: own.id, kind: 'room_offered', lang: 'de', title: 'Raum dienstags frei', body: 'Unser Vereinsraum ist dienstags frei.' },
    { organisation_id: other.id, kind: 'knowhow_offered', lang: 'de', title: 'Hilfe bei der Buchhaltung', body: 'Wir helfen bei der Buchhaltung.' },
  ]).execute();
}, 240_000);
afterAll(async () => test?.close());

describe('the sections of "Mein Bereich"', () => {
  it('shows the representative their own organisation’s projects, and never another’s', async () => {
    const page = await my(representative);
    expect(page).toContain('Nähcafé für Frauen');
    expect(page).toContain(`href="/microprojects/${ownProject}"`);
    expect(page).toContain('Stand: Läuft');
    expect(page).toContain('Frauenverein Gießen, Förderjahr 2019');
    expect(page).toMatch(/data-next="\w+">Als Nächstes: /);
    expect(page).not.toContain('Elternkurs Medienkompetenz');
    expect(page).not.toContain(`/microprojects/${otherProject}`);
    const theirs = await my(otherRepresentative);
    expect(theirs).toContain('Elternkurs Medienkompetenz');
    expect(theirs).not.toContain('Nähcafé für Frauen');
  });

  it('shows the Vereins-Check and the pinboard posts of the own organisation only', async () => {
    const page = await my(representative);
    expect(page).toContain(`href="/selfcheck/checks/${ownDraft}"`);
    expect(page).toContain('Entwurf weiter ausfüllen');
    expect(page).toContain('Raum dienstags frei');
    expect(page).toContain('wartet auf Prüfung');
    expect(page).toContain('href="/pinboard/new"');
    expect(page).not.toContain('Hilfe bei der Buchhaltung');
    const theirs = await my(otherRepresentative);
    expect(theirs).not.toContain(`/selfcheck/checks/${ownDraft}`);
    expect(theirs).toContain('Vereins-Check beginnen');
    expect(theirs).toContain('Hilfe bei der Buchhaltung');
    expect(theirs).not.toContain('Raum dienstags frei');
  });

  it('keeps the sections in their order, in the reader’s language', async () => {
    const page = await my(representative, 'tr');
    const positions = ['id="my-microprojects"', 'id="my-selfcheck"', 'id="my-pinboard"', 'id="my-claims"'].map((marker) => page.indexOf(marker));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).toContain('Durum: Devam ediyor');
    expect(page).toContain('destek yılı 2019');
  });

  it('shows no sections to a representative without an organisation', async () => {
    const page = await my(unlinked);
    expect(page).not.toContain('id="my-microprojects"');
    expect(page).not.toContain('id="my-selfcheck"');
    expect(page).not.toContain('id="my-pinboard"');
  });

  it('names what is overdue on the day it is given (a fixed clock)', async () => {
    const section = microprojects.representativeSection!;
    const context = { accountId: representative.accountId, organisations: [own], t: translator('de'), language: 'de' as const, csrfToken: 'x' };
    // 1 June 2019: the notice was to be read by 1 March, the Minijob-Zentrale told by 12 April
    const june = render((await section.render(test.database.db, { ...context, now: new Date('2019-06-01T08:00:00Z') }))!);
    expect(june).toMatch(/data-overdue="[^"]*\bminijobRegistration\b/);
    // ten are overdue: the count, the first three by name (the project page lists them all)
    expect(june).toContain('Überfällig (10): Bescheid und Nebenbestimmungen lesen, WIR-Förderung in der Öffentlichkeitsarbeit sichtbar machen, Personalfragebogen ausfüllen lassen …');
    // 1 February 2019, before the start: nothing is overdue yet
    const february = render((await section.render(test.database.db, { ...context, now: new Date('2019-02-01T08:00:00Z') }))!);
    expect(february).not.toContain('data-overdue');
    expect(february).toContain('Nähcafé für Frauen');
    expect(february).not.toContain('Elternkurs Medienkompetenz');
  });
});
