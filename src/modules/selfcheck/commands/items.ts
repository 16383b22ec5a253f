import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import type { ItemInput } from '../form.js';

/**
 * Staff change an item's wording or mapping: a new version, never an edit in
 * place, so that checks answered to the old wording still read as they were
 * answered. The item row is locked, so two saves at once give versions n+1
 * and n+2 (the unique (item_key, version) would refuse a duplicate anyway).
 */
export async function saveItemVersion(db: Kysely<Database>, accountId: number | null, key: string, input: ItemInput): Promise<{ ok: true; version: number } | { ok: false }> {
  return db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('selfcheck_item').select('key').where('key', '=', key).forUpdate().executeTakeFirst();
    if (!item) return { ok: false };
    const { max } = await trx.selectFrom('selfcheck_item_version').select(sql<number>`coalesce(max(version), 0)::int`.as('max')).where('item_key', '=', key).executeTakeFirstOrThrow();
    const version = Number(max) + 1;
    await trx.insertInto('selfcheck_item_version').values({
      item_key: key, version, texts: JSON.stringify(input.texts), event_formats: input.eventFormats, wegweiser_topics: input.wegweiserTopics,
      consultation_topic: input.consultationTopic, pinboard_kinds: input.pinboardKinds, created_by: accountId,
    }).execute();
    await trx.updateTable('selfcheck_item').set({ active: input.active }).where('key', '=', key).execute();
    await writeAudit(trx, { accountId, action: 'selfcheck.item.save', subjectType: 'selfcheck_item', subjectId: key, details: { version } });
    return { ok: true, version };
  });
}
