import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';

async function multipart(file: { name: string; text: string | Uint8Array }) {
  const form = new FormData();
  form.append('file', new Blob([typeof file.text === 'string' ? file.text : new Uint8Array(file.text)]), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

const eventsCsv = [
  'event_key,title,format,start_date',
  'ev-2024-03-15,Regionales Netzwerktreffen Gießen,regional_network_meeting,2024-03-15',
  'ev-2024-05-04,Landesnetzwerktreffen,state_network_meeting,04.05.2024',
].join('\n');

describe('POST /api/v1/imports/{kind}', () => {
  let test: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
  });
  afterAll(async () => test?.close());

  const headers = (who: SignedIn) => ({ cookie: who.cookie, 'x-csrf-token': who.csrfToken });
  async function sendFile(kind: string, file: { name: string; text: string | Uint8Array }, query = '') {
    const { payload, contentType } = await multipart(file);
    return test.app.inject({ method: 'POST', url: `/api/v1/imports/${kind}${query}`, headers: { ...headers(staff), 'content-type': contentType }, payload });
  }
  const sendRecords = (kind: string, records: Record<string, unknown>[], query = '') =>
    test.app.inject({ method: 'POST', url: `/api/v1/imports/${kind}${query}`, headers: headers(staff), payload: { records } });
  const eventCount = async () => Number((await test.database.db.selectFrom('event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('checks a file without storing it on a dry run, stores it otherwise, and changes nothing the second time', async () => {
    const dry = await sendFile('events', { name: 'events.csv', text: eventsCsv }, '?dry_run=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ kind: 'events', fileName: 'events.csv', rows: 2, created: 2, stored: false, problems: [] });
    expect(await eventCount()).toBe(0);

    const stored = await sendFile('events', { name: 'events.csv', text: eventsCsv }, '?dry_run=false');
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, stored: true });
    expect(await eventCount()).toBe(2);

    const again = await sendFile('events', { name: 'events.csv', text: eventsCsv });
    expect(again.json()).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2, stored: true });
    const runs = await test.database.db.selectFrom('import_run').select(['kind', 'account_id']).execute();
    expect(runs).toEqual([
      { kind: 'events', account_id: staff.accountId },
      { kind: 'events', account_id: staff.accountId },
    ]);
  });

  it('takes JSON records, reports new organisations, and is idempotent', async () => {
    const records = [
      { event_key: 'ev-2024-03-15', organization: 'Deutsch-Türkischer Kulturverein Gießen e.V.', person: 'Ayse Yilmaz' },
      { event_key: 'ev-2024-03-15', organization: 'DTKV Giessen', person: 'Mehmet Öztürk', email: null },
      { event_key: 'ev-2024-05-04', organization: 'Deutsch-Tuerkischer Kulturverein Giessen', person: 'Ayse Yilmaz' },
    ];
    const first = await sendRecords('participants', records);
    expect(first.statusCode).toBe(200);
    const outcome = first.json();
    expect(outcome).toMatchObject({ kind: 'participants', rows: 3, created: 3, stored: true });
    expect(outcome.newOrganisations.map((organisation: { name: string; lines: number[] }) => [organisation.name, organisation.lines])).toEqual([
      ['Deutsch-Türkischer Kulturverein Gießen e.V.', [2, 4]],
      ['DTKV Giessen', [3]],
    ]);
    const second = await sendRecords('participants', records);
    expect(second.json()).toMatchObject({ rows: 3, created: 0, unchanged: 3, newOrganisations: [], matchedOrganisations: 3, stored: true });
  });

  it('reads an Excel workbook sent as a file', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Beratungen');
    sheet.addRow(['date', 'organization', 'channel', 'topic']);
    sheet.addRow([new Date(Date.UTC(2024, 3, 2)), 'Afrikanischer Frauenverein Kassel', 'phone', 'Antragstellung']);
    const response = await sendFile('consultations', { name: 'Beratungen.xlsx', text: new Uint8Array(await book.xlsx.writeBuffer()) }, '?dry_run=true');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'consultations', fileName: 'Beratungen.xlsx', rows: 1, created: 1, stored: false });
    expect(response.json().newOrganisations).toHaveLength(1);
  });

  it('answers 422 with every problem and stores nothing', async () => {
    const response = await sendRecords('events', [
      { event_key: 'ev-2024-09-01', title: 'Werkstatt', format: 'workshop', start_date: '2024-09-01' },
      { event_key: 'ev-2024-09-02', title: 'Schreibwerkstatt', format: 'writing_workshop', start_date: '2024-09-02', capacity: 20 },
    ]);
    expect(response.statusCode).toBe(422);
    const outcome = response.json();
    expect(outcome.stored).toBe(false);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({ line: 2, column: 'format' });
    expect(outcome.problems[0].message.de).toContain('format');
    expect(outcome.problems[0].message.en).toBeTruthy();
    expect(await eventCount()).toBe(2);

    const unreadable = await sendFile('events', { name: 'broken.csv', text: 'event_key,title\n"ev-1,unclosed\n' });
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json().problems[0].code).toBe('quote_not_closed');
  });

  it('refuses an unknown kind and a request without a list, in German and English', async () => {
    const unknown = await sendRecords('people', []);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: 'unknown_kind' });
    expect(unknown.json().message).toContain('Die Listenart „people“ gibt es nicht');
    expect(unknown.json().message_en).toContain('There is no list kind "people"');
    const empty = await test.app.inject({ method: 'POST', url: '/api/v1/imports/events', headers: headers(staff) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message_en).toContain('No list was sent');
    const badQuery = await sendRecords('events', [], '?dry_run=maybe');
    expect(badQuery.statusCode).toBe(400);
  });

  it('needs centre staff and the CSRF header', async () => {
    const coordinator = await test.signIn('coordinator');
    const forbidden = await test.app.inject({ method: 'POST', url: '/api/v1/imports/events', headers: headers(coordinator), payload: { records: [] } });
    expect(forbidden.statusCode).toBe(403);
    const noToken = await test.app.inject({ method: 'POST', url: '/api/v1/imports/events', headers: { cookie: staff.cookie }, payload: { records: [] } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error).toBe('csrf');
  });

  it('appears in the OpenAPI document with its schemas', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const operation = document.paths['/api/v1/imports/{kind}'].post;
    expect(operation.tags).toEqual(['imports']);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '422']));
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['kind', 'dry_run']));
    expect(Object.keys(operation.requestBody.content)).toEqual(['application/json']);
    expect(operation.description).toContain('multipart/form-data (field "file"');
    // the web pages stay out of the API document
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/imports'))).toEqual([]);
  });
});
