import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/tables.js';
import { isIsoDay } from '../../ui/dates.js';
import { writeAudit } from '../identity/index.js';
import { cleanBody } from './content.js';
import type { PortalEasyReadTable } from './tables.js';

/** The four Leichte Sprache explanations of the start page, in this order. */
export const easyReadTopics = ['offers', 'navigation', 'statement', 'more'] as const;
export type EasyReadTopic = (typeof easyReadTopics)[number];
export type EasyRead = Selectable<PortalEasyReadTable>;

export interface EasyReadInput {
  title: string;
  body: string;
  /** Who checked the text with readers of Leichte Sprache, and when (YYYY-MM-DD); both or neither. */
  checkedBy: string;
  checkedOn: string;
}

export type EasyReadOutcome = { kind: 'saved'; cleaned: boolean; checkCleared: boolean } | { kind: 'invalid'; errors: { field: keyof EasyReadInput; code: string }[] };

export async function easyReadTexts(db: Kysely<Database>): Promise<EasyRead[]> {
  const rows = await db.selectFrom('portal_easy_read').selectAll().execute();
  return easyReadTopics.flatMap((topic) => rows.filter((row) => row.topic === topic));
}

/**
 * Saves an explanation. A changed text loses its "geprüft" mark unless the
 * same save sets a new one: the mark vouches for the words that were checked.
 */
export async function saveEasyRead(db: Kysely<Database>, actor: { accountId: number }, topic: EasyReadTopic, input: EasyReadInput): Promise<EasyReadOutcome> {
  const body = cleanBody(input.body);
  const errors: { field: keyof EasyReadInput; code: string }[] = [];
  if (input.title.trim() === '') errors.push({ field: 'title', code: 'titleMissing' });
  if (body.html === '') errors.push({ field: 'body', code: 'bodyMissing' });
  const checkedBy = input.checkedBy.trim().slice(0, 200);
  if (input.checkedOn !== '' && !isIsoDay(input.checkedOn)) errors.push({ field: 'checkedOn', code: 'dateInvalid' });
  else if ((checkedBy === '') !== (input.checkedOn === '')) errors.push({ field: checkedBy === '' ? 'checkedBy' : 'checkedOn', code: 'checkIncomplete' });
  if (errors.length > 0) return { kind: 'invalid', errors };
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('portal_easy_read').selectAll().where('topic', '=', topic).executeTakeFirst();
    const textChanged = !before || before.body !== body.html || before.title !== input.title.trim();
    const markGiven = checkedBy !== '' && (checkedBy !== before?.checked_by || input.checkedOn !== before?.checked_on);
    const keepMark = !textChanged || markGiven;
    const values = {
      title: input.title.trim(),
      body: body.html,
      checked_by: keepMark ? checkedBy : '',
      checked_on: keepMark && input.checkedOn !== '' ? input.checkedOn : null,
      updated_by: actor.accountId,
    };
    await trx
      .insertInto('portal_easy_read')
      .values({ topic, ...values })
      .onConflict((conflict) => conflict.column('topic').doUpdateSet({ ...values, updated_at: sql`now()` }))
      .execute();
    await writeAudit(trx, { accountId: actor.accountId, action: 'portal.easyRead.save', subjectType: 'portal_easy_read', subjectId: topic, details: { checked: values.checked_by !== '' } });
    return { kind: 'saved', cleaned: body.cleaned, checkCleared: !keepMark && before?.checked_by !== '' && before !== undefined } as const;
  });
}
