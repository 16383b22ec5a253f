import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { MergeMoves, OrganisationMerge } from '../module.js';

/*
 * A merge of two organisations (organisations/merge.ts) asks this module to
 * move its rows: consultations and consultation requests.
 */

type Trx = Kysely<Database>;
type Ids = { survivorId: number; mergedId: number };
type Moved = { moved: number; dropped: number };

export async function mergeConsultations(trx: Trx, { survivorId, mergedId }: OrganisationMerge): Promise<MergeMoves> {
  const ids = { survivorId, mergedId };
  const consultation = await moveConsultations(trx, ids);
  const requests = await moveConsultationRequests(trx, ids);
  return {
    moved: { consultation: consultation.moved, consultation_request: requests.moved },
    dropped: { consultation: consultation.dropped, consultation_request: requests.dropped },
  };
}

/** consultation_identity is (date, organisation, channel, topic). */
async function moveConsultations(trx: Trx, { survivorId, mergedId }: Ids): Promise<Moved> {
  await sql`
    update consultation kept
    set duration_minutes = coalesce(kept.duration_minutes, gone.duration_minutes), notes = coalesce(kept.notes, gone.notes)
    from consultation gone
    where kept.organisation_id = ${survivorId} and gone.organisation_id = ${mergedId}
      and kept.consulted_on = gone.consulted_on and kept.channel = gone.channel and kept.topic = gone.topic
      and ((kept.duration_minutes is null and gone.duration_minutes is not null) or (kept.notes is null and gone.notes is not null))`.execute(trx);
  const dropped = await sql`
    delete from consultation gone
    using consultation kept
    where gone.organisation_id = ${mergedId} and kept.organisation_id = ${survivorId}
      and kept.consulted_on = gone.consulted_on and kept.channel = gone.channel and kept.topic = gone.topic`.execute(trx);
  const moved = await trx.updateTable('consultation').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  return { moved: Number(moved.numUpdatedRows), dropped: Number(dropped.numAffectedRows ?? 0) };
}

/** Consultation requests have no identity that could clash: they all move. */
async function moveConsultationRequests(trx: Trx, { survivorId, mergedId }: Ids): Promise<Moved> {
  const moved = await trx.updateTable('consultation_request').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  return { moved: Number(moved.numUpdatedRows), dropped: 0 };
}
