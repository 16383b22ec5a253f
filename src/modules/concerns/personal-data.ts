import { sql, type RawBuilder } from 'kysely';
import { accountMatches, redact, textMayName, textNames, type CatalogueEntry, type Db, type Row } from '../catalogue.js';

/**
 * The needs-and-concerns part of the personal-data catalogue: every table of
 * migrations/170_concerns.sql. Entries hold what associations said, not
 * who said it: free texts may still name a person (redacted on request),
 * staff accounts are referenced in the history (cleared on request).
 */

const rows = async (db: Db, query: RawBuilder<unknown>) => (await query.execute(db)).rows as Row[];
const publicTask = 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. dem Auftrag des Zentrums (Bedarfe der Vereine aufnehmen, Anliegen an das Ministerium weitergeben)';
const staffAndDistricts = 'Mitarbeitende des Zentrums (admin, staff); Koordinierende ihrer Landkreise; das Ministerium (funder) weitergegebene Anliegen ohne Vereinsnamen; öffentlich nur ausgewählte Einträge ohne Namen';

async function sampleEntry(db: Db, organisationId: number, accountId: number | null, text: string): Promise<number> {
  const row = (await sql<{ id: number }>`insert into concern_entry (kind, title, description, topic, raised_on, state, created_by)
    values ('concern', 'Mietkosten förderfähig machen', ${text}, 'funding_rules', '2019-05-11', 'collected', ${accountId}) returning id`.execute(db)).rows[0]!;
  await sql`insert into concern_entry_organisation (entry_id, organisation_id) values (${row.id}, ${organisationId})`.execute(db);
  return row.id;
}

export const concernsPersonalData: CatalogueEntry[] = [
  {
    table: 'concern_entry', personal: true, columns: ['title', 'description', 'answer', 'public_wording', 'created_by'], categories: ['free_text', 'technical'],
    subjects: 'Personen, die in einem Bedarf oder Anliegen genannt werden; Mitarbeitende, die ihn erfasst haben (Konto-Referenz)',
    purpose: 'Bedarfe in die nächsten Angebote tragen, Anliegen an das Ministerium weitergeben und zeigen, was aus ihnen wurde', legalBasis: publicTask,
    recipients: staffAndDistricts, retention: 'bis der Eintrag gelöscht wird; Namen im Freitext werden auf Antrag ersetzt',
    finds: 'ein Freitext nennt Name (als ganze Wörter) oder E-Mail der Person, oder created_by = Konto der Person',
    find: async (db, s) => (await rows(db, sql`select * from concern_entry where ${accountMatches(s, 'created_by')} or ${textMayName(s, 'title')} or ${textMayName(s, 'description')} or ${textMayName(s, 'answer')} or ${textMayName(s, 'public_wording')} order by id`))
      .filter((e) => e.created_by === s.accountId || ['title', 'description', 'answer', 'public_wording'].some((column) => textNames(s, e[column]))),
    erasure: 'Name und E-Mail in den Freitexten ersetzt; Konto-Referenz geleert (der Eintrag bleibt)',
    erase: async (db, s, found) => {
      for (const e of found) {
        await sql`update concern_entry set title = ${redact(s, e.title as string) ?? ''}, description = ${redact(s, e.description as string) ?? ''},
          answer = ${redact(s, e.answer as string) ?? ''}, public_wording = ${redact(s, e.public_wording as string) ?? ''} where id = ${e.id}`.execute(db);
      }
      if (s.accountId !== null) await sql`update concern_entry set created_by = null where created_by = ${s.accountId}`.execute(db);
    },
    sample: async (db, f) => {
      const person = (await sql<{ full_name: string }>`select full_name from person where id = ${f.personId}`.execute(db)).rows[0]!;
      await sampleEntry(db, f.organisationId, f.accountId, `Vorgetragen von ${person.full_name}`);
    },
  },
  { table: 'concern_source', personal: false, why: 'Woher ein Eintrag stammt: Veranstaltung, offene Antwort (nur die Verweise auf Bogen und Frage, nie die antwortende Person), Beratung, Vereins-Check' },
  {
    table: 'concern_entry_organisation', personal: false,
    why: 'Welche Organisationen (juristische Personen) einen Eintrag vorgebracht haben; die Zugehörigkeit ist sensibel (kann auf Herkunft schließen lassen): nur Mitarbeitende und Koordinierende ihres Landkreises sehen Namen',
  },
  { table: 'concern_entry_event', personal: false, why: 'Welche Veranstaltungen einen Bedarf aufgegriffen haben' },
  {
    table: 'concern_state_change', personal: true, columns: ['account_id', 'changed_at', 'note'], categories: ['technical', 'free_text'],
    subjects: 'Mitarbeitende, die den Weg eines Anliegens fortgeschrieben haben', purpose: 'Nachvollziehbar machen, wer wann welchen Schritt eines Anliegens festgehalten hat', legalBasis: publicTask,
    recipients: 'Mitarbeitende des Zentrums (admin, staff); Koordinierende ihrer Landkreise', retention: 'mit dem Eintrag', finds: 'account_id = Konto der Person, oder die Notiz nennt Name oder E-Mail',
    find: async (db, s) => (await rows(db, sql`select * from concern_state_change where ${accountMatches(s, 'account_id')} or ${textMayName(s, 'note')} order by id`)).filter((h) => h.account_id === s.accountId || textNames(s, h.note)),
    erasure: 'Konto-Referenz geleert, Name und E-Mail in der Notiz ersetzt (der Schritt bleibt)',
    erase: async (db, s, found) => {
      for (const h of found) await sql`update concern_state_change set note = ${redact(s, h.note as string) ?? ''} where id = ${h.id}`.execute(db);
      if (s.accountId !== null) await sql`update concern_state_change set account_id = null where account_id = ${s.accountId}`.execute(db);
    },
    sample: async (db, f) => {
      const id = await sampleEntry(db, f.organisationId, null, 'Mietkosten');
      await sql`insert into concern_state_change (entry_id, from_state, to_state, account_id) values (${id}, 'collected', 'forwarded', ${f.accountId})`.execute(db);
    },
  },
  { table: 'concern_meeting', personal: false, why: 'Datum, Titel und Ort eines Dialogtreffens mit dem Ministerium' },
  {
    table: 'concern_agenda_item', personal: true, columns: ['minutes'], categories: ['free_text'],
    subjects: 'Personen, die im Protokoll eines Dialogtreffens genannt werden', purpose: 'Festhalten, was das Ministerium zu einem Anliegen gesagt hat', legalBasis: publicTask,
    recipients: 'Mitarbeitende des Zentrums (admin, staff); das Ministerium (funder)', retention: 'mit dem Dialogtreffen; Namen werden auf Antrag ersetzt', finds: 'das Protokoll nennt Name oder E-Mail der Person',
    find: async (db, s) => (await rows(db, sql`select * from concern_agenda_item where ${textMayName(s, 'minutes')}`)).filter((i) => textNames(s, i.minutes)),
    erasure: 'Name und E-Mail im Protokoll ersetzt',
    erase: async (db, s, found) => {
      for (const i of found) await sql`update concern_agenda_item set minutes = ${redact(s, i.minutes as string) ?? ''} where meeting_id = ${i.meeting_id} and entry_id = ${i.entry_id}`.execute(db);
    },
    sample: async (db, f) => {
      const person = (await sql<{ full_name: string }>`select full_name from person where id = ${f.personId}`.execute(db)).rows[0]!;
      const id = await sampleEntry(db, f.organisationId, null, 'Mietkosten');
      const meeting = (await sql<{ id: number }>`insert into concern_meeting (held_on, title) values ('2019-06-01', 'Dialogtreffen') returning id`.execute(db)).rows[0]!;
      await sql`insert into concern_agenda_item (meeting_id, entry_id, position, minutes) values (${meeting.id}, ${id}, 1, ${`Rückfrage an ${person.full_name}`})`.execute(db);
    },
  },
];
