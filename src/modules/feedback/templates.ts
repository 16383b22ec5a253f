import { sql, type Kysely } from 'kysely';
import type { Database, EventFormat, QuestionKind } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import { ensureTemplateForm } from './forms.js';
import { questionsOf, type FormQuestion } from './queries.js';

/**
 * Editing the template form of a format. Events keep their own copy of the
 * form once answered: a change reaches only events whose form has no
 * responses yet (and every event that gets its form later).
 */

export const questionKinds: readonly QuestionKind[] = ['rating', 'yes_no', 'open'];
export const optionalLanguages = ['tr', 'ar', 'ru', 'uk'] as const;
export const maxQuestionLength = 500;

export interface TemplateQuestion {
  kind: QuestionKind;
  key: string | null;
  texts: Record<string, string>;
}

export interface TemplateRow extends TemplateQuestion {
  /** Index of the row on the page; existing questions first, then the empty rows for new ones. */
  index: number;
  order: number;
  remove: boolean;
  isNew: boolean;
}

export type TemplateProblem = 'deRequired' | 'enRequired' | 'kind' | 'tooLong' | 'empty';

export async function templateQuestions(db: Kysely<Database>, format: EventFormat): Promise<{ formId: number; questions: FormQuestion[] }> {
  const formId = await ensureTemplateForm(db, format);
  return { formId, questions: await questionsOf(db, formId) };
}

/** Rows of the edit form as submitted: `rows` existing ones plus empty ones for new questions. */
export function readTemplateRows(body: Record<string, unknown>, rows: number): TemplateRow[] {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  return Array.from({ length: rows }, (_, index): TemplateRow => {
    const texts: Record<string, string> = { de: text(`de_${index}`), en: text(`en_${index}`) };
    for (const language of optionalLanguages) if (text(`${language}_${index}`)) texts[language] = text(`${language}_${index}`);
    const order = Number(text(`order_${index}`));
    return {
      index,
      kind: text(`kind_${index}`) as QuestionKind,
      key: text(`key_${index}`) || null,
      texts,
      order: Number.isFinite(order) && text(`order_${index}`) !== '' ? order : index + 1,
      remove: text(`remove_${index}`) !== '',
      isNew: text(`new_${index}`) !== '',
    };
  });
}

/** The questions the rows ask for, in their order, or the problems (row index, problem). */
export function checkTemplateRows(rows: TemplateRow[]): { questions: TemplateQuestion[]; problems: { index: number; field: string; problem: TemplateProblem }[] } {
  const problems: { index: number; field: string; problem: TemplateProblem }[] = [];
  // a new row counts once something is typed into it
  const kept = rows.filter((row) => !row.remove && (!row.isNew || row.texts.de !== '' || row.texts.en !== ''));
  for (const row of kept) {
    if (!questionKinds.includes(row.kind)) problems.push({ index: row.index, field: `kind_${row.index}`, problem: 'kind' });
    if (row.texts.de === '') problems.push({ index: row.index, field: `de_${row.index}`, problem: 'deRequired' });
    if (row.texts.en === '') problems.push({ index: row.index, field: `en_${row.index}`, problem: 'enRequired' });
    const long = Object.entries(row.texts).find(([, value]) => value.length > maxQuestionLength);
    if (long) problems.push({ index: row.index, field: `${long[0]}_${row.index}`, problem: 'tooLong' });
  }
  if (kept.length === 0) problems.push({ index: 0, field: 'kind_0', problem: 'empty' });
  const questions = [...kept]
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map(({ kind, key, texts }) => ({ kind, key: kind === 'rating' ? null : key, texts }));
  return { questions, problems };
}

/** Replaces the template's questions and those of every unanswered event form of the format. */
export async function saveTemplate(db: Kysely<Database>, format: EventFormat, questions: TemplateQuestion[], accountId: number | null): Promise<{ updated: number; kept: number }> {
  const formId = await ensureTemplateForm(db, format);
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('feedback_question').where('form_id', '=', formId).execute();
    await trx
      .insertInto('feedback_question')
      .values(questions.map((question, index) => ({ form_id: formId, position: index + 1, kind: question.kind, key: question.key, texts: JSON.stringify(question.texts) })))
      .execute();
    const { rows: forms } = await sql<{ form_id: number; answered: boolean }>`
      select e.feedback_form_id as form_id, exists (select 1 from feedback_response r where r.event_id = e.id) as answered
      from event e where e.format = ${format} and e.feedback_form_id is not null`.execute(trx);
    const unanswered = forms.filter((form) => !form.answered).map((form) => form.form_id);
    if (unanswered.length > 0) {
      await trx.deleteFrom('feedback_question').where('form_id', 'in', unanswered).execute();
      await sql`
        insert into feedback_question (form_id, position, kind, key, texts)
        select f.id, q.position, q.kind, q.key, q.texts
        from feedback_question q cross join (select unnest(${sql.raw(`array[${unanswered.join(',')}]`)}::integer[]) as id) f
        where q.form_id = ${formId}`.execute(trx);
    }
    const outcome = { updated: unanswered.length, kept: forms.length - unanswered.length };
    await writeAudit(trx, { accountId, action: 'feedback.template.save', subjectType: 'feedback_form', subjectId: formId, details: { format, questions: questions.length, ...outcome } });
    return outcome;
  });
}
