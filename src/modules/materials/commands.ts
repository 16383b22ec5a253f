import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { DomainError } from '../domain-error.js';
import { writeAudit } from '../identity/index.js';
import { readPdfFacts } from './pdf-check.js';
import { materialSizeLimit, sniffMaterialType } from './sniff.js';
import type { MaterialFields } from './form.js';

/**
 * The operations on the library, one function each: (db, actor, input) →
 * outcome, in one transaction with its audit entry. `actor` is the staff
 * account's id (null: the demo loader or the command line).
 */

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

type Db = Kysely<Database>;

/** Reads what the file is and, for a PDF, its pages and accessibility basics; refuses what is not a handout file. */
async function inspectFile(file: UploadedFile) {
  if (file.bytes.length === 0) throw new DomainError('materials', 'emptyFile', 'file');
  if (file.bytes.length > materialSizeLimit) throw new DomainError('materials', 'tooLarge', 'file');
  const type = sniffMaterialType(file.bytes);
  if (!type) throw new DomainError('materials', 'unknownType', 'file', { file: file.name });
  if (type.format !== 'pdf') return { ...type, page_count: null, pdf_tagged: null, pdf_title: null, pdf_language: null };
  const facts = await readPdfFacts(file.bytes);
  if (!facts) throw new DomainError('materials', 'unreadablePdf', 'file', { file: file.name });
  return { ...type, page_count: facts.pageCount, pdf_tagged: facts.tagged, pdf_title: facts.title, pdf_language: facts.language };
}

const fileNameOf = (name: string) => name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f"]/g, '').slice(0, 200) || 'handout';

const rowOf = (fields: MaterialFields) => ({
  title: fields.title,
  description: fields.description,
  language: fields.language,
  topic: fields.topic,
  event_formats: fields.eventFormats,
  checklist_items: fields.checklistItems,
});

async function insertVersion(trx: Db, materialId: number, file: UploadedFile, inspected: Awaited<ReturnType<typeof inspectFile>>, note: string) {
  // versions are numbered per material; the row lock on the material orders concurrent uploads
  await trx.selectFrom('material').select('id').where('id', '=', materialId).forUpdate().executeTakeFirstOrThrow();
  const { next } = await trx.selectFrom('material_version').select(sql<number>`coalesce(max(version_number), 0) + 1`.as('next')).where('material_id', '=', materialId).executeTakeFirstOrThrow();
  await trx
    .insertInto('material_version')
    .values({
      material_id: materialId,
      version_number: Number(next),
      file_name: fileNameOf(file.name),
      media_type: inspected.mediaType,
      format: inspected.format,
      byte_size: file.bytes.length,
      page_count: inspected.page_count,
      pdf_tagged: inspected.pdf_tagged,
      pdf_title: inspected.pdf_title,
      pdf_language: inspected.pdf_language,
      content: file.bytes,
      note,
    })
    .execute();
  return Number(next);
}

/** A new file handout with its first version; unpublished until staff have seen the PDF check. */
export async function createFileMaterial(db: Db, actor: number | null, fields: MaterialFields, file: UploadedFile): Promise<number> {
  const inspected = await inspectFile(file);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('material').values({ kind: 'file', ...rowOf(fields) }).returning('id').executeTakeFirstOrThrow();
    await insertVersion(trx, id, file, inspected, '');
    await writeAudit(trx, { accountId: actor, action: 'material.create', subjectType: 'material', subjectId: id, details: { kind: 'file', format: inspected.format } });
    return id;
  });
}

/** A link to one of the Land's own forms, kept as a link (the link check looks after it). */
export async function createLinkMaterial(db: Db, actor: number | null, fields: MaterialFields, url: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('material').values({ kind: 'link', link_url: url, ...rowOf(fields) }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, { accountId: actor, action: 'material.create', subjectType: 'material', subjectId: id, details: { kind: 'link' } });
    return id;
  });
}

/** A new version of a file handout: from now on every link to the handout serves it; the old ones stay for staff. */
export async function addMaterialVersion(db: Db, actor: number | null, materialId: number, file: UploadedFile, note: string): Promise<number> {
  const material = await db.selectFrom('material').select('kind').where('id', '=', materialId).executeTakeFirst();
  if (!material) throw new DomainError('materials', 'notFound');
  if (material.kind !== 'file') throw new DomainError('materials', 'linkHasNoVersions', 'file');
  const inspected = await inspectFile(file);
  return db.transaction().execute(async (trx) => {
    const version = await insertVersion(trx, materialId, file, inspected, note.slice(0, 500));
    await trx.updateTable('material').set({ updated_at: sql`now()` }).where('id', '=', materialId).execute();
    await writeAudit(trx, { accountId: actor, action: 'material.version', subjectType: 'material', subjectId: materialId, details: { version, format: inspected.format } });
    return version;
  });
}

/** Changes title, description, language, topic and what the handout belongs to (and a link's address). */
export async function updateMaterial(db: Db, actor: number | null, materialId: number, fields: MaterialFields, url?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const material = await trx.selectFrom('material').select(['kind', 'link_url']).where('id', '=', materialId).forUpdate().executeTakeFirst();
    if (!material) throw new DomainError('materials', 'notFound');
    const linkChanged = material.kind === 'link' && url !== undefined && url !== material.link_url;
    await trx
      .updateTable('material')
      .set({ ...rowOf(fields), updated_at: sql`now()`, ...(linkChanged ? { link_url: url, link_checked_at: null, link_ok: null, link_problem: null } : {}) })
      .where('id', '=', materialId)
      .execute();
    await writeAudit(trx, { accountId: actor, action: 'material.update', subjectType: 'material', subjectId: materialId, details: { linkChanged } });
  });
}

/** Shows the handout in the public library, or takes it back. */
export async function setMaterialPublished(db: Db, actor: number | null, materialId: number, published: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const changed = await trx.updateTable('material').set({ published, updated_at: sql`now()` }).where('id', '=', materialId).executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw new DomainError('materials', 'notFound');
    await writeAudit(trx, { accountId: actor, action: published ? 'material.publish' : 'material.unpublish', subjectType: 'material', subjectId: materialId });
  });
}
