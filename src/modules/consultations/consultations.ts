import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import { pickableExpert } from '../experts/index.js';
import { resolveOrganisationName } from '../organisations/index.js';
import { normaliseName } from '../names/index.js';
import type { ConsultationValues } from './form.js';
import { closeRequestWithConsultation } from './requests.js';

/**
 * Logging a consultation: the organisation is the one chosen by id, or the
 * one its name means (spec/exchange.md, "Which organisation a name means");
 * a name matching none creates an organisation flagged for review.
 */

export type SaveOutcome =
  | { ok: true; id: number; createdOrganisation: boolean }
  | { ok: false; problem: 'duplicate' | 'requestClosed' | 'notInPool' };

/** Thrown inside the transaction to roll back an organisation created for a consultation that is not stored. */
class Duplicate extends Error {}
/** Thrown when the request a consultation is logged for was closed meanwhile: nothing is stored. */
class RequestClosed extends Error {}
/** Thrown when the expert picked has left the pool (consent withdrawn, erased) since the form was shown. */
class NotInPool extends Error {}

/**
 * The referral's expert from the pool (issue 15): it must be in the pool now,
 * unless it is the one the consultation already referred to (history stays
 * when a consent is withdrawn later). Without a free-text name the pool's name
 * is written there, so that the consultation keeps it after an erasure.
 */
async function withPoolExpert(trx: Kysely<Database>, values: ConsultationValues, keptId: number | null = null): Promise<ConsultationValues> {
  if (values.referral_expert_id === null || values.referral_expert_id === keptId) return values;
  const expert = await pickableExpert(trx, values.referral_expert_id);
  if (!expert) throw new NotInPool();
  return { ...values, referral_expert: values.referral_expert ?? expert.full_name };
}

async function organisationFor(trx: Kysely<Database>, values: ConsultationValues): Promise<{ organisationId: number; created: boolean }> {
  if (values.organisation_id !== null) {
    // the chosen organisation counts while the name typed is one of its names
    const names = await trx.selectFrom('organisation_name').select('normalised_name').where('organisation_id', '=', values.organisation_id).execute();
    if (names.some((row) => row.normalised_name === normaliseName(values.organisation))) return { organisationId: values.organisation_id, created: false };
  }
  // organisation.created_from accepts 'staff'; matching.ts's type lists the list sources only
  const resolved = await resolveOrganisationName(trx, values.organisation, { createdFrom: 'staff' });
  return resolved!; // the form requires a letter or digit, so the name is never empty
}

/** `topic` (the import identity) is the first of the topics: the one it was before when still ticked, so an edit keeps the identity. */
const columnsOf = (values: ConsultationValues, organisationId: number, firstBefore?: string) => {
  const topics = firstBefore && values.topics.includes(firstBefore) ? [firstBefore, ...values.topics.filter((key) => key !== firstBefore)] : values.topics;
  return { ...otherColumns(values, organisationId), topic: topics[0], topics };
};

const otherColumns = (values: ConsultationValues, organisationId: number) => ({
  consulted_on: values.consulted_on,
  organisation_id: organisationId,
  channel: values.channel,
  duration_minutes: values.duration_minutes,
  persons: values.persons,
  outcome: values.outcome,
  notes: values.notes,
  follow_up_on: values.follow_up_on,
  referral_expert_id: values.referral_expert_id,
  referral_expert: values.referral_expert,
  referral_cost_eur: values.referral_cost_eur,
  // undefined (a caller that does not know the Wegweiser field) leaves the column as it is
  wegweiser_service_id: values.wegweiser_service_id,
});

async function assertUnique(trx: Kysely<Database>, columns: ReturnType<typeof columnsOf>, exceptId: number | null) {
  // consultation_identity: (date, organisation, channel, topic)
  let query = trx
    .selectFrom('consultation')
    .select('id')
    .where('consulted_on', '=', columns.consulted_on)
    .where('organisation_id', '=', columns.organisation_id)
    .where('channel', '=', columns.channel)
    .where('topic', '=', columns.topic);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw new Duplicate();
}

/** Logs a consultation; for a representative's request (`forRequest`) it links and closes that request in the same transaction. */
export async function createConsultation(
  db: Kysely<Database>,
  values: ConsultationValues,
  accountId: number,
  forRequest?: { requestId: number; baseUrl: string },
): Promise<SaveOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      values = await withPoolExpert(trx, values);
      const organisation = await organisationFor(trx, values);
      const columns = columnsOf(values, organisation.organisationId);
      await assertUnique(trx, columns, null);
      const { id } = await trx
        .insertInto('consultation')
        .values({ ...columns, source: 'staff', created_by: accountId, referral_status: values.referral_expert ? 'proposed' : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const fields = Object.entries(columns).filter(([, value]) => value !== null).map(([field]) => field);
      await writeAudit(trx, {
        accountId,
        action: 'consultation.create',
        subjectType: 'consultation',
        subjectId: id,
        details: { fields, organisationId: organisation.organisationId, ...(forRequest ? { requestId: forRequest.requestId } : {}) },
      });
      if (forRequest && !(await closeRequestWithConsultation(trx, forRequest.requestId, id, accountId, forRequest.baseUrl))) throw new RequestClosed();
      return { ok: true as const, id, createdOrganisation: organisation.created };
    });
  } catch (error) {
    if (error instanceof Duplicate) return { ok: false, problem: 'duplicate' };
    if (error instanceof RequestClosed) return { ok: false, problem: 'requestClosed' };
    if (error instanceof NotInPool) return { ok: false, problem: 'notInPool' };
    throw error;
  }
}

/** Saves the form over a consultation; null when it does not exist. The audit names the changed fields only. */
export async function updateConsultation(db: Kysely<Database>, id: number, values: ConsultationValues, accountId: number): Promise<SaveOutcome | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('consultation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) return null;
      values = await withPoolExpert(trx, values, before.referral_expert_id);
      const organisation = await organisationFor(trx, values);
      const columns = columnsOf(values, organisation.organisationId, before.topic);
      await assertUnique(trx, columns, id);
      const same = (a: unknown, b: unknown) => (a === null || a === undefined ? null : String(a)) === (b === null ? null : String(b));
      const fields = Object.entries(columns).filter(([field, value]) => !same((before as Record<string, unknown>)[field], value)).map(([field]) => field);
      // a new or different expert makes the referral a proposal again; no expert, no referral
      const referralStatus = !values.referral_expert ? null : fields.includes('referral_expert') || fields.includes('referral_expert_id') || fields.includes('referral_cost_eur') || !before.referral_status ? 'proposed' : before.referral_status;
      const referralReset = referralStatus !== before.referral_status;
      await trx
        .updateTable('consultation')
        .set({
          ...columns,
          updated_at: sql`now()`,
          referral_status: referralStatus,
          ...(referralReset ? { referral_approved_by: null, referral_approved_at: null } : {}),
        })
        .where('id', '=', id)
        .execute();
      if (fields.length > 0) await writeAudit(trx, { accountId, action: 'consultation.update', subjectType: 'consultation', subjectId: id, details: { fields } });
      return { ok: true as const, id, createdOrganisation: organisation.created };
    });
  } catch (error) {
    if (error instanceof Duplicate) return { ok: false, problem: 'duplicate' };
    if (error instanceof NotInPool) return { ok: false, problem: 'notInPool' };
    throw error;
  }
}

export async function markFollowUpDone(db: Kysely<Database>, id: number, accountId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('consultation')
      .set({ follow_up_done_at: sql`now()` })
      .where('id', '=', id)
      .where('follow_up_on', 'is not', null)
      .where('follow_up_done_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await writeAudit(trx, { accountId, action: 'consultation.follow_up_done', subjectType: 'consultation', subjectId: id });
    return true;
  });
}

/** Approves or rejects a proposed referral (or changes a decision); audited. False when there is no referral. */
export async function decideReferral(db: Kysely<Database>, id: number, decision: 'approved' | 'rejected', accountId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('consultation')
      .set({ referral_status: decision, referral_approved_by: accountId, referral_approved_at: sql`now()` })
      .where('id', '=', id)
      .where('referral_status', 'is not', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await writeAudit(trx, { accountId, action: `consultation.referral_${decision}`, subjectType: 'consultation', subjectId: id, details: { decision } });
    return true;
  });
}
