import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { assignDefaultForm, defaultFormQuestions, storeListedResponses } from '../feedback/index.js';
import type { ProblemList } from './errors.js';
import { findEvents, firstOccurrence, jsonTexts, rowsWithEvent, turnTaker, type StoreRows } from './context.js';
import { commentColumns, ratingColumns, type FeedbackRow } from './schemas.js';

/**
 * Returned feedback forms, one row each, identified by (event, response_key).
 * qN is the N-th *rating* question of the event's own form, counted by
 * position among the rating questions only (spec/exchange.md's "the form's
 * questions in order"): yes/no and open questions that staff put between them
 * in an edited template do not shift the numbers, and no q column ever fills
 * one of them. Paper entry names its fields the same way (ratingNumbers in
 * feedback/queries.ts), as does the annex's row order. comment_more and comment_improve
 * go to the open questions with those keys. A value for a question the form
 * does not have is refused, never stored. Tested in feedback.test.ts.
 */

interface FormQuestions {
  ratings: number[];
  open: Map<string, number>;
}

interface Answer {
  question_id: number;
  rating: number | null;
  text_value: string | null;
}

export const storeFeedback: StoreRows<FeedbackRow> = async (rows, context) => {
  const { db, problems } = context;
  const events = await findEvents(db, rows.map((row) => row.value.event_key));
  const forms = await loadForms(db, [...events.values()].flatMap((event) => (event.feedback_form_id === null ? [] : [event.feedback_form_id])));
  // events created before forms existed get their format's default form now;
  // the preview reads the questions that form would have (placeholder id -event)
  for (const event of events.values()) {
    if (event.feedback_form_id !== null) continue;
    if (context.preview) {
      event.feedback_form_id = -event.id;
      forms.set(event.feedback_form_id, questionsOf(await defaultFormQuestions(db, event.format)));
    } else {
      event.feedback_form_id = await assignDefaultForm(db, event.id, event.format);
      forms.set(event.feedback_form_id, (await loadForms(db, [event.feedback_form_id])).get(event.feedback_form_id)!);
    }
  }

  const seen = new Map<string, number>();
  const responses: { event_id: number; response_key: string; language: string | null; answers: Answer[] }[] = [];
  for (const { line, value } of rowsWithEvent(rows, events, problems)) {
    const event = events.get(value.event_key)!;
    const isNew = firstOccurrence(seen, `${event.id}|${value.response_key}`, line, 'response_key', problems, {
      de: `gleiche Veranstaltung, gleicher response_key „${value.response_key}“. Jeder Bogen braucht einen eigenen Schlüssel je Veranstaltung: nummerieren Sie die Bögen durch oder löschen Sie die doppelte Zeile.`,
      en: `same event, same response_key "${value.response_key}". Each form needs its own key per event: number the forms or delete the repeated line.`,
    });
    const answers = isNew ? answersOf(value, line, forms.get(event.feedback_form_id!)!, problems) : null;
    if (answers) responses.push({ event_id: event.id, response_key: value.response_key, language: value.language, answers });
  }
  return writeResponses(db, responses, context.source === 'demo' ? 'demo' : 'import', context.preview);
};

/** The row's answers, or null after reporting a value the form has no question for. */
function answersOf(value: FeedbackRow, line: number, form: FormQuestions, problems: ProblemList): Answer[] | null {
  const answers: Answer[] = [];
  let fits = true;
  ratingColumns.forEach((column, index) => {
    const rating = value[column];
    if (rating === null) return;
    const questionId = form.ratings[index];
    if (questionId === undefined) {
      fits = false;
      problems.add(line, column, 'no_such_question', {
        de: `Der Fragebogen dieser Veranstaltung hat nur ${form.ratings.length} Bewertungsfragen (q1 bis q${form.ratings.length}); ${column} muss leer bleiben. Prüfen Sie, ob die Zeile zur richtigen Veranstaltung gehört.`,
        en: `This event's form has only ${form.ratings.length} rating questions (q1 to q${form.ratings.length}); ${column} must stay empty. Check that the line belongs to the right event.`,
      });
    } else answers.push({ question_id: questionId, rating, text_value: null });
  });
  for (const column of commentColumns) {
    const text = value[column];
    if (text === null) continue;
    const questionId = form.open.get(column);
    if (questionId === undefined) {
      fits = false;
      problems.add(line, column, 'no_such_question', {
        de: `Der Fragebogen dieser Veranstaltung hat keine offene Frage ${column}; lassen Sie die Zelle leer.`,
        en: `This event's form has no open question ${column}; leave the cell empty.`,
      });
    } else answers.push({ question_id: questionId, rating: null, text_value: text });
  }
  return fits ? answers : null;
}

async function loadForms(db: Kysely<Database>, formIds: number[]): Promise<Map<number, FormQuestions>> {
  const forms = new Map(formIds.map((id): [number, FormQuestions] => [id, { ratings: [], open: new Map() }]));
  if (formIds.length === 0) return forms;
  const questions = await db
    .selectFrom('feedback_question')
    .select(['id', 'form_id', 'kind', 'key'])
    .where('form_id', 'in', formIds)
    .orderBy('form_id')
    .orderBy('position')
    .execute();
  const byForm = new Map<number, typeof questions>();
  for (const question of questions) byForm.set(question.form_id, [...(byForm.get(question.form_id) ?? []), question]);
  for (const formId of formIds) forms.set(formId, questionsOf(byForm.get(formId) ?? []));
  return forms;
}

/** A form's questions in order → its rating questions by position and its open questions by key. */
function questionsOf(questions: { id: number; kind: string; key: string | null }[]): FormQuestions {
  const form: FormQuestions = { ratings: [], open: new Map() };
  for (const question of questions) {
    if (question.kind === 'rating') form.ratings.push(question.id);
    else if (question.kind === 'open' && question.key) form.open.set(question.key, question.id);
  }
  return form;
}

const sameAnswers = (a: Answer[], b: Answer[]) => {
  const key = (answers: Answer[]) => answers.map((answer) => `${answer.question_id}:${answer.rating}:${answer.text_value}`).sort().join('\n');
  return key(a) === key(b);
};

/** Compares with what is stored, then has the feedback module write new and changed responses (yes/no answers from elsewhere stay). */
async function writeResponses(db: Kysely<Database>, responses: { event_id: number; response_key: string; language: string | null; answers: Answer[] }[], channel: 'import' | 'demo', preview: boolean) {
  const stored = await sql<{ id: number; event_id: number; response_key: string; language: string | null; answers: Answer[] }>`
    select r.id, r.event_id, r.response_key, r.language,
      coalesce(jsonb_agg(jsonb_build_object('question_id', a.question_id, 'rating', a.rating, 'text_value', a.text_value))
        filter (where a.question_id is not null), '[]') as answers
    from feedback_response r
    left join feedback_answer a on a.response_id = r.id and a.yes_no is null
    where r.event_id in (${sql.join([0, ...new Set(responses.map((response) => response.event_id))])})
      and r.response_key in ${jsonTexts(responses.map((response) => response.response_key))}
    group by r.id`.execute(db);
  const storedByKey = new Map(stored.rows.map((row) => [`${row.event_id}|${row.response_key}`, row]));

  const created = responses.filter((response) => !storedByKey.has(`${response.event_id}|${response.response_key}`));
  const changed = responses.flatMap((response) => {
    const before = storedByKey.get(`${response.event_id}|${response.response_key}`);
    return before && (before.language !== response.language || !sameAnswers(before.answers, response.answers)) ? [{ ...response, id: before.id }] : [];
  });

  const counts = { created: created.length, updated: changed.length, unchanged: responses.length - created.length - changed.length };
  if (preview) return counts;
  await storeListedResponses(db, { created, changed, channel }, turnTaker());
  return counts;
}
