import { sql } from 'kysely';
import { accountMatches, emailMatches, redaction, textMayName, type CatalogueEntry, type Row as PrivacyRow } from '../catalogue.js';

/** The portal's tables in the personal-data catalogue (src/modules/privacy/personal-data.ts). */
export const portalPersonalData: CatalogueEntry[] = [
  {
    table: 'portal_page_version',
    personal: true,
    columns: ['author_account_id', 'created_at'],
    categories: ['technical'],
    subjects: 'Mitarbeitende des Zentrums, die Seiten schreiben',
    purpose: 'Nachvollziehen, wer welche Fassung einer öffentlichen Seite gespeichert hat',
    legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO (Nachvollziehbarkeit der Veröffentlichungen)',
    recipients: 'Mitarbeitende des Zentrums (admin, staff); die Texte selbst sind öffentlich, die Autorschaft nicht',
    retention: 'solange die Fassung aufbewahrt wird; die Autorschaft wird mit dem Konto gelöscht',
    finds: 'author_account_id = Konto der Person',
    find: async (db, subject) => (await sql`select * from portal_page_version where ${accountMatches(subject, 'author_account_id')}`.execute(db)).rows as PrivacyRow[],
    erasure: 'Autorschaft entfernt (author_account_id → null); der veröffentlichte Text bleibt',
    erase: async (db, subject) => {
      if (subject.accountId !== null) await sql`update portal_page_version set author_account_id = null where author_account_id = ${subject.accountId}`.execute(db);
    },
    sample: async (db, fixture) => {
      await sql`insert into portal_page_version (page_key, language, revision, title, body, german_revision, author_account_id)
        values ('about', 'de', 1, 'Über uns', '<p>Test</p>', 1, ${fixture.accountId})`.execute(db);
    },
  },
  {
    table: 'portal_news_post',
    personal: true,
    columns: ['author_account_id', 'created_at'],
    categories: ['technical'],
    subjects: 'Mitarbeitende des Zentrums, die Meldungen schreiben',
    purpose: 'Nachvollziehen, wer eine Meldung angelegt hat',
    legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO (Nachvollziehbarkeit der Veröffentlichungen)',
    recipients: 'Mitarbeitende des Zentrums (admin, staff); die Meldungen selbst sind öffentlich, die Autorschaft nicht',
    retention: 'solange die Meldung besteht; die Autorschaft wird mit dem Konto gelöscht',
    finds: 'author_account_id = Konto der Person',
    find: async (db, subject) => (await sql`select * from portal_news_post where ${accountMatches(subject, 'author_account_id')}`.execute(db)).rows as PrivacyRow[],
    erasure: 'Autorschaft entfernt (author_account_id → null); die Meldung bleibt',
    erase: async (db, subject) => {
      if (subject.accountId !== null) await sql`update portal_news_post set author_account_id = null where author_account_id = ${subject.accountId}`.execute(db);
    },
    sample: async (db, fixture) => {
      await sql`insert into portal_news_post (published_on, author_account_id) values ('2026-03-01', ${fixture.accountId})`.execute(db);
    },
  },
  { table: 'portal_sign_language_video', personal: false, why: 'Videos in Deutscher Gebärdensprache zu den Texten in Leichter Sprache, für die Öffentlichkeit; wer sie hochlud, steht nur im Protokoll (audit_log)' },
  { table: 'portal_news_text', personal: false, why: 'Öffentliche Texte der Meldungen in den sechs Sprachen; wer schrieb, steht in portal_news_post' },
  {
    table: 'portal_barrier_report',
    personal: true,
    columns: ['reporter_name', 'reporter_email', 'description', 'page_address', 'answered_by'],
    categories: ['contact', 'free_text'],
    subjects: 'Besucherinnen und Besucher, die eine Barriere melden',
    purpose: 'Gemeldete Barrieren beheben und die Meldung fristgerecht beantworten (BITV 2.0 § 7, HessBGG)',
    legalBasis: 'Art. 6 Abs. 1 lit. c DSGVO i. V. m. BITV 2.0 § 7 (Feedback-Mechanismus)',
    recipients: 'Mitarbeitende des Zentrums (admin, staff); bei einem Schlichtungsverfahren die Schlichtungsstelle',
    retention: 'bis zur Löschung durch die Person oder das Zentrum; Name und Adresse sind freiwillig',
    finds: 'reporter_email = E-Mail-Adresse der Person, oder der Name steht im Namensfeld',
    find: async (db, subject) =>
      (await sql`select * from portal_barrier_report where ${emailMatches(subject, 'reporter_email')} or ${textMayName(subject, 'reporter_name')} or ${accountMatches(subject, 'answered_by')}`.execute(db)).rows as PrivacyRow[],
    erasure: 'Name, Adresse und Beschreibung geschwärzt; die Meldung bleibt als Zahl für die Frist',
    erase: async (db, subject, rows) => {
      const ids = rows.map((row) => row.id as number);
      if (ids.length === 0) return;
      await sql`update portal_barrier_report set reporter_name = '', reporter_email = '', description = ${redaction}, page_address = ''
        where id in (${sql.join(ids)}) and (${emailMatches(subject, 'reporter_email')} or ${textMayName(subject, 'reporter_name')})`.execute(db);
      if (subject.accountId !== null) await sql`update portal_barrier_report set answered_by = null where answered_by = ${subject.accountId}`.execute(db);
    },
    sample: async (db, fixture) => {
      await sql`insert into portal_barrier_report (received_at, description, reporter_name, reporter_email, language)
        select now(), 'Die Schrift ist zu klein', display_name, lower(email), 'de' from account where id = ${fixture.accountId}`.execute(db);
    },
  },
  {
    table: 'portal_easy_read',
    personal: true,
    columns: ['checked_by', 'checked_on', 'updated_by'],
    categories: ['contact'],
    subjects: 'Prüflesende der Leichten Sprache; Mitarbeitende, die die Texte schreiben',
    purpose: 'Den öffentlichen Vermerk „geprüft von … am …“ zeigen; nachvollziehen, wer den Text geändert hat',
    legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung der Prüfenden in die Nennung); Art. 6 Abs. 1 lit. f DSGVO (Autorschaft)',
    recipients: 'öffentlich (Name und Datum des Prüfvermerks); die Autorschaft nur Mitarbeitende des Zentrums',
    retention: 'bis der Text geändert oder die Nennung widerrufen wird',
    finds: 'der Name steht im Prüfvermerk, oder updated_by = Konto der Person',
    find: async (db, subject) => (await sql`select * from portal_easy_read where ${textMayName(subject, 'checked_by')} or ${accountMatches(subject, 'updated_by')}`.execute(db)).rows as PrivacyRow[],
    erasure: 'Prüfvermerk entfernt (Name und Datum), Autorschaft entfernt; der Text bleibt',
    erase: async (db, subject) => {
      await sql`update portal_easy_read set checked_by = '', checked_on = null where ${textMayName(subject, 'checked_by')}`.execute(db);
      if (subject.accountId !== null) await sql`update portal_easy_read set updated_by = null where updated_by = ${subject.accountId}`.execute(db);
    },
    sample: async (db, fixture) => {
      await sql`insert into portal_easy_read (topic, title, body, checked_by, checked_on)
        select 'more', 'Mehr Leichte Sprache', '<p>Test</p>', display_name, '2026-03-01' from account where id = ${fixture.accountId}`.execute(db);
    },
  },
];
