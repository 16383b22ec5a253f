import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import './tables.js';

/**
 * Reads of the dialogue forums (events of the format dialogue_forum): the
 * list, one forum with its staff and outcomes, and the staffing proposals.
 */

type Db = Kysely<Database>;

const inDistricts = (districts: string[] | null) => (districts === null ? sql<boolean>`true` : sql<boolean>`ev.district = any(${sql.val(districts)}::text[])`);

export async function listForums(db: Db, districts: string[] | null) {
  return db.selectFrom('event as ev')
    .select(['ev.id', 'ev.title', 'ev.start_date', 'ev.district', 'ev.municipality'])
    .select((eb) => [
      eb.selectFrom('expert_event as x').whereRef('x.event_id', '=', 'ev.id').where('x.role', '=', 'moderator').select(sql<number>`count(*)::int`.as('n')).as('moderators'),
      eb.selectFrom('expert_event as x').whereRef('x.event_id', '=', 'ev.id').where('x.role', '<>', 'moderator').select(sql<number>`count(*)::int`.as('n')).as('experts'),
      eb.selectFrom('expert_forum_outcome as f').whereRef('f.event_id', '=', 'ev.id').select(sql<number>`count(*)::int`.as('n')).as('outcomes'),
    ])
    .where('ev.format', '=', 'dialogue_forum').where(inDistricts(districts))
    .orderBy('ev.start_date', 'desc').orderBy('ev.id').limit(200).execute();
}

/** A forum by its event id; undefined when the event is not a dialogue forum. */
export const forumById = (db: Db, id: number) =>
  db.selectFrom('event as ev').select(['ev.id', 'ev.title', 'ev.start_date', 'ev.district', 'ev.municipality', 'ev.cooperation_partners'])
    .where('ev.id', '=', id).where('ev.format', '=', 'dialogue_forum').executeTakeFirst();

export type Forum = NonNullable<Awaited<ReturnType<typeof forumById>>>;

/** Who is booked for the forum, moderators first. Withdrawn entries show as such: the booking was history. */
export const staffOfForum = (db: Db, eventId: number) =>
  db.selectFrom('expert_event as x').innerJoin('expert as e', 'e.id', 'x.expert_id').leftJoin('organisation as o', 'o.id', 'e.organisation_id')
    .select(['e.id', 'e.full_name', 'e.kind', 'e.languages', 'e.topics', 'x.role', 'o.name as organisation_name', 'e.consent_withdrawn_on'])
    .where('x.event_id', '=', eventId)
    .orderBy(sql`case x.role when 'moderator' then 0 else 1 end`).orderBy('e.full_name').execute();

export const outcomesOfForum = (db: Db, eventId: number) =>
  db.selectFrom('expert_forum_outcome').selectAll().where('event_id', '=', eventId)
    .orderBy(sql`case kind when 'agreement' then 0 when 'next_step' then 1 else 2 end`).orderBy('id').execute();

export interface Proposal {
  id: number;
  full_name: string;
  kind: string;
  topics: string[];
  languages: string[];
  districts: string[];
  organisation_name: string | null;
  /** How well the entry fits: the topic 2, the language 1, the forum's own district 1. */
  score: number;
  /** The title of the event the entry is already booked for on the forum's day, if any. */
  busy_with: string | null;
  /** The last day of an absence covering the forum's day, if any. */
  away_until: string | null;
}

/**
 * Who could staff the forum: entries in the pool (consent holds) who work in
 * the forum's district or in all of Hessen and are not booked for it yet,
 * best fit first; those booked elsewhere on the same day or away then come last, marked.
 */
export async function proposalsFor(db: Db, forum: Forum, wanted: { topic?: string; language?: string }): Promise<Proposal[]> {
  const topic = wanted.topic ?? '';
  const language = wanted.language ?? '';
  const district = forum.district ?? '';
  const rows = await sql<Proposal>`
    select * from (
      select e.id, e.full_name, e.kind, e.topics, e.languages, e.districts, o.name as organisation_name,
        (case when ${topic} <> '' and ${topic} = any(e.topics) then 2 else 0 end
          + case when ${language} <> '' and ${language} = any(e.languages) then 1 else 0 end
          + case when ${district} <> '' and ${district} = any(e.districts) then 1 else 0 end)::int as score,
        (select ev.title from expert_event x join event ev on ev.id = x.event_id
          where x.expert_id = e.id and ev.start_date = ${forum.start_date} and ev.id <> ${forum.id} order by ev.id limit 1) as busy_with,
        (select to_char(max(a.to_on), 'YYYY-MM-DD') from expert_absence a
          where a.expert_id = e.id and ${forum.start_date}::date between a.from_on and a.to_on) as away_until
      from expert e left join organisation o on o.id = e.organisation_id
      where e.consent_withdrawn_on is null
        and (cardinality(e.districts) = 0 or ${district} = '' or ${district} = any(e.districts))
        and not exists (select 1 from expert_event x where x.expert_id = e.id and x.event_id = ${forum.id})
    ) proposal
    order by (busy_with is not null or away_until is not null), score desc, full_name, id`.execute(db);
  return rows.rows;
}

/**
 * What the documentation of a forum adds to its staff and outcomes: the
 * event's own details, how many people and associations attended (check-in)
 * and the feedback forms with their mean grade (1–4 over every rating answer).
 */
export async function forumRecord(db: Db, forumId: number) {
  const event = await db.selectFrom('event').select(['starts_at', 'ends_at', 'place', 'description']).where('id', '=', forumId).executeTakeFirstOrThrow();
  const attendance = await sql<{ persons: number; organisations: number }>`
    select count(*)::int as persons, count(distinct organisation_id)::int as organisations
    from registration where event_id = ${forumId} and status = 'attended'`.execute(db);
  const feedback = await sql<{ forms: number; mean: string | null }>`
    select (select count(*)::int from feedback_response where event_id = ${forumId}) as forms,
      (select round(sum(rating_sum)::numeric / nullif(sum(rated), 0), 2)::text from feedback_summary where event_id = ${forumId}) as mean`.execute(db);
  return { ...event, attendance: attendance.rows[0]!, feedback: feedback.rows[0]! };
}
