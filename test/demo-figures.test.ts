import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../src/cli.js';
import { annex, printAs, printed } from '../src/modules/demo/index.js';
import { demoCommand } from '../src/modules/demo/cli.js';
import { demoPeriod, generateDemo } from '../src/modules/demo/index.js';
import { loadDemo } from '../src/modules/demo/index.js';
import { computeImpactReport } from '../src/modules/reports/index.js';
import type { ImpactReport } from '../src/modules/reports/index.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/*
 * The demo dataset reproduces every figure of the evaluation report marked
 * [R] in reference/figures.md, read through the platform's own impact report
 * for September 2017 to August 2019, and the feedback annex as printed.
 */

let database: TestDatabase;
let report: ImpactReport;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db);
  report = await computeImpactReport(database.db, demoPeriod);
});

afterAll(async () => {
  await database?.close();
});

const grantYear = (year: number) => {
  const entry = report.grants.find((item) => item.year === year);
  if (!entry) throw new Error(`no approved grants of ${year} in the report`);
  return entry;
};

describe('reach of the centre’s 24 events (chapters 5 and 7)', () => {
  it('24 centre events: the WIR coordinator’s regional meeting is not counted', () => {
    expect(report.reach.events).toBe(24);
    expect(report.formats.regional_network_meeting?.events).toBe(4);
  });
  it('123 distinct organisations', () => expect(report.reach.organizations).toBe(123));
  it('177 organisation participations', () => expect(report.reach.organization_participations).toBe(177));
  it('244 person participations', () => expect(report.reach.person_participations).toBe(244));
  it('mean 1.44 events per organisation', () => {
    expect(report.reach.mean_events_per_organization).toBeCloseTo(177 / 123, 12);
    expect(report.reach.mean_events_per_organization.toFixed(2)).toBe('1.44');
  });
  it('organisations by number of events: 1 → 90, 2 → 18, 3 → 11, 4 → 2, 5 → 2', () => {
    expect(report.reach.organizations_by_event_count).toEqual({ '1': 90, '2': 18, '3': 11, '4': 2, '5': 2 });
  });
  it('regional networking meetings: 34 distinct organisations, 57 persons', () => {
    expect(report.formats.regional_network_meeting).toMatchObject({ organizations: 34, person_participations: 57 });
  });
  it('state-wide meetings: 50 distinct organisations', () => {
    expect(report.formats.state_network_meeting).toMatchObject({ events: 2, organizations: 50, organization_participations: 54, person_participations: 85 });
  });
});

describe('the two state-wide meetings', () => {
  async function attendance(eventKey: string) {
    const { rows } = await sql<{ organisations: number; persons: number }>`
      select count(distinct p.organisation_id)::integer as organisations, count(*)::integer as persons
      from participation p join event e on e.id = p.event_id
      where e.event_key = ${eventKey}`.execute(database.db);
    return rows[0];
  }
  async function organisationsAt(eventKey: string) {
    const { rows } = await sql<{ organisation_id: number }>`
      select distinct p.organisation_id from participation p join event e on e.id = p.event_id
      where e.event_key = ${eventKey} and p.organisation_id is not null`.execute(database.db);
    return new Set(rows.map((row) => row.organisation_id));
  }

  it('Gießen, 24.08.2018: 26 organisations, 40 persons', async () => {
    expect(await attendance('ev-2018-08-24')).toEqual({ organisations: 26, persons: 40 });
  });
  it('Frankfurt, 01.06.2019: 28 organisations, 45 persons', async () => {
    expect(await attendance('ev-2019-06-01')).toEqual({ organisations: 28, persons: 45 });
  });
  it('4 organisations attended both, 24 were new at the second', async () => {
    const giessen = await organisationsAt('ev-2018-08-24');
    const frankfurt = await organisationsAt('ev-2019-06-01');
    expect([...frankfurt].filter((id) => giessen.has(id))).toHaveLength(4);
    expect([...frankfurt].filter((id) => !giessen.has(id))).toHaveLength(24);
  });
});

describe('small grants (chapters 5.5 and 7)', () => {
  it('approved 2018: 32', () => expect(grantYear(2018).approved).toBe(32));
  it('approved 2019: 42, of them 25 first and 17 follow-up applications', () => {
    expect(grantYear(2019)).toMatchObject({ approved: 42, new: 25, follow_up: 17 });
  });
  it('growth 2018 → 2019: +31 %', () => {
    expect(grantYear(2019).change).toBe(0.3125);
    expect(Math.round(grantYear(2019).change! * 100)).toBe(31);
  });
  it('34 of the 42 holders of 2019 took part in centre events, with 66 organisation participations', () => {
    expect(grantYear(2019)).toMatchObject({ reached: 34, reached_participations: 66 });
  });
  it('of those 34: 20 state-wide, 5 regional, 14 application, 3 writing, 18 implementation, 6 reporting', () => {
    expect(grantYear(2019).reached_by_format).toMatchObject({
      state_network_meeting: 20,
      regional_network_meeting: 5,
      training_application: 14,
      writing_workshop: 3,
      training_implementation: 18,
      training_reporting: 6,
    });
  });
  it('17 of those 34 attended an application training or a writing workshop', async () => {
    const { rows } = await sql<{ holders: number }>`
      select count(distinct g.organisation_id)::integer as holders
      from grant_application g
      join participation p on p.organisation_id = g.organisation_id
      join event e on e.id = p.event_id
      where g.year = 2019 and g.status = 'approved' and e.organizer = 'centre'
        and e.format in ('training_application', 'writing_workshop')`.execute(database.db);
    expect(rows[0].holders).toBe(17);
  });
  it('31 organisations attended the 8 application trainings', () => {
    expect(report.formats.training_application).toMatchObject({ events: 8, organizations: 31 });
    expect(report.conversion.training_application?.organizations).toBe(31);
  });
  it('14 of them hold a grant of 2019 (the report also says 12: see docs/demo.md)', () => {
    /*
     * The evaluation report says both "31 organisations attended the 8
     * application trainings; 12 of them (39 %) are on the 2019 approval list"
     * and, of the 34 holders of 2019 who took part, "17 (50 %) an application
     * training (14, 41 %) or a writing workshop (3, 9 %)". By the spec's
     * definitions both are the organisations attending an application
     * training that hold an approved grant of 2019: one number. The demo keeps
     * 14 (and the 31 organisations), so conversion is 14, not 12.
     */
    expect(report.conversion.training_application?.approved['2019']).toBe(14);
    expect(grantYear(2019).reached_by_format.training_application).toBe(14);
  });
  it('24 of the 42 holders of 2019 had individual consultations', () => expect(grantYear(2019).consulted).toBe(24));
  it('of the 32 holders of 2018: 24 used the centre’s offers, 13 had individual consultations', () => {
    expect(grantYear(2018)).toMatchObject({ supported: 24, consulted: 13 });
  });
  it('41 of the 42 approvals of 2019 carry a summary', async () => {
    const { rows } = await sql<{ summaries: number }>`
      select count(*)::integer as summaries from grant_application
      where year = 2019 and status = 'approved' and summary is not null and summary <> ''`.execute(database.db);
    expect(rows[0].summaries).toBe(41);
  });
});

describe('feedback annex as printed', () => {
  it('every event of the annex has its number of forms, and only those events have forms', () => {
    expect(report.feedback.map((entry) => [entry.event_key, entry.responses]).sort()).toEqual(annex.map((entry) => [entry.eventKey, entry.forms]).sort());
  });
  for (const entry of annex) {
    it(`${entry.eventKey}: ${entry.forms} forms, means ${entry.means.join(' / ')}`, () => {
      const event = report.feedback.find((item) => item.event_key === entry.eventKey)!;
      expect(event.questions).toHaveLength(entry.means.length);
      entry.means.forEach((mean, index) => {
        const question = event.questions[index];
        expect(question.position).toBe(index + 1);
        expect(question.n).toBe(entry.n?.[index] ?? entry.forms);
        expect(printAs(question.mean!, printed(mean).decimals)).toBe(mean);
      });
    });
  }
  it('state-wide meeting Gießen: N 22, 22, 20, 19, 21; Frankfurt q2: N 27', () => {
    const n = (key: string) => report.feedback.find((item) => item.event_key === key)!.questions.map((question) => question.n);
    expect(n('ev-2018-08-24')).toEqual([22, 22, 20, 19, 21]);
    expect(n('ev-2019-06-01')[1]).toBe(27);
    expect(n('ev-2018-06-22')[3]).toBe(2);
  });
});

describe('the lists', () => {
  it('every spelling on the lists means an organisation of the distribution list: none is new', async () => {
    const { rows } = await sql<{ organisations: number; unlisted: number }>`
      select count(*)::integer as organisations, count(*) filter (where org_key is null or needs_review)::integer as unlisted
      from organisation`.execute(database.db);
    expect(rows[0]).toEqual({ organisations: 145, unlisted: 0 });
  });
  it('attendance lists use other spellings and acronyms, and each is matched', async () => {
    const dataset = generateDemo();
    const names = new Set(dataset.organizations.map((organisation) => organisation.name));
    const aliases = new Set(dataset.organizations.flatMap((organisation) => (organisation.aliases ? [organisation.aliases] : [])));
    const written = dataset.participants.flatMap((row) => (row.organization ? [String(row.organization)] : []));
    expect(written.filter((name) => aliases.has(name)).length).toBeGreaterThan(5);
    expect(written.filter((name) => !names.has(name) && !aliases.has(name)).length).toBeGreaterThan(10);
    const { rows } = await sql<{ matched: number }>`
      select count(*)::integer as matched from participation where organisation_id is not null`.execute(database.db);
    expect(rows[0].matched).toBe(written.length);
  });
});

describe('mosaik demo', () => {
  function cli(args: string[] = []) {
    const out: string[] = [];
    const err: string[] = [];
    const context: CliContext = {
      args,
      // the test database stays open for the other tests
      open: async () => ({ ...database, close: async () => {} }),
      out: (text) => out.push(text),
      err: (text) => err.push(text),
    };
    return { run: () => demoCommand(context), out, err };
  }

  it('refuses to load into a database that already holds data, and changes nothing', async () => {
    const before = await sql<{ rows: number }>`select count(*)::integer as rows from participation`.execute(database.db);
    const command = cli();
    expect(await command.run()).toBe(1);
    expect(command.err.join('\n')).toMatch(/Datenbank enthält bereits.*\n.*database already holds/s);
    const after = await sql<{ rows: number }>`select count(*)::integer as rows from participation`.execute(database.db);
    expect(after.rows[0].rows).toBe(before.rows[0].rows);
  });

  it('loading the lists again counts nothing twice', async () => {
    const outcomes = await loadDemo(database.db);
    expect(outcomes.map((outcome) => outcome.created)).toEqual([0, 0, 0, 0, 0, 0]);
    expect((await computeImpactReport(database.db, demoPeriod)).reach).toEqual(report.reach);
  });
});
