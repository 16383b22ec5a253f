import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { resolveOrganisationNames } from '../organisations/index.js';
import { cancelByStaff, cancelByToken, findRegistrationByToken } from './cancellation.js';
import { RegistrationError } from './errors.js';
import { admitWaitlisted, fillFreeSeats, registerForEvent, type RegistrationRequest } from './registration.js';

const baseUrl = 'https://mosaik.example';
let eventCount = 0;

describe(`registration on ${testEngine}`, () => {
  let database: TestDatabase;
  let staffId: number;
  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 20 });
    const staff = await database.db.insertInto('account').values({ email: 'staff@mosaik.example', role: 'staff', password_hash: null, disabled_at: null }).returning('id').executeTakeFirstOrThrow();
    staffId = staff.id;
  });
  afterAll(async () => {
    // let the pool's connections finish closing before the test database is dropped
    // (test/database.ts drops it "with (force)" right after pool.end(), which does not wait for them)
    await database?.db.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await database?.close();
  });

  async function createEvent(values: { capacity: number | null; per_org_limit: number | null }) {
    const event = await database.db
      .insertInto('event')
      .values({ event_key: `E${++eventCount}`, title: `Netzwerktreffen ${eventCount}`, format: 'regional_network_meeting', start_date: '2030-06-01', municipality: null, district: null, feedback_form_id: null, ...values })
      .returning('id')
      .executeTakeFirstOrThrow();
    return event.id;
  }

  const register = (eventId: number, organisationName: string | null, names: string[], extra: Partial<RegistrationRequest> = {}) =>
    registerForEvent(database.db, { eventId, organisationName, contactEmail: 'kontakt@verein.example', language: 'de', persons: names.map((name) => ({ name })), ...extra }, { baseUrl });

  async function seats(eventId: number) {
    const { rows } = await sql<{ status: string; organisation_id: number | null; n: number }>`
      select status, organisation_id, count(*)::int as n from registration where event_id = ${eventId} group by 1, 2`.execute(database.db);
    const held = rows.filter((row) => ['registered', 'promoted', 'attended'].includes(row.status));
    const perOrganisation = new Map<number | null, number>();
    for (const row of held) perOrganisation.set(row.organisation_id, (perOrganisation.get(row.organisation_id) ?? 0) + row.n);
    const count = (status: string) => rows.filter((row) => row.status === status).reduce((sum, row) => sum + row.n, 0);
    return { held: held.reduce((sum, row) => sum + row.n, 0), maxPerOrganisation: Math.max(0, ...perOrganisation.values()), count };
  }

  it('never exceeds capacity or the per-organisation limit under 200 simultaneous registrations', async () => {
    const eventId = await createEvent({ capacity: 10, per_org_limit: 2 });
    const organisations = Array.from({ length: 30 }, (_, i) => `Kulturverein ${i + 1} e.V.`);
    await resolveOrganisationNames(database.db, organisations.map((name, line) => ({ name, line })), { createdFrom: 'import' });
    // every fifth request registers a group of three persons
    const requests = Array.from({ length: 200 }, (_, i) => ({
      organisation: organisations[i % 30],
      names: i % 5 === 0 ? [`Person ${i}a`, `Person ${i}b`, `Person ${i}c`] : [`Person ${i}`],
    }));
    const outcomes = await Promise.all(requests.map((request) => register(eventId, request.organisation, request.names)));

    const persons = requests.reduce((sum, request) => sum + request.names.length, 0);
    const statuses = outcomes.flatMap((outcome) => outcome.persons.map((person) => person.status));
    expect(statuses).toHaveLength(persons);
    expect(new Set(statuses)).toEqual(new Set(['registered', 'waitlisted']));
    const counted = await seats(eventId);
    expect(counted.held).toBe(10);
    expect(counted.maxPerOrganisation).toBeLessThanOrEqual(2);
    expect(counted.count('registered') + counted.count('waitlisted')).toBe(persons); // none lost, none doubled
    expect(statuses.filter((status) => status === 'registered')).toHaveLength(10);
    const mails = await database.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', eventId).executeTakeFirstOrThrow();
    expect(Number(mails.n)).toBe(200); // one confirmation or waitlist mail per request, committed with it

    // concurrent cancellations (one of them twice) free five seats and promote exactly five, within the limits
    const registered = outcomes.filter((outcome) => outcome.persons.some((person) => person.status === 'registered'));
    const cancels = registered.slice(0, 5).map((outcome) => ({ token: outcome.manageToken, id: outcome.persons.find((p) => p.status === 'registered')!.id }));
    const results = await Promise.all([...cancels, cancels[0]].map((cancel) => cancelByToken(database.db, cancel.token, [cancel.id])));
    expect(results.flatMap((result) => result.cancelled).sort()).toEqual(cancels.map((cancel) => cancel.id).sort());
    const after = await seats(eventId);
    expect(after.held).toBe(10);
    expect(after.count('promoted')).toBe(results.flatMap((result) => result.promoted).length);
    expect(after.count('cancelled')).toBe(5);
    expect(after.maxPerOrganisation).toBeLessThanOrEqual(2);
  });

  it('counts variant spellings of an organisation against one limit, also under simultaneous registrations', async () => {
    const eventId = await createEvent({ capacity: 30, per_org_limit: 2 });
    // the reviewed organisation, and twelve requests at once under spellings that normalise differently
    await resolveOrganisationNames(database.db, [{ name: 'Anadolu Kulturverein e.V.', line: 1 }], { createdFrom: 'import' });
    await database.db.updateTable('organisation').set({ needs_review: false }).where('name', '=', 'Anadolu Kulturverein e.V.').execute();
    const spellings = ['Anadolu-Kulturverein', 'Anadolukulturverein', 'ANADOLU KULTUR VEREIN', 'Anadolu Kulturverein e.V.', 'AnadoluKulturverein eV', 'Anadolu  Kultur-Verein'];
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => register(eventId, spellings[i % spellings.length], [`Mitglied ${i}`], { contactEmail: `m${i}@anadolu.example` })));
    const statuses = outcomes.map((outcome) => outcome.persons[0].status);
    expect(statuses.filter((status) => status === 'registered')).toHaveLength(2);
    expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(10);
    expect(new Set(outcomes.map((outcome) => outcome.organisationId)).size).toBeGreaterThan(1); // new organisations for review, yet one limit
    // the same person under another spelling is already registered
    const registeredName = outcomes.find((outcome) => outcome.persons[0].status === 'registered')!.persons[0].name;
    await expect(register(eventId, 'Anadolu Kultur-Verein', [registeredName])).rejects.toMatchObject({ code: 'alreadyRegistered' });
    // an organisation staff have reviewed keeps its own limit, however alike its name
    const other = await register(eventId, 'Verein Nord', ['Nora'], { contactEmail: 'nora@nord.example' });
    expect(other.persons[0].status).toBe('registered');
  });

  it('does not promote a variant spelling past the limit when a seat becomes free', async () => {
    const eventId = await createEvent({ capacity: 2, per_org_limit: 1 });
    await register(eventId, 'Frauencafe Ost', ['Asli']);
    const variant = await register(eventId, 'Frauen-Cafe Ost', ['Berna']);
    expect(variant.persons[0].status).toBe('waitlisted');
    const other = await register(eventId, 'Elternnetz West', ['Cora']);
    const next = await register(eventId, 'Chor Mitte', ['Dilan']);
    expect(next.persons[0].status).toBe('waitlisted');
    // Cora cancels: Berna waits first, but her organisation's spellings hold their one seat; Dilan moves up
    const result = await cancelByToken(database.db, other.manageToken);
    expect(result.promoted).toEqual([next.persons[0].id]);
  });

  it('gives one place per e-mail address to registrations without an organisation, even when sent at once', async () => {
    const eventId = await createEvent({ capacity: 20, per_org_limit: 2 });
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => register(eventId, null, [`Gast ${i}`], { contactEmail: i % 2 ? 'Gast@Beispiel.example' : 'gast@beispiel.example' })));
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    const refused = attempts.flatMap((attempt) => (attempt.status === 'rejected' ? [attempt.reason] : []));
    expect(refused).toHaveLength(7);
    for (const error of refused) expect(error).toMatchObject({ code: 'emailAlreadyRegistered', field: 'contactEmail' });
    expect(refused[0].text.de).toContain('Bestätigungs-E-Mail');
    expect(refused[0].text.en).toContain('confirmation e-mail');
    expect((await seats(eventId)).held).toBe(1);
    // several persons without an organisation: a clear refusal naming the organisation field
    const group = await register(eventId, null, ['Ida', 'Jan'], { contactEmail: 'familie@beispiel.example' }).catch((caught) => caught);
    expect(group).toMatchObject({ code: 'onePersonWithoutOrganisation', field: 'organisation' });
    expect(group.text.de).toContain('Organisation');
    // an address most mail servers refuse (an umlaut before the @) is refused here, naming the field, for the contact and for a person
    for (const extra of [{ contactEmail: 'jürgen@example.org' }, { persons: [{ name: 'Jürgen', email: 'jürgen@example.org' }] }]) {
      const refusal = await register(eventId, null, ['Jürgen'], extra).catch((caught) => caught);
      expect(refusal).toMatchObject({ code: 'emailNotAscii', field: 'contactEmail' in extra ? 'contactEmail' : 'persons.0.email' });
      expect(refusal.text.de).toContain('Bitte prüfen Sie das Feld „E-Mail“');
      expect(refusal.text.en).toContain('Please check the field "E-mail"');
    }
    // the same address as a person's own address of another registration counts too
    await expect(register(eventId, null, ['Kai'], { contactEmail: 'kai@beispiel.example', persons: [{ name: 'Kai', email: 'GAST@beispiel.example' }] })).rejects.toMatchObject({ code: 'emailAlreadyRegistered' });
    // after a cancellation the address may register again; staff may override
    const first = attempts.find((attempt) => attempt.status === 'fulfilled') as PromiseFulfilledResult<Awaited<ReturnType<typeof register>>>;
    await cancelByToken(database.db, first.value.manageToken);
    expect((await register(eventId, null, ['Gast 9'], { contactEmail: 'gast@beispiel.example' })).persons[0].status).toBe('registered');
    const admitted = await registerForEvent(database.db, { eventId, organisationName: null, contactEmail: 'gast@beispiel.example', language: 'de', persons: [{ name: 'Lea' }, { name: 'Mo' }] }, { baseUrl, override: { accountId: staffId, reason: 'Familie' } });
    expect(admitted.persons).toHaveLength(2);
  });

  it('leaves registrations without an organisation open at events without a limit', async () => {
    const eventId = await createEvent({ capacity: 10, per_org_limit: null });
    await register(eventId, null, ['Nele', 'Otto']);
    expect((await register(eventId, null, ['Paul'])).persons[0].status).toBe('registered');
  });

  it('gives a group seats while they last and puts the rest on the waitlist', async () => {
    const eventId = await createEvent({ capacity: 3, per_org_limit: 2 });
    const first = await register(eventId, 'Elternverein Nord', ['Ayşe Yılmaz', 'Ali Kaya', 'Mina Demir']);
    expect(first.persons.map((person) => person.status)).toEqual(['registered', 'registered', 'waitlisted']);
    const second = await register(eventId, 'Sportverein Süd', ['Boris Iwanow', 'Olga Petrowa']);
    expect(second.persons.map((person) => person.status)).toEqual(['registered', 'waitlisted']);
    const mails = await database.db.selectFrom('mail_outbox').select(['kind', 'to_address', 'text_body']).where('event_id', '=', eventId).orderBy('id').execute();
    expect(mails.map((mail) => mail.kind)).toEqual(['registration.confirmation', 'registration.confirmation']);
    expect(mails[0].text_body).toContain(`${baseUrl}/registrations/${first.manageToken}`);
    expect(mails[0].text_body).toContain('Mina Demir: auf der Warteliste');

    // the waitlist is Mina (Elternverein, at its limit) then Olga: Boris's seat goes to Olga
    await cancelByToken(database.db, second.manageToken, [second.persons[0].id]);
    let view = await findRegistrationByToken(database.db, second.manageToken);
    expect(view!.persons.map((person) => person.status)).toEqual(['cancelled', 'promoted']);
    view = await findRegistrationByToken(database.db, first.manageToken);
    expect(view!.persons[2].status).toBe('waitlisted');
    // Ali cancels: now Mina's organisation is under its limit
    await cancelByToken(database.db, first.manageToken, [first.persons[1].id]);
    view = await findRegistrationByToken(database.db, first.manageToken);
    expect(view!.persons.map((person) => person.status)).toEqual(['registered', 'cancelled', 'promoted']);
    const kinds = await database.db.selectFrom('mail_outbox').select('kind').where('event_id', '=', eventId).orderBy('id').execute();
    expect(kinds.map((mail) => mail.kind)).toEqual([
      'registration.confirmation', 'registration.confirmation',
      'registration.cancellation', 'registration.promotion',
      'registration.cancellation', 'registration.promotion',
    ]);
    const history = await database.db.selectFrom('registration_status_change').select(['from_status', 'to_status', 'reason']).where('registration_id', '=', first.persons[2].id).orderBy('id').execute();
    expect(history).toEqual([
      { from_status: null, to_status: 'waitlisted', reason: 'registration' },
      { from_status: 'waitlisted', to_status: 'promoted', reason: 'a seat became free' },
    ]);
  });

  it('sends the waitlist mail in the registration language, with German below a translated one', async () => {
    const eventId = await createEvent({ capacity: 0, per_org_limit: null });
    await register(eventId, null, ['Jane Doe'], { language: 'en' });
    await register(eventId, null, ['Oksana Koval'], { language: 'uk' });
    const mails = await database.db.selectFrom('mail_outbox').select(['kind', 'subject', 'text_body']).where('event_id', '=', eventId).orderBy('id').execute();
    expect(mails.map((mail) => mail.kind)).toEqual(['registration.waitlist', 'registration.waitlist']);
    expect(mails[0].subject).toMatch(/^Waiting list/);
    expect(mails[0].text_body).not.toContain('Warteliste');
    // Ukrainian first, then German for whoever helps reading
    expect(mails[1].subject).toMatch(/^Список очікування: .* \/ Warteliste: /);
    expect(mails[1].text_body).toContain('Warteliste');
  });

  it('refuses a hand-written insert beyond capacity or the limit, but lets an override pass', async () => {
    const eventId = await createEvent({ capacity: 2, per_org_limit: 1 });
    const outcome = await register(eventId, 'Verein A', ['Anna']);
    await register(eventId, 'Verein B', ['Bert']);
    const insert = (organisationId: number | null, key: string, overridden: boolean) => sql`
      insert into registration (event_id, group_id, organisation_id, person_name, person_key, status, overridden)
      values (${eventId}, ${outcome.groupId}, ${organisationId}, ${key}, ${key}, 'registered', ${overridden})`.execute(database.db);
    await expect(insert(null, 'carla', false)).rejects.toThrow(/registration_capacity_exceeded/);
    await expect(insert(outcome.organisationId, 'dora', false)).rejects.toThrow(/capacity|limit/);
    await insert(outcome.organisationId, 'dora', true);
    // an update that makes a waitlisted row take a seat is checked too
    const waiting = await register(eventId, null, ['Emil']);
    expect(waiting.persons[0].status).toBe('waitlisted');
    await expect(sql`update registration set status = 'promoted' where id = ${waiting.persons[0].id}`.execute(database.db)).rejects.toThrow(/registration_capacity_exceeded/);
  });

  it('lets only one of two simultaneous hand-written inserts take the last seat', async () => {
    const eventId = await createEvent({ capacity: 1, per_org_limit: null });
    const outcome = await register(eventId, null, ['Anna'], {});
    await cancelByToken(database.db, outcome.manageToken);
    const attempt = (key: string) =>
      database.db.transaction().execute(async (trx) => {
        await sql`insert into registration (event_id, group_id, person_name, person_key, status) values (${eventId}, ${outcome.groupId}, ${key}, ${key}, 'registered')`.execute(trx);
        await sql`select pg_sleep(0.2)`.execute(trx);
      });
    const results = await Promise.allSettled([attempt('x'), attempt('y')]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect((await seats(eventId)).held).toBe(1);
  });

  it('lets staff register beyond the limits with a reason, and logs it', async () => {
    const eventId = await createEvent({ capacity: 1, per_org_limit: 1 });
    await register(eventId, 'Verein A', ['Anna']);
    const withoutReason = registerForEvent(database.db, { eventId, organisationName: 'Verein A', contactEmail: 'a@verein.example', language: 'de', persons: [{ name: 'Bea' }] }, { baseUrl, override: { accountId: staffId, reason: ' ' } });
    await expect(withoutReason).rejects.toMatchObject({ code: 'reasonMissing', field: 'reason' });
    const admitted = await registerForEvent(database.db, { eventId, organisationName: 'Verein A', contactEmail: 'a@verein.example', language: 'de', persons: [{ name: 'Bea' }] }, { baseUrl, override: { accountId: staffId, reason: 'Referentin' } });
    expect(admitted.persons[0].status).toBe('registered');
    const waiting = await register(eventId, 'Verein B', ['Cem']);
    expect(waiting.persons[0].status).toBe('waitlisted');
    await admitWaitlisted(database.db, waiting.persons[0].id, { accountId: staffId, reason: 'Dolmetscher' });
    expect((await seats(eventId)).held).toBe(3);
    const audit = await database.db.selectFrom('audit_log').select(['account_id', 'details']).where('action', '=', 'registration.override').orderBy('id').execute();
    expect(audit.map((entry) => (entry.details as { reason: string }).reason)).toEqual(expect.arrayContaining(['Referentin', 'Dolmetscher']));
    expect(audit.every((entry) => entry.account_id === staffId)).toBe(true);
    // staff cancel Anna: no seat is free (overrides hold two), so nobody is promoted
    const anna = await database.db.selectFrom('registration').select('id').where('event_id', '=', eventId).where('person_name', '=', 'Anna').executeTakeFirstOrThrow();
    expect((await cancelByStaff(database.db, anna.id, { accountId: staffId, reason: 'telefonisch abgesagt' })).promoted).toEqual([]);
  });

  it('creates an unknown organisation once when many name it at the same time', async () => {
    const eventId = await createEvent({ capacity: 20, per_org_limit: 3 });
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => register(eventId, 'Brandneuer Frauenverein', [`Frau ${i}`])));
    expect(new Set(outcomes.map((outcome) => outcome.organisationId)).size).toBe(1);
    const created = await database.db.selectFrom('organisation').select(['needs_review', 'created_from']).where('id', '=', outcomes[0].organisationId!).executeTakeFirstOrThrow();
    expect(created).toEqual({ needs_review: true, created_from: 'registration' });
    expect((await seats(eventId)).maxPerOrganisation).toBe(3);
  });

  it('moves the waitlist up when staff raise the capacity', async () => {
    const eventId = await createEvent({ capacity: 1, per_org_limit: null });
    await register(eventId, null, ['Uwe']);
    const waiting = await register(eventId, null, ['Vera', 'Wim']);
    expect(waiting.persons.map((person) => person.status)).toEqual(['waitlisted', 'waitlisted']);
    await database.db.updateTable('event').set({ capacity: 2 }).where('id', '=', eventId).execute();
    expect(await fillFreeSeats(database.db, eventId, staffId)).toEqual([waiting.persons[0].id]);
    expect((await seats(eventId)).held).toBe(2);
  });

  it('accepts the manage token and refuses a wrong one', async () => {
    const eventId = await createEvent({ capacity: 5, per_org_limit: null });
    const outcome = await register(eventId, 'Verein C', ['Dana', 'Emre']);
    const other = await register(eventId, 'Verein D', ['Fatma']);
    const view = await findRegistrationByToken(database.db, outcome.manageToken);
    expect(view!.persons.map((person) => person.person_name)).toEqual(['Dana', 'Emre']);
    expect(await findRegistrationByToken(database.db, outcome.manageToken.slice(0, -2) + 'xx')).toBeUndefined();
    expect(await findRegistrationByToken(database.db, 'short')).toBeUndefined();
    await expect(cancelByToken(database.db, 'x'.repeat(32))).rejects.toMatchObject({ code: 'tokenUnknown' });
    await expect(cancelByToken(database.db, outcome.manageToken, [other.persons[0].id])).rejects.toMatchObject({ code: 'registrationNotFound' });
    const stored = await database.db.selectFrom('registration_group').select('manage_token_hash').where('id', '=', outcome.groupId).executeTakeFirstOrThrow();
    expect(stored.manage_token_hash).not.toContain(outcome.manageToken);
    const result = await cancelByToken(database.db, outcome.manageToken);
    expect(result.cancelled).toHaveLength(2);
  });

  it('explains refusals in German and English, naming the field', async () => {
    const eventId = await createEvent({ capacity: 5, per_org_limit: null });
    await register(eventId, 'Verein E', ['Gül']);
    const error = await register(eventId, 'Verein  E', ['GÜL']).catch((caught) => caught);
    expect(error).toBeInstanceOf(RegistrationError);
    expect(error).toMatchObject({ code: 'alreadyRegistered', field: 'persons' });
    expect(error.text.de).toContain('schon angemeldet');
    expect(error.text.en).toContain('already registered');
    await expect(register(eventId, null, ['Hans', 'hans'])).rejects.toMatchObject({ code: 'duplicatePerson', field: 'persons.1.name' });
    await expect(register(eventId, null, ['Ida'], { contactEmail: 'kein-at' })).rejects.toMatchObject({ code: 'emailInvalid', field: 'contactEmail' });
    await expect(register(eventId, null, [])).rejects.toMatchObject({ code: 'noPersons' });
    await expect(register(9_999_999, null, ['Jo'])).rejects.toMatchObject({ code: 'eventNotFound' });
  });

  it('keeps to the registration window and refuses cancelled events', async () => {
    const eventId = await createEvent({ capacity: 5, per_org_limit: null });
    await sql`update event set registration_opens_at = now() + interval '1 day' where id = ${eventId}`.execute(database.db);
    await expect(register(eventId, null, ['Kim'])).rejects.toMatchObject({ code: 'notOpenYet' });
    await sql`update event set registration_opens_at = null, registration_closes_at = now() - interval '1 hour' where id = ${eventId}`.execute(database.db);
    await expect(register(eventId, null, ['Kim'])).rejects.toMatchObject({ code: 'closed' });
    await sql`update event set registration_closes_at = null, cancelled_at = now() where id = ${eventId}`.execute(database.db);
    const error = await register(eventId, null, ['Kim']).catch((caught) => caught);
    expect(error.code).toBe('eventCancelled');
    expect(error.text.de).toContain('Netzwerktreffen');
    expect(await database.db.selectFrom('registration').select('id').where('event_id', '=', eventId).execute()).toEqual([]);
  });

  it('leaves no new organisation behind when the registration is refused', async () => {
    const organisations = (name: string) => database.db.selectFrom('organisation').select('id').where('name', '=', name).execute();
    const eventId = await createEvent({ capacity: 5, per_org_limit: null });
    await sql`update event set registration_closes_at = now() - interval '1 hour' where id = ${eventId}`.execute(database.db);
    await expect(register(eventId, 'Neuer Kulturverein Ost', ['Kim'])).rejects.toMatchObject({ code: 'closed' });
    expect(await organisations('Neuer Kulturverein Ost')).toEqual([]);
    await sql`update event set registration_closes_at = null, cancelled_at = now() where id = ${eventId}`.execute(database.db);
    await expect(register(eventId, 'Zweiter Neuer Verein', ['Lea'])).rejects.toMatchObject({ code: 'eventCancelled' });
    expect(await organisations('Zweiter Neuer Verein')).toEqual([]);
    // accepted: created with the registration, flagged for review
    const open = await createEvent({ capacity: 5, per_org_limit: null });
    const outcome = await register(open, 'Zweiter Neuer Verein', ['Mia']);
    expect(await database.db.selectFrom('organisation').select(['id', 'needs_review']).where('name', '=', 'Zweiter Neuer Verein').execute()).toEqual([{ id: outcome.organisationId, needs_review: true }]);
  });
});
