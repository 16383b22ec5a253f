import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';
import { defaultQuestions, formNames } from '../src/modules/feedback/index.js';
import type { GeneratedEvent } from './generate.js';
import { insertRows, maxId } from './insert.js';
import type { Random } from './random.js';

/**
 * Feedback for the generated events, shaped as assignDefaultForm and the
 * feedback import leave it: each event with feedback has its own copy of its
 * format's default form (same name, same questions in the same order); a
 * rating left empty has no answer row; some forms come back entirely empty.
 */
export async function generateFeedback(db: Kysely<Database>, random: Random, events: GeneratedEvent[], responses: number) {
  let formId = await maxId(db, 'feedback_form');
  let questionId = await maxId(db, 'feedback_question');
  let responseId = await maxId(db, 'feedback_response');

  // most centre events hand out forms, a few partner events too
  const withForms = events.filter((event) => random.chance(event.organizer === 'centre' ? 0.85 : 0.3));
  const forms = [];
  const questions: object[] = [];
  const formOfEvent = [];
  const questionsOfEvent = new Map<number, { id: number; kind: string; key: string | null }[]>();
  for (const event of withForms) {
    formId += 1;
    forms.push({ id: formId, format: event.format, name: formNames[event.format] });
    formOfEvent.push({ id: event.id, feedback_form_id: formId });
    const own = defaultQuestions[event.format].map((question, index) => {
      questionId += 1;
      questions.push({ id: questionId, form_id: formId, position: index + 1, kind: question.kind, key: question.key, texts: question.texts });
      return { id: questionId, kind: question.kind, key: question.key };
    });
    questionsOfEvent.set(event.id, own);
  }
  await insertRows(db, 'feedback_form', 'id integer, format text, name text', forms.map((form) => ({ ...form })));
  await insertRows(db, 'feedback_question', 'id integer, form_id integer, position integer, kind text, key text, texts jsonb', questions);
  await sql`
    update event set feedback_form_id = input.feedback_form_id
    from jsonb_to_recordset(${JSON.stringify(formOfEvent)}::jsonb) as input (id integer, feedback_form_id integer)
    where event.id = input.id`.execute(db);

  // responses in proportion to attendance (never more forms than people), adding up to `responses`
  const attendance = withForms.reduce((sum, event) => sum + event.persons, 0);
  const rate = Math.min(1, responses / attendance);
  const perEvent = withForms.map((event) => Math.min(event.persons, Math.floor(event.persons * rate * (0.5 + random.next()))));
  let difference = responses - perEvent.reduce((sum, count) => sum + count, 0);
  for (let index = 0; difference !== 0 && index < perEvent.length * 4; index++) {
    const at = index % perEvent.length;
    if (difference > 0 && perEvent[at] < withForms[at].persons) (perEvent[at] += 1), (difference -= 1);
    if (difference < 0 && perEvent[at] > 0) (perEvent[at] -= 1), (difference += 1);
  }

  let responseRows: object[] = [];
  let answerRows: object[] = [];
  let answerCount = 0;
  let responseCount = 0;
  const flush = async () => {
    await insertRows(db, 'feedback_response', 'id integer, event_id integer, response_key text, language text, channel text', responseRows);
    await insertRows(db, 'feedback_answer', 'response_id integer, question_id integer, rating smallint, yes_no boolean, text_value text', answerRows, 50_000);
    responseCount += responseRows.length;
    answerCount += answerRows.length;
    responseRows = [];
    answerRows = [];
  };
  for (const [index, event] of withForms.entries()) {
    const own = questionsOfEvent.get(event.id)!;
    // some events go better than others
    const mood = random.next() * 0.3;
    for (let number = 1; number <= perEvent[index]; number++) {
      responseId += 1;
      responseRows.push({
        id: responseId,
        event_id: event.id,
        response_key: `b${String(number).padStart(3, '0')}`,
        language: random.chance(0.7) ? 'de' : random.pick(['tr', 'ar', 'ru', 'uk', 'en', 'fa']),
        channel: random.chance(0.8) ? 'paper' : 'online',
      });
      if (random.chance(0.03)) continue; // handed back empty
      for (const question of own) {
        if (question.kind === 'rating') {
          if (random.chance(0.07)) continue; // keine Angabe
          const point = random.next() + mood;
          const rating = point < 0.45 ? 1 : point < 0.8 ? 2 : point < 0.95 ? 3 : 4;
          answerRows.push({ response_id: responseId, question_id: question.id, rating, yes_no: null, text_value: null });
        } else if (question.kind === 'yes_no') {
          if (random.chance(0.7)) answerRows.push({ response_id: responseId, question_id: question.id, rating: null, yes_no: random.chance(0.85), text_value: null });
        } else if (random.chance(question.key === 'comment_more' ? 0.15 : 0.1)) {
          answerRows.push({ response_id: responseId, question_id: question.id, rating: null, yes_no: null, text_value: random.pick(comments) });
        }
      }
    }
    if (answerRows.length >= 100_000) await flush();
  }
  await flush();
  return { forms: forms.length, responses: responseCount, answers: answerCount };
}

const comments = [
  'Sehr hilfreich, vielen Dank!',
  'Mehr Zeit für Fragen wäre schön.',
  'Bitte öfter in unserer Region.',
  'Die Unterlagen vorher schicken.',
  'Gute Stimmung, nette Leute.',
  'Der Raum war zu klein.',
  'Übersetzung ins Arabische wäre hilfreich.',
];
