import { sql } from 'kysely';
import { normalisePersonName } from '../names/index.js';
import type { SampleFixture } from './personal-data.js';
import type { Db } from './subject.js';

/*
 * One row naming the test person in every personal table of the catalogue
 * (export.test.ts, erasure.test.ts). A personal table without a sample here
 * fails those tests: add one that names the person the way real data would.
 */

export const testPerson = { name: 'Zeynep Kaya-Yıldız', email: 'zeynep.kaya@example.org' };
/** Someone else in the same organisation: never exported or erased with the test person. */
export const otherPerson = { name: 'Murat Demir', email: 'murat.demir@example.org' };

export type Fixture = SampleFixture;

export async function seedPerson(db: Db): Promise<Fixture> {
  const one = async <T,>(query: ReturnType<typeof sql>) => (await query.execute(db)).rows[0] as T;
  const { id: accountId } = await one<{ id: number }>(sql`insert into account (email, display_name, role) values (${testPerson.email.toUpperCase()}, ${testPerson.name}, 'representative') returning id`);
  const { id: organisationId } = await one<{ id: number }>(sql`insert into organisation (name, district) values ('Kulturverein Anatolien', 'Gießen') returning id`);
  const { id: otherOrganisationId } = await one<{ id: number }>(sql`insert into organisation (name, district) values ('Elternverein Kassel', 'Kassel') returning id`);
  const { id: personId } = await one<{ id: number }>(sql`insert into person (full_name, email, phone, account_id) values (${testPerson.name}, ${testPerson.email}, '+49 641 123', ${accountId}) returning id`);
  await sql`insert into person_role (person_id, organisation_id, role) values (${personId}, ${organisationId}, 'board')`.execute(db);
  const { id: eventId } = await one<{ id: number }>(sql`insert into event (event_key, title, format, start_date) values ('ev-privacy', 'Vernetzungstreffen', 'regional_network_meeting', '2024-05-04') returning id`);
  // the other person: same organisation and event, and a namesake in another organisation
  await sql`insert into participation (event_id, organisation_id, person_name, person_key, email) values
    (${eventId}, ${organisationId}, ${otherPerson.name}, ${normalisePersonName(otherPerson.name)}, ${otherPerson.email}),
    (${eventId}, ${otherOrganisationId}, ${testPerson.name}, ${normalisePersonName(testPerson.name)}, null)`.execute(db);
  const { id: groupId } = await one<{ id: number }>(sql`insert into registration_group (event_id, organisation_id, contact_email, manage_token_hash)
    values (${eventId}, ${organisationId}, ${otherPerson.email}, 'hash-other') returning id`);
  const { id: registrationId } = await one<{ id: number }>(sql`insert into registration (event_id, group_id, organisation_id, person_name, person_key, status)
    values (${eventId}, ${groupId}, ${organisationId}, 'Zeynep Kaya Yildiz', ${normalisePersonName('Zeynep Kaya Yildiz')}, 'registered') returning id`);
  return { personId, accountId, organisationId, otherOrganisationId, eventId, registrationId };
}

type Sample = (db: Db, f: Fixture) => Promise<unknown>;
const run = (query: ReturnType<typeof sql>) => (db: Db) => query.execute(db);

export const samples: Record<string, Sample> = {
  account: async () => undefined, // seedPerson: the person's own account
  person: async () => undefined, // seedPerson
  person_role: async () => undefined, // seedPerson
  registration: async () => undefined, // seedPerson: the name written without the dotless i and the hyphen
  account_scope: (db, f) => run(sql`insert into account_scope (account_id, organisation_id) values (${f.accountId}, ${f.organisationId})`)(db),
  session: (db, f) => run(sql`insert into session (id, account_id, csrf_token, expires_at) values ('session-hash', ${f.accountId}, 'csrf', now() + interval '1 day')`)(db),
  password_token: (db, f) => run(sql`insert into password_token (id, account_id, expires_at) values ('token-hash', ${f.accountId}, now() + interval '1 day')`)(db),
  audit_log: (db, f) => run(sql`insert into audit_log (account_id, action, subject_type, subject_id) values (null, 'person.read', 'person', ${String(f.personId)})`)(db),
  organisation: (db, f) => run(sql`update organisation set portrait = 'Gegründet 1998.', portrait_consent_by = ${testPerson.name.toUpperCase()}, portrait_consent_on = '2025-01-01',
    portrait_consent_wording = 'portrait/2026-01', notes = ${`Vorsitz: ${testPerson.name}`} where id = ${f.organisationId}`)(db),
  organisation_distinct_pair: (db, f) => run(sql`insert into organisation_distinct_pair (organisation_id_low, organisation_id_high, decided_by)
    values (${Math.min(f.organisationId, f.otherOrganisationId)}, ${Math.max(f.organisationId, f.otherOrganisationId)}, ${f.accountId})`)(db),
  consent: (db, f) => run(sql`insert into consent (person_id, purpose, wording_version, given_on, source) values (${f.personId}, 'contact', '2026-01', '2026-01-10', 'paper')`)(db),
  participation: (db, f) => run(sql`insert into participation (event_id, organisation_id, person_name, person_key, email)
    values (${f.eventId}, ${f.organisationId}, 'zeynep kaya yildiz', ${normalisePersonName('zeynep kaya yildiz')}, ${testPerson.email})`)(db),
  registration_group: (db, f) => run(sql`insert into registration_group (event_id, organisation_id, contact_email, manage_token_hash, account_id)
    values (${f.eventId}, ${f.organisationId}, ${testPerson.email}, 'hash-own', ${f.accountId})`)(db),
  registration_status_change: (db, f) => run(sql`insert into registration_status_change (registration_id, from_status, to_status, reason)
    values (${f.registrationId}, null, 'registered', ${`angemeldet von ${testPerson.name}`})`)(db),
  mail_outbox: (db, f) => run(sql`insert into mail_outbox (kind, to_address, subject, text_body, event_id)
    values ('confirmation', ${testPerson.email}, 'Ihre Anmeldung', ${`Liebe ${testPerson.name}, …`}, ${f.eventId})`)(db),
  feedback_answer: async (db, f) => {
    const form = (await sql<{ id: number }>`insert into feedback_form (name) values ('Bogen') returning id`.execute(db)).rows[0];
    const question = (await sql<{ id: number }>`insert into feedback_question (form_id, position, kind, texts) values (${form.id}, 1, 'open', '{"de":"Was noch?"}') returning id`.execute(db)).rows[0];
    const response = (await sql<{ id: number }>`insert into feedback_response (event_id, response_key) values (${f.eventId}, 'r1') returning id`.execute(db)).rows[0];
    await sql`insert into feedback_answer (response_id, question_id, text_value) values (${response.id}, ${question.id}, 'Danke an zeynep KAYA yildiz für die Moderation!')`.execute(db);
  },
  consultation: (db, f) => run(sql`insert into consultation (consulted_on, organisation_id, channel, topic, persons, notes)
    values ('2025-03-03', ${f.organisationId}, 'phone', 'application', ${`${testPerson.name}, ${otherPerson.name}`}, 'Antrag besprochen')`)(db),
  consultation_request: (db, f) => run(sql`insert into consultation_request (organisation_id, requested_by, requester_name, topics, channel, contact_email)
    values (${f.organisationId}, ${f.accountId}, ${testPerson.name}, array['application'], 'phone', ${testPerson.email})`)(db),
  organisation_claim: (db, f) => run(sql`insert into organisation_claim (account_id, organisation_id, role, message) values (${f.accountId}, ${f.organisationId}, 'board', 'Ich bin Vorsitzende.')`)(db),
  import_upload: (db, f) => run(sql`insert into import_upload (id, kind, file_name, content, account_id)
    values ('upload-1', 'participants', 'liste.csv', convert_to(${`event_key;person;email\nev-privacy;${testPerson.name};${testPerson.email}`}, 'UTF8'), ${f.accountId})`)(db),
  import_run: (db, f) => run(sql`insert into import_run (kind, file_name, sha256, account_id, rows, created, updated, unchanged, new_organisations)
    values ('participants', 'liste.csv', 'abc', ${f.accountId}, 1, 1, 0, 0, 0)`)(db),
  import_job: (db, f) => run(sql`insert into import_job (kind, file_name, dry_run, account_id, status, progress)
    values ('participants', 'liste.csv', true, ${f.accountId}, 'done', 100)`)(db),
  retention_rule: (db, f) => run(sql`update retention_rule set updated_by = ${f.accountId} where kind = 'sent_mails'`)(db),
};
