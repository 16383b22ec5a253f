import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { loadDemo } from '../demo/index.js';
import { eventWithForm } from './queries.js';
import { deleteResponse, enterPaperForm, submitOnline } from './store.js';

/*
 * feedback_summary (040_feedback_summary.sql) must always equal the answers
 * counted from scratch, whatever path wrote them: the demo load (the import's
 * bulk insert), online and paper forms, deleting a form (the answers go by
 * cascade), changing and deleting single answers, moving a form to another
 * event, deleting a question.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db);
}, 120_000);
afterAll(async () => database?.close());

/** Rows of the summary that differ from a count from scratch (both directions); empty when they agree. */
async function differences() {
  const { rows } = await sql<{ side: string; event_id: number; question_id: number }>`
    with fresh as (
      select r.event_id, a.question_id, count(*)::integer as answers, count(a.rating)::integer as rated, coalesce(sum(a.rating), 0)::integer as rating_sum,
        (count(*) filter (where a.rating = 1))::integer as grade_1, (count(*) filter (where a.rating = 2))::integer as grade_2,
        (count(*) filter (where a.rating = 3))::integer as grade_3, (count(*) filter (where a.rating = 4))::integer as grade_4,
        (count(*) filter (where a.yes_no))::integer as yes, (count(*) filter (where not a.yes_no))::integer as no, count(a.text_value)::integer as texts
      from feedback_response r join feedback_answer a on a.response_id = r.id
      group by r.event_id, a.question_id),
    kept as (
      select event_id, question_id, answers, rated, rating_sum, grade_1, grade_2, grade_3, grade_4, yes, no, texts
      from feedback_summary where answers <> 0 or rated <> 0 or texts <> 0 or yes <> 0 or no <> 0)
    (select 'missing' as side, event_id, question_id from (select * from fresh except select * from kept) m)
    union all
    (select 'extra' as side, event_id, question_id from (select * from kept except select * from fresh) x)`.execute(database.db);
  return rows;
}

const eventId = async (key: string) => (await database.db.selectFrom('event').select('id').where('event_key', '=', key).executeTakeFirstOrThrow()).id;
const summaryCount = async () => Number((await sql<{ n: number }>`select count(*)::integer as n from feedback_summary where answers > 0`.execute(database.db)).rows[0].n);

describe('the feedback summary', () => {
  it('equals the answers after the demo load', async () => {
    expect(await summaryCount()).toBeGreaterThan(100);
    expect(await differences()).toEqual([]);
  });

  it('follows online and paper forms and the deletion of a form', async () => {
    const form = (await eventWithForm(database.db, await eventId('ev-2018-09-10')))!;
    const [rating, other] = form.questions.filter((question) => question.kind === 'rating');
    const open = form.questions.find((question) => question.kind === 'open')!;
    await submitOnline(database.db, { eventId: form.event.id, token: 'summary-test-token-0001', language: 'de', answers: [{ question_id: rating.id, rating: 3, yes_no: null, text_value: null }, { question_id: open.id, rating: null, yes_no: null, text_value: 'Gut' }] });
    const key = await enterPaperForm(database.db, { eventId: form.event.id, accountId: null, answers: [{ question_id: rating.id, rating: 4, yes_no: null, text_value: null }, { question_id: other.id, rating: 2, yes_no: null, text_value: null }] });
    expect(await differences()).toEqual([]);
    const cell = await database.db.selectFrom('feedback_summary').selectAll().where('event_id', '=', form.event.id).where('question_id', '=', rating.id).executeTakeFirstOrThrow();
    expect(cell.grade_4).toBeGreaterThanOrEqual(1);
    const paper = await database.db.selectFrom('feedback_response').select('id').where('event_id', '=', form.event.id).where('response_key', '=', key).executeTakeFirstOrThrow();
    expect(await deleteResponse(database.db, { eventId: form.event.id, responseId: paper.id, accountId: null })).toBe(true);
    expect(await differences()).toEqual([]);
  });

  it('follows single answers changed and deleted, a form moved to another event, a question deleted', async () => {
    const from = await eventId('ev-2018-09-10');
    const to = await eventId('ev-2018-09-12');
    const response = await database.db.selectFrom('feedback_response').select('id').where('event_id', '=', from).orderBy('id').executeTakeFirstOrThrow();
    await sql`update feedback_answer set rating = 4 where response_id = ${response.id} and rating is not null`.execute(database.db);
    expect(await differences()).toEqual([]);
    await sql`delete from feedback_answer where response_id = ${response.id} and rating = 4`.execute(database.db);
    expect(await differences()).toEqual([]);
    await sql`update feedback_response set event_id = ${to}, response_key = 'moved-1' where id = ${response.id}`.execute(database.db);
    expect(await differences()).toEqual([]);
    // a whole event's forms at once, in one statement
    await sql`delete from feedback_response where event_id = ${to}`.execute(database.db);
    expect(await differences()).toEqual([]);
    expect(await database.db.selectFrom('feedback_summary').select('event_id').where('event_id', '=', to).where('answers', '>', 0).execute()).toEqual([]);
    // a question removed with its answers (a form nobody has answered yet is edited this way)
    const question = await sql<{ question_id: number }>`select question_id from feedback_summary where answers > 0 order by event_id, question_id limit 1`.execute(database.db);
    await sql`delete from feedback_question where id = ${question.rows[0].question_id}`.execute(database.db);
    expect(await differences()).toEqual([]);
  });

  it('is rolled back with the write that failed', async () => {
    const before = await summaryCount();
    const event = await eventId('ev-2018-11-04');
    const form = (await eventWithForm(database.db, event))!;
    const rating = form.questions.find((question) => question.kind === 'rating')!;
    // the second answer is refused by the rating check: nothing of the form, nothing in the summary
    await expect(
      database.db.transaction().execute(async (trx) => {
        const { id } = await trx.insertInto('feedback_response').values({ event_id: event, response_key: 'rollback-1', channel: 'paper' }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('feedback_answer').values({ response_id: id, question_id: rating.id, rating: 1 }).execute();
        await trx.insertInto('feedback_answer').values({ response_id: id, question_id: form.questions[1].id, rating: 16 }).execute();
      }),
    ).rejects.toThrow();
    expect(await summaryCount()).toBe(before);
    expect(await differences()).toEqual([]);
  });

  it('is emptied with the answers by truncate (which fires no delete trigger)', async () => {
    await sql`truncate feedback_response cascade`.execute(database.db);
    expect(await database.db.selectFrom('feedback_summary').select('event_id').execute()).toEqual([]);
  });
});
