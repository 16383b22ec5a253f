import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { serviceObjects, type HsdsObject } from './hsds.js';
import { serviceDistricts } from './queries.js';

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
  const row = await db.selectFrom('wegweiser_service').select(['id', 'name', 'description', 'published', 'assured_date', 'recheck_months', 'easy_read_summary', 'easy_read_checked_at'])
    .where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [service] = await serviceObjects(db, [id]);
  const translations = await db.selectFrom('wegweiser_translation').select(['field', 'value']).where('entity', '=', 'service').where('entity_id', '=', id).where('language', '=', language).execute();
  const translated = Object.fromEntries(translations.map((t) => [t.field, t.value]));
  const topics = await db.selectFrom('wegweiser_attribute as a').innerJoin('wegweiser_taxonomy_term as term', 'term.id', 'a.taxonomy_term_id')
    .select(['term.code', 'term.name']).where('a.link_id', '=', id).orderBy('term.position').execute();
  return {
    service,
    name: translated.name ?? row.name,
    description: translated.description ?? row.description,
    textLanguage: translated.name || translated.description ? language : 'de',
    published: row.published,
    assuredDate: row.assured_date,
    recheckMonths: row.recheck_months,
    easyRead: row.easy_read_checked_at !== null ? row.easy_read_summary : null,
    districts: await serviceDistricts(db, id),
    topics,
  };
}
