import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { account } from '../../../test/factories.js';
import { runCli } from '../../cli.js';
import { loadDemo } from '../demo/index.js';
import { suppressAnalysis, type ProjectAnalysis } from './analysis.js';
import { projectsReportCommand } from './cli.js';
import { confirmTags } from './commands/tags.js';
import { listTags, suggestTags } from './tags.js';

/*
 * Chapter 5.6 (figures.md, "Project summaries of 2019"): the demo reproduces
 * every [R] figure through `mosaik report projects` and GET
 * /api/v1/reports/projects; the tags come from Mosaik's suggestions, which
 * staff confirm; the JSON API of the projects keeps each reader to their scope.
 */

const figures2019 = {
  year: 2019,
  approved: 42,
  with_summary: 41,
  orientation: { community: 26, cross_community: 20 },
  target_groups: { children_youth: 8, women: 7, parents: 4, refugees: 5 },
  goals: {
    integration: 20, 'integration.education': 13, 'integration.labour_market': 7, 'integration.media_literacy': 3, empowerment: 14,
    intercultural_dialogue: 12, art_culture: 6, everyday_support: 9, professionalisation: 7, municipal_networking: 5,
  },
};

let test: TestApp;
let staff: SignedIn;
const get = (who: SignedIn | null, url: string) => test.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

async function command(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await projectsReportCommand({ args, out: (text) => out.push(text), err: (text) => err.push(text), open: async () => ({ ...test.database, close: async () => {} }) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  test = await createTestApp();
  await loadDemo(test.database.db, { today: '2027-01-20' });
  staff = await test.signIn('staff');
}, 300_000);
afterAll(async () => test?.close());

describe('the analysis of chapter 5.6 on the demo', () => {
  it('reproduces every [R] figure through the command, as JSON and as German text', async () => {
    const json = await command('--year', '2019', '--format', 'json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.out)).toEqual(figures2019);
    const text = await command('--year=2019');
    expect(text.status).toBe(0);
    expect(text.out).toContain('Bewilligt: 42, davon mit Kurzbeschreibung: 41');
    expect(text.out).toContain('herkunftsorientiert 26 (62 %)');
    // 12 of 41 summaries (29 %) name intercultural encounter and dialogue
    expect(text.out).toContain('Interkulturelle Begegnung und Dialog: 12 (29 %)');
  });

  it('refuses a bad option with a message naming it and the fix', async () => {
    expect(await command('--format', 'json')).toMatchObject({ status: 2, err: expect.stringContaining('Die Option --year fehlt') });
    expect(await command('--year', '19')).toMatchObject({ status: 2, err: expect.stringContaining('zwischen 2000 und 2100') });
    expect(await command('--year', '2019', '--format', 'csv')).toMatchObject({ status: 2, err: expect.stringContaining('--format text oder --format json') });
  });

  it('is a command of the module: `mosaik report projects` reaches it before the reports module\'s `report`, and the help lists it', async () => {
    const out: string[] = [];
    const err: string[] = [];
    // without --year the command stops before it opens a database, so this runs the dispatch only
    expect(await runCli(['report', 'projects', '--format', 'json'], { out: (text) => out.push(text), err: (text) => err.push(text) })).toBe(2);
    expect(err.join('\n')).toContain('Die Option --year fehlt');
    expect(await runCli(['--help'], { out: (text) => out.push(text), err: (text) => err.push(text) })).toBe(0);
    expect(out.join('\n')).toContain('mosaik report projects --year YYYY [--format text|json]');
  });

  it('gives the same document through the API; funder and evaluator get it with the small-number rule', async () => {
    const response = await get(staff, '/api/v1/reports/projects?year=2019');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(figures2019);
    const funder = await get(await test.signIn('funder'), '/api/v1/reports/projects?year=2019');
    expect(funder.json()).toEqual({ ...figures2019, suppressed: [] });
    expect((await get(await test.signIn('representative'), '/api/v1/reports/projects?year=2019')).statusCode).toBe(403);
    expect((await get(staff, '/api/v1/reports/projects?year=1999')).statusCode).toBe(400);
    // without a year: the latest with an approved row
    expect((await get(staff, '/api/v1/reports/projects')).json()).toMatchObject({ year: 2019, approved: 42 });
  });

  it('hides an orientation count below the threshold for funder and evaluator only', () => {
    const small: ProjectAnalysis = { ...figures2019, year: 2020, approved: 3, orientation: { community: 2, cross_community: 1 } };
    expect(suppressAnalysis(small, 'evaluator', 3)).toMatchObject({ orientation: { community: 0, cross_community: 0 }, suppressed: ['orientation.community', 'orientation.cross_community'] });
    expect(suppressAnalysis(small, 'staff', 3)).toEqual(small);
  });

  it('shows the analysis page with the figures and the shares', async () => {
    const page = await get(staff, '/microprojects/analysis?year=2019');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Mikroprojekte 2019: Worum es geht');
    expect(page.body).toMatch(/Kinder und Jugendliche<\/div><\/th><td[^>]*><div class="mosaik-table__value">8<\/div>/);
    expect(page.body).toContain('Träger herkunftsorientiert</dt><dd>26 (62\u00a0%)');
  });
});

describe('tags: suggested from the summary, confirmed by staff', () => {
  it('suggests by the beginnings of words, without case or umlauts', async () => {
    const tags = await listTags(test.database.db);
    expect(suggestTags('Theaterprojekt für MÄDCHEN; Ziel: Integration durch Bildung', tags)).toEqual(['women', 'integration', 'integration.education', 'art_culture']);
    // "Ausbildung" is labour market, not education: "Bildung" begins no word there
    expect(suggestTags('Hilfe bei der Ausbildung', tags)).toEqual(['integration.labour_market']);
  });

  it('stores the confirmed set, refuses an unknown key without changing anything, and shows it on the project page', async () => {
    const project = await test.database.db.selectFrom('microproject').select(['id', 'summary']).where('summary', 'like', 'Theaterprojekt%').orderBy('id').executeTakeFirstOrThrow();
    const before = await test.database.db.selectFrom('microproject_project_tag').select('tag_key').where('project_id', '=', project.id).orderBy('tag_key').execute();
    expect(await confirmTags(test.database.db, null, project.id, ['art_culture', 'no_such_tag'])).toEqual({ ok: false, errors: [{ field: 'tags', code: 'unknownTag' }] });
    expect(await test.database.db.selectFrom('microproject_project_tag').select('tag_key').where('project_id', '=', project.id).orderBy('tag_key').execute()).toEqual(before);
    const saved = await test.app.inject({ method: 'POST', url: `/microprojects/${project.id}/tags`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, tags: ['women'] } });
    expect(saved.statusCode).toBe(303);
    const page = await get(staff, `/microprojects/${project.id}`);
    expect(page.body).toContain('Zielgruppen und Ziele (Bericht 5.6)');
    expect(page.body).toMatch(/value="women"\s+checked/);
    // the suggestions come back with one press
    const accepted = await test.app.inject({ method: 'POST', url: `/microprojects/${project.id}/tags`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, tags: 'women', accept: 'suggestions' } });
    expect(accepted.statusCode).toBe(303);
    const after = await test.database.db.selectFrom('microproject_project_tag').select('tag_key').where('project_id', '=', project.id).execute();
    expect(new Set(after.map((row) => row.tag_key))).toEqual(new Set(['women', ...before.map((row) => row.tag_key)]));
  });

  it('keeps the list: a new key appears in the analysis with 0', async () => {
    const bad = await test.app.inject({ method: 'POST', url: '/microprojects/tags', headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, key: 'Sport!', kind: 'goal', label_de: '', label_en: 'Sport' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('„Schlüssel“: Schreiben Sie Kleinbuchstaben');
    expect(bad.body).toContain('„Bezeichnung (Deutsch)“: Geben Sie eine Bezeichnung');
    const saved = await test.app.inject({ method: 'POST', url: '/microprojects/tags', headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, key: 'sport', kind: 'goal', label_de: 'Sport und Bewegung', label_en: 'Sport', keywords: 'Sport, Fußball' } });
    expect(saved.statusCode).toBe(303);
    const analysis = (await get(staff, '/api/v1/reports/projects?year=2019')).json() as ProjectAnalysis;
    expect(analysis.goals.sport).toBe(0);
    await test.database.db.deleteFrom('microproject_tag').where('key', '=', 'sport').execute();
  });
});

describe('the JSON API of the projects', () => {
  it('gives each reader the projects of their scope; another organisation\'s project is 404', async () => {
    const [own, other] = await test.database.db.selectFrom('microproject as p').innerJoin('organisation as o', 'o.id', 'p.organisation_id')
      .select(['p.id', 'p.organisation_id', 'o.district']).where('p.year', '=', 2019).where('o.district', 'is not', null).orderBy('p.id').limit(2).execute();
    const representative = await account(test, 'representative', { organisationIds: [own!.organisation_id] });
    const list = (await get(representative, '/api/v1/microprojects')).json() as { total: number; items: { id: number; organisationId: number }[] };
    expect(list.items.length).toBe(list.total);
    expect(new Set(list.items.map((item) => item.organisationId))).toEqual(new Set([own!.organisation_id]));
    const one = await get(representative, `/api/v1/microprojects/${own!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: own!.id, year: 2019, stage: 'closed', money: { receipts: 0 } });
    if (other!.organisation_id !== own!.organisation_id) expect((await get(representative, `/api/v1/microprojects/${other!.id}`)).statusCode).toBe(404);
    const coordinator = await account(test, 'coordinator', { districts: [own!.district!] });
    const scoped = (await get(coordinator, '/api/v1/microprojects?year=2019&limit=500')).json() as { total: number; items: { id: number }[] };
    expect(scoped.items.map((item) => item.id)).toContain(own!.id);
    expect(scoped.total).toBeLessThan(42);
    const all = (await get(staff, '/api/v1/microprojects?year=2019&stage=closed')).json() as { total: number };
    expect(all.total).toBe(42);
    expect((await get(await test.signIn('funder'), '/api/v1/microprojects')).statusCode).toBe(403);
    expect((await get(staff, '/api/v1/microprojects/abc')).statusCode).toBe(404);
  });
});
