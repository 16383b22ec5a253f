import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { organisation } from '../../../test/factories.js';
import { pageSize, searchPosts } from './queries.js';
import type { PostKind, Topic } from './vocabulary.js';

/**
 * The board's search on a fixed clock (the indexes of 230_pinboard_search.sql
 * must not change what it finds): only published posts before their hour,
 * newest first (the id decides between two of the same hour), by kind,
 * district, topic and free text, alone and together; the count is that of
 * all matches, the page twenty of them.
 */

const now = new Date('2030-06-03T10:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
let database: TestDatabase;
const ids: Record<string, number> = {};

interface Seed {
  name: string;
  kind: PostKind;
  state?: 'published' | 'pending' | 'expired' | 'withdrawn' | 'hidden' | 'rejected';
  district: string;
  topics: Topic[];
  title: string;
  publishedHoursAgo: number;
  /** Hours until it expires (negative: its hour has passed, the job has not run). */
  expiresIn?: number;
}

const seeds: Seed[] = [
  { name: 'room', kind: 'room_offered', district: 'Kassel', topics: ['rooms'], title: 'Vereinsraum dienstags frei', publishedHoursAgo: 1 },
  { name: 'website', kind: 'knowhow_offered', district: 'Kassel', topics: ['website', 'social_media'], title: 'Wir helfen bei der Website', publishedHoursAgo: 2 },
  { name: 'books', kind: 'knowhow_offered', district: 'Frankfurt am Main', topics: ['bookkeeping'], title: 'Buchhaltung für kleine Vereine', publishedHoursAgo: 3 },
  { name: 'partner', kind: 'partner_sought', district: 'Frankfurt am Main', topics: ['funding', 'website'], title: 'Partner für 100%-Projekt_gesucht', publishedHoursAgo: 3 },
  { name: 'overdue', kind: 'knowhow_offered', district: 'Kassel', topics: ['website'], title: 'Website-Hilfe, abgelaufen', publishedHoursAgo: 1500, expiresIn: -1 },
  { name: 'pending', kind: 'knowhow_offered', state: 'pending', district: 'Kassel', topics: ['website'], title: 'Website-Hilfe, wartet', publishedHoursAgo: 0 },
  { name: 'hidden', kind: 'knowhow_offered', state: 'hidden', district: 'Kassel', topics: ['website'], title: 'Website-Hilfe, verborgen', publishedHoursAgo: 5 },
  { name: 'expired', kind: 'room_offered', state: 'expired', district: 'Kassel', topics: ['rooms'], title: 'Raum, abgelaufen', publishedHoursAgo: 2000, expiresIn: -500 },
];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const { id: organisationId } = await organisation(db, { name: 'Verein der Suche', district: 'Kassel' });
  for (const seed of seeds) {
    const publishedAt = seed.state === 'pending' ? null : hoursAgo(seed.publishedHoursAgo);
    const row = await db.insertInto('pinboard_post').values({
      organisation_id: organisationId, kind: seed.kind, state: seed.state ?? 'published', lang: 'de', title: seed.title, body: `${seed.title}. Schreiben Sie uns über die Pinnwand.`,
      district: seed.district, topics: seed.topics, published_at: publishedAt,
      expires_at: publishedAt ? new Date(now.getTime() + (seed.expiresIn ?? 24 * 50) * 3_600_000) : null,
    }).returning('id').executeTakeFirstOrThrow();
    ids[seed.name] = row.id;
  }
  // a page and a half of older published rooms elsewhere, to page through
  await db.insertInto('pinboard_post').values(Array.from({ length: pageSize + 10 }, (_, index) => ({
    organisation_id: organisationId, kind: 'room_wanted' as const, state: 'published' as const, lang: 'tr' as const, title: `Salon arıyoruz ${index}`, body: 'Cumartesi için bir salon arıyoruz.',
    district: 'Landkreis Fulda', topics: ['rooms'], published_at: hoursAgo(100), expires_at: hoursAgo(-100),
  }))).execute();
}, 60_000);
afterAll(async () => database?.close());

const found = async (filters: Parameters<typeof searchPosts>[1]) => {
  const result = await searchPosts(database.db, filters, now);
  return { names: result.rows.map((row) => Object.entries(ids).find(([, id]) => id === row.id)?.[0] ?? 'fulda'), total: result.total };
};

describe(`the pinboard's search on ${testEngine}`, () => {
  it('finds by kind, district, topic and text, alone and together, never what is not published or past its hour', async () => {
    expect(await found({ page: 1, district: 'Kassel' })).toEqual({ names: ['room', 'website'], total: 2 });
    expect(await found({ page: 1, kind: 'knowhow_offered' })).toEqual({ names: ['website', 'books'], total: 2 });
    expect(await found({ page: 1, topic: 'website' })).toEqual({ names: ['website', 'partner'], total: 2 });
    expect(await found({ page: 1, kind: 'knowhow_offered', district: 'Kassel', topic: 'website' })).toEqual({ names: ['website'], total: 1 });
    expect(await found({ page: 1, text: 'BUCHHALTUNG' })).toEqual({ names: ['books'], total: 1 });
    // % and _ are letters of the text, not patterns
    expect(await found({ page: 1, text: '100%-projekt_' })).toEqual({ names: ['partner'], total: 1 });
    expect(await found({ page: 1, text: '100%_' })).toEqual({ names: [], total: 0 });
    expect(await found({ page: 1, topic: 'music' })).toEqual({ names: [], total: 0 });
  });

  it('lists everything newest first, twenty a page, with the count of all', async () => {
    const first = await found({ page: 1 });
    expect(first.total).toBe(4 + pageSize + 10);
    expect(first.names.slice(0, 4)).toEqual(['room', 'website', 'partner', 'books']);
    expect(first.names).toHaveLength(pageSize);
    const second = await searchPosts(database.db, { page: 2 }, now);
    expect(second.rows).toHaveLength(14);
    // the same hour: the newer id first, so a page never repeats or skips one
    const all = [...(await searchPosts(database.db, { page: 1 }, now)).rows, ...second.rows].map((row) => row.id);
    expect(new Set(all).size).toBe(all.length);
    const fulda = all.slice(4);
    expect(fulda).toEqual([...fulda].sort((a, b) => b - a));
  });
});
