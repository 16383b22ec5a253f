import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import type { EasyReadTopic } from './easy-read.js';
import { parseDuration, sniffVideo, type VideoType } from './video.js';

/**
 * The German Sign Language (DGS) video of each Leichte Sprache explanation on
 * the start page: uploaded by staff, checked by content, shown with its size
 * and duration, served by Mosaik.
 */

type Db = Kysely<Database>;

export interface SignLanguageVideo {
  topic: EasyReadTopic;
  mediaType: VideoType;
  byteSize: number;
  durationSeconds: number;
  durationSource: 'header' | 'staff';
  uploadedAt: Date;
}

export type VideoRefusal = 'videoType' | 'durationMissing';

/** Every topic's video facts (without the bytes), for the start page and the staff list. */
export async function signLanguageVideos(db: Db): Promise<Map<string, SignLanguageVideo>> {
  const rows = await db.selectFrom('portal_sign_language_video').select(['topic', 'media_type', 'byte_size', 'duration_seconds', 'duration_source', 'uploaded_at']).execute();
  return new Map(
    rows.map((row) => [
      row.topic,
      { topic: row.topic as EasyReadTopic, mediaType: row.media_type, byteSize: row.byte_size, durationSeconds: Number(row.duration_seconds), durationSource: row.duration_source, uploadedAt: row.uploaded_at },
    ]),
  );
}

/**
 * Stores a topic's video, replacing the one before. The duration comes from
 * the file's header; where it has none, `enteredDuration` ("2:05") must say it.
 */
export async function saveSignLanguageVideo(db: Db, actor: { accountId: number }, topic: EasyReadTopic, upload: { bytes: Buffer; enteredDuration: string }): Promise<{ ok: true } | { ok: false; problem: VideoRefusal }> {
  const facts = sniffVideo(upload.bytes);
  if (!facts) return { ok: false, problem: 'videoType' };
  const entered = parseDuration(upload.enteredDuration);
  const duration = facts.durationSeconds ?? entered;
  if (duration === null) return { ok: false, problem: 'durationMissing' };
  const values = {
    media_type: facts.type,
    bytes: upload.bytes,
    byte_size: upload.bytes.length,
    duration_seconds: Math.round(duration * 10) / 10,
    duration_source: facts.durationSeconds === null ? ('staff' as const) : ('header' as const),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('portal_sign_language_video')
      .values({ topic, ...values })
      .onConflict((conflict) => conflict.column('topic').doUpdateSet({ ...values, uploaded_at: sql`now()` }))
      .execute();
    await writeAudit(trx, { accountId: actor.accountId, action: 'portal.signLanguage.upload', subjectType: 'portal_sign_language_video', subjectId: topic, details: { bytes: values.byte_size, seconds: values.duration_seconds, durationFrom: values.duration_source } });
  });
  return { ok: true };
}

export async function removeSignLanguageVideo(db: Db, actor: { accountId: number }, topic: EasyReadTopic) {
  const removed = await db.deleteFrom('portal_sign_language_video').where('topic', '=', topic).executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) await writeAudit(db, { accountId: actor.accountId, action: 'portal.signLanguage.remove', subjectType: 'portal_sign_language_video', subjectId: topic });
}

/**
 * A part of a video's bytes for the player: browsers (Safari always) ask for
 * ranges to start playing and to seek. `substring` on bytea reads only that
 * part (1-based offsets in SQL).
 */
export async function signLanguageVideoBytes(db: Db, topic: EasyReadTopic, range?: { start: number; end: number }) {
  const row = await db
    .selectFrom('portal_sign_language_video')
    .select(['media_type', 'byte_size'])
    .select(range ? sql<Buffer>`substring(bytes from ${range.start + 1} for ${range.end - range.start + 1})`.as('bytes') : sql<Buffer>`bytes`.as('bytes'))
    .where('topic', '=', topic)
    .executeTakeFirst();
  return row;
}
