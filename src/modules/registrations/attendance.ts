import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import { resolveOrganisationName } from '../organisations/index.js';
import { normalisePersonName } from '../names/index.js';
import { RegistrationError } from './errors.js';
import { changeStatus, lockEvent, recordStatusChanges } from './queries.js';
import { hashToken, newToken } from './registration.js';
import { active, expected, isExpected } from './statuses.js';

/**
 * Attendance from the check-in: a person marked present becomes the same
 * participation row an imported attendance list creates (spec: identity
 * (event, organisation, normalised person)), so the impact report counts
 * registrations, check-ins and lists as one truth.
 */

type Db = Kysely<Database>;

/** Marks a registered person present; doing it twice changes nothing. */
export async function checkIn(db: Db, registrationId: number, accountId: number | null): Promise<void> {
  await db.transaction().execute((trx) => checkInWithin(trx, registrationId, accountId));
}

async function checkInWithin(trx: Db, registrationId: number, accountId: number | null): Promise<void> {
  const registration = await trx
    .selectFrom('registration')
    .innerJoin('registration_group', 'registration_group.id', 'registration.group_id')
    .select(['registration.id', 'registration.event_id', 'registration.status', 'registration.organisation_id', 'registration.person_name', 'registration.person_key', 'registration.email', 'registration_group.contact_email'])
    .where('registration.id', '=', registrationId)
    .executeTakeFirst();
  if (!registration) throw new RegistrationError('registrationNotFound', null);
  await lockEvent(trx, registration.event_id);
  if (registration.status !== 'attended') {
    // someone from the waitlist (or who had cancelled) is in the room anyway: their seat is an exception
    const holdsSeat = isExpected(registration.status);
    const reason = holdsSeat ? 'check-in' : `check-in while ${registration.status}`;
    await changeStatus(trx, [registration], 'attended', { accountId, reason }, { overridden: !holdsSeat });
    if (!holdsSeat) await writeAudit(trx, { accountId, action: 'registration.override', subjectType: 'registration', subjectId: registration.id, details: { reason } });
  }
  await recordParticipation(trx, { ...registration, email: registration.email ?? (registration.contact_email || null) });
}

export interface WalkIn {
  personName: string;
  /** As the person says it; matched like a list's name (spec/exchange.md), unknown names created for review. */
  organisationName?: string | null;
  email?: string | null;
}

/** A person who came without registering: registered as present and attended, in one go. */
export async function addWalkIn(db: Db, eventId: number, walkIn: WalkIn, accountId: number | null): Promise<{ registrationId: number; organisationId: number | null }> {
  const personName = walkIn.personName.trim();
  const personKey = normalisePersonName(personName);
  if (personKey === '') throw new RegistrationError('personNameMissing', 'personName', { number: 1 });
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (!event) throw new RegistrationError('eventNotFound', null);
    const organisationId = walkIn.organisationName?.trim()
      ? ((await resolveOrganisationName(trx, walkIn.organisationName, { createdFrom: 'registration' }))?.organisationId ?? null)
      : null;
    const existing = await trx
      .selectFrom('registration')
      .select('id')
      .where('event_id', '=', eventId)
      .where('person_key', '=', personKey)
      .where((eb) => (organisationId === null ? eb('organisation_id', 'is', null) : eb('organisation_id', '=', organisationId)))
      .where('status', 'in', active)
      .executeTakeFirst();
    if (existing) {
      await checkInWithin(trx, existing.id, accountId);
      return { registrationId: existing.id, organisationId };
    }
    const group = await trx
      .insertInto('registration_group')
      .values({ event_id: eventId, organisation_id: organisationId, contact_email: walkIn.email?.trim() ?? '', language: 'de', manage_token_hash: hashToken(newToken()), account_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    // a walk-in is in the room whatever the capacity: an exception the trigger lets pass
    const registration = await trx
      .insertInto('registration')
      .values({ event_id: eventId, group_id: group.id, organisation_id: organisationId, person_name: personName, person_key: personKey, email: walkIn.email?.trim() || null, status: 'attended', overridden: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStatusChanges(trx, [{ id: registration.id, from: null, to: 'attended' }], { accountId, reason: 'walk-in' });
    await recordParticipation(trx, { event_id: eventId, organisation_id: organisationId, person_name: personName, person_key: personKey, email: walkIn.email?.trim() || null });
    return { registrationId: registration.id, organisationId };
  });
}

/** After the event: who held a seat and did not come. */
export async function markNoShows(db: Db, eventId: number, accountId: number | null): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockEvent(trx, eventId);
    const absent = await trx.selectFrom('registration').select(['id', 'status']).where('event_id', '=', eventId).where('status', 'in', expected).execute();
    await changeStatus(trx, absent, 'no_show', { accountId, reason: 'after the event' });
    return absent.length;
  });
}

async function recordParticipation(
  db: Db,
  person: { event_id: number; organisation_id: number | null; person_name: string; person_key: string; email: string | null },
): Promise<void> {
  // same identity as an imported list: a person already on a list stays one row
  await sql`
    insert into participation (event_id, organisation_id, person_name, person_key, email, source)
    values (${person.event_id}, ${person.organisation_id}, ${person.person_name}, ${person.person_key}, ${person.email}, 'checkin')
    on conflict (event_id, (coalesce(organisation_id, 0)), person_key) do nothing`.execute(db);
}
