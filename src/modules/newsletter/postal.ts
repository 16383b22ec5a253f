import { sql, type Kysely, type Transaction } from 'kysely';
import type { MergeMoves, OrganisationMerge } from '../module.js';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import { DomainError } from '../domain-error.js';
import { consentSources, type PostalConsentSource } from './tables.js';

/**
 * The brochure's distribution list (report ch. 7, "Broschüre"): which
 * organisations agreed to receive post, at which address, since when and how
 * the consent came (letter, form, …). The organisation record has no such
 * consent and no street, so both live here; staff set them per organisation.
 */

export interface PostalConsentInput {
  addressee: string;
  street: string;
  postcode: string;
  city: string;
  source: string;
  agreedOn: string;
}

const day = /^\d{4}-\d{2}-\d{2}$/;

export function checkPostalConsent(input: PostalConsentInput, today: string) {
  const street = input.street.trim();
  const postcode = input.postcode.trim();
  const city = input.city.trim();
  if (!street || street.length > 200) throw new DomainError('newsletter', 'streetMissing', 'street');
  // German postcodes: five digits
  if (!/^\d{5}$/.test(postcode)) throw new DomainError('newsletter', 'postcodeInvalid', 'postcode');
  if (!city || city.length > 200) throw new DomainError('newsletter', 'cityMissing', 'city');
  if (!(consentSources as readonly string[]).includes(input.source)) throw new DomainError('newsletter', 'sourceMissing', 'source');
  if (!day.test(input.agreedOn) || Number.isNaN(Date.parse(input.agreedOn))) throw new DomainError('newsletter', 'agreedOnInvalid', 'agreed_on');
  if (input.agreedOn > today) throw new DomainError('newsletter', 'agreedOnFuture', 'agreed_on');
  return { addressee: input.addressee.trim().slice(0, 200) || null, street, postcode, city, source: input.source as PostalConsentSource, agreed_on: input.agreedOn };
}

export async function recordPostalConsent(db: Kysely<Database>, actor: { accountId: number }, organisationId: number, input: PostalConsentInput, today: string) {
  const values = checkPostalConsent(input, today);
  await db.transaction().execute(async (trx) => {
    const organisation = await trx.selectFrom('organisation').select('id').where('id', '=', organisationId).executeTakeFirst();
    if (!organisation) throw new DomainError('newsletter', 'organisationNotFound');
    await trx
      .insertInto('postal_mail_consent')
      .values({ organisation_id: organisationId, ...values, recorded_by: actor.accountId, withdrawn_on: null })
      .onConflict((conflict) => conflict.column('organisation_id').doUpdateSet({ ...values, recorded_by: actor.accountId, withdrawn_on: null, updated_at: new Date() }))
      .execute();
    await writeAudit(trx, { accountId: actor.accountId, action: 'newsletter.postal.consent', subjectType: 'organisation', subjectId: organisationId, details: { source: values.source, agreedOn: values.agreed_on } });
  });
}

/** The organisation no longer wants post: kept with its date, never exported again. */
export async function withdrawPostalConsent(db: Kysely<Database>, actor: { accountId: number }, organisationId: number, today: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('postal_mail_consent').set({ withdrawn_on: today, recorded_by: actor.accountId, updated_at: new Date() }).where('organisation_id', '=', organisationId).execute();
    await writeAudit(trx, { accountId: actor.accountId, action: 'newsletter.postal.withdraw', subjectType: 'organisation', subjectId: organisationId });
  });
}

export async function postalConsentOf(db: Kysely<Database>, organisationId: number) {
  return db.selectFrom('postal_mail_consent').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
}

/** The consent's history from the audit log, newest first: what was recorded or withdrawn, by whom, when. */
export async function postalConsentHistory(db: Kysely<Database>, organisationId: number) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('account as who', 'who.id', 'a.account_id')
    .select(['a.id', 'a.action', 'who.display_name as by'])
    .select((eb) => eb.ref('a.at').$castTo<Date>().as('at'))
    .where('a.subject_type', '=', 'organisation')
    .where('a.subject_id', '=', String(organisationId))
    .where('a.action', 'in', ['newsletter.postal.consent', 'newsletter.postal.withdraw'])
    .orderBy('a.id', 'desc')
    .limit(20)
    .execute();
}

/** Every organisation with its consent state, for the staff list. */
export async function organisationsWithPostalConsent(db: Kysely<Database>) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('postal_mail_consent as p', 'p.organisation_id', 'o.id')
    .select(['o.id', 'o.name', 'o.municipality', 'p.agreed_on', 'p.withdrawn_on', 'p.source'])
    .orderBy('o.name')
    .limit(2000)
    .execute();
}

/** The addresses of the brochure: organisations with a consent not withdrawn; nobody else. */
export async function brochureAddresses(db: Kysely<Database>) {
  return db
    .selectFrom('postal_mail_consent as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['o.id', 'o.name', 'p.addressee', 'p.street', 'p.postcode', 'p.city', 'p.source', 'p.agreed_on'])
    .where('p.withdrawn_on', 'is', null)
    .orderBy('p.postcode')
    .orderBy('o.name')
    .execute();
}

export type BrochureAddress = Awaited<ReturnType<typeof brochureAddresses>>[number];

/**
 * An organisation merged into another: its consent moves to the survivor
 * unless the survivor has one of its own (that one, newer knowledge, stays).
 */
export async function mergePostalConsent(trx: Transaction<Database>, ids: OrganisationMerge): Promise<MergeMoves> {
  const moved = await sql`update postal_mail_consent set organisation_id = ${ids.survivorId}
    where organisation_id = ${ids.mergedId} and not exists (select 1 from postal_mail_consent where organisation_id = ${ids.survivorId})`.execute(trx);
  const dropped = await trx.deleteFrom('postal_mail_consent').where('organisation_id', '=', ids.mergedId).executeTakeFirst();
  return { moved: { postal_mail_consent: Number(moved.numAffectedRows ?? 0) }, dropped: { postal_mail_consent: Number(dropped.numDeletedRows) } };
}
