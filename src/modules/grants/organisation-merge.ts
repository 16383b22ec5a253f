import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { MergeMoves, OrganisationMerge } from '../module.js';

/** A grant the merge dropped because the survivor already had one for the same year and type. */
export interface DroppedGrant {
  year: number;
  applicationType: string;
  /** The dropped row's status and the survivor's, which was kept. */
  droppedStatus: string;
  keptStatus: string;
  droppedAmountEur: number | null;
  droppedApprovedOn: string | null;
}

/**
 * A grant is identified by (year, organisation, application type). Where both
 * have one, the survivor's row stays; the dropped row is written into the
 * audit entry, status included, so a differing status is never lost unseen.
 */
export async function moveGrants(trx: Kysely<Database>, { survivorId, mergedId }: { survivorId: number; mergedId: number }): Promise<{ moved: number; dropped: number; droppedGrants: DroppedGrant[] }> {
  const { rows } = await sql<{ year: number; application_type: string; dropped_status: string; kept_status: string; amount_eur: number | null; approved_on: string | null }>`
    delete from grant_application gone
    using grant_application kept
    where gone.organisation_id = ${mergedId} and kept.organisation_id = ${survivorId}
      and kept.year = gone.year and kept.application_type = gone.application_type
    returning gone.year, gone.application_type, gone.status as dropped_status, kept.status as kept_status, gone.amount_eur, gone.approved_on`.execute(trx);
  const moved = await trx
    .updateTable('grant_application')
    .set({ organisation_id: survivorId, updated_at: sql`now()` as never })
    .where('organisation_id', '=', mergedId)
    .executeTakeFirst();
  const droppedGrants = rows
    .map((row) => ({
      year: row.year,
      applicationType: row.application_type,
      droppedStatus: row.dropped_status,
      keptStatus: row.kept_status,
      droppedAmountEur: row.amount_eur,
      droppedApprovedOn: row.approved_on,
    }))
    .sort((a, b) => a.year - b.year || a.applicationType.localeCompare(b.applicationType));
  return { moved: Number(moved.numUpdatedRows), dropped: rows.length, droppedGrants };
}

/** The grants' part of a merge of two organisations (MosaikModule.mergeOrganisations). */
export async function mergeGrants(trx: Kysely<Database>, { survivorId, mergedId }: OrganisationMerge): Promise<MergeMoves> {
  const grants = await moveGrants(trx, { survivorId, mergedId });
  return { moved: { grant_application: grants.moved }, dropped: { grant_application: grants.dropped }, notes: { droppedGrants: grants.droppedGrants } };
}
