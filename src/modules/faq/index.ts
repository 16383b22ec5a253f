import { sql } from 'kysely';
import type { MosaikModule } from '../module.js';
import { redact, textMayName, textNames, type PrivacyRow } from '../privacy/index.js';
import { loadFaqDemo } from './demo.js';
import { publicFaqRoutes } from './routes-public.js';
import { staffFaqRoutes } from './routes-staff.js';
import './tables.js';

/**
 * The FAQ on the WIR micro-projects (issue 11, report 5.4): entries by topic
 * in six languages, each draft → agreed (ministry and Regierungspräsidium) →
 * published with the day it was last reviewed; search that forgives typos;
 * "did this help?" with an optional question for staff.
 */
export { publishedFaq, type PublicFaqEntry } from './queries.js';

/** The tables only this module writes (test/architecture.test.ts holds every module to its list). */
export const ownedTables = ['faq_entry', 'faq_translation', 'faq_feedback'] as const;

export const module: MosaikModule = {
  name: 'faq',
  routes: [publicFaqRoutes, staffFaqRoutes],
  personalData: [
    { table: 'faq_entry', personal: false, why: 'Thema, Status und Prüfdatum einer Frage der FAQ; wer sie bearbeitet hat, steht nur im Protokoll' },
    { table: 'faq_translation', personal: false, why: 'Fragen und Antworten der öffentlichen FAQ in sechs Sprachen, von Mitarbeitenden geschrieben' },
    {
      table: 'faq_feedback', personal: true, columns: ['question'], categories: ['free_text'],
      subjects: 'Personen, die sich in einer Frage an das Zentrum selbst nennen (die Rückmeldung selbst ist anonym: kein Konto, keine Adresse)',
      purpose: 'Hilft die Antwort? Rückfragen der Lesenden beantworten und die FAQ verbessern', legalBasis: 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. dem Informationsauftrag des Zentrums',
      recipients: 'Mitarbeitende des Zentrums (admin, staff); keine Weitergabe',
      retention: 'anonym, bis die FAQ-Frage gelöscht wird; Namen und Adressen werden auf Antrag ersetzt',
      finds: 'Freitext nennt Name (als ganze Wörter) oder E-Mail der Person',
      find: async (db, s) => (await sql<PrivacyRow>`select * from faq_feedback where ${textMayName(s, 'question')}`.execute(db)).rows.filter((row) => textNames(s, row.question)),
      erasure: 'Name und E-Mail im Freitext ersetzt',
      erase: async (db, s, found) => {
        for (const row of found) await sql`update faq_feedback set question = ${redact(s, row.question as string)} where id = ${row.id}`.execute(db);
      },
      sample: async (db, fixture) => {
        const person = await db.selectFrom('person').select(['full_name', 'email']).where('id', '=', fixture.personId).executeTakeFirstOrThrow();
        const { id } = await db.insertInto('faq_entry').values({ topic: 'costs', state: 'published' }).returning('id').executeTakeFirstOrThrow();
        await db.insertInto('faq_translation').values({ entry_id: id, language: 'de', question: 'Frage?', answer: 'Antwort.' }).execute();
        await db.insertInto('faq_feedback').values({ entry_id: id, helpful: false, question: `Bitte rufen Sie ${person.full_name} zurück: ${person.email ?? ''}`, language: 'de' }).execute();
      },
    },
  ],
  navigation: [{ href: '/staff/faq', label: 'faq.nav', roles: ['admin', 'staff'] }],
  publicNavigation: [{ href: '/faq', label: 'faq.publicNav', place: 'header', order: 40 }],
  sitemap: async (db) => {
    const rows = await db.selectFrom('faq_entry').select(['id', sql<string>`to_char(updated_at, 'YYYY-MM-DD')`.as('day')]).where('state', '=', 'published').orderBy('id').execute();
    return [{ path: '/faq' }, ...rows.map((row) => ({ path: `/faq/${row.id}`, lastModified: row.day }))];
  },
  loadDemo: (db, { today }) => loadFaqDemo(db, today),
};
