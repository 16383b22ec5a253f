import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../src/db/tables.js';
import type { ImpactReport } from '../src/modules/reports/index.js';

/**
 * The floor of the report benchmark: the figures of the impact report
 * (spec/exchange.md) by hand-written SQL, one statement per section, each
 * returning its section as JSON, so that nothing but assembling happens in
 * JavaScript. test/bench-floor.test.ts proves the document deep-equals
 * computeImpactReport's, so the benchmark compares like with like.
 * The statements run concurrently, as the report's do (on PostgreSQL each
 * takes a pool connection; PGlite runs them one after another).
 * Means are float8 divisions: the same double as a division in JavaScript.
 */

export interface Period {
  from: string;
  to: string;
}

export async function computeFloorReport(db: Kysely<Database>, period: Period): Promise<ImpactReport> {
  const [reach, formats, grants, conversion, feedback] = await Promise.all(
    [reachSection, formatsSection, grantsSection, conversionSection, feedbackSection].map(async (section) => {
      const { rows } = await section(period).execute(db);
      return (rows[0] as { section: unknown }).section;
    }),
  );
  return { period: { from: period.from, to: period.to }, reach, formats, grants, conversion, feedback } as ImpactReport;
}

/** Centre events of the period and their organisation participations: the start of every section. */
const centre = (period: Period) => sql`
  centre_event as (
    select id, event_key, title, format, start_date, feedback_form_id from event
    where organizer = 'centre' and start_date between ${period.from}::date and ${period.to}::date
  ),
  organisation_participation as (
    select distinct p.event_id, p.organisation_id, e.format
    from participation p join centre_event e on e.id = p.event_id
    where p.organisation_id is not null
  )`;

type Section = (period: Period) => RawBuilder<unknown>;

const reachSection: Section = (period) => sql`
  with ${centre(period)},
  per_organisation as (select organisation_id, count(*) as events from organisation_participation group by organisation_id),
  totals as (
    select
      (select count(*) from centre_event) as events,
      (select count(*) from per_organisation) as organizations,
      (select count(*) from organisation_participation) as organization_participations,
      (select count(*) from participation p join centre_event e on e.id = p.event_id) as person_participations
  )
  select json_build_object(
    'events', events,
    'organizations', organizations,
    'organization_participations', organization_participations,
    'person_participations', person_participations,
    'mean_events_per_organization', case when organizations = 0 then 0 else organization_participations::float8 / organizations end,
    'organizations_by_event_count', (
      select coalesce(json_object_agg(events::text, organisations), '{}'::json)
      from (select events, count(*) as organisations from per_organisation group by events) as k)
  ) as section
  from totals`;

const formatsSection: Section = (period) => sql`
  with ${centre(period)},
  events as (select format, count(*) as events from centre_event group by format),
  persons as (select e.format, count(*) as persons from participation p join centre_event e on e.id = p.event_id group by e.format),
  organisations as (
    select format, count(*) as participations, count(distinct organisation_id) as organisations
    from organisation_participation group by format
  )
  select coalesce(json_object_agg(events.format, json_build_object(
    'events', events.events,
    'organizations', coalesce(organisations.organisations, 0),
    'organization_participations', coalesce(organisations.participations, 0),
    'person_participations', coalesce(persons.persons, 0))), '{}'::json) as section
  from events
  left join organisations on organisations.format = events.format
  left join persons on persons.format = events.format`;

const grantsSection: Section = (period) => sql`
  with ${centre(period)},
  present_format as (select distinct format from centre_event),
  per_format as (select organisation_id, format, count(*) as participations from organisation_participation group by organisation_id, format),
  per_organisation as (select organisation_id, sum(participations) as participations from per_format group by organisation_id),
  consulted as (
    select distinct organisation_id from consultation
    where consulted_on between ${period.from}::date and ${period.to}::date
  ),
  approved as (select year, organisation_id, application_type from grant_application where status = 'approved'),
  years as (
    select year, count(*) as approved,
      count(*) filter (where application_type = 'new') as new,
      count(*) filter (where application_type = 'follow_up') as follow_up
    from approved group by year
  ),
  holder as (select distinct year, organisation_id from approved),
  holder_totals as (
    select h.year,
      count(o.organisation_id) as reached,
      coalesce(sum(o.participations), 0) as reached_participations,
      count(c.organisation_id) as consulted,
      count(*) filter (where o.organisation_id is not null or c.organisation_id is not null) as supported
    from holder h
    left join per_organisation o on o.organisation_id = h.organisation_id
    left join consulted c on c.organisation_id = h.organisation_id
    group by h.year
  ),
  holder_format as (
    select y.year, f.format, count(pf.organisation_id) as organisations
    from years y
    cross join present_format f
    left join (holder h join per_format pf on pf.organisation_id = h.organisation_id) on h.year = y.year and pf.format = f.format
    group by y.year, f.format
  ),
  by_format as (select year, json_object_agg(format, organisations) as formats from holder_format group by year)
  select coalesce(json_agg(json_build_object(
    'year', y.year,
    'approved', y.approved,
    'new', y.new,
    'follow_up', y.follow_up,
    'reached', t.reached,
    'reached_participations', t.reached_participations,
    'reached_by_format', coalesce(b.formats, '{}'::json),
    'consulted', t.consulted,
    'supported', t.supported,
    'change', case when previous.approved is null then null else (y.approved - previous.approved)::float8 / previous.approved end
  ) order by y.year), '[]'::json) as section
  from years y
  join holder_totals t on t.year = y.year
  left join by_format b on b.year = y.year
  left join years previous on previous.year = y.year - 1`;

const conversionSection: Section = (period) => sql`
  with ${centre(period)},
  attendee as (select distinct format, organisation_id from organisation_participation),
  holder as (select distinct year, organisation_id from grant_application where status = 'approved'),
  grant_year as (select distinct year from holder),
  per_year as (
    select a.format, y.year, count(h.organisation_id) as organisations
    from (select distinct format from attendee) a
    cross join grant_year y
    left join (attendee x join holder h on h.organisation_id = x.organisation_id) on x.format = a.format and h.year = y.year
    group by a.format, y.year
  ),
  format_row as (
    select format, count(*) as organisations,
      (select coalesce(json_object_agg(p.year::text, p.organisations), '{}'::json) from per_year p where p.format = attendee.format) as approved
    from attendee group by format
  )
  select coalesce(json_object_agg(f.format, json_build_object(
    'organizations', coalesce(r.organisations, 0),
    'approved', coalesce(r.approved, (select coalesce(json_object_agg(year::text, 0), '{}'::json) from grant_year)))), '{}'::json) as section
  from (select distinct format from centre_event) f
  left join format_row r on r.format = f.format`;

const feedbackSection: Section = (period) => sql`
  with ${centre(period)},
  responded as (
    select r.event_id, count(*) as responses
    from feedback_response r join centre_event e on e.id = r.event_id
    group by r.event_id
  ),
  question as (
    select e.id as event_id, q.id, q.position
    from centre_event e
    join responded on responded.event_id = e.id
    join feedback_question q on q.kind = 'rating' and q.form_id = coalesce(e.feedback_form_id,
      (select t.id from feedback_form t where t.is_template and t.format = e.format))
  ),
  rating as (
    select fr.event_id, a.question_id, count(*) as n, sum(a.rating) as total
    from responded r
    join feedback_response fr on fr.event_id = r.event_id
    join feedback_answer a on a.response_id = fr.id
    where a.rating is not null
    group by fr.event_id, a.question_id
  ),
  per_event as (
    select q.event_id, json_agg(json_build_object(
      'position', q.position,
      'n', coalesce(rating.n, 0),
      'no_answer', responded.responses - coalesce(rating.n, 0),
      'mean', case when rating.n is null then null else rating.total::float8 / rating.n end
    ) order by q.position) as questions
    from question q
    join responded on responded.event_id = q.event_id
    left join rating on rating.event_id = q.event_id and rating.question_id = q.id
    group by q.event_id
  )
  select coalesce(json_agg(json_build_object(
    'event_key', e.event_key,
    'title', e.title,
    'start_date', e.start_date,
    'format', e.format,
    'responses', r.responses,
    'questions', coalesce(per_event.questions, '[]'::json)
  ) order by e.start_date, e.event_key), '[]'::json) as section
  from centre_event e
  join responded r on r.event_id = e.id
  left join per_event on per_event.event_id = e.id`;
