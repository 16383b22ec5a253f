import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/tables.js';
import { cachedFigures, type ComputationGate } from './figures-cache.js';
import { reportFormats, type ImpactReport, type ReportFormat } from './schemas.js';

/**
 * The impact report (spec/exchange.md, "The impact report"): chapter 5 of the
 * evaluation report for any period. Three set-based statements, run together,
 * each aggregating in the database: participation counts (reach and formats),
 * grant years (grants and conversion), feedback. Each reads the big table it
 * needs once. JavaScript only shapes the few result rows (formats × years,
 * events × questions). Means are divided here, not in SQL, so that they are
 * the same double on both engines (numeric avg is decimal).
 *
 * Indexes relied on: participation_event_organisation (002_report_indexes.sql,
 * the pairs by index-only scan); from 001_foundation.sql event_period,
 * participation_organisation, consultation_organisation,
 * feedback_response (event_id, response_key) and feedback_answer's primary
 * key (response_id first).
 */

export { reportFormats } from './schemas.js';

export interface ReportPeriod {
  from: string;
  to: string;
}

type FormatCounts = ImpactReport['formats'][ReportFormat] & {};

/**
 * The impact report from the cache of figures (figures-cache.ts): computed
 * once per period and change of the data. Shared by every caller: read it,
 * never change it (copy what you filter).
 */
export function cachedImpactReport(db: Kysely<Database>, period: ReportPeriod, gate?: ComputationGate): Promise<Readonly<ImpactReport>> {
  return cachedFigures(db, `impact|${period.from}|${period.to}`, () => computeImpactReport(db, period), { size: (report) => 8192 + report.feedback.length * 600, gate });
}

export async function computeImpactReport(db: Kysely<Database>, period: ReportPeriod): Promise<ImpactReport> {
  const [{ reach, formats }, grants, feedback] = await Promise.all([participationCounts(db, period), grantYears(db, period), feedbackOf(db, period)]);
  const presentFormats = reportFormats.filter((format) => formats[format] !== undefined);
  return {
    period: { from: period.from, to: period.to },
    reach,
    formats,
    grants: grants.map(({ by_format, previous_approved, ...year }) => ({
      ...year,
      reached_by_format: Object.fromEntries(presentFormats.map((format) => [format, by_format?.[format] ?? 0])),
      change: previous_approved ? (year.approved - previous_approved) / previous_approved : null,
    })),
    // By the spec's definitions, the holders of year Y among a format's
    // attendees are exactly reached_by_format[format] of year Y: no statement of its own.
    conversion: Object.fromEntries(
      presentFormats.map((format) => [
        format,
        {
          organizations: formats[format]!.organizations,
          approved: Object.fromEntries(grants.map(({ year, by_format }) => [String(year), by_format?.[format] ?? 0])),
        },
      ]),
    ),
    feedback,
  };
}

/** Centre events of the period, both ends included (spec: "centre events"). */
function centreEvents(period: ReportPeriod): RawBuilder<unknown> {
  return sql`
    select id, event_key, title, format, start_date, feedback_form_id
    from event
    where organizer = 'centre' and start_date between ${period.from}::date and ${period.to}::date`;
}

interface FormatRow extends FormatCounts {
  format: ReportFormat;
}

/**
 * Reach and formats from one read of the participations: the (event,
 * organisation) pairs, then per (format, organisation). Totals are sums of
 * the few format rows; distinct organisations overall come from the
 * distribution by event count, whose values add up to them.
 */
async function participationCounts(db: Kysely<Database>, period: ReportPeriod): Promise<{ reach: ImpactReport['reach']; formats: ImpactReport['formats'] }> {
  const { rows } = await sql<FormatRow & { by_count: Record<string, number> }>`
    with centre_event as not materialized (${centreEvents(period)}),
    -- one row per (event, organisation), organisation null for the persons who came for none;
    -- grouped in the order of participation_event_organisation, so it streams
    pair as (
      select p.event_id, p.organisation_id, e.format, count(*) as persons
      from participation p join centre_event e on e.id = p.event_id
      group by p.event_id, p.organisation_id, e.format
    ),
    format_organisation as (
      select format, organisation_id, count(*) as participations, sum(persons) as persons
      from pair group by format, organisation_id
    ),
    per_format as (
      select format,
        count(organisation_id)::integer as organizations,
        coalesce(sum(participations) filter (where organisation_id is not null), 0)::integer as organization_participations,
        sum(persons)::integer as person_participations
      from format_organisation group by format
    ),
    per_organisation as (
      select organisation_id, sum(participations) as event_count
      from format_organisation where organisation_id is not null group by organisation_id
    ),
    events as (select format, count(*)::integer as events from centre_event group by format)
    select events.format, events.events,
      coalesce(per_format.organizations, 0) as organizations,
      coalesce(per_format.organization_participations, 0) as organization_participations,
      coalesce(per_format.person_participations, 0) as person_participations,
      (select coalesce(jsonb_object_agg(event_count::text, organisations), '{}'::jsonb)
         from (select event_count, count(*)::integer as organisations from per_organisation group by event_count) as k) as by_count
    from events
    left join per_format on per_format.format = events.format`.execute(db);
  const byFormat = new Map(rows.map(({ format, by_count: _, ...counts }) => [format, counts]));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const byCount = rows[0]?.by_count ?? {};
  const organizations = sum(Object.values(byCount));
  const organizationParticipations = sum(rows.map((row) => row.organization_participations));
  return {
    reach: {
      events: sum(rows.map((row) => row.events)),
      organizations,
      organization_participations: organizationParticipations,
      person_participations: sum(rows.map((row) => row.person_participations)),
      mean_events_per_organization: organizations === 0 ? 0 : organizationParticipations / organizations,
      organizations_by_event_count: byCount,
    },
    formats: Object.fromEntries(reportFormats.filter((format) => byFormat.has(format)).map((format) => [format, byFormat.get(format)!])),
  };
}

interface GrantYearRow {
  year: number;
  approved: number;
  new: number;
  follow_up: number;
  reached: number;
  reached_participations: number;
  consulted: number;
  supported: number;
  by_format: Partial<Record<ReportFormat, number>> | null;
  previous_approved: number | null;
}

/** Every year with an approved grant (whatever the period), and what its holders did in the period. */
async function grantYears(db: Kysely<Database>, period: ReportPeriod): Promise<GrantYearRow[]> {
  const { rows } = await sql<GrantYearRow>`
    with centre_event as not materialized (${centreEvents(period)}),
    approved as (
      select year, organisation_id, application_type from grant_application where status = 'approved'
    ),
    years as (
      select year, count(*)::integer as approved,
        count(*) filter (where application_type = 'new')::integer as new,
        count(*) filter (where application_type = 'follow_up')::integer as follow_up
      from approved group by year
    ),
    holder as (select distinct year, organisation_id from approved),
    -- organisation participations of holders only (whatever their years), per format
    holder_pair as (
      select distinct e.format, p.event_id, p.organisation_id
      from participation p
      join centre_event e on e.id = p.event_id
      where p.organisation_id in (select organisation_id from approved)
    ),
    organisation_format as (
      select organisation_id, format, count(*)::integer as participations from holder_pair group by organisation_id, format
    ),
    holder_format as (
      select h.year, h.organisation_id, f.format, f.participations
      from holder h join organisation_format f on f.organisation_id = h.organisation_id
    ),
    consulted as (
      select distinct organisation_id from consultation where consulted_on between ${period.from}::date and ${period.to}::date
    ),
    organisation_total as (
      select organisation_id, sum(participations)::integer as participations from organisation_format group by organisation_id
    ),
    holder_reach as (
      select h.year, coalesce(t.participations, 0) as participations, c.organisation_id is not null as consulted
      from holder h
      left join organisation_total t on t.organisation_id = h.organisation_id
      left join consulted c on c.organisation_id = h.organisation_id
    ),
    by_format as (
      select year, jsonb_object_agg(format, organisations) as by_format
      from (select year, format, count(*)::integer as organisations from holder_format group by year, format) as f
      group by year
    ),
    totals as (
      select year,
        count(*) filter (where participations > 0)::integer as reached,
        sum(participations)::integer as reached_participations,
        count(*) filter (where consulted)::integer as consulted,
        count(*) filter (where participations > 0 or consulted)::integer as supported
      from holder_reach group by year
    )
    select years.year, years.approved, years.new, years.follow_up,
      totals.reached, totals.reached_participations, totals.consulted, totals.supported,
      by_format.by_format, previous.approved as previous_approved
    from years
    join totals on totals.year = years.year
    left join by_format on by_format.year = years.year
    left join years as previous on previous.year = years.year - 1
    order by years.year`.execute(db);
  return rows;
}

interface FeedbackRow {
  event_key: string;
  title: string;
  start_date: string;
  format: ReportFormat;
  responses: number;
  questions: { position: number; n: number; sum: number }[];
}

/** Centre events with at least one form: every rating question of the event's form, by position. */
async function feedbackOf(db: Kysely<Database>, period: ReportPeriod): Promise<ImpactReport['feedback']> {
  // Each CTE is used once, so the planner sees the tables' statistics (a
  // materialised CTE joined to another has none, and the wild estimates
  // that follow switch on PostgreSQL's JIT compiler, which costs seconds).
  const { rows } = await sql<FeedbackRow>`
    with centre_event as not materialized (${centreEvents(period)}),
    responded as (
      select e.id, e.event_key, e.title, e.start_date, e.format, count(*)::integer as responses,
        -- an event's own form; its format's template if it never got one
        coalesce(e.feedback_form_id, (select t.id from feedback_form t where t.is_template and t.format = e.format)) as form_id
      from centre_event e join feedback_response r on r.event_id = e.id
      group by e.id, e.event_key, e.title, e.start_date, e.format, e.feedback_form_id
    ),
    rating as (
      select r.event_id, a.question_id, count(*)::integer as n, sum(a.rating)::integer as sum
      from centre_event e
      join feedback_response r on r.event_id = e.id
      join feedback_answer a on a.response_id = r.id
      where a.rating is not null
      group by r.event_id, a.question_id
    )
    select e.event_key, e.title, e.start_date, e.format, e.responses,
      coalesce(
        jsonb_agg(jsonb_build_object('position', q.position, 'n', coalesce(rating.n, 0), 'sum', coalesce(rating.sum, 0)) order by q.position)
          filter (where q.id is not null),
        '[]'::jsonb) as questions
    from responded e
    left join feedback_question q on q.form_id = e.form_id and q.kind = 'rating'
    left join rating on rating.event_id = e.id and rating.question_id = q.id
    group by e.id, e.event_key, e.title, e.start_date, e.format, e.responses
    order by e.start_date, e.event_key`.execute(db);
  return rows.map(({ questions, ...event }) => ({
    event_key: event.event_key,
    title: event.title,
    start_date: event.start_date,
    format: event.format,
    responses: event.responses,
    questions: questions.map(({ position, n, sum }) => ({ position, n, no_answer: event.responses - n, mean: n === 0 ? null : sum / n })),
  }));
}
