import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { event as makeEvent } from '../../../test/factories.js';
import { computeAnnex } from '../feedback/index.js';
import { importRecords } from './index.js';

/*
 * q1 … q10 of the feedback import are the n-th *rating* question of the
 * event's form (spec/exchange.md: "for the form's questions in order"): a form
 * edited by staff with yes/no and open questions between the ratings still
 * maps q1 … qn to its ratings, never to the other kinds. comment_more and
 * comment_improve go to the open questions with those keys.
 */
let database: TestDatabase;
const questionIds: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const form = await db.insertInto('feedback_form').values({ name: 'Bearbeitet', format: null }).returning('id').executeTakeFirstOrThrow();
  // rating, yes/no, open without key, rating, open comment_more, rating
  const questions = [
    { name: 'first', kind: 'rating', key: null },
    { name: 'yesNo', kind: 'yes_no', key: null },
    { name: 'openFree', kind: 'open', key: null },
    { name: 'second', kind: 'rating', key: null },
    { name: 'more', kind: 'open', key: 'comment_more' },
    { name: 'third', kind: 'rating', key: null },
  ] as const;
  for (const [index, question] of questions.entries()) {
    const row = await db
      .insertInto('feedback_question')
      .values({ form_id: form.id, position: index + 1, kind: question.kind, key: question.key, texts: JSON.stringify({ de: `Frage ${question.name}`, en: `Question ${question.name}` }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    questionIds[question.name] = row.id;
  }
  await makeEvent(db, { eventKey: 'ev-edited', title: 'Schulung mit bearbeitetem Bogen', format: 'training_application', startDate: '2024-03-02', organizer: 'centre', feedbackFormId: form.id });
}, 60_000);
afterAll(async () => database?.close());

const answers = async () =>
  (
    await sql<{ question_id: number; rating: number | null; yes_no: boolean | null; text_value: string | null }>`
      select a.question_id, a.rating, a.yes_no, a.text_value from feedback_answer a join feedback_response r on r.id = a.response_id
      where r.response_key = '1' order by a.question_id`.execute(database.db)
  ).rows;

describe(`the feedback import with a form edited by staff, on ${testEngine}`, () => {
  it('maps q1, q2, q3 to the first, second and third rating question, skipping yes/no and open questions', async () => {
    const outcome = await importRecords(database.db, 'feedback', [{ event_key: 'ev-edited', response_key: '1', q1: 1, q2: 2, q3: 4, comment_more: 'Sehr hilfreich' }]);
    expect(outcome.problems).toEqual([]);
    expect(outcome.created).toBe(1);
    expect(await answers()).toEqual([
      { question_id: questionIds.first, rating: 1, yes_no: null, text_value: null },
      { question_id: questionIds.second, rating: 2, yes_no: null, text_value: null },
      { question_id: questionIds.more, rating: null, yes_no: null, text_value: 'Sehr hilfreich' },
      { question_id: questionIds.third, rating: 4, yes_no: null, text_value: null },
    ]);
  });

  it('refuses q4 on a form with three rating questions, naming the column and the fix, and stores nothing', async () => {
    const outcome = await importRecords(database.db, 'feedback', [{ event_key: 'ev-edited', response_key: '2', q1: 1, q4: 2 }]);
    expect(outcome.stored).toBe(false);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({ line: 2, column: 'q4', code: 'no_such_question' });
    expect(outcome.problems[0].message.de).toContain('nur 3 Bewertungsfragen (q1 bis q3)');
    expect(outcome.problems[0].message.en).toContain('only 3 rating questions (q1 to q3)');
    const { rows } = await sql<{ n: number }>`select count(*)::integer as n from feedback_response where response_key = '2'`.execute(database.db);
    expect(rows[0].n).toBe(0);
  });

  it('keeps a yes/no answer typed in on paper when the import changes the ratings, and the annex follows', async () => {
    const response = await database.db.selectFrom('feedback_response').select('id').where('response_key', '=', '1').executeTakeFirstOrThrow();
    await database.db.insertInto('feedback_answer').values({ response_id: response.id, question_id: questionIds.yesNo, yes_no: true }).execute();
    const outcome = await importRecords(database.db, 'feedback', [{ event_key: 'ev-edited', response_key: '1', q1: 3, q2: 2, q3: 4, comment_more: 'Sehr hilfreich' }]);
    expect(outcome.problems).toEqual([]);
    expect(outcome.updated).toBe(1);
    const stored = await answers();
    expect(stored.find((answer) => answer.question_id === questionIds.first)?.rating).toBe(3);
    expect(stored.find((answer) => answer.question_id === questionIds.yesNo)?.yes_no).toBe(true);

    const [block] = await computeAnnex(database.db, { from: '2024-01-01', to: '2024-12-31' });
    const ratings = block.rows.filter((row) => row.kind === 'rating').map((row) => row.cells[0]?.mean);
    expect(ratings).toEqual([3, 2, 4]);
    expect(block.rows.find((row) => row.kind === 'yes_no')?.cells[0]).toMatchObject({ yes: 1, no: 0 });
    expect(block.rows.find((row) => row.kind === 'open' && row.ordinal === 2)?.cells[0]?.texts).toEqual(['Sehr hilfreich']);
  });
});
