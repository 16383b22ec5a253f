import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventFormat } from '../../db/tables.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { event as makeEvent } from '../../../test/factories.js';
import { readAnswers } from './answers.js';
import { assignDefaultForm } from './forms.js';
import { eventWithForm } from './queries.js';
import { enterPaperForm, newSubmissionToken, submitOnline } from './store.js';
import { checkTemplateRows, readTemplateRows, saveTemplate, templateQuestions } from './templates.js';

/*
 * Logic of feedback forms without HTTP: a template change reaches only events
 * whose form has no answers; an online token submits once, also when two
 * requests race; values outside the scale are refused before anything is stored.
 */
let database: TestDatabase;
const createEvent = async (key: string, format: EventFormat = 'training_reporting') =>
  (await makeEvent(database.db, { eventKey: key, title: `Schulung ${key}`, format, startDate: '2024-05-01', organizer: 'centre' })).id;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('template edits', () => {
  it('reach unanswered event forms only; answered events keep their questions', async () => {
    const answered = await createEvent('t-answered');
    const fresh = await createEvent('t-fresh');
    await assignDefaultForm(database.db, answered, 'training_reporting');
    await assignDefaultForm(database.db, fresh, 'training_reporting');
    const answeredForm = (await eventWithForm(database.db, answered))!;
    const { answers } = readAnswers(answeredForm.questions, { q1: '1', q2: '2' });
    await enterPaperForm(database.db, { eventId: answered, accountId: null, answers });

    const { questions } = await templateQuestions(database.db, 'training_reporting');
    const body: Record<string, string> = {};
    questions.forEach((question, index) => {
      body[`kind_${index}`] = question.kind;
      body[`de_${index}`] = question.texts.de;
      body[`en_${index}`] = question.texts.en;
      body[`order_${index}`] = String(index + 1);
      if (question.key) body[`key_${index}`] = question.key;
    });
    body.remove_1 = '1'; // drop the second question
    body.order_0 = '10'; // move the first to the end of the ratings… and after all others
    const added = questions.length;
    Object.assign(body, { [`new_${added}`]: '1', [`kind_${added}`]: 'yes_no', [`de_${added}`]: 'Würden Sie die Schulung weiterempfehlen?', [`en_${added}`]: 'Would you recommend the training?', [`order_${added}`]: '0' });
    body[`new_${added + 1}`] = '1'; // the page's two further empty rows
    body[`new_${added + 2}`] = '1';
    const { questions: next, problems } = checkTemplateRows(readTemplateRows(body, questions.length + 3));
    expect(problems).toEqual([]);
    expect(next[0]).toMatchObject({ kind: 'yes_no', texts: { de: 'Würden Sie die Schulung weiterempfehlen?' } });
    expect(next.at(-1)!.texts.de).toBe(questions[0].texts.de);
    expect(next).toHaveLength(questions.length);

    expect(await saveTemplate(database.db, 'training_reporting', next, null)).toEqual({ updated: 1, kept: 1 });
    const freshTexts = (await eventWithForm(database.db, fresh))!.questions.map((question) => question.texts.de);
    expect(freshTexts).toEqual(next.map((question) => question.texts.de));
    const answeredTexts = (await eventWithForm(database.db, answered))!.questions.map((question) => question.texts.de);
    expect(answeredTexts).toEqual(questions.map((question) => question.texts.de));
    // an event created later gets the edited template
    const later = await createEvent('t-later');
    expect((await eventWithForm(database.db, later))!.questions[0].kind).toBe('yes_no');
  });

  it('requires German and English texts and at least one question', () => {
    const { problems } = checkTemplateRows(readTemplateRows({ kind_0: 'rating', de_0: 'Wie war es?', en_0: '', new_1: '1', kind_1: 'open', de_1: '', en_1: 'Anything else?' }, 2));
    expect(problems.map((problem) => `${problem.field}:${problem.problem}`)).toEqual(['en_0:enRequired', 'de_1:deRequired']);
    expect(checkTemplateRows(readTemplateRows({ kind_0: 'rating', de_0: 'x', en_0: 'x', remove_0: '1' }, 1)).problems[0].problem).toBe('empty');
  });
});

describe('answers and submissions', () => {
  it('refuses values outside the scale, whatever the channel', async () => {
    const form = (await eventWithForm(database.db, await createEvent('t-scale', 'training_application')))!;
    const { answers, errors } = readAnswers(form.questions, { q1: '16', q2: '0', q3: '2', q4: 'none', q5: '', q6: 'Danke' });
    expect(errors.map((error) => `${error.field}:${error.problem}:${error.value}`)).toEqual(['q1:outOfScale:16', 'q2:outOfScale:0']);
    expect(answers.map((answer) => answer.rating ?? answer.text_value)).toEqual([2, 'Danke']);
  });

  it('stores one submission per token, also when two requests race', async () => {
    const eventId = await createEvent('t-token', 'training_application');
    const form = (await eventWithForm(database.db, eventId))!;
    const { answers } = readAnswers(form.questions, { q1: '1' });
    const token = newSubmissionToken();
    const outcomes = await Promise.all([0, 1, 2].map(() => submitOnline(database.db, { eventId, token, language: 'uk', answers })));
    expect(outcomes.filter((outcome) => outcome === 'stored')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'alreadySubmitted')).toHaveLength(2);
    expect(await submitOnline(database.db, { eventId, token: newSubmissionToken(), language: 'de', answers })).toBe('stored');
    const stored = await database.db.selectFrom('feedback_response').select(['channel', 'language']).where('event_id', '=', eventId).orderBy('id').execute();
    expect(stored).toEqual([
      { channel: 'online', language: 'uk' },
      { channel: 'online', language: 'de' },
    ]);
    const hashes = await database.db.selectFrom('feedback_submission').select('token_hash').where('event_id', '=', eventId).execute();
    expect(hashes.every((row) => row.token_hash !== token && /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });
});
