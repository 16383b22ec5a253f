import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { eventsInOrder, todayInBerlin } from '../events/index.js';
import { importRecords } from '../imports/index.js';
import { computeImpactReport } from '../reports/index.js';
import { demoPeriod } from './generate.js';
import { loadDemo } from './load.js';
import { addDays, loadUpcomingDemo, upcomingEvents } from './upcoming.js';

/*
 * Issue 10: the demo had no upcoming event, so the public calendar was empty
 * and registration could not be tried. Loaded on a fixed day, the demo holds
 * six events from that day on, one of them full with one person waiting, and
 * an open feedback link for an event four days before.
 */

const today = '2031-03-12';

describe(`the demo's events around the day it is loaded, on ${testEngine}`, () => {
  let test: TestApp;
  const logged: string[] = [];
  beforeAll(async () => {
    test = await createTestApp();
    await loadDemo(test.database.db, { today, log: (message) => logged.push(message) });
  }, 300_000);
  afterAll(async () => test?.close());

  const db = () => test.database.db;
  const eventId = async (key: string) => (await db().selectFrom('event').select('id').where('event_key', '=', key).executeTakeFirstOrThrow()).id;
  const statuses = async (key: string) => {
    const { rows } = await sql<{ status: string; n: number }>`
      select r.status, count(*)::integer as n from registration r join event e on e.id = r.event_id
      where e.event_key = ${key} group by r.status order by r.status`.execute(db());
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  };

  it('dates them from the given day: six upcoming events on the public calendar, none in the report’s period', async () => {
    const upcoming = await eventsInOrder(db(), { upcomingFrom: today });
    expect(upcoming.map((event) => [event.start_date, event.title])).toEqual([
      ['2031-03-24', 'Netzwerktreffen Mittelhessen, Gießen'],
      ['2031-04-07', 'Schulung Antragstellung WIR-Mikroprojekte, Frankfurt am Main'],
      ['2031-04-21', 'Schreibwerkstatt, Kassel'],
      ['2031-05-12', 'Hessenweites Vernetzungstreffen, Frankfurt am Main'],
      ['2031-05-26', 'Qualifizierung Öffentlichkeitsarbeit, Darmstadt'],
      ['2031-06-30', 'Schulung Sachbericht und Verwendungsnachweis, Fulda'],
    ]);
    expect(upcoming.find((event) => event.title.includes('Fulda'))!.registration_opens).toBe('2031-04-11T09:00');
    expect(logged.join('\n')).toMatch(/6 upcoming events on \/calendar; online feedback of a recent event: \/f\/[a-z0-9]{6}/);
  });

  it('one full event with exactly one person waiting, and a per-organisation limit', async () => {
    expect(await statuses('demo-kommend-03')).toEqual({ registered: 12, waitlisted: 1 });
    const { rows } = await sql<{ n: number }>`select count(*)::integer as n from registration where status = 'waitlisted'`.execute(db());
    expect(rows[0].n).toBe(1);
    expect(await statuses('demo-kommend-02')).toEqual({ registered: 9 });
    const limited = await db().selectFrom('event').select(['capacity', 'per_org_limit']).where('event_key', '=', 'demo-kommend-02').executeTakeFirstOrThrow();
    expect(limited).toEqual({ capacity: 30, per_org_limit: 2 });
  });

  it('the public pages let anyone register: the full event puts the next person on its waitlist', async () => {
    const id = await eventId('demo-kommend-03');
    const page = await test.app.inject({ url: `/calendar/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Haus am Dom, Domplatz 3');
    const form = await test.app.inject({ url: `/events/${id}/register` });
    expect(form.statusCode).toBe(200);
    const sent = await test.app.inject({
      method: 'POST',
      url: `/events/${id}/register`,
      headers: { cookie: cookiesOf(form) },
      payload: { _csrf: csrfFrom(form.body), email: 'neu@verein.example', person_0: 'Leyla Demir' },
    });
    expect(sent.statusCode).toBe(303);
    expect(await statuses('demo-kommend-03')).toEqual({ registered: 12, waitlisted: 2 });
  });

  it('the recent past event has an open online feedback link that takes an answer', async () => {
    const link = /\/f\/[a-z0-9]{6}/.exec(logged.join('\n'))![0];
    const { rows } = await sql<{ key: string; start_date: string }>`
      select e.event_key as key, to_char(e.start_date, 'YYYY-MM-DD') as start_date from feedback_code c join event e on e.id = c.event_id
      where c.code = ${link.slice(3)}`.execute(db());
    expect(rows).toEqual([{ key: 'demo-kommend-01', start_date: '2031-03-08' }]);
    const page = await test.app.inject({ url: `${link}?lang=tr` });
    expect(page.statusCode).toBe(200);
    const token = /name="token" value="([^"]+)"/.exec(page.body)![1];
    const sent = await test.app.inject({ method: 'POST', url: `${link}?lang=tr`, headers: { cookie: cookiesOf(page) }, payload: { _csrf: csrfFrom(page.body), token, q1: '1' } });
    expect(sent.statusCode).toBe(303);
    expect(String(sent.headers.location)).toBe(`${link}/thanks?lang=tr`);
  });

  it('leaves the report’s figures alone and loads again without a second set of registrations', async () => {
    const before = await computeImpactReport(db(), demoPeriod);
    expect(before.reach.events).toBe(24);
    const count = async () => (await sql<{ n: number }>`select count(*)::integer as n from registration`.execute(db())).rows[0].n;
    const registrations = await count();
    const outcomes = await loadDemo(db(), { today: addDays(today, 1) });
    expect(outcomes.map((outcome) => outcome.created)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await count()).toBe(registrations);
    // moved with the day, not duplicated
    expect((await eventsInOrder(db(), { upcomingFrom: addDays(today, 1) })).map((event) => event.start_date)[0]).toBe('2031-03-25');
    expect((await computeImpactReport(db(), demoPeriod)).reach).toEqual(before.reach);
  }, 120_000);
});

describe(`the demo loaded by the app's own clock, on ${testEngine}`, () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
    const db = test.database.db;
    // organisations enough for the registrations (positions up to 52)
    const organisations = Array.from({ length: 60 }, (_, i) => ({ org_key: `v-${i + 1}`, name: `Testverein ${i + 1}`, district: 'Kassel' }));
    expect((await importRecords(db, 'organizations', organisations, { source: 'demo', fileName: 'demo-organizations.json' })).stored).toBe(true);
    // whatever day it is (the test outcome does not depend on it): the database's day in Berlin, as the calendar reads it
    await loadUpcomingDemo(db, await todayInBerlin(db));
  });
  afterAll(async () => test?.close());

  it('shows the upcoming events, and not the past one, on the public calendar page', async () => {
    const page = await test.app.inject({ url: '/calendar' });
    expect(page.statusCode).toBe(200);
    for (const event of upcomingEvents) {
      // titles are escaped the same way on every page; none contains a character that needs it
      if (event.offset >= 0) expect(page.body).toContain(event.fields.title);
      else expect(page.body).not.toContain(event.fields.title);
    }
  });
});
