import { sql } from 'kysely';
import { normalisePersonName } from '../names/index.js';
import { rows, orgIn, staffAccount, centre, centreAndCoordinators, publicTask, legitimate, accountNullRows, accountMatches, emailMatches, erasedName, redact, textNames, type CatalogueEntry } from '../catalogue.js';

/**
 * This module's tables in the personal-data catalogue (src/modules/privacy):
 * what each holds, why, for whom, how long, and how one person's rows are
 * found and erased. Export, erasure, retention and docs/privacy.md are built
 * from the whole catalogue; this module erases its own rows here.
 * A function, read when the catalogue is needed (src/modules/registry.ts).
 */
export const personalData = (): CatalogueEntry[] => [
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
];
