import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import { enqueueMails } from '../../mail/index.js';
import { DomainError } from '../../domain-error.js';
import { issueMail, unsubscribeLink } from '../mails.js';
import { newsletterSettings } from '../settings.js';
import { isHessenRegion } from '../regions.js';
import { newsletterLanguages, newsletterTopics, type NewsletterLanguage } from '../tables.js';
import { issueTexts, textFor } from './issues.js';

/**
 * Sending an issue: staff choose topics and languages (startSending), then
 * queueIssue hands one mail per confirmed subscriber to the outbox, a batch
 * per transaction. newsletter_delivery's primary key (issue, subscriber) is
 * written in the same transaction as the mails, so a sender killed midway
 * and run again (the scheduled job resumes every issue left 'sending')
 * queues only those not yet given the issue: nobody gets it twice.
 * The throttle: the mails' notBefore spreads them at mails_per_minute.
 */

export async function startSending(
  db: Kysely<Database>,
  actor: { accountId: number },
  issueId: number,
  audience: { topics: string[]; regions?: string[]; languages: string[] },
  now: Date,
): Promise<void> {
  const topics = newsletterTopics.filter((topic) => audience.topics.includes(topic));
  const regions = [...new Set((audience.regions ?? []).filter(isHessenRegion))];
  const languages = newsletterLanguages.filter((language) => audience.languages.includes(language));
  if (topics.length === 0 && regions.length === 0) throw new DomainError('newsletter', 'audienceTopics', 'topics');
  if (languages.length === 0) throw new DomainError('newsletter', 'audienceLanguages', 'languages');
  await db.transaction().execute(async (trx) => {
    const issue = await trx.selectFrom('newsletter_issue').select('status').where('id', '=', issueId).forUpdate().executeTakeFirst();
    if (!issue) throw new DomainError('newsletter', 'issueNotFound');
    if (issue.status !== 'draft') throw new DomainError('newsletter', 'issueNotDraft');
    await trx.updateTable('newsletter_issue').set({ status: 'sending', topics, regions, languages, queued_at: now, updated_at: now }).where('id', '=', issueId).execute();
    await writeAudit(trx, { accountId: actor.accountId, action: 'newsletter.issue.send', subjectType: 'newsletter_issue', subjectId: issueId, details: { topics, regions, languages } });
  });
}

export interface QueueOptions {
  baseUrl: string;
  now: Date;
  batchSize?: number;
  /** Called after each committed batch (a test stops the sender here, as a kill would). */
  afterBatch?: (queuedSoFar: number) => void | Promise<void>;
}

/** Queues what is left of an issue in 'sending'; returns how many mails this run queued. */
export async function queueIssue(db: Kysely<Database>, issueId: number, options: QueueOptions): Promise<number> {
  const issue = await db.selectFrom('newsletter_issue').select(['status', 'topics', 'regions', 'languages', 'queued_at']).where('id', '=', issueId).executeTakeFirst();
  if (!issue || issue.status !== 'sending') return 0;
  const texts = await issueTexts(db, issueId);
  const { mailsPerMinute } = await newsletterSettings(db);
  const start = issue.queued_at ? new Date(issue.queued_at) : options.now;
  // 2,000 mails of 9 columns stay well below PostgreSQL's 65,535 parameters of one statement
  const batchSize = options.batchSize ?? 2000;
  let queued = 0;
  let lastId = 0;
  let already = await deliveredCount(db, issueId);
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      // one queuer per issue at a time; a second waits here and then finds the rows taken
      const locked = await trx.selectFrom('newsletter_issue').select('id').where('id', '=', issueId).where('status', '=', 'sending').forUpdate().executeTakeFirst();
      if (!locked) return 0;
      const subscribers = await trx
        .selectFrom('newsletter_subscriber as s')
        .select(['s.id', 's.email', 's.language', 's.unsubscribe_token'])
        .where('s.status', '=', 'confirmed')
        .where('s.id', '>', lastId)
        .where(sql<boolean>`s.language = any(${issue.languages}::text[])`)
        // a region counts as a topic: a subscriber of any chosen topic or region
        .where(sql<boolean>`(s.topics && ${issue.topics}::text[] or s.region = any(${issue.regions}::text[]))`)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('newsletter_delivery as d').select('d.subscriber_id').where('d.issue_id', '=', issueId).whereRef('d.subscriber_id', '=', 's.id'))),
        )
        .orderBy('s.id')
        .limit(batchSize)
        .execute();
      if (subscribers.length === 0) return 0;
      lastId = subscribers[subscribers.length - 1].id;
      await trx.insertInto('newsletter_delivery').values(subscribers.map((s) => ({ issue_id: issueId, subscriber_id: s.id }))).execute();
      await enqueueMails(
        trx,
        subscribers.map((subscriber, index) => {
          const language = subscriber.language as NewsletterLanguage;
          return issueMail({
            to: subscriber.email,
            language,
            ...textFor(texts, language),
            unsubscribe: unsubscribeLink(options.baseUrl, subscriber.unsubscribe_token),
            archive: `${options.baseUrl}/newsletter/archive/${issueId}`,
            notBefore: new Date(start.getTime() + Math.floor((already + index) / mailsPerMinute) * 60_000),
          });
        }),
      );
      return subscribers.length;
    });
    if (count === 0) break;
    queued += count;
    already += count;
    await options.afterBatch?.(queued);
  }
  await finishIssue(db, issueId, options.now);
  return queued;
}

async function deliveredCount(db: Kysely<Database>, issueId: number): Promise<number> {
  const row = await db.selectFrom('newsletter_delivery').select((eb) => eb.fn.countAll<string>().as('count')).where('issue_id', '=', issueId).executeTakeFirstOrThrow();
  return Number(row.count);
}

async function finishIssue(db: Kysely<Database>, issueId: number, now: Date) {
  await db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('newsletter_issue').set({ status: 'sent', sent_at: now, updated_at: now }).where('id', '=', issueId).where('status', '=', 'sending').returning('id').executeTakeFirst();
    if (done) await writeAudit(trx, { accountId: null, action: 'newsletter.issue.queued', subjectType: 'newsletter_issue', subjectId: issueId, details: { mails: await deliveredCount(trx, issueId) } });
  });
}

/** The scheduled job: resumes every issue a stopped server left half-queued. */
export async function resumeSending(db: Kysely<Database>, now: Date, baseUrl: string): Promise<void> {
  const issues = await db.selectFrom('newsletter_issue').select('id').where('status', '=', 'sending').orderBy('id').execute();
  for (const issue of issues) await queueIssue(db, issue.id, { baseUrl, now });
}
