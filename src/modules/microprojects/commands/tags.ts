import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import type { FormError } from '../form.js';

/**
 * The tags of a project and the staff-kept list (chapter 5.6). Confirming
 * replaces the project's tags with the chosen ones in one transaction (a
 * double submit stores the same set again); a key that is not on the list
 * is refused and nothing changes.
 */

type Db = Kysely<Database>;

export async function confirmTags(db: Db, accountId: number | null, projectId: number, keys: readonly string[]): Promise<{ ok: true } | { ok: false; errors: FormError[] }> {
  const chosen = [...new Set(keys)];
  return db.transaction().execute(async (trx) => {
    // one confirmation at a time per project: the row lock orders two staff members' submits
    await trx.selectFrom('microproject').select('id').where('id', '=', projectId).forUpdate().executeTakeFirstOrThrow();
    if (chosen.length > 0) {
      const known = await trx.selectFrom('microproject_tag').select('key').where('key', 'in', chosen).execute();
      if (known.length !== chosen.length) return { ok: false as const, errors: [{ field: 'tags', code: 'unknownTag' }] };
    }
    const before = await trx.selectFrom('microproject_project_tag').select('tag_key').where('project_id', '=', projectId).execute();
    const had = new Set(before.map((row) => row.tag_key));
    const removed = [...had].filter((key) => !chosen.includes(key));
    const added = chosen.filter((key) => !had.has(key));
    if (removed.length > 0) await trx.deleteFrom('microproject_project_tag').where('project_id', '=', projectId).where('tag_key', 'in', removed).execute();
    if (added.length > 0) {
      await trx.insertInto('microproject_project_tag').values(added.map((key) => ({ project_id: projectId, tag_key: key, confirmed_by: accountId })))
        .onConflict((oc) => oc.columns(['project_id', 'tag_key']).doNothing()).execute();
    }
    if (added.length > 0 || removed.length > 0) {
      await writeAudit(trx, { accountId, action: 'microproject.tags', subjectType: 'microproject', subjectId: projectId, details: { added, removed } });
    }
    return { ok: true as const };
  });
}

/** A tag of the list as staff write it on /microprojects/tags. */
export const tagInputSchema = z.object({
  key: z.string().trim().regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)?$/).max(60),
  kind: z.enum(['target_group', 'goal']),
  label_de: z.string().trim().min(1).max(120),
  label_en: z.string().trim().min(1).max(120),
  keywords: z.string().trim().max(1000).default(''),
  position: z.coerce.number().int().min(0).max(10_000).default(500),
});
export type TagInput = z.infer<typeof tagInputSchema>;

/** Adds a tag or changes its labels, keywords and place (its key stays: the report's JSON uses it). */
export async function saveTag(db: Db, accountId: number, input: TagInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('microproject_tag').values({ ...input, updated_at: new Date() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ kind: input.kind, label_de: input.label_de, label_en: input.label_en, keywords: input.keywords, position: input.position, updated_at: new Date() }))
      .execute();
    await writeAudit(trx, { accountId, action: 'microproject.tag.save', subjectType: 'microproject_tag', subjectId: null, details: { key: input.key } });
  });
}
