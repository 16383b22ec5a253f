import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { publicService, textMatches } from './queries.js';

/**
 * Rows → Open Referral HSDS 3.0 objects (schema/compiled/*.json of the
 * specification): the one place that shapes what the API and the export
 * send. HSDS types its fields as plain strings and numbers, never null, so
 * empty columns are left out (`compact`). The `metadata` arrays carry the
 * change history (who, when, field, old and new value).
 */

type Json = Record<string, unknown>;
export type HsdsObject = Json & { id: string };

/** Drops null and undefined fields: HSDS fields are strings or numbers, not nullable. */
export function compact<T extends Json>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined)) as T;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const day = (value: Date | string | null) => (value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

const groupBy = <T,>(rows: T[], key: (row: T) => string | null) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return groups;
};

export const hsdsVersion = '3.0';

/** The ids of the services the public may see, newest change first, with the API's filters. */
export async function publicServiceIds(
  db: Kysely<Database>,
  today: string,
  filters: { search?: string; taxonomyTermId?: string; organizationId?: string; modifiedAfter?: Date; page: number; perPage: number },
): Promise<{ ids: string[]; total: number }> {
  const conditions = [publicService(today)];
  const q = filters.search?.trim().toLowerCase();
  if (q) conditions.push(textMatches(q));
  if (filters.taxonomyTermId) conditions.push(sql`s.id in (select a.link_id from wegweiser_attribute a where a.taxonomy_term_id = ${filters.taxonomyTermId})`);
  if (filters.organizationId) conditions.push(sql`s.organization_id = ${filters.organizationId}`);
  if (filters.modifiedAfter) conditions.push(sql`s.last_modified >= ${filters.modifiedAfter}`);
  const where = sql.join(conditions, sql` and `);
  // the page in name order (index wegweiser_service_public_name) and the total apart, side by side: a window
  // count(*) over () would make PostgreSQL sort every public service for each page (BENCHMARKS.md, issue 12)
  const [rows, count] = await Promise.all([
    sql<{ id: string }>`select s.id from wegweiser_service s where ${where}
      order by s.name, s.id limit ${filters.perPage} offset ${(filters.page - 1) * filters.perPage}`.execute(db),
    sql<{ total: number }>`select count(*)::int as total from wegweiser_service s where ${where}`.execute(db),
  ]);
  return { ids: rows.rows.map((row) => row.id), total: count.rows[0].total };
}

export async function organizationObjects(db: Kysely<Database>, ids: string[]): Promise<HsdsObject[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('wegweiser_organization').selectAll().where('id', 'in', ids).orderBy('name').orderBy('id').execute();
  return rows.map((row) => compact({ id: row.id, name: row.name, alternate_name: row.alternate_name, description: row.description, email: row.email, website: row.website }));
}

export async function taxonomyObjects(db: Kysely<Database>): Promise<HsdsObject[]> {
  const rows = await db.selectFrom('wegweiser_taxonomy').selectAll().orderBy('name').execute();
  return rows.map((row) => compact({ id: row.id, name: row.name, description: row.description, uri: row.uri, version: row.version }));
}

export async function taxonomyTermObjects(db: Kysely<Database>, ids?: string[]): Promise<HsdsObject[]> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom('wegweiser_taxonomy_term as term').innerJoin('wegweiser_taxonomy as tax', 'tax.id', 'term.taxonomy_id')
    .select(['term.id', 'term.code', 'term.name', 'term.description', 'term.parent_id', 'term.taxonomy_id', 'tax.name as taxonomy', 'term.position']);
  if (ids) query = query.where('term.id', 'in', ids);
  const rows = await query.orderBy('term.position').orderBy('term.code').execute();
  return rows.map((row) => compact({ id: row.id, code: row.code, name: row.name, description: row.description, parent_id: row.parent_id, taxonomy: row.taxonomy, taxonomy_id: row.taxonomy_id, language: 'de' }));
}

/** Services with their one-to-one fields and organisation (service_list.json). */
export async function serviceListObjects(db: Kysely<Database>, ids: string[]): Promise<HsdsObject[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('wegweiser_service').selectAll().where('id', 'in', ids).execute();
  const organizations = new Map((await organizationObjects(db, [...new Set(rows.map((row) => row.organization_id))])).map((o) => [o.id, o]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.filter((id) => byId.has(id)).map((id) => {
    const row = byId.get(id)!;
    return { ...serviceFields(row), organization: organizations.get(row.organization_id) };
  });
}

type ServiceRow = Awaited<ReturnType<typeof loadServiceRows>>[number];
const loadServiceRows = (db: Kysely<Database>, ids: string[]) => db.selectFrom('wegweiser_service').selectAll().where('id', 'in', ids).execute();

function serviceFields(row: ServiceRow): HsdsObject {
  return compact({
    id: row.id, organization_id: row.organization_id, name: row.name, alternate_name: row.alternate_name, description: row.description,
    url: row.url, email: row.email, status: row.status, application_process: row.application_process, fees_description: row.fees_description,
    assured_date: day(row.assured_date), assurer_email: row.assurer_email, last_modified: iso(row.last_modified),
  });
}

/** Fully nested services (service.json), in the order of `ids`. */
export async function serviceObjects(db: Kysely<Database>, ids: string[]): Promise<HsdsObject[]> {
  if (ids.length === 0) return [];
  const rows = await loadServiceRows(db, ids);
  const [organizations, phones, schedules, areas, languages, contacts, costs, attributes, metadata, sals] = await Promise.all([
    organizationObjects(db, [...new Set(rows.map((row) => row.organization_id))]),
    db.selectFrom('wegweiser_phone').selectAll().where('service_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('wegweiser_schedule').selectAll().where('service_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('wegweiser_service_area').selectAll().where('service_id', 'in', ids).orderBy('name').orderBy('id').execute(),
    db.selectFrom('wegweiser_language').selectAll().where('service_id', 'in', ids).orderBy('code').execute(),
    db.selectFrom('wegweiser_contact').selectAll().where('service_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('wegweiser_cost_option').selectAll().where('service_id', 'in', ids).orderBy('id').execute(),
    attributeObjects(db, ids),
    metadataObjects(db, ids),
    db.selectFrom('wegweiser_service_at_location').selectAll().where('service_id', 'in', ids).orderBy('position').orderBy('location_id').execute(),
  ]);
  const locations = new Map((await locationObjects(db, [...new Set(sals.map((sal) => sal.location_id))])).map((l) => [l.id, l]));
  const org = new Map(organizations.map((o) => [o.id, o]));
  const by = {
    phones: groupBy(phones, (r) => r.service_id), schedules: groupBy(schedules, (r) => r.service_id), areas: groupBy(areas, (r) => r.service_id),
    languages: groupBy(languages, (r) => r.service_id), contacts: groupBy(contacts, (r) => r.service_id), costs: groupBy(costs, (r) => r.service_id),
    attributes: groupBy(attributes, (r) => r.link_id as string), metadata: groupBy(metadata, (r) => r.resource_id as string), sals: groupBy(sals, (r) => r.service_id),
  };
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.filter((id) => byId.has(id)).map((id) => {
    const row = byId.get(id)!;
    return {
      ...serviceFields(row),
      phones: (by.phones.get(id) ?? []).map(phoneObject),
      schedules: (by.schedules.get(id) ?? []).map(scheduleObject),
      service_areas: (by.areas.get(id) ?? []).map((a) => compact({ id: a.id, service_id: a.service_id, name: a.name, description: a.description, extent_type: 'other' })),
      service_at_locations: (by.sals.get(id) ?? []).map((sal) => compact({ id: sal.id, service_id: sal.service_id, location_id: sal.location_id, description: sal.description, location: locations.get(sal.location_id) })),
      languages: (by.languages.get(id) ?? []).map((l) => compact({ id: l.id, service_id: l.service_id, code: l.code, name: l.name, note: l.note })),
      organization: org.get(row.organization_id),
      cost_options: (by.costs.get(id) ?? []).map((c) => compact({ id: c.id, service_id: c.service_id, option: c.option, amount: c.amount === null ? null : Number(c.amount), currency: c.currency, amount_description: c.amount_description })),
      contacts: (by.contacts.get(id) ?? []).map((c) => compact({ id: c.id, service_id: c.service_id, organization_id: c.organization_id, name: c.name, title: c.title, department: c.department, email: c.email })),
      attributes: by.attributes.get(id) ?? [],
      metadata: by.metadata.get(id) ?? [],
    };
  });
}

const phoneObject = (p: { id: string; service_id: string | null; location_id: string | null; organization_id: string | null; number: string; extension: number | null; type: string | null; description: string | null }) =>
  compact({ id: p.id, service_id: p.service_id, location_id: p.location_id, organization_id: p.organization_id, number: p.number, extension: p.extension === null ? null : Number(p.extension), type: p.type, description: p.description });
const scheduleObject = (s: { id: string; service_id: string | null; location_id: string | null; byday: string | null; opens_at: string | null; closes_at: string | null; description: string | null }) =>
  compact({ id: s.id, service_id: s.service_id, location_id: s.location_id, byday: s.byday, opens_at: s.opens_at, closes_at: s.closes_at, description: s.description, ...(s.byday ? { freq: 'WEEKLY' } : {}) });

export async function locationObjects(db: Kysely<Database>, ids: string[]): Promise<HsdsObject[]> {
  if (ids.length === 0) return [];
  const [rows, accessibility, phones, schedules] = await Promise.all([
    db.selectFrom('wegweiser_location').selectAll().where('id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('wegweiser_accessibility').selectAll().where('location_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('wegweiser_phone').selectAll().where('location_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('wegweiser_schedule').selectAll().where('location_id', 'in', ids).orderBy('id').execute(),
  ]);
  const access = groupBy(accessibility, (r) => r.location_id);
  const phonesOf = groupBy(phones, (r) => r.location_id);
  const schedulesOf = groupBy(schedules, (r) => r.location_id);
  return rows.map((l) => compact({
    id: l.id, location_type: 'physical', organization_id: l.organization_id, name: l.name, description: l.description, transportation: l.transportation,
    latitude: l.latitude === null ? null : Number(l.latitude), longitude: l.longitude === null ? null : Number(l.longitude),
    external_identifier: l.district, external_identifier_type: l.district ? 'district' : null,
    addresses: l.address_1 && l.city && l.postal_code
      ? [{ id: l.id, location_id: l.id, address_1: l.address_1, city: l.city, state_province: 'Hessen', postal_code: l.postal_code, country: 'DE', address_type: 'physical' }]
      : [],
    accessibility: (access.get(l.id) ?? []).map((a) => compact({ id: a.id, location_id: a.location_id, description: a.description, details: a.details, url: a.url })),
    phones: (phonesOf.get(l.id) ?? []).map(phoneObject),
    schedules: (schedulesOf.get(l.id) ?? []).map(scheduleObject),
  }));
}

async function attributeObjects(db: Kysely<Database>, linkIds: string[]): Promise<Json[]> {
  const rows = await db.selectFrom('wegweiser_attribute').selectAll().where('link_id', 'in', linkIds).orderBy('taxonomy_term_id').execute();
  const terms = new Map((await taxonomyTermObjects(db, [...new Set(rows.map((row) => row.taxonomy_term_id))])).map((t) => [t.id, t]));
  return rows.map((a) => compact({ id: a.id, link_id: a.link_id, link_type: a.link_type, link_entity: a.link_entity, taxonomy_term_id: a.taxonomy_term_id, value: a.value, taxonomy_term: terms.get(a.taxonomy_term_id) }));
}

async function metadataObjects(db: Kysely<Database>, resourceIds: string[]): Promise<Json[]> {
  const rows = await db.selectFrom('wegweiser_metadata').selectAll().where('resource_id', 'in', resourceIds).orderBy('last_action_date').orderBy('id').execute();
  return rows.map((m) => ({
    id: m.id, resource_id: m.resource_id, resource_type: m.resource_type, last_action_date: iso(m.last_action_date), last_action_type: m.last_action_type,
    field_name: m.field_name, previous_value: m.previous_value, replacement_value: m.replacement_value, updated_by: m.updated_by,
  }));
}

/** Service-at-location records of public services, each with its location and its service's one-to-one fields. */
export async function serviceAtLocationObjects(db: Kysely<Database>, today: string, page: number, perPage: number): Promise<{ items: HsdsObject[]; total: number }> {
  const rows = await sql<{ id: string; service_id: string; location_id: string; description: string | null; total: number }>`
    select sal.id, sal.service_id, sal.location_id, sal.description, count(*) over ()::int as total
    from wegweiser_service_at_location sal join wegweiser_service s on s.id = sal.service_id
    where ${publicService(today)} order by sal.id limit ${perPage} offset ${(page - 1) * perPage}`.execute(db);
  const locations = new Map((await locationObjects(db, rows.rows.map((r) => r.location_id))).map((l) => [l.id, l]));
  const services = new Map((await serviceListObjects(db, [...new Set(rows.rows.map((r) => r.service_id))])).map((s) => [s.id, s]));
  return {
    items: rows.rows.map((r) => compact({ id: r.id, service_id: r.service_id, location_id: r.location_id, description: r.description, location: locations.get(r.location_id), service: services.get(r.service_id) })),
    total: rows.rows[0]?.total ?? 0,
  };
}

/** HSDS pagination fields (openapi.json components/schemas/Page). */
export function page<T>(contents: T[], total: number, pageNumber: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return { total_items: total, total_pages: totalPages, page_number: pageNumber, size: contents.length, first_page: pageNumber === 1, last_page: pageNumber >= totalPages, empty: contents.length === 0, contents };
}
