import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { serviceObjects, type HsdsObject } from './hsds.js';

/**
 * One entry as a page shows it: the HSDS service (fully nested), its texts
 * in the reader's language (German where no translation exists), the
 * Leichte Sprache summary when a person checked it, its districts.
 */
export interface Entry {
  service: HsdsObject & Record<string, any>;
  name: string;
  description: string;
  /** The language the name and description are shown in ('de' when untranslated). */
  textLanguage: string;
  published: boolean;
  assuredDate: string | null;
  recheckMonths: number;
  easyRead: string | null;
  districts: string[];
  topics: { code: string; name: string }[];
}

export async function loadEntry(db: Kysely<Database>, id: string, language: string): Promise<Entry | undefined> {
  return (await loadEntries(db, [id], language))[0];
}

/** Several entries at once, in the order of `ids` (the brochure: a handful of queries for hundreds of entries). */
export async function loadEntries(db: Kysely<Database>, ids: string[], language: string): Promise<Entry[]> {
  if (ids.length === 0) return [];
  const [rows, services, translations, topics, districts] = await Promise.all([
    db.selectFrom('wegweiser_service').select(['id', 'name', 'description', 'published', 'assured_date', 'recheck_months', 'easy_read_summary', 'easy_read_checked_at']).where('id', 'in', ids).execute(),
    serviceObjects(db, ids),
    db.selectFrom('wegweiser_translation').select(['entity_id', 'field', 'value']).where('entity', '=', 'service').where('entity_id', 'in', ids).where('language', '=', language).execute(),
    db.selectFrom('wegweiser_attribute as a').innerJoin('wegweiser_taxonomy_term as term', 'term.id', 'a.taxonomy_term_id')
      .select(['a.link_id', 'term.code', 'term.name']).where('a.link_id', 'in', ids).orderBy('term.position').execute(),
    sql<{ service_id: string; district: string }>`
      select service_id, name as district from wegweiser_service_area where service_id in (${sql.join(ids)})
      union select sal.service_id, l.district from wegweiser_service_at_location sal join wegweiser_location l on l.id = sal.location_id
        where sal.service_id in (${sql.join(ids)}) and l.district is not null
      order by 2`.execute(db),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const serviceById = new Map(services.map((service) => [service.id, service]));
  return ids.filter((id) => byId.has(id)).map((id) => {
    const row = byId.get(id)!;
    const translated = Object.fromEntries(translations.filter((t) => t.entity_id === id).map((t) => [t.field, t.value]));
    return {
      service: serviceById.get(id)!,
      name: translated.name ?? row.name,
      description: translated.description ?? row.description,
      textLanguage: translated.name || translated.description ? language : 'de',
      published: row.published,
      assuredDate: row.assured_date,
      recheckMonths: row.recheck_months,
      easyRead: row.easy_read_checked_at !== null ? row.easy_read_summary : null,
      districts: [...new Set(districts.rows.filter((d) => d.service_id === id).map((d) => d.district))],
      topics: topics.filter((t) => t.link_id === id).map(({ code, name }) => ({ code, name })),
    };
  });
}
