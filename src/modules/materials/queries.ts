import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { FileFormat, MaterialKind } from './tables.js';

type Db = Kysely<Database>;

/** A handout as lists show it: the material and its current version (without the file's bytes). */
export interface MaterialSummary {
  id: number;
  kind: MaterialKind;
  title: string;
  description: string;
  language: string;
  topic: string;
  event_formats: string[];
  checklist_items: string[];
  published: boolean;
  link_url: string | null;
  link_checked_at: Date | null;
  link_ok: boolean | null;
  link_problem: string | null;
  updated_at: Date;
  version_number: number | null;
  format: FileFormat | null;
  byte_size: number | null;
  page_count: number | null;
  file_name: string | null;
  pdf_tagged: boolean | null;
  pdf_title: string | null;
  pdf_language: string | null;
}

export interface LibraryFilters {
  topic?: string;
  language?: string;
  /** a file format, or 'link' */
  format?: string;
  /** a checklist item's key (vocabulary.ts): the handouts the Vereins-Check points at for it */
  item?: string;
}

/**
 * Materials with their newest version: the newest version is what every
 * link serves (material_version's primary key answers the lateral lookup).
 */
function materialsWhere(db: Db, condition: RawBuilder<boolean>) {
  return sql<MaterialSummary>`
    select m.id, m.kind, m.title, m.description, m.language, m.topic, m.event_formats, m.checklist_items, m.published,
           m.link_url, m.link_checked_at, m.link_ok, m.link_problem, m.updated_at,
           v.version_number, v.format, v.byte_size, v.page_count, v.file_name, v.pdf_tagged, v.pdf_title, v.pdf_language
    from material m
    left join lateral (
      select version_number, format, byte_size, page_count, file_name, pdf_tagged, pdf_title, pdf_language
      from material_version where material_id = m.id order by version_number desc limit 1
    ) v on true
    where ${condition}
    order by m.topic, lower(m.title), m.id`
    .execute(db)
    .then((result) => result.rows);
}

/** The public library: published handouts, filtered by topic, language and format. */
export function libraryMaterials(db: Db, filters: LibraryFilters): Promise<MaterialSummary[]> {
  const conditions = [sql<boolean>`m.published`];
  if (filters.topic) conditions.push(sql<boolean>`m.topic = ${filters.topic}`);
  if (filters.language) conditions.push(sql<boolean>`m.language = ${filters.language}`);
  if (filters.format === 'link') conditions.push(sql<boolean>`m.kind = 'link'`);
  else if (filters.format) conditions.push(sql<boolean>`v.format = ${filters.format}`);
  // @> (not = any) so that the gin index material_checklist_items can answer it
  if (filters.item) conditions.push(sql<boolean>`m.checklist_items @> array[${filters.item}]::text[]`);
  return materialsWhere(db, sql<boolean>`${sql.join(conditions, sql` and `)}`);
}

/** Every handout, published or not, for the staff list. */
export const allMaterials = (db: Db) => materialsWhere(db, sql<boolean>`true`);

/** Published handouts that belong to an event format (the application training → its handout). */
export const materialsForEventFormat = (db: Db, format: string) => materialsWhere(db, sql<boolean>`m.published and ${format} = any(m.event_formats)`);

/** Published handouts that belong to a checklist item (reference/checklist.md key, e.g. 'funding.proof'). */
export const materialsForChecklistItem = (db: Db, item: string) => materialsWhere(db, sql<boolean>`m.published and ${item} = any(m.checklist_items)`);

/** Published handouts by id, in the library's order (the downloads of an event's documentation). */
export const publishedMaterialsWithIds = (db: Db, ids: number[]) =>
  ids.length === 0 ? Promise.resolve([]) : materialsWhere(db, sql<boolean>`m.published and m.id in (${sql.join(ids)})`);

/** Links whose last check failed, for the staff list of broken links. */
export const brokenLinks = (db: Db) => materialsWhere(db, sql<boolean>`m.kind = 'link' and m.link_ok = false`);

export async function findMaterial(db: Db, id: number, options: { publishedOnly: boolean }): Promise<MaterialSummary | undefined> {
  const [material] = await materialsWhere(db, options.publishedOnly ? sql<boolean>`m.id = ${id} and m.published` : sql<boolean>`m.id = ${id}`);
  return material;
}

/** The history of a file handout, newest first (without the bytes). */
export function versionsOf(db: Db, materialId: number) {
  return db
    .selectFrom('material_version')
    .select(['version_number', 'file_name', 'format', 'byte_size', 'page_count', 'pdf_tagged', 'pdf_title', 'pdf_language', 'note', 'uploaded_at'])
    .where('material_id', '=', materialId)
    .orderBy('version_number', 'desc')
    .execute();
}

/** A version's file; without a number the newest, which is what the handout's stable address serves. */
export function materialFile(db: Db, materialId: number, versionNumber?: number) {
  let query = db.selectFrom('material_version').select(['version_number', 'file_name', 'media_type', 'content', 'uploaded_at']).where('material_id', '=', materialId);
  query = versionNumber === undefined ? query.orderBy('version_number', 'desc').limit(1) : query.where('version_number', '=', versionNumber);
  return query.executeTakeFirst();
}
