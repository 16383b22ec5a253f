import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Language } from '../../i18n/index.js';
import type { Texts } from './tables.js';

/**
 * The checklist as data: twelve areas, their items, and each item's current
 * version (wording in six languages and Leichte Sprache, and its mapping to
 * the centre's offers). An answer keeps the version it was given to
 * (selfcheck_answer.item_version_id), so an old check reads as it was answered.
 */

type Db = Kysely<Database>;

export interface ItemVersion {
  key: string;
  areaKey: string;
  position: number;
  active: boolean;
  versionId: number;
  version: number;
  texts: Texts;
  eventFormats: string[];
  wegweiserTopics: string[];
  consultationTopic: string | null;
  /** Kinds of pinboard post to look at (room offers, partners sought). */
  pinboardKinds: string[];
}

export interface Area {
  key: string;
  position: number;
  titles: Texts;
}

export interface Checklist {
  areas: Area[];
  /** The current version of every item, in the order of areas and positions. */
  items: ItemVersion[];
}

/** A text in the language, else German; Leichte Sprache when asked and written. */
export function textIn(texts: Texts, language: Language, easy = false): string {
  if (easy && texts.easy) return texts.easy;
  return texts[language] || texts.de || '';
}

export async function listAreas(db: Db): Promise<Area[]> {
  return db.selectFrom('selfcheck_area').select(['key', 'position', 'titles']).orderBy('position').execute();
}

/** The checklist as it reads today (active items only unless asked). */
export async function currentChecklist(db: Db, options: { includeInactive?: boolean } = {}): Promise<Checklist> {
  const rows = await sql<{
    key: string; area_key: string; position: number; active: boolean; version_id: number; version: number; texts: Texts;
    event_formats: string[]; wegweiser_topics: string[]; consultation_topic: string | null; pinboard_kinds: string[];
  }>`
    select i.key, i.area_key, i.position, i.active, v.id as version_id, v.version, v.texts, v.event_formats, v.wegweiser_topics, v.consultation_topic, v.pinboard_kinds
    from selfcheck_item i
    join selfcheck_area a on a.key = i.area_key
    join lateral (select * from selfcheck_item_version v where v.item_key = i.key order by v.version desc limit 1) v on true
    where ${options.includeInactive ? sql`true` : sql`i.active`}
    order by a.position, i.position, i.key`.execute(db);
  return { areas: await listAreas(db), items: rows.rows.map(itemOf) };
}

export const itemOf = (row: {
  key: string; area_key: string; position: number; active: boolean; version_id: number; version: number; texts: Texts;
  event_formats: string[]; wegweiser_topics: string[]; consultation_topic: string | null; pinboard_kinds: string[];
}): ItemVersion => ({
  key: row.key, areaKey: row.area_key, position: row.position, active: row.active, versionId: row.version_id, version: row.version,
  texts: row.texts, eventFormats: row.event_formats ?? [], wegweiserTopics: row.wegweiser_topics ?? [], consultationTopic: row.consultation_topic,
  pinboardKinds: row.pinboard_kinds ?? [],
});

export async function findItem(db: Db, key: string): Promise<ItemVersion | null> {
  const checklist = await currentChecklist(db, { includeInactive: true });
  return checklist.items.find((item) => item.key === key) ?? null;
}

/** Every version of an item, newest first (the staff page shows what changed). */
export async function itemVersions(db: Db, key: string) {
  return db.selectFrom('selfcheck_item_version').selectAll().where('item_key', '=', key).orderBy('version', 'desc').execute();
}
