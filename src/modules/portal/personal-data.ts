import { sql } from 'kysely';
import { accountMatches, type CatalogueEntry, type PrivacyRow } from '../privacy/index.js';

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
  { table: 'portal_news_text', personal: false, why: 'Öffentliche Texte der Meldungen in den sechs Sprachen; wer schrieb, steht in portal_news_post' },
];
