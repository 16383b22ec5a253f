import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { MergeMoves, OrganisationMerge } from '../module.js';

/* A merge of two organisations (organisations/merge.ts) asks this module to move the persons' roles. */

type Trx = Kysely<Database>;
type Ids = { survivorId: number; mergedId: number };
type Moved = { moved: number; dropped: number };

export async function mergePersonRoles(trx: Trx, { survivorId, mergedId }: OrganisationMerge): Promise<MergeMoves> {
  const roles = await movePersonRoles(trx, { survivorId, mergedId });
  return { moved: { person_role: roles.moved }, dropped: { person_role: roles.dropped } };
}

/** A person's role in the merged organisation becomes the same role in the survivor; a role held in both is one role. */
async function movePersonRoles(trx: Trx, { survivorId, mergedId }: Ids): Promise<Moved> {
  const dropped = await sql`
    delete from person_role gone
    using person_role kept
    where gone.organisation_id = ${mergedId} and kept.organisation_id = ${survivorId}
      and kept.person_id = gone.person_id and kept.role = gone.role`.execute(trx);
  const moved = await trx.updateTable('person_role').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  return { moved: Number(moved.numUpdatedRows), dropped: Number(dropped.numAffectedRows ?? 0) };
}
