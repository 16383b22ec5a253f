import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import type { Database } from '../../db/tables.js';
import { importRecords, type ImportKind } from '../imports/index.js';
import { computeImpactReport } from './impact.js';
import { impactReportSchema, type ImpactReport } from './schemas.js';

/*
 * A hand-made dataset small enough to count on paper. Period: the year 2019.
 * A = Deutsch-Türkischer Kulturverein Gießen (three spellings on the lists),
 * B = Afrika Forum Kassel, C = Eritreischer Verein Frankfurt,
 * D = Polnischer Elternverein Wiesbaden, E = Syrischer Kulturverein Marburg,
 * F = "Neuer Verein Fulda", known only from an attendance list.
 */
const period = { from: '2019-01-01', to: '2019-12-31' };

const organizations = [
  { org_key: 'a', name: 'Deutsch-Türkischer Kulturverein Gießen e.V.', aliases: 'DTKV Gießen' },
  { org_key: 'b', name: 'Afrika Forum Kassel' },
  { org_key: 'c', name: 'Eritreischer Verein Frankfurt' },
  { org_key: 'd', name: 'Polnischer Elternverein Wiesbaden' },
  { org_key: 'e', name: 'Syrischer Kulturverein Marburg' },
];

const events = [
  { event_key: 'rv-2019-01', title: 'Regionales Vernetzungstreffen Gießen', format: 'regional_network_meeting', start_date: '2019-01-01' },
  { event_key: 'sa-2019-06', title: 'Schulung Antragstellung', format: 'training_application', start_date: '01.06.2019' },
  { event_key: 'hv-2019-12', title: 'Hessenweites Vernetzungstreffen', format: 'state_network_meeting', start_date: '2019-12-31' },
  { event_key: 'sw-2019-03', title: 'Schreibwerkstatt', format: 'writing_workshop', start_date: '2019-03-01' },
  // not counted: run by a partner, or outside the period by one day
  { event_key: 'wir-2019-07', title: 'Schulung der WIR-Koordination', format: 'training_application', start_date: '2019-07-01', organizer: 'partner' },
  { event_key: 'rv-2018-12', title: 'Regionales Vernetzungstreffen Kassel', format: 'regional_network_meeting', start_date: '2018-12-31' },
  { event_key: 'oe-2020-01', title: 'Qualifizierung Öffentlichkeitsarbeit', format: 'pr_training', start_date: '2020-01-01' },
];

const participants = [
  { event_key: 'rv-2019-01', organization: 'Deutsch-Tuerkischer Kulturverein Giessen', person: 'Ayşe Yılmaz' },
  { event_key: 'rv-2019-01', organization: 'DEUTSCH TÜRKISCHER KULTURVEREIN GIESSEN E. V.', person: 'Mehmet Kaya' },
  { event_key: 'rv-2019-01', organization: 'Afrika Forum Kassel', person: 'Amina Diallo' },
  { event_key: 'rv-2019-01', organization: '', person: 'Hans Müller' },
  { event_key: 'sa-2019-06', organization: 'DTKV Gießen', person: 'Ayşe Yılmaz' },
  { event_key: 'sa-2019-06', organization: 'Eritreischer Verein Frankfurt', person: 'Semhar Tesfay' },
  { event_key: 'sa-2019-06', organization: 'Neuer Verein Fulda', person: 'Olga Petrova' },
  { event_key: 'hv-2019-12', organization: 'Deutsch-Türkischer Kulturverein Gießen e.V.', person: 'Ayşe Yılmaz' },
  { event_key: 'hv-2019-12', organization: 'Afrika Forum Kassel', person: 'Kofi Mensah' },
  { event_key: 'hv-2019-12', organization: '', person: 'Lena Schmidt' },
  { event_key: 'wir-2019-07', organization: 'Polnischer Elternverein Wiesbaden', person: 'Anna Nowak' },
  { event_key: 'rv-2018-12', organization: 'Syrischer Kulturverein Marburg', person: 'Rami Haddad' },
  { event_key: 'oe-2020-01', organization: 'Eritreischer Verein Frankfurt', person: 'Semhar Tesfay' },
];

const consultations = [
  { date: '2019-01-01', organization: 'Afrika Forum Kassel', channel: 'video' },
  { date: '2019-05-05', organization: 'Polnischer Elternverein Wiesbaden', channel: 'phone' },
  { date: '31.12.2019', organization: 'DTKV Gießen', channel: 'email' },
  { date: '2018-12-31', organization: 'Syrischer Kulturverein Marburg', channel: 'phone' },
  { date: '2020-01-01', organization: 'Syrischer Kulturverein Marburg', channel: 'in_person' },
];

const grants = [
  { year: 2018, organization: 'Deutsch-Türkischer Kulturverein Gießen e.V.', application_type: 'new', status: 'approved' },
  { year: 2018, organization: 'Afrika Forum Kassel', application_type: 'Erstantrag', status: 'approved' },
  { year: 2018, organization: 'Eritreischer Verein Frankfurt', application_type: 'new', status: 'rejected' },
  // A holds two approved grants in 2019: two rows, one organisation
  { year: 2019, organization: 'DTKV Gießen', application_type: 'new', status: 'approved' },
  { year: 2019, organization: 'DTKV Gießen', application_type: 'Folgeantrag', status: 'approved' },
  { year: 2019, organization: 'Eritreischer Verein Frankfurt', application_type: 'new', status: 'approved' },
  { year: 2019, organization: 'Polnischer Elternverein Wiesbaden', application_type: 'new', status: 'approved' },
  { year: 2019, organization: 'Syrischer Kulturverein Marburg', application_type: 'new', status: 'approved' },
  { year: 2019, organization: 'Afrika Forum Kassel', application_type: 'follow_up', status: 'withdrawn' },
  { year: 2020, organization: 'Syrischer Kulturverein Marburg', application_type: 'follow_up', status: 'submitted' },
  { year: 2021, organization: 'Syrischer Kulturverein Marburg', application_type: 'follow_up', status: 'approved' },
];

const feedback = [
  { event_key: 'rv-2019-01', response_key: '1', q1: 1, q2: 2, q3: 1, q4: 2 },
  { event_key: 'rv-2019-01', response_key: '2', q1: 2, q2: '', q3: 1, q4: '', comment_more: 'Schön, dass wir uns kennengelernt haben.' },
  { event_key: 'rv-2019-01', response_key: '3', q1: 1, q2: 1, q3: '', q4: '' },
  { event_key: 'sa-2019-06', response_key: '1', q1: '', q2: '', q3: '', q4: '', q5: '', comment_improve: 'Mehr Pausen' },
  { event_key: 'wir-2019-07', response_key: '1', q1: 4 },
  { event_key: 'rv-2018-12', response_key: '1', q1: 3 },
];

async function loadDataset(db: Kysely<Database>): Promise<void> {
  const lists: [ImportKind, Record<string, string | number | null | undefined>[]][] = [
    ['organizations', organizations],
    ['events', events],
    ['participants', participants],
    ['consultations', consultations],
    ['grants', grants],
    ['feedback', feedback],
  ];
  for (const [kind, records] of lists) {
    const outcome = await importRecords(db, kind, records);
    expect(outcome.problems, kind).toEqual([]);
    expect(outcome.stored, kind).toBe(true);
  }
}

const expected: ImpactReport = {
  period,
  reach: {
    events: 4,
    organizations: 4, // A, B, C, F
    organization_participations: 7, // rv: A B, sa: A C F, hv: A B
    person_participations: 10,
    mean_events_per_organization: 7 / 4,
    organizations_by_event_count: { '1': 2, '2': 1, '3': 1 },
  },
  formats: {
    regional_network_meeting: { events: 1, organizations: 2, organization_participations: 2, person_participations: 4 },
    state_network_meeting: { events: 1, organizations: 2, organization_participations: 2, person_participations: 3 },
    training_application: { events: 1, organizations: 3, organization_participations: 3, person_participations: 3 },
    writing_workshop: { events: 1, organizations: 0, organization_participations: 0, person_participations: 0 },
  },
  grants: [
    {
      year: 2018, // A, B
      approved: 2,
      new: 2,
      follow_up: 0,
      reached: 2,
      reached_participations: 5,
      reached_by_format: { regional_network_meeting: 2, state_network_meeting: 2, training_application: 1, writing_workshop: 0 },
      consulted: 2,
      supported: 2,
      change: null,
    },
    {
      year: 2019, // A (twice), C, D, E
      approved: 5,
      new: 4,
      follow_up: 1,
      reached: 2, // A, C
      reached_participations: 4,
      reached_by_format: { regional_network_meeting: 1, state_network_meeting: 1, training_application: 2, writing_workshop: 0 },
      consulted: 2, // A, D; E only outside the period
      supported: 3,
      change: (5 - 2) / 2,
    },
    {
      year: 2021, // E; 2020 has no approved grant
      approved: 1,
      new: 0,
      follow_up: 1,
      reached: 0,
      reached_participations: 0,
      reached_by_format: { regional_network_meeting: 0, state_network_meeting: 0, training_application: 0, writing_workshop: 0 },
      consulted: 0,
      supported: 0,
      change: null,
    },
  ],
  conversion: {
    regional_network_meeting: { organizations: 2, approved: { '2018': 2, '2019': 1, '2021': 0 } },
    state_network_meeting: { organizations: 2, approved: { '2018': 2, '2019': 1, '2021': 0 } },
    training_application: { organizations: 3, approved: { '2018': 1, '2019': 2, '2021': 0 } },
    writing_workshop: { organizations: 0, approved: { '2018': 0, '2019': 0, '2021': 0 } },
  },
  feedback: [
    {
      event_key: 'rv-2019-01',
      title: 'Regionales Vernetzungstreffen Gießen',
      start_date: '2019-01-01',
      format: 'regional_network_meeting',
      responses: 3,
      questions: [
        { position: 1, n: 3, no_answer: 0, mean: 4 / 3 },
        { position: 2, n: 2, no_answer: 1, mean: 1.5 },
        { position: 3, n: 2, no_answer: 1, mean: 1 },
        { position: 4, n: 1, no_answer: 2, mean: 2 },
      ],
    },
    {
      event_key: 'sa-2019-06',
      title: 'Schulung Antragstellung',
      start_date: '2019-06-01',
      format: 'training_application',
      responses: 1,
      questions: [1, 2, 3, 4, 5].map((position) => ({ position, n: 0, no_answer: 1, mean: null })),
    },
  ],
};

describe('impact report', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('has zeros and empty lists on an empty database', async () => {
    const report = await computeImpactReport(database.db, period);
    expect(report).toEqual({
      period,
      reach: {
        events: 0,
        organizations: 0,
        organization_participations: 0,
        person_participations: 0,
        mean_events_per_organization: 0,
        organizations_by_event_count: {},
      },
      formats: {},
      grants: [],
      conversion: {},
      feedback: [],
    });
    expect(impactReportSchema.parse(report)).toEqual(report);
  });

  it('reproduces every figure of a hand-counted dataset, both ends of the period included', async () => {
    await loadDataset(database.db);
    // the three spellings of A and its alias are one organisation; F is new
    const organisations = await database.db.selectFrom('organisation').select('name').execute();
    expect(organisations).toHaveLength(6);

    const report = await computeImpactReport(database.db, period);
    expect(report).toEqual(expected);
    expect(impactReportSchema.parse(report)).toEqual(report);
    // the formats come in the report's order
    expect(Object.keys(report.formats)).toEqual(['regional_network_meeting', 'state_network_meeting', 'training_application', 'writing_workshop']);
  });

  it('moves the period: a single day, and grants whatever the period', async () => {
    const report = await computeImpactReport(database.db, { from: '2019-12-31', to: '2019-12-31' });
    expect(report.reach).toEqual({
      events: 1,
      organizations: 2,
      organization_participations: 2,
      person_participations: 3,
      mean_events_per_organization: 1,
      organizations_by_event_count: { '1': 2 },
    });
    expect(report.grants.map(({ year, approved, reached, consulted, supported, reached_by_format }) => ({ year, approved, reached, consulted, supported, reached_by_format }))).toEqual([
      { year: 2018, approved: 2, reached: 2, consulted: 1, supported: 2, reached_by_format: { state_network_meeting: 2 } },
      { year: 2019, approved: 5, reached: 1, consulted: 1, supported: 1, reached_by_format: { state_network_meeting: 1 } },
      { year: 2021, approved: 1, reached: 0, consulted: 0, supported: 0, reached_by_format: { state_network_meeting: 0 } },
    ]);
    expect(report.feedback).toEqual([]);
  });

  it('counts an import repeated as before', async () => {
    await loadDataset(database.db);
    expect(await computeImpactReport(database.db, period)).toEqual(expected);
  });
});
