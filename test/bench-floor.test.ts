import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFloorReport } from '../bench/floor.js';
import { generateDataset } from '../bench/generate.js';
import { importFile, type ImportKind } from '../src/modules/imports/index.js';
import { computeImpactReport } from '../src/modules/reports/index.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/**
 * The report benchmark compares computeImpactReport with hand-written SQL
 * (bench/floor.ts). That comparison means something only when both compute
 * the same document: proven here on a small generated dataset and on a
 * hand-made one imported through the ordinary import path.
 */

const periods = [
  { from: '2015-01-01', to: '2024-12-31' },
  { from: '2017-09-01', to: '2019-08-31' },
  { from: '2021-03-15', to: '2021-03-15' },
  { from: '2030-01-01', to: '2030-12-31' },
];

describe('bench floor on a generated dataset', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const generated = await generateDataset(database.db, { scale: 0.01, seed: 7 });
    expect(generated.counts.participations).toBe(5000);
  });
  afterAll(() => database.close());

  it.each(periods)('equals the impact report for $from … $to', async (period) => {
    const report = await computeImpactReport(database.db, period);
    const floor = await computeFloorReport(database.db, period);
    expect(floor).toEqual(report);
  });

  it('generates a dataset where every section has content', async () => {
    const report = await computeImpactReport(database.db, periods[0]);
    expect(report.reach.events).toBeGreaterThan(50);
    expect(Object.keys(report.formats).length).toBeGreaterThan(4);
    expect(report.grants.length).toBeGreaterThan(3);
    expect(report.feedback.length).toBeGreaterThan(20);
    expect(report.feedback.some((event) => event.questions.some((question) => question.no_answer > 0))).toBe(true);
  });
});

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');

const handMade: [ImportKind, string[]][] = [
  ['organizations', [
    'org_key,name,aliases',
    'o1,Deutsch-Türkischer Kulturverein Gießen e.V.,DTKV Gießen',
    'o2,Afghanischer Frauenverein Kassel,',
    'o3,Eritreischer Elternverein Fulda e. V.,',
  ]],
  ['events', [
    'event_key,title,format,start_date,organizer',
    'e1,Regionales Treffen Gießen,regional_network_meeting,2018-03-01,centre',
    'e2,Hessenweites Treffen,state_network_meeting,2018-11-10,centre',
    'e3,Schulung Antrag,training_application,2019-02-02,centre',
    'e4,Partnertreffen,regional_network_meeting,2019-03-03,partner',
    'e5,Schreibwerkstatt ohne Vereine,writing_workshop,2019-05-05,centre',
    'e6,Späte Schulung,pr_training,2020-01-10,centre',
  ]],
  ['participants', [
    'event_key,organization,person',
    'e1,Deutsch-Tuerkischer Kulturverein Giessen,Ayşe Yılmaz',
    'e1,DTKV Gießen,Mehmet Kaya',
    'e1,Afghanischer Frauenverein Kassel,Leyla Rahimi',
    'e1,,Thomas Müller',
    'e2,DEUTSCH TÜRKISCHER KULTURVEREIN GIESSEN E. V.,Ayşe Yılmaz',
    'e2,Neuer Verein Wetzlar,Olena Shevchenko',
    'e3,Afghanischer Frauenverein Kassel,Leyla Rahimi',
    'e3,Eritreischer Elternverein Fulda,Abeba Tesfay',
    'e4,Eritreischer Elternverein Fulda,Abeba Tesfay',
    'e5,,Julia Weber',
    'e6,Afghanischer Frauenverein Kassel,Shirin Ahmadi',
  ]],
  ['feedback', [
    'event_key,response_key,q1,q2,q3,q4,q5,comment_more',
    'e1,1,1,2,1,2,,Schön',
    'e1,2,2,,1,1,,',
    'e1,3,,,,,,',
    'e2,1,1,1,2,2,1,',
    'e3,1,4,3,,,,',
    'e4,1,1,1,1,1,,',
  ]],
  ['consultations', [
    'date,organization,channel,topic',
    '2018-06-01,Eritreischer Elternverein Fulda,phone,Antrag',
    '2021-01-01,Deutsch-Türkischer Kulturverein Gießen,email,',
  ]],
  ['grants', [
    'year,organization,application_type,status',
    '2017,Deutsch-Türkischer Kulturverein Gießen,new,approved',
    '2019,Deutsch-Türkischer Kulturverein Gießen,follow_up,approved',
    '2019,Afghanischer Frauenverein Kassel,new,approved',
    '2019,Eritreischer Elternverein Fulda,new,rejected',
    '2020,Eritreischer Elternverein Fulda,new,approved',
    '2020,Neuer Verein Wetzlar,new,submitted',
  ]],
];

describe('bench floor on an imported hand-made dataset', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (const [kind, lines] of handMade) {
      const outcome = await importFile(database.db, kind, { name: `${kind}.csv`, bytes: csv(lines) });
      expect(outcome.problems, kind).toEqual([]);
    }
  });
  afterAll(() => database.close());

  it.each([...periods, { from: '2018-01-01', to: '2018-12-31' }, { from: '2019-01-01', to: '2020-12-31' }])(
    'equals the impact report for $from … $to',
    async (period) => {
      expect(await computeFloorReport(database.db, period)).toEqual(await computeImpactReport(database.db, period));
    },
  );

  it('computes the hand-counted figures of 2018–2019', async () => {
    const floor = await computeFloorReport(database.db, { from: '2018-01-01', to: '2019-12-31' });
    // e1, e2, e3, e5 (e4 is a partner's); DTKV at e1 and e2, Kassel at e1 and e3, Fulda at e3, Wetzlar at e2
    expect(floor.reach).toMatchObject({ events: 4, organizations: 4, organization_participations: 6, person_participations: 9 });
    expect(floor.reach.organizations_by_event_count).toEqual({ '1': 2, '2': 2 });
    expect(floor.formats.writing_workshop).toEqual({ events: 1, organizations: 0, organization_participations: 0, person_participations: 1 });
    const year2019 = floor.grants.find((grant) => grant.year === 2019)!;
    expect(year2019).toMatchObject({ approved: 2, new: 1, follow_up: 1, reached: 2, reached_participations: 4, consulted: 0, supported: 2, change: null });
    expect(floor.grants.find((grant) => grant.year === 2020)!.change).toBe(-0.5);
    const e1 = floor.feedback.find((event) => event.event_key === 'e1')!;
    expect(e1.responses).toBe(3);
    expect(e1.questions[0]).toEqual({ position: 1, n: 2, no_answer: 1, mean: 1.5 });
    expect(e1.questions).toHaveLength(4);
  });
});
