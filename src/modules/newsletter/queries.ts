import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { berlinDay } from '../../ui/dates.js';
import type { NewsletterLanguage } from './tables.js';
import './tables.js';

/** Reads of the newsletter for staff pages and the public archive. */

/** Issues, newest first, with their German subject and how many were given each. */
export async function listIssues(db: Kysely<Database>) {
  return db
    .selectFrom('newsletter_issue as i')
    .innerJoin('newsletter_issue_text as t', (join) => join.onRef('t.issue_id', '=', 'i.id').on('t.language', '=', 'de'))
    .select(['i.id', 'i.status', 'i.created_at', 'i.sent_at', 't.subject'])
    .select((eb) => eb.selectFrom('newsletter_delivery as d').select((inner) => inner.fn.countAll<string>().as('n')).whereRef('d.issue_id', '=', 'i.id').as('deliveries'))
    .orderBy('i.id', 'desc')
    .limit(200)
    .execute();
}

export async function findIssue(db: Kysely<Database>, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0 || id >= 2 ** 31) return undefined;
  return db.selectFrom('newsletter_issue').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many confirmed subscribers each audience reaches: for the send form. */
export async function audienceSize(db: Kysely<Database>, audience: { topics: string[]; regions: string[]; languages: string[] }): Promise<number> {
  if ((audience.topics.length === 0 && audience.regions.length === 0) || audience.languages.length === 0) return 0;
  const row = await db
    .selectFrom('newsletter_subscriber')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('status', '=', 'confirmed')
    .where(sql<boolean>`language = any(${audience.languages}::text[])`)
    .where(sql<boolean>`(topics && ${audience.topics}::text[] or region = any(${audience.regions}::text[]))`)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Subscribers by status, for the staff overview (counts only: the addresses stay in the export). */
export async function subscriberCounts(db: Kysely<Database>) {
  const rows = await db.selectFrom('newsletter_subscriber').select(['status', (eb) => eb.fn.countAll<string>().as('count')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)])) as Partial<Record<'pending' | 'confirmed' | 'unsubscribed', number>>;
}

/** The public archive: sent issues, newest first, each in the reader's language where translated. */
export async function archive(db: Kysely<Database>, language: NewsletterLanguage) {
  const rows = await sql<{ id: number; sent_at: Date; subject: string; language: NewsletterLanguage }>`
    select i.id, i.sent_at, coalesce(own.subject, de.subject) as subject, coalesce(own.language, 'de') as language
    from newsletter_issue i
    join newsletter_issue_text de on de.issue_id = i.id and de.language = 'de'
    left join newsletter_issue_text own on own.issue_id = i.id and own.language = ${language}
    where i.status = 'sent'
    order by i.sent_at desc, i.id desc
    limit 500`.execute(db);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** One sent issue for the archive, in the reader's language where translated; undefined unless sent. */
export async function archivedIssue(db: Kysely<Database>, id: number, language: NewsletterLanguage) {
  const issue = await findIssue(db, id);
  if (!issue || issue.status !== 'sent') return undefined;
  const texts = await db.selectFrom('newsletter_issue_text').select(['language', 'subject', 'body']).where('issue_id', '=', id).execute();
  const text = texts.find((row) => row.language === language) ?? texts.find((row) => row.language === 'de')!;
  return { id, sentAt: issue.sent_at, ...text };
}

/** The public pages for sitemap.xml: the sign-up, the archive and each sent issue. */
export async function sitemapPaths(db: Kysely<Database>): Promise<{ path: string; lastModified?: string }[]> {
  const sent = await db.selectFrom('newsletter_issue').select(['id', 'sent_at']).where('status', '=', 'sent').orderBy('id').execute();
  return [
    { path: '/newsletter' },
    { path: '/newsletter/archive' },
    ...sent.map((issue) => ({ path: `/newsletter/archive/${issue.id}`, ...(issue.sent_at ? { lastModified: berlinDay(new Date(issue.sent_at)) } : {}) })),
  ];
}
