import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { DomainError } from '../../domain-error.js';
import { writeAudit } from '../../identity/index.js';
import { lockEntry } from './record.js';

/**
 * Merges a duplicate into another entry of the same kind: its sources,
 * organisations, the events that took it up and its agenda places move to
 * the survivor; the duplicate stays as a pointer (merged_into) so that old
 * links lead on. `version` is the duplicate's as the merging person saw it;
 * both rows are locked in id order so that two crossed merges cannot
 * deadlock or lose rows.
 */
export async function mergeEntries(db: Kysely<Database>, actorId: number | null, duplicateId: number, version: number, survivorId: number): Promise<void> {
  if (duplicateId === survivorId) throw new DomainError('concerns', 'mergeSelf', 'into');
  await db.transaction().execute(async (trx) => {
    const [first, second] = duplicateId < survivorId ? [duplicateId, survivorId] : [survivorId, duplicateId];
    const locked = new Map<number, Awaited<ReturnType<typeof lockEntry>>>();
    for (const id of [first, second]) {
      try {
        locked.set(id, await lockEntry(trx, id, id === duplicateId ? version : null));
      } catch (error) {
        if (id === survivorId && error instanceof DomainError && (error.code === 'notFound' || error.code === 'merged')) throw new DomainError('concerns', 'mergeTargetGone', 'into');
        throw error;
      }
    }
    const duplicate = locked.get(duplicateId)!;
    const survivor = locked.get(survivorId)!;
    if (duplicate.kind !== survivor.kind) throw new DomainError('concerns', 'mergeKinds', 'into');
    const moved = {
      sources: Number((await trx.updateTable('concern_source').set({ entry_id: survivorId }).where('entry_id', '=', duplicateId).executeTakeFirst()).numUpdatedRows),
      organisations: (await sql`insert into concern_entry_organisation (entry_id, organisation_id)
        select ${survivorId}, organisation_id from concern_entry_organisation where entry_id = ${duplicateId} on conflict do nothing`.execute(trx)).numAffectedRows,
      events: (await sql`insert into concern_entry_event (entry_id, event_id)
        select ${survivorId}, event_id from concern_entry_event where entry_id = ${duplicateId} on conflict do nothing`.execute(trx)).numAffectedRows,
    };
    await trx.deleteFrom('concern_entry_organisation').where('entry_id', '=', duplicateId).execute();
    await trx.deleteFrom('concern_entry_event').where('entry_id', '=', duplicateId).execute();
    // an agenda that held both keeps the survivor's place; one that held only the duplicate now holds the survivor
    await sql`update concern_agenda_item a set entry_id = ${survivorId} where entry_id = ${duplicateId}
      and not exists (select 1 from concern_agenda_item b where b.meeting_id = a.meeting_id and b.entry_id = ${survivorId})`.execute(trx);
    await trx.deleteFrom('concern_agenda_item').where('entry_id', '=', duplicateId).execute();
    await sql`update concern_entry set raised_on = least(raised_on, (select raised_on from concern_entry where id = ${duplicateId})),
      version = version + 1, updated_at = now() where id = ${survivorId}`.execute(trx);
    await sql`update concern_entry set merged_into = ${survivorId}, is_public = false, version = version + 1, updated_at = now() where id = ${duplicateId}`.execute(trx);
    // the history of both says what happened: "merged in #12" on the survivor, "merged into #7" on the duplicate
    await trx.insertInto('concern_state_change').values([
      { entry_id: survivorId, from_state: survivor.state, to_state: 'merged_in', note: `#${duplicateId}`, account_id: actorId },
      { entry_id: duplicateId, from_state: duplicate.state, to_state: 'merged', note: `#${survivorId}`, account_id: actorId },
    ]).execute();
    await writeAudit(trx, { accountId: actorId, action: 'concerns.merge', subjectType: 'concern_entry', subjectId: survivorId, details: { merged: duplicateId, sources: moved.sources, organisations: Number(moved.organisations ?? 0), events: Number(moved.events ?? 0) } });
  });
}
