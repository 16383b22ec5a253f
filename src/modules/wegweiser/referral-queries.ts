import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * The service lookup other modules use to refer to a Wegweiser entry (issue
 * 12, "Consultations can refer to a Wegweiser service"): consultations find a
 * service by what staff type, and show the names of the services they refer to.
 * Staff may refer to any published entry that still exists as a service
 * (not `defunct`), also one overdue for its re-check: the referral is a fact
 * of the consultation, not a public listing.
 */

export interface ReferralService {
  id: string;
  name: string;
  organizationName: string;
}

const referable = sql<boolean>`s.published and s.status <> 'defunct'`;

/**
 * Services whose name is what was typed (case-insensitive) come first; then
 * those the typed words match with typos tolerated (the trigram index
 * wegweiser_service_search) or as a substring; at most `limit`.
 */
export async function findReferralServices(db: Kysely<Database>, typed: string, limit = 8): Promise<ReferralService[]> {
  const q = typed.trim().toLowerCase();
  if (q === '') return [];
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await sql<ReferralService & { exact: boolean }>`
    select s.id, s.name, o.name as "organizationName", lower(s.name) = ${q} as exact
    from wegweiser_service s join wegweiser_organization o on o.id = s.organization_id
    where ${referable} and (lower(s.name) = ${q} or ${q} <% s.search_text or s.search_text like ${like})
    order by exact desc, word_similarity(${q}, s.search_text) desc, s.name, s.id
    limit ${limit}`.execute(db);
  return rows.map(({ id, name, organizationName }) => ({ id, name, organizationName }));
}

/** The services of these ids (any state: a referral keeps its service's name after the entry was unpublished). */
export async function referralServicesById(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, ReferralService>> {
  const uuids = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (uuids.length === 0) return new Map();
  const rows = await db.selectFrom('wegweiser_service as s').innerJoin('wegweiser_organization as o', 'o.id', 's.organization_id')
    .select(['s.id', 's.name', 'o.name as organizationName']).where('s.id', 'in', uuids).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Whether a service may be chosen as a referral now (published, not defunct). */
export async function isReferableService(db: Kysely<Database>, id: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const { rows } = await sql<{ id: string }>`select s.id from wegweiser_service s where s.id = ${id} and ${referable}`.execute(db);
  return rows.length > 0;
}
