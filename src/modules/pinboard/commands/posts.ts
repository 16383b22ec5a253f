import type { Kysely, Transaction } from 'kysely';
import { readSettings } from '../../../config.js';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import type { PostInput } from '../form.js';
import { readPinboardSettings } from '../settings.js';

/**
 * What an author does with a post: write it (it waits for moderation), edit
 * it (a published post goes back to the queue: what readers see is always
 * what staff approved), renew it before it expires, mark it as matched
 * ("we found a partner / a room"), withdraw it. Each in one transaction with
 * its audit line; the post row is locked so that two tabs cannot interleave.
 */

type Db = Kysely<Database>;
export type Outcome = { ok: true; id: number } | { ok: false; code: 'notFound' | 'state' };

const postValues = (input: PostInput) => ({
  organisation_id: input.organisation_id, kind: input.kind, lang: input.lang, title: input.title, body: input.body, district: input.district, topics: input.topics,
  room_size: input.room_size, accessible: input.accessible, available_when: input.available_when, fair_name: input.fair_name,
});

export interface Picture {
  bytes: Uint8Array;
  type: string;
}

export async function createPost(db: Db, actorId: number, input: PostInput, picture: Picture | null): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('pinboard_post')
      .values({ ...postValues(input), author_account_id: actorId, state: 'pending', image: picture?.bytes ?? null, image_type: picture?.type ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { accountId: actorId, action: 'pinboard.post', subjectType: 'pinboard_post', subjectId: id, details: { kind: input.kind, organisationId: input.organisation_id } });
    return id;
  });
}

async function lockPost(trx: Transaction<Database>, id: number) {
  return trx.selectFrom('pinboard_post').select(['id', 'state', 'organisation_id', 'expires_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** An edit: back to the queue (also a rejected post, now corrected); the picture is kept unless a new one or "remove" is given. */
export async function updatePost(db: Db, actorId: number, id: number, input: PostInput, picture: Picture | null | 'keep'): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, id);
    if (!post) return { ok: false, code: 'notFound' };
    if (post.state === 'withdrawn' || post.state === 'hidden') return { ok: false, code: 'state' };
    const image = picture === 'keep' ? {} : { image: picture?.bytes ?? null, image_type: picture?.type ?? null };
    // expired stays expired until renewed; everything else waits for staff again
    const state = post.state === 'expired' ? 'expired' : 'pending';
    await trx.updateTable('pinboard_post').set({ ...postValues(input), ...image, state, reject_reason: null, updated_at: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, { accountId: actorId, action: 'pinboard.edit', subjectType: 'pinboard_post', subjectId: id, details: { from: post.state, to: state } });
    return { ok: true, id };
  });
}

/**
 * Renew: a published post runs for the set time again from now (and may be
 * reminded again); an expired one goes back to the queue, since what it says
 * may no longer hold.
 */
export async function renewPost(db: Db, actorId: number, id: number, now: Date): Promise<Outcome> {
  const { expiryDays } = await readPinboardSettings(db);
  return db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, id);
    if (!post) return { ok: false, code: 'notFound' };
    if (post.state === 'published') {
      await trx.updateTable('pinboard_post').set({ expires_at: new Date(now.getTime() + expiryDays * 86_400_000), reminder_sent_for: null, updated_at: now }).where('id', '=', id).execute();
    } else if (post.state === 'expired') {
      await trx.updateTable('pinboard_post').set({ state: 'pending', expires_at: null, reminder_sent_for: null, updated_at: now }).where('id', '=', id).execute();
    } else return { ok: false, code: 'state' };
    await writeAudit(trx, { accountId: actorId, action: 'pinboard.renew', subjectType: 'pinboard_post', subjectId: id, details: { from: post.state } });
    return { ok: true, id };
  });
}

/** "We found a match": the outcome staff count; the post stays readable (marked) until it expires or is withdrawn. */
export async function markMatched(db: Db, actorId: number, id: number, note: string | null, now: Date): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, id);
    if (!post) return { ok: false, code: 'notFound' };
    if (post.state === 'withdrawn' || post.state === 'rejected') return { ok: false, code: 'state' };
    await trx.updateTable('pinboard_post').set({ matched_at: now, matched_note: note, updated_at: now }).where('id', '=', id).where('matched_at', 'is', null).execute();
    await writeAudit(trx, { accountId: actorId, action: 'pinboard.matched', subjectType: 'pinboard_post', subjectId: id });
    return { ok: true, id };
  });
}

export async function withdrawPost(db: Db, actorId: number, id: number): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const post = await lockPost(trx, id);
    if (!post) return { ok: false, code: 'notFound' };
    if (post.state === 'withdrawn') return { ok: true, id };
    await trx.updateTable('pinboard_post').set({ state: 'withdrawn', updated_at: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, { accountId: actorId, action: 'pinboard.withdraw', subjectType: 'pinboard_post', subjectId: id, details: { from: post.state } });
    return { ok: true, id };
  });
}

/** The link to a post in mails. */
export const postLink = (id: number, baseUrl = readSettings().baseUrl) => `${baseUrl}/pinboard/${id}`;
