import { sql } from 'kysely';
import { rows, idIn, centre, centreAndCoordinators, publicTask, accountNullRows, accountMatches, erasedName, type CatalogueEntry } from '../catalogue.js';

/**
 * This module's tables in the personal-data catalogue (src/modules/privacy):
 * what each holds, why, for whom, how long, and how one person's rows are
 * found and erased. Export, erasure, retention and docs/privacy.md are built
 * from the whole catalogue; this module erases its own rows here.
 * A function, read when the catalogue is needed (src/modules/registry.ts).
 */
export const personalData = (): CatalogueEntry[] => [
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
  { table: 'consent_wording', personal: false, why: 'Wortlaut der Einwilligungstexte (Versionen), keine Personendaten' },
];
