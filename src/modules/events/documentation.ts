import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { DomainError } from '../domain-error.js';
import { writeAudit } from '../identity/index.js';
import { publishedMaterialsWithIds, type MaterialSummary } from '../materials/index.js';
import { preparePhoto, uploadedPhotoLimits, type PhotoLimits, type PhotoSizes } from '../portraits/index.js';
import './documentation-tables.js';

/**
 * A meeting's documentation (issue 11, report 5.2): after the event its page
 * turns into what happened there — programme, talks, workshop results, photos
 * of the pinboards, downloads from the handout library. Staff write it; it is
 * public once published, and only for an event that has begun.
 */

type Db = Kysely<Database>;

export interface DocumentationTexts {
  programme: string;
  talks: string;
  results: string;
}

/** Each text up to 20,000 characters: a long programme with a dozen talks, never a pasted book. */
export const documentationTextLimit = 20000;

/** Pinboard photos come from phones: the limits of any uploaded photo (portraits' photo.ts). */
export const documentationPhotoLimits: PhotoLimits = uploadedPhotoLimits;

/**
 * What is stored (docs/decisions.md, "Photos resized with sharp"): 1,600
 * pixels on the longest side still let a reader zoom into a pinboard's cards;
 * the page shows 480-pixel thumbnails, each linked to its photo.
 */
export const documentationPhotoSizes: PhotoSizes = { side: 1600, thumbnailSide: 480 };

export interface DocumentationPhoto {
  id: number;
  caption: string;
  media_type: string;
  byte_size: number;
  width: number;
  height: number;
  thumbnail_width: number | null;
  thumbnail_height: number | null;
}

export interface Documentation extends DocumentationTexts {
  eventId: number;
  publishedAt: Date | null;
  photos: DocumentationPhoto[];
  downloadIds: number[];
}

export async function findDocumentation(db: Db, eventId: number): Promise<Documentation | undefined> {
  const row = await db.selectFrom('event_documentation').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  if (!row) return undefined;
  const photos = await db
    .selectFrom('event_documentation_photo')
    .select(['id', 'caption', 'media_type', 'byte_size', 'width', 'height', 'thumbnail_width', 'thumbnail_height'])
    .where('event_id', '=', eventId)
    .orderBy('id')
    .execute();
  const downloads = await db.selectFrom('event_documentation_download').select('material_id').where('event_id', '=', eventId).orderBy('material_id').execute();
  return { eventId, programme: row.programme, talks: row.talks, results: row.results, publishedAt: row.published_at, photos, downloadIds: downloads.map((download) => download.material_id) };
}

/** The documentation as the public sees it: published only, with its downloads that are published handouts. */
export async function publicDocumentation(db: Db, eventId: number): Promise<(Documentation & { downloads: MaterialSummary[] }) | undefined> {
  const documentation = await findDocumentation(db, eventId);
  if (!documentation?.publishedAt) return undefined;
  return { ...documentation, downloads: await publishedMaterialsWithIds(db, documentation.downloadIds) };
}

/** Which of these events have a published documentation: the calendar marks them. */
export async function documentedEventIds(db: Db, eventIds: number[]): Promise<Set<number>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db.selectFrom('event_documentation').select('event_id').where('event_id', 'in', eventIds).where('published_at', 'is not', null).execute();
  return new Set(rows.map((row) => row.event_id));
}

export interface DocumentedEvent {
  id: number;
  title: string;
  start_date: string;
}

/** The latest published documentations, for the public calendar (which otherwise lists only upcoming events). */
export async function recentlyDocumentedEvents(db: Db, limit = 10): Promise<DocumentedEvent[]> {
  return db
    .selectFrom('event_documentation as d')
    .innerJoin('event as e', 'e.id', 'd.event_id')
    .select(['e.id', 'e.title', 'e.start_date'])
    .where('d.published_at', 'is not', null)
    .orderBy('e.start_date', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

async function eventOf(db: Db, eventId: number) {
  const event = await db.selectFrom('event').select(['id', 'start_date']).where('id', '=', eventId).executeTakeFirst();
  if (!event) throw new DomainError('events', 'documentation.eventMissing');
  return event;
}

/** Saves the three texts and the chosen downloads (handouts of the library); creates the documentation on first save. */
export async function saveDocumentation(db: Db, actor: { accountId: number }, eventId: number, input: DocumentationTexts & { downloadIds: number[] }) {
  const texts: DocumentationTexts = { programme: cleanText(input.programme), talks: cleanText(input.talks), results: cleanText(input.results) };
  for (const field of ['programme', 'talks', 'results'] as const) {
    if (texts[field].length > documentationTextLimit) throw new DomainError('events', 'documentation.textTooLong', field, { max: documentationTextLimit });
  }
  await eventOf(db, eventId);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('event_documentation')
      .values({ event_id: eventId, ...texts })
      .onConflict((conflict) => conflict.column('event_id').doUpdateSet({ ...texts, updated_at: sql`now()` }))
      .execute();
    await trx.deleteFrom('event_documentation_download').where('event_id', '=', eventId).execute();
    const existing = input.downloadIds.length === 0 ? [] : await trx.selectFrom('material').select('id').where('id', 'in', input.downloadIds).execute();
    if (existing.length > 0) await trx.insertInto('event_documentation_download').values(existing.map((material) => ({ event_id: eventId, material_id: material.id }))).execute();
    await writeAudit(trx, { accountId: actor.accountId, action: 'events.documentation.save', subjectType: 'event', subjectId: eventId, details: { downloads: existing.length } });
  });
}

/**
 * Publishes or withdraws the documentation. Publishing needs the event to
 * have begun (`today`: Berlin's day, passed in so that tests fix the clock)
 * and something in it: an empty documentation would only hide the event page.
 */
export async function setDocumentationPublished(db: Db, actor: { accountId: number }, eventId: number, published: boolean, today: string) {
  const event = await eventOf(db, eventId);
  const documentation = await findDocumentation(db, eventId);
  if (published) {
    if (event.start_date > today) throw new DomainError('events', 'documentation.notYet', 'published');
    const empty = !documentation || (!documentation.programme && !documentation.talks && !documentation.results && documentation.photos.length === 0 && documentation.downloadIds.length === 0);
    if (empty) throw new DomainError('events', 'documentation.empty', 'programme');
  }
  if (!documentation) return;
  await db.updateTable('event_documentation').set({ published_at: published ? sql`now()` : null, updated_at: sql`now()` }).where('event_id', '=', eventId).execute();
  await writeAudit(db, { accountId: actor.accountId, action: published ? 'events.documentation.publish' : 'events.documentation.withdraw', subjectType: 'event', subjectId: eventId });
}

export type PhotoRefusal = 'captionMissing' | 'notImage' | 'tooLarge' | 'tooManyPixels' | 'tooSmall' | 'unreadable';

/**
 * Adds a pinboard photo: checked by its content, shrunk and re-encoded without
 * camera metadata, with a thumbnail; the caption is its text alternative. A
 * refused photo stores nothing (the photo is prepared before the transaction).
 */
export async function addDocumentationPhoto(db: Db, actor: { accountId: number }, eventId: number, photo: { bytes: Buffer; caption: string }): Promise<{ ok: true; id: number } | { ok: false; problem: PhotoRefusal }> {
  const caption = cleanText(photo.caption).slice(0, 1000);
  if (!caption) return { ok: false, problem: 'captionMissing' };
  await eventOf(db, eventId);
  const prepared = await preparePhoto(photo.bytes, documentationPhotoLimits, documentationPhotoSizes);
  if (!prepared.ok) return prepared;
  const { bytes, type, width, height, thumbnail } = prepared.photo;
  return db.transaction().execute(async (trx) => {
    // a photo may come before any text: the documentation then starts empty
    await trx
      .insertInto('event_documentation')
      .values({ event_id: eventId })
      .onConflict((conflict) => conflict.column('event_id').doUpdateSet({ updated_at: sql`now()` }))
      .execute();
    const { id } = await trx
      .insertInto('event_documentation_photo')
      .values({
        event_id: eventId, caption, media_type: type, bytes, byte_size: bytes.length, width, height,
        thumbnail: thumbnail?.bytes ?? null, thumbnail_width: thumbnail?.width ?? null, thumbnail_height: thumbnail?.height ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { accountId: actor.accountId, action: 'events.documentation.photo', subjectType: 'event', subjectId: eventId, details: { photoId: id, bytes: bytes.length, uploadedBytes: photo.bytes.length } });
    return { ok: true as const, id };
  });
}

export async function removeDocumentationPhoto(db: Db, actor: { accountId: number }, eventId: number, photoId: number) {
  const removed = await db.deleteFrom('event_documentation_photo').where('event_id', '=', eventId).where('id', '=', photoId).executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) return false;
  // the sitemap's lastModified of the documentation page
  await db.updateTable('event_documentation').set({ updated_at: sql`now()` }).where('event_id', '=', eventId).execute();
  await writeAudit(db, { accountId: actor.accountId, action: 'events.documentation.photoRemoved', subjectType: 'event', subjectId: eventId, details: { photoId } });
  return true;
}

/**
 * A photo's bytes, or its thumbnail's (the photo itself when it has none);
 * `publishedOnly` for the public address, which serves nothing of an
 * unpublished documentation.
 */
export async function documentationPhotoFile(db: Db, eventId: number, photoId: number, options: { publishedOnly: boolean; thumbnail?: boolean }) {
  let query = db
    .selectFrom('event_documentation_photo as p')
    .innerJoin('event_documentation as d', 'd.event_id', 'p.event_id')
    .select(['p.media_type', sql<Buffer>`${options.thumbnail ? sql`coalesce(p.thumbnail, p.bytes)` : sql`p.bytes`}`.as('bytes')])
    .where('p.event_id', '=', eventId)
    .where('p.id', '=', photoId);
  if (options.publishedOnly) query = query.where('d.published_at', 'is not', null);
  return query.executeTakeFirst();
}

/**
 * Photos stored before Mosaik shrank photos (no thumbnail yet, larger than a
 * thumbnail): shrunk, re-encoded and given a thumbnail, a few per run of the
 * events' job, so that a page of old photos gets light without anyone
 * uploading again. A photo changed or removed meanwhile is left alone (the
 * update names its old size); one sharp cannot read stays as it is.
 */
export async function shrinkStoredDocumentationPhotos(db: Db, limit = 10): Promise<number> {
  const rows = await db
    .selectFrom('event_documentation_photo')
    .select(['id', 'bytes', 'width', 'height'])
    .where('thumbnail', 'is', null)
    .where(sql<boolean>`greatest(width, height) > ${documentationPhotoSizes.thumbnailSide!}`)
    .orderBy('id')
    .limit(limit)
    .execute();
  let shrunk = 0;
  for (const row of rows) {
    const prepared = await preparePhoto(Buffer.from(row.bytes), documentationPhotoLimits, documentationPhotoSizes);
    if (!prepared.ok || !prepared.photo.thumbnail) continue;
    const { bytes, type, width, height, thumbnail } = prepared.photo;
    const updated = await db
      .updateTable('event_documentation_photo')
      .set({ bytes, media_type: type, byte_size: bytes.length, width, height, thumbnail: thumbnail.bytes, thumbnail_width: thumbnail.width, thumbnail_height: thumbnail.height })
      .where('id', '=', row.id)
      .where('thumbnail', 'is', null)
      .where('width', '=', row.width)
      .where('height', '=', row.height)
      .executeTakeFirst();
    shrunk += Number(updated.numUpdatedRows);
  }
  return shrunk;
}

/** Published documentations for sitemap.xml, with the time each last changed. */
export async function publishedDocumentations(db: Db): Promise<{ eventId: number; updatedAt: Date }[]> {
  const rows = await db.selectFrom('event_documentation').select(['event_id', 'updated_at']).where('published_at', 'is not', null).orderBy('event_id').execute();
  return rows.map((row) => ({ eventId: row.event_id, updatedAt: new Date(row.updated_at) }));
}

/** Line ends made one kind, control characters dropped, outer blanks trimmed: the texts are shown as typed. */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}
