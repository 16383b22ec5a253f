import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { publicService } from './queries.js';

/** Whether the public may see this service today. */
export async function publicServiceExists(db: Kysely<Database>, id: string, today: string): Promise<boolean> {
  const rows = await sql<{ id: string }>`select s.id from wegweiser_service s where s.id = ${id} and ${publicService(today)}`.execute(db);
  return rows.rows.length > 0;
}

/** Organisations with at least one public service (only one, when `id` is given), by name. */
export async function publicOrganizationIds(db: Kysely<Database>, today: string, id?: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select o.id from wegweiser_organization o
    where exists (select 1 from wegweiser_service s where s.organization_id = o.id and ${publicService(today)})
      ${id ? sql`and o.id = ${id}` : sql``}
    order by o.name, o.id`.execute(db);
  return rows.rows.map((row) => row.id);
}
