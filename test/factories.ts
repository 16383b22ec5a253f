import type { Kysely } from 'kysely';
import type { Database, EventFormat, Role } from '../src/db/tables.js';
import { normaliseName } from '../src/modules/names/index.js';
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
  const name = values.name ?? `Testverein ${next()}`;
  const { id } = await db.insertInto('organisation').values({ name, district: values.district ?? null, created_from: 'staff' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('organisation_name').values({ normalised_name: normaliseName(name), organisation_id: id, name, is_alias: false }).execute();
  return { id, name };
}

/** A person with a current role in the organisation (coordinators see persons by their roles' districts). */
export async function person(db: Db, values: { organisationId: number; name?: string }): Promise<{ id: number; name: string }> {
  const name = values.name ?? `Testperson ${next()}`;
  const { id } = await db.insertInto('person').values({ full_name: name, email: null, phone: null, notes: null, account_id: null, erased_at: null }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('person_role').values({ person_id: id, organisation_id: values.organisationId, role: 'contact', since: null, until: null }).execute();
  return { id, name };
}

export async function event(
  db: Db,
  values: { title?: string; district?: string | null; organizer?: 'centre' | 'partner'; format?: EventFormat; startDate?: string } = {},
): Promise<{ id: number; title: string }> {
  const n = next();
  const title = values.title ?? `Testveranstaltung ${n}`;
  const { id } = await db
    .insertInto('event')
    .values({
      event_key: `test-${n}`,
      title,
      format: values.format ?? 'regional_network_meeting',
      start_date: values.startDate ?? '2030-06-01',
      organizer: values.organizer ?? 'partner',
      municipality: null,
      district: values.district ?? null,
      capacity: null,
      per_org_limit: null,
      feedback_form_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, title };
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
