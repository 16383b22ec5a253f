import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * Returned forms that come from a list (imports/feedback.ts): the import
 * reads and compares, the feedback module writes its tables. New responses
 * are inserted with their answers; a changed response keeps its id and gets
 * its language and its rating and open answers replaced. Yes/no answers
 * recorded elsewhere (on paper entry) stay.
 */
export interface ListedAnswer {
  question_id: number;
  rating: number | null;
  text_value: string | null;
}

export interface ListedResponse {
  event_id: number;
  response_key: string;
  language: string | null;
  answers: ListedAnswer[];
}

export async function storeListedResponses(
  db: Kysely<Database>,
  responses: { created: ListedResponse[]; changed: (ListedResponse & { id: number })[]; channel: 'import' | 'demo' },
  /** Called once per changed response: lets a long import give the event loop a turn. */
  takeTurn: () => Promise<void> | undefined = () => undefined,
): Promise<void> {
  const answers: (ListedAnswer & { response_id: number })[] = [];
  if (responses.created.length > 0) {
    const ids = await sql<{ id: number; event_id: number; response_key: string }>`
      insert into feedback_response (event_id, response_key, language, channel)
      select event_id, response_key, language, ${responses.channel}
      from jsonb_to_recordset(${JSON.stringify(responses.created.map(({ answers: _, ...response }) => response))}::jsonb)
        as input (event_id integer, response_key text, language text)
      returning id, event_id, response_key`.execute(db);
    const idByKey = new Map(ids.rows.map((row) => [`${row.event_id}|${row.response_key}`, row.id]));
    for (const response of responses.created) {
      const responseId = idByKey.get(`${response.event_id}|${response.response_key}`)!;
      for (const answer of response.answers) answers.push({ ...answer, response_id: responseId });
    }
  }
  for (const response of responses.changed) {
    await takeTurn();
    await db.updateTable('feedback_response').set({ language: response.language }).where('id', '=', response.id).execute();
    await db.deleteFrom('feedback_answer').where('response_id', '=', response.id).where('yes_no', 'is', null).execute();
    for (const answer of response.answers) answers.push({ ...answer, response_id: response.id });
  }
  if (answers.length > 0) {
    await sql`
      insert into feedback_answer (response_id, question_id, rating, text_value)
      select response_id, question_id, rating, text_value
      from jsonb_to_recordset(${JSON.stringify(answers)}::jsonb)
        as input (response_id integer, question_id integer, rating smallint, text_value text)`.execute(db);
  }
}
