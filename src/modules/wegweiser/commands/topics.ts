import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import type { Problem } from '../input.js';

const mosaikTaxonomyId = 'a0000000-0000-4000-8000-000000000001';

/** Staff rename topics (codes stay: imports, links and the API rely on them) and add new ones. */
export async function saveTopics(db: Kysely<Database>, actor: { id: number }, input: { names: Record<string, string>; newCode: string; newName: string }): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [code, name] of Object.entries(input.names)) if (name.trim() === '') problems.push({ field: `name_${code}`, code: 'nameMissing' });
  const newCode = input.newCode.trim().toLowerCase();
  if (newCode !== '' && !/^[a-z0-9][a-z0-9_-]*$/.test(newCode)) problems.push({ field: 'new_code', code: 'codeInvalid' });
  if (newCode !== '' && input.newName.trim() === '') problems.push({ field: 'new_name', code: 'nameMissing' });
  if (newCode !== '' && (await db.selectFrom('wegweiser_taxonomy_term').select('id').where('code', '=', newCode).executeTakeFirst())) problems.push({ field: 'new_code', code: 'codeTaken', parameters: { value: newCode } });
  if (problems.length > 0) return problems;
  await db.transaction().execute(async (trx) => {
    for (const [code, name] of Object.entries(input.names)) await trx.updateTable('wegweiser_taxonomy_term').set({ name: name.trim() }).where('code', '=', code).execute();
    if (newCode !== '') {
      const last = await trx.selectFrom('wegweiser_taxonomy_term').select((eb) => eb.fn.max('position').as('position')).executeTakeFirst();
      await trx.insertInto('wegweiser_taxonomy_term').values({ taxonomy_id: mosaikTaxonomyId, code: newCode, name: input.newName.trim(), position: Number(last?.position ?? 0) + 1 }).execute();
    }
    await writeAudit(trx, { accountId: actor.id, action: 'wegweiser.topics.save', subjectType: 'wegweiser_taxonomy_term', subjectId: null, details: { added: newCode || null } });
  });
  return [];
}
