import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import type { Db } from '../../db/connection.js';
import { importRecords } from '../imports/index.js';
import { computeImpactReport } from '../reports/index.js';

const organisation = 'Verein Brücke Marburg e.V.';

describe('several topics per consultation', () => {
  let test: TestApp;
  let staff: SignedIn;
  let db: Db;
  beforeAll(async () => {
    test = await createTestApp();
    db = test.database.db;
    staff = await test.signIn('staff');
    expect((await importRecords(db, 'organizations', [{ org_key: 'bm', name: organisation }])).problems).toEqual([]);
  });
  afterAll(async () => test?.close());

  const get = (url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
  /** A form post; an array value is sent as a repeated field, as a browser sends ticked checkboxes. */
  const post = (url: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ _csrf: staff.csrfToken });
    for (const [key, value] of Object.entries(fields)) for (const each of [value].flat()) body.append(key, each);
    return test.app.inject({ method: 'POST', url, headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  };
  const valid = { consulted_on: '2023-03-01', organisation, channel: 'phone', duration_minutes: '30' };
  const idFrom = (location: unknown) => Number(/\/consultations\/(\d+)/.exec(String(location))![1]);
  const row = (id: number) => db.selectFrom('consultation').select(['topic', 'topics', 'duration_minutes']).where('id', '=', id).executeTakeFirstOrThrow();

  it('offers the topics as checkboxes in a fieldset and requires at least one', async () => {
    const form = await get('/consultations/new');
    expect(form.body).toMatch(/<fieldset class="kern-fieldset"[^>]*><legend class="kern-label">Themen<\/legend>/);
    expect(form.body).toContain('type="checkbox" id="topics" name="topics" value="application"');
    expect(form.body).toContain('id="topics-rooms" name="topics" value="rooms"');
    const none = await post('/consultations/new', valid);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('<a class="kern-link" href="#topics">Themen: Wählen Sie mindestens ein Thema.</a>');
    const english = await post('/consultations/new?lang=en', valid);
    expect(english.body).toContain('Topics: choose at least one topic.');
    const unknown = await post('/consultations/new', { ...valid, topics: ['rooms', 'astrology'] });
    expect(unknown.body).toContain('Themen: Wählen Sie einen Eintrag aus der Liste.');
    expect(await db.selectFrom('consultation').select('id').execute()).toEqual([]);
  });

  it('stores every ticked topic in the order of the list; the first is the identity column `topic`', async () => {
    const created = await post('/consultations/new', { ...valid, topics: ['rooms', 'application'] });
    expect(created.statusCode).toBe(303);
    const id = idFrom(created.headers.location);
    expect(await row(id)).toMatchObject({ topic: 'application', topics: ['application', 'rooms'] });
    const page = await get(`/consultations/${id}`);
    expect(page.body).toContain('Antragstellung, Räume');
    const edit = await get(`/consultations/${id}/edit`);
    expect(edit.body).toContain('value="application" checked');
    expect(edit.body).toContain('value="rooms" checked');
    expect(edit.body).not.toContain('value="mini_job" checked');
  });

  it('keeps the first topic on edit while it stays ticked, so the import identity does not change', async () => {
    const created = await post('/consultations/new', { ...valid, consulted_on: '2023-04-01', topics: 'rooms' });
    const id = idFrom(created.headers.location);
    expect((await post(`/consultations/${id}/edit`, { ...valid, consulted_on: '2023-04-01', topics: ['application', 'rooms'] })).statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ topic: 'rooms', topics: ['rooms', 'application'] });
    expect((await post(`/consultations/${id}/edit`, { ...valid, consulted_on: '2023-04-01', topics: ['mini_job', 'application'] })).statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ topic: 'application', topics: ['application', 'mini_job'] });
    const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'consultation.update').where('subject_id', '=', String(id)).execute();
    expect(audit.map((entry) => (entry.details as { fields: string[] }).fields)).toEqual([['topics'], ['topic', 'topics']]);
  });

  it('filters the list by topic: a consultation matches when any of its topics does', async () => {
    const total = async (query: string) => Number(/(\d+) Beratung(en)? gefunden/.exec((await get(`/consultations?${query}`)).body)![1]);
    expect(await total('')).toBe(2);
    expect(await total('topic=rooms')).toBe(1);
    expect(await total('topic=application')).toBe(2);
    expect(await total('topic=mini_job')).toBe(1);
    expect(await total('topic=rooms&topic=mini_job')).toBe(2);
    expect(await total('topic=discrimination')).toBe(0);
    expect((await get('/consultations')).body).toContain('Antragstellung, Räume');
  });

  it('leaves imports unchanged: one topic from the column, the same identity, the impact report the same', async () => {
    const before = await computeImpactReport(db, { from: '2023-01-01', to: '2023-12-31' });
    const lines = [
      { date: '2023-05-01', organization: organisation, channel: 'email', topic: 'Satzung', duration_minutes: '20' },
      // the identity of the consultation logged above with two topics: updates its duration only
      { date: '2023-03-01', organization: organisation, channel: 'phone', topic: 'application', duration_minutes: '50' },
    ];
    expect((await importRecords(db, 'consultations', lines)).problems).toEqual([]);
    expect((await importRecords(db, 'consultations', lines)).problems).toEqual([]);
    const rows = await db.selectFrom('consultation').select(['consulted_on', 'topic', 'topics', 'duration_minutes', 'source']).orderBy('id').execute();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ topic: 'application', topics: ['application', 'rooms'], duration_minutes: 50, source: 'staff' });
    expect(rows[2]).toMatchObject({ topic: 'Satzung', topics: ['Satzung'], duration_minutes: 20 });
    const after = await computeImpactReport(db, { from: '2023-01-01', to: '2023-12-31' });
    expect(after).toEqual(before);
    expect((await get('/consultations?topic=Satzung')).body).toContain('1 Beratung gefunden.');
  });

  it('guards the rule in the database: `topic` is the first of `topics`', async () => {
    await expect(sql`update consultation set topics = array['rooms'] where topic = 'application'`.execute(db)).rejects.toThrow(/consultation_topic_first/);
    // a writer that changes `topic` alone (old code, a script) replaces the first topic
    const { id } = await db.selectFrom('consultation').select('id').where('topic', '=', 'Satzung').executeTakeFirstOrThrow();
    await db.updateTable('consultation').set({ topic: 'other' }).where('id', '=', id).execute();
    expect(await row(id)).toMatchObject({ topic: 'other', topics: ['other'] });
  });
});
