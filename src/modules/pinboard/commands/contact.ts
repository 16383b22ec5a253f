import { sql, type Kysely, type Transaction } from 'kysely';
import { readSettings } from '../../../config.js';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import { enqueueMail } from '../../mail/index.js';
import { pinboardMail } from '../mails.js';
import { readPinboardSettings } from '../settings.js';

/**
 * The relay: a reader writes to a post's author, an author answers a reader.
 * Mosaik stores the message in the conversation and mails the other side the
 * text, the writer's organisation and a link to the conversation — never an
 * address, not even as Reply-To; the answer is written on the conversation's
 * page and relayed the same way.
 *
 * Limits (settings): messages of one account per hour, messages about one
 * post per day. Counting and storing happen under a lock on the post row and
 * an advisory lock on the sender, so a flood of parallel requests cannot pass
 * the limit; a refused message is not stored and its text is shown again.
 * The same text sent twice within ten minutes (a double click, a reload) is
 * stored and mailed once.
 */

type Db = Kysely<Database>;
export type ContactOutcome =
  | { ok: true; conversationId: number; duplicate: boolean }
  | { ok: false; code: 'notFound' | 'state' | 'rateAccount' | 'ratePost'; limit?: number };

const senderLockSpace = 7140;
const duplicateWindowMs = 10 * 60_000;

/** Active accounts that read mail for a post: its author, or (author gone) the organisation's representatives. */
async function authorRecipients(trx: Transaction<Database>, post: { author_account_id: number | null; organisation_id: number }) {
  if (post.author_account_id !== null) {
    const author = await trx.selectFrom('account').select(['email', 'locale']).where('id', '=', post.author_account_id).where('disabled_at', 'is', null).executeTakeFirst();
    if (author) return [author];
  }
  return trx
    .selectFrom('account as a')
    .innerJoin('account_scope as s', 's.account_id', 'a.id')
    .select(['a.email', 'a.locale'])
    .where('s.organisation_id', '=', post.organisation_id)
    .where('a.role', '=', 'representative')
    .where('a.disabled_at', 'is', null)
    .distinct()
    .execute();
}

async function underLimits(trx: Transaction<Database>, senderId: number, postId: number, now: Date): Promise<ContactOutcome | null> {
  const limits = await readPinboardSettings(trx);
  await sql`select pg_advisory_xact_lock(${senderLockSpace}, ${senderId})`.execute(trx);
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const [bySender, byPost] = await Promise.all([
    trx.selectFrom('pinboard_message').select((eb) => eb.fn.countAll<string>().as('n')).where('sender_account_id', '=', senderId).where('created_at', '>', hourAgo).executeTakeFirstOrThrow(),
    trx
      .selectFrom('pinboard_message as m')
      .innerJoin('pinboard_conversation as c', 'c.id', 'm.conversation_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('c.post_id', '=', postId)
      .where('m.from_author', '=', false)
      .where('m.created_at', '>', dayAgo)
      .executeTakeFirstOrThrow(),
  ]);
  if (Number(bySender.n) >= limits.messagesPerAccountHour) return { ok: false, code: 'rateAccount', limit: limits.messagesPerAccountHour };
  if (Number(byPost.n) >= limits.messagesPerPostDay) return { ok: false, code: 'ratePost', limit: limits.messagesPerPostDay };
  return null;
}

async function isDuplicate(trx: Transaction<Database>, conversationId: number, senderId: number, body: string, now: Date) {
  const row = await trx
    .selectFrom('pinboard_message')
    .select('id')
    .where('conversation_id', '=', conversationId)
    .where('sender_account_id', '=', senderId)
    .where('body', '=', body)
    .where('created_at', '>', new Date(now.getTime() - duplicateWindowMs))
    .executeTakeFirst();
  return row !== undefined;
}

/** A reader's message about a published post, for the organisation they write for. */
export async function writeToAuthor(
  db: Db,
  sender: { accountId: number; organisationId: number; organisationName: string },
  postId: number,
  body: string,
  now: Date,
  baseUrl = readSettings().baseUrl,
): Promise<ContactOutcome> {
  return db.transaction().execute(async (trx) => {
    const post = await trx.selectFrom('pinboard_post').select(['id', 'state', 'title', 'organisation_id', 'author_account_id', 'expires_at']).where('id', '=', postId).forUpdate().executeTakeFirst();
    if (!post) return { ok: false, code: 'notFound' };
    if (post.state !== 'published' || (post.expires_at !== null && post.expires_at <= now) || post.organisation_id === sender.organisationId) return { ok: false, code: 'state' };
    const existing = await trx.selectFrom('pinboard_conversation').select('id').where('post_id', '=', postId).where('reader_account_id', '=', sender.accountId).executeTakeFirst();
    if (existing && (await isDuplicate(trx, existing.id, sender.accountId, body, now))) return { ok: true, conversationId: existing.id, duplicate: true };
    const refused = await underLimits(trx, sender.accountId, postId, now);
    if (refused) return refused;
    const conversationId =
      existing?.id ??
      (await trx.insertInto('pinboard_conversation').values({ post_id: postId, reader_account_id: sender.accountId, reader_organisation_id: sender.organisationId, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    await trx.insertInto('pinboard_message').values({ conversation_id: conversationId, sender_account_id: sender.accountId, from_author: false, body, created_at: now }).execute();
    for (const recipient of await authorRecipients(trx, post)) {
      await enqueueMail(trx, pinboardMail({
        kind: 'contact', to: recipient.email, language: recipient.locale,
        values: { title: post.title, organisation: sender.organisationName, message: body, link: `${baseUrl}/pinboard/conversations/${conversationId}` },
      }));
    }
    await writeAudit(trx, { accountId: sender.accountId, action: 'pinboard.contact', subjectType: 'pinboard_post', subjectId: postId, details: { conversationId } });
    return { ok: true, conversationId, duplicate: false };
  });
}

/** An answer in a conversation, by the post's side (fromAuthor) or by the reader; mailed to the other side. */
export async function answerInConversation(
  db: Db,
  sender: { accountId: number; fromAuthor: boolean; organisationName: string },
  conversationId: number,
  body: string,
  now: Date,
  baseUrl = readSettings().baseUrl,
): Promise<ContactOutcome> {
  return db.transaction().execute(async (trx) => {
    const conversation = await trx
      .selectFrom('pinboard_conversation as c')
      .innerJoin('pinboard_post as p', 'p.id', 'c.post_id')
      .select(['c.id', 'c.post_id', 'c.reader_account_id', 'p.title', 'p.organisation_id', 'p.author_account_id', 'p.state'])
      .where('c.id', '=', conversationId)
      .forUpdate('p')
      .executeTakeFirst();
    if (!conversation) return { ok: false, code: 'notFound' };
    if (conversation.state === 'withdrawn' || conversation.state === 'hidden') return { ok: false, code: 'state' };
    if (await isDuplicate(trx, conversationId, sender.accountId, body, now)) return { ok: true, conversationId, duplicate: true };
    const refused = await underLimits(trx, sender.accountId, conversation.post_id, now);
    // the author answering is held only to the account's limit, not to the post's (it counts what readers send)
    if (refused && !refused.ok && (refused.code === 'rateAccount' || !sender.fromAuthor)) return refused;
    await trx.insertInto('pinboard_message').values({ conversation_id: conversationId, sender_account_id: sender.accountId, from_author: sender.fromAuthor, body, created_at: now }).execute();
    const recipients = sender.fromAuthor
      ? conversation.reader_account_id === null
        ? []
        : await trx.selectFrom('account').select(['email', 'locale']).where('id', '=', conversation.reader_account_id).where('disabled_at', 'is', null).execute()
      : await authorRecipients(trx, conversation);
    for (const recipient of recipients) {
      await enqueueMail(trx, pinboardMail({
        kind: 'reply', to: recipient.email, language: recipient.locale,
        values: { title: conversation.title, organisation: sender.organisationName, message: body, link: `${baseUrl}/pinboard/conversations/${conversationId}` },
      }));
    }
    await writeAudit(trx, { accountId: sender.accountId, action: 'pinboard.answer', subjectType: 'pinboard_conversation', subjectId: conversationId });
    return { ok: true, conversationId, duplicate: false };
  });
}
