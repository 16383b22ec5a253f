import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import type { Answer } from './answers.js';

/** Storing and removing returned forms: online submissions and paper forms typed in by staff. */

export const newSubmissionToken = () => randomBytes(24).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

async function insertResponse(trx: Transaction<Database>, response: { eventId: number; key: string; language: string | null; channel: 'online' | 'paper' }, answers: Answer[]) {
  const { id } = await trx
    .insertInto('feedback_response')
    .values({ event_id: response.eventId, response_key: response.key, language: response.language, channel: response.channel })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (answers.length > 0) await trx.insertInto('feedback_answer').values(answers.map((answer) => ({ ...answer, response_id: id }))).execute();
  return id;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

/**
 * One online submission: response, answers and the token's hash in one
 * transaction. A token already used (also by a concurrent request) stores
 * nothing and answers 'alreadySubmitted'.
 */
export async function submitOnline(db: Kysely<Database>, input: { eventId: number; token: string; language: string; answers: Answer[] }): Promise<'stored' | 'alreadySubmitted'> {
  const tokenHash = hashToken(input.token);
  try {
    return await db.transaction().execute(async (trx) => {
      const used = await trx.selectFrom('feedback_submission').select('token_hash').where('token_hash', '=', tokenHash).executeTakeFirst();
      if (used) return 'alreadySubmitted' as const;
      // the key says nothing about the sender: random, not derived from the token
      const responseId = await insertResponse(trx, { eventId: input.eventId, key: `online-${randomBytes(6).toString('hex')}`, language: input.language, channel: 'online' }, input.answers);
      await trx.insertInto('feedback_submission').values({ token_hash: tokenHash, event_id: input.eventId, response_id: responseId }).execute();
      return 'stored' as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'alreadySubmitted';
    throw error;
  }
}

export async function tokenUsed(db: Kysely<Database>, token: string): Promise<boolean> {
  const row = await db.selectFrom('feedback_submission').select('token_hash').where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row !== undefined;
}

/** A paper form typed in by staff; its key is the next free paper-<n> of the event. */
export async function enterPaperForm(db: Kysely<Database>, input: { eventId: number; accountId: number | null; answers: Answer[] }): Promise<string> {
  return db.transaction().execute(async (trx) => {
    // two people typing forms of the same event get different numbers
    await sql`select pg_advisory_xact_lock(4712, ${input.eventId})`.execute(trx);
    const { rows } = await sql<{ last: number | null }>`
      select max(substring(response_key from '^paper-([0-9]+)$')::integer) as last
      from feedback_response where event_id = ${input.eventId} and response_key ~ '^paper-[0-9]+$'`.execute(trx);
    const key = `paper-${(rows[0]?.last ?? 0) + 1}`;
    const responseId = await insertResponse(trx, { eventId: input.eventId, key, language: null, channel: 'paper' }, input.answers);
    await writeAudit(trx, { accountId: input.accountId, action: 'feedback.enter', subjectType: 'feedback_response', subjectId: responseId, details: { event_id: input.eventId, response_key: key } });
    return key;
  });
}

/** Removes one returned form of the event (a typing mistake); the audit log keeps who and which. */
export async function deleteResponse(db: Kysely<Database>, input: { eventId: number; responseId: number; accountId: number | null }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('feedback_response')
      .where('id', '=', input.responseId)
      .where('event_id', '=', input.eventId)
      .returning(['response_key', 'channel'])
      .executeTakeFirst();
    if (!deleted) return false;
    await writeAudit(trx, { accountId: input.accountId, action: 'feedback.delete', subjectType: 'feedback_response', subjectId: input.responseId, details: { event_id: input.eventId, ...deleted } });
    return true;
  });
}
