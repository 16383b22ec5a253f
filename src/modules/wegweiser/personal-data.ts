import { sql, type RawBuilder } from 'kysely';
import { accountMatches, emailMatches, redact, redaction, textMayName, textNames, type CatalogueEntry, type DataSubject, type Db, type Row } from '../catalogue.js';

/**
 * The Wegweiser's entries of the personal-data catalogue. The directory is
 * about services, not people; but an assurer (often a person at the
 * service), a named contact, the change history (who changed what) and the
 * suggestions of associations name people.
 */

const rows = async (db: Db, query: RawBuilder<unknown>) => (await query.execute(db)).rows as Row[];
const centre = 'Mitarbeitende des Zentrums; Koordinierende ihrer Landkreise';
const publicDirectory = 'Art. 6 Abs. 1 lit. e DSGVO (öffentliches Verzeichnis von Beratungsangeboten); Art. 6 Abs. 1 lit. f DSGVO für Ansprechpersonen der Stellen';
const ids = (found: Row[]) => found.map((row) => row.id as string);
const anyOf = (found: Row[]) => (found.length === 0 ? sql<boolean>`false` : sql<boolean>`id in (${sql.join(ids(found))})`);

async function personEmail(db: Db, personId: number) {
  const row = await sql<{ email: string; full_name: string }>`select email, full_name from person where id = ${personId}`.execute(db);
  return row.rows[0];
}

const notPersonal = (table: string, why: string): CatalogueEntry => ({ table, personal: false, why });

export const wegweiserPersonalData: CatalogueEntry[] = [
  {
    table: 'wegweiser_service', personal: true, columns: ['assurer_name', 'assurer_email', 'easy_read_checked_by'], categories: ['contact'],
    subjects: 'Bestätigende Personen (oft Mitarbeitende der Stelle) und wer die Leichte Sprache geprüft hat',
    purpose: 'Wegweiser aktuell halten: wer einen Eintrag bestätigt', legalBasis: publicDirectory, recipients: `${centre}; die E-Mail der bestätigenden Person auch in der HSDS-API (assurer_email)`,
    retention: 'solange der Eintrag besteht', finds: 'assurer_email = E-Mail der Person, assurer_name nennt sie, oder ihr Konto hat die Leichte Sprache geprüft',
    find: async (db, s) => (await rows(db, sql`select id, name, assurer_name, assurer_email, easy_read_checked_by from wegweiser_service
      where ${emailMatches(s, 'assurer_email')} or ${accountMatches(s, 'easy_read_checked_by')} or ${textMayName(s, 'assurer_name')} order by id`))
      .filter((row) => s.emails.includes(String(row.assurer_email ?? '').toLowerCase()) || textNames(s, row.assurer_name) || (s.accountId !== null && row.easy_read_checked_by === s.accountId)),
    erasure: 'bestätigende Person entfernt (der Eintrag wird wieder fällig), Prüfvermerk der Leichten Sprache ohne Konto',
    erase: async (db, s, found) => {
      // only the rows whose assurer is the person (find also returns rows where only the Leichte Sprache check is theirs)
      const assuredByThem = found.filter((row) => s.emails.includes(String(row.assurer_email ?? '').toLowerCase()) || textNames(s, row.assurer_name));
      await sql`update wegweiser_service set assurer_name = null, assurer_email = null where ${anyOf(assuredByThem)}`.execute(db);
      if (s.accountId !== null) await sql`update wegweiser_service set easy_read_checked_by = null where easy_read_checked_by = ${s.accountId}`.execute(db);
    },
    sample: async (db, fixture) => {
      const person = await personEmail(db, fixture.personId);
      const org = await sql<{ id: string }>`insert into wegweiser_organization (name) values ('Beratungsstelle Beispiel') returning id`.execute(db);
      await sql`insert into wegweiser_service (organization_id, name, status, assurer_name, assurer_email) values (${org.rows[0].id}, 'Beispielberatung', 'active', ${person.full_name}, ${person.email})`.execute(db);
    },
  },
  {
    table: 'wegweiser_contact', personal: true, columns: ['name', 'title', 'email'], categories: ['contact'],
    subjects: 'Ansprechpersonen der Stellen', purpose: 'Wen Ratsuchende bei einer Stelle erreichen', legalBasis: publicDirectory, recipients: `${centre}; öffentlich im Wegweiser und in der HSDS-API`,
    retention: 'solange der Eintrag besteht', finds: 'email = E-Mail der Person, oder name nennt sie',
    find: async (db, s) => (await rows(db, sql`select * from wegweiser_contact where ${emailMatches(s, 'email')} or ${textMayName(s, 'name')} order by id`))
      .filter((row) => s.emails.includes(String(row.email ?? '').toLowerCase()) || textNames(s, row.name)),
    erasure: 'gelöscht', erase: async (db, _s, found) => { await sql`delete from wegweiser_contact where ${anyOf(found)}`.execute(db); },
    sample: async (db, fixture) => {
      const person = await personEmail(db, fixture.personId);
      await sql`insert into wegweiser_contact (name, email) values (${person.full_name}, ${person.email})`.execute(db);
    },
  },
  {
    table: 'wegweiser_metadata', personal: true, columns: ['updated_by', 'account_id', 'previous_value', 'replacement_value'], categories: ['technical'],
    subjects: 'Wer einen Eintrag geändert oder bestätigt hat; Personen, die als alter oder neuer Wert genannt sind',
    purpose: 'Änderungsverlauf nach HSDS (wer, wann, welches Feld, alt, neu)', legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO (Nachvollziehbarkeit des Verzeichnisses)', recipients: `${centre}; öffentlich in der HSDS-API (metadata)`,
    retention: 'solange der Eintrag besteht', finds: 'ihr Konto, oder updated_by/alter/neuer Wert nennt ihre E-Mail oder ihren Namen',
    find: async (db, s) => (await rows(db, sql`select * from wegweiser_metadata where ${accountMatches(s, 'account_id')} or ${emailMatches(s, 'updated_by')}
      or ${textMayName(s, 'previous_value')} or ${textMayName(s, 'replacement_value')} or ${textMayName(s, 'updated_by')} order by id`))
      .filter((row) => (s.accountId !== null && row.account_id === s.accountId) || [row.updated_by, row.previous_value, row.replacement_value].some((text) => textNames(s, text))),
    erasure: 'bleibt als Verlauf; Name und E-Mail ersetzt, Konto-Referenz entfernt',
    erase: async (db, s, found) => {
      for (const row of found) {
        const by = s.accountId !== null && row.account_id === s.accountId ? redaction : redact(s, String(row.updated_by));
        await sql`update wegweiser_metadata set updated_by = ${by}, account_id = ${row.account_id === s.accountId ? null : (row.account_id as number | null)},
          previous_value = ${redact(s, String(row.previous_value))}, replacement_value = ${redact(s, String(row.replacement_value))} where id = ${row.id}`.execute(db);
      }
    },
    sample: async (db, fixture) => {
      const person = await personEmail(db, fixture.personId);
      await sql`insert into wegweiser_metadata (resource_id, resource_type, last_action_type, field_name, previous_value, replacement_value, updated_by, account_id)
        values (gen_random_uuid(), 'service', 'update', 'assurer_email', '', ${person.email}, ${person.email}, ${fixture.accountId})`.execute(db);
    },
  },
  {
    table: 'wegweiser_check', personal: true, columns: ['assurer_email', 'proposal'], categories: ['contact', 'free_text'],
    subjects: 'Bestätigende Personen', purpose: 'Erinnerungen zum Bestätigen eines Eintrags und ihre Antworten', legalBasis: publicDirectory, recipients: centre,
    retention: 'solange der Eintrag besteht', finds: 'assurer_email = E-Mail der Person', hidden: ['token_hash'],
    find: (db, s) => rows(db, sql`select * from wegweiser_check where ${emailMatches(s, 'assurer_email')} order by id`),
    erasure: 'gelöscht', erase: async (db, s) => { await sql`delete from wegweiser_check where ${emailMatches(s, 'assurer_email')}`.execute(db); },
    sample: async (db, fixture) => {
      const person = await personEmail(db, fixture.personId);
      const org = await sql<{ id: string }>`insert into wegweiser_organization (name) values ('Beratungsstelle Probe') returning id`.execute(db);
      const service = await sql<{ id: string }>`insert into wegweiser_service (organization_id, name, status) values (${org.rows[0].id}, 'Probeberatung', 'active') returning id`.execute(db);
      await sql`insert into wegweiser_check (service_id, assurer_email, token_hash, sent_at, expires_at) values (${service.rows[0].id}, ${person.email}, md5(random()::text), now(), now() + interval '30 days')`.execute(db);
    },
  },
  {
    table: 'wegweiser_suggestion', personal: true, columns: ['account_id', 'contact', 'description', 'decided_by', 'decision_note'], categories: ['contact', 'free_text'],
    subjects: 'Vereinsvertretungen, die einen Eintrag vorschlagen; darin genannte Ansprechpersonen',
    purpose: 'Fehlende Angebote vorschlagen (moderiert)', legalBasis: 'Art. 6 Abs. 1 lit. e DSGVO', recipients: 'Mitarbeitende des Zentrums',
    retention: 'bis zur Entscheidung und danach solange der Vorschlag nachvollziehbar sein muss', finds: 'ihr Konto, oder Kontakt/Beschreibung nennt sie',
    find: async (db, s) => (await rows(db, sql`select * from wegweiser_suggestion where ${accountMatches(s, 'account_id')} or ${accountMatches(s, 'decided_by')}
      or ${textMayName(s, 'contact')} or ${textMayName(s, 'description')} or ${textMayName(s, 'decision_note')} order by id`))
      .filter((row) => (s.accountId !== null && (row.account_id === s.accountId || row.decided_by === s.accountId)) || textNames(s, row.contact) || textNames(s, row.description) || textNames(s, row.decision_note)),
    erasure: 'Konto-Referenz entfernt, Name und E-Mail in Kontakt, Beschreibung und Begründung ersetzt',
    erase: async (db, s, found) => {
      for (const row of found) {
        await sql`update wegweiser_suggestion set account_id = ${row.account_id === s.accountId ? null : (row.account_id as number | null)},
          decided_by = ${row.decided_by === s.accountId ? null : (row.decided_by as number | null)},
          contact = ${redact(s, (row.contact as string | null) ?? null)}, description = ${redact(s, String(row.description))},
          decision_note = ${redact(s, (row.decision_note as string | null) ?? null)} where id = ${row.id}`.execute(db);
      }
    },
    sample: async (db, fixture) => {
      const person = await personEmail(db, fixture.personId);
      await sql`insert into wegweiser_suggestion (account_id, name, description, contact) values (${fixture.accountId}, 'Elterncafé', 'Fehlt im Wegweiser', ${person.email})`.execute(db);
    },
  },
  {
    table: 'wegweiser_organization', personal: true, columns: ['email'], categories: ['contact'],
    subjects: 'Ansprechpersonen, deren Adresse als E-Mail einer Stelle eingetragen ist', purpose: 'Kontakt zur Stelle', legalBasis: publicDirectory, recipients: `${centre}; öffentlich`,
    retention: 'solange die Stelle im Wegweiser ist', finds: 'email = E-Mail der Person',
    find: (db, s) => rows(db, sql`select id, name, email from wegweiser_organization where ${emailMatches(s, 'email')} order by id`),
    erasure: 'E-Mail entfernt', erase: async (db, s) => { await sql`update wegweiser_organization set email = null where ${emailMatches(s, 'email')}`.execute(db); },
    sample: async (db, fixture) => {
      const person = await personEmail(db, fixture.personId);
      await sql`insert into wegweiser_organization (name, email) values ('Stelle mit persönlicher Adresse', ${person.email})`.execute(db);
    },
  },
  notPersonal('wegweiser_location', 'Adressen und Koordinaten von Beratungsstellen und Behörden, keine Personen'),
  notPersonal('wegweiser_accessibility', 'Barrierefreiheit eines Ortes'),
  notPersonal('wegweiser_service_at_location', 'Verknüpfung von Angebot und Ort'),
  notPersonal('wegweiser_service_area', 'Landkreise und Gemeinden, in denen ein Angebot hilft'),
  notPersonal('wegweiser_language', 'Sprachen eines Angebots'),
  notPersonal('wegweiser_phone', 'Telefonnummern von Stellen (keine persönlichen Durchwahlen: die gehören zu wegweiser_contact)'),
  notPersonal('wegweiser_cost_option', 'Kosten eines Angebots'),
  notPersonal('wegweiser_schedule', 'Öffnungszeiten'),
  notPersonal('wegweiser_taxonomy', 'die Themenliste'),
  notPersonal('wegweiser_taxonomy_term', 'Themen der Themenliste'),
  notPersonal('wegweiser_attribute', 'Zuordnung von Themen zu Angeboten'),
  notPersonal('wegweiser_translation', 'Übersetzungen der Texte von Angeboten'),
];

export type { DataSubject };
