import { sql, type RawBuilder } from 'kysely';
import { accountMatches, emailMatches, redact, textMayName, textNames, type CatalogueEntry, type Db as PrivacyDb, type Row as PrivacyRow } from '../catalogue.js';

/**
 * The micro-projects' part of the personal-data catalogue (src/modules/privacy):
 * every table of migrations/150_microprojects.sql, 155_microproject_tags.sql and 156_microproject_report.sql, with how one person's rows
 * are found and erased, and a sample row for the export and erasure tests.
 */

type Db = PrivacyDb;
const rows = async (db: Db, query: RawBuilder<unknown>) => (await query.execute(db)).rows as PrivacyRow[];
const idIn = (ids: unknown[]) => (ids.length === 0 ? sql`false` : sql`id in (${sql.join(ids)})`);
const centreAndAssociation = 'Beraterinnen und Berater des Zentrums (admin, staff); die Vertretungen der Organisation; Koordinierende ihrer Landkreise (ohne Dokumente)';
const publicTask = 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. dem Förderauftrag des Zentrums (Begleitung der WIR-Mikroprojekte)';
const reportColumns = ['goals', 'activities', 'consultations', 'minijob', 'network', 'results'];
const proofRetention = 'mit dem Projekt; Belege nach ANBest-P mindestens fünf Jahre nach Vorlage des Verwendungsnachweises';

// A tiny PDF, as a board would upload it (the sample of microproject_document).
const samplePdf = new TextEncoder().encode('%PDF-1.4\n%sample\n');

async function sampleProject(db: Db, organisationId: number, accountId: number, summary = 'Ein Nähcafé für Frauen'): Promise<number> {
  const row = (await sql<{ id: number }>`insert into microproject (organisation_id, title, summary, year, adviser_account_id, starts_on, ends_on)
    values (${organisationId}, 'Nähcafé', ${summary}, 2019, ${accountId}, '2019-03-01', '2019-12-31') returning id`.execute(db)).rows[0]!;
  return row.id;
}

export const microprojectPersonalData: CatalogueEntry[] = [
  { table: 'microproject_year_rule', personal: false, why: 'Förderregeln je Jahr (Grenzen, Fristen, Mindestlohn): keine Personen' },
  {
    table: 'microproject', personal: true, columns: ['summary', 'adviser_account_id', 'integration_office'], categories: ['free_text', 'technical'],
    subjects: 'Beraterinnen und Berater des Zentrums (Konto-Referenz); in der Kurzbeschreibung genannte Personen', purpose: 'Begleitung eines Mikroprojekts vom Antrag bis zum Verwendungsnachweis',
    legalBasis: publicTask, recipients: centreAndAssociation, retention: proofRetention,
    finds: 'adviser_account_id = Konto der Person, oder die Kurzbeschreibung nennt Name oder E-Mail',
    find: async (db, s) => (await rows(db, sql`select * from microproject where ${accountMatches(s, 'adviser_account_id')} or ${textMayName(s, 'summary')} order by id`))
      .filter((p) => p.adviser_account_id === s.accountId || textNames(s, p.summary)),
    erasure: 'Name und E-Mail in der Kurzbeschreibung ersetzt; Berater-Referenz geleert (das Projekt bleibt)',
    erase: async (db, s, found) => {
      for (const p of found) await sql`update microproject set summary = ${redact(s, p.summary as string) ?? ''} where id = ${p.id}`.execute(db);
      if (s.accountId !== null) await sql`update microproject set adviser_account_id = null where adviser_account_id = ${s.accountId}`.execute(db);
    },
    sample: async (db, f) => { await sampleProject(db, f.organisationId, f.accountId, 'Nähcafé mit Zeynep Kaya-Yıldız als Minijobberin'); },
  },
  {
    table: 'microproject_contact', personal: true, columns: ['name', 'email', 'language'], categories: ['contact'],
    subjects: 'Ansprechpersonen der Vereine für ein Mikroprojekt', purpose: 'Erinnerungen an Fristen der Checkliste, in ihrer Sprache', legalBasis: publicTask,
    recipients: centreAndAssociation, retention: 'mit dem Projekt', finds: 'gleiche E-Mail, oder der Name der Person',
    find: async (db, s) => (await rows(db, sql`select * from microproject_contact where ${emailMatches(s, 'email')} or ${textMayName(s, 'name')} order by id`))
      .filter((c) => s.emails.includes(String(c.email).trim().toLowerCase()) || textNames(s, c.name)),
    erasure: 'gelöscht', erase: async (db, _s, found) => { await sql`delete from microproject_contact where ${idIn(found.map((c) => c.id))}`.execute(db); },
    sample: async (db, f) => {
      const projectId = await sampleProject(db, f.organisationId, f.accountId);
      await sql`insert into microproject_contact (project_id, name, email, language) values (${projectId}, 'Zeynep Kaya-Yıldız', 'zeynep.kaya@example.org', 'tr')`.execute(db);
    },
  },
  {
    table: 'microproject_task_done', personal: true, columns: ['done_by', 'done_at'], categories: ['technical'],
    subjects: 'Kontoinhaber, die Aufgaben abhakten', purpose: 'Wer eine Aufgabe der Checkliste erledigt hat', legalBasis: publicTask, recipients: centreAndAssociation,
    retention: 'mit dem Projekt', finds: 'done_by = Konto der Person',
    find: (db, s) => rows(db, sql`select * from microproject_task_done where ${accountMatches(s, 'done_by')}`),
    erasure: 'Konto-Referenz geleert (die Aufgabe bleibt erledigt)',
    erase: async (db, s) => { if (s.accountId !== null) await sql`update microproject_task_done set done_by = null where done_by = ${s.accountId}`.execute(db); },
    sample: async (db, f) => {
      const projectId = await sampleProject(db, f.organisationId, f.accountId);
      await sql`insert into microproject_task_done (project_id, task, done_by) values (${projectId}, 'concept', ${f.accountId})`.execute(db);
    },
  },
  {
    table: 'microproject_reminder', personal: true, columns: ['recipient', 'sent_at'], categories: ['contact', 'technical'],
    subjects: 'Ansprechpersonen und Beratende, die eine Erinnerung erhielten', purpose: 'Jede Erinnerung nur einmal senden', legalBasis: publicTask,
    recipients: centreAndAssociation, retention: 'mit dem Projekt', finds: 'recipient = E-Mail der Person',
    find: (db, s) => rows(db, sql`select * from microproject_reminder where ${emailMatches(s, 'recipient')}`),
    erasure: 'gelöscht', erase: async (db, s) => { if (s.emails.length > 0) await sql`delete from microproject_reminder where ${emailMatches(s, 'recipient')}`.execute(db); },
    sample: async (db, f) => {
      const projectId = await sampleProject(db, f.organisationId, f.accountId);
      await sql`insert into microproject_reminder (project_id, task, kind, recipient) values (${projectId}, 'concept', 'before', 'zeynep.kaya@example.org')`.execute(db);
    },
  },
  {
    table: 'microproject_receipt', personal: true, columns: ['payee', 'purpose', 'kept_where', 'created_by'], categories: ['free_text', 'technical'],
    subjects: 'Zahlungsempfänger (auch Minijobberinnen und Minijobber); Kontoinhaber, die Belege erfassten', purpose: 'Belegliste und zahlenmäßiger Nachweis des Verwendungsnachweises',
    legalBasis: 'Art. 6 Abs. 1 lit. c DSGVO i. V. m. ANBest-P (Nachweis der Verwendung)', recipients: `${centreAndAssociation}; die Bewilligungsbehörde mit dem Verwendungsnachweis`,
    retention: proofRetention, finds: 'created_by = Konto der Person, oder Empfänger / Zweck nennen Name oder E-Mail',
    find: async (db, s) => (await rows(db, sql`select * from microproject_receipt where ${accountMatches(s, 'created_by')} or ${textMayName(s, 'payee')} or ${textMayName(s, 'purpose')} order by id`))
      .filter((r) => r.created_by === s.accountId || textNames(s, r.payee) || textNames(s, r.purpose)),
    erasure: 'Name und E-Mail in Empfänger und Zweck ersetzt (der Betrag zählt weiter); Konto-Referenz geleert',
    erase: async (db, s, found) => {
      for (const r of found) await sql`update microproject_receipt set payee = ${redact(s, r.payee as string) ?? ''}, purpose = ${redact(s, r.purpose as string) ?? ''} where id = ${r.id}`.execute(db);
      if (s.accountId !== null) await sql`update microproject_receipt set created_by = null where created_by = ${s.accountId}`.execute(db);
    },
    sample: async (db, f) => {
      const projectId = await sampleProject(db, f.organisationId, f.accountId);
      await sql`insert into microproject_receipt (project_id, paid_on, payee, purpose, budget_line, amount_cents, created_by)
        values (${projectId}, '2019-04-30', 'Zeynep Kaya-Yıldız', 'Lohn April', 'minijob', 45000, ${f.accountId})`.execute(db);
    },
  },
  {
    table: 'microproject_document', personal: true, columns: ['file_name', 'content', 'uploaded_by'], categories: ['free_text', 'technical'],
    subjects: 'Kontoinhaber, die Dokumente hochluden; in Dokumenten genannte Personen', purpose: 'Unterlagen des Projekts (Bescheid, Verträge, Nachweise), nur für die Organisation und ihre Beratung',
    legalBasis: publicTask, recipients: 'Beraterinnen und Berater des Zentrums; die Vertretungen der Organisation', retention: proofRetention,
    finds: 'uploaded_by = Konto der Person', find: (db, s) => rows(db, sql`select id, project_id, file_name, content_type, size_bytes, uploaded_by, created_at from microproject_document where ${accountMatches(s, 'uploaded_by')}`),
    erasure: 'Konto-Referenz geleert (das Dokument gehört dem Projekt)',
    erase: async (db, s) => { if (s.accountId !== null) await sql`update microproject_document set uploaded_by = null where uploaded_by = ${s.accountId}`.execute(db); },
    hidden: ['content'],
    sample: async (db, f) => {
      const projectId = await sampleProject(db, f.organisationId, f.accountId);
      await sql`insert into microproject_document (project_id, file_name, content_type, size_bytes, content, uploaded_by)
        values (${projectId}, 'bescheid.pdf', 'application/pdf', ${samplePdf.length}, ${samplePdf}, ${f.accountId})`.execute(db);
    },
  },
  { table: 'microproject_tag', personal: false, why: 'Liste der Zielgruppen und Ziele mit Stichwörtern (Bericht 5.6): keine Personen' },
  {
    table: 'microproject_project_tag', personal: true, columns: ['confirmed_by', 'confirmed_at'], categories: ['technical'],
    subjects: 'Kontoinhaber, die Themen eines Projekts bestätigten', purpose: 'Zielgruppen und Ziele der Projekte für die Auswertung (Bericht 5.6)', legalBasis: publicTask,
    recipients: 'Beraterinnen und Berater des Zentrums; in der Auswertung nur als Zahlen', retention: 'mit dem Projekt', finds: 'confirmed_by = Konto der Person',
    find: (db, s) => rows(db, sql`select * from microproject_project_tag where ${accountMatches(s, 'confirmed_by')}`),
    erasure: 'Konto-Referenz geleert (das Thema bleibt bestätigt)',
    erase: async (db, s) => { if (s.accountId !== null) await sql`update microproject_project_tag set confirmed_by = null where confirmed_by = ${s.accountId}`.execute(db); },
    sample: async (db, f) => {
      const projectId = await sampleProject(db, f.organisationId, f.accountId);
      await sql`insert into microproject_project_tag (project_id, tag_key, confirmed_by) values (${projectId}, 'women', ${f.accountId})`.execute(db);
    },
  },
  {
    table: 'microproject_report', personal: true, columns: ['goals', 'activities', 'consultations', 'minijob', 'network', 'results', 'saved_by_account_id', 'saved_at'], categories: ['free_text', 'technical'],
    subjects: 'Im Sachbericht genannte Personen (etwa Minijobberinnen und Minijobber, Teilnehmende); Kontoinhaber, die ihn speicherten',
    purpose: 'Sachbericht des Verwendungsnachweises, vom Verein vervollständigt', legalBasis: 'Art. 6 Abs. 1 lit. c DSGVO i. V. m. ANBest-P (Nachweis der Verwendung)',
    recipients: `${centreAndAssociation}; die Bewilligungsbehörde mit dem Verwendungsnachweis`, retention: proofRetention,
    finds: 'saved_by_account_id = Konto der Person, oder ein Abschnitt nennt Name oder E-Mail',
    find: async (db, s) => (await rows(db, sql`select * from microproject_report where ${accountMatches(s, 'saved_by_account_id')} or ${sql.join(reportColumns.map((column) => textMayName(s, column)), sql` or `)} order by project_id`))
      .filter((r) => r.saved_by_account_id === s.accountId || reportColumns.some((column) => textNames(s, r[column]))),
    erasure: 'Name und E-Mail in den Abschnitten ersetzt (der Bericht bleibt); Konto-Referenz geleert',
    erase: async (db, s, found) => {
      for (const r of found) {
        const redacted = reportColumns.map((column) => sql`${sql.ref(column)} = ${redact(s, r[column] as string) ?? ''}`);
        await sql`update microproject_report set ${sql.join(redacted)} where project_id = ${r.project_id}`.execute(db);
      }
      if (s.accountId !== null) await sql`update microproject_report set saved_by_account_id = null where saved_by_account_id = ${s.accountId}`.execute(db);
    },
    sample: async (db, f) => {
      const projectId = await sampleProject(db, f.organisationId, f.accountId);
      await sql`insert into microproject_report (project_id, goals, minijob, saved_by_account_id)
        values (${projectId}, 'Ein Nähcafé für Frauen', 'Zeynep Kaya-Yıldız hat als Minijobberin das Café geöffnet', ${f.accountId})`.execute(db);
    },
  },
];
