import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, EventFormat, QuestionKind } from '../../db/tables.js';
import { cachedFigures, type ComputationGate } from '../reports/index.js';
import { reportFormats } from '../reports/index.js';
import type { FeedbackView } from './policy.js';

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

/** Staff's view: every event, open answers included (the CLI and the tests of the figures). */
const everything: FeedbackView = { districts: null, openAnswers: true };

/**
 * The annex from the cache of figures (src/modules/reports/figures-cache.ts):
 * computed once per query, view and change of the data. Shared by every
 * caller: read it, never change it.
 */
export function cachedAnnex(db: Kysely<Database>, query: AnnexQuery, view: FeedbackView = everything, gate?: ComputationGate): Promise<AnnexBlock[]> {
  const districts = view.districts === null ? '*' : JSON.stringify([...view.districts].sort());
  const key = `annex|${query.from}|${query.to}|${query.format ?? ''}|${districts}|${view.openAnswers}`;
  const cells = (blocks: AnnexBlock[]) => blocks.reduce((sum, block) => sum + block.events.length * (block.rows.length + 1), 0);
  return cachedFigures(db, key, () => computeAnnex(db, query, view), { size: (blocks) => 4096 + cells(blocks) * 120, gate });
}

/**
 * The annex as `view` (src/modules/feedback/policy.ts) may see it: a
 * coordinator's districts' events only, open answers only where the view
 * allows them (otherwise they are not even read).
 */
export async function computeAnnex(db: Kysely<Database>, query: AnnexQuery, view: FeedbackView = everything): Promise<AnnexBlock[]> {
  const districts = view.districts === null ? sql`` : view.districts.length === 0 ? sql`and false` : sql`and e.district in (${sql.join(view.districts)})`;
  const period = sql`e.organizer = 'centre' and e.start_date between ${query.from} and ${query.to} ${query.format ? sql`and e.format = ${query.format}` : sql``} ${districts}`;
  const events = await jsonRows<EventRow>(
    db,
    sql`select e.id, e.event_key, e.title, e.format, e.start_date, e.municipality,
      coalesce(e.feedback_form_id, (select t.id from feedback_form t where t.is_template and t.format = e.format)) as form_id,
      (select count(*)::integer from feedback_response r where r.event_id = e.id) as forms
    from event e
    where ${period}`,
    sql`x.start_date, x.event_key`,
  );
  // the questions of the forms of events with returned forms, German and English wording only
  const questions = await jsonRows<{ id: number; form_id: number; kind: QuestionKind; texts: { de: string | null; en: string | null } }>(
    db,
    sql`select q.id, q.form_id, q.position, q.kind, json_build_object('de', q.texts->>'de', 'en', q.texts->>'en') as texts
    from feedback_question q
    where q.form_id in (
      select coalesce(e.feedback_form_id, (select t.id from feedback_form t where t.is_template and t.format = e.format))
      from event e
      where ${period} and exists (select 1 from feedback_response r where r.event_id = e.id))`,
    sql`x.form_id, x.position`,
  );
  const cells = await answerCells(db, period, view.openAnswers);
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
      // readers of figures only get no row of open answers at all: an empty "–" would read as "nobody wrote"
      for (const question of (questionsOfForm.get(event.form_id ?? -1) ?? []).filter((item) => view.openAnswers || item.kind !== 'open')) {
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

/**
 * The cells of the period's events: counts from feedback_summary (one row per
 * event and question, kept by the triggers of 040_feedback_summary.sql) rather
 * than from the 900,000 answers of a national-scale database; the open answers'
 * texts from feedback_answer, in the order the forms came in.
 */
async function answerCells(db: Kysely<Database>, period: RawBuilder<unknown>, openAnswers: boolean): Promise<Map<string, AnnexCell>> {
  const counts = await jsonRows<{ event_id: number; question_id: number; rated: number; rating_sum: number; yes: number; no: number; texts: number }>(
    db,
    sql`select s.event_id, s.question_id, s.rated, s.rating_sum, s.yes, s.no, s.texts
    from feedback_summary s join event e on e.id = s.event_id
    where ${period} and s.answers > 0`,
    sql`x.event_id, x.question_id`,
  );
  const cells = new Map<string, AnnexCell>();
  for (const row of counts) {
    // N as before the summary: every rating, yes/no and text given (an empty answer row counts for nothing)
    cells.set(`${row.event_id}|${row.question_id}`, { n: row.rated + row.yes + row.no + row.texts, mean: row.rated === 0 ? null : row.rating_sum / row.rated, yes: row.yes, no: row.no, texts: [] });
  }
  if (openAnswers && counts.some((row) => row.texts > 0)) {
    const texts = await jsonRows<{ event_id: number; question_id: number; text_value: string; response_id: number }>(
      db,
      sql`select r.event_id, a.question_id, a.text_value, r.id as response_id
      from feedback_answer a join feedback_response r on r.id = a.response_id join event e on e.id = r.event_id
      where a.text_value is not null and ${period}`,
      sql`x.response_id`,
    );
    for (const text of texts) cells.get(`${text.event_id}|${text.question_id}`)?.texts.push(text.text_value);
  }
  return cells;
}

/**
 * The rows of a query as one JSON text, parsed here: PGlite hands over one
 * long string several times faster than tens of thousands of rows (at
 * national scale 0.35 s instead of 1.7 s for the summary's 47,000 cells).
 */
async function jsonRows<Row>(db: Kysely<Database>, query: RawBuilder<unknown>, orderBy: RawBuilder<unknown>): Promise<Row[]> {
  const { rows } = await sql<{ rows: string }>`select coalesce(json_agg(x order by ${orderBy}), '[]')::text as rows from (${query}) x`.execute(db);
  return JSON.parse(rows[0].rows) as Row[];
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
