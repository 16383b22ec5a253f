import { moveClaims, moveConsultationRequests, movePersonRoles } from './merge-related.js';
import { sql, type Kysely } from 'kysely';
import type { Database, Organisation } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import { ReviewError } from './review-error.js';
import { activeSql, seatHoldingSql } from '../registrations/index.js';
import { moveGrants, type DroppedGrant } from '../grants/index.js';
import { registeredModules } from '../registry.js';

export type { DroppedGrant };

/**
 * Merging two organisations (spec/exchange.md: "A merge moves every record to
 * the surviving organisation and is logged; reports count it once from then
 * on"). One transaction: every row that references the merged organisation is
 * moved to the survivor, or dropped where the survivor already has the same
 * row (the table's identity); then the merged organisation is deleted.
 */

/**
 * Every (table, column) that references organisation(id) and that the merge
 * handles. review.test.ts compares this with the database's foreign keys, so
 * a new table referencing organisation fails that test until merge moves its
 * rows too (otherwise they would be cascaded away or block the delete).
 */
export const mergedTables = [
  { table: 'participation', column: 'organisation_id' },
  { table: 'consultation', column: 'organisation_id' },
  { table: 'grant_application', column: 'organisation_id' },
  { table: 'organisation_name', column: 'organisation_id' },
  { table: 'account_scope', column: 'organisation_id' },
  { table: 'registration_group', column: 'organisation_id' },
  { table: 'registration', column: 'organisation_id' },
  { table: 'organisation_distinct_pair', column: 'organisation_id_low' },
  { table: 'organisation_distinct_pair', column: 'organisation_id_high' },
  { table: 'organisation_link', column: 'from_organisation_id' },
  { table: 'organisation_link', column: 'to_organisation_id' },
  { table: 'person_role', column: 'organisation_id' },
  { table: 'organisation_claim', column: 'organisation_id' },
  { table: 'consultation_request', column: 'organisation_id' },
] as const;

type MergedTable = (typeof mergedTables)[number]['table'];

export interface MergeOutcome {
  survivorId: number;
  mergedId: number;
  survivorName: string;
  mergedName: string;
  /** Names of the merged organisation, now aliases of the survivor. */
  names: string[];
  moved: Record<MergedTable, number>;
  /** Rows the survivor already had under the same identity. */
  dropped: Record<MergedTable, number>;
  droppedGrants: DroppedGrant[];
  /** Rows the modules of src/modules/registry.ts moved (MosaikModule.mergeOrganisations), by table. */
  movedByModules: Record<string, number>;
  /** Moved registrations now beyond an event's limits, marked as admitted by staff (the seats were taken before). */
  registrationsOverridden: number;
  /** Survivor fields that were empty and now hold the merged organisation's value. */
  filledFields: string[];
}

type Trx = Kysely<Database>;
type Ids = { survivorId: number; mergedId: number };
type Moved = { moved: number; dropped: number };

// Fields of the survivor filled from the merged organisation when empty.
const fillable = ['org_key', 'legal_form', 'founded_year', 'orientation', 'municipality', 'district', 'postcode', 'email', 'website', 'phone'] as const;

export async function mergeOrganisations(
  db: Kysely<Database>,
  { survivorId, mergedId, accountId }: { survivorId: number; mergedId: number; accountId: number | null },
): Promise<MergeOutcome> {
  if (survivorId === mergedId) throw ReviewError.intoItself(survivorId);
  return db.transaction().execute(async (trx) => {
    // Imports resolve names to ids before they write; waiting for a running
    // import keeps it from writing rows for an organisation that is gone.
    await sql`select pg_advisory_xact_lock(hashtext('mosaik.import'))`.execute(trx);
    const { survivor, merged } = await lockBoth(trx, { survivorId, mergedId });
    const ids = { survivorId, mergedId };
    const names = await moveNames(trx, ids);
    const participation = await moveParticipations(trx, ids);
    const consultation = await moveConsultations(trx, ids);
    const grants = await moveGrants(trx, ids);
    const scope = await moveAccountScopes(trx, ids);
    const registrations = await moveRegistrations(trx, ids, accountId);
    const pairs = await moveDistinctPairs(trx, ids);
    const links = await moveLinks(trx, ids);
    const personRoles = await movePersonRoles(trx, ids);
    const claims = await moveClaims(trx, ids);
    const requests = await moveConsultationRequests(trx, ids);
    const filledFields = await fillEmptyFields(trx, survivor, merged);
    // the newer modules move their own rows (src/modules/module.ts)
    const movedByModules: Record<string, number> = {};
    for (const module of registeredModules()) Object.assign(movedByModules, await module.mergeOrganisations?.(trx, ids));
    await trx.deleteFrom('organisation').where('id', '=', mergedId).execute();

    const outcome: MergeOutcome = {
      survivorId,
      mergedId,
      survivorName: survivor.name,
      mergedName: merged.name,
      names: names.names,
      moved: {
        participation: participation.moved,
        consultation: consultation.moved,
        grant_application: grants.moved,
        organisation_name: names.names.length,
        account_scope: scope.moved,
        registration_group: registrations.groups,
        registration: registrations.moved,
        organisation_distinct_pair: pairs.moved,
        organisation_link: links.moved,
        person_role: personRoles.moved,
        organisation_claim: claims.moved,
        consultation_request: requests.moved,
      },
      dropped: {
        participation: participation.dropped,
        consultation: consultation.dropped,
        grant_application: grants.dropped,
        organisation_name: 0,
        account_scope: scope.dropped,
        registration_group: 0,
        registration: registrations.dropped,
        organisation_distinct_pair: pairs.dropped,
        organisation_link: links.dropped,
        person_role: personRoles.dropped,
        organisation_claim: claims.dropped,
        consultation_request: requests.dropped,
      },
      registrationsOverridden: registrations.overridden,
      droppedGrants: grants.droppedGrants,
      movedByModules,
      filledFields,
    };
    await writeAudit(trx, {
      accountId,
      action: 'organisation.merge',
      subjectType: 'organisation',
      subjectId: survivorId,
      details: { ...outcome },
    });
    return outcome;
  });
}

/** Locks both rows in id order, so that two merges of the same pair cannot deadlock. */
async function lockBoth(trx: Trx, { survivorId, mergedId }: Ids) {
  const { rows } = await sql<Organisation>`
    select * from organisation where id in (${survivorId}, ${mergedId}) order by id for update`.execute(trx);
  const survivor = rows.find((row) => row.id === survivorId);
  const merged = rows.find((row) => row.id === mergedId);
  if (!survivor) throw ReviewError.notFound(survivorId);
  if (!merged) throw ReviewError.notFound(mergedId);
  return { survivor, merged };
}

/** All names of the merged organisation become aliases of the survivor: old lists still find it. */
async function moveNames(trx: Trx, { survivorId, mergedId }: Ids) {
  const rows = await trx
    .updateTable('organisation_name')
    .set({ organisation_id: survivorId, is_alias: true })
    .where('organisation_id', '=', mergedId)
    .returning('name')
    .execute();
  return { names: rows.map((row) => row.name).sort((a, b) => a.localeCompare(b, 'de')) };
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

/**
 * "M is not X" stays true of the survivor after M is merged into it: such
 * pairs are re-pointed (lower id first). A pair of the two merged
 * organisations themselves, or one the survivor already has, is dropped.
 */
async function moveDistinctPairs(trx: Trx, { survivorId, mergedId }: Ids): Promise<Moved> {
  const { rows } = await sql<{ other: number; decided_by: number | null; decided_at: Date }>`
    delete from organisation_distinct_pair
    where organisation_id_low = ${mergedId} or organisation_id_high = ${mergedId}
    returning case when organisation_id_low = ${mergedId} then organisation_id_high else organisation_id_low end as other, decided_by, decided_at`.execute(trx);
  const repointed = rows.filter((row) => row.other !== survivorId);
  let moved = 0;
  if (repointed.length > 0) {
    const inserted = await trx
      .insertInto('organisation_distinct_pair')
      .values(
        repointed.map((row) => ({
          organisation_id_low: Math.min(survivorId, row.other),
          organisation_id_high: Math.max(survivorId, row.other),
          decided_by: row.decided_by,
          decided_at: row.decided_at as never, // the original decision keeps its date
        })),
      )
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    moved = Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  return { moved, dropped: rows.length - moved };
}

/**
 * Umbrella memberships and networks (020_organisation_profile.sql) move to the
 * survivor; a link the survivor already has, or one between the two merged
 * organisations (it would point at itself), is dropped.
 */
async function moveLinks(trx: Trx, { survivorId, mergedId }: Ids): Promise<Moved> {
  const { rows } = await sql<{ from_id: number; to_id: number; kind: 'member_of' | 'network'; since_year: number | null; created_at: Date }>`
    delete from organisation_link
    where from_organisation_id = ${mergedId} or to_organisation_id = ${mergedId}
    returning case when from_organisation_id = ${mergedId} then ${survivorId} else from_organisation_id end as from_id,
              case when to_organisation_id = ${mergedId} then ${survivorId} else to_organisation_id end as to_id,
              kind, since_year, created_at`.execute(trx);
  const repointed = rows.filter((row) => row.from_id !== row.to_id);
  let moved = 0;
  if (repointed.length > 0) {
    const inserted = await trx
      .insertInto('organisation_link')
      .values(repointed.map((row) => ({ from_organisation_id: row.from_id, to_organisation_id: row.to_id, kind: row.kind, since_year: row.since_year, created_at: row.created_at as never })))
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    moved = Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  return { moved, dropped: rows.length - moved };
}

/** The survivor keeps what it has; where a field is empty it takes the merged organisation's value. */
async function fillEmptyFields(trx: Trx, survivor: Organisation, merged: Organisation): Promise<string[]> {
  const filled: Record<string, unknown> = {};
  for (const field of fillable) {
    if ((survivor[field] == null || survivor[field] === '') && merged[field] != null && merged[field] !== '') filled[field] = merged[field];
  }
  if (survivor.fields.length === 0 && merged.fields.length > 0) filled.fields = merged.fields;
  // org_key is unique: the merged organisation gives it up before the survivor takes it
  if ('org_key' in filled) await trx.updateTable('organisation').set({ org_key: null }).where('id', '=', merged.id).execute();
  await trx
    .updateTable('organisation')
    .set({ ...filled, updated_at: sql`now()` as never })
    .where('id', '=', survivor.id)
    .execute();
  return Object.keys(filled);
}
