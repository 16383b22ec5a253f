import { sql } from 'kysely';
import { rows, publicTask, redact, textMayName, textNames, type CatalogueEntry } from '../catalogue.js';

/**
 * This module's tables in the personal-data catalogue (src/modules/privacy):
 * what each holds, why, for whom, how long, and how one person's rows are
 * found and erased. Export, erasure, retention and docs/privacy.md are built
 * from the whole catalogue; this module erases its own rows here.
 * A function, read when the catalogue is needed (src/modules/registry.ts).
 */
export const personalData = (): CatalogueEntry[] => [
  { table: 'feedback_form', personal: false, why: 'Fragebögen (Vorlagen und Kopien je Veranstaltung)' },
  { table: 'feedback_question', personal: false, why: 'Fragen der Fragebögen' },
  { table: 'feedback_code', personal: false, why: 'Kurzcode des Online-Fragebogens einer Veranstaltung' },
  { table: 'feedback_summary', personal: false, why: 'Zählungen und Summen der Antworten je Veranstaltung und Frage (für den Anhang); keine Texte' },
  { table: 'feedback_response', personal: false, why: 'anonyme Rückmeldung: Sprache und Weg, kein Name, keine Adresse; Freitexte stehen in feedback_answer' },
  { table: 'feedback_submission', personal: false, why: 'nur der Hash eines zufälligen Tokens gegen Doppelabgaben; keine IP-Adresse, kein Bezug zu einer Person' },
  {
    table: 'feedback_answer', personal: true, columns: ['text_value'], categories: ['free_text'],
    subjects: 'Personen, die in freien Antworten genannt werden (die Antworten selbst sind anonym)',
    purpose: 'Auswertung der Veranstaltungen; Anhang des Berichts', legalBasis: publicTask, recipients: 'Mitarbeitende des Zentrums; Evaluation (anonym)',
    retention: 'anonym, unbefristet; Namen werden auf Antrag ersetzt', finds: 'Freitext nennt Name (als ganze Wörter) oder E-Mail der Person',
    find: async (db, s) => (await rows(db, sql`select * from feedback_answer where ${textMayName(s, 'text_value')}`)).filter((row) => textNames(s, row.text_value)),
    erasure: 'Name und E-Mail im Freitext ersetzt',
    erase: async (db, s, found) => {
      for (const row of found) {
        await sql`update feedback_answer set text_value = ${redact(s, row.text_value as string)}
          where response_id = ${row.response_id} and question_id = ${row.question_id}`.execute(db);
      }
    },
  },
];
