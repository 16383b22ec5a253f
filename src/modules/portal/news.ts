import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Language } from '../../i18n/index.js';
import { isIsoDay } from '../../ui/dates.js';
import { writeAudit } from '../identity/index.js';
import { cleanBody } from './content.js';
import { sourceLanguage } from './pages.js';

/** News posts: German first, translations beside it; public from the publication day on. */

export interface NewsInput {
  title: string;
  summary: string;
  body: string;
  /** German only: YYYY-MM-DD, or '' for a draft. */
  publishedOn?: string;
}

export type NewsOutcome = { kind: 'saved'; postId: number; cleaned: boolean } | { kind: 'invalid'; errors: { field: string; code: string }[] };

function problemsOf(input: NewsInput, cleanedBody: string) {
  const errors: { field: string; code: string }[] = [];
  if (input.title.trim() === '') errors.push({ field: 'title', code: 'titleMissing' });
  else if (input.title.length > 200) errors.push({ field: 'title', code: 'titleTooLong' });
  if (input.summary.length > 300) errors.push({ field: 'summary', code: 'descriptionTooLong' });
  if (cleanedBody === '') errors.push({ field: 'body', code: input.body.trim() === '' ? 'bodyMissing' : 'bodyNothingLeft' });
  if (input.publishedOn && !isIsoDay(input.publishedOn)) errors.push({ field: 'publishedOn', code: 'dateInvalid' });
  return errors;
}

/**
 * Writes a post's text in one language; postId null creates the post (in
 * German). The German form also sets the publication day.
 */
export async function saveNewsPost(
  db: Kysely<Database>,
  actor: { accountId: number },
  target: { postId: number | null; language: Language },
  input: NewsInput,
): Promise<NewsOutcome> {
  const body = cleanBody(input.body);
  const errors = problemsOf(input, body.html);
  if (target.postId === null && target.language !== sourceLanguage) errors.push({ field: 'title', code: 'germanFirst' });
  if (errors.length > 0) return { kind: 'invalid', errors };
  return db.transaction().execute(async (trx) => {
    const publishedOn = input.publishedOn ? input.publishedOn : null;
    let postId = target.postId;
    if (postId === null) {
      const created = await trx.insertInto('portal_news_post').values({ published_on: publishedOn, author_account_id: actor.accountId }).returning('id').executeTakeFirstOrThrow();
      postId = created.id;
    } else {
      const update = trx.updateTable('portal_news_post').set({ updated_at: sql`now()` }).where('id', '=', postId);
      await (target.language === sourceLanguage ? update.set({ published_on: publishedOn }) : update).execute();
    }
    const text = { title: input.title.trim(), summary: input.summary.trim(), body: body.html };
    await trx
      .insertInto('portal_news_text')
      .values({ post_id: postId, language: target.language, ...text })
      .onConflict((conflict) => conflict.columns(['post_id', 'language']).doUpdateSet({ ...text, updated_at: sql`now()` }))
      .execute();
    await writeAudit(trx, { accountId: actor.accountId, action: 'portal.news.save', subjectType: 'portal_news_post', subjectId: postId, details: { language: target.language } });
    return { kind: 'saved', postId, cleaned: body.cleaned } as const;
  });
}

export interface NewsItem {
  id: number;
  published_on: string;
  /** The language the text is in: the reader's, or German where it is not translated. */
  language: string;
  title: string;
  summary: string;
  body: string;
  updated_at: Date;
}

/** Published posts (publication day ≤ today, Berlin) in the reader's language, newest first. */
export async function publishedNews(db: Kysely<Database>, options: { today: string; language: Language; limit?: number; postId?: number }): Promise<NewsItem[]> {
  const { rows } = await sql<NewsItem>`
    select p.id, p.published_on, t.language, t.title, t.summary, t.body, greatest(p.updated_at, t.updated_at) as updated_at
    from portal_news_post p
    join portal_news_text t on t.post_id = p.id
      and t.language = (select case when exists (select 1 from portal_news_text own where own.post_id = p.id and own.language = ${options.language})
                                    then ${options.language} else ${sourceLanguage} end)
    where p.published_on is not null and p.published_on <= ${options.today}::date
      ${options.postId === undefined ? sql`` : sql`and p.id = ${options.postId}`}
    order by p.published_on desc, p.id desc
    limit ${options.limit ?? 50}`.execute(db);
  return rows;
}

/** Every post for staff, with the languages it is written in. */
export async function newsForStaff(db: Kysely<Database>) {
  const { rows } = await sql<{ id: number; published_on: string | null; title: string; languages: string }>`
    select p.id, p.published_on, coalesce(de.title, '') as title,
      (select string_agg(t.language, ' ' order by t.language) from portal_news_text t where t.post_id = p.id) as languages
    from portal_news_post p left join portal_news_text de on de.post_id = p.id and de.language = ${sourceLanguage}
    order by p.published_on desc nulls first, p.id desc`.execute(db);
  return rows;
}

export async function newsPost(db: Kysely<Database>, postId: number) {
  const post = await db.selectFrom('portal_news_post').selectAll().where('id', '=', postId).executeTakeFirst();
  if (!post) return undefined;
  const texts = await db.selectFrom('portal_news_text').selectAll().where('post_id', '=', postId).execute();
  return { ...post, texts };
}
