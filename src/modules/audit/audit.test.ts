import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import type { Db } from '../../db/connection.js';
import { writeAudit } from '../identity/index.js';
import { importRecords } from '../imports/index.js';
import { todayInBerlin } from '../consultations/index.js';

const organisationName = 'Griechische Gemeinde Kassel e.V.';

describe('the admin audit view', () => {
  let test: TestApp;
  let db: Db;
  let admin: SignedIn;
  let staff: SignedIn;
  let staffEmail: string;
  let organisationId: number;
  let consultationId: number;
  beforeAll(async () => {
    test = await createTestApp();
    db = test.database.db;
    admin = await test.signIn('admin');
    staff = await test.signIn('staff');
    staffEmail = (await db.selectFrom('account').select('email').where('id', '=', staff.accountId).executeTakeFirstOrThrow()).email;
    expect((await importRecords(db, 'organizations', [{ org_key: 'ggk', name: organisationName }])).problems).toEqual([]);
    expect((await importRecords(db, 'consultations', [{ date: '2019-03-04', organization: organisationName, channel: 'phone', topic: 'application' }])).problems).toEqual([]);
    organisationId = (await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
    consultationId = (await db.selectFrom('consultation').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => test?.close());

  const get = (who: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const readsOf = (subjectType: string, subjectId: number) =>
    db.selectFrom('audit_log').select(['account_id', 'action']).where('subject_type', '=', subjectType).where('subject_id', '=', String(subjectId)).where('action', 'like', '%.read').execute();

  it('writes an entry when staff read an organisation profile or a consultation', async () => {
    expect((await get(staff, `/organisations/${organisationId}`)).statusCode).toBe(200);
    expect(await readsOf('organisation', organisationId)).toEqual([{ account_id: staff.accountId, action: 'organisation.read' }]);
    expect((await get(staff, `/consultations/${consultationId}`)).statusCode).toBe(200);
    expect(await readsOf('consultation', consultationId)).toEqual([{ account_id: staff.accountId, action: 'consultation.read' }]);
    // a profile that does not exist is not a read
    expect((await get(staff, '/organisations/999999')).statusCode).toBe(404);
    expect(await readsOf('organisation', 999999)).toEqual([]);
  });

  it('answers "who looked at this organisation?" with the account, a link to the record and the details', async () => {
    await writeAudit(db, { accountId: staff.accountId, action: 'organisation.update', subjectType: 'organisation', subjectId: organisationId, details: { fields: ['district'] } });
    const page = await get(admin, `/admin/audit?subjectType=organisation&subjectId=${organisationId}&kind=reads`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="kern-heading-large">Protokoll</h1>');
    expect(page.body).toContain(staffEmail);
    expect(page.body).toContain(`<a class="kern-link" href="/organisations/${organisationId}">organisation ${organisationId}</a>`);
    expect(page.body).toContain('organisation.read');
    expect(page.body).not.toContain('organisation.update'); // a change, not a read
    const changes = await get(admin, `/admin/audit?subjectType=organisation&subjectId=${organisationId}&kind=changes&lang=en`);
    expect(changes.body).toContain('organisation.update');
    expect(changes.body).toMatch(/<dt>fields<\/dt><dd>\[&quot;district&quot;\]<\/dd>/);
    expect(changes.body).not.toContain('organisation.read');
  });

  it('filters by account e-mail, action prefix and period, and names a filter it cannot use', async () => {
    const byAccount = await get(admin, `/admin/audit?account=${encodeURIComponent(staffEmail.slice(0, 12).toUpperCase())}`);
    expect(byAccount.body).toContain('consultation.read');
    expect(byAccount.body).not.toContain('account.create'); // not the staff member's doing
    const byAction = await get(admin, '/admin/audit?action=consultation.');
    expect(byAction.body).toContain('consultation.read');
    expect(byAction.body).not.toContain('organisation.read');
    // Entries are dated in the centre's time zone (Europe/Berlin), not the machine's or UTC;
    // the window spans yesterday and today there, so a run just after midnight still holds.
    const today = todayInBerlin();
    const yesterday = todayInBerlin(new Date(Date.now() - 24 * 60 * 60 * 1000));
    expect((await get(admin, `/admin/audit?from=${yesterday}&to=${today}&action=organisation.`)).body).toContain('organisation.read');
    expect((await get(admin, '/admin/audit?from=2001-01-01&to=2001-12-31')).body).toContain('Keine Einträge für diesen Filter.');
    const wrong = await get(admin, '/admin/audit?from=2019-02-30&action=Person!&lang=en');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('These could not be used and were ignored: From (day), Action.');
  });

  it('pages by id, newest first, forwards and back', async () => {
    for (let index = 1; index <= 120; index += 1) {
      await writeAudit(db, { accountId: null, action: 'paging.test', subjectType: 'paging', subjectId: index });
    }
    const subjects = (body: string) => [...body.matchAll(/>paging (\d+)</g)].map((match) => Number(match[1]));
    const first = await get(admin, '/admin/audit?action=paging.');
    expect(subjects(first.body)).toEqual(Array.from({ length: 50 }, (_, index) => 120 - index));
    expect(first.body).not.toContain('rel="prev"');
    const older = /href="([^"]+)" rel="next"/.exec(first.body)![1].replace(/&amp;/g, '&');
    const second = await get(admin, older);
    expect(subjects(second.body)).toEqual(Array.from({ length: 50 }, (_, index) => 70 - index));
    const last = await get(admin, /href="([^"]+)" rel="next"/.exec(second.body)![1].replace(/&amp;/g, '&'));
    expect(subjects(last.body)).toEqual(Array.from({ length: 20 }, (_, index) => 20 - index));
    expect(last.body).not.toContain('rel="next"');
    const back = await get(admin, /href="([^"]+)" rel="prev"/.exec(last.body)![1].replace(/&amp;/g, '&'));
    expect(subjects(back.body)).toEqual(subjects(second.body));
    expect(back.body).toContain('System');
  });

  it('exports the filtered list as CSV and JSON, and audits each export', async () => {
    const csv = await get(admin, '/admin/audit.csv?action=paging.&from=2000-01-01');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="mosaik-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(csv.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(120);
    expect(rows[0]).toMatchObject({ action: 'paging.test', subject_type: 'paging', subject_id: '120', account_id: '', details: '{}' });
    expect(Number.isNaN(Date.parse(rows[0].at))).toBe(false);
    const json = await get(admin, `/admin/audit.json?subjectType=consultation&subjectId=${consultationId}`);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toEqual([expect.objectContaining({ action: 'consultation.read', account_id: staff.accountId, account_email: staffEmail, subject_id: String(consultationId) })]);
    const exports = await db.selectFrom('audit_log').select(['account_id', 'details']).where('action', '=', 'audit.export').orderBy('id').execute();
    expect(exports).toEqual([
      { account_id: admin.accountId, details: { format: 'csv', action: 'paging.', from: '2000-01-01' } },
      { account_id: admin.accountId, details: { format: 'json', subjectType: 'consultation', subjectId: String(consultationId) } },
    ]);
    const listed = await get(admin, '/admin/audit?kind=exports');
    expect(listed.body).toContain('audit.export');
    expect(listed.body).toMatch(/<dt>format<\/dt><dd>csv<\/dd>/);
  });

  it('is for admins only', async () => {
    for (const url of ['/admin/audit', '/admin/audit.csv', '/admin/audit.json']) expect((await get(staff, url)).statusCode, url).toBe(403);
  });
});
