import { sql } from 'kysely';
import { normalisePersonName } from '../names/index.js';
import { rows, idsOf, idIn, orgIn, centre, contract, publicTask, accountNullRows, accountMatches, emailMatches, redact, textMayName, textNames, type CatalogueEntry } from '../catalogue.js';

/**
 * This module's tables in the personal-data catalogue (src/modules/privacy):
 * what each holds, why, for whom, how long, and how one person's rows are
 * found and erased. Export, erasure, retention and docs/privacy.md are built
 * from the whole catalogue; this module erases its own rows here.
 * A function, read when the catalogue is needed (src/modules/registry.ts).
 */
export const personalData = (): CatalogueEntry[] => [
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
  { table: 'consultation_topic', personal: false, why: 'Themenliste der Beratung' },
];
