import { sql, type Kysely } from 'kysely';
import type { Database, Organisation } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import { ReviewError } from './review-error.js';
import type { DroppedGrant } from '../grants/index.js';
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
 * The (table, column) pairs referencing organisation(id) that this module
 * moves itself; every other such table is moved by the module that owns it
 * (MosaikModule.mergeOrganisations, src/modules/registry.ts). review.test.ts
 * and test/module-contract.test.ts compare both with the database's foreign
 * keys, so a new table referencing organisation fails until a merge moves its
 * rows (otherwise they would be cascaded away or block the delete).
 */
export const mergedTables = [
  { table: 'organisation_name', column: 'organisation_id' },
  { table: 'organisation_distinct_pair', column: 'organisation_id_low' },
  { table: 'organisation_distinct_pair', column: 'organisation_id_high' },
  { table: 'organisation_link', column: 'from_organisation_id' },
  { table: 'organisation_link', column: 'to_organisation_id' },
] as const;

export interface MergeOutcome {
  survivorId: number;
  mergedId: number;
  survivorName: string;
  mergedName: string;
  /** Names of the merged organisation, now aliases of the survivor. */
  names: string[];
  /** Rows moved to the survivor, by table: this module's and those the other modules report (MosaikModule.mergeOrganisations). */
  moved: Record<string, number>;
  /** Rows the survivor already had under the same identity. */
  dropped: Record<string, number>;
  droppedGrants: DroppedGrant[];
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
    const pairs = await moveDistinctPairs(trx, ids);
    const links = await moveLinks(trx, ids);
    const moved: Record<string, number> = { organisation_name: names.names.length, organisation_distinct_pair: pairs.moved, organisation_link: links.moved };
    const dropped: Record<string, number> = { organisation_name: 0, organisation_distinct_pair: pairs.dropped, organisation_link: links.dropped };
    const notes: Record<string, unknown> = {};
    // every other module moves its own rows (MosaikModule.mergeOrganisations)
    for (const module of registeredModules()) {
      const moves = await module.mergeOrganisations?.(trx, { survivorId, mergedId, accountId });
      if (!moves) continue;
      Object.assign(moved, moves.moved);
      Object.assign(dropped, moves.dropped);
      Object.assign(notes, moves.notes);
    }
    const filledFields = await fillEmptyFields(trx, survivor, merged);
    await trx.deleteFrom('organisation').where('id', '=', mergedId).execute();

    const outcome: MergeOutcome = {
      survivorId,
      mergedId,
      survivorName: survivor.name,
      mergedName: merged.name,
      names: names.names,
      moved,
      dropped,
      registrationsOverridden: (notes.registrationsOverridden as number | undefined) ?? 0,
      droppedGrants: (notes.droppedGrants as DroppedGrant[] | undefined) ?? [],
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
