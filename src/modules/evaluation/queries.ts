import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { anonymiseProfiles, minimumGroupSize, type Profile } from './anonymity.js';
import type { Pseudonymiser } from './pseudonyms.js';

/**
 * What the evaluator may read, and nothing more: organisations described by
 * coarse quasi-identifiers that at least k organisations share (district,
 * legal-form group, founding period, orientation, fields: anonymity.ts),
 * with counts of what they did per year; their timelines without notes,
 * persons or outcome; participations with pseudonyms. Names, aliases,
 * contacts, websites, portraits, notes and coordinates are never selected.
 */

export const measures = ['events', 'consultations', 'grants'] as const;
export type Measure = (typeof measures)[number];

export interface EvaluationOrganisation extends Profile {
  pseudonym: string;
  /** Year → measure → count; years without activity are missing. */
  counts: Record<number, Record<Measure, number>>;
}

interface OrganisationIndex {
  /** Organisation ids in the order of their pseudonyms (an order that says nothing about them). */
  ids: number[];
  byPseudonym: Map<string, number>;
  version: string;
}

const indexes = new WeakMap<Pseudonymiser, OrganisationIndex>();

/** Every organisation by pseudonym; rebuilt only when organisations were added or removed. */
export async function organisationIndex(db: Kysely<Database>, pseudonyms: Pseudonymiser): Promise<OrganisationIndex> {
  const state = await db.selectFrom('organisation').select([sql<string>`count(*)::text`.as('count'), sql<string>`coalesce(max(id), 0)::text`.as('max')]).executeTakeFirstOrThrow();
  const version = `${state.count}:${state.max}`;
  const cached = indexes.get(pseudonyms);
  if (cached?.version === version) return cached;
  const rows = await db.selectFrom('organisation').select('id').execute();
  const named = rows.map((row) => ({ id: row.id, pseudonym: pseudonyms.organisation(row.id) })).sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : a.id - b.id));
  const index = { ids: named.map((entry) => entry.id), byPseudonym: new Map(named.map((entry) => [entry.pseudonym, entry.id])), version };
  indexes.set(pseudonyms, index);
  return index;
}

/**
 * Every organisation's profile as the evaluator may see it: coarsened and
 * generalised over the whole list, so that each combination is shared by at
 * least k organisations (anonymity.ts). Computed per request from the
 * current records: a profile must never be judged against a stale list.
 */
export async function evaluationProfiles(db: Kysely<Database>, k: number = minimumGroupSize): Promise<Map<number, Profile>> {
  const rows = await db.selectFrom('organisation').select(['id', 'district', 'legal_form', 'founded_year', 'orientation', 'fields']).execute();
  return anonymiseProfiles(rows, k);
}

/** The described organisations of these ids, in the order given, with their profiles from evaluationProfiles. */
export async function describeOrganisations(db: Kysely<Database>, pseudonyms: Pseudonymiser, ids: number[], profiles: Map<number, Profile>): Promise<EvaluationOrganisation[]> {
  if (ids.length === 0) return [];
  const [activity] = await Promise.all([
    sql<{ organisation_id: number; year: number; measure: Measure; n: number }>`
      select p.organisation_id, extract(year from e.start_date)::integer as year, 'events' as measure, count(distinct e.id)::integer as n
      from participation p join event e on e.id = p.event_id
      where p.organisation_id in (${sql.join(ids)})
      group by 1, 2
      union all
      select organisation_id, extract(year from consulted_on)::integer, 'consultations', count(*)::integer
      from consultation where organisation_id in (${sql.join(ids)})
      group by 1, 2
      union all
      select organisation_id, year, 'grants', count(*)::integer
      from grant_application where organisation_id in (${sql.join(ids)})
      group by 1, 2`.execute(db),
  ]);
  const counts = new Map<number, EvaluationOrganisation['counts']>();
  for (const row of activity.rows) {
    const years = counts.get(row.organisation_id) ?? {};
    years[row.year] ??= { events: 0, consultations: 0, grants: 0 };
    years[row.year][row.measure] = row.n;
    counts.set(row.organisation_id, years);
  }
  return ids.flatMap((id) => {
    const profile = profiles.get(id);
    if (!profile) return [];
    return [{ pseudonym: pseudonyms.organisation(id), ...profile, counts: counts.get(id) ?? {} }];
  });
}

/** The years in which any organisation did anything (for the year filter and the export's columns). */
export async function activityYears(db: Kysely<Database>): Promise<number[]> {
  const { rows } = await sql<{ year: number }>`
    select distinct extract(year from start_date)::integer as year from event where exists (select 1 from participation p where p.event_id = event.id and p.organisation_id is not null)
    union select distinct extract(year from consulted_on)::integer from consultation
    union select distinct year from grant_application
    order by year`.execute(db);
  return rows.map((row) => row.year);
}

export interface Timeline {
  events: { title: string; format: string; startDate: string }[];
  /** Topics as keys of the topic list (or an imported line's own text). */
  consultations: { consultedOn: string; channel: string; topics: string[]; durationMinutes: number | null }[];
  grants: { year: number; applicationType: string; status: string; amountEur: number | null }[];
}

/** An organisation's timeline as the evaluator sees it: never notes, persons or outcome text. */
export async function evaluationTimeline(db: Kysely<Database>, organisationId: number): Promise<Timeline> {
  const [events, consultations, grants] = await Promise.all([
    db
      .selectFrom('event as e')
      .select(['e.title', 'e.format', sql<string>`to_char(e.start_date, 'YYYY-MM-DD')`.as('startDate')])
      .where((eb) => eb.exists(eb.selectFrom('participation as p').select(sql`1`.as('one')).whereRef('p.event_id', '=', 'e.id').where('p.organisation_id', '=', organisationId)))
      .orderBy('e.start_date', 'desc')
      .orderBy('e.id', 'desc')
      .execute(),
    db
      .selectFrom('consultation')
      .select([sql<string>`to_char(consulted_on, 'YYYY-MM-DD')`.as('consultedOn'), 'channel', 'topics', 'duration_minutes as durationMinutes'])
      .where('organisation_id', '=', organisationId)
      .orderBy('consulted_on', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('grant_application')
      .select(['year', 'application_type as applicationType', 'status', sql<number | null>`amount_eur::float8`.as('amountEur')])
      .where('organisation_id', '=', organisationId)
      .orderBy('year', 'desc')
      .orderBy('application_type')
      .execute(),
  ]);
  return { events, consultations, grants };
}

export interface EvaluationParticipation {
  eventTitle: string;
  format: string;
  startDate: string;
  organisation: string | null;
  person: string | null;
}

/** Participations, newest events first, with pseudonyms for organisation and person. */
export async function participations(
  db: Kysely<Database>,
  pseudonyms: Pseudonymiser,
  options: { year?: number; limit: number; offset: number },
): Promise<{ total: number; items: EvaluationParticipation[] }> {
  let base = db.selectFrom('participation as p').innerJoin('event as e', 'e.id', 'p.event_id');
  if (options.year !== undefined) base = base.where('e.start_date', '>=', `${options.year}-01-01`).where('e.start_date', '<=', `${options.year}-12-31`);
  const [{ total }, rows] = await Promise.all([
    base.select(sql<number>`count(*)::integer`.as('total')).executeTakeFirstOrThrow(),
    base
      .select(['e.title', 'e.format', sql<string>`to_char(e.start_date, 'YYYY-MM-DD')`.as('startDate'), 'p.organisation_id', 'p.person_key'])
      .orderBy('e.start_date', 'desc')
      .orderBy('e.id', 'desc')
      // within an event in an order unrelated to names or arrival (a list read in order could be matched)
      .orderBy(sql`md5(p.id::text)`)
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
  ]);
  return {
    total,
    items: rows.map((row) => ({
      eventTitle: row.title,
      format: row.format,
      startDate: row.startDate,
      organisation: row.organisation_id === null ? null : pseudonyms.organisation(row.organisation_id),
      person: pseudonyms.person(row.organisation_id, row.person_key),
    })),
  };
}
