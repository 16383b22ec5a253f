import { sql, type RawBuilder } from 'kysely';
import { normalisePersonName } from '../names/index.js';
import { emailMatches, erasedName, type CatalogueEntry, type DataSubject, type Db as PrivacyDb, type Row as PrivacyRow, type SampleFixture } from '../catalogue.js';

/**
 * The newsletter's part of the personal-data catalogue: a subscription is
 * found by the person's e-mail address or by the person it is linked to,
 * exported with its consent evidence and deliveries, and erased whole (the
 * subscriber row; its confirmations and deliveries go with it). The
 * brochure's "for the attention of" names a person of an organisation.
 */

const rows = async (db: PrivacyDb, query: RawBuilder<unknown>) => (await query.execute(db)).rows as PrivacyRow[];
const subscriberMatches = (s: DataSubject) => sql<boolean>`(${emailMatches(s, 'email')}${s.personId === null ? sql`` : sql` or person_id = ${s.personId}`})`;
const subscriberIds = (s: DataSubject) => sql`select id from newsletter_subscriber where ${subscriberMatches(s)}`;
const ids = (found: PrivacyRow[], column: string) => found.map((row) => Number(row[column]));
const centre = 'Mitarbeitende des Zentrums (admin, staff); keine Weitergabe';
const consent = 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung, Double-Opt-in); § 7 Abs. 2 UWG';
const subjects = 'Abonnentinnen und Abonnenten des Newsletters (mit oder ohne Eintrag im Verzeichnis)';

/** The sample subscription of the privacy tests: the test person's address, linked to them. */
async function sampleSubscriber(db: PrivacyDb, fixture: SampleFixture): Promise<number> {
  const person = await sql<{ email: string }>`select email from person where id = ${fixture.personId}`.execute(db);
  const email = person.rows[0]!.email.toLowerCase();
  await sql`insert into newsletter_subscriber (email, language, topics, status, unsubscribe_token, person_id, confirmed_at)
    values (${email}, 'de', '{events}', 'confirmed', ${`sample-token-${fixture.personId}-0000000000`}, ${fixture.personId}, now())
    on conflict (email) do nothing`.execute(db);
  const found = await sql<{ id: number }>`select id from newsletter_subscriber where email = ${email}`.execute(db);
  return Number(found.rows[0]!.id);
}

export const newsletterCatalogue: CatalogueEntry[] = [
  {
    table: 'newsletter_subscriber', personal: true,
    columns: ['email', 'language', 'topics', 'region', 'status', 'person_id', 'confirmed_at', 'unsubscribed_at', 'created_at'], categories: ['contact'],
    subjects, purpose: 'Versand des Newsletters an bestätigte Adressen', legalBasis: consent, recipients: centre,
    retention: 'bis zur Löschung; abbestellte Adressen bleiben als Nachweis des Widerrufs, bis die Person die Löschung verlangt',
    finds: 'E-Mail = E-Mail der Person, oder mit der Person verknüpft (person_id)',
    find: (db, s) => rows(db, sql`select * from newsletter_subscriber where ${subscriberMatches(s)} order by id`),
    erasure: 'gelöscht, mit Bestätigungen und Zustellungen',
    erase: async (db, _s, found) => {
      if (found.length > 0) await sql`delete from newsletter_subscriber where id in (${sql.join(ids(found, 'id'))})`.execute(db);
    },
    hidden: ['unsubscribe_token'],
    sample: async (db, fixture) => void (await sampleSubscriber(db, fixture)),
  },
  {
    table: 'newsletter_confirmation', personal: true,
    columns: ['subscriber_id', 'language', 'topics', 'region', 'consent_text', 'consent_version', 'requested_at', 'confirmed_at', 'confirmed_ip'], categories: ['contact', 'technical'],
    subjects, purpose: 'Nachweis der Einwilligung (BGH I ZR 164/09): Wortlaut, Version, Zeit der Anmeldung und der Bestätigung, IP-Adresse nur wenn eingeschaltet',
    legalBasis: 'Art. 6 Abs. 1 lit. c und f DSGVO (Nachweis der Einwilligung, Art. 7 Abs. 1 DSGVO)', recipients: centre,
    retention: 'so lange wie die Anmeldung, deren Einwilligung sie belegt',
    finds: 'gehört zu einer Anmeldung der Person (newsletter_subscriber)',
    find: (db, s) => rows(db, sql`select * from newsletter_confirmation where subscriber_id in (${subscriberIds(s)}) order by id`),
    erasure: 'gelöscht',
    erase: async (db, _s, found) => {
      if (found.length > 0) await sql`delete from newsletter_confirmation where id in (${sql.join(ids(found, 'id'))})`.execute(db);
    },
    hidden: ['token_hash'],
    sample: async (db, fixture) => {
      const subscriberId = await sampleSubscriber(db, fixture);
      await sql`insert into newsletter_confirmation (subscriber_id, token_hash, language, topics, consent_text, consent_version, requested_at, expires_at, confirmed_at)
        values (${subscriberId}, ${`sample-hash-${subscriberId}`}, 'de', '{events}', 'Ich möchte den Newsletter erhalten.', 'sample', now(), now() + interval '7 days', now())`.execute(db);
    },
  },
  {
    table: 'newsletter_delivery', personal: true, columns: ['issue_id', 'subscriber_id', 'queued_at'], categories: ['technical'],
    subjects, purpose: 'Welche Ausgabe an wen ging: jede Ausgabe nur einmal je Adresse', legalBasis: consent, recipients: centre,
    retention: 'so lange wie die Anmeldung', finds: 'gehört zu einer Anmeldung der Person (newsletter_subscriber)',
    find: (db, s) => rows(db, sql`select * from newsletter_delivery where subscriber_id in (${subscriberIds(s)}) order by issue_id`),
    erasure: 'gelöscht',
    erase: async (db, _s, found) => {
      if (found.length > 0) await sql`delete from newsletter_delivery where subscriber_id in (${sql.join(ids(found, 'subscriber_id'))})`.execute(db);
    },
    sample: async (db, fixture) => {
      const subscriberId = await sampleSubscriber(db, fixture);
      const issue = await sql<{ id: number }>`insert into newsletter_issue (status, topics, languages, sent_at) values ('sent', '{events}', '{de}', now()) returning id`.execute(db);
      await sql`insert into newsletter_delivery (issue_id, subscriber_id) values (${issue.rows[0]!.id}, ${subscriberId})`.execute(db);
    },
  },
  { table: 'newsletter_issue', personal: false, why: 'Ausgaben des Newsletters: Stand und Zielgruppe (Themen, Sprachen); created_by ist nur die Referenz auf ein Mitarbeiterkonto' },
  { table: 'newsletter_issue_text', personal: false, why: 'Betreff und Text der Ausgaben, vom Zentrum geschrieben und öffentlich im Archiv' },
  { table: 'newsletter_setting', personal: false, why: 'Einstellungen des Newsletters (IP-Nachweis an/aus, Drosselung), keine Personendaten' },
  {
    table: 'postal_mail_consent', personal: true, columns: ['organisation_id', 'addressee'], categories: ['contact'],
    subjects: 'Ansprechpersonen von Organisationen („zu Händen“ der Postanschrift)',
    purpose: 'Versand der Broschüre und anderer Post an Organisationen, die zugestimmt haben',
    legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO (Zustimmung der Organisation zum Postversand)', recipients: centre,
    retention: 'bis zum Widerruf; danach bleibt die Anschrift der Organisation mit dem Datum des Widerrufs',
    finds: '„zu Händen“ nennt die Person (normalisierter Name) in einer ihrer Organisationen',
    find: async (db, s) => {
      if (s.organisationIds.length === 0 || !s.nameKey) return [];
      const found = await rows(db, sql`select * from postal_mail_consent where organisation_id in (${sql.join(s.organisationIds)}) and addressee is not null order by organisation_id`);
      return found.filter((row) => normalisePersonName(String(row.addressee)) === s.nameKey);
    },
    erasure: '„zu Händen“ → „Gelöschte Person“; die Anschrift der Organisation bleibt',
    erase: async (db, _s, found) => {
      if (found.length > 0) await sql`update postal_mail_consent set addressee = ${erasedName} where organisation_id in (${sql.join(ids(found, 'organisation_id'))})`.execute(db);
    },
    sample: async (db, fixture) => {
      await sql`insert into postal_mail_consent (organisation_id, addressee, street, postcode, city, source, agreed_on)
        select ${fixture.organisationId}, full_name, 'Hauptstraße 1', '35390', 'Gießen', 'letter', '2026-01-15' from person where id = ${fixture.personId}
        on conflict (organisation_id) do nothing`.execute(db);
    },
  },
];
