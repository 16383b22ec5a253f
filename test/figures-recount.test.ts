import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo/index.js';
import { demoPeriod } from '../src/modules/demo/index.js';
import { cachedAnnex, computeAnnex } from '../src/modules/feedback/index.js';
import { feedbackViewOf } from '../src/modules/feedback/index.js';
import { importFile } from '../src/modules/imports/index.js';
import { mergeOrganisations } from '../src/modules/organisations/index.js';
import { erasePerson } from '../src/modules/privacy/index.js';
import { checkIn } from '../src/modules/registrations/index.js';
import { registerForEvent } from '../src/modules/registrations/index.js';
import { cachedFigureCount, clearFiguresCache, dataVersion } from '../src/modules/reports/index.js';
import { cachedImpactReport, computeImpactReport } from '../src/modules/reports/index.js';
import type { ImpactReport } from '../src/modules/reports/index.js';
import { createTestApp, type SignedIn, type TestApp } from './app.js';
import { account, person } from './factories.js';
import { csv } from './fixtures/imports/helpers.js';

/*
 * Issue 16: the impact report, the dashboard and the annex are served from a
 * cache per data version (src/modules/reports/figures-cache.ts), the annex's
 * counts from feedback_summary (kept by triggers). After every kind of write
 * — an imported participation list, a registration, a check-in, a merge of
 * organisations, the erasure of a person — each of them must equal a fresh
 * computation from the raw rows, for every kind of reader.
 */

let test: TestApp;
let readers: Record<'staff' | 'funder' | 'coordinator', SignedIn>;
const period = demoPeriod;
const periodQuery = `from=${period.from}&to=${period.to}`;

beforeAll(async () => {
  test = await createTestApp();
  await loadDemo(test.database.db);
  const db = test.database.db;
  // a coordinator of the district with the most centre events of the period: their feedback table is a part of the staff's
  const district = await sql<{ district: string }>`
    select district from event where organizer = 'centre' and district is not null and start_date between ${period.from} and ${period.to}
    group by district order by count(*) desc, district limit 1`.execute(db);
  readers = {
    staff: await test.signIn('staff'),
    funder: await test.signIn('funder'),
    coordinator: await account(test, 'coordinator', { districts: [district.rows[0].district] }),
  };
}, 300_000);
afterAll(async () => test?.close());

/** The figures part of the dashboard page (the layout around it holds the session's CSRF token). */
async function dashboardFigures(reader: SignedIn, language: 'de' | 'en', page = 1): Promise<string> {
  const response = await test.app.inject({ method: 'GET', url: `/dashboard?${periodQuery}&feedback_page=${page}&lang=${language}`, headers: { cookie: reader.cookie } });
  expect(response.statusCode).toBe(200);
  const match = /<div class="mosaik-dashboard">([\s\S]*)<\/main>/.exec(response.body);
  expect(match).not.toBeNull();
  return match![1];
}

async function annexPage(reader: SignedIn): Promise<string> {
  const response = await test.app.inject({ method: 'GET', url: `/feedback/annex?${periodQuery}`, headers: { cookie: reader.cookie } });
  expect(response.statusCode).toBe(200);
  return /<main[\s\S]*<\/main>/.exec(response.body)![0];
}

/** Every cached figure once, so that a later check reads what the cache holds. */
async function warmCaches() {
  const db = test.database.db;
  await cachedImpactReport(db, period);
  for (const reader of Object.values(readers)) {
    for (const language of ['de', 'en'] as const) await dashboardFigures(reader, language);
    await annexPage(reader);
  }
  expect(cachedFigureCount(db)).toBeGreaterThan(0);
}

/** The incremental summary of feedback answers against a recount from feedback_answer. */
async function summaryAgainstRecount() {
  const db = test.database.db;
  const kept = await sql`select event_id, question_id, answers, rated, rating_sum, grade_1, grade_2, grade_3, grade_4, yes, no, texts
    from feedback_summary where answers > 0 order by event_id, question_id`.execute(db);
  const recounted = await sql`select r.event_id, a.question_id, count(*)::integer as answers, count(a.rating)::integer as rated, coalesce(sum(a.rating), 0)::integer as rating_sum,
      (count(*) filter (where a.rating = 1))::integer as grade_1, (count(*) filter (where a.rating = 2))::integer as grade_2,
      (count(*) filter (where a.rating = 3))::integer as grade_3, (count(*) filter (where a.rating = 4))::integer as grade_4,
      (count(*) filter (where a.yes_no))::integer as yes, (count(*) filter (where not a.yes_no))::integer as no, count(a.text_value)::integer as texts
    from feedback_response r join feedback_answer a on a.response_id = r.id
    group by r.event_id, a.question_id order by r.event_id, a.question_id`.execute(db);
  expect(kept.rows.length).toBeGreaterThan(0);
  expect(kept.rows).toEqual(recounted.rows);
}

/**
 * What the cache hands out equals a fresh computation: the report, the annex
 * for each reader's view, and the dashboard and annex pages for each reader
 * and language (rendered again after the cache is emptied).
 */
async function expectCacheEqualsRecount(): Promise<ImpactReport> {
  const db = test.database.db;
  const fresh = await computeImpactReport(db, period);
  expect(await cachedImpactReport(db, period)).toEqual(fresh);
  const cachedPages: string[] = [];
  for (const reader of Object.values(readers)) {
    const view = await feedbackViewOf(db, { id: reader.accountId, role: await roleOf(reader) });
    expect(await cachedAnnex(db, period, view)).toEqual(await computeAnnex(db, period, view));
    for (const language of ['de', 'en'] as const) cachedPages.push(await dashboardFigures(reader, language));
    cachedPages.push(await annexPage(reader));
  }
  clearFiguresCache(db);
  const freshPages: string[] = [];
  for (const reader of Object.values(readers)) {
    for (const language of ['de', 'en'] as const) freshPages.push(await dashboardFigures(reader, language));
    freshPages.push(await annexPage(reader));
  }
  expect(cachedPages).toEqual(freshPages);
  await summaryAgainstRecount();
  return fresh;
}

async function roleOf(reader: SignedIn) {
  const row = await test.database.db.selectFrom('account').select('role').where('id', '=', reader.accountId).executeTakeFirstOrThrow();
  return row.role;
}

/** A write between a warmed cache and the recount: the version moves when the write touched what the figures read. */
async function afterWrite(write: () => Promise<unknown>): Promise<{ before: ImpactReport; after: ImpactReport; versionMoved: boolean }> {
  const db = test.database.db;
  await warmCaches();
  const before = structuredClone(await cachedImpactReport(db, period)) as ImpactReport;
  const version = await dataVersion(db);
  await write();
  const versionMoved = (await dataVersion(db)) !== version;
  const after = await expectCacheEqualsRecount();
  return { before, after, versionMoved };
}

async function centreEvent(): Promise<{ id: number; event_key: string }> {
  return test.database.db
    .selectFrom('event')
    .select(['id', 'event_key'])
    .where('organizer', '=', 'centre')
    .where('start_date', '>=', period.from)
    .where('start_date', '<=', period.to)
    .orderBy('start_date')
    .orderBy('event_key')
    .executeTakeFirstOrThrow();
}

describe('figures from the cache equal a recount after every kind of write', () => {
  it('at the start, and a repeated request is served from the cache', async () => {
    const db = test.database.db;
    await expectCacheEqualsRecount();
    const first = await dashboardFigures(readers.staff, 'de');
    const count = cachedFigureCount(db);
    expect(await dashboardFigures(readers.staff, 'de')).toBe(first);
    expect(cachedFigureCount(db)).toBe(count);
    // staff, funder and coordinator, German and English: different pages, each kept on its own
    const pages = new Set<string>();
    for (const reader of Object.values(readers)) for (const language of ['de', 'en'] as const) pages.add(await dashboardFigures(reader, language));
    expect(pages.size).toBe(6);
  });

  it('import of a participation list', async () => {
    const event = await centreEvent();
    const list = csv(['event_key,organization,person,email', `${event.event_key},Neuer Kulturverein Figuren e.V.,Person Figuren,figuren@example.org`], 'teilnahme.csv');
    const { before, after, versionMoved } = await afterWrite(async () => expect(await importFile(test.database.db, 'participants', list)).toMatchObject({ stored: true }));
    expect(versionMoved).toBe(true);
    expect(after.reach.organizations).toBe(before.reach.organizations + 1);
    expect(after.reach.person_participations).toBe(before.reach.person_participations + 1);
  });

  let registrationId: number;
  it('registration (touches no table the figures read)', async () => {
    const db = test.database.db;
    const event = await centreEvent();
    await db.updateTable('event').set({ capacity: 500 }).where('id', '=', event.id).execute();
    const organisation = await db.selectFrom('organisation').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
    const { before, after } = await afterWrite(async () => {
      const outcome = await registerForEvent(
        db,
        { eventId: event.id, organisationId: organisation.id, contactEmail: 'figures@example.org', language: 'de', persons: [{ name: 'Figuren Person' }] },
        { baseUrl: 'http://localhost', now: new Date('2017-01-02T10:00:00Z') },
      );
      registrationId = outcome.persons[0].id;
    });
    expect(after).toEqual(before);
  });

  it('check-in', async () => {
    const { before, after, versionMoved } = await afterWrite(() => checkIn(test.database.db, registrationId, readers.staff.accountId));
    expect(versionMoved).toBe(true);
    expect(after.reach.person_participations).toBe(before.reach.person_participations + 1);
  });

  it('merge of two organisations that both took part', async () => {
    const db = test.database.db;
    const pair = await sql<{ survivor: number; merged: number }>`
      select min(organisation_id) as survivor, max(organisation_id) as merged from (
        select distinct p.organisation_id from participation p join event e on e.id = p.event_id
        where e.organizer = 'centre' and e.start_date between ${period.from} and ${period.to} and p.organisation_id is not null
        order by p.organisation_id limit 2) two`.execute(db);
    const { survivor, merged } = pair.rows[0];
    expect(survivor).not.toBe(merged);
    const { before, after, versionMoved } = await afterWrite(() => mergeOrganisations(db, { survivorId: survivor, mergedId: merged, accountId: null }));
    expect(versionMoved).toBe(true);
    expect(after.reach.organizations).toBe(before.reach.organizations - 1);
  });

  it('erasure of a person (the counts stay, the rows change)', async () => {
    const db = test.database.db;
    const participant = await db
      .selectFrom('participation')
      .select(['organisation_id', 'person_name'])
      .where('organisation_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const erased = await person(db, { organisationId: participant.organisation_id!, name: participant.person_name });
    const { before, after, versionMoved } = await afterWrite(async () => expect(await erasePerson(db, erased.id, { actorId: null, reason: 'Test' })).not.toBeNull());
    expect(versionMoved).toBe(true);
    expect(after).toEqual(before);
  });
});

describe('the data version', () => {
  it('has a trigger on every table the report, the annex and the feedback policy read', async () => {
    const db = test.database.db;
    const sources = ['src/modules/reports/impact.ts', 'src/modules/feedback/annex.ts', 'src/modules/feedback/policy.ts'].map((file) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));
    const named = new Set<string>();
    for (const source of sources) for (const match of source.matchAll(/\b(?:from|join)\s+([a-z_]+)\b|selectFrom\('([a-z_]+)'\)/g)) named.add(match[1] ?? match[2]);
    const { rows: tables } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(db);
    const read = tables.map((table) => table.name).filter((name) => named.has(name));
    expect(read).toEqual(expect.arrayContaining(['event', 'participation', 'grant_application', 'consultation', 'feedback_summary', 'feedback_answer']));
    const { rows: triggers } = await sql<{ table: string }>`
      select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
      where p.proname = 'data_change_record' and not t.tgisinternal`.execute(db);
    expect(read.filter((name) => !triggers.some((trigger) => trigger.table === name))).toEqual([]);
  });

  it('keeps its value when the change log is folded into one row', async () => {
    const db = test.database.db;
    const version = await dataVersion(db);
    await sql`select data_version_compact()`.execute(db);
    expect((await sql<{ n: number }>`select count(*)::integer as n from data_change`.execute(db)).rows[0].n).toBe(1);
    expect(await dataVersion(db)).toBe(version);
    await db.updateTable('event').set({ title: sql`title` }).where('id', '=', -1).execute();
    expect(await dataVersion(db)).toBe(version + 1);
  });
});

describe('the cached annex', () => {
  it('stays the same after the PDF was drawn from it (pdfmake writes into what it is given)', async () => {
    const db = test.database.db;
    // an open answer on a form of the period: the PDF draws open answers as lists (pdfmake's `ul`)
    await sql`with target as (
        select r.id as response_id, coalesce(e.feedback_form_id, (select t.id from feedback_form t where t.is_template and t.format = e.format)) as form_id
        from feedback_response r join event e on e.id = r.event_id
        where e.organizer = 'centre' and e.start_date between ${period.from} and ${period.to}
        order by e.start_date, r.id limit 1),
      question as (
        insert into feedback_question (form_id, position, kind, texts)
        select form_id, (select max(position) + 1 from feedback_question q where q.form_id = target.form_id), 'open', '{"de": "Was noch?", "en": "Anything else?"}'::jsonb from target
        returning id)
      insert into feedback_answer (response_id, question_id, text_value) select target.response_id, question.id, 'Offene Antwort Figuren' from target, question`.execute(db);
    const view = await feedbackViewOf(db, { id: readers.staff.accountId, role: 'staff' });
    const before = structuredClone(await cachedAnnex(db, period, view));
    expect(JSON.stringify(before)).toContain('Offene Antwort Figuren');
    const pdf = await test.app.inject({ method: 'GET', url: `/feedback/annex.pdf?${periodQuery}&format=training_reporting`, headers: { cookie: readers.staff.cookie } });
    expect(pdf.statusCode).toBe(200);
    const all = await test.app.inject({ method: 'GET', url: `/feedback/annex.pdf?${periodQuery}`, headers: { cookie: readers.staff.cookie } });
    expect(all.statusCode).toBe(200);
    expect(await cachedAnnex(db, period, view)).toEqual(before);
    expect(await cachedAnnex(db, { ...period, format: 'training_reporting' }, view)).toEqual(await computeAnnex(db, { ...period, format: 'training_reporting' }, view));
  });
});
