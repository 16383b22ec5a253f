import { sql } from 'kysely';
import { accountMatches, redact, rows, textMayName, textNames, type CatalogueEntry, type Db, type DataSubject, type Row, type SampleFixture } from '../catalogue.js';

/**
 * This module's tables in the personal-data catalogue (src/modules/privacy):
 * what each holds, why, for whom, how long, and how one person's rows are
 * found and erased. Export, erasure, retention and docs/privacy.md are built
 * from the whole catalogue; this module erases its own rows here.
 * A function, read when the catalogue is needed (src/modules/registry.ts).
 *
 * The workspace stores no name of an interviewee or participant by design;
 * its free texts (protocols, notes, agendas) may still name someone, so they
 * are found and redacted like every free text of Mosaik, and the accounts
 * that wrote them are technical references.
 */

const evaluator = 'die externe Evaluation (Rolle evaluator); Auswertungen und Berichte nur anonymisiert; keine Weitergabe an das Zentrum';
const evaluationTask = 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. dem Förderauftrag (formative Evaluation des Zentrums); bei Interviews Art. 6 Abs. 1 lit. a DSGVO (schriftliche Einwilligung „nur für die Evaluation“)';
const withEvaluation = 'bis zum Ende der Evaluation; danach nach Bedarf durch die Evaluation gelöscht';

/** One catalogue entry for a table of free texts and account references. */
function textTable(options: {
  table: string;
  texts: string[];
  accounts: string[];
  subjects: string;
  purpose: string;
  retention: string;
  rule?: string;
  sample: (db: Db, fixture: SampleFixture, text: string) => Promise<void>;
}): CatalogueEntry {
  const { table, texts, accounts } = options;
  const matches = (s: DataSubject, row: Row) => accounts.some((column) => s.accountId !== null && row[column] === s.accountId) || texts.some((column) => textNames(s, row[column]));
  return {
    table,
    personal: true,
    columns: [...texts, ...accounts],
    categories: accounts.length > 0 ? ['free_text', 'technical'] : ['free_text'],
    subjects: options.subjects,
    purpose: options.purpose,
    legalBasis: evaluationTask,
    recipients: evaluator,
    retention: options.retention,
    rule: options.rule,
    finds: `${accounts.length > 0 ? `${accounts.join(', ')} = Konto der Person, oder ` : ''}${texts.join(', ')} nennt Name oder E-Mail`,
    find: async (db, s) => {
      const conditions = [...accounts.map((column) => accountMatches(s, column)), ...texts.map((column) => textMayName(s, column))];
      return (await rows(db, sql`select * from ${sql.table(table)} where ${sql.join(conditions, sql` or `)} order by id`)).filter((row) => matches(s, row));
    },
    erasure: `Name und E-Mail in ${texts.join(', ')} ersetzt${accounts.length > 0 ? `; ${accounts.join(', ')} geleert` : ''}`,
    erase: async (db, s, found) => {
      for (const row of found) {
        for (const column of texts) {
          if (typeof row[column] === 'string' && textNames(s, row[column])) await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${redact(s, row[column] as string)} where id = ${row.id}`.execute(db);
        }
      }
      if (s.accountId !== null) for (const column of accounts) await sql`update ${sql.table(table)} set ${sql.ref(column)} = null where ${sql.ref(column)} = ${s.accountId}`.execute(db);
    },
    sample: (db, fixture) => options.sample(db, fixture, 'Zeynep Kaya-Yıldız (zeynep.kaya@example.org) sprach über Räume'),
  };
}

async function sampleObservation(db: Db, fixture: SampleFixture, text = ''): Promise<number> {
  const { rows: found } = await sql<{ id: number }>`select id from evaluation_observation where event_id = ${fixture.eventId}`.execute(db);
  if (found[0]) return found[0].id;
  const { rows: made } = await sql<{ id: number }>`insert into evaluation_observation (event_id, course, created_by) values (${fixture.eventId}, ${text}, ${fixture.accountId}) returning id`.execute(db);
  return made[0].id;
}

async function sampleGuide(db: Db, accountId: number | null): Promise<number> {
  const { rows: made } = await sql<{ id: number }>`insert into evaluation_interview_guide (guide_key, version, kind, title, questions, created_by)
    values (${`sample-${Math.random().toString(36).slice(2, 10)}`}, 1, 'association', 'Leitfaden', 'Wie kam Ihr Verein zum Zentrum?', ${accountId}) returning id`.execute(db);
  return made[0].id;
}

async function sampleReflection(db: Db, accountId: number, text = ''): Promise<number> {
  const { rows: made } = await sql<{ id: number }>`insert into evaluation_reflection (held_on, decisions, created_by) values ('2019-03-01', ${text}, ${accountId}) returning id`.execute(db);
  return made[0].id;
}

export const personalData = (): CatalogueEntry[] => [
  { table: 'installation_secret', personal: false, why: 'Schlüssel dieser Installation (z. B. für die Pseudonyme der Evaluation); keine Personendaten' },
  textTable({
    table: 'evaluation_observation', texts: ['course', 'topics', 'worked', 'suggestions'], accounts: ['created_by'],
    subjects: 'Teilnehmende beobachteter Veranstaltungen, soweit das Protokoll sie nennt (es soll niemanden nennen); die Evaluatorin (Konto-Referenz)',
    purpose: 'Protokoll der teilnehmenden Beobachtung einer Veranstaltung (Bericht 4)', retention: withEvaluation,
    sample: async (db, f, text) => { await sampleObservation(db, f, text); },
  }),
  textTable({
    table: 'evaluation_observation_workshop', texts: ['title', 'notes'], accounts: [],
    subjects: 'Teilnehmende paralleler Workshops, soweit die Notizen sie nennen', purpose: 'Notizen je Workshop einer beobachteten Veranstaltung', retention: withEvaluation,
    sample: async (db, f, text) => { await sql`insert into evaluation_observation_workshop (observation_id, position, title, notes) values (${await sampleObservation(db, f)}, 1, 'Workshop A', ${text})`.execute(db); },
  }),
  textTable({
    table: 'observation_need', texts: ['text'], accounts: [],
    subjects: 'Teilnehmende, soweit ein notierter Bedarf sie nennt', purpose: 'Die in einer Veranstaltung geäußerten Bedarfe, je einer Zeile (für das Bedarfsprotokoll)', retention: withEvaluation,
    sample: async (db, f, text) => { await sql`insert into observation_need (observation_id, position, text) values (${await sampleObservation(db, f)}, 1, ${text})`.execute(db); },
  }),
  textTable({
    table: 'evaluation_interview_guide', texts: ['questions'], accounts: ['created_by'],
    subjects: 'die Evaluatorin (Konto-Referenz)', purpose: 'Versionierte Interviewleitfäden', retention: withEvaluation,
    sample: async (db, f, text) => { await sql`update evaluation_interview_guide set questions = ${text} where id = ${await sampleGuide(db, f.accountId)}`.execute(db); },
  }),
  textTable({
    table: 'evaluation_interview', texts: ['notes', 'portrait'], accounts: ['created_by'],
    subjects: 'Interviewte (Vertretungen von Vereinen, kommunale Fachleute), nicht namentlich; in Notizen genannte Personen; die Evaluatorin (Konto-Referenz)',
    purpose: 'Interviews der Evaluation unter schriftlicher Einwilligung (Bericht 4, 6.1): Notizen und ein anonymisiertes Kurzporträt',
    retention: 'Notizen: eine einstellbare Frist nach dem Ende der Evaluation geleert (Einstellung ends_on); Eckdaten, Einwilligung und Kurzporträt bleiben',
    rule: 'evaluation_interview_notes',
    sample: async (db, f, text) => {
      const guideId = await sampleGuide(db, null);
      await sql`insert into evaluation_interview (held_on, kind, channel, guide_id, consent_signed_on, consent_version, consent_scope, notes, created_by)
        values ('2019-03-01', 'association', 'phone', ${guideId}, '2019-02-20', 'E-2019-1', 'evaluation_only', ${text}, ${f.accountId})`.execute(db);
    },
  }),
  textTable({
    table: 'evaluation_reflection', texts: ['agenda', 'decisions'], accounts: ['created_by'],
    subjects: 'Projektleitungen und Genannte, soweit Tagesordnung und Beschlüsse sie nennen', purpose: 'Reflexionstreffen mit den Projektleitungen (Bericht 4)', retention: withEvaluation,
    sample: async (db, f, text) => { await sampleReflection(db, f.accountId, text); },
  }),
  textTable({
    table: 'evaluation_followup', texts: ['task', 'owner', 'outcome'], accounts: [],
    subjects: 'Verantwortliche für Folgeaufgaben (Rolle oder Name)', purpose: 'Folgeaufgaben eines Reflexionstreffens mit Verantwortlichen und Termin', retention: withEvaluation,
    sample: async (db, f, text) => {
      await sql`insert into evaluation_followup (reflection_id, position, task, owner, due_on) values (${await sampleReflection(db, f.accountId)}, 1, 'Protokoll versenden', ${text}, '2019-04-01')`.execute(db);
    },
  }),
  {
    table: 'evaluation_setting', personal: true, columns: ['updated_by'], categories: ['technical'],
    subjects: 'wer die Einstellung zuletzt änderte (Konto-Referenz)', purpose: 'Einstellungen der Evaluation (Ende der Evaluation)', legalBasis: evaluationTask,
    recipients: evaluator, retention: 'solange die Einstellung besteht', finds: 'updated_by = Konto der Person',
    find: (db, s) => rows(db, sql`select * from evaluation_setting where ${accountMatches(s, 'updated_by')} order by name`),
    erasure: 'updated_by geleert',
    erase: async (db, s) => { if (s.accountId !== null) await sql`update evaluation_setting set updated_by = null where updated_by = ${s.accountId}`.execute(db); },
    sample: async (db, f) => { await sql`insert into evaluation_setting (name, value, updated_by) values ('ends_on', '2019-12-31', ${f.accountId}) on conflict (name) do nothing`.execute(db); },
  },
];
