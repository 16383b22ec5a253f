import { sql, type Kysely } from 'kysely';
import type { Database, EventFormat } from '../../db/tables.js';
import type { OpenEntryCount } from '../concerns/index.js';
import type { Pseudonymiser } from './pseudonyms.js';
import type { FollowupStatus, InterviewChannel, InterviewKind } from './tables.js';
import './tables.js';

/**
 * What the workspace's pages read: events with their mark "observed", a
 * protocol with its workshops and needs and the event's feedback means,
 * interviews (organisations by pseudonym only), guides, reflection meetings
 * with their follow-ups, and the agenda since the last meeting. No name of
 * an organisation or person is ever selected.
 */

export interface ObservableEvent {
  id: number;
  title: string;
  format: EventFormat;
  startDate: string;
  organizer: 'centre' | 'partner';
  observed: boolean;
  needs: number;
}

/** Events of the period (all when no period), newest first, with whether they were observed. */
export async function observableEvents(db: Kysely<Database>, period: { from?: string; to?: string } = {}): Promise<ObservableEvent[]> {
  let query = db
    .selectFrom('event as e')
    .leftJoin('evaluation_observation as o', 'o.event_id', 'e.id')
    .select([
      'e.id',
      'e.title',
      'e.format',
      sql<string>`to_char(e.start_date, 'YYYY-MM-DD')`.as('startDate'),
      'e.organizer',
      sql<boolean>`o.id is not null`.as('observed'),
      sql<number>`(select count(*)::integer from observation_need n where n.observation_id = o.id)`.as('needs'),
    ]);
  if (period.from) query = query.where('e.start_date', '>=', period.from);
  if (period.to) query = query.where('e.start_date', '<=', period.to);
  return query.orderBy('e.start_date', 'desc').orderBy('e.id', 'desc').execute();
}

export interface FeedbackMeans {
  forms: number;
  /** Rating questions in the form's order: the German and English wording and the mean (1 best … 4). */
  ratings: { ordinal: number; de: string; en: string; n: number; mean: number | null }[];
}

/** The feedback evaluation of centre events of a period, by event id (through the feedback module's annex: figures, never open answers). */
export async function feedbackMeansOf(db: Kysely<Database>, from: string, to: string): Promise<Map<number, FeedbackMeans>> {
  const { computeAnnex } = await import('../feedback/index.js');
  const blocks = await computeAnnex(db, { from, to }, { districts: null, openAnswers: false });
  const means = new Map<number, FeedbackMeans>();
  for (const block of blocks) {
    block.events.forEach((event, column) => {
      const ratings = block.rows
        .filter((row) => row.kind === 'rating' && row.cells[column])
        .map((row) => ({ ordinal: row.ordinal, de: row.texts.de[0] ?? '', en: row.texts.en[0] ?? row.texts.de[0] ?? '', n: row.cells[column]!.n, mean: row.cells[column]!.mean }));
      means.set(event.id, { forms: event.forms, ratings });
    });
  }
  return means;
}

/** The mean of an event's rating means (one figure for an agenda line), or null. */
export const overallMean = (feedback: FeedbackMeans | undefined) => {
  const values = (feedback?.ratings ?? []).map((rating) => rating.mean).filter((mean): mean is number => mean !== null);
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
};

export interface Protocol {
  event: { id: number; title: string; format: EventFormat; startDate: string; organizer: 'centre' | 'partner' };
  observation: { course: string; topics: string; worked: string; suggestions: string; updatedAt: Date } | null;
  needs: string[];
  /** The topic chosen for the event's own needs (that of its first need; 'other' without needs). */
  needsTopic: string;
  workshops: { title: string; notes: string; needs: string[]; needsTopic: string }[];
  /** How many of the needs are entries of the needs log (concerns module). */
  loggedNeeds: number;
  feedback: FeedbackMeans | null;
}

export async function protocolOf(db: Kysely<Database>, eventId: number): Promise<Protocol | undefined> {
  const event = await db
    .selectFrom('event')
    .select(['id', 'title', 'format', sql<string>`to_char(start_date, 'YYYY-MM-DD')`.as('startDate'), 'organizer'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!event) return undefined;
  const observation = await db.selectFrom('evaluation_observation').select(['id', 'course', 'topics', 'worked', 'suggestions', 'updated_at as updatedAt']).where('event_id', '=', eventId).executeTakeFirst();
  const [needs, workshops] = observation
    ? await Promise.all([
        db.selectFrom('observation_need').select(['text', 'topic', 'workshop_id', 'concern_entry_id']).where('observation_id', '=', observation.id).orderBy('position').execute(),
        db.selectFrom('evaluation_observation_workshop').select(['id', 'title', 'notes']).where('observation_id', '=', observation.id).orderBy('position').execute(),
      ])
    : [[], []];
  // one topic per part of the protocol (the form has one select per part), read from its first need
  const topicOf = (workshopId: number | null) => needs.find((need) => need.workshop_id === workshopId)?.topic ?? 'other';
  const feedback = event.organizer === 'centre' ? ((await feedbackMeansOf(db, event.startDate, event.startDate)).get(event.id) ?? null) : null;
  return {
    event,
    observation: observation ? { course: observation.course, topics: observation.topics, worked: observation.worked, suggestions: observation.suggestions, updatedAt: observation.updatedAt } : null,
    needs: needs.filter((need) => need.workshop_id === null).map((need) => need.text),
    needsTopic: topicOf(null),
    workshops: workshops.map((workshop) => ({ title: workshop.title, notes: workshop.notes, needs: needs.filter((need) => need.workshop_id === workshop.id).map((need) => need.text), needsTopic: topicOf(workshop.id) })),
    loggedNeeds: needs.filter((need) => need.concern_entry_id !== null).length,
    feedback,
  };
}

export interface GuideRow {
  id: number;
  guideKey: string;
  version: number;
  kind: InterviewKind;
  title: string;
  questions: string;
  createdAt: Date;
  /** Whether a newer version of the same guide exists. */
  superseded: boolean;
  interviews: number;
}

export async function guides(db: Kysely<Database>): Promise<GuideRow[]> {
  return db
    .selectFrom('evaluation_interview_guide as g')
    .select([
      'g.id',
      'g.guide_key as guideKey',
      'g.version',
      'g.kind',
      'g.title',
      'g.questions',
      'g.created_at as createdAt',
      sql<boolean>`exists (select 1 from evaluation_interview_guide n where n.guide_key = g.guide_key and n.version > g.version)`.as('superseded'),
      sql<number>`(select count(*)::integer from evaluation_interview i where i.guide_id = g.id)`.as('interviews'),
    ])
    .orderBy('g.guide_key')
    .orderBy('g.version', 'desc')
    .execute();
}

export interface InterviewRow {
  id: number;
  heldOn: string;
  kind: InterviewKind;
  channel: InterviewChannel;
  durationMinutes: number | null;
  guideId: number;
  guideTitle: string;
  guideVersion: number;
  /** The organisation's pseudonym, never its name. */
  organisation: string | null;
  consentSignedOn: string;
  consentVersion: string;
  notes: string | null;
  notesErased: boolean;
  portrait: string;
  /** The day the consent was withdrawn (YYYY-MM-DD), or null. */
  consentWithdrawnOn: string | null;
}

const interviewColumns = [
  'i.id',
  sql<string>`to_char(i.held_on, 'YYYY-MM-DD')`.as('heldOn'),
  'i.kind',
  'i.channel',
  'i.duration_minutes as durationMinutes',
  'i.guide_id as guideId',
  'g.title as guideTitle',
  'g.version as guideVersion',
  'i.organisation_id',
  sql<string>`to_char(i.consent_signed_on, 'YYYY-MM-DD')`.as('consentSignedOn'),
  'i.consent_version as consentVersion',
  'i.notes',
  sql<boolean>`i.notes_erased_at is not null`.as('notesErased'),
  'i.portrait',
  sql<string | null>`to_char(i.consent_withdrawn_on, 'YYYY-MM-DD')`.as('consentWithdrawnOn'),
] as const;

export async function interviews(db: Kysely<Database>, pseudonyms: Pseudonymiser, id?: number): Promise<InterviewRow[]> {
  let query = db.selectFrom('evaluation_interview as i').innerJoin('evaluation_interview_guide as g', 'g.id', 'i.guide_id').select(interviewColumns);
  if (id !== undefined) query = query.where('i.id', '=', id);
  const rows = await query.orderBy('i.held_on', 'desc').orderBy('i.id', 'desc').execute();
  return rows.map(({ organisation_id, ...row }) => ({ ...row, organisation: organisation_id === null ? null : pseudonyms.organisation(organisation_id) }));
}

export interface FollowupRow {
  id: number;
  reflectionId: number;
  heldOn: string;
  position: number;
  task: string;
  owner: string;
  dueOn: string;
  status: FollowupStatus;
  outcome: string | null;
}

export interface ReflectionRow {
  id: number;
  heldOn: string;
  agenda: string;
  decisions: string;
  followups: FollowupRow[];
}

export async function reflections(db: Kysely<Database>): Promise<ReflectionRow[]> {
  const [meetings, followups] = await Promise.all([
    db.selectFrom('evaluation_reflection').select(['id', sql<string>`to_char(held_on, 'YYYY-MM-DD')`.as('heldOn'), 'agenda', 'decisions']).orderBy('held_on', 'desc').orderBy('id', 'desc').execute(),
    db
      .selectFrom('evaluation_followup as f')
      .innerJoin('evaluation_reflection as r', 'r.id', 'f.reflection_id')
      .select(['f.id', 'f.reflection_id as reflectionId', sql<string>`to_char(r.held_on, 'YYYY-MM-DD')`.as('heldOn'), 'f.position', 'f.task', 'f.owner', sql<string>`to_char(f.due_on, 'YYYY-MM-DD')`.as('dueOn'), 'f.status', 'f.outcome'])
      .orderBy('f.position')
      .execute(),
  ]);
  return meetings.map((meeting) => ({ ...meeting, followups: followups.filter((followup) => followup.reflectionId === meeting.id) }));
}

/** The follow-ups of the meetings before this day: what the next meeting asks about. */
export const previousFollowups = (all: ReflectionRow[], heldOn: string, exceptId?: number) =>
  all.filter((meeting) => meeting.id !== exceptId && meeting.heldOn <= heldOn).flatMap((meeting) => meeting.followups);

export interface AgendaItem {
  startDate: string;
  title: string;
  format: EventFormat;
  organizer: 'centre' | 'partner';
  forms: number;
  mean: number | null;
  observed: boolean;
}

/** What happened since the last meeting (after `since`, up to and including `until`): events, their feedback means, observations. */
export async function agendaSince(db: Kysely<Database>, since: string | null, until: string): Promise<AgendaItem[]> {
  const from = since ?? '1900-01-01';
  const events = (await observableEvents(db, { from, to: until })).filter((event) => since === null || event.startDate > since).reverse();
  const feedback = await feedbackMeansOf(db, from, until);
  return events.map((event) => ({ startDate: event.startDate, title: event.title, format: event.format, organizer: event.organizer, forms: feedback.get(event.id)?.forms ?? 0, mean: overallMean(feedback.get(event.id)), observed: event.observed }));
}

/**
 * The open needs and concerns of the needs log for the agenda, counted by
 * kind, state and topic (the concerns module's face): counts only, so that
 * no name written into an entry reaches the pseudonymised workspace.
 */
export async function openConcernsForAgenda(db: Kysely<Database>, since: string | null): Promise<OpenEntryCount[]> {
  const { openEntryCounts } = await import('../concerns/index.js');
  return openEntryCounts(db, since);
}

export async function evaluationEnd(db: Kysely<Database>): Promise<string | null> {
  return (await db.selectFrom('evaluation_setting').select('value').where('name', '=', 'ends_on').executeTakeFirst())?.value ?? null;
}
