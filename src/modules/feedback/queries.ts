import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, EventFormat, QuestionKind } from '../../db/tables.js';
import { assignDefaultForm } from './forms.js';

/** The event facts feedback pages show. */
export interface FeedbackEvent {
  id: number;
  event_key: string;
  title: string;
  format: EventFormat;
  start_date: string;
  municipality: string | null;
  organizer: 'centre' | 'partner';
}

export interface FormQuestion {
  id: number;
  position: number;
  kind: QuestionKind;
  key: string | null;
  texts: Record<string, string>;
}

export interface EventForm {
  event: FeedbackEvent;
  formId: number;
  questions: FormQuestion[];
}

const eventColumns = ['id', 'event_key', 'title', 'format', 'start_date', 'municipality', 'organizer', 'feedback_form_id'] as const;

/** An event with its own form (given its format's default form on first use), or undefined. */
export async function eventWithForm(db: Kysely<Database>, eventId: number): Promise<EventForm | undefined> {
  if (!Number.isSafeInteger(eventId) || eventId < 1 || eventId >= 2 ** 31) return undefined;
  const row = await db.selectFrom('event').select(eventColumns).where('id', '=', eventId).executeTakeFirst();
  if (!row) return undefined;
  const { feedback_form_id, ...event } = row;
  const formId = feedback_form_id ?? (await assignDefaultForm(db, event.id, event.format));
  return { event, formId, questions: await questionsOf(db, formId) };
}

export async function questionsOf(db: Kysely<Database>, formId: number): Promise<FormQuestion[]> {
  return db.selectFrom('feedback_question').select(['id', 'position', 'kind', 'key', 'texts']).where('form_id', '=', formId).orderBy('position').execute();
}

/** The number (1…n) of a rating question among the form's rating questions: the annex's and the import's q1…qn. */
export function ratingNumbers(questions: FormQuestion[]): Map<number, number> {
  return new Map(questions.filter((question) => question.kind === 'rating').map((question, index) => [question.id, index + 1]));
}

// Without 0/o, 1/l/i: a code read from paper is typed without guessing.
const codeAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** The short code of the event's online form (/f/<code>), created on first use. */
export async function feedbackCodeFor(db: Kysely<Database>, eventId: number): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const existing = await db.selectFrom('feedback_code').select('code').where('event_id', '=', eventId).executeTakeFirst();
    if (existing) return existing.code;
    const code = Array.from({ length: 6 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
    // a taken code or a concurrent first use: both leave nothing inserted, and the loop looks again
    await db.insertInto('feedback_code').values({ code, event_id: eventId }).onConflict((conflict) => conflict.doNothing()).execute();
  }
  throw new Error(`no free feedback code for event ${eventId}`);
}

export async function eventIdByCode(db: Kysely<Database>, code: string): Promise<number | undefined> {
  if (!/^[a-z0-9]{6}$/.test(code)) return undefined;
  const row = await db.selectFrom('feedback_code').select('event_id').where('code', '=', code).executeTakeFirst();
  return row?.event_id;
}
