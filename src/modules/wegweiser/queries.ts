import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { graceMonths, hideAfterMonths } from './freshness.js';

/**
 * Reads of the Wegweiser. The public rule (published, confirmed, not hidden
 * for being overdue too long) is `publicService` below, the SQL twin of
 * freshness.ts's isPublicState; the API, the export, the brochure and the
 * public pages all use it.
 */

export async function topicCodes(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('wegweiser_taxonomy_term').select('code').execute()).map((row) => row.code);
}

export async function listTopics(db: Kysely<Database>) {
  return db.selectFrom('wegweiser_taxonomy_term').selectAll().orderBy('position').orderBy('code').execute();
}

/** Lower-cased words to search in: names, descriptions and their translations, the organisation, the topics. */
export async function refreshSearchText(db: Kysely<Database>, serviceId: string) {
  await sql`
    update wegweiser_service s set search_text = lower(concat_ws(' ', s.name, s.alternate_name, s.description, o.name,
      (select string_agg(t.value, ' ') from wegweiser_translation t where t.entity = 'service' and t.entity_id = s.id and t.field = 'name'),
      (select string_agg(term.name, ' ') from wegweiser_attribute a join wegweiser_taxonomy_term term on term.id = a.taxonomy_term_id where a.link_id = s.id)))
    from wegweiser_organization o where o.id = s.organization_id and s.id = ${serviceId}`.execute(db);
}

/** `s` (wegweiser_service) may be shown to the public on the Berlin day `today`. */
export const publicService = (today: string) =>
  sql<boolean>`(s.published and s.assured_date is not null
    and (s.assured_date + make_interval(months => s.recheck_months + ${hideAfterMonths}))::date > cast(${today} as date))`;

/** `s` is overdue beyond the grace period: marked and sorted last. */
export const overdueService = (today: string) =>
  sql<boolean>`((s.assured_date + make_interval(months => s.recheck_months + ${graceMonths}))::date <= cast(${today} as date))`;

/** The districts an entry serves: its service areas and the districts of its locations (for policy.ts). */
export async function serviceDistricts(db: Kysely<Database>, serviceId: string): Promise<string[]> {
  const rows = await sql<{ district: string }>`
    select name as district from wegweiser_service_area where service_id = ${serviceId}
    union select l.district from wegweiser_service_at_location sal join wegweiser_location l on l.id = sal.location_id
      where sal.service_id = ${serviceId} and l.district is not null`.execute(db);
  return rows.rows.map((row) => row.district);
}

export interface PublicSearch {
  q?: string;
  topic?: string;
  district?: string;
  language?: string;
  /** Sort by distance from this point (a postcode's centre). */
  near?: { latitude: number; longitude: number };
  page: number;
  perPage: number;
}

export interface SearchHit {
  id: string;
  name: string;
  description: string;
  organization_name: string;
  assured_date: string;
  recheck_months: number;
  overdue: boolean;
  city: string | null;
  distance_km: number | null;
  has_easy_read: boolean;
  total: number;
}

/**
 * The public search. Free text tolerates typos through trigram word
 * similarity (pg_trgm's `<%`, served by the gin index
 * wegweiser_service_search) or a plain substring. Overdue entries come last,
 * then the nearest (when a postcode is given), then the best match, then by name.
 */
export async function searchServices(db: Kysely<Database>, search: PublicSearch, context: { today: string; language: string }): Promise<SearchHit[]> {
  const q = search.q?.trim().toLowerCase() ?? '';
  const conditions = [publicService(context.today), sql`s.status <> 'defunct'`];
  if (q !== '') conditions.push(textMatches(q));
  if (search.topic) conditions.push(hasTopic(search.topic));
  if (search.district) conditions.push(servesDistrict(search.district));
  if (search.language) conditions.push(sql`s.id in (select lang.service_id from wegweiser_language lang where lang.code = ${search.language})`);
  // an entry with several locations is as near as its nearest one
  const distance = search.near
    ? sql<number>`(select min(${distanceTo(search.near, 'l')})
        from wegweiser_service_at_location sal join wegweiser_location l on l.id = sal.location_id where sal.service_id = s.id and l.latitude is not null)`
    : sql<number>`null::float8`;
  // the page is chosen on the sort keys alone; names, city and texts are read for its rows only
  const result = await sql<SearchHit>`
    with page as (
      select s.id, ${overdueService(context.today)} as overdue, ${distance} as distance_km,
        ${q === '' ? sql`0::float4` : sql`word_similarity(${q}, s.search_text)`} as similarity, s.name as sort_name, count(*) over ()::int as total
      from wegweiser_service s
      where ${sql.join(conditions, sql` and `)}
      order by overdue, distance_km nulls last, similarity desc, s.name, s.id
      limit ${search.perPage} offset ${(search.page - 1) * search.perPage}
    )
    select s.id, coalesce(tn.value, s.name) as name, coalesce(td.value, s.description) as description, o.name as organization_name,
      to_char(s.assured_date, 'YYYY-MM-DD') as assured_date, s.recheck_months, page.overdue,
      -- the city of the nearest location when searching near a postcode, else of the entry's first
      (select l.city from wegweiser_service_at_location sal join wegweiser_location l on l.id = sal.location_id where sal.service_id = s.id
        order by ${search.near ? sql`${distanceTo(search.near, 'l')} nulls last` : sql`sal.position`}, l.id limit 1) as city,
      page.distance_km, (s.easy_read_checked_at is not null and s.easy_read_summary is not null) as has_easy_read, page.total
    from page
    join wegweiser_service s on s.id = page.id
    join wegweiser_organization o on o.id = s.organization_id
    left join wegweiser_translation tn on tn.entity = 'service' and tn.entity_id = s.id and tn.field = 'name' and tn.language = ${context.language}
    left join wegweiser_translation td on td.entity = 'service' and td.entity_id = s.id and td.field = 'description' and td.language = ${context.language}
    order by page.overdue, page.distance_km nulls last, page.similarity desc, page.sort_name, s.id`.execute(db);
  return result.rows.map((row) => ({ ...row, distance_km: row.distance_km === null ? null : Number(row.distance_km) }));
}

/** Kilometres from a point to the location `alias` (haversine on the mean earth radius, 6371 km). */
const distanceTo = (point: { latitude: number; longitude: number }, alias: string) => {
  const l = sql.ref(alias);
  return sql<number>`(12742 * asin(sqrt(power(sin(radians(${l}.latitude - ${point.latitude}) / 2), 2)
    + cos(radians(${point.latitude})) * cos(radians(${l}.latitude)) * power(sin(radians(${l}.longitude - ${point.longitude}) / 2), 2))))`;
};

/*
 * The filters as `s.id in (…)`: PostgreSQL runs each as one hashed subplan
 * (or an index scan) instead of a correlated EXISTS per candidate row, which
 * an OR between two EXISTS would force.
 */

/** Free text: trigram word similarity (`<%`, gin index wegweiser_service_search) or a substring. */
export const textMatches = (q: string) => {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`s.id in (select t.id from wegweiser_service t where ${q} <% t.search_text union select t.id from wegweiser_service t where t.search_text like ${like})`;
};

export const hasTopic = (code: string) =>
  sql<boolean>`s.id in (select a.link_id from wegweiser_attribute a join wegweiser_taxonomy_term term on term.id = a.taxonomy_term_id where term.code = ${code})`;

/** A service area in the district, or a location there. */
export const servesDistrict = (district: string) =>
  sql<boolean>`s.id in (select area.service_id from wegweiser_service_area area where area.name = ${district}
    union select sal.service_id from wegweiser_service_at_location sal join wegweiser_location l on l.id = sal.location_id where l.district = ${district})`;

/** Districts that have at least one public entry, for the search form. */
export async function districtsWithServices(db: Kysely<Database>, today: string): Promise<string[]> {
  const rows = await sql<{ district: string }>`
    select distinct area.name as district from wegweiser_service_area area join wegweiser_service s on s.id = area.service_id where ${publicService(today)}
    order by 1`.execute(db);
  return rows.rows.map((row) => row.district);
}
