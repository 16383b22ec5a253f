import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { currentChecklist } from './items.js';
import type { Answer } from './tables.js';

/**
 * The demo's Vereins-Checks: the first six organisations (the demo
 * representative speaks for the first with people, as ensureDemoAccount
 * chooses it, so that one is among them) each have two checks, a year and a
 * few weeks before the demo's `today`, so the history shows movement. The
 * answers are spread by a fixed rule, so the demo reads the same every time.
 * Idempotent: an organisation that has checks already is left alone.
 */

const shift = (today: string, days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const earlier: Answer[] = ['not_yet', 'not_yet', 'in_progress', 'done', 'not_relevant', 'not_yet', 'in_progress'];

/** The answer of the n-th item in the earlier check, and one step further for some in the later one. */
function answersFor(organisationIndex: number, itemIndex: number): [Answer, Answer] {
  const before = earlier[(organisationIndex * 3 + itemIndex) % earlier.length]!;
  const moves = (organisationIndex + itemIndex) % 3 === 0;
  const after: Answer = !moves ? before : before === 'not_yet' ? 'in_progress' : before === 'in_progress' ? 'done' : before;
  return [before, after];
}

export async function loadSelfcheckDemo(db: Kysely<Database>, today: string): Promise<void> {
  const withPeople = await db.selectFrom('person_role').select('organisation_id').orderBy('organisation_id').executeTakeFirst();
  const others = await db.selectFrom('organisation').select('id').orderBy('id').limit(6).execute();
  const ids = [...new Set([...(withPeople ? [withPeople.organisation_id] : []), ...others.map((row) => row.id)])].slice(0, 6);
  const { items } = await currentChecklist(db);
  for (const [organisationIndex, organisationId] of ids.entries()) {
    const has = await db.selectFrom('selfcheck').select('id').where('organisation_id', '=', organisationId).executeTakeFirst();
    if (has) continue;
    await db.transaction().execute(async (trx) => {
      for (const [which, day] of [[0, shift(today, -400)], [1, shift(today, -30)]] as const) {
        const { id } = await trx.insertInto('selfcheck').values({
          organisation_id: organisationId, state: 'submitted', with_adviser: which === 0, start_token: `demo-${organisationId}-${which}-${day}`,
          submitted_on: day, submitted_at: `${day}T10:00:00Z`, latest: which === 1,
        }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('selfcheck_answer').values(items.map((item, itemIndex) => ({
          selfcheck_id: id, item_key: item.key, item_version_id: item.versionId, organisation_id: organisationId, latest: which === 1,
          answer: answersFor(organisationIndex, itemIndex)[which],
          note: which === 1 && itemIndex === 21 ? 'Wir möchten im nächsten Jahr den ersten eigenen Antrag stellen.' : null,
        }))).execute();
      }
    });
  }
}
