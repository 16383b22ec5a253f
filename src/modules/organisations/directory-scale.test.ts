import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { organisations } from '../../../test/factories.js';
import { candidateLimit, searchOrganisations } from './directory.js';

/**
 * The directory search looks at the best `candidateLimit` names only (see
 * directory.ts). With more matching names than that, the total is a lower
 * bound; with a filter that the best candidates miss, the search still finds
 * the filtered organisations.
 */
describe('the directory search with more matching names than candidates', () => {
  let database: TestDatabase;
  const everyone = { districts: null };
  beforeAll(async () => {
    database = await createTestDatabase();
    const towns = ['Kassel', 'Fulda', 'Hanau'];
    const names = Array.from({ length: candidateLimit + 150 }, (_, index) => ({ name: `Kulturverein ${index + 1} ${towns[index % 3]}`, district: towns[index % 3] }));
    // "Kulturvereinigung" is word-similar to "kulturverein" (0.92), but less so than the names above: never among the best candidates
    for (let index = 1; index <= 4; index++) names.push({ name: `Kulturvereinigung Rarestadt ${index}`, district: 'Rarestadt' });
    await organisations(database.db, names);
  });
  afterAll(async () => database?.close());

  it('ranks the best candidates and says that the total is a lower bound', async () => {
    const page = await searchOrganisations(database.db, everyone, { q: 'kulturverein', limit: 25, offset: 0 });
    expect(page.totalIsLowerBound).toBe(true);
    expect(page.total).toBeGreaterThanOrEqual(candidateLimit);
    expect(page.items).toHaveLength(25);
    expect(page.items.every((item) => item.score === 2 && item.name.startsWith('Kulturverein '))).toBe(true);
  });

  it('finds an exact name, a typo and a prefix among many similar names', async () => {
    const exact = await searchOrganisations(database.db, everyone, { q: 'Kulturverein 121 Kassel e.V.', limit: 5, offset: 0 });
    expect(exact.items[0]).toMatchObject({ name: 'Kulturverein 121 Kassel', score: 3 });
    const typo = await searchOrganisations(database.db, everyone, { q: 'Kulturverien 125 Fulda', limit: 5, offset: 0 });
    expect(typo.items[0].name).toBe('Kulturverein 125 Fulda');
    const prefix = await searchOrganisations(database.db, everyone, { q: 'Kulturvereinig', limit: 25, offset: 0 });
    // the names starting with the query first, then the word-similar ones
    expect(prefix.items.slice(0, 4).map((item) => item.name).sort()).toEqual(['Kulturvereinigung Rarestadt 1', 'Kulturvereinigung Rarestadt 2', 'Kulturvereinigung Rarestadt 3', 'Kulturvereinigung Rarestadt 4']);
    expect(prefix.items[4].score).toBeLessThan(1);
    const none = await searchOrganisations(database.db, everyone, { q: 'Zahnarztpraxis', limit: 25, offset: 0 });
    expect(none).toEqual({ total: 0, totalIsLowerBound: false, items: [] });
  });

  it('falls back to the filtered organisations when the best candidates miss the filter', async () => {
    const page = await searchOrganisations(database.db, everyone, { q: 'kulturverein', district: 'Rarestadt', limit: 25, offset: 0 });
    expect(page).toMatchObject({ total: 4, totalIsLowerBound: false });
    expect(page.items.map((item) => item.name)).toEqual(['Kulturvereinigung Rarestadt 1', 'Kulturvereinigung Rarestadt 2', 'Kulturvereinigung Rarestadt 3', 'Kulturvereinigung Rarestadt 4']);
    const scoped = await searchOrganisations(database.db, { districts: ['Rarestadt'] }, { q: 'kulturverein', limit: 2, offset: 2 });
    expect(scoped.items.map((item) => item.name)).toEqual(['Kulturvereinigung Rarestadt 3', 'Kulturvereinigung Rarestadt 4']);
    expect(scoped.total).toBe(4);
  });
});
