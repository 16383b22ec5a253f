import type { Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import type { AbsenceValues, ExpertValues, FormError } from '../form.js';
import '../tables.js';

/**
 * Keeping the pool: an entry is stored only with its consent (the form
 * refuses one without, the table's not-null columns too); a withdrawal takes
 * the person out of the pool and out of every pick list and proposal at once,
 * and erases what only the pool needed (contact, fees, notes). What they did
 * before (a forum they moderated, a referral) stays as history under their
 * name until an erasure through the data-protection pages removes the entry.
 * Every change is in the audit log: the pool holds persons, and an
 * association expert's entry reveals their association.
 */

type Db = Kysely<Database>;
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

async function checkLinks(db: Db, values: ExpertValues): Promise<FormError[]> {
  const errors: FormError[] = [];
  if (values.organisation_id !== null && !(await db.selectFrom('organisation').select('id').where('id', '=', values.organisation_id).executeTakeFirst())) errors.push({ field: 'organisation_id', code: 'choice' });
  if (values.person_id !== null && !(await db.selectFrom('person').select('id').where('id', '=', values.person_id).where('erased_at', 'is', null).executeTakeFirst())) errors.push({ field: 'person_id', code: 'choice' });
  return errors;
}

const columns = (values: ExpertValues) => ({
  kind: values.kind, full_name: values.full_name, organisation_id: values.organisation_id, person_id: values.person_id,
  topics: values.topics, languages: values.languages, districts: values.districts, fee_note: values.fee_note,
  email: values.email, phone: values.phone, notes: values.notes,
  consent_given_on: values.consent_given_on, consent_wording_version: values.consent_wording_version, consent_source: values.consent_source,
});

export async function createExpert(db: Db, accountId: number | null, values: ExpertValues): Promise<Outcome<number>> {
  const errors = await checkLinks(db, values);
  if (errors.length > 0) return { ok: false, errors };
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('expert').values({ ...columns(values), created_by: accountId }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, { accountId, action: 'expert.create', subjectType: 'expert', subjectId: row.id, details: { kind: values.kind, consentVersion: values.consent_wording_version } });
    return row.id;
  });
  return { ok: true, value: id };
}

/** Changes an entry in the pool; a withdrawn entry cannot be changed back in (a new consent is a new entry). */
export async function updateExpert(db: Db, accountId: number | null, id: number, values: ExpertValues): Promise<Outcome<number>> {
  const errors = await checkLinks(db, values);
  if (errors.length > 0) return { ok: false, errors };
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('expert').select(['id', 'consent_withdrawn_on']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) return { ok: false, errors: [{ field: 'form', code: 'gone' }] };
    if (before.consent_withdrawn_on !== null) return { ok: false, errors: [{ field: 'form', code: 'withdrawn' }] };
    await trx.updateTable('expert').set({ ...columns(values), updated_at: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, { accountId, action: 'expert.update', subjectType: 'expert', subjectId: id });
    return { ok: true, value: id } as const;
  });
}

/**
 * Records the withdrawal of consent on `day`: the entry leaves the pool and
 * every pick list at once (they all filter on consent_withdrawn_on), its
 * contact details, fees, notes and future bookings are removed. Twice is
 * harmless: the first day counts.
 */
export async function withdrawConsent(db: Db, accountId: number | null, id: number, day: string): Promise<{ removedBookings: number } | null> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('expert').select(['id', 'consent_withdrawn_on']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) return null;
    if (before.consent_withdrawn_on !== null) return { removedBookings: 0 };
    await trx.updateTable('expert')
      .set({ consent_withdrawn_on: day, email: null, phone: null, fee_note: '', notes: '', topics: [], languages: [], districts: [], updated_at: new Date() })
      .where('id', '=', id).execute();
    await trx.deleteFrom('expert_absence').where('expert_id', '=', id).execute();
    // bookings for forums still to come are cancelled; those of the past are history
    const removed = await trx.deleteFrom('expert_event').where('expert_id', '=', id)
      .where('event_id', 'in', (eb) => eb.selectFrom('event').select('id').where('start_date', '>=', day)).executeTakeFirst();
    await writeAudit(trx, { accountId, action: 'expert.consent_withdrawn', subjectType: 'expert', subjectId: id, details: { on: day, removedBookings: Number(removed.numDeletedRows) } });
    return { removedBookings: Number(removed.numDeletedRows) };
  });
}

/** Records a range of days on which the person cannot be booked; refused for an entry that has left the pool. */
export async function addAbsence(db: Db, accountId: number | null, expertId: number, values: AbsenceValues): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const expert = await trx.selectFrom('expert').select(['id', 'consent_withdrawn_on']).where('id', '=', expertId).forUpdate().executeTakeFirst();
    if (!expert) return { ok: false, errors: [{ field: 'form', code: 'gone' }] };
    if (expert.consent_withdrawn_on !== null) return { ok: false, errors: [{ field: 'form', code: 'withdrawn' }] };
    const row = await trx.insertInto('expert_absence').values({ expert_id: expertId, from_on: values.from_on, to_on: values.to_on, note: values.note, created_by: accountId }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, { accountId, action: 'expert.absence_add', subjectType: 'expert', subjectId: expertId, details: { from: values.from_on, to: values.to_on } });
    return { ok: true, value: row.id } as const;
  });
}

export async function removeAbsence(db: Db, accountId: number | null, expertId: number, absenceId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('expert_absence').where('id', '=', absenceId).where('expert_id', '=', expertId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await writeAudit(trx, { accountId, action: 'expert.absence_remove', subjectType: 'expert', subjectId: expertId });
    return true;
  });
}

/** Deletes absences whose last day is before `today` (the daily job): the pool keeps only what a proposal still needs. */
export async function deletePastAbsences(db: Db, today: string): Promise<number> {
  const removed = await db.deleteFrom('expert_absence').where('to_on', '<', today).executeTakeFirst();
  return Number(removed.numDeletedRows);
}
