import { describe, expect, it } from 'vitest';
import { impactReportSchema, type ImpactReport } from './schemas.js';
import { formatImpactText } from './text.js';

// Figures of the evaluation report, chapter 5 (reference/figures.md)
const report: ImpactReport = impactReportSchema.parse({
  period: { from: '2017-09-01', to: '2019-08-31' },
  reach: {
    events: 24,
    organizations: 123,
    organization_participations: 177,
    person_participations: 244,
    mean_events_per_organization: 177 / 123,
    organizations_by_event_count: { '1': 90, '2': 18, '3': 11, '4': 2, '5': 2 },
  },
  formats: {
    regional_network_meeting: { events: 4, organizations: 34, organization_participations: 40, person_participations: 57 },
    training_application: { events: 8, organizations: 31, organization_participations: 33, person_participations: 50 },
  },
  grants: [
    {
      year: 2018, approved: 32, new: 32, follow_up: 0, reached: 20, reached_participations: 30,
      reached_by_format: { regional_network_meeting: 3, training_application: 0 }, consulted: 13, supported: 24, change: null,
    },
    {
      year: 2019, approved: 42, new: 25, follow_up: 17, reached: 34, reached_participations: 66,
      reached_by_format: { regional_network_meeting: 5, training_application: 14 }, consulted: 24, supported: 36, change: 0.3125,
    },
  ],
  conversion: {
    regional_network_meeting: { organizations: 34, approved: { '2018': 3, '2019': 5 } },
    training_application: { organizations: 31, approved: { '2018': 9, '2019': 12 } },
  },
  feedback: [
    {
      event_key: 'rv-2018-03', title: 'Netzwerktreffen Eschwege', start_date: '2018-03-24', format: 'regional_network_meeting', responses: 2,
      questions: [
        { position: 1, n: 2, no_answer: 0, mean: 1 },
        { position: 2, n: 0, no_answer: 2, mean: null },
      ],
    },
    {
      event_key: 'hv-2019-06', title: 'Hessenweites Vernetzungstreffen', start_date: '2019-06-01', format: 'state_network_meeting', responses: 28,
      questions: [{ position: 1, n: 28, no_answer: 0, mean: 40 / 28 }],
    },
  ],
});

describe('impact report as German text', () => {
  const text = formatImpactText(report);

  it('states reach and the distribution by event count like chapter 5', () => {
    expect(text).toContain('Wirkungsbericht: 01.09.2017 bis 31.08.2019');
    expect(text).toContain('Mit 24 Veranstaltungen des Kompetenzzentrums wurden 123 verschiedene Organisationen erreicht.');
    expect(text).toContain('Es gab 177 Vereinsteilnahmen mit 244 Personen. Eine Organisation hat im Durchschnitt an 1,44 Veranstaltungen teilgenommen.');
    expect(text).toContain('  - 90 Organisationen an 1 Veranstaltung (73 %)');
    expect(text).toContain('  - 18 Organisationen an 2 Veranstaltungen (15 %)');
    expect(text).toContain('  - 2 Organisationen an 5 Veranstaltungen (2 %)');
  });

  it('tabulates the formats in the report order', () => {
    const section = text.slice(text.indexOf('2. Veranstaltungen nach Format'), text.indexOf('3. Bewilligte'));
    const table = section.trim().split('\n').slice(1);
    expect(table).toHaveLength(3);
    expect(table[0]).toMatch(/^ {2}Format +Veranstaltungen {2}Organisationen {2}Vereinsteilnahmen {2}Personen$/);
    expect(table[1]).toMatch(/^ {2}Regionale Vernetzungstreffen +4 +34 +40 +57$/);
    expect(table[2]).toMatch(/^ {2}Schulungen zur Antragstellung +8 +31 +33 +50$/);
  });

  it('relates grant holders, consultations and change', () => {
    expect(text).toContain('2019: 42 bewilligte Anträge (25 Neuanträge, 17 Folgeanträge); Zunahme um 31 % gegenüber 2018.');
    expect(text).toContain('34 von 42 (81 %) nahmen im Zeitraum an Veranstaltungen des Kompetenzzentrums teil, mit 66 Vereinsteilnahmen.');
    expect(text).toContain('14 der 34 (41 %): Schulungen zur Antragstellung');
    expect(text).toContain('24 von 42 (57 %) wurden im Zeitraum individuell beraten.');
    expect(text).toContain('36 von 42 (86 %) erhielten Unterstützung');
    expect(text).toContain('2018: 32 bewilligte Anträge (32 Neuanträge, 0 Folgeanträge); kein Vergleich, 2017 ohne Bewilligung.');
    expect(text).toContain('Schulungen zur Antragstellung: 31 Organisationen; davon mit bewilligtem Antrag 2018: 9 (29 %), 2019: 12 (39 %)');
  });

  it('gives feedback means with N and marks small samples', () => {
    expect(text).toContain('Netzwerktreffen Eschwege (Regionale Vernetzungstreffen), 24.03.2018: 2 Bögen (N < 5)');
    expect(text).toContain('F1 1,0 (N = 2, N < 5) · F2 keine Angabe');
    expect(text).toContain('Hessenweites Vernetzungstreffen (Hessenweite Vernetzungstreffen), 01.06.2019: 28 Bögen\n    F1 1,4 (N = 28)');
  });

  it('says so when the period is empty', () => {
    const empty = formatImpactText({
      period: { from: '2030-01-01', to: '2030-12-31' },
      reach: { events: 0, organizations: 0, organization_participations: 0, person_participations: 0, mean_events_per_organization: 0, organizations_by_event_count: {} },
      formats: {},
      grants: [],
      conversion: {},
      feedback: [],
    });
    expect(empty).toContain('Im Zeitraum fanden keine Veranstaltungen des Kompetenzzentrums statt.');
    expect(empty).toContain('Keine Rückmeldebögen im Zeitraum.');
  });
});
