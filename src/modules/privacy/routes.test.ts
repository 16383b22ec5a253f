import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import type { CliContext } from '../../cli.js';
import { retentionCommand } from './cli.js';
import { testPerson } from './samples.test-support.js';

/*
 * The data protection pages: export for staff and for one's own account,
 * erasure with confirmation and a typed reason, retention rules, the record.
 */

let test: TestApp;
let staff: SignedIn;
let admin: SignedIn;
let representative: SignedIn;
let personId: number;
let organisationId: number;

beforeAll(async () => {
  test = await createTestApp();
  [staff, admin, representative] = [await test.signIn('staff'), await test.signIn('admin'), await test.signIn('representative')];
  const db = test.database.db;
  organisationId = (await db.insertInto('organisation').values({ name: 'Kulturverein Anatolien', email: 'info@anatolien.example' }).returning('id').executeTakeFirstOrThrow()).id;
  personId = (await db.insertInto('person').values({ full_name: testPerson.name, email: testPerson.email }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('person_role').values({ person_id: personId, organisation_id: organisationId, role: 'board' }).execute();
  const event = await db.insertInto('event').values({ event_key: 'ev-1', title: 'Treffen', format: 'other', start_date: '2025-01-10' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('participation').values({ event_id: event.id, organisation_id: organisationId, person_name: testPerson.name, person_key: 'zeynep kaya yildiz' }).execute();
});
afterAll(async () => test?.close());

const get = (who: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const post = (who: SignedIn, url: string, fields: Record<string, string>) =>
  test.app.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: who.csrfToken }).toString(),
  });

describe('export pages', () => {
  it('show staff everything held about a person, and audit it', async () => {
    const page = await get(staff, `/people/${personId}/export`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Auskunft: ${testPerson.name}`);
    expect(page.body).toContain('Teilnahmen an Veranstaltungen');
    const json = await get(staff, `/people/${personId}/export.json?lang=en`);
    expect(json.headers['content-disposition']).toBe(`attachment; filename="person-${personId}-export.json"`);
    expect(JSON.parse(json.body).tables.find((table: { table: string }) => table.table === 'participation').rows).toHaveLength(1);
    const audits = await test.database.db.selectFrom('audit_log').select(['details']).where('action', '=', 'person.export').where('account_id', '=', staff.accountId).execute();
    expect(audits.map((entry) => entry.details.format)).toEqual(['page', 'json']);
  });

  it('answer 404 for an unknown person and refuse representatives', async () => {
    expect((await get(staff, '/people/999999/export')).statusCode).toBe(404);
    expect((await get(representative, `/people/${personId}/export`)).statusCode).toBe(403);
  });

  it('give every account its own data', async () => {
    const page = await get(representative, '/my/data?lang=en');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('My data');
    const json = JSON.parse((await get(representative, '/my/data.json')).body);
    expect(json.subject).toMatchObject({ personId: null, accountId: representative.accountId });
  });
});

describe('erasure pages', () => {
  it('show a dry run and require a reason', async () => {
    const page = await get(admin, `/people/${personId}/erase`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Was sich ändert (Probelauf)');
    expect(page.body).toContain('Teilnahmen an Veranstaltungen');
    const refused = await post(admin, `/people/${personId}/erase`, { reason: ' ' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#reason"');
    expect(refused.body).toContain('mindestens 5 Zeichen');
    expect((await test.database.db.selectFrom('person').select('erased_at').where('id', '=', personId).executeTakeFirstOrThrow()).erased_at).toBeNull();
    expect((await post(staff, `/people/${personId}/erase`, { reason: 'Antrag vom 1. 3.' })).statusCode).toBe(403);
  });

  it('erase the person with a reason', async () => {
    const done = await post(admin, `/people/${personId}/erase`, { reason: 'Antrag vom 1. 3.' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/people/${personId}/erase?done=1`);
    const page = await get(admin, String(done.headers.location));
    expect(page.body).toContain('überall anonymisiert');
    const left = await sql<{ n: number }>`select count(*)::integer as n from participation where person_name ilike '%zeynep%'`.execute(test.database.db);
    expect(left.rows[0].n).toBe(0);
  });

  it('erase an organisation after confirmation, naming the persons it does not erase', async () => {
    const page = await get(admin, `/organisations/${organisationId}/erase`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('NICHT automatisch gelöscht');
    expect((await post(admin, `/organisations/${organisationId}/erase`, {})).statusCode).toBe(400);
    expect((await post(admin, `/organisations/${organisationId}/erase`, { reason: 'Auflösung des Vereins' })).statusCode).toBe(303);
    const row = await test.database.db.selectFrom('organisation').select(['name', 'email']).where('id', '=', organisationId).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: `Gelöschte Organisation ${organisationId}`, email: null });
  });
});

describe('retention pages', () => {
  it('save rules, naming a wrong field', async () => {
    const page = await get(admin, '/privacy/retention');
    expect(page.statusCode).toBe(200);
    const form: Record<string, string> = {};
    for (const match of page.body.matchAll(/name="([a-z_]+)\.amount"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="([a-z_]+)\.amount"/g)) {
      const kind = match[1] ?? match[4];
      form[`${kind}.amount`] = match[2] ?? match[3];
      form[`${kind}.unit`] = 'years';
      form[`${kind}.enabled`] = 'on';
    }
    // three fields (amount, unit, enabled) for each of the nine kinds of rule
    expect(Object.keys(form)).toHaveLength(27);
    const wrong = await post(admin, '/privacy/retention', { ...form, 'sent_mails.amount': 'viele' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#sent_mails.amount"');
    const saved = await post(admin, '/privacy/retention', { ...form, 'sent_mails.amount': '2', 'audit_log.enabled': '' });
    expect(saved.statusCode).toBe(303);
    const rule = await test.database.db.selectFrom('retention_rule').selectAll().where('kind', '=', 'sent_mails').executeTakeFirstOrThrow();
    expect(rule).toMatchObject({ amount: 2, unit: 'years', updated_by: admin.accountId });
  });

  it('dry-run without changes, and run only when confirmed', async () => {
    const dry = await get(admin, '/privacy/retention/dry-run');
    expect(dry.statusCode).toBe(200);
    expect(dry.body).toContain('Nichts wurde geändert');
    expect((await post(admin, '/privacy/retention/run', {})).statusCode).toBe(400);
    const run = await post(admin, '/privacy/retention/run', { confirm: 'yes' });
    expect(run.statusCode).toBe(200);
    expect(await test.database.db.selectFrom('audit_log').select('account_id').where('action', '=', 'retention.run').execute()).toEqual([{ account_id: admin.accountId }]);
  });

  it('serve the hub and the record to admins only', async () => {
    expect((await get(admin, '/privacy')).body).toContain('/privacy/retention');
    const record = await get(admin, '/privacy/record.md');
    expect(record.headers['content-type']).toContain('text/markdown');
    expect(record.body).toContain('Verzeichnis von Verarbeitungstätigkeiten');
    expect((await get(staff, '/privacy')).statusCode).toBe(403);
  });

  it('run from the command line, as a dry run too', async () => {
    const out: string[] = [];
    const context = (args: string[]): CliContext => ({
      args,
      open: async () => ({ ...test.database, close: async () => undefined }),
      out: (text) => out.push(text),
      err: (text) => out.push(text),
    });
    expect(await retentionCommand(context(['--dry-run']))).toBe(0);
    expect(out[0]).toContain('Probelauf');
    expect(out.some((line) => line.includes('sessions_tokens'))).toBe(true);
    expect(await retentionCommand(context(['--now']))).toBe(2);
  });
});
