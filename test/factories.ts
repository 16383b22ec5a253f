import type { Kysely } from 'kysely';
import type { Database, EventFormat, Role } from '../src/db/tables.js';
import { normaliseName } from '../src/modules/names/index.js';
import type { PersonRole } from '../src/modules/people/index.js';
import { registerForEvent } from '../src/modules/registrations/index.js';
import type { SignedIn, TestApp } from './app.js';

/**
 * Small factories for tests that need a few rows of several modules: each
 * writes the least a page needs and returns the id. Names are unique per
 * call, so a test can assert that another organisation's data never shows.
 */

type Db = Kysely<Database>;
let counter = 0;
const next = () => ++counter;

export async function organisation(db: Db, values: { name?: string; district?: string | null } = {}): Promise<{ id: number; name: string }> {
  const [created] = await organisations(db, [values]);
  return created;
}

/** Several organisations in one statement each (tests that need hundreds of names), with their names as the directory finds them. */
export async function organisations(db: Db, list: { name?: string; district?: string | null }[]): Promise<{ id: number; name: string }[]> {
  if (list.length === 0) return [];
  const rows = list.map((values) => ({ name: values.name ?? `Testverein ${next()}`, district: values.district ?? null, created_from: 'staff' as const }));
  const created = await db.insertInto('organisation').values(rows).returning(['id', 'name']).execute();
  await db
    .insertInto('organisation_name')
    .values(created.map(({ id, name }) => ({ normalised_name: normaliseName(name), organisation_id: id, name, is_alias: false })))
    .execute();
  return created;
}

/** A person with a current role in the organisation (coordinators see persons by their roles' districts). */
export async function person(
  db: Db,
  values: { organisationId: number; name?: string; email?: string | null; role?: PersonRole },
): Promise<{ id: number; name: string }> {
  const name = values.name ?? `Testperson ${next()}`;
  const { id } = await db.insertInto('person').values({ full_name: name, email: values.email ?? null, phone: null, notes: null, account_id: null, erased_at: null }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('person_role').values({ person_id: id, organisation_id: values.organisationId, role: values.role ?? 'contact', since: null, until: null }).execute();
  return { id, name };
}

/**
 * An event; without values a partner's regional network meeting in 2030 without
 * seat limits. Note that the factory's organiser is a partner, while the
 * table's default is the centre.
 */
export async function event(
  db: Db,
  values: {
    eventKey?: string;
    title?: string;
    district?: string | null;
    municipality?: string | null;
    organizer?: 'centre' | 'partner';
    format?: EventFormat;
    startDate?: string;
    startsAt?: string | null;
    endsAt?: string | null;
    place?: string | null;
    capacity?: number | null;
    perOrgLimit?: number | null;
    feedbackFormId?: number | null;
  } = {},
): Promise<{ id: number; title: string; eventKey: string }> {
  const n = next();
  const title = values.title ?? `Testveranstaltung ${n}`;
  const eventKey = values.eventKey ?? `test-${n}`;
  const { id } = await db
    .insertInto('event')
    .values({
      event_key: eventKey,
      title,
      format: values.format ?? 'regional_network_meeting',
      start_date: values.startDate ?? '2030-06-01',
      starts_at: values.startsAt ?? null,
      ends_at: values.endsAt ?? null,
      place: values.place ?? null,
      organizer: values.organizer ?? 'partner',
      municipality: values.municipality ?? null,
      district: values.district ?? null,
      capacity: values.capacity ?? null,
      per_org_limit: values.perOrgLimit ?? null,
      feedback_form_id: values.feedbackFormId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, title, eventKey };
}

export async function registration(db: Db, values: { eventId: number; organisationId: number; personName?: string }): Promise<{ id: number; personName: string; token: string }> {
  const personName = values.personName ?? `Teilnehmende ${next()}`;
  const outcome = await registerForEvent(
    db,
    { eventId: values.eventId, organisationId: values.organisationId, contactEmail: `kontakt-${next()}@test.example`, language: 'de', persons: [{ name: personName }] },
    { baseUrl: 'https://mosaik.example' },
  );
  return { id: outcome.persons[0].id, personName, token: outcome.manageToken };
}

/**
 * Account rows without signing in, for tests of the sign-in itself. Takes a
 * ready password hash so that forty accounts need one slow hash, not forty.
 */
export async function accountRecords(
  db: Db,
  list: { email?: string; role?: Role; displayName?: string; passwordHash?: string | null }[],
): Promise<{ id: number; email: string; role: Role }[]> {
  if (list.length === 0) return [];
  const rows = list.map((values) => {
    const n = next();
    return { email: values.email ?? `konto-${n}@test.example`, role: values.role ?? ('staff' as const), display_name: values.displayName ?? `Testkonto ${n}`, password_hash: values.passwordHash ?? null };
  });
  return db.insertInto('account').values(rows).returning(['id', 'email', 'role']).execute();
}

/** A signed-in account of the role, with its scope: districts for a coordinator, organisations for a representative. */
export async function account(test: TestApp, role: Role, scope: { districts?: string[]; organisationIds?: number[] } = {}): Promise<SignedIn> {
  const signedIn = await test.signIn(role);
  const rows = [
    ...(scope.districts ?? []).map((district) => ({ account_id: signedIn.accountId, district, organisation_id: null })),
    ...(scope.organisationIds ?? []).map((organisationId) => ({ account_id: signedIn.accountId, district: null, organisation_id: organisationId })),
  ];
  if (rows.length > 0) await test.database.db.insertInto('account_scope').values(rows).execute();
  return signedIn;
}

export async function consultationRequest(db: Db, values: { organisationId: number; requesterName?: string }): Promise<{ id: number; requesterName: string }> {
  const requesterName = values.requesterName ?? `Anfragende ${next()}`;
  const now = new Date();
  const { id } = await db
    .insertInto('consultation_request')
    .values({ organisation_id: values.organisationId, requested_by: null, requester_name: requesterName, topics: ['rooms'], channel: 'phone', preferred_times: null, message: null, contact_phone: '0561 000000', contact_email: null, assigned_to: null, assigned_at: null, consultation_id: null, decline_note: null, closed_by: null, closed_at: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, requesterName };
}
