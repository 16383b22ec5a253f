import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import { todayInBerlin } from '../consultations/index.js';
import { findOrganisationIds } from '../organisations/index.js';
import { normaliseName } from '../names/index.js';
import type { ConsentValues, PersonValues, WithdrawalValues } from './form.js';
import type { PersonLanguage, PersonRole } from './tables.js';

/**
 * Changing persons, their roles and their consents. Each operation runs in
 * one transaction with its audit entry; the audit names changed fields,
 * organisations, roles and purposes, never the values typed.
 */

type Db = Kysely<Database>;

export async function createPerson(db: Db, values: PersonValues, accountId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('person').values({ ...values, source: 'staff' }).returning('id').executeTakeFirstOrThrow();
    const fields = Object.entries(values).filter(([, value]) => value !== null).map(([field]) => field);
    await writeAudit(trx, { accountId, action: 'person.create', subjectType: 'person', subjectId: id, details: { fields } });
    return id;
  });
}

/**
 * The person record of an account, inside the caller's transaction: the one
 * already linked, or a new one from the account (source: representative) when
 * a confirmed claim makes the account's holder a person of an organisation.
 */
export async function personForAccount(
  trx: Db,
  account: { id: number; email: string; displayName: string | null; language: PersonLanguage },
  actorId: number,
  from: string,
): Promise<number> {
  const existing = await trx.selectFrom('person').select('id').where('account_id', '=', account.id).where('erased_at', 'is', null).orderBy('id').executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await trx
    .insertInto('person')
    .values({ full_name: (account.displayName || account.email).slice(0, 200), email: account.email, preferred_language: account.language, source: 'representative', account_id: account.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(trx, { accountId: actorId, action: 'person.create', subjectType: 'person', subjectId: id, details: { from, accountId: account.id } });
  return id;
}

/** Gives the person the role in the organisation, inside the caller's transaction; a role held already stays as it is. */
export async function ensureRole(trx: Db, personId: number, organisationId: number, role: PersonRole): Promise<void> {
  await trx.insertInto('person_role').values({ person_id: personId, organisation_id: organisationId, role }).onConflict((conflict) => conflict.doNothing()).execute();
}

export type UpdateOutcome = { ok: true; changed: string[] } | { ok: false; problem: 'notFound' | 'erased' };

/** Saves the given fields over the person; only the fields that differ are written and audited. */
export async function updatePerson(db: Db, id: number, values: Partial<PersonValues>, accountId: number): Promise<UpdateOutcome> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('person').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) return { ok: false, problem: 'notFound' };
    if (current.erased_at !== null) return { ok: false, problem: 'erased' };
    const changes = Object.fromEntries(Object.entries(values).filter(([field, value]) => value !== undefined && current[field as keyof typeof current] !== value));
    const changed = Object.keys(changes);
    if (changed.length === 0) return { ok: true, changed };
    await trx.updateTable('person').set({ ...changes, updated_at: sql`now()`, last_activity_at: sql`now()` }).where('id', '=', id).execute();
    await writeAudit(trx, { accountId, action: 'person.update', subjectType: 'person', subjectId: id, details: { fields: changed } });
    return { ok: true, changed };
  });
}

/** The organisation a typed text means: its number, or one of its names or aliases exactly (after normalising). */
export async function organisationMeant(db: Db, text: string): Promise<number | undefined> {
  const trimmed = text.trim().replace(/^#/, '');
  if (/^\d{1,9}$/.test(trimmed)) {
    const row = await db.selectFrom('organisation').select('id').where('id', '=', Number(trimmed)).executeTakeFirst();
    return row?.id;
  }
  const normalised = normaliseName(trimmed);
  return (await findOrganisationIds(db, [normalised])).get(normalised);
}

const touch = (trx: Db, personId: number) => trx.updateTable('person').set({ last_activity_at: sql`now()` }).where('id', '=', personId).execute();

export interface RoleInput {
  organisationId: number;
  role: PersonRole;
  since: string | null;
  until: string | null;
}

export async function addRole(db: Db, personId: number, input: RoleInput, accountId: number): Promise<{ ok: true } | { ok: false; problem: 'duplicate' }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('person_role')
      .select('role')
      .where('person_id', '=', personId)
      .where('organisation_id', '=', input.organisationId)
      .where('role', '=', input.role)
      .executeTakeFirst();
    if (existing) return { ok: false as const, problem: 'duplicate' as const };
    await trx.insertInto('person_role').values({ person_id: personId, organisation_id: input.organisationId, role: input.role, since: input.since, until: input.until }).execute();
    await touch(trx, personId);
    await writeAudit(trx, { accountId, action: 'person.role.add', subjectType: 'person', subjectId: personId, details: { organisationId: input.organisationId, role: input.role } });
    return { ok: true as const };
  });
}

/** Ends a current role on the given day (today when none is given). */
export async function endRole(
  db: Db,
  personId: number,
  key: { organisationId: number; role: PersonRole; until: string | null },
  accountId: number,
  today = todayInBerlin(),
): Promise<{ ok: true } | { ok: false; problem: 'notFound' | 'untilBeforeSince' }> {
  const until = key.until ?? today;
  return db.transaction().execute(async (trx) => {
    const role = await trx
      .selectFrom('person_role')
      .select(['since', 'until'])
      .where('person_id', '=', personId)
      .where('organisation_id', '=', key.organisationId)
      .where('role', '=', key.role)
      .forUpdate()
      .executeTakeFirst();
    if (!role) return { ok: false as const, problem: 'notFound' as const };
    if (role.since !== null && until < role.since) return { ok: false as const, problem: 'untilBeforeSince' as const };
    await trx.updateTable('person_role').set({ until }).where('person_id', '=', personId).where('organisation_id', '=', key.organisationId).where('role', '=', key.role).execute();
    await touch(trx, personId);
    await writeAudit(trx, { accountId, action: 'person.role.end', subjectType: 'person', subjectId: personId, details: { organisationId: key.organisationId, role: key.role } });
    return { ok: true as const };
  });
}

/** Removes a role recorded by mistake (an ended role is kept by endRole instead). */
export async function removeRole(db: Db, personId: number, key: { organisationId: number; role: PersonRole }, accountId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('person_role')
      .where('person_id', '=', personId)
      .where('organisation_id', '=', key.organisationId)
      .where('role', '=', key.role)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await writeAudit(trx, { accountId, action: 'person.role.remove', subjectType: 'person', subjectId: personId, details: { organisationId: key.organisationId, role: key.role } });
    return true;
  });
}

export type ConsentProblem = 'unknownWording' | 'beforeWording' | 'future' | 'duplicate';

/**
 * Records a consent to one version of a wording. The version must exist and
 * be in force on the day given (valid_from); a day in the future is refused,
 * and so is a second current consent to the same version.
 */
export async function recordConsent(
  db: Db,
  personId: number,
  values: ConsentValues,
  accountId: number,
  today = todayInBerlin(),
): Promise<{ ok: true; id: number } | { ok: false; problem: ConsentProblem }> {
  return db.transaction().execute(async (trx) => {
    const { purpose, version } = values.wording;
    const wording = await trx.selectFrom('consent_wording').select('valid_from').where('purpose', '=', purpose).where('version', '=', version).executeTakeFirst();
    if (!wording) return { ok: false as const, problem: 'unknownWording' as const };
    if (values.given_on > today) return { ok: false as const, problem: 'future' as const };
    if (values.given_on < wording.valid_from) return { ok: false as const, problem: 'beforeWording' as const };
    const current = await trx
      .selectFrom('consent')
      .select('id')
      .where('person_id', '=', personId)
      .where('purpose', '=', purpose)
      .where('wording_version', '=', version)
      .where('withdrawn_on', 'is', null)
      .executeTakeFirst();
    if (current) return { ok: false as const, problem: 'duplicate' as const };
    const { id } = await trx
      .insertInto('consent')
      .values({ person_id: personId, purpose, wording_version: version, given_on: values.given_on, source: values.source, recorded_by: accountId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touch(trx, personId);
    await writeAudit(trx, { accountId, action: 'person.consent.record', subjectType: 'person', subjectId: personId, details: { consentId: id, purpose, version, source: values.source } });
    return { ok: true as const, id };
  });
}

export type WithdrawalProblem = 'notFound' | 'alreadyWithdrawn' | 'beforeGiven' | 'future';

/** Withdraws a consent: the row stays with its withdrawal day and source, so the history is kept. */
export async function withdrawConsent(
  db: Db,
  personId: number,
  consentId: number,
  values: WithdrawalValues,
  accountId: number,
  today = todayInBerlin(),
): Promise<{ ok: true } | { ok: false; problem: WithdrawalProblem }> {
  return db.transaction().execute(async (trx) => {
    const consent = await trx.selectFrom('consent').select(['purpose', 'given_on', 'withdrawn_on']).where('id', '=', consentId).where('person_id', '=', personId).forUpdate().executeTakeFirst();
    if (!consent) return { ok: false as const, problem: 'notFound' as const };
    if (consent.withdrawn_on !== null) return { ok: false as const, problem: 'alreadyWithdrawn' as const };
    if (values.withdrawn_on > today) return { ok: false as const, problem: 'future' as const };
    if (values.withdrawn_on < consent.given_on) return { ok: false as const, problem: 'beforeGiven' as const };
    await trx.updateTable('consent').set({ withdrawn_on: values.withdrawn_on, withdrawal_source: values.withdrawal_source }).where('id', '=', consentId).execute();
    await touch(trx, personId);
    await writeAudit(trx, {
      accountId,
      action: 'person.consent.withdraw',
      subjectType: 'person',
      subjectId: personId,
      details: { consentId, purpose: consent.purpose, source: values.withdrawal_source },
    });
    return { ok: true as const };
  });
}
