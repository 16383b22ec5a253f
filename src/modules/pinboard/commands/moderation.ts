import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import { enqueueMail } from '../../mail/index.js';
import { pinboardMail } from '../mails.js';
import { readPinboardSettings } from '../settings.js';
import { hideAfterReports, type ReportReason } from '../vocabulary.js';
import { postLink, type Outcome } from './posts.js';

/**
 * Staff decide: a pending post is approved (published for the set time) or
 * rejected with a reason that is mailed to the author in their language. A
 * report by a signed-in account counts once per account; the third open one
 * hides the post until staff keep it (published again) or remove it.
 */

type Db = Kysely<Database>;

async function authorOf(trx: Transaction<Database>, postId: number) {
  return trx
    .selectFrom('pinboard_post as p')
    .leftJoin('account as a', (join) => join.onRef('a.id', '=', 'p.author_account_id').on('a.disabled_at', 'is', null))
    .select(['p.id', 'p.state', 'p.title', 'a.email', 'a.locale'])
    .where('p.id', '=', postId)
    .forUpdate('p')
    .executeTakeFirst();
}

export async function approvePost(db: Db, actorId: number, id: number, now: Date, baseUrl?: string): Promise<Outcome> {
  const { expiryDays } = await readPinboardSettings(db);
  return db.transaction().execute(async (trx) => {
    const post = await authorOf(trx, id);
    if (!post) return { ok: false, code: 'notFound' };
    if (post.state !== 'pending') return { ok: false, code: 'state' };
    const expiresAt = new Date(now.getTime() + expiryDays * 86_400_000);
    await trx.updateTable('pinboard_post').set({ state: 'published', published_at: now, expires_at: expiresAt, reminder_sent_for: null, moderated_by: actorId, updated_at: now }).where('id', '=', id).execute();
    if (post.email) await enqueueMail(trx, pinboardMail({ kind: 'approved', to: post.email, language: post.locale ?? 'de', values: { title: post.title, link: postLink(id, baseUrl), days: expiryDays } }));
    await writeAudit(trx, { accountId: actorId, action: 'pinboard.approve', subjectType: 'pinboard_post', subjectId: id });
    return { ok: true, id };
  });
}

export async function rejectPost(db: Db, actorId: number, id: number, reason: string, baseUrl?: string): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const post = await authorOf(trx, id);
    if (!post) return { ok: false, code: 'notFound' };
    if (post.state !== 'pending') return { ok: false, code: 'state' };
    await trx.updateTable('pinboard_post').set({ state: 'rejected', reject_reason: reason, moderated_by: actorId, updated_at: new Date() }).where('id', '=', id).execute();
    if (post.email) await enqueueMail(trx, pinboardMail({ kind: 'rejected', to: post.email, language: post.locale ?? 'de', values: { title: post.title, reason, link: `${postLink(id, baseUrl)}/edit` } }));
    await writeAudit(trx, { accountId: actorId, action: 'pinboard.reject', subjectType: 'pinboard_post', subjectId: id });
    return { ok: true, id };
  });
}

/** A report; the third open one hides the post. Reporting twice counts once. Returns whether the post is now hidden. */
export async function reportPost(db: Db, accountId: number, id: number, reason: ReportReason, note: string | null): Promise<{ ok: true; hidden: boolean } | { ok: false; code: 'notFound' | 'state' }> {
  return db.transaction().execute(async (trx) => {
    const post = await trx.selectFrom('pinboard_post').select(['id', 'state']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!post) return { ok: false, code: 'notFound' };
    if (post.state !== 'published' && post.state !== 'hidden') return { ok: false, code: 'state' };
    await trx.insertInto('pinboard_report').values({ post_id: id, account_id: accountId, reason, note }).onConflict((oc) => oc.columns(['post_id', 'account_id']).where('decided_at', 'is', null).doNothing()).execute();
    const { open } = await trx.selectFrom('pinboard_report').select((eb) => eb.fn.countAll<string>().as('open')).where('post_id', '=', id).where('decided_at', 'is', null).executeTakeFirstOrThrow();
    const hidden = post.state === 'hidden' || Number(open) >= hideAfterReports;
    if (hidden && post.state === 'published') {
      await trx.updateTable('pinboard_post').set({ state: 'hidden', updated_at: new Date() }).where('id', '=', id).execute();
      await writeAudit(trx, { accountId: null, action: 'pinboard.hidden', subjectType: 'pinboard_post', subjectId: id, details: { reports: Number(open) } });
    }
    return { ok: true, hidden };
  });
}

/** Staff decide on the open reports: keep (published again, if it was hidden) or remove (withdrawn, the author is told nothing but sees it). */
export async function decideReports(db: Db, actorId: number, id: number, decision: 'kept' | 'removed', now: Date): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const post = await trx.selectFrom('pinboard_post').select(['id', 'state']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!post) return { ok: false, code: 'notFound' };
    await trx.updateTable('pinboard_report').set({ decided_at: now, decision }).where('post_id', '=', id).where('decided_at', 'is', null).execute();
    if (decision === 'removed') await trx.updateTable('pinboard_post').set({ state: 'withdrawn', updated_at: now }).where('id', '=', id).execute();
    else if (post.state === 'hidden') await trx.updateTable('pinboard_post').set({ state: 'published', updated_at: now }).where('id', '=', id).execute();
    await writeAudit(trx, { accountId: actorId, action: `pinboard.reports.${decision}`, subjectType: 'pinboard_post', subjectId: id });
    return { ok: true, id };
  });
}
