import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/*
 * Moving the records of issue 4 (people, claims, consultation requests) from
 * a merged organisation to the survivor. Kept apart from merge.ts, which
 * moves the report's records; both run in the merge's transaction.
 */

type Trx = Kysely<Database>;
type Ids = { survivorId: number; mergedId: number };
export type Moved = { moved: number; dropped: number };

/** A person's role in the merged organisation becomes the same role in the survivor; a role held in both is one role. */
export async function movePersonRoles(trx: Trx, { survivorId, mergedId }: Ids): Promise<Moved> {
  const dropped = await sql`
    delete from person_role gone
    using person_role kept
    where gone.organisation_id = ${mergedId} and kept.organisation_id = ${survivorId}
      and kept.person_id = gone.person_id and kept.role = gone.role`.execute(trx);
  const moved = await trx.updateTable('person_role').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  return { moved: Number(moved.numUpdatedRows), dropped: Number(dropped.numAffectedRows ?? 0) };
}

/**
 * Claims keep who asked and who decided. A pending claim for the merged
 * organisation by an account with a pending claim for the survivor is the
 * same request (one open claim per account and organisation): it is dropped.
 */
export async function moveClaims(trx: Trx, { survivorId, mergedId }: Ids): Promise<Moved> {
  const dropped = await sql`
    delete from organisation_claim gone
    using organisation_claim kept
    where gone.organisation_id = ${mergedId} and kept.organisation_id = ${survivorId}
      and gone.status = 'pending' and kept.status = 'pending' and kept.account_id = gone.account_id`.execute(trx);
  const moved = await trx.updateTable('organisation_claim').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  return { moved: Number(moved.numUpdatedRows), dropped: Number(dropped.numAffectedRows ?? 0) };
}

/** Consultation requests have no identity that could clash: they all move. */
export async function moveConsultationRequests(trx: Trx, { survivorId, mergedId }: Ids): Promise<Moved> {
  const moved = await trx.updateTable('consultation_request').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  return { moved: Number(moved.numUpdatedRows), dropped: 0 };
}
