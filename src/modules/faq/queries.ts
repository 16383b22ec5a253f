import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { FaqState } from './tables.js';

type Db = Kysely<Database>;

/** A published entry as a reader sees it: in the page's language, else in German (`language` says which). */
export interface PublicFaqEntry {
  id: number;
  topic: string;
  reviewed_on: string | null;
  language: string;
  question: string;
  answer: string;
}

/**
 * How close a word must be for the search to find it: trigram word
 * similarity ≥ 0.5 forgives one wrong or swapped letter in a word of eight
 * or more ("Steuerbrater" finds "Steuerberater", "Minjob" finds "Minijob").
 */
const closeEnough = 0.5;

/** The words of a search (three letters or more), lower case, at most eight. */
export function searchWords(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3))].slice(0, 8);
}

/**
 * Every word of the query must occur in the entry's question or answer (in
 * the reader's language or in German), exactly or nearly (pg_trgm, on both
 * engines; faq_translation_trgm serves the substring test).
 */
function matchesEveryWord(words: string[], language: string): RawBuilder<boolean> {
  const text = sql`lower(s.question || ' ' || s.answer)`;
  const conditions = words.map(
    (word) => sql<boolean>`exists (select 1 from faq_translation s where s.entry_id = e.id and s.language in (${language}, 'de')
      and (${text} like ${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} or word_similarity(${word}, ${text}) >= ${closeEnough}))`,
  );
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/** The public FAQ: published entries, optionally of one topic and matching a search, best matches first when searching. */
export async function publishedFaq(db: Db, language: string, filters: { topic?: string; query?: string } = {}): Promise<PublicFaqEntry[]> {
  const words = searchWords(filters.query ?? '');
  const conditions = [sql<boolean>`e.state = 'published'`];
  if (filters.topic) conditions.push(sql<boolean>`e.topic = ${filters.topic}`);
  if (words.length > 0) conditions.push(matchesEveryWord(words, language));
  const rank = words.length > 0
    ? sql`(select max(word_similarity(${words.join(' ')}, lower(s.question || ' ' || s.answer))) from faq_translation s where s.entry_id = e.id) desc,`
    : sql``;
  const result = await sql<PublicFaqEntry>`
    select e.id, e.topic, e.reviewed_on::text as reviewed_on,
           coalesce(l.language, d.language) as language, coalesce(l.question, d.question) as question, coalesce(l.answer, d.answer) as answer
    from faq_entry e
    join faq_translation d on d.entry_id = e.id and d.language = 'de'
    left join faq_translation l on l.entry_id = e.id and l.language = ${language}
    where ${sql.join(conditions, sql` and `)}
    order by ${rank} e.topic, e.position, e.id`.execute(db);
  return result.rows;
}

export async function findPublishedEntry(db: Db, id: number, language: string): Promise<PublicFaqEntry | undefined> {
  const result = await sql<PublicFaqEntry>`
    select e.id, e.topic, e.reviewed_on::text as reviewed_on,
           coalesce(l.language, d.language) as language, coalesce(l.question, d.question) as question, coalesce(l.answer, d.answer) as answer
    from faq_entry e
    join faq_translation d on d.entry_id = e.id and d.language = 'de'
    left join faq_translation l on l.entry_id = e.id and l.language = ${language}
    where e.id = ${id} and e.state = 'published'`.execute(db);
  return result.rows[0];
}

/** Every entry for staff, with its German question, its languages and the "did this help?" counts. */
export async function staffFaqList(db: Db) {
  const result = await sql<{ id: number; topic: string; state: FaqState; reviewed_on: string | null; question: string; languages: string[]; helpful: number; unhelpful: number }>`
    select e.id, e.topic, e.state, e.reviewed_on::text as reviewed_on, d.question,
           array(select language from faq_translation where entry_id = e.id order by language) as languages,
           (select count(*)::int from faq_feedback f where f.entry_id = e.id and f.helpful) as helpful,
           (select count(*)::int from faq_feedback f where f.entry_id = e.id and not f.helpful) as unhelpful
    from faq_entry e join faq_translation d on d.entry_id = e.id and d.language = 'de'
    order by e.topic, e.position, e.id`.execute(db);
  return result.rows;
}

export async function findEntryForStaff(db: Db, id: number) {
  const entry = await db.selectFrom('faq_entry').select(['id', 'topic', 'state', sql<string | null>`reviewed_on::text`.as('reviewed_on'), 'position']).where('id', '=', id).executeTakeFirst();
  if (!entry) return undefined;
  const translations = await db.selectFrom('faq_translation').select(['language', 'question', 'answer']).where('entry_id', '=', id).execute();
  return { ...entry, translations };
}

/** The staff queue: questions sent with "did this help?" that nobody has marked answered yet, oldest first. */
export function openQuestions(db: Db) {
  return db
    .selectFrom('faq_feedback as f')
    .innerJoin('faq_translation as d', (join) => join.onRef('d.entry_id', '=', 'f.entry_id').on('d.language', '=', 'de'))
    .select(['f.id', 'f.entry_id', 'f.helpful', 'f.question', 'f.language', 'f.created_at', 'd.question as entry_question'])
    .where('f.question', 'is not', null)
    .where('f.handled_at', 'is', null)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
}
