import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { DomainError } from '../domain-error.js';
import { writeAudit } from '../identity/index.js';
import type { FaqEntryInput } from './form.js';

type Db = Kysely<Database>;

/** Creates an entry (no id) or replaces one's topic, state, date and translations; returns its id. */
export async function saveFaqEntry(db: Db, actor: number | null, input: FaqEntryInput, id?: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const values = { topic: input.topic, state: input.state, reviewed_on: input.reviewedOn, position: input.position };
    let entryId: number;
    if (id === undefined) {
      entryId = (await trx.insertInto('faq_entry').values(values).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const updated = await trx.updateTable('faq_entry').set({ ...values, updated_at: sql`now()` }).where('id', '=', id).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new DomainError('faq', 'notFound');
      entryId = id;
      await trx.deleteFrom('faq_translation').where('entry_id', '=', id).execute();
    }
    await trx.insertInto('faq_translation').values(input.translations.map((translation) => ({ entry_id: entryId, ...translation }))).execute();
    await writeAudit(trx, { accountId: actor, action: id === undefined ? 'faq.create' : 'faq.update', subjectType: 'faq_entry', subjectId: entryId, details: { state: input.state, languages: input.translations.map((t) => t.language) } });
    return entryId;
  });
}

/** "Did this help?" from a reader (no account): only for published entries; the optional question goes to the staff queue. */
export async function recordFaqFeedback(db: Db, input: { entryId: number; helpful: boolean; question: string | null; language: string }): Promise<void> {
  const entry = await db.selectFrom('faq_entry').select('id').where('id', '=', input.entryId).where('state', '=', 'published').executeTakeFirst();
  if (!entry) throw new DomainError('faq', 'notFound');
  const question = input.question?.trim().slice(0, 2000) || null;
  await db.insertInto('faq_feedback').values({ entry_id: input.entryId, helpful: input.helpful, question, language: input.language }).execute();
}

/** Takes a reader's question off the queue once staff have answered it (in the FAQ or directly). */
export async function markQuestionHandled(db: Db, actor: number, feedbackId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('faq_feedback').set({ handled_at: now }).where('id', '=', feedbackId).where('handled_at', 'is', null).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new DomainError('faq', 'notFound');
    await writeAudit(trx, { accountId: actor, action: 'faq.question_handled', subjectType: 'faq_feedback', subjectId: feedbackId });
  });
}
