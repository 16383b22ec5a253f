import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { MergeMoves, OrganisationMerge } from '../module.js';

/*
 * A merge of two organisations (organisations/merge.ts) asks this module to
 * move its rows: representatives' scopes and claims.
 */

type Trx = Kysely<Database>;
type Ids = { survivorId: number; mergedId: number };
type Moved = { moved: number; dropped: number };

export async function mergeAccountsOfOrganisations(trx: Trx, { survivorId, mergedId }: OrganisationMerge): Promise<MergeMoves> {
  const ids = { survivorId, mergedId };
  const scope = await moveAccountScopes(trx, ids);
  const claims = await moveClaims(trx, ids);
  return {
    moved: { account_scope: scope.moved, organisation_claim: claims.moved },
    dropped: { account_scope: scope.dropped, organisation_claim: claims.dropped },
  };
}

/** A representative of the merged organisation now represents the survivor (the scope would otherwise cascade away). */
async function moveAccountScopes(trx: Trx, { survivorId, mergedId }: Ids): Promise<Moved> {
  const dropped = await sql`
    delete from account_scope gone
    where gone.organisation_id = ${mergedId}
      and exists (select 1 from account_scope kept where kept.account_id = gone.account_id and kept.organisation_id = ${survivorId})`.execute(trx);
  const moved = await trx.updateTable('account_scope').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  return { moved: Number(moved.numUpdatedRows), dropped: Number(dropped.numAffectedRows ?? 0) };
}

/**
 * Claims keep who asked and who decided. A pending claim for the merged
 * organisation by an account with a pending claim for the survivor is the
 * same request (one open claim per account and organisation): it is dropped.
 */
async function moveClaims(trx: Trx, { survivorId, mergedId }: Ids): Promise<Moved> {
  const dropped = await sql`
    delete from organisation_claim gone
    using organisation_claim kept
    where gone.organisation_id = ${mergedId} and kept.organisation_id = ${survivorId}
      and gone.status = 'pending' and kept.status = 'pending' and kept.account_id = gone.account_id`.execute(trx);
  const moved = await trx.updateTable('organisation_claim').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  return { moved: Number(moved.numUpdatedRows), dropped: Number(dropped.numAffectedRows ?? 0) };
}
