import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Pseudonymiser } from './pseudonyms.js';

/**
 * What the evaluator may read, and nothing more: organisations described by
 * district, municipality, legal form, founding decade, orientation and fields,
 * with counts of what they did per year; their timelines without notes,
 * persons or outcome; participations with pseudonyms. Names, aliases,
 * contacts, websites, portraits, notes and coordinates are never selected.
 */

export const measures = ['events', 'consultations', 'grants'] as const;
export type Measure = (typeof measures)[number];

export interface EvaluationOrganisation {
  pseudonym: string;
  district: string | null;
  municipality: string | null;
  legalForm: string | null;
  /** 1980 for a founding year in the 1980s. */
  foundingDecade: number | null;
  orientation: string | null;
  fields: string[];
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

/** The described organisations of these ids, in the order given. */
export async function describeOrganisations(db: Kysely<Database>, pseudonyms: Pseudonymiser, ids: number[]): Promise<EvaluationOrganisation[]> {
  if (ids.length === 0) return [];
  const [rows, activity] = await Promise.all([
    db.selectFrom('organisation').select(['id', 'district', 'municipality', 'legal_form', 'founded_year', 'orientation', 'fields']).where('id', 'in', ids).execute(),
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
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        pseudonym: pseudonyms.organisation(id),
        district: row.district,
        municipality: row.municipality,
        legalForm: row.legal_form,
        foundingDecade: row.founded_year === null ? null : Math.floor(row.founded_year / 10) * 10,
        orientation: row.orientation,
        fields: row.fields,
        counts: counts.get(id) ?? {},
      },
    ];
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
