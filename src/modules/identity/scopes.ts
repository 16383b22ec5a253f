import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * The organisations a representative speaks for: the account_scope rows with
 * an organisation (rows with a district are the coordinators' scope).
 */

type Db = Kysely<Database>;

export interface RepresentedOrganisation {
  id: number;
  name: string;
}

export async function representedOrganisations(db: Db, accountId: number): Promise<RepresentedOrganisation[]> {
  return db
    .selectFrom('account_scope')
    .innerJoin('organisation', 'organisation.id', 'account_scope.organisation_id')
    .select(['organisation.id', 'organisation.name'])
    .where('account_scope.account_id', '=', accountId)
    .distinct()
    .orderBy('organisation.name')
    .orderBy('organisation.id')
    .execute();
}

/** The ids of the list that name no organisation, for a message that names them. */
export async function unknownOrganisations(db: Db, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await db.selectFrom('organisation').select('id').where('id', 'in', ids).execute();
  const known = new Set(found.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

export async function addOrganisationScopes(db: Db, accountId: number, organisationIds: number[]): Promise<void> {
  const ids = [...new Set(organisationIds)];
  if (ids.length === 0) return;
  await db.insertInto('account_scope').values(ids.map((id) => ({ account_id: accountId, district: null, organisation_id: id }))).execute();
}
