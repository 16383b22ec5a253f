import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { MergeMoves, OrganisationMerge } from '../module.js';
import { activeSql, seatHoldingSql } from './statuses.js';

/*
 * A merge of two organisations (organisations/merge.ts) asks this module to
 * move its rows: attendance and registrations. Runs in the merge's transaction.
 */

type Trx = Kysely<Database>;
type Ids = { survivorId: number; mergedId: number };
type Moved = { moved: number; dropped: number };

export async function mergeRegistrations(trx: Trx, { survivorId, mergedId, accountId }: OrganisationMerge): Promise<MergeMoves> {
  const ids = { survivorId, mergedId };
  const participation = await moveParticipations(trx, ids);
  const registrations = await moveRegistrations(trx, ids, accountId);
  return {
    moved: { participation: participation.moved, registration_group: registrations.groups, registration: registrations.moved },
    dropped: { participation: participation.dropped, registration_group: 0, registration: registrations.dropped },
    notes: { registrationsOverridden: registrations.overridden },
  };
}

/**
 * participation_identity is (event, organisation, person_key): a person the
 * survivor already lists at that event is the same participation. The kept
 * row takes the dropped row's e-mail if it had none.
 */
async function moveParticipations(trx: Trx, { survivorId, mergedId }: Ids): Promise<Moved> {
  await sql`
    update participation kept set email = gone.email
    from participation gone
    where kept.organisation_id = ${survivorId} and gone.organisation_id = ${mergedId}
      and kept.event_id = gone.event_id and kept.person_key = gone.person_key
      and kept.email is null and gone.email is not null`.execute(trx);
  const dropped = await sql`
    delete from participation gone
    using participation kept
    where gone.organisation_id = ${mergedId} and kept.organisation_id = ${survivorId}
      and kept.event_id = gone.event_id and kept.person_key = gone.person_key`.execute(trx);
  const moved = await trx.updateTable('participation').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  return { moved: Number(moved.numUpdatedRows), dropped: Number(dropped.numAffectedRows ?? 0) };
}

/**
 * Registrations (010_registration.sql). A person registered for the same
 * event under both names holds one place: the merged organisation's entry is
 * cancelled, with a line in its history. The others move; where the survivor
 * now holds more seats than the event's limits allow, the moved rows are
 * marked overridden, since the trigger registration_limits would otherwise
 * refuse a merge of places that were given out before.
 */
async function moveRegistrations(trx: Trx, { survivorId, mergedId }: Ids, accountId: number | null) {
  const groups = await trx.updateTable('registration_group').set({ organisation_id: survivorId }).where('organisation_id', '=', mergedId).executeTakeFirst();
  const active = activeSql;
  const seated = seatHoldingSql;
  const { rows: cancelled } = await sql<{ id: number; from_status: string }>`
    update registration gone set status = 'cancelled', updated_at = now()
    from registration kept, registration before
    where gone.organisation_id = ${mergedId} and kept.organisation_id = ${survivorId} and before.id = gone.id
      and kept.event_id = gone.event_id and kept.person_key = gone.person_key
      and gone.status in ${active} and kept.status in ${active}
    returning gone.id, before.status as from_status`.execute(trx);
  if (cancelled.length > 0) {
    await trx
      .insertInto('registration_status_change')
      .values(
        cancelled.map((row) => ({
          registration_id: row.id,
          from_status: row.from_status as never,
          to_status: 'cancelled' as const,
          account_id: accountId,
          reason: 'organisation.merge: duplicate of a registration of the surviving organisation',
        })),
      )
      .execute();
  }
  const { rows: moved } = await sql<{ overridden: boolean; was_overridden: boolean }>`
    update registration moving
    set organisation_id = ${survivorId}, updated_at = now(),
        overridden = moving.overridden or (moving.status in ${seated} and (
          (event.capacity is not null and (select count(*) from registration taken
             where taken.event_id = moving.event_id and taken.status in ${seated}) > event.capacity)
          or (event.per_org_limit is not null and (select count(*) from registration taken
             where taken.event_id = moving.event_id and taken.organisation_id in (${survivorId}, ${mergedId}) and taken.status in ${seated}) > event.per_org_limit)))
    from event, registration before
    where moving.organisation_id = ${mergedId} and event.id = moving.event_id and before.id = moving.id
    returning moving.overridden, before.overridden as was_overridden`.execute(trx);
  return {
    groups: Number(groups.numUpdatedRows),
    moved: moved.length,
    dropped: cancelled.length,
    overridden: moved.filter((row) => row.overridden && !row.was_overridden).length,
  };
}
