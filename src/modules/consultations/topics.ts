import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { isLanguage, translator } from '../../i18n/index.js';

/**
 * The topic list staff maintain (consultation_topic). A consultation stores
 * the topic's key, so renaming a topic renames it everywhere; a deactivated
 * topic is no longer offered but old consultations keep it.
 */

export interface ConsultationTopic {
  key: string;
  de: string;
  en: string;
  active: boolean;
  position: number;
}

export async function listTopics(db: Kysely<Database>, options: { activeOnly?: boolean } = {}): Promise<ConsultationTopic[]> {
  let query = db.selectFrom('consultation_topic').selectAll().orderBy('position').orderBy('key');
  if (options.activeOnly) query = query.where('active', '=', true);
  return query.execute();
}

/** The label of a topic key in the language, or the text itself (imported free text). */
export function topicLabel(topics: ConsultationTopic[], language: string, topic: string): string {
  const found = topics.find((entry) => entry.key === topic);
  if (!found) return topic;
  if (language === 'de') return found.de;
  if (language === 'en' || !isLanguage(language)) return found.en;
  // Staff keep German and English labels; the topics the centre started with also have a name in the
  // representatives' other four languages (i18n topicNames.*). A topic staff added later shows in English.
  return translator(language)(`consultations.topicNames.${topic}`, { fallbackLng: false, defaultValue: found.en });
}

/** A key from the English label: lower-case letters, digits and underscores, made unique. */
export async function addTopic(db: Kysely<Database>, labels: { de: string; en: string }): Promise<string> {
  const base = labels.en.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 50) || 'topic';
  const existing = new Set((await db.selectFrom('consultation_topic').select('key').execute()).map((row) => row.key));
  let key = base;
  for (let n = 2; existing.has(key); n++) key = `${base}_${n}`;
  const { max } = await db.selectFrom('consultation_topic').select(sql<number>`coalesce(max(position), 0)::integer`.as('max')).executeTakeFirstOrThrow();
  await db.insertInto('consultation_topic').values({ key, de: labels.de, en: labels.en, position: Number(max) + 1 }).execute();
  return key;
}

export async function renameTopic(db: Kysely<Database>, key: string, labels: { de: string; en: string }): Promise<boolean> {
  const result = await db.updateTable('consultation_topic').set(labels).where('key', '=', key).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setTopicActive(db: Kysely<Database>, key: string, active: boolean): Promise<boolean> {
  const result = await db.updateTable('consultation_topic').set({ active }).where('key', '=', key).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Swaps the topic with its neighbour above or below; positions are renumbered 1..n. */
export async function moveTopic(db: Kysely<Database>, key: string, direction: 'up' | 'down'): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const keys = (await listTopics(trx)).map((topic) => topic.key);
    const index = keys.indexOf(key);
    const other = direction === 'up' ? index - 1 : index + 1;
    if (index < 0 || other < 0 || other >= keys.length) return false;
    [keys[index], keys[other]] = [keys[other], keys[index]];
    for (const [position, each] of keys.entries()) await trx.updateTable('consultation_topic').set({ position: position + 1 }).where('key', '=', each).execute();
    return true;
  });
}
