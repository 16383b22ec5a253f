import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { expectedAccess } from '../../../test/access/evaluation.js';
import { runCli } from '../../cli.js';
import { loadDemo } from '../demo/index.js';
import { registeredModules } from '../registry.js';

/*
 * The evaluator's workspace on the demo: the methods table of report 4.1
 * ([R] in reference/figures.md: 25 events, 24 by the centre, 10 observed,
 * 40 %) through the command and the API; every page the evaluator may open
 * (each GET route of test/access/evaluation.ts, with every id of the demo)
 * walked without a name from the directory; the XLSX export read back; the
 * demo's protocols' needs in the needs log.
 */

const period = { from: '2017-09-01', to: '2019-08-31' };
const expectedFormats = {
  regional_network_meeting: { events: 5, centre_events: 4, observed: 4 },
  state_network_meeting: { events: 2, centre_events: 2, observed: 2 },
  training_application: { events: 8, centre_events: 8, observed: 3 },
  training_implementation: { events: 5, centre_events: 5, observed: 1 },
  training_reporting: { events: 2, centre_events: 2, observed: 0 },
  writing_workshop: { events: 2, centre_events: 2, observed: 0 },
  pr_training: { events: 1, centre_events: 1, observed: 0 },
};

let test: TestApp;
let evaluator: SignedIn;
beforeAll(async () => {
  test = await createTestApp();
  await loadDemo(test.database.db, { today: '2026-11-25' });
  evaluator = await test.signIn('evaluator');
}, 180_000);
afterAll(async () => test?.close());

const get = (url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: evaluator.cookie } });

describe('the methods table of 4.1 on the demo', () => {
  it('comes out of `mosaik report evaluation --format json` as the report prints it', async () => {
    const command = registeredModules().find((module) => module.name === 'evaluation')!.commands!['report evaluation'];
    const out: string[] = [];
    const status = await command({ args: ['--from', period.from, '--to', period.to, '--format', 'json'], open: async () => ({ db: test.database.db, close: async () => {} }) as never, out: (text) => out.push(text), err: () => {} });
    expect(status).toBe(0);
    const table = JSON.parse(out.join('\n'));
    expect(table).toEqual({ period, events: 25, centre_events: 24, observed: 10, observed_share: 0.4, formats: expectedFormats });
  });

  it('is routed by the command line before the older `report` command, and says what is wrong with a bad option', async () => {
    const err: string[] = [];
    expect(await runCli(['report', 'evaluation', '--from', '2019-02-30', '--to', period.to], { out: () => {}, err: (text) => err.push(text) })).toBe(2);
    expect(err.join('\n')).toContain('--from: Das Datum ist kein Tag der Form JJJJ-MM-TT');
  });

  it('is the same document at GET /api/v1/reports/evaluation, and a bad period gets a message per field', async () => {
    const response = await get(`/api/v1/reports/evaluation?from=${period.from}&to=${period.to}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ period, events: 25, centre_events: 24, observed: 10, observed_share: 0.4, formats: expectedFormats });
    const bad = await get('/api/v1/reports/evaluation?from=2019-08-31&to=2017-09-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'badRequest', fields: [{ field: 'to' }] });
    const page = await get(`/evaluation/methods?from=${period.from}&to=${period.to}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('10 (40');
  });
});

describe('the workspace as the evaluator sees it', () => {
  it('shows no name of an organisation or person of the directory on any page', async () => {
    const db = test.database.db;
    const organisationNames = (await db.selectFrom('organisation_name').select('name').execute()).map((row) => row.name);
    const personNames = [
      ...(await db.selectFrom('person').select('full_name as name').execute()),
      ...(await db.selectFrom('participation').select('person_name as name').distinct().execute()),
    ].map((row) => row.name);
    const names = [...new Set([...organisationNames, ...personNames])].filter((name) => name.trim().length >= 5);
    expect(organisationNames.length).toBeGreaterThan(100);
    expect(personNames.length).toBeGreaterThan(100);

    const [events, interviews, guides, meetings, organisationCount] = await Promise.all([
      db.selectFrom('event').select('id').where('start_date', '<=', '2026-11-25').execute(),
      db.selectFrom('evaluation_interview').select('id').execute(),
      db.selectFrom('evaluation_interview_guide').select('id').execute(),
      db.selectFrom('evaluation_reflection').select('id').execute(),
      db.selectFrom('organisation').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow().then((row) => Number(row.n)),
    ]);
    // every organisation's timeline, by the pseudonyms the evaluator's own CSV lists
    const pseudonyms = [...new Set((await get('/evaluation/organisations.csv')).body.match(/O-[0-9A-HJKMNP-TV-Z]{8}/g) ?? [])];
    expect(pseudonyms.length).toBe(organisationCount);
    // the pages behind each GET route the evaluator may use (test/access/evaluation.ts); a route added there without pages here fails below
    const pagesOf: Record<string, string[]> = {
      '/evaluation': ['/evaluation'],
      '/evaluation/organisations': Array.from({ length: Math.ceil(organisationCount / 50) }, (_, index) => `/evaluation/organisations?page=${index + 1}`),
      '/evaluation/organisations.csv': ['/evaluation/organisations.csv'],
      '/evaluation/organisations/:pseudonym': pseudonyms.map((pseudonym) => `/evaluation/organisations/${pseudonym}`),
      '/evaluation/participations': ['/evaluation/participations'],
      '/evaluation/participations.csv': ['/evaluation/participations.csv'],
      '/evaluation/observations': ['/evaluation/observations'],
      '/evaluation/observations/:id': events.map((event) => `/evaluation/observations/${event.id}`),
      '/evaluation/interviews': ['/evaluation/interviews'],
      '/evaluation/interviews/new': ['/evaluation/interviews/new'],
      '/evaluation/interviews/:id': interviews.map((row) => `/evaluation/interviews/${row.id}`),
      '/evaluation/guides': ['/evaluation/guides'],
      '/evaluation/guides/new': ['/evaluation/guides/new'],
      '/evaluation/guides/:id': guides.map((row) => `/evaluation/guides/${row.id}`),
      '/evaluation/reflections': ['/evaluation/reflections'],
      '/evaluation/reflections/new': ['/evaluation/reflections/new?heldOn=2019-09-30'],
      '/evaluation/reflections/:id': meetings.map((row) => `/evaluation/reflections/${row.id}`),
      '/evaluation/methods': [`/evaluation/methods?from=${period.from}&to=${period.to}`],
      '/api/v1/reports/evaluation': [`/api/v1/reports/evaluation?from=${period.from}&to=${period.to}`],
      '/evaluation/settings': ['/evaluation/settings'],
      // a workbook, not text: read back cell by cell in the next test
      '/evaluation/export.xlsx': [],
    };
    const evaluatorRoutes = Object.entries(expectedAccess)
      .filter(([route, access]) => route.startsWith('GET ') && (access === 'public' || access === 'signedIn' || access.includes('evaluator')))
      .map(([route]) => route.slice('GET '.length));
    expect(evaluatorRoutes.filter((route) => !(route in pagesOf)), 'evaluator pages the walk does not know').toEqual([]);
    const urls = evaluatorRoutes.flatMap((route) => pagesOf[route]!);
    expect(interviews.length).toBe(13);
    const found: string[] = [];
    for (const url of urls) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      // the page's text, without markup: a name split by a tag would still be read
      const text = page.body.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      for (const name of names) if (text.includes(name)) found.push(`${url}: ${name}`);
    }
    expect(found).toEqual([]);
    expect((await get('/evaluation/interviews')).body).toMatch(/O-[0-9A-HJKMNP-TV-Z]{8}/);
  });

  it('exports everything the evaluator may see as one XLSX, read back, without names', async () => {
    const response = await get('/evaluation/export.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = (name: string) => workbook.getWorksheet(name)!;
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(['organisations', 'participations', 'methods', 'observations', 'workshops', 'needs', 'interviews', 'guides', 'reflections', 'followups']);
    expect(sheet('observations').rowCount).toBe(1 + 10);
    expect(sheet('interviews').rowCount).toBe(1 + 13);
    expect(sheet('workshops').rowCount).toBe(1 + 5);
    // the methods sheet covers every event of the database (the demo's upcoming ones too), the 10 observed among them
    const allEvents = Number((await test.database.db.selectFrom('event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    expect(sheet('methods').getRow(sheet('methods').rowCount).values).toEqual([undefined, 'total', allEvents, expect.any(Number), 10]);
    expect(sheet('organisations').rowCount).toBe(1 + Number((await test.database.db.selectFrom('organisation').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n));
    const db = test.database.db;
    const organisationNames = (await db.selectFrom('organisation_name').select('name').execute()).map((row) => row.name);
    const personNames = [
      ...(await db.selectFrom('person').select('full_name as name').execute()),
      ...(await db.selectFrom('participation').select('person_name as name').distinct().execute()),
    ].map((row) => row.name);
    const names = [...new Set([...organisationNames, ...personNames])].filter((name) => name.trim().length >= 5);
    expect(personNames.length).toBeGreaterThan(100);
    const cells: string[] = [];
    for (const worksheet of workbook.worksheets) worksheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    expect(cells.filter((cell) => names.some((name) => cell.includes(name)))).toEqual([]);
    const audit = await test.database.db.selectFrom('audit_log').select('details').where('action', '=', 'evaluation.export').execute();
    expect(audit.some((row) => JSON.stringify(row.details).includes('workspace'))).toBe(true);
  });

  it('has the needs of the demo protocols in the needs log, each linked, with the topic chosen, beside the concerns demo', async () => {
    const db = test.database.db;
    const needs = await db.selectFrom('observation_need as n').innerJoin('evaluation_observation as o', 'o.id', 'n.observation_id')
      .leftJoin('concern_entry as e', 'e.id', 'n.concern_entry_id').leftJoin('concern_source as s', 's.entry_id', 'e.id')
      .select(['n.text', 'n.topic', 'n.concern_entry_id as entryId', 'o.event_id as observedEvent', 'e.title', 'e.topic as entryTopic', 'e.kind', 'e.state', 's.kind as source', 's.event_id as sourceEvent'])
      .execute();
    // 11 needs of the ten events and one of each of the five parallel workshops
    expect(needs).toHaveLength(16);
    for (const need of needs) expect(need).toMatchObject({ title: need.text, entryTopic: need.topic, kind: 'need', state: 'open', source: 'evaluation', sourceEvent: need.observedEvent });
    expect(needs.find((need) => need.text === 'Räume für Vereinstreffen')?.topic).toBe('rooms');
    // no organisation: the evaluator records what was said, not who said it
    expect(await db.selectFrom('concern_entry_organisation').select('entry_id').where('entry_id', 'in', needs.map((need) => need.entryId ?? 0)).execute()).toEqual([]);
    // the concerns module's own demo log is still loaded after them
    const others = await db.selectFrom('concern_source').select((eb) => eb.fn.countAll<string>().as('n')).where('kind', '!=', 'evaluation').executeTakeFirstOrThrow();
    expect(Number(others.n)).toBeGreaterThan(10);
    const page = await get(`/evaluation/observations/${needs[0]!.observedEvent}`);
    expect(page.body).toMatch(/Bedarf(e)? dieses Protokolls (steht|stehen) im Bedarfslog/);
  });
});
