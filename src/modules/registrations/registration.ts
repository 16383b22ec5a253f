import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, RegistrationStatus } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import { findOrganisationIds, resolveOrganisationName } from '../organisations/index.js';
import { normaliseName, normalisePersonName } from '../names/index.js';
import { addressError, RegistrationError } from './errors.js';
import { queueGroupMail, queuePromotionMail, type MailEvent } from './mails.js';
import { allocateSeats, changeStatus, countSeats, emailHoldsPlace, insertGroupAndLockEvent, limitGroups, lockEvent, waitlist, type Actor, type LockedEvent } from './queries.js';

/**
 * The rules of registration: capacity, the per-organisation limit, the
 * waitlist. Every function that changes seats locks the event row first and
 * allocates under that lock, so concurrent requests are served one after the
 * other; the registration_limits trigger (010_registration.sql) re-checks.
 * Invariant after every transaction: nobody waiting could take a free seat.
 */

type Db = Kysely<Database>;

export interface RegistrationRequest {
  eventId: number;
  /** The organisation as written on the form; empty or absent: no organisation. */
  organisationName?: string | null;
  /** A signed-in representative's own organisation (wins over the name). */
  organisationId?: number | null;
  contactEmail: string;
  language: string;
  persons: { name: string; email?: string | null }[];
  accountId?: number | null;
}

export interface RegisterOptions {
  /** Public address for the manage link in the mail. */
  baseUrl: string;
  now?: Date;
  /** Staff admitting beyond capacity, limit and registration window. */
  override?: { accountId: number; reason: string };
}

export interface RegistrationOutcome {
  groupId: number;
  organisationId: number | null;
  /** For the link in the confirmation mail; only its hash is stored. */
  manageToken: string;
  persons: { id: number; name: string; status: RegistrationStatus }[];
}


export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(24).toString('base64url');
/**
 * The link in the mails. It carries the registrant's language: opened in a
 * browser set to another language (a shared computer, a German office), the
 * page still speaks the language the person registered in (?lang wins over
 * cookie and browser, src/http/context.ts).
 */
export const manageLink = (baseUrl: string, token: string, language?: string) =>
  `${baseUrl.replace(/\/$/, '')}/registrations/${token}${language ? `?lang=${encodeURIComponent(language)}` : ''}`;
export const calendarLink = (baseUrl: string, eventId: number) => `${baseUrl.replace(/\/$/, '')}/calendar/${eventId}.ics`;

export async function registerForEvent(db: Db, request: RegistrationRequest, options: RegisterOptions): Promise<RegistrationOutcome> {
  const persons = checkPersons(request);
  if (options.override && options.override.reason.trim() === '') throw new RegistrationError('reasonMissing', 'reason');
  const token = newToken();
  return db.transaction().execute(async (trx) => {
    // In the registration's transaction, before the seat lock: a refused
    // registration (closed, already registered, no such event …) leaves no
    // new organisation in the review queue.
    const organisationId = await organisationOf(trx, request);
    // from here until commit, registrations for this event wait for us: three round trips
    // (allocate, mail, commit), each seat decided in one statement
    const { groupId, event } = await insertGroupAndLockEvent(trx, {
      event_id: request.eventId,
      organisation_id: organisationId,
      contact_email: request.contactEmail.trim(),
      language: request.language,
      manage_token_hash: hashToken(token),
      account_id: request.accountId ?? null,
    }).catch((error: unknown) => {
      // no such event: the group's reference to it fails (no query beforehand
      // asks whether it exists; that was a round trip on every registration)
      if ((error as { code?: string; constraint?: string }).code === '23503' && (error as { constraint?: string }).constraint === 'registration_group_event_id_fkey') {
        throw new RegistrationError('eventNotFound', null);
      }
      throw error;
    });
    if (!event) throw new RegistrationError('eventNotFound', null);
    if (!options.override) checkWindow(event, options.now ?? new Date());
    if (!options.override && organisationId === null) await checkPlaceWithoutOrganisation(trx, event, groupId, request.contactEmail.trim(), persons);
    const actor: Actor = options.override ?? { accountId: request.accountId ?? null, reason: 'registration' };
    const { known, rows } = await allocateSeats(trx, { event, groupId, organisationId, language: request.language, persons, override: Boolean(options.override), actor });
    const already = persons.find((person) => known.includes(person.key));
    if (already) throw new RegistrationError('alreadyRegistered', 'persons', { name: already.name });
    if (options.override) {
      await writeAudit(trx, {
        accountId: options.override.accountId,
        action: 'registration.override',
        subjectType: 'event',
        subjectId: event.id,
        details: { registrationIds: rows.map((row) => row.id), reason: options.override.reason },
      });
    }
    const outcome = rows.map((row) => ({ id: row.id, name: row.person_name, status: row.status }));
    // the mail tells the waitlisted their place; only asked for when someone waits
    const waiting = outcome.some((person) => person.status === 'waitlisted') ? (await waitlist(trx, event.id)).map((row) => row.id) : [];
    const told = outcome.map((person) => ({ ...person, waitlistPosition: person.status === 'waitlisted' ? waiting.indexOf(person.id) + 1 || null : null }));
    await queueGroupMail(trx, mailEvent(event), { to: request.contactEmail.trim(), language: request.language }, told, {
      manage: manageLink(options.baseUrl, token, request.language),
      calendar: calendarLink(options.baseUrl, event.id),
    });
    return { groupId, organisationId, manageToken: token, persons: outcome };
  });
}

function checkPersons(request: RegistrationRequest) {
  if (request.contactEmail.trim() === '') throw new RegistrationError('emailMissing', 'contactEmail');
  const contactProblem = addressError(request.contactEmail, 'contactEmail');
  if (contactProblem) throw contactProblem;
  if (request.persons.length === 0) throw new RegistrationError('noPersons', 'persons');
  const seen = new Set<string>();
  return request.persons.map((person, index) => {
    const name = person.name.trim();
    const key = normalisePersonName(name);
    if (key === '') throw new RegistrationError('personNameMissing', `persons.${index}.name`, { number: index + 1 });
    if (seen.has(key)) throw new RegistrationError('duplicatePerson', `persons.${index}.name`, { name });
    seen.add(key);
    const email = person.email?.trim() || null;
    const emailProblem = email ? addressError(email, `persons.${index}.email`) : null;
    if (emailProblem) throw emailProblem;
    return { name, key, email };
  });
}

function checkWindow(event: LockedEvent, now: Date) {
  // the centre's local time, understood in both languages: 01.06.2019, 18:00
  const when = (date: Date) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(date);
  if (event.cancelled_at) throw new RegistrationError('eventCancelled', null, { title: event.title });
  if (event.registration_opens_at && now < event.registration_opens_at) {
    throw new RegistrationError('notOpenYet', null, { title: event.title, opens: when(event.registration_opens_at) });
  }
  if (event.registration_closes_at && now > event.registration_closes_at) {
    throw new RegistrationError('closed', null, { title: event.title, closes: when(event.registration_closes_at) });
  }
}

/**
 * The organisation named on the form, created for review when unknown; called
 * inside the registration's transaction, so it exists only if the
 * registration does. Two forms naming the same new organisation at once: the
 * second's insert waits for the first transaction; if that commits, the
 * insert hits the unique name, and after rolling back to the savepoint (the
 * transaction itself stays usable) the second try finds it.
 */
async function organisationOf(trx: Db, request: RegistrationRequest): Promise<number | null> {
  if (request.organisationId != null) return request.organisationId;
  const name = request.organisationName?.trim();
  if (!name) return null;
  // A name the platform knows (nearly every registration): one lookup, without
  // the savepoint's two extra round trips, which only creating a new one needs.
  const normalisedName = normaliseName(name);
  if (normalisedName === '') return null;
  const known = (await findOrganisationIds(trx, [normalisedName])).get(normalisedName);
  if (known !== undefined) return known;
  const resolve = async () => (await resolveOrganisationName(trx, name, { createdFrom: 'registration' }))?.organisationId ?? null;
  await sql`savepoint organisation_of`.execute(trx);
  try {
    const id = await resolve();
    await sql`release savepoint organisation_of`.execute(trx);
    return id;
  } catch {
    await sql`rollback to savepoint organisation_of`.execute(trx);
    return resolve();
  }
}

/**
 * The per-organisation limit's counterpart for registrations without an
 * organisation: at an event with a limit, one place per e-mail address (else
 * leaving the organisation out, or registering again, would bypass it).
 * Checked under the event lock, so two requests at once cannot both pass.
 */
async function checkPlaceWithoutOrganisation(db: Db, event: LockedEvent, groupId: number, contactEmail: string, persons: { email: string | null }[]) {
  if (event.per_org_limit === null) return;
  if (persons.length > 1) throw new RegistrationError('onePersonWithoutOrganisation', 'organisation', { limit: event.per_org_limit });
  for (const email of new Set([contactEmail, ...persons.flatMap((person) => (person.email ? [person.email] : []))])) {
    if (await emailHoldsPlace(db, event.id, email, groupId)) throw new RegistrationError('emailAlreadyRegistered', 'contactEmail', { email, title: event.title });
  }
}

/**
 * Takes a seat when one is free and the organisation (counted with its limit
 * group, see limitGroups) is under its limit; counts it.
 */
function takeSeat(
  event: Pick<LockedEvent, 'capacity' | 'per_org_limit'>,
  seats: { taken: number; byOrganisation: Map<number, number> },
  organisationId: number | null,
  groups: Map<number, number[]>,
): boolean {
  if (event.capacity !== null && seats.taken >= event.capacity) return false;
  const members = organisationId === null ? [] : (groups.get(organisationId) ?? [organisationId]);
  const ofGroup = members.reduce((sum, id) => sum + (seats.byOrganisation.get(id) ?? 0), 0);
  if (organisationId !== null && event.per_org_limit !== null && ofGroup >= event.per_org_limit) return false;
  seats.taken++;
  if (organisationId !== null) seats.byOrganisation.set(organisationId, (seats.byOrganisation.get(organisationId) ?? 0) + 1);
  return true;
}

export function mailEvent(event: LockedEvent): MailEvent {
  return { id: event.id, title: event.title, start_date: event.start_date, starts_at: event.starts_at, ends_at: event.ends_at, place: event.place };
}

/**
 * Gives free seats to the waitlist in order, skipping persons whose
 * organisation is at its limit, and tells each by e-mail. Call with the event
 * locked (lockEvent) in the same transaction; also after raising the capacity.
 */
export async function promoteWaitlisted(db: Db, event: LockedEvent, actor: Actor): Promise<number[]> {
  const seats = await countSeats(db, event.id);
  const promoted = [];
  const waiting = await waitlist(db, event.id);
  const groups = event.per_org_limit === null ? new Map<number, number[]>() : await limitGroups(db, waiting.flatMap((person) => (person.organisation_id === null ? [] : [person.organisation_id])));
  for (const person of waiting) {
    if (event.capacity !== null && seats.taken >= event.capacity) break;
    if (takeSeat(event, seats, person.organisation_id, groups)) promoted.push(person);
  }
  await changeStatus(db, promoted.map((person) => ({ id: person.id, status: 'waitlisted' as const })), 'promoted', actor);
  for (const person of promoted) {
    if (!person.email) continue;
    await queuePromotionMail(db, mailEvent(event), { to: person.email, language: person.language }, { id: person.id, name: person.person_name });
  }
  return promoted.map((person) => person.id);
}

/** After staff raise the capacity or the limit: the waitlist moves up at once. */
export async function fillFreeSeats(db: Db, eventId: number, accountId: number | null): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (!event) throw new RegistrationError('eventNotFound', null);
    return promoteWaitlisted(trx, event, { accountId, reason: 'more seats' });
  });
}

/** Staff give a waitlisted person a seat beyond the limits, with a reason (audited). */
export async function admitWaitlisted(db: Db, registrationId: number, override: { accountId: number; reason: string }): Promise<void> {
  if (override.reason.trim() === '') throw new RegistrationError('reasonMissing', 'reason');
  await db.transaction().execute(async (trx) => {
    const registration = await trx.selectFrom('registration').select(['id', 'event_id', 'status']).where('id', '=', registrationId).executeTakeFirst();
    if (!registration || registration.status !== 'waitlisted') throw new RegistrationError('registrationNotFound', null);
    const event = (await lockEvent(trx, registration.event_id))!;
    await changeStatus(trx, [registration], 'promoted', override, { overridden: true });
    await writeAudit(trx, {
      accountId: override.accountId,
      action: 'registration.override',
      subjectType: 'registration',
      subjectId: registration.id,
      details: { eventId: event.id, reason: override.reason },
    });
    const person = await trx
      .selectFrom('registration')
      .innerJoin('registration_group', 'registration_group.id', 'registration.group_id')
      .select(['registration.person_name', 'registration.language', (eb) => eb.fn.coalesce('registration.email', 'registration_group.contact_email').as('email')])
      .where('registration.id', '=', registration.id)
      .executeTakeFirstOrThrow();
    await queuePromotionMail(trx, mailEvent(event), { to: person.email, language: person.language }, { id: registration.id, name: person.person_name });
  });
}
