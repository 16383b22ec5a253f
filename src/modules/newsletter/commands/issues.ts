import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import { enqueueMail } from '../../mail/index.js';
import { DomainError } from '../../domain-error.js';
import { issueMail, unsubscribeLink } from '../mails.js';
import { newsletterLanguages, type NewsletterLanguage } from '../tables.js';

/**
 * Staff write an issue in German, add translations, and change it while it
 * is a draft. A translation left empty is no translation: readers of that
 * language get the German text.
 */

export type IssueTexts = Partial<Record<NewsletterLanguage, { subject: string; body: string }>>;

export const subjectLimit = 200;
export const bodyLimit = 50_000;

/** The texts worth keeping; German is required, a translation needs both subject and body. */
export function checkIssueTexts(texts: IssueTexts): { language: NewsletterLanguage; subject: string; body: string }[] {
  const kept: { language: NewsletterLanguage; subject: string; body: string }[] = [];
  for (const language of newsletterLanguages) {
    const subject = texts[language]?.subject.trim() ?? '';
    const body = texts[language]?.body.trim() ?? '';
    if (language === 'de' && !subject) throw new DomainError('newsletter', 'subjectMissing', 'subject_de');
    if (language === 'de' && !body) throw new DomainError('newsletter', 'bodyMissing', 'body_de');
    if (subject.length > subjectLimit) throw new DomainError('newsletter', 'subjectTooLong', `subject_${language}`, { max: subjectLimit });
    if (body.length > bodyLimit) throw new DomainError('newsletter', 'bodyTooLong', `body_${language}`, { max: bodyLimit });
    if (subject && !body) throw new DomainError('newsletter', 'translationIncomplete', `body_${language}`);
    if (body && !subject) throw new DomainError('newsletter', 'translationIncomplete', `subject_${language}`);
    if (subject) kept.push({ language, subject, body });
  }
  return kept;
}

export async function createIssue(db: Kysely<Database>, actor: { accountId: number }, texts: IssueTexts): Promise<number> {
  const kept = checkIssueTexts(texts);
  return db.transaction().execute(async (trx) => {
    const issue = await trx.insertInto('newsletter_issue').values({ created_by: actor.accountId }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('newsletter_issue_text').values(kept.map((text) => ({ issue_id: issue.id, ...text }))).execute();
    await writeAudit(trx, { accountId: actor.accountId, action: 'newsletter.issue.create', subjectType: 'newsletter_issue', subjectId: issue.id });
    return issue.id;
  });
}

export async function updateIssue(db: Kysely<Database>, actor: { accountId: number }, issueId: number, texts: IssueTexts): Promise<void> {
  const kept = checkIssueTexts(texts);
  await db.transaction().execute(async (trx) => {
    const issue = await trx.selectFrom('newsletter_issue').select('status').where('id', '=', issueId).forUpdate().executeTakeFirst();
    if (!issue) throw new DomainError('newsletter', 'issueNotFound');
    if (issue.status !== 'draft') throw new DomainError('newsletter', 'issueNotDraft');
    await trx.deleteFrom('newsletter_issue_text').where('issue_id', '=', issueId).execute();
    await trx.insertInto('newsletter_issue_text').values(kept.map((text) => ({ issue_id: issueId, ...text }))).execute();
    await trx.updateTable('newsletter_issue').set({ updated_at: new Date() }).where('id', '=', issueId).execute();
    await writeAudit(trx, { accountId: actor.accountId, action: 'newsletter.issue.update', subjectType: 'newsletter_issue', subjectId: issueId });
  });
}

/** The texts of an issue by language. */
export async function issueTexts(db: Kysely<Database>, issueId: number): Promise<Map<NewsletterLanguage, { subject: string; body: string }>> {
  const rows = await db.selectFrom('newsletter_issue_text').select(['language', 'subject', 'body']).where('issue_id', '=', issueId).execute();
  return new Map(rows.map((row) => [row.language, { subject: row.subject, body: row.body }]));
}

/** The issue's text for a reader of `language`: their translation, else German. */
export function textFor(texts: Map<NewsletterLanguage, { subject: string; body: string }>, language: NewsletterLanguage) {
  return texts.get(language) ?? texts.get('de')!;
}

/**
 * A test mail of the issue, in one language, to the staff member's own
 * address: it looks like the real one, headers included, but its
 * unsubscribe link leads nowhere (no subscriber has that token).
 */
export async function sendTestIssue(
  db: Kysely<Database>,
  actor: { accountId: number; email: string },
  issueId: number,
  language: NewsletterLanguage,
  context: { baseUrl: string },
): Promise<void> {
  const texts = await issueTexts(db, issueId);
  if (texts.size === 0) throw new DomainError('newsletter', 'issueNotFound');
  const text = textFor(texts, language);
  await db.transaction().execute(async (trx) => {
    await enqueueMail(
      trx,
      issueMail({
        to: actor.email,
        language,
        ...text,
        unsubscribe: unsubscribeLink(context.baseUrl, 'test-mail-no-subscriber-0000'),
        archive: `${context.baseUrl}/newsletter/archive/${issueId}`,
        test: true,
      }),
    );
    await writeAudit(trx, { accountId: actor.accountId, action: 'newsletter.issue.test', subjectType: 'newsletter_issue', subjectId: issueId, details: { language } });
  });
}
