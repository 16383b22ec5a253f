import { sql } from 'kysely';
import { emailMatches, idIn, redact, rows, textMayName, textNames, type CatalogueEntry, type DataSubject, type Db, type Row } from '../catalogue.js';
import { normalisePersonName } from '../names/index.js';

/**
 * The pool's part of the personal-data catalogue (src/modules/privacy): every
 * table of migrations/200_experts.sql. An entry is a person (with their
 * consent); it is found by its person record, its e-mail address, or its
 * name within one of the person's organisations (src/modules/catalogue.ts),
 * and an erasure removes it with its bookings.
 */

const consent = 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung, im Eintrag festgehalten); Art. 9 Abs. 2 lit. a DSGVO, soweit die Vereinszugehörigkeit die ethnische Herkunft erkennen lässt';
const readers = 'Mitarbeitende des Zentrums (admin, staff); Koordinierende der Landkreise, in denen die Person tätig ist (lesend, Dialogforen ihrer Landkreise besetzen)';

async function findExperts(db: Db, s: DataSubject): Promise<Row[]> {
  const found = await rows(db, sql`select * from expert where ${s.personId === null ? sql`false` : sql`person_id = ${s.personId}`} or ${emailMatches(s, 'email')} or ${idIn('organisation_id', s.organisationIds)} order by id`);
  return found.filter((row) => (s.personId !== null && row.person_id === s.personId)
    || (typeof row.email === 'string' && s.emails.includes(row.email.trim().toLowerCase()))
    || (s.nameKey !== '' && s.organisationIds.includes(row.organisation_id as number) && normalisePersonName(String(row.full_name)) === s.nameKey));
}

async function sampleExpert(db: Db, personId: number, organisationId: number): Promise<number> {
  const person = (await sql<{ full_name: string; email: string | null }>`select full_name, email from person where id = ${personId}`.execute(db)).rows[0]!;
  const row = (await sql<{ id: number }>`insert into expert (kind, full_name, organisation_id, person_id, topics, languages, email, consent_given_on, consent_wording_version, consent_source)
    values ('association_expert', ${person.full_name}, ${organisationId}, ${personId}, '{intercultural_dialogue}', '{de,tr}', ${person.email}, '2019-05-01', 'pool-2019-1', 'paper') returning id`.execute(db)).rows[0]!;
  return row.id;
}

export const expertPersonalData: CatalogueEntry[] = [
  {
    table: 'expert', personal: true, columns: ['full_name', 'organisation_id', 'person_id', 'topics', 'languages', 'districts', 'fee_note', 'email', 'phone', 'notes', 'consent_given_on', 'consent_withdrawn_on'],
    categories: ['contact', 'special', 'free_text'],
    subjects: 'Trainerinnen und Trainer, Moderierende, Fachberatende und Expertinnen und Experten aus den Vereinen im Pool des Zentrums',
    purpose: 'Den Pool pflegen, aus dem das Zentrum Schulungen und Dialogforen besetzt und an das es in Beratungen verweist (Bericht 6.4 und 7)',
    legalBasis: consent, recipients: readers,
    retention: 'bis zum Widerruf der Einwilligung: dann verlässt der Eintrag sofort den Pool und jede Auswahl, Kontakt, Honorar und Notizen werden gelöscht; der Name bleibt an vergangenen Einsätzen, bis die Person die Löschung verlangt',
    finds: 'person_id = die Person, oder gleiche E-Mail, oder gleicher Name in einer ihrer Organisationen',
    find: findExperts,
    erasure: 'gelöscht, mit den Einsätzen (expert_event); Verweise in Beratungen behalten nur ihren Freitext',
    erase: async (db, _s, found) => { await sql`delete from expert where ${idIn('id', found.map((row) => row.id))}`.execute(db); },
    sample: async (db, f) => { await sampleExpert(db, f.personId, f.organisationId); },
  },
  {
    table: 'expert_event', personal: true, columns: ['expert_id', 'role', 'added_by'], categories: ['technical'],
    subjects: 'Personen des Pools, die an einer Veranstaltung mitwirkten', purpose: 'Wer ein Dialogforum moderierte oder als Expertin/Experte mitwirkte; die Verfügbarkeit am selben Tag',
    legalBasis: consent, recipients: readers, retention: 'mit der Veranstaltung oder dem Eintrag im Pool',
    finds: 'Einsätze der gefundenen Einträge im Pool',
    find: async (db, s) => {
      const experts = await findExperts(db, s);
      return rows(db, sql`select * from expert_event where ${idIn('expert_id', experts.map((row) => row.id))} order by event_id`);
    },
    erasure: 'gelöscht (mit dem Eintrag im Pool)',
    erase: async (db, _s, found) => { await sql`delete from expert_event where ${idIn('expert_id', found.map((row) => row.expert_id))}`.execute(db); },
    sample: async (db, f) => {
      const expertId = await sampleExpert(db, f.personId, f.organisationId);
      await sql`insert into expert_event (event_id, expert_id, role) values (${f.eventId}, ${expertId}, 'expert')`.execute(db);
    },
  },
  {
    table: 'expert_absence', personal: true, columns: ['expert_id', 'from_on', 'to_on', 'note', 'created_by'], categories: ['free_text', 'technical'],
    subjects: 'Personen des Pools', purpose: 'Tage, an denen eine Person des Pools nicht eingesetzt werden kann (Vorschläge und Buchung eines Dialogforums)',
    legalBasis: consent, recipients: readers, retention: 'bis zum letzten Tag der Abwesenheit, spätestens bis zum Widerruf der Einwilligung (dann sofort gelöscht)',
    finds: 'Abwesenheiten der gefundenen Einträge im Pool',
    find: async (db, s) => {
      const experts = await findExperts(db, s);
      return rows(db, sql`select * from expert_absence where ${idIn('expert_id', experts.map((row) => row.id))} order by id`);
    },
    erasure: 'gelöscht (mit dem Eintrag im Pool)',
    erase: async (db, _s, found) => { await sql`delete from expert_absence where ${idIn('id', found.map((row) => row.id))}`.execute(db); },
    sample: async (db, f) => {
      const expertId = await sampleExpert(db, f.personId, f.organisationId);
      await sql`insert into expert_absence (expert_id, from_on, to_on, note) values (${expertId}, '2019-08-01', '2019-08-21', 'Urlaub')`.execute(db);
    },
  },
  {
    table: 'expert_forum_outcome', personal: true, columns: ['text', 'owner', 'created_by'], categories: ['free_text', 'technical'],
    subjects: 'In Vereinbarungen und nächsten Schritten eines Dialogforums genannte Personen (Verantwortliche)', purpose: 'Ergebnisse eines Dialogforums: Vereinbarungen, nächste Schritte mit Verantwortlichen und Termin, offene Fragen',
    legalBasis: 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. dem Förderauftrag des Zentrums (Dialogforen, Bericht 7)', recipients: readers, retention: 'mit der Veranstaltung',
    finds: 'Text oder Verantwortliche nennen Name (als ganze Wörter) oder E-Mail der Person',
    find: async (db, s) => (await rows(db, sql`select * from expert_forum_outcome where ${textMayName(s, 'text')} or ${textMayName(s, 'owner')} order by id`))
      .filter((row) => textNames(s, row.text) || textNames(s, row.owner)),
    erasure: 'Name und E-Mail in Text und Verantwortlichen ersetzt (das Ergebnis bleibt)',
    erase: async (db, s, found) => {
      for (const row of found) await sql`update expert_forum_outcome set text = ${redact(s, row.text as string) ?? ''}, owner = ${row.owner === null ? null : (redact(s, row.owner as string) ?? '')} where id = ${row.id}`.execute(db);
    },
    sample: async (db, f) => {
      const person = (await sql<{ full_name: string }>`select full_name from person where id = ${f.personId}`.execute(db)).rows[0]!;
      await sql`insert into expert_forum_outcome (event_id, kind, text, owner, due_on) values (${f.eventId}, 'next_step', 'Raumliste an die Vereine schicken', ${person.full_name}, '2019-07-01')`.execute(db);
    },
  },
];
