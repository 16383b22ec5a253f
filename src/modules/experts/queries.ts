import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { ExpertKind } from './tables.js';
import './tables.js';

/**
 * Reads of the pool. `active` is the one filter every list, pick list and
 * proposal goes through: an entry is in the pool while its consent holds
 * (consent_withdrawn_on is null; index expert_active).
 */

type Db = Kysely<Database>;

export interface PoolFilter {
  kind?: ExpertKind;
  topic?: string;
  language?: string;
  district?: string;
  q?: string;
  /** The viewer's districts (a coordinator): entries working there or in all of Hessen. */
  districts: string[] | null;
}

const active = sql<boolean>`e.consent_withdrawn_on is null`;
const servesAny = (districts: string[]) => (districts.length === 0 ? sql<boolean>`cardinality(e.districts) = 0` : sql<boolean>`(cardinality(e.districts) = 0 or e.districts && ${sql.val(districts)}::text[])`);

export async function listExperts(db: Db, filter: PoolFilter) {
  let query = db.selectFrom('expert as e').leftJoin('organisation as o', 'o.id', 'e.organisation_id')
    .select(['e.id', 'e.kind', 'e.full_name', 'e.topics', 'e.languages', 'e.districts', 'e.fee_note', 'o.name as organisation_name'])
    .where(active);
  if (filter.kind) query = query.where('e.kind', '=', filter.kind);
  if (filter.topic) query = query.where(sql<boolean>`${filter.topic} = any(e.topics)`);
  if (filter.language) query = query.where(sql<boolean>`${filter.language} = any(e.languages)`);
  if (filter.district) query = query.where(sql<boolean>`(cardinality(e.districts) = 0 or ${filter.district} = any(e.districts))`);
  if (filter.districts !== null) query = query.where(servesAny(filter.districts));
  if (filter.q) query = query.where(sql<boolean>`(lower(e.full_name) like ${`%${filter.q.toLowerCase()}%`} or lower(coalesce(o.name, '')) like ${`%${filter.q.toLowerCase()}%`})`);
  return query.orderBy('e.full_name').orderBy('e.id').limit(500).execute();
}

export type PoolRow = Awaited<ReturnType<typeof listExperts>>[number];

/** An entry of the consultation form's pick list; inPool false only for the one already referred to whose consent has since been withdrawn. */
export interface ExpertChoice {
  id: number;
  label: string;
  kind: ExpertKind;
  inPool: boolean;
}

/**
 * The pick list of the consultation form: every entry in the pool, by name
 * (withdrawn ones are never offered), and `keptId`, the entry a consultation
 * already refers to, even when it has left the pool since: the referral was
 * made and stays history.
 */
export async function expertPickList(db: Db, keptId: number | null = null): Promise<ExpertChoice[]> {
  const rows = await db.selectFrom('expert as e').select(['e.id', 'e.full_name', 'e.kind', 'e.consent_withdrawn_on'])
    .where((eb) => (keptId === null ? active : eb.or([active, eb('e.id', '=', keptId)])))
    .orderBy('e.full_name').orderBy('e.id').execute();
  return rows.map((row) => ({ id: row.id, label: row.full_name, kind: row.kind, inPool: row.consent_withdrawn_on === null }));
}

/** An entry that may be picked now (in the pool), or undefined. */
export const pickableExpert = (db: Db, id: number) =>
  db.selectFrom('expert as e').select(['e.id', 'e.full_name']).where('e.id', '=', id).where(active).executeTakeFirst();

export const expertById = (db: Db, id: number) =>
  db.selectFrom('expert as e').leftJoin('organisation as o', 'o.id', 'e.organisation_id').leftJoin('person as p', 'p.id', 'e.person_id')
    .selectAll('e').select(['o.name as organisation_name', 'p.full_name as person_name']).where('e.id', '=', id).executeTakeFirst();

export type ExpertRow = NonNullable<Awaited<ReturnType<typeof expertById>>>;

/** The events an entry took part in, with the feedback mean of each (grade 1–4 over every rating answer). */
export async function eventsOfExpert(db: Db, expertId: number) {
  return db.selectFrom('expert_event as x').innerJoin('event as ev', 'ev.id', 'x.event_id')
    .select(['ev.id', 'ev.title', 'ev.format', 'ev.start_date', 'ev.district', 'x.role'])
    .select((eb) => [
      eb.selectFrom('feedback_summary as s').whereRef('s.event_id', '=', 'ev.id')
        .select(sql<string | null>`round(sum(s.rating_sum)::numeric / nullif(sum(s.rated), 0), 2)::text`.as('m')).as('feedback_mean'),
      eb.selectFrom('feedback_response as r').whereRef('r.event_id', '=', 'ev.id').select(sql<number>`count(*)::int`.as('n')).as('feedback_forms'),
    ])
    .where('x.expert_id', '=', expertId).orderBy('ev.start_date', 'desc').orderBy('ev.id').execute();
}

/** The consultations that referred an association to the entry (consultations module: referral_expert_id). */
export async function referralsOfExpert(db: Db, expertId: number, districts: string[] | null) {
  let query = db.selectFrom('consultation as c').leftJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.consulted_on', 'c.referral_status', 'c.referral_cost_eur', 'o.name as organisation_name'])
    .where('c.referral_expert_id', '=', expertId);
  if (districts !== null) query = query.where('o.district', 'in', districts.length > 0 ? districts : ['\u0000']);
  return query.orderBy('c.consulted_on', 'desc').orderBy('c.id').execute();
}

/** Districts to choose from: those of the directory and of events. */
export async function knownDistricts(db: Db): Promise<string[]> {
  const rows = await sql<{ district: string }>`
    select district from organisation where district is not null union select district from event where district is not null order by 1`.execute(db);
  return rows.rows.map((row) => row.district);
}

/** Organisations to choose for an association expert (their names, by name). */
export const organisationChoices = (db: Db) => db.selectFrom('organisation').select(['id', 'name', 'district']).orderBy('name').orderBy('id').limit(2000).execute();

/** The ranges of days on which the entry cannot be booked, the coming ones first (from `today` on). */
export const absencesOfExpert = (db: Db, expertId: number, today: string) =>
  db.selectFrom('expert_absence').select(['id', 'from_on', 'to_on', 'note']).where('expert_id', '=', expertId).where('to_on', '>=', today)
    .orderBy('from_on').orderBy('id').execute();
