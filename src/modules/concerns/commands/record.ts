import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { DomainError } from '../../domain-error.js';
import { writeAudit } from '../../identity/index.js';
import { entryInput, problemsOf, type EntryInput, type EntryInputDraft, type FieldProblem } from '../input.js';

type Db = Kysely<Database>;

/** Thrown with every problem of the input: the form shows each beside its field (and row). */
export class EntryProblems extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super('concerns', problems[0]?.code ?? 'invalid', problems[0]?.field ?? null, problems[0]?.row === undefined ? {} : { row: problems[0].row });
  }
}

/** Parses a draft; throws EntryProblems naming each field (and the row of a list). */
export function parseEntry(draft: EntryInputDraft, row?: number): EntryInput {
  const parsed = entryInput.safeParse(draft);
  if (!parsed.success) throw new EntryProblems(problemsOf(parsed.error, row));
  return parsed.data;
}

/** A need starts open; a concern starts collected (not yet forwarded to the ministry). */
const firstState = (kind: EntryInput['kind']) => (kind === 'need' ? 'open' : 'collected');

/** Stores one entry with its source and organisations, in the caller's transaction. */
export async function insertEntry(trx: Transaction<Database>, actorId: number | null, input: EntryInput): Promise<number> {
  const state = firstState(input.kind);
  const { id } = await trx
    .insertInto('concern_entry')
    .values({
      kind: input.kind, title: input.title, title_translations: JSON.stringify(input.titleTranslations), description: input.description, topic: input.topic, raised_on: input.raisedOn, district: input.district,
      state, is_public: input.isPublic, public_wording: input.publicWording, created_by: actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const s = input.source;
  await trx
    .insertInto('concern_source')
    .values({ entry_id: id, kind: s.kind, event_id: s.eventId, feedback_response_id: s.feedbackResponseId, feedback_question_id: s.feedbackQuestionId, consultation_id: s.consultationId, note: s.note, raised_on: input.raisedOn })
    .execute();
  const organisations = [...new Set(input.organisationIds)];
  if (organisations.length > 0) await trx.insertInto('concern_entry_organisation').values(organisations.map((organisationId) => ({ entry_id: id, organisation_id: organisationId }))).execute();
  await trx.insertInto('concern_state_change').values({ entry_id: id, from_state: null, to_state: state, account_id: actorId }).execute();
  // only counts in the log: which organisations raised it is sensitive (membership can reveal origin)
  await writeAudit(trx, { accountId: actorId, action: 'concerns.create', subjectType: 'concern_entry', subjectId: id, details: { kind: input.kind, source: s.kind, organisations: organisations.length } });
  return id;
}

/** The organisations must exist (a stale form, or another module's wrong id): named, never silently dropped. */
async function checkOrganisations(trx: Transaction<Database>, ids: number[], row?: number) {
  if (ids.length === 0) return;
  const found = await trx.selectFrom('organisation').select('id').where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size) throw new EntryProblems([{ field: 'organisations', code: 'organisationUnknown', row }]);
}

/** One entry, from the staff form or a consultation; returns its id. */
export async function recordEntry(db: Db, actorId: number | null, draft: EntryInputDraft): Promise<number> {
  const input = parseEntry(draft);
  return db.transaction().execute(async (trx) => {
    await checkOrganisations(trx, input.organisationIds);
    return insertEntry(trx, actorId, input);
  });
}

/**
 * For other modules (the evaluator's observations, the self-check): records
 * a need or a concern (kind defaults to 'need') as the system or an account.
 * Throws EntryProblems (a DomainError) when the input is not valid.
 */
export async function recordNeed(db: Db, draft: Omit<EntryInputDraft, 'kind'> & { kind?: EntryInput['kind'] }, actorId: number | null = null): Promise<number> {
  return recordEntry(db, actorId, { kind: 'need', ...draft });
}

/**
 * The same inside another module's transaction (the evaluator's protocol is
 * stored with the needs it passes to the log, or not at all). Throws
 * EntryProblems, which rolls the caller's transaction back.
 */
export async function recordNeedInTransaction(trx: Transaction<Database>, draft: Omit<EntryInputDraft, 'kind'> & { kind?: EntryInput['kind'] }, actorId: number | null = null): Promise<number> {
  const input = parseEntry({ kind: 'need', ...draft });
  await checkOrganisations(trx, input.organisationIds);
  return insertEntry(trx, actorId, input);
}

/**
 * A workshop's results entered after the event: several needs and concerns
 * at once, each with the event as source. All rows or none: a bad row names
 * its number and nothing is stored.
 */
export async function recordWorkshopResults(db: Db, actorId: number | null, eventId: number, drafts: EntryInputDraft[]): Promise<number[]> {
  const problems: FieldProblem[] = [];
  const inputs: EntryInput[] = [];
  drafts.forEach((draft, index) => {
    try {
      inputs.push(parseEntry({ ...draft, source: { kind: 'event', eventId } }, index + 1));
    } catch (error) {
      if (error instanceof EntryProblems) problems.push(...error.problems);
      else throw error;
    }
  });
  if (problems.length > 0) throw new EntryProblems(problems);
  if (inputs.length === 0) throw new EntryProblems([{ field: 'rows', code: 'noRows' }]);
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const [index, input] of inputs.entries()) {
      await checkOrganisations(trx, input.organisationIds, index + 1);
      ids.push(await insertEntry(trx, actorId, input));
    }
    return ids;
  });
}

/** Locks a live entry for a change and checks the version the editor saw; merged or changed meanwhile: a clear error. */
export async function lockEntry(trx: Transaction<Database>, id: number, version: number | null) {
  const entry = await sql<{ id: number; kind: 'need' | 'concern'; state: string; version: number; merged_into: number | null; answer: string; forwarded_on: string | null; forwarded_meeting_id: number | null }>`
    select id, kind, state, version, merged_into, answer, forwarded_on, forwarded_meeting_id from concern_entry where id = ${id} for update`.execute(trx);
  const row = entry.rows[0];
  if (!row) throw new DomainError('concerns', 'notFound');
  if (row.merged_into !== null) throw new DomainError('concerns', 'merged', null, { id: row.merged_into });
  if (version !== null && row.version !== version) throw new DomainError('concerns', 'stale', null, { version: row.version });
  return row;
}
