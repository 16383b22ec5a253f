import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { DomainError } from '../../domain-error.js';
import { writeAudit } from '../../identity/index.js';
import { stateInput, type EntryInputDraft, type StateInput } from '../input.js';
import { concernStates } from '../tables.js';
import { EntryProblems, lockEntry, parseEntry } from './record.js';

type Db = Kysely<Database>;

/**
 * Saves the edit form: what, description, topic, date, district,
 * organisations, the public choice and wording. `version` is the one the
 * form was opened with: changed or merged since, the save is refused
 * (DomainError stale / merged) and the form keeps what was typed.
 */
export async function updateEntry(db: Db, actorId: number | null, id: number, version: number, draft: Omit<EntryInputDraft, 'source'>): Promise<void> {
  const input = parseEntry({ ...draft, source: { kind: 'other' } });
  await db.transaction().execute(async (trx) => {
    const entry = await lockEntry(trx, id, version);
    if (entry.kind !== input.kind) throw new EntryProblems([{ field: 'kind', code: 'kindFixed' }]);
    const organisations = [...new Set(input.organisationIds)];
    if (organisations.length > 0) {
      const found = await trx.selectFrom('organisation').select('id').where('id', 'in', organisations).execute();
      if (found.length !== organisations.length) throw new EntryProblems([{ field: 'organisations', code: 'organisationUnknown' }]);
    }
    await trx
      .updateTable('concern_entry')
      // translations belong to the title they translate: a changed title is staff's own (German) words
      .set({ title: input.title, title_translations: sql`case when title = ${input.title} then title_translations else '{}'::jsonb end`, description: input.description, topic: input.topic, raised_on: input.raisedOn, district: input.district, is_public: input.isPublic, public_wording: input.publicWording, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('concern_entry_organisation').where('entry_id', '=', id).execute();
    if (organisations.length > 0) await trx.insertInto('concern_entry_organisation').values(organisations.map((organisationId) => ({ entry_id: id, organisation_id: organisationId }))).execute();
    await writeAudit(trx, { accountId: actorId, action: 'concerns.update', subjectType: 'concern_entry', subjectId: id, details: { public: input.isPublic, organisations: organisations.length } });
  });
}

/** Which steps a concern may take from a state: forward it, record the outcome, or reopen a decided one (a new answer). */
const allowedSteps: Record<string, readonly string[]> = {
  collected: ['forwarded', 'declined'],
  forwarded: ['forwarded', 'changed', 'declined', 'collected'],
  changed: ['forwarded'],
  declined: ['forwarded'],
};

export function mayMove(from: string, to: string): boolean {
  return allowedSteps[from]?.includes(to) ?? false;
}

/**
 * Moves a concern on its way, in the caller's transaction (the state form,
 * the minutes of a Dialogtreffen): forwarded (date, meeting), the ministry's
 * answer, changed or declined; each step in the history with who and when.
 */
export async function moveConcern(trx: Transaction<Database>, actorId: number | null, id: number, version: number | null, raw: unknown): Promise<void> {
  const parsed = stateInput.safeParse(raw);
  if (!parsed.success) throw new EntryProblems(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'state', code: /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid' })));
  const step: StateInput = parsed.data;
  const entry = await lockEntry(trx, id, version);
  if (entry.kind !== 'concern') throw new DomainError('concerns', 'notAConcern');
  if (!mayMove(entry.state, step.state)) throw new EntryProblems([{ field: 'state', code: 'stepNotAllowed' }]);
  const forwardedOn = step.state === 'forwarded' ? (step.forwardedOn ?? entry.forwarded_on) : entry.forwarded_on;
  if (step.state === 'forwarded' && forwardedOn === null) throw new EntryProblems([{ field: 'forwardedOn', code: 'forwardedOnMissing' }]);
  await trx
    .updateTable('concern_entry')
    .set({
      state: step.state,
      forwarded_on: forwardedOn,
      forwarded_meeting_id: step.state === 'forwarded' && step.meetingId !== null ? step.meetingId : entry.forwarded_meeting_id,
      answer: step.answer ?? entry.answer,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
  await trx.insertInto('concern_state_change').values({ entry_id: id, from_state: entry.state, to_state: step.state, note: step.note, meeting_id: step.meetingId, account_id: actorId }).execute();
  await writeAudit(trx, { accountId: actorId, action: 'concerns.state', subjectType: 'concern_entry', subjectId: id, details: { from: entry.state, to: step.state, meeting: step.meetingId } });
}

export async function changeConcernState(db: Db, actorId: number | null, id: number, version: number, raw: unknown): Promise<void> {
  await db.transaction().execute((trx) => moveConcern(trx, actorId, id, version, raw));
}

export const concernSteps = concernStates;
