import { sql } from 'kysely';
import { rows, idsOf, idIn, contract, emailMatches, nameKeyMatches, type CatalogueEntry } from '../catalogue.js';

/**
 * This module's tables in the personal-data catalogue (src/modules/privacy):
 * what each holds, why, for whom, how long, and how one person's rows are
 * found and erased. Export, erasure, retention and docs/privacy.md are built
 * from the whole catalogue; this module erases its own rows here.
 * A function, read when the catalogue is needed (src/modules/registry.ts).
 */
export const personalData = (): CatalogueEntry[] => [
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
];
