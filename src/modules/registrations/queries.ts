import { sql, type Kysely } from 'kysely';
import type { Database, RegistrationStatus } from '../../db/tables.js';
import { activeSql, seatHolding, seatHoldingSql } from './statuses.js';

/**
 * SQL of the registration module. Indexes relied on (010_registration.sql):
 * registration_event_status for seat counts and the waitlist,
 * registration_person for "already registered", registration_group's unique
 * manage_token_hash for the manage link.
 */

type Db = Kysely<Database>;

export interface LockedEvent {
  id: number;
  title: string;
  start_date: string;
  starts_at: string | null;
  ends_at: string | null;
  place: string | null;
  capacity: number | null;
  per_org_limit: number | null;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  cancelled_at: Date | null;
}

/**
 * Locks the event row for the rest of the transaction: every change of its
 * seats happens one transaction at a time. "for no key update" leaves foreign
 * key checks of other tables (participation, feedback) unblocked.
 */
export async function lockEvent(db: Db, eventId: number): Promise<LockedEvent | undefined> {
  const { rows } = await sql<LockedEvent>`
    select id, title, start_date, starts_at::text as starts_at, ends_at::text as ends_at, place, capacity, per_org_limit,
           registration_opens_at, registration_closes_at, cancelled_at
    from event where id = ${eventId}
    for no key update`.execute(db);
  return rows[0];
}

export interface SeatCounts {
  taken: number;
  /** Seats held per organisation id. */
  byOrganisation: Map<number, number>;
}

export async function countSeats(db: Db, eventId: number): Promise<SeatCounts> {
  const rows = await db
    .selectFrom('registration')
    .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('seats')])
    .where('event_id', '=', eventId)
    .where('status', 'in', seatHolding)
    .groupBy('organisation_id')
    .execute();
  const byOrganisation = new Map<number, number>();
  let taken = 0;
  for (const row of rows) {
    taken += Number(row.seats);
    if (row.organisation_id !== null) byOrganisation.set(row.organisation_id, Number(row.seats));
  }
  return { taken, byOrganisation };
}

/** The waitlist in order: first come, first served. */
export async function waitlist(db: Db, eventId: number) {
  return db
    .selectFrom('registration')
    .innerJoin('registration_group', 'registration_group.id', 'registration.group_id')
    .select([
      'registration.id',
      'registration.organisation_id',
      'registration.person_name',
      'registration.language',
      (eb) => eb.fn.coalesce('registration.email', 'registration_group.contact_email').as('email'),
    ])
    .where('registration.event_id', '=', eventId)
    .where('registration.status', '=', 'waitlisted')
    .orderBy('registration.id')
    .execute();
}

/** Who changed a registration and why; accountId null for the public (manage link) or the system. */
export interface Actor {
  accountId: number | null;
  reason: string;
}

/**
 * Moves registrations to a new state and records each change (from, to, who,
 * why). `overridden` marks a seat given beyond the limits by staff.
 */
export async function changeStatus(
  db: Db,
  rows: { id: number; status: RegistrationStatus }[],
  to: RegistrationStatus,
  actor: Actor,
  options: { overridden?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .updateTable('registration')
    .set({ status: to, updated_at: new Date(), ...(options.overridden ? { overridden: true } : {}) })
    .where('id', 'in', rows.map((row) => row.id))
    .execute();
  await recordStatusChanges(db, rows.map((row) => ({ id: row.id, from: row.status, to })), actor);
}

export async function recordStatusChanges(
  db: Db,
  changes: { id: number; from: RegistrationStatus | null; to: RegistrationStatus }[],
  actor: Actor,
): Promise<void> {
  if (changes.length === 0) return;
  await db
    .insertInto('registration_status_change')
    .values(
      changes.map((change) => ({
        registration_id: change.id,
        from_status: change.from,
        to_status: change.to,
        account_id: actor.accountId,
        reason: actor.reason,
      })),
    )
    .execute();
}

/** A group by the sha256 of its manage token, with its event and persons. */
export async function findGroupByTokenHash(db: Db, tokenHash: string) {
  const group = await db
    .selectFrom('registration_group')
    .innerJoin('event', 'event.id', 'registration_group.event_id')
    .leftJoin('organisation', 'organisation.id', 'registration_group.organisation_id')
    .select([
      'registration_group.id',
      'registration_group.event_id',
      'registration_group.contact_email',
      'registration_group.language',
      'registration_group.organisation_id',
      'organisation.name as organisation_name',
      'event.title as event_title',
      'event.start_date as event_date',
      // what the confirmation page tells: when, where, whether it still takes place
      sql<string | null>`event.starts_at::text`.as('event_starts_at'),
      sql<string | null>`event.ends_at::text`.as('event_ends_at'),
      'event.place as event_place',
      'event.cancelled_at as event_cancelled_at',
    ])
    .where('registration_group.manage_token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!group) return undefined;
  const persons = await db
    .selectFrom('registration as r')
    .select([
      'r.id',
      'r.person_name',
      'r.status',
      // place on the waitlist, first come first served (as waitlist() orders it); null when not waiting
      sql<number | null>`case when r.status = 'waitlisted' then (select count(*) from registration w where w.event_id = r.event_id and w.status = 'waitlisted' and w.id <= r.id)::int end`.as('waitlist_position'),
    ])
    .where('r.group_id', '=', group.id)
    .orderBy('r.id')
    .execute();
  return { ...group, persons };
}

/** An event as the public registration page shows it, with the seats taken. */
export async function eventForRegistration(db: Db, eventId: number) {
  const { rows } = await sql<{
    id: number; title: string; start_date: string; starts_at: string | null; ends_at: string | null; place: string | null;
    description: string | null; accessibility: string | null; capacity: number | null; per_org_limit: number | null;
    open: boolean; taken: number;
  }>`
    select e.id, e.title, e.start_date, e.starts_at::text as starts_at, e.ends_at::text as ends_at, e.place,
           e.description, e.accessibility, e.capacity, e.per_org_limit,
           e.cancelled_at is null
             and (e.registration_opens_at is null or e.registration_opens_at <= now())
             and (e.registration_closes_at is null or e.registration_closes_at >= now()) as open,
           (select count(*) from registration r where r.event_id = e.id and r.status in ${seatHoldingSql})::int as taken
    from event e where e.id = ${eventId}`.execute(db);
  return rows[0];
}

export type EventRegistration = Awaited<ReturnType<typeof registrationsOfEvent>>[number];

/**
 * Every registration of an event for the staff pages (list, sign-in sheet,
 * check-in), with the organisation's name and, for the waitlisted, their
 * place in line (the same order promoteWaitlisted uses: by id).
 */
export async function registrationsOfEvent(db: Db, eventId: number) {
  const rows = await db
    .selectFrom('registration')
    .innerJoin('registration_group', 'registration_group.id', 'registration.group_id')
    .leftJoin('organisation', 'organisation.id', 'registration.organisation_id')
    .select([
      'registration.id',
      'registration.person_name',
      'registration.status',
      'registration.overridden',
      'registration.created_at',
      'registration.organisation_id',
      'organisation.name as organisation_name',
      (eb) => eb.fn.coalesce('registration.email', 'registration_group.contact_email').as('email'),
    ])
    .where('registration.event_id', '=', eventId)
    .orderBy('registration.id')
    .execute();
  let position = 0;
  return rows.map((row) => ({ ...row, waitlist_position: row.status === 'waitlisted' ? ++position : null }));
}

/**
 * Writes a registration group and locks its event in one round trip; the
 * event row is undefined when there is no such event (the caller throws,
 * which rolls the group back).
 */
export async function insertGroupAndLockEvent(
  db: Db,
  group: { event_id: number; organisation_id: number | null; contact_email: string; language: string; manage_token_hash: string; account_id: number | null },
): Promise<{ groupId: number; event: LockedEvent | undefined }> {
  const { rows } = await sql<LockedEvent & { group_id: number }>`
    with new_group as (
      insert into registration_group (event_id, organisation_id, contact_email, language, manage_token_hash, account_id)
      values (${group.event_id}, ${group.organisation_id}, ${group.contact_email}, ${group.language}, ${group.manage_token_hash}, ${group.account_id})
      returning id
    )
    select (select id from new_group) as group_id,
           e.id, e.title, e.start_date, e.starts_at::text as starts_at, e.ends_at::text as ends_at, e.place, e.capacity, e.per_org_limit,
           e.registration_opens_at, e.registration_closes_at, e.cancelled_at
    from event e where e.id = ${group.event_id}
    for no key update of e`.execute(db);
  if (rows.length === 0) return { groupId: 0, event: undefined };
  const { group_id: groupId, ...event } = rows[0];
  return { groupId, event };
}

export interface SeatAllocation {
  /** Persons of the request already holding a place or waitlist entry (nothing was inserted then). */
  known: string[];
  /** The inserted registrations in the order of the persons given. */
  rows: { id: number; person_name: string; status: RegistrationStatus }[];
}

/**
 * The seat allocation of one registration request in one statement, under the
 * event lock (a statement after the one that took the lock, so its snapshot
 * sees every registration committed before): counts the seats held, gives the
 * first persons the free seats their organisation may still take (the rest
 * wait), inserts the registrations and their first status change — unless a
 * person is already registered, in which case nothing is inserted and `known`
 * names them. Person i (1-based) gets a seat exactly when i ≤ the seats free
 * for the organisation: what taking seats one by one would give.
 */
export async function allocateSeats(
  db: Db,
  request: {
    event: Pick<LockedEvent, 'id' | 'capacity' | 'per_org_limit'>;
    groupId: number;
    organisationId: number | null;
    language: string;
    persons: { name: string; key: string; email: string | null }[];
    override: boolean;
    actor: Actor;
  },
): Promise<SeatAllocation> {
  const { event, organisationId } = request;
  const persons = JSON.stringify(request.persons.map((person, index) => ({ place: index + 1, ...person })));
  const { rows } = await sql<{ id: number | null; person_name: string | null; status: RegistrationStatus | null; known_key: string | null }>`
    with input as (
      select * from jsonb_to_recordset(${persons}::jsonb) as p (place integer, name text, key text, email text)
    ), limit_group as (
      ${limitGroupOf(organisationId)}
    ), known as (
      select r.person_key from registration r
      where r.event_id = ${event.id}
        and (r.organisation_id in (select id from limit_group) or (r.organisation_id is null and ${organisationId}::integer is null))
        and r.status in ${activeSql}
        and r.person_key in (select key from input)
    ), held as (
      select count(*)::integer as seats,
             (count(*) filter (where r.organisation_id in (select id from limit_group)))::integer as of_organisation
      from registration r
      where r.event_id = ${event.id} and r.status in ${seatHoldingSql}
    ), free as (
      select least(
               coalesce(${event.capacity}::integer - held.seats, 2147483647),
               case when ${organisationId}::integer is null then 2147483647
                    else coalesce(${event.per_org_limit}::integer - held.of_organisation, 2147483647) end
             ) as seats
      from held
    ), inserted as (
      insert into registration (event_id, group_id, organisation_id, person_name, person_key, email, language, status, overridden)
      select ${event.id}::integer, ${request.groupId}::integer, ${organisationId}::integer, input.name, input.key, input.email, ${request.language}::text,
             case when ${request.override}::boolean or input.place <= free.seats then 'registered' else 'waitlisted' end, ${request.override}::boolean
      from input cross join free
      where not exists (select 1 from known)
      order by input.place
      returning id, person_name, status
    ), history as (
      insert into registration_status_change (registration_id, from_status, to_status, account_id, reason)
      select id, null, status, ${request.actor.accountId}::integer, ${request.actor.reason}::text from inserted
    )
    select id, person_name, status, null as known_key from inserted
    union all
    select null, null, null, person_key from known`.execute(db);
  return {
    known: rows.flatMap((row) => (row.known_key === null ? [] : [row.known_key])),
    rows: rows
      .flatMap((row) => (row.id === null ? [] : [{ id: row.id, person_name: row.person_name!, status: row.status! }]))
      .sort((a, b) => a.id - b.id),
  };
}

/*
 * The per-organisation limit counts an organisation together with the
 * organisations awaiting review that registrations created under a variant
 * spelling of its name: "Anadolu-Kulturverein" and "Anadolukulturverein"
 * normalise differently (one word or two), so the second became a new
 * organisation with a fresh limit of its own. Names are compared by their
 * normalised form (organisation_name, normaliseName) without spaces; two
 * organisations staff have reviewed never pool, however alike their names.
 */
const pendingFromRegistration = (alias: string) => sql.raw(`(${alias}.needs_review and ${alias}.created_from = 'registration')`);

/** SQL selecting the ids (column id) counted with the organisation for its limit; nothing for no organisation. */
function limitGroupOf(organisationId: number | null) {
  return sql`
      select ${organisationId}::integer as id where ${organisationId}::integer is not null
      union
      select other.organisation_id
      from organisation_name own
      join organisation own_org on own_org.id = own.organisation_id
      join organisation_name other on replace(other.normalised_name, ' ', '') = replace(own.normalised_name, ' ', '')
      join organisation other_org on other_org.id = other.organisation_id
      where own.organisation_id = ${organisationId}::integer
        and (${pendingFromRegistration('own_org')} or ${pendingFromRegistration('other_org')})`;
}

/**
 * For each organisation given, the organisations whose seats count against
 * its limit (itself included): the same rule as allocateSeats, for the
 * waitlist's promotions.
 */
export async function limitGroups(db: Db, organisationIds: number[]): Promise<Map<number, number[]>> {
  const ids = [...new Set(organisationIds)];
  const groups = new Map<number, number[]>(ids.map((id) => [id, [id]]));
  if (ids.length === 0) return groups;
  const { rows } = await sql<{ organisation_id: number; member_id: number }>`
    select distinct own.organisation_id, other.organisation_id as member_id
    from organisation_name own
    join organisation own_org on own_org.id = own.organisation_id
    join organisation_name other on replace(other.normalised_name, ' ', '') = replace(own.normalised_name, ' ', '')
    join organisation other_org on other_org.id = other.organisation_id
    where own.organisation_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::integer)
      and other.organisation_id <> own.organisation_id
      and (${pendingFromRegistration('own_org')} or ${pendingFromRegistration('other_org')})`.execute(db);
  for (const row of rows) groups.get(row.organisation_id)!.push(row.member_id);
  return groups;
}

/**
 * Whether the address already holds a place (seat or waitlist) at the event
 * in a registration without an organisation, apart from the group being
 * written: registrations without an organisation are limited per e-mail.
 */
export async function emailHoldsPlace(db: Db, eventId: number, email: string, exceptGroupId: number): Promise<boolean> {
  const { rows } = await sql<{ found: number }>`
    select 1 as found
    from registration r
    join registration_group g on g.id = r.group_id
    where r.event_id = ${eventId} and r.organisation_id is null and g.id <> ${exceptGroupId}
      and r.status in ${activeSql}
      and (lower(g.contact_email) = lower(${email}) or lower(r.email) = lower(${email}))
    limit 1`.execute(db);
  return rows.length > 0;
}
