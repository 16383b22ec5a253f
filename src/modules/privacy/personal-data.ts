import { sql, type RawBuilder } from 'kysely';
import { normalisePersonName } from '../names/index.js';
import { registeredModules } from '../registry.js';
import { accountMatches, emailMatches, erasedName, nameKeyMatches, redact, textMayName, textNames, type DataSubject, type Db, type Row } from './subject.js';

/**
 * The personal-data catalogue: every table of the schema, classified.
 * A table either holds no personal data (and says why), or names the columns
 * that do, what they are for, on which legal basis, who receives them, how
 * long they are kept, how one person's rows are found (`find`) and how they
 * are erased (`erase`). Export (Art. 15/20), erasure (Art. 17), retention and
 * docs/privacy.md (Art. 30) are all built from this list; personal-data.test.ts
 * fails for a table of the live schema that is missing here.
 *
 * Adding a table: add an entry below (personal or not); for a personal one add
 * a sample row to samples.test-support.ts so the export test covers it.
 */

export type Category = 'contact' | 'special' | 'consultation' | 'free_text' | 'technical';

export interface NotPersonal {
  table: string;
  personal: false;
  why: string;
}

export interface Personal {
  table: string;
  personal: true;
  /** The columns holding personal data. */
  columns: string[];
  categories: Category[];
  /** Whose data (Kategorien betroffener Personen). */
  subjects: string;
  purpose: string;
  legalBasis: string;
  recipients: string;
  /** The retention rule in words; `rule` names the retention_rule row that enforces it. */
  retention: string;
  rule?: string;
  /** The matching rule in words. */
  finds: string;
  find(db: Db, subject: DataSubject): Promise<Row[]>;
  erasure: string;
  /** Erases the rows `find` returned (called for every table before any is changed: finding first, then erasing). */
  erase(db: Db, subject: DataSubject, rows: Row[]): Promise<void>;
  /** Columns never shown in an export (secrets: token hashes, password hashes, file contents). */
  hidden?: string[];
  /**
   * For the export and erasure tests: writes one row naming the test person
   * (samples.test-support.ts holds those of the older tables; a module of
   * src/modules/registry.ts brings its own here).
   */
  sample?: (db: Db, fixture: SampleFixture) => Promise<void>;
}

/** The rows the privacy tests create first (samples.test-support.ts, seedPerson): the test person, their organisation, an event. */
export interface SampleFixture {
  personId: number;
  accountId: number;
  organisationId: number;
  otherOrganisationId: number;
  eventId: number;
  registrationId: number;
}

export type CatalogueEntry = NotPersonal | Personal;

const rows = async (db: Db, query: RawBuilder<unknown>) => (await query.execute(db)).rows as Row[];
const idsOf = (found: Row[], column = 'id') => found.map((row) => row[column] as number);
/** `column in (ids)`; false for none (an empty `in ()` is a syntax error). */
const idIn = (column: string, ids: unknown[]) => (ids.length === 0 ? sql`false` : sql`${sql.ref(column)} in (${sql.join(ids)})`);
const orgIn = (subject: DataSubject, column: string) => idIn(column, subject.organisationIds);

const staffAccount = 'Mitarbeitende des Zentrums (Konto-Referenz) / centre staff (account reference)';
const centre = 'Mitarbeitende des Zentrums (admin, staff); keine Weitergabe';
const centreAndCoordinators = 'Mitarbeitende des Zentrums; Koordinierende ihrer Landkreise (lesend); Auswertungen nur als Summen (Förderer, kleine Zahlen verborgen), Evaluation nur pseudonymisiert';
const contract = 'Art. 6 Abs. 1 lit. b DSGVO (Anmeldung, Nutzung des Angebots)';
const publicTask = 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. dem Förderauftrag des Zentrums; Art. 9 Abs. 2 lit. a DSGVO (Einwilligung), soweit die Vereinszugehörigkeit die ethnische Herkunft erkennen lässt';
const legitimate = 'Art. 6 Abs. 1 lit. f DSGVO (Sicherheit und Nachvollziehbarkeit des Betriebs)';
const accountDeleteRows = (table: string, column = 'account_id') => async (db: Db, subject: DataSubject) => {
  if (subject.accountId !== null) await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = ${subject.accountId}`.execute(db);
};
const accountNullRows = (table: string, columns: string[]) => async (db: Db, subject: DataSubject) => {
  if (subject.accountId === null) return;
  for (const column of columns) await sql`update ${sql.table(table)} set ${sql.ref(column)} = null where ${sql.ref(column)} = ${subject.accountId}`.execute(db);
};

const coreCatalogue: CatalogueEntry[] = [
  // Identity ----------------------------------------------------------------
  {
    table: 'account', personal: true, columns: ['email', 'display_name', 'locale', 'created_at', 'disabled_at'], categories: ['contact', 'technical'],
    subjects: 'Kontoinhaber (Mitarbeitende, Koordinierende, Vereinsvertretungen, Förderer, Evaluation)',
    purpose: 'Anmeldung und Rollen: wer was sehen und tun darf', legalBasis: contract, recipients: centre,
    retention: 'bis zur Löschung des Kontos; gesperrte Konten werden mit der Person gelöscht',
    finds: 'account.id = person.account_id (bzw. das eigene Konto)',
    find: (db, s) => rows(db, sql`select * from account where ${accountMatches(s, 'id')}`),
    erasure: 'gesperrt; E-Mail → erased-<id>@invalid, Anzeigename → „Gelöschte Person“, Passwort-Hash entfernt',
    erase: async (db, s) => {
      if (s.accountId === null) return;
      await sql`update account set email = 'erased-' || id || '@invalid', display_name = ${erasedName}, password_hash = null,
        disabled_at = coalesce(disabled_at, now()) where id = ${s.accountId}`.execute(db);
    },
    hidden: ['password_hash'],
  },
  {
    table: 'account_scope', personal: true, columns: ['account_id', 'district', 'organisation_id'], categories: ['technical'],
    subjects: 'Kontoinhaber', purpose: 'Welche Landkreise / Organisationen ein Konto sehen darf', legalBasis: contract, recipients: centre,
    retention: 'mit dem Konto', finds: 'account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select * from account_scope where ${accountMatches(s, 'account_id')}`),
    erasure: 'gelöscht', erase: accountDeleteRows('account_scope'),
  },
  {
    table: 'session', personal: true, columns: ['account_id', 'created_at', 'expires_at', 'last_seen_at'], categories: ['technical'],
    subjects: 'Kontoinhaber', purpose: 'Angemeldet bleiben; Sitzungen beenden können', legalBasis: legitimate, recipients: centre,
    retention: 'abgelaufene Sitzungen werden gelöscht', rule: 'sessions_tokens', finds: 'account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select * from session where ${accountMatches(s, 'account_id')}`),
    erasure: 'gelöscht (meldet überall ab)', erase: accountDeleteRows('session'), hidden: ['id', 'csrf_token'],
  },
  {
    table: 'password_token', personal: true, columns: ['account_id', 'expires_at', 'used_at'], categories: ['technical'],
    subjects: 'Kontoinhaber', purpose: 'Einmal-Links zum Setzen des Passworts', legalBasis: contract, recipients: centre,
    retention: 'benutzte und abgelaufene Links werden gelöscht', rule: 'sessions_tokens', finds: 'account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select * from password_token where ${accountMatches(s, 'account_id')}`),
    erasure: 'gelöscht', erase: accountDeleteRows('password_token'), hidden: ['id'],
  },
  {
    table: 'audit_log', personal: true, columns: ['account_id', 'subject_id', 'details'], categories: ['technical'],
    subjects: 'Kontoinhaber (wer handelte) und Personen, deren Datensätze gelesen oder geändert wurden (nur als Id)',
    purpose: 'Nachweis, wer welche personenbezogenen Daten gelesen, geändert, exportiert oder gelöscht hat (Art. 5 Abs. 2 DSGVO)',
    legalBasis: 'Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 5 Abs. 2, Art. 32 DSGVO', recipients: 'Administratorinnen und Administratoren; Datenschutzbeauftragte(r)',
    retention: 'Lesezugriffe nach 2 Jahren (audit_reads), alle übrigen Einträge nach 10 Jahren', rule: 'audit_log',
    finds: 'Einträge über die Person (subject person/<id>) oder ihr Konto, und Einträge, die ihr Konto geschrieben hat',
    find: (db, s) => rows(db, sql`select * from audit_log where ${accountMatches(s, 'account_id')}
      or (subject_type = 'person' and subject_id = ${String(s.personId ?? '')})
      or (subject_type = 'account' and subject_id = ${String(s.accountId ?? '')}) order by id`),
    erasure: 'bleibt als Nachweis (nur Ids, die auf anonymisierte Datensätze zeigen); Name und E-Mail in details werden ersetzt',
    erase: async (db, s, found) => {
      for (const row of found) {
        const text = JSON.stringify(row.details ?? {});
        const cleaned = redact(s, text)!;
        if (cleaned !== text) await sql`update audit_log set details = ${cleaned}::jsonb where id = ${row.id}`.execute(db);
      }
    },
  },
  // Organisations -----------------------------------------------------------
  {
    table: 'organisation', personal: true, columns: ['email', 'phone', 'portrait_consent_by', 'portrait', 'notes'], categories: ['contact', 'free_text'],
    subjects: 'Ansprechpersonen der Vereine (eine Organisation ist keine Person, ihre Kontaktfelder können eine benennen)',
    purpose: 'Verzeichnis der Vereine, Kontakt, Vereinsporträt mit Einwilligung', legalBasis: publicTask, recipients: centreAndCoordinators,
    retention: 'solange die Organisation im Verzeichnis ist; Löschung der Organisation auf Antrag (Kennzahlen bleiben)',
    finds: 'E-Mail der Organisation = E-Mail der Person, oder Einwilligende/Notizen/Porträt nennen die Person (in ihren Organisationen)',
    find: async (db, s) => {
      const found = await rows(db, sql`select id, name, email, phone, portrait_consent_by, portrait, notes from organisation
        where ${emailMatches(s, 'email')} or ${orgIn(s, 'id')} order by id`);
      return found.filter((o) => s.emails.includes(String(o.email ?? '').trim().toLowerCase())
        || (o.portrait_consent_by && normalisePersonName(String(o.portrait_consent_by)) === s.nameKey)
        || textNames(s, o.notes) || textNames(s, o.portrait));
    },
    erasure: 'E-Mail geleert, wenn es die der Person ist; Einwilligende → „Gelöschte Person“; Name in Notizen und Porträt ersetzt',
    erase: async (db, s, found) => {
      for (const o of found) {
        const ownEmail = s.emails.includes(String(o.email ?? '').trim().toLowerCase());
        const consentBy = o.portrait_consent_by && normalisePersonName(String(o.portrait_consent_by)) === s.nameKey ? erasedName : o.portrait_consent_by;
        await sql`update organisation set email = ${ownEmail ? null : o.email}, portrait_consent_by = ${consentBy},
          notes = ${redact(s, o.notes as string | null)}, portrait = ${redact(s, o.portrait as string | null)}, updated_at = now() where id = ${o.id}`.execute(db);
      }
    },
  },
  {
    table: 'organisation_distinct_pair', personal: true, columns: ['decided_by'], categories: ['technical'],
    subjects: staffAccount, purpose: 'Wer zwei Organisationen als verschieden erklärt hat', legalBasis: legitimate, recipients: centre,
    retention: 'solange die Entscheidung gilt', finds: 'decided_by = Konto der Person',
    find: (db, s) => rows(db, sql`select * from organisation_distinct_pair where ${accountMatches(s, 'decided_by')}`),
    erasure: 'decided_by → null', erase: accountNullRows('organisation_distinct_pair', ['decided_by']),
  },
  { table: 'organisation_name', personal: false, why: 'Namen und Aliasse von Organisationen; bei der Löschung einer Organisation durch einen Platzhalter ersetzt' },
  { table: 'organisation_link', personal: false, why: 'Dachverbands- und Netzwerkbeziehungen zwischen Organisationen' },
  // People ------------------------------------------------------------------
  {
    table: 'person', personal: true, columns: ['full_name', 'email', 'phone', 'preferred_language', 'notes', 'account_id', 'last_activity_at'], categories: ['contact', 'special', 'free_text'],
    subjects: 'Vorstände, Mitglieder, Projektleitungen und Ansprechpersonen der Vereine',
    purpose: 'Kontakt zu den Vereinen über ihre Personen; Einladungen, Beratung, Förderung', legalBasis: publicTask, recipients: centreAndCoordinators,
    retention: 'Personen ohne Aktivität seit 5 Jahren werden gelöscht (anonymisiert)', rule: 'inactive_persons',
    finds: 'person.id', find: (db, s) => rows(db, sql`select * from person where ${idIn('id', s.personId === null ? [] : [s.personId])}`),
    erasure: 'Name → „Gelöschte Person“, Kontakt und Notizen geleert, Konto-Verknüpfung gelöst, erased_at gesetzt; die Zeile bleibt',
    erase: async (db, s) => {
      if (s.personId === null) return;
      await sql`update person set full_name = ${erasedName}, email = null, phone = null, notes = null, account_id = null,
        erased_at = coalesce(erased_at, now()), updated_at = now() where id = ${s.personId}`.execute(db);
    },
  },
  {
    table: 'person_role', personal: true, columns: ['person_id', 'organisation_id', 'role', 'since', 'until'], categories: ['special'],
    subjects: 'Personen der Vereine', purpose: 'Wer welche Rolle in welchem Verein hat (Vereinszugehörigkeit: kann die ethnische Herkunft erkennen lassen)',
    legalBasis: publicTask, recipients: centreAndCoordinators, retention: 'mit der Person', finds: 'person_id',
    find: (db, s) => rows(db, sql`select * from person_role where ${idIn('person_id', s.personId === null ? [] : [s.personId])}`),
    erasure: 'gelöscht', erase: async (db, s) => {
      if (s.personId !== null) await sql`delete from person_role where person_id = ${s.personId}`.execute(db);
    },
  },
  {
    table: 'consent', personal: true, columns: ['person_id', 'purpose', 'wording_version', 'given_on', 'source', 'recorded_by', 'withdrawn_on', 'withdrawal_source'], categories: ['contact'],
    subjects: 'Personen der Vereine', purpose: 'Nachweis der Einwilligungen (Art. 7 Abs. 1 DSGVO) mit dem Wortlaut, dem zugestimmt wurde',
    legalBasis: 'Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 7 Abs. 1 DSGVO', recipients: centre, retention: 'mit der Person',
    finds: 'person_id (mit Wortlaut aus consent_wording); recorded_by = Konto der Person',
    find: (db, s) => rows(db, sql`select c.*, w.text_de, w.text_en from consent c
      join consent_wording w on w.purpose = c.purpose and w.version = c.wording_version
      where ${idIn('c.person_id', s.personId === null ? [] : [s.personId])} or ${accountMatches(s, 'c.recorded_by')} order by c.id`),
    erasure: 'gelöscht; das Audit-Protokoll der Löschung nennt nur die Anzahl gegebener und widerrufener Einwilligungen',
    erase: async (db, s) => {
      if (s.personId !== null) await sql`delete from consent where person_id = ${s.personId}`.execute(db);
      await accountNullRows('consent', ['recorded_by'])(db, s);
    },
  },
  { table: 'installation_setting', personal: false, why: 'Einstellungen der Installation (z. B. ob sie nur die Demo enthält), keine Personendaten' },
  { table: 'consent_wording', personal: false, why: 'Wortlaut der Einwilligungstexte (Versionen), keine Personendaten' },
  // Events and registrations --------------------------------------------------
  { table: 'event', personal: false, why: 'Veranstaltungen des Zentrums und seiner Partner (öffentliche Angaben)' },
  {
    table: 'participation', personal: true, columns: ['person_name', 'person_key', 'email', 'organisation_id'], categories: ['contact', 'special'],
    subjects: 'Teilnehmende an Veranstaltungen', purpose: 'Teilnahme nachweisen; Wirkungsbericht (nur Zählungen)',
    legalBasis: publicTask, recipients: centreAndCoordinators,
    retention: 'E-Mail 1 Jahr nach der Veranstaltung gelöscht; Name bleibt für den Nachweis der Teilnahme', rule: 'registration_contacts',
    finds: 'gleiche E-Mail, oder person_key = normalisierter Name in einer Organisation der Person',
    find: (db, s) => rows(db, sql`select * from participation where ${emailMatches(s, 'email')} or ${nameKeyMatches(s, 'person_key', 'organisation_id')} order by id`),
    erasure: 'Name → „Gelöschte Person“, person_key → erased:<id> (Zählungen bleiben), E-Mail geleert',
    erase: async (db, _s, found) => {
      await sql`update participation set person_name = ${erasedName}, person_key = 'erased:' || id, email = null where ${idIn('id', idsOf(found))}`.execute(db);
    },
  },
  {
    table: 'registration_group', personal: true, columns: ['contact_email', 'account_id'], categories: ['contact'],
    subjects: 'Anmeldende (Kontaktperson einer Gruppenanmeldung)', purpose: 'Bestätigung und Verwaltung der Anmeldung', legalBasis: contract, recipients: centre,
    retention: 'Kontakt-E-Mail 1 Jahr nach der Veranstaltung geleert', rule: 'registration_contacts',
    finds: 'contact_email = E-Mail der Person, oder account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select * from registration_group where ${emailMatches(s, 'contact_email')} or ${accountMatches(s, 'account_id')} order by id`),
    erasure: 'Kontakt-E-Mail geleert, Konto-Verknüpfung gelöst', hidden: ['manage_token_hash'],
    erase: async (db, _s, found) => {
      await sql`update registration_group set contact_email = '', account_id = null where ${idIn('id', idsOf(found))}`.execute(db);
    },
  },
  {
    table: 'registration', personal: true, columns: ['person_name', 'person_key', 'email', 'language', 'organisation_id'], categories: ['contact', 'special'],
    subjects: 'Angemeldete Personen', purpose: 'Anmeldung, Warteliste, Einlass', legalBasis: contract, recipients: centre,
    retention: 'E-Mail 1 Jahr nach der Veranstaltung geleert', rule: 'registration_contacts',
    finds: 'gleiche E-Mail, oder person_key = normalisierter Name in einer Organisation der Person',
    find: (db, s) => rows(db, sql`select * from registration where ${emailMatches(s, 'email')} or ${nameKeyMatches(s, 'person_key', 'organisation_id')} order by id`),
    erasure: 'Name → „Gelöschte Person“, person_key → erased:<id>, E-Mail geleert (Status und Zählungen bleiben)',
    erase: async (db, _s, found) => {
      await sql`update registration set person_name = ${erasedName}, person_key = 'erased:' || id, email = null, updated_at = now() where ${idIn('id', idsOf(found))}`.execute(db);
    },
  },
  {
    table: 'registration_status_change', personal: true, columns: ['registration_id', 'account_id', 'reason'], categories: ['technical', 'free_text'],
    subjects: 'Angemeldete Personen; Mitarbeitende, die den Status änderten', purpose: 'Verlauf einer Anmeldung (wer, wann, warum)', legalBasis: contract, recipients: centre,
    retention: 'mit der Anmeldung', finds: 'Verlauf der gefundenen Anmeldungen, oder account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select c.* from registration_status_change c join registration r on r.id = c.registration_id
      where ${emailMatches(s, 'r.email')} or ${nameKeyMatches(s, 'r.person_key', 'r.organisation_id')} or ${accountMatches(s, 'c.account_id')} order by c.id`),
    erasure: 'Name und E-Mail im Grund ersetzt; account_id geleert, wenn es das Konto der Person ist',
    erase: async (db, s, found) => {
      for (const row of found) {
        await sql`update registration_status_change set reason = ${redact(s, String(row.reason ?? '')) ?? ''},
          account_id = ${row.account_id === s.accountId ? null : row.account_id} where id = ${row.id}`.execute(db);
      }
    },
  },
  {
    table: 'mail_outbox', personal: true, columns: ['to_address', 'subject', 'text_body', 'html_body'], categories: ['contact', 'free_text'],
    subjects: 'Empfängerinnen und Empfänger von E-Mails', purpose: 'E-Mails zuverlässig versenden (Bestätigungen, Erinnerungen, Absagen)', legalBasis: contract,
    recipients: 'Mitarbeitende des Zentrums; der SMTP-Dienst des Zentrums (Auftragsverarbeitung)',
    retention: 'versendete E-Mails nach 90 Tagen gelöscht', rule: 'sent_mails',
    finds: 'to_address = E-Mail der Person, oder E-Mails zu ihren Anmeldungen',
    find: (db, s) => rows(db, sql`select * from mail_outbox where ${emailMatches(s, 'to_address')} or registration_id in (
      select id from registration r where ${emailMatches(s, 'r.email')} or ${nameKeyMatches(s, 'r.person_key', 'r.organisation_id')}) order by id`),
    erasure: 'gelöscht', erase: async (db, _s, found) => {
      await sql`delete from mail_outbox where ${idIn('id', idsOf(found))}`.execute(db);
    },
  },
  // Feedback ------------------------------------------------------------------
  { table: 'feedback_form', personal: false, why: 'Fragebögen (Vorlagen und Kopien je Veranstaltung)' },
  { table: 'feedback_question', personal: false, why: 'Fragen der Fragebögen' },
  { table: 'feedback_code', personal: false, why: 'Kurzcode des Online-Fragebogens einer Veranstaltung' },
  { table: 'feedback_summary', personal: false, why: 'Zählungen und Summen der Antworten je Veranstaltung und Frage (für den Anhang); keine Texte' },
  { table: 'data_change', personal: false, why: 'Zähler der Änderungen an den Tabellen der Kennzahlen (nur eine Zahl und eine Zeit), damit Bericht und Dashboard nur nach einer Änderung neu berechnet werden' },
  { table: 'feedback_response', personal: false, why: 'anonyme Rückmeldung: Sprache und Weg, kein Name, keine Adresse; Freitexte stehen in feedback_answer' },
  { table: 'feedback_submission', personal: false, why: 'nur der Hash eines zufälligen Tokens gegen Doppelabgaben; keine IP-Adresse, kein Bezug zu einer Person' },
  {
    table: 'feedback_answer', personal: true, columns: ['text_value'], categories: ['free_text'],
    subjects: 'Personen, die in freien Antworten genannt werden (die Antworten selbst sind anonym)',
    purpose: 'Auswertung der Veranstaltungen; Anhang des Berichts', legalBasis: publicTask, recipients: 'Mitarbeitende des Zentrums; Evaluation (anonym)',
    retention: 'anonym, unbefristet; Namen werden auf Antrag ersetzt', finds: 'Freitext nennt Name (als ganze Wörter) oder E-Mail der Person',
    find: async (db, s) => (await rows(db, sql`select * from feedback_answer where ${textMayName(s, 'text_value')}`)).filter((row) => textNames(s, row.text_value)),
    erasure: 'Name und E-Mail im Freitext ersetzt',
    erase: async (db, s, found) => {
      for (const row of found) {
        await sql`update feedback_answer set text_value = ${redact(s, row.text_value as string)}
          where response_id = ${row.response_id} and question_id = ${row.question_id}`.execute(db);
      }
    },
  },
  // Consultations and grants ----------------------------------------------------
  {
    table: 'consultation', personal: true, columns: ['persons', 'notes', 'outcome', 'created_by', 'referral_approved_by'], categories: ['consultation', 'special', 'free_text'],
    subjects: 'Beratene Personen der Vereine; Mitarbeitende (Konto-Referenz)', purpose: 'Beratungsprotokoll, Wiedervorlage; Wirkungsbericht (nur Zählungen)',
    legalBasis: publicTask, recipients: centre, retention: 'Personen, Notizen und Ergebnis 3 Jahre nach der Beratung geleert', rule: 'consultation_texts',
    finds: 'Personen/Notizen/Ergebnis nennen Name oder E-Mail (Beratungen ihrer Organisationen, E-Mail überall); created_by / referral_approved_by = Konto der Person',
    find: async (db, s) => {
      const found = await rows(db, sql`select * from consultation where ${orgIn(s, 'organisation_id')} or ${accountMatches(s, 'created_by')}
        or ${accountMatches(s, 'referral_approved_by')} or ${textMayName({ ...s, name: '' }, 'persons')} or ${textMayName({ ...s, name: '' }, 'notes')} order by id`);
      return found.filter((c) => c.created_by === s.accountId || c.referral_approved_by === s.accountId
        || [c.persons, c.notes, c.outcome].some((text) => textNames(s, text)));
    },
    erasure: 'Name und E-Mail in Personen, Notizen und Ergebnis ersetzt; Konto-Referenzen geleert (die Beratung zählt weiter)',
    erase: async (db, s, found) => {
      for (const c of found) {
        await sql`update consultation set persons = ${redact(s, c.persons as string | null)}, notes = ${redact(s, c.notes as string | null)},
          outcome = ${redact(s, c.outcome as string | null)} where id = ${c.id}`.execute(db);
      }
      await accountNullRows('consultation', ['created_by', 'referral_approved_by'])(db, s);
    },
  },
  {
    table: 'consultation_request', personal: true, columns: ['requester_name', 'contact_phone', 'contact_email', 'message', 'preferred_times', 'decline_note', 'requested_by'], categories: ['contact', 'consultation', 'free_text'],
    subjects: 'Vereinsvertretungen, die eine Beratung anfragen', purpose: 'Beratungsanfragen entgegennehmen und beantworten', legalBasis: contract, recipients: centre,
    retention: 'abgeschlossene Anfragen 3 Jahre nach dem Abschluss gelöscht', rule: 'consultation_texts',
    finds: 'requested_by = Konto der Person, gleiche Kontakt-E-Mail, oder Name in einer Organisation der Person',
    find: async (db, s) => (await rows(db, sql`select * from consultation_request where ${accountMatches(s, 'requested_by')} or ${emailMatches(s, 'contact_email')}
        or ${orgIn(s, 'organisation_id')} or ${accountMatches(s, 'assigned_to')} or ${accountMatches(s, 'closed_by')} order by id`))
      .filter((r) => [r.requested_by, r.assigned_to, r.closed_by].includes(s.accountId ?? -1) || s.emails.includes(String(r.contact_email ?? '').toLowerCase())
        || normalisePersonName(String(r.requester_name)) === s.nameKey || textNames(s, r.message)),
    erasure: 'Anfragen der Person gelöscht (sie zählen in keinem Bericht); Bearbeitungs-Referenzen geleert',
    erase: async (db, s, found) => {
      const own = found.filter((r) => r.requested_by === s.accountId || s.emails.includes(String(r.contact_email ?? '').toLowerCase())
        || normalisePersonName(String(r.requester_name)) === s.nameKey || textNames(s, r.message));
      await sql`delete from consultation_request where ${idIn('id', idsOf(own))}`.execute(db);
      await accountNullRows('consultation_request', ['assigned_to', 'closed_by'])(db, s);
    },
  },
  {
    table: 'organisation_claim', personal: true, columns: ['account_id', 'role', 'message', 'proposed_name', 'decided_by', 'decision_note'], categories: ['special', 'free_text'],
    subjects: 'Vereinsvertretungen, die eine Organisation beanspruchen; Mitarbeitende, die entscheiden',
    purpose: 'Nachweis, wer für welche Organisation sprechen darf und wer das bestätigt hat', legalBasis: contract, recipients: centre,
    retention: 'solange das Konto besteht', finds: 'account_id oder decided_by = Konto der Person',
    find: (db, s) => rows(db, sql`select * from organisation_claim where ${accountMatches(s, 'account_id')} or ${accountMatches(s, 'decided_by')} order by id`),
    erasure: 'Ansprüche der Person gelöscht; decided_by geleert',
    erase: async (db, s) => {
      await accountDeleteRows('organisation_claim')(db, s);
      await accountNullRows('organisation_claim', ['decided_by'])(db, s);
    },
  },
  { table: 'installation_secret', personal: false, why: 'Schlüssel dieser Installation (z. B. für die Pseudonyme der Evaluation); keine Personendaten' },
  { table: 'consultation_topic', personal: false, why: 'Themenliste der Beratung' },
  { table: 'grant_application', personal: false, why: 'Förderanträge von Organisationen (Jahr, Status, Betrag); keine Personendaten' },
  // Imports -------------------------------------------------------------------
  {
    table: 'import_upload', personal: true, columns: ['content', 'file_name', 'account_id'], categories: ['contact', 'special'],
    subjects: 'Alle Personen in hochgeladenen Listen (Rohdateien!)', purpose: 'Hochgeladene Datei zwischen Vorschau und Bestätigung', legalBasis: publicTask, recipients: centre,
    retention: 'nach 1 Tag gelöscht', rule: 'import_uploads', finds: 'account_id = Konto der Person, oder die Datei enthält ihre E-Mail',
    find: (db, s) => rows(db, sql`select id, kind, file_name, account_id, created_at, length(content) as bytes from import_upload
      where ${accountMatches(s, 'account_id')} ${sql.join(s.emails.map((e) => sql`or position(${e} in lower(encode(content, 'escape'))) > 0`), sql` `)}`),
    erasure: 'gelöscht', erase: async (db, _s, found) => {
      await sql`delete from import_upload where ${idIn('id', found.map((row) => row.id))}`.execute(db);
    },
  },
  {
    table: 'import_run', personal: true, columns: ['account_id', 'file_name'], categories: ['technical'],
    subjects: staffAccount, purpose: 'Verlauf der Importe (wer, wann, welche Datei)', legalBasis: legitimate, recipients: centre,
    retention: 'unbefristet (ohne Inhalte)', finds: 'account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select * from import_run where ${accountMatches(s, 'account_id')} order by id`),
    erasure: 'account_id geleert', erase: accountNullRows('import_run', ['account_id']),
  },
  {
    // a background import (security finding 8): its outcome can quote rejected cells, names among them
    table: 'import_job', personal: true, columns: ['account_id', 'file_name', 'outcome'], categories: ['contact', 'technical'],
    subjects: staffAccount, purpose: 'Stand und Ergebnis eines laufenden oder beendeten Imports im Hintergrund', legalBasis: legitimate, recipients: centre,
    retention: 'wie der Import-Verlauf; das Ergebnis nennt nur abgelehnte Zellen', finds: 'account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select id, kind, file_name, status, progress, created_at from import_job where ${accountMatches(s, 'account_id')} order by id`),
    erasure: 'Aufträge des Kontos gelöscht', erase: async (db, subject) => {
      if (subject.accountId === null) return;
      await sql`delete from import_job where account_id = ${subject.accountId}`.execute(db);
    },
  },
  // Data protection -------------------------------------------------------------
  {
    table: 'retention_rule', personal: true, columns: ['updated_by'], categories: ['technical'],
    subjects: staffAccount, purpose: 'Wer eine Aufbewahrungsregel zuletzt geändert hat', legalBasis: legitimate, recipients: centre,
    retention: 'solange die Regel besteht', finds: 'updated_by = Konto der Person',
    find: (db, s) => rows(db, sql`select * from retention_rule where ${accountMatches(s, 'updated_by')}`),
    erasure: 'updated_by geleert', erase: accountNullRows('retention_rule', ['updated_by']),
  },
];

/**
 * The whole catalogue: the entries above, then those the modules of
 * src/modules/registry.ts bring for their own tables (MosaikModule.personalData).
 */
export const catalogue = (): CatalogueEntry[] => [...coreCatalogue, ...registeredModules().flatMap((module) => module.personalData ?? [])];
export const personalTables = () => catalogue().filter((entry): entry is Personal => entry.personal);
export const catalogueEntry = (table: string) => catalogue().find((entry) => entry.table === table);
