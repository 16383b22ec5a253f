import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { loadDemo } from '../demo/index.js';
import { anonymiseProfiles, foundingPeriodOf, legalFormGroupOf, minimumGroupSize, smallestGroup, withheld, type OrganisationFacts } from './anonymity.js';
import { evaluationProfiles } from './queries.js';

/*
 * k-anonymity of the evaluator's organisation list (issue 8, finding 11):
 * measured on a crafted dataset and on the demo, on the profiles and on the
 * CSV export and pages the evaluator actually receives.
 */

const organisation = (id: number, facts: Partial<OrganisationFacts> = {}): OrganisationFacts => ({
  id,
  district: 'Kassel',
  legal_form: 'ev',
  founded_year: 2012,
  orientation: 'community',
  fields: ['culture'],
  ...facts,
});

describe('coarse quasi-identifiers', () => {
  it('puts founding years into four periods and legal forms into three groups', () => {
    expect([1999, 2000, 2009, 2010, 2014, 2015, 2024].map(foundingPeriodOf)).toEqual(['vor 2000', '2000–2009', '2000–2009', '2010–2014', '2010–2014', '2015 und später', '2015 und später']);
    expect(foundingPeriodOf(null)).toBeNull();
    expect(['ev', 'ev_gemeinnuetzig', 'initiative', 'ev_in_gruendung', 'ggmbh', 'other'].map(legalFormGroupOf)).toEqual(['registered', 'registered', 'initiative', 'initiative', 'other', 'other']);
  });
});

describe('a minimum group size on a crafted dataset', () => {
  it('leaves groups of k alone and generalises the rarer ones field by field', () => {
    // five alike (a group of k), four founded in other years of the same period, one lone gGmbH in Fulda
    const rows = [
      ...[1, 2, 3, 4, 5].map((id) => organisation(id)),
      ...[6, 7, 8, 9].map((id) => organisation(id, { founded_year: 2010 + id - 6, fields: ['sport'] })),
      organisation(10, { district: 'Fulda', legal_form: 'ggmbh', founded_year: 1985, orientation: 'mixed', fields: ['youth'] }),
    ];
    const profiles = anonymiseProfiles(rows, 5);
    expect(profiles.get(1)).toEqual({ district: 'Kassel', legalForm: 'registered', foundingPeriod: '2010–2014', orientation: 'community', fields: ['culture'] });
    // the four differ from the five only by their field: withholding it makes a group of 4 + 1 …
    expect(profiles.get(6)!.fields).toEqual([withheld]);
    // … and the lone one loses everything it would be recognised by
    expect(profiles.get(10)).toEqual({ district: withheld, legalForm: withheld, foundingPeriod: withheld, orientation: withheld, fields: [withheld] });
    expect(smallestGroup(profiles.values())).toBeGreaterThanOrEqual(5);
  });

  it('withholds the smallest other groups too when the fully withheld rows are still fewer than k', () => {
    const rows = [...[1, 2, 3, 4, 5, 6].map((id) => organisation(id)), organisation(7, { district: 'Fulda' }), organisation(8, { district: 'Marburg' })];
    const profiles = anonymiseProfiles(rows, 5);
    expect(smallestGroup(profiles.values())).toBeGreaterThanOrEqual(5);
    expect(profiles.get(1)).toEqual(profiles.get(7));
  });

  it('without the coarsening, the crafted rows would be unique', () => {
    const rows = [1, 2, 3, 4, 5].map((id) => organisation(id, { founded_year: 2000 + id }));
    expect(smallestGroup(anonymiseProfiles(rows, 1).values())).toBe(5); // one period: already a group of five
    expect(smallestGroup(anonymiseProfiles(rows, 6).values())).toBe(5); // fewer rows than k: the best possible is all of them
  });
});

describe('a minimum group size on the demo', () => {
  let test: TestApp;
  let evaluator: SignedIn;
  beforeAll(async () => {
    test = await createTestApp();
    await loadDemo(test.database.db);
    evaluator = await test.signIn('evaluator');
  }, 120_000);
  afterAll(async () => test?.close());

  const quasiIdentifiers = ['district', 'legal_form_group', 'founding_period', 'orientation', 'fields'];

  it('was re-identifiable by municipality, legal form and founding decade', async () => {
    const rows = await test.database.db.selectFrom('organisation').select(['municipality', 'legal_form', 'founded_year']).execute();
    const sizes = new Map<string, number>();
    for (const row of rows) {
      const key = JSON.stringify([row.municipality, row.legal_form, row.founded_year === null ? null : Math.floor(row.founded_year / 10)]);
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    expect([...sizes.values()].filter((size) => size === 1).length).toBeGreaterThan(50);
  });

  it(`gives every combination of quasi-identifiers in the evaluator's CSV at least ${minimumGroupSize} organisations`, async () => {
    const response = await test.app.inject({ method: 'GET', url: '/evaluation/organisations.csv', headers: { cookie: evaluator.cookie } });
    expect(response.statusCode).toBe(200);
    const rows = parse(response.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(Number((await test.database.db.selectFrom('organisation').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n));
    expect(Object.keys(rows[0])).not.toContain('municipality');
    const sizes = new Map<string, number>();
    for (const row of rows) {
      const key = JSON.stringify(quasiIdentifiers.map((column) => row[column]));
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(minimumGroupSize);
    // the list still says something: most organisations keep their district
    expect(rows.filter((row) => row.district !== withheld && row.district !== '').length).toBeGreaterThan(rows.length / 2);
    expect(smallestGroup((await evaluationProfiles(test.database.db)).values())).toBeGreaterThanOrEqual(minimumGroupSize);
  });

  it('shows the same generalised profiles on the pages, never a municipality', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/evaluation/organisations', headers: { cookie: evaluator.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Gründungszeitraum');
    expect(page.body).not.toContain('Gemeinde');
    const municipalities = (await test.database.db.selectFrom('organisation').select('municipality').distinct().execute()).map((row) => row.municipality).filter((name): name is string => !!name);
    const districts = new Set((await test.database.db.selectFrom('organisation').select('district').distinct().execute()).map((row) => row.district));
    const cells = [...page.body.matchAll(/<td class="kern-table__cell[^"]*"[^>]*><div class="mosaik-table__value">([^<]*)<\/div><\/td>/g)].map((match) => match[1]);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((cell) => municipalities.includes(cell) && !districts.has(cell))).toEqual([]);
  });
});
