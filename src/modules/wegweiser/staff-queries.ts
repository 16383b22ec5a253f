import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { freshnessOf, dueDay, type FreshnessState } from './freshness.js';
import type { WegweiserScope } from './policy.js';

/** Reads for the staff pages: the list of entries with their freshness, and the freshness overview. */

export interface StaffRow {
  id: string;
  name: string;
  organization_name: string;
  published: boolean;
  status: string;
  assured_date: string | null;
  recheck_months: number;
  assurer_email: string | null;
  districts: string[];
  state: FreshnessState;
  due: string | null;
}

/** Every entry an actor maintains (coordinators: those serving their districts), with freshness; overdue first for the staff. */
export async function staffServices(db: Kysely<Database>, scope: WegweiserScope, today: string): Promise<StaffRow[]> {
  const rows = await sql<Omit<StaffRow, 'state' | 'due'>>`
    select s.id, s.name, o.name as organization_name, s.published, s.status, to_char(s.assured_date, 'YYYY-MM-DD') as assured_date, s.recheck_months, s.assurer_email,
      array(select distinct d from (
        select area.name as d from wegweiser_service_area area where area.service_id = s.id
        union select l.district from wegweiser_service_at_location sal join wegweiser_location l on l.id = sal.location_id where sal.service_id = s.id and l.district is not null
      ) x order by d) as districts
    from wegweiser_service s join wegweiser_organization o on o.id = s.organization_id
    order by s.name, s.id`.execute(db);
  return rows.rows
    .map((row) => ({ ...row, state: freshnessOf(row, today), due: dueDay(row) }))
    .filter((row) => scope.districts === null || row.districts.some((d) => scope.districts!.includes(d)));
}

export interface FreshnessOverview {
  byDistrict: { key: string; counts: Record<FreshnessState, number> }[];
  byAssurer: { key: string; counts: Record<FreshnessState, number> }[];
  checks: { id: number; service_id: string; service_name: string; assurer_email: string; sent_at: Date; answered_at: Date | null; answer: string | null; proposal: unknown; review: string | null }[];
}

const emptyCounts = (): Record<FreshnessState, number> => ({ fresh: 0, due: 0, overdue: 0, hidden: 0, unconfirmed: 0 });

export async function freshnessOverview(db: Kysely<Database>, scope: WegweiserScope, today: string): Promise<FreshnessOverview> {
  const services = await staffServices(db, scope, today);
  const tally = (keyOf: (row: StaffRow) => string[]) => {
    const groups = new Map<string, Record<FreshnessState, number>>();
    for (const row of services) for (const key of keyOf(row)) {
      const counts = groups.get(key) ?? emptyCounts();
      counts[row.state]++;
      groups.set(key, counts);
    }
    return [...groups].sort(([a], [b]) => a.localeCompare(b, 'de')).map(([key, counts]) => ({ key, counts }));
  };
  const ids = services.map((s) => s.id);
  const checks = ids.length === 0 ? [] : await db.selectFrom('wegweiser_check').innerJoin('wegweiser_service as s', 's.id', 'wegweiser_check.service_id')
    .select(['wegweiser_check.id', 'wegweiser_check.service_id', 's.name as service_name', 'wegweiser_check.assurer_email', 'wegweiser_check.sent_at', 'wegweiser_check.answered_at', 'wegweiser_check.answer', 'wegweiser_check.proposal', 'wegweiser_check.review'])
    .where('wegweiser_check.service_id', 'in', ids).orderBy('wegweiser_check.sent_at', 'desc').orderBy('wegweiser_check.id', 'desc').limit(200).execute();
  return {
    byDistrict: tally((row) => (row.districts.length > 0 ? row.districts : ['–'])),
    byAssurer: tally((row) => [row.assurer_email ?? '–']),
    checks,
  };
}

export async function serviceHistory(db: Kysely<Database>, serviceId: string) {
  return db.selectFrom('wegweiser_metadata').select(['last_action_date', 'last_action_type', 'field_name', 'previous_value', 'replacement_value', 'updated_by'])
    .where('resource_id', '=', serviceId).orderBy('last_action_date', 'desc').orderBy('id').limit(300).execute();
}
