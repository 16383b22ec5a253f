import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { inScope } from '../organisations/index.js';
import { eventScopeOf } from '../events/index.js';

/**
 * Who sees which feedback, in one place. Every way feedback leaves Mosaik —
 * the event's evaluation page, the annex as page and PDF, the dashboard's
 * feedback table and its CSV/XLSX, the impact report's JSON — asks this
 * policy and nothing else (src/modules/feedback/policy.test.ts checks each
 * of them for every role):
 *
 * | role                        | events                  | open answers | small cells                          |
 * |-----------------------------|-------------------------|--------------|--------------------------------------|
 * | admin, staff                | all                     | shown        | shown                                |
 * | coordinator                 | their districts' only   | shown        | shown                                |
 * | funder, evaluator           | all                     | never        | src/modules/reports/suppression.ts   |
 * | representative, anonymous   | none (no route lets them in)                                          |
 *
 * Open answers are free text that may name people (a moderator, a
 * participant): readers of aggregate figures never get them. Means come with
 * their N as the evaluation report prints them; the rule for which cells are
 * hidden is the one rule of suppression.ts, which hides nothing of a single
 * event's feedback (it is not broken down by district, municipality,
 * orientation, community or language).
 */

export interface FeedbackReader {
  id: number;
  role: Role;
}

export interface FeedbackView {
  /** null: every event; otherwise only events in these districts (none: no event). */
  districts: string[] | null;
  /** The free-text answers; false for readers of aggregate figures only. */
  openAnswers: boolean;
}

/** Roles that may read feedback figures at all (the routes' access lists say the same). */
export const feedbackReaders: readonly Role[] = ['admin', 'staff', 'coordinator', 'funder', 'evaluator'];

/** Roles that read figures only: never an open answer. */
export const figuresOnlyRoles: readonly Role[] = ['funder', 'evaluator'];

export const mayReadOpenAnswers = (role: Role) => feedbackReaders.includes(role) && !figuresOnlyRoles.includes(role);

/** What this account sees of feedback. An account that may read no feedback sees no event. */
export async function feedbackViewOf(db: Kysely<Database>, account: FeedbackReader | null | undefined): Promise<FeedbackView> {
  if (!account || !feedbackReaders.includes(account.role)) return { districts: [], openAnswers: false };
  const { districts } = account.role === 'coordinator' ? await eventScopeOf(db, account) : { districts: null };
  return { districts, openAnswers: mayReadOpenAnswers(account.role) };
}

/** Whether an event (by its district) is one this view may see. */
export const seesEvent = (view: FeedbackView, event: { district: string | null }) => inScope(view, event.district);

/** The open answers a view may see of a list of texts: all of them, or none. */
export const openAnswersFor = (view: FeedbackView, texts: string[]): string[] => (view.openAnswers ? texts : []);

/**
 * The impact report's per-event feedback entries this view may see (the
 * dashboard's feedback table, its exports and the report's JSON): a
 * coordinator gets their districts' events only. The report's other figures
 * are centre-wide totals and stay as they are.
 */
export async function feedbackEntriesFor<Entry extends { event_key: string }>(db: Kysely<Database>, view: FeedbackView, entries: Entry[]): Promise<Entry[]> {
  if (view.districts === null || entries.length === 0) return entries;
  const rows = await db.selectFrom('event').select(['event_key', 'district']).where('event_key', 'in', entries.map((entry) => entry.event_key)).execute();
  const visible = new Set(rows.filter((row) => seesEvent(view, row)).map((row) => row.event_key));
  return entries.filter((entry) => visible.has(entry.event_key));
}
