import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { createFileMaterial, createLinkMaterial, setMaterialPublished } from './commands.js';
import type { MaterialFields } from './form.js';
import { drawHandoutPdf } from './sample-pdf.js';

/**
 * The demo library: the handouts of the centre's trainings (report 5.3) as
 * small PDFs drawn at load time, and a link to the Land's forms. Only the
 * application training's handout is written tagged, with title and
 * language; the others are plain pdfmake files and fail the PDF check, as
 * such files do.
 */
const handouts: { fields: MaterialFields; tagged: boolean; paragraphs: string[] }[] = [
  {
    fields: { title: 'Handout Antragsschulung: WIR-Mikroprojekte beantragen', description: 'Schritt für Schritt zum Antrag: Projektidee, Kosten- und Finanzierungsplan, Fristen und die Formulare des Regierungspräsidiums.', language: 'de', topic: 'application', eventFormats: ['training_application', 'writing_workshop'], checklistItems: ['funding.writing', 'training.projects'] },
    tagged: true,
    paragraphs: ['Wer kann einen Antrag stellen? Migrantische Vereine in Hessen mit einer Projektidee für das WIR-Programm.', 'Welche Unterlagen brauche ich? Antragsformular, Kosten- und Finanzierungsplan, Satzung und Registerauszug.', 'Bis wann? Die Antragsfrist endet im Mai; die Projekte dürfen bis zu 24 Monate laufen.'],
  },
  {
    fields: { title: 'Handout Umsetzungsschulung: Nach dem Bewilligungsbescheid', description: 'Was nach der Bewilligung zu tun ist: Minijobs, Steuerberatung, Sichtbarkeit der Förderung, Belege.', language: 'de', topic: 'implementation', eventFormats: ['training_implementation'], checklistItems: ['funding.management'] },
    tagged: false,
    paragraphs: ['Minijobs: Arbeitsvertrag, monatliche Meldung an die Minijob-Zentrale, Arbeitszeitnachweis.', 'Die Kosten eines Steuerberatungsbüros für die Lohnbuchführung sind förderfähig.', 'Belege sammeln: jede Ausgabe mit Rechnung und Zahlungsnachweis.'],
  },
  {
    fields: { title: 'Handout Verwendungsnachweis und Sachbericht', description: 'Wie der Verwendungsnachweis gelingt: zahlenmäßiger Nachweis, Sachbericht, Belegliste.', language: 'de', topic: 'reporting', eventFormats: ['training_reporting'], checklistItems: ['funding.proof'] },
    tagged: false,
    paragraphs: ['Der Verwendungsnachweis besteht aus dem Sachbericht und dem zahlenmäßigen Nachweis.', 'Die Belegliste führt jede Ausgabe mit Datum, Betrag und Zweck auf.'],
  },
  {
    fields: { title: 'Application training handout: WIR micro-projects', description: 'The application training in English: idea, budget, deadlines and forms.', language: 'en', topic: 'application', eventFormats: ['training_application'], checklistItems: ['funding.writing'] },
    tagged: false,
    paragraphs: ['Who can apply? Migrant associations in Hesse with a project idea for the WIR programme.', 'The deadline is in May; projects may run for up to 24 months.'],
  },
];

export async function loadMaterialsDemo(db: Kysely<Database>): Promise<void> {
  if (await db.selectFrom('material').select('id').limit(1).executeTakeFirst()) return;
  for (const handout of handouts) {
    const pdf = await drawHandoutPdf({ title: handout.fields.title, paragraphs: handout.paragraphs, tagged: handout.tagged, language: handout.fields.language === 'en' ? 'en-GB' : 'de-DE' });
    const id = await createFileMaterial(db, null, handout.fields, { name: `${handout.fields.title.split(':')[0].replace(/\s+/g, '-').toLowerCase()}.pdf`, bytes: pdf });
    await setMaterialPublished(db, null, id, true);
  }
  const link = await createLinkMaterial(
    db,
    null,
    { title: 'Formulare für WIR-Mikroprojekte (Regierungspräsidium Kassel)', description: 'Antragsformular, Kosten- und Finanzierungsplan und Verwendungsnachweis auf der Website des Landes.', language: 'de', topic: 'application', eventFormats: ['training_application', 'training_reporting'], checklistItems: ['funding.writing', 'funding.proof'] },
    'https://rp-kassel.hessen.de/soziales/integration',
  );
  await setMaterialPublished(db, null, link, true);
}
