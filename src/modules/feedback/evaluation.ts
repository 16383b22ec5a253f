import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { EventForm, FormQuestion } from './queries.js';

/**
 * The evaluation of one event's returned forms: per question N (answers
 * given), "keine Angabe" (forms without an answer), the mean of the grades
 * (1 = sehr gut; lower is better), their distribution, yes/no counts and the
 * open answers.
 */

/** Means from fewer answers than this are marked: one form moves them too much. */
export const smallSample = 5;

export interface QuestionSummary {
  question: FormQuestion;
  n: number;
  noAnswer: number;
  mean: number | null;
  /** Answers per grade 1, 2, 3, 4. */
  grades: [number, number, number, number];
  yes: number;
  no: number;
  texts: string[];
  /** The response of each text (same order): a link to the answer, never the respondent (e.g. to record it as a need, src/modules/concerns). */
  responseIds: number[];
}

export interface EventEvaluation {
  forms: number;
  byChannel: Record<string, number>;
  questions: QuestionSummary[];
}

interface AnswerRow {
  response_id?: number;
  question_id: number;
  rating: number | null;
  yes_no: boolean | null;
  text_value: string | null;
}

export async function evaluateEvent(db: Kysely<Database>, form: EventForm): Promise<EventEvaluation> {
  const eventId = form.event.id;
  const channels = await db
    .selectFrom('feedback_response')
    .select(['channel', sql<number>`count(*)::integer`.as('forms')])
    .where('event_id', '=', eventId)
    .groupBy('channel')
    .execute();
  const forms = channels.reduce((sum, row) => sum + row.forms, 0);
  const { rows } = await sql<AnswerRow>`
    select a.response_id, a.question_id, a.rating, a.yes_no, a.text_value
    from feedback_response r join feedback_answer a on a.response_id = r.id
    where r.event_id = ${eventId}
    order by r.created_at, r.id`.execute(db);
  return { forms, byChannel: Object.fromEntries(channels.map((row) => [row.channel, row.forms])), questions: form.questions.map((question) => summarise(question, forms, rows)) };
}

export function summarise(question: FormQuestion, forms: number, rows: AnswerRow[]): QuestionSummary {
  const mine = rows.filter((row) => row.question_id === question.id);
  const grades: [number, number, number, number] = [0, 0, 0, 0];
  let sum = 0;
  for (const row of mine) {
    if (row.rating === null) continue;
    grades[row.rating - 1] += 1;
    sum += row.rating;
  }
  const yes = mine.filter((row) => row.yes_no === true).length;
  const no = mine.filter((row) => row.yes_no === false).length;
  const texts = mine.flatMap((row) => (row.text_value ? [row.text_value] : []));
  const responseIds = mine.flatMap((row) => (row.text_value ? [row.response_id ?? 0] : []));
  const ratings = grades.reduce((total, count) => total + count, 0);
  const n = question.kind === 'rating' ? ratings : question.kind === 'yes_no' ? yes + no : texts.length;
  return { question, n, noAnswer: forms - n, mean: ratings === 0 ? null : sum / ratings, grades, yes, no, texts, responseIds };
}

export interface ResponseListItem {
  id: number;
  response_key: string;
  channel: string;
  created_at: Date;
  answers: Record<number, string>;
}

/** The forms of an event as rows (newest first), each answer as typed: grade, yes/no, text. */
export async function listResponses(db: Kysely<Database>, eventId: number, limit = 200): Promise<ResponseListItem[]> {
  const { rows } = await sql<{ id: number; response_key: string; channel: string; created_at: Date; answers: { q: number; v: string }[] }>`
    select r.id, r.response_key, r.channel, r.created_at,
      coalesce(jsonb_agg(jsonb_build_object('q', a.question_id,
        'v', coalesce(a.rating::text, case when a.yes_no then 'yes' when not a.yes_no then 'no' end, a.text_value)))
        filter (where a.question_id is not null), '[]') as answers
    from feedback_response r left join feedback_answer a on a.response_id = r.id
    where r.event_id = ${eventId}
    group by r.id
    order by r.created_at desc, r.id desc
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ ...row, answers: Object.fromEntries(row.answers.map((answer) => [answer.q, answer.v])) }));
}
