import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/tables.js';
import { normaliseName } from '../names/index.js';

/** The consultation log: list with filters, one consultation, the follow-up reminders. */

export const channels = ['phone', 'in_person', 'email', 'video'] as const;
export type Channel = (typeof channels)[number];

/** A follow-up is "due" from this many days before its date; before, it is only planned. */
export const followUpHorizonDays = 7;

export interface ConsultationFilters {
  from?: string;
  to?: string;
  /** Organisation name or alias, any part of it (normalised). */
  organisation?: string;
  /** Consultations with any of these topics. */
  topics?: string[];
  channel?: Channel;
  /** Only consultations with an open follow-up due within the horizon (or overdue). */
  followUpDue?: boolean;
}

export interface ConsultationSummary {
  id: number;
  consultedOn: string;
  organisationId: number;
  organisationName: string;
  channel: Channel;
  /** The first topic: the import identity. */
  topic: string;
  /** All topics, the first being `topic`. */
  topics: string[];
  durationMinutes: number | null;
  followUpOn: string | null;
  followUpDone: boolean;
  referralStatus: 'proposed' | 'approved' | 'rejected' | null;
}

const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value == null ? null : String(value).slice(0, 10));

/** Today in the centre's time zone, as 'YYYY-MM-DD'. */
export const todayInBerlin = (now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);

export const addDays = (isoDay: string, days: number) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function filtersOf(filters: ConsultationFilters, today: string): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (filters.from) where.push(sql`c.consulted_on >= ${filters.from}::date`);
  if (filters.to) where.push(sql`c.consulted_on <= ${filters.to}::date`);
  // any of the topics; the gin index consultation_topics (034_consultations.sql) serves `&&`
  if (filters.topics && filters.topics.length > 0) where.push(sql`c.topics && array[${sql.join(filters.topics)}]::text[]`);
  if (filters.channel) where.push(sql`c.channel = ${filters.channel}`);
  const name = normaliseName(filters.organisation ?? '');
  // no escaping for `like`: the normalised text holds only letters, digits and spaces
  if (name) where.push(sql`exists (select 1 from organisation_name n where n.organisation_id = c.organisation_id and n.normalised_name like ${`%${name}%`})`);
  if (filters.followUpDue) where.push(sql`c.follow_up_done_at is null and c.follow_up_on <= ${addDays(today, followUpHorizonDays)}::date`);
  return where;
}

interface SummaryRow {
  id: number;
  consulted_on: string;
  organisation_id: number;
  organisation_name: string;
  channel: Channel;
  topic: string;
  topics: string[] | string;
  duration_minutes: number | null;
  follow_up_on: string | null;
  follow_up_done_at: Date | string | null;
  referral_status: ConsultationSummary['referralStatus'];
  total?: number | string;
}

/** text[] arrives as an array from both drivers; the literal form '{a,b}' is parsed just in case. */
export function topicArray(value: string[] | string | null | undefined, topic: string): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.startsWith('{')) {
    return value.slice(1, -1).split(',').filter(Boolean).map((entry) => entry.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1'));
  }
  return topic ? [topic] : [];
}

const toSummary = (row: SummaryRow): ConsultationSummary => ({
  id: row.id,
  consultedOn: day(row.consulted_on)!,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  channel: row.channel,
  topic: row.topic,
  topics: topicArray(row.topics, row.topic),
  durationMinutes: row.duration_minutes,
  followUpOn: day(row.follow_up_on),
  followUpDone: row.follow_up_done_at !== null,
  referralStatus: row.referral_status,
});

export async function searchConsultations(
  db: Kysely<Database>,
  filters: ConsultationFilters,
  page: { limit: number; offset: number; today?: string },
): Promise<{ total: number; items: ConsultationSummary[] }> {
  const where = filtersOf(filters, page.today ?? todayInBerlin());
  const { rows } = await sql<SummaryRow>`
    select c.id, c.consulted_on, c.organisation_id, o.name as organisation_name, c.channel, c.topic, c.topics, c.duration_minutes,
           c.follow_up_on, c.follow_up_done_at, c.referral_status, count(*) over () as total
    from consultation c
    join organisation o on o.id = c.organisation_id
    ${where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by c.consulted_on desc, c.id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return { total: rows.length > 0 ? Number(rows[0].total) : 0, items: rows.map(toSummary) };
}

/** Open follow-ups up to the horizon, the oldest first: the reminder list. */
export async function dueFollowUps(db: Kysely<Database>, today = todayInBerlin()): Promise<ConsultationSummary[]> {
  const { rows } = await sql<SummaryRow>`
    select c.id, c.consulted_on, c.organisation_id, o.name as organisation_name, c.channel, c.topic, c.topics, c.duration_minutes,
           c.follow_up_on, c.follow_up_done_at, c.referral_status
    from consultation c
    join organisation o on o.id = c.organisation_id
    where c.follow_up_on is not null and c.follow_up_done_at is null and c.follow_up_on <= ${addDays(today, followUpHorizonDays)}::date
    order by c.follow_up_on, c.id
    limit 500`.execute(db);
  return rows.map(toSummary);
}

export async function countDueFollowUps(db: Kysely<Database>, today = todayInBerlin()): Promise<number> {
  const row = await db
    .selectFrom('consultation')
    .select(sql<number>`count(*)::integer`.as('count'))
    .where('follow_up_on', 'is not', null)
    .where('follow_up_done_at', 'is', null)
    .where(sql<boolean>`follow_up_on <= ${addDays(today, followUpHorizonDays)}::date`)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface ConsultationRecord extends ConsultationSummary {
  persons: string | null;
  outcome: string | null;
  notes: string | null;
  source: string;
  followUpDoneAt: Date | null;
  referralExpert: string | null;
  referralCostEur: number | null;
  referralApprovedBy: string | null;
  /** The pool entry referred to (src/modules/experts), when picked from the pool. */
  referralExpertId: number | null;
  referralApprovedAt: Date | null;
  createdBy: string | null;
  /** The representative's request this consultation was logged for, if any. */
  requestId: number | null;
  /** The Wegweiser service the association was referred to (migrations/210), if any. */
  wegweiserServiceId: string | null;
}

export async function loadConsultation(db: Kysely<Database>, id: number): Promise<ConsultationRecord | null> {
  const row = await db
    .selectFrom('consultation as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .leftJoin('account as creator', 'creator.id', 'c.created_by')
    .leftJoin('account as approver', 'approver.id', 'c.referral_approved_by')
    .select([
      'c.id', 'c.consulted_on', 'c.organisation_id', 'o.name as organisation_name', 'c.channel', 'c.topic', 'c.topics', 'c.duration_minutes',
      'c.follow_up_on', 'c.follow_up_done_at', 'c.referral_status', 'c.persons', 'c.outcome', 'c.notes', 'c.source',
      'c.referral_expert', 'c.referral_expert_id', 'c.referral_cost_eur', 'c.referral_approved_at', 'creator.display_name as creator_name', 'approver.display_name as approver_name',
      'c.wegweiser_service_id',
    ])
    .select((eb) => eb.selectFrom('consultation_request as r').select('r.id').whereRef('r.consultation_id', '=', 'c.id').limit(1).as('request_id'))
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const done = row.follow_up_done_at;
  return {
    ...toSummary(row as unknown as SummaryRow),
    persons: row.persons,
    outcome: row.outcome,
    notes: row.notes,
    source: row.source,
    followUpDoneAt: done === null ? null : new Date(done),
    referralExpert: row.referral_expert,
    referralExpertId: row.referral_expert_id,
    referralCostEur: row.referral_cost_eur === null ? null : Number(row.referral_cost_eur),
    referralApprovedBy: row.approver_name ?? null,
    referralApprovedAt: row.referral_approved_at === null ? null : new Date(row.referral_approved_at),
    createdBy: row.creator_name ?? null,
    requestId: row.request_id ?? null,
    wegweiserServiceId: row.wegweiser_service_id,
  };
}
