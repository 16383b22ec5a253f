import { sql, type Kysely } from 'kysely';
import type { Database, EventFormat, QuestionKind } from '../../db/tables.js';
import { reportFormats } from '../reports/schemas.js';

/**
 * The feedback annex of a period, laid out like the evaluation report's: one
 * block per format, the centre's events of that format as columns (in date
 * order), the questions as rows. A question's row is its place among the
 * form's questions of its kind (rating q1…qn as the import numbers them), so
 * events whose forms differ slightly still line up; differing wordings are
 * shown together.
 */

export interface AnnexQuery {
  from: string;
  to: string;
  format?: EventFormat;
}

export interface AnnexEvent {
  id: number;
  event_key: string;
  title: string;
  start_date: string;
  municipality: string | null;
  forms: number;
}

export interface AnnexCell {
  n: number;
  mean: number | null;
  yes: number;
  no: number;
  texts: string[];
}

export interface AnnexRow {
  kind: QuestionKind;
  /** 1-based place among the questions of this kind. */
  ordinal: number;
  /** The distinct German wordings (usually one), and the English ones. */
  texts: { de: string[]; en: string[] };
  /** One per event of the block; null where the event's form has no such question. */
  cells: (AnnexCell | null)[];
}

export interface AnnexBlock {
  format: EventFormat;
  events: AnnexEvent[];
  rows: AnnexRow[];
  /** Events of the format in the period without returned forms. */
  withoutForms: { event_key: string; title: string; start_date: string }[];
}

interface EventRow extends AnnexEvent {
  format: EventFormat;
  form_id: number | null;
}

export async function computeAnnex(db: Kysely<Database>, query: AnnexQuery): Promise<AnnexBlock[]> {
  const formatFilter = query.format ? sql`and e.format = ${query.format}` : sql``;
  const { rows: events } = await sql<EventRow>`
    select e.id, e.event_key, e.title, e.format, e.start_date, e.municipality,
      coalesce(e.feedback_form_id, (select t.id from feedback_form t where t.is_template and t.format = e.format)) as form_id,
      (select count(*)::integer from feedback_response r where r.event_id = e.id) as forms
    from event e
    where e.organizer = 'centre' and e.start_date between ${query.from} and ${query.to} ${formatFilter}
    order by e.start_date, e.event_key`.execute(db);
  const answered = events.filter((event) => event.forms > 0);
  const formIds = [...new Set(answered.flatMap((event) => (event.form_id === null ? [] : [event.form_id])))];
  const questions = formIds.length === 0 ? [] : await db.selectFrom('feedback_question').select(['id', 'form_id', 'position', 'kind', 'texts']).where('form_id', 'in', formIds).orderBy('form_id').orderBy('position').execute();
  const cells = await answerCells(db, answered.map((event) => event.id));
  // questions per form, looked up once per event column (thousands of events at national scale)
  const questionsOfForm = new Map<number, typeof questions>();
  for (const question of questions) {
    const list = questionsOfForm.get(question.form_id);
    if (list) list.push(question);
    else questionsOfForm.set(question.form_id, [question]);
  }

  return reportFormats.flatMap((format): AnnexBlock[] => {
    const ofFormat = events.filter((event) => event.format === format);
    const columns = ofFormat.filter((event) => event.forms > 0);
    if (ofFormat.length === 0) return [];
    const rows: AnnexRow[] = [];
    columns.forEach((event, column) => {
      const ordinals = new Map<QuestionKind, number>();
      for (const question of questionsOfForm.get(event.form_id ?? -1) ?? []) {
        const ordinal = (ordinals.get(question.kind) ?? 0) + 1;
        ordinals.set(question.kind, ordinal);
        let row = rows.find((item) => item.kind === question.kind && item.ordinal === ordinal);
        if (!row) {
          row = { kind: question.kind, ordinal, texts: { de: [], en: [] }, cells: columns.map(() => null) };
          rows.push(row);
        }
        for (const language of ['de', 'en'] as const) {
          const text = question.texts[language] ?? question.texts.de;
          if (text && !row.texts[language].includes(text)) row.texts[language].push(text);
        }
        row.cells[column] = cells.get(`${event.id}|${question.id}`) ?? { n: 0, mean: null, yes: 0, no: 0, texts: [] };
      }
    });
    const kindOrder: QuestionKind[] = ['rating', 'yes_no', 'open'];
    rows.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.ordinal - b.ordinal);
    return [
      {
        format,
        events: columns.map(({ form_id: _form, format: _format, ...event }) => event),
        rows,
        withoutForms: ofFormat.filter((event) => event.forms === 0).map(({ event_key, title, start_date }) => ({ event_key, title, start_date })),
      },
    ];
  });
}

async function answerCells(db: Kysely<Database>, eventIds: number[]): Promise<Map<string, AnnexCell>> {
  if (eventIds.length === 0) return new Map();
  const { rows } = await sql<{ event_id: number; question_id: number; n: number; sum: number | null; yes: number; no: number; texts: string[] | null }>`
    select r.event_id, a.question_id,
      count(a.rating)::integer as n, sum(a.rating)::integer as sum,
      (count(*) filter (where a.yes_no))::integer as yes,
      (count(*) filter (where not a.yes_no))::integer as no,
      jsonb_agg(a.text_value order by r.id) filter (where a.text_value is not null) as texts
    from feedback_response r join feedback_answer a on a.response_id = r.id
    where r.event_id in (${sql.join(eventIds)})
    group by r.event_id, a.question_id`.execute(db);
  return new Map(
    rows.map((row) => [
      `${row.event_id}|${row.question_id}`,
      { n: row.n + row.yes + row.no + (row.texts?.length ?? 0), mean: row.n === 0 || row.sum === null ? null : row.sum / row.n, yes: row.yes, no: row.no, texts: row.texts ?? [] },
    ]),
  );
}

/**
 * A mean as the annex prints it, German notation: one decimal, or two where
 * the mean is an exact quarter (1,25; 1,75) — with four forms the report
 * prints those rather than round them to a misleading 1,3 or 1,8.
 */
export function printMean(mean: number, language: 'de' | 'en' = 'de'): string {
  const quarter = Math.abs(mean * 4 - Math.round(mean * 4)) < 1e-9 && Math.abs(mean * 2 - Math.round(mean * 2)) > 1e-9;
  const decimals = quarter ? 2 : 1;
  const factor = 10 ** decimals;
  const text = (Math.round(mean * factor + 1e-9) / factor).toFixed(decimals);
  return language === 'de' ? text.replace('.', ',') : text;
}
