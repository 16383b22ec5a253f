import { sql } from 'kysely';
import { rows, centre, contract, legitimate, accountDeleteRows, accountNullRows, accountMatches, erasedName, redact, type CatalogueEntry } from '../catalogue.js';

/**
 * This module's tables in the personal-data catalogue (src/modules/privacy):
 * what each holds, why, for whom, how long, and how one person's rows are
 * found and erased. Export, erasure, retention and docs/privacy.md are built
 * from the whole catalogue; this module erases its own rows here.
 * A function, read when the catalogue is needed (src/modules/registry.ts).
 */
export const personalData = (): CatalogueEntry[] => [
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
];
