import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { saveService } from './commands/save-service.js';
import { addMonths } from './freshness.js';
import { findPostcode } from './geography.js';
import { emptyServiceInput, type ServiceInput } from './input.js';

/**
 * The demo's Wegweiser for Hessen (invented names, real kinds of services):
 * migration counselling per district, anti-discrimination networks, the
 * Regierungspräsidien, the Minijob-Zentrale, language course providers.
 * Some confirmed recently, some due, some overdue (one hidden), in several
 * languages, with Leichte Sprache summaries. Dates are relative to `today`.
 */

interface DemoEntry {
  organization: string;
  name: string;
  description: string;
  topics: string[];
  postcode: string;
  street: string;
  languages: string[];
  /** Months since the last confirmation (6-month cycle: > 6 due, > 8 overdue, > 12 hidden). */
  confirmedMonthsAgo: number;
  en?: string;
  ar?: string;
  tr?: string;
  easyRead?: string;
  /** A second place the service is offered at (HSDS: several service_at_locations). */
  also?: { postcode: string; street: string };
}

/** The entry's second location, when it has one. */
async function secondLocation(entry: DemoEntry) {
  if (!entry.also) return [];
  const place = await findPostcode(entry.also.postcode);
  return [{ name: null, address_1: entry.also.street, postal_code: entry.also.postcode, city: place?.municipality ?? null, latitude: place?.latitude ?? null, longitude: place?.longitude ?? null,
    transportation: null, accessibility: null }];
}

const counselling = (town: string, postcode: string, street: string, ago: number): DemoEntry => ({
  organization: `Caritasverband ${town} (Beispiel)`, name: `Migrationsberatung für Erwachsene ${town}`, postcode, street, confirmedMonthsAgo: ago,
  description: `Beratung zu Aufenthalt, Sprachkurs, Arbeit, Wohnen und Familie für Zugewanderte ab 27 Jahren in ${town}. Kostenlos und vertraulich.`,
  topics: ['migrationsberatung'], languages: ['de', 'en', 'ar', 'tr'],
  en: `Migration counselling for adults in ${town}`, ar: `استشارات الهجرة للبالغين في ${town}`, tr: `${town} göçmen danışmanlığı`,
  easyRead: `Sie sind neu in Deutschland?\nWir helfen Ihnen.\nZum Beispiel bei Fragen zu:\n- Aufenthalt\n- Deutsch-Kurs\n- Arbeit\nDie Beratung kostet nichts.`,
});

const entries: DemoEntry[] = [
  counselling('Frankfurt am Main', '60311', 'Musterstraße 12', 1),
  counselling('Gießen', '35390', 'Bahnhofstraße 4', 3),
  counselling('Kassel', '34117', 'Königsplatz 7', 7),
  counselling('Darmstadt', '64283', 'Luisenplatz 2', 9),
  counselling('Fulda', '36037', 'Domplatz 3', 2),
  counselling('Offenbach am Main', '63065', 'Marktplatz 9', 14),
  { organization: 'Antidiskriminierungsnetzwerk Rhein-Main (Beispiel)', name: 'Beratung bei Diskriminierung', postcode: '60487', street: 'Leipziger Straße 20', confirmedMonthsAgo: 2,
    description: 'Unterstützung bei Diskriminierung am Arbeitsplatz, bei der Wohnungssuche und im Alltag; Information zum Allgemeinen Gleichbehandlungsgesetz (AGG).',
    topics: ['antidiskriminierung'], languages: ['de', 'en', 'fa'], en: 'Anti-discrimination counselling', ar: 'استشارات ضد التمييز',
    easyRead: 'Jemand behandelt Sie schlecht?\nWeil Sie aus einem anderen Land kommen?\nDas ist verboten.\nWir helfen Ihnen.' },
  { organization: 'Netzwerk gegen Diskriminierung Nordhessen (Beispiel)', name: 'Antidiskriminierungsberatung Nordhessen', postcode: '34117', street: 'Friedrichsplatz 1', confirmedMonthsAgo: 6,
    description: 'Erstberatung und Begleitung für Betroffene von Diskriminierung in Nordhessen.', topics: ['antidiskriminierung'], languages: ['de', 'ru', 'uk'] },
  { organization: 'Regierungspräsidium Darmstadt (Beispiel)', name: 'Ausländerangelegenheiten und Einbürgerung', postcode: '64283', street: 'Wilhelminenstraße 1–3', confirmedMonthsAgo: 4,
    description: 'Zuständig für Einbürgerung und Fragen des Aufenthaltsrechts im Regierungsbezirk Darmstadt. Formulare und Termine.', topics: ['migrationsberatung', 'flucht-asyl'], languages: ['de'] },
  { organization: 'Regierungspräsidium Gießen (Beispiel)', name: 'Erstaufnahme und Asylverfahren', postcode: '35390', street: 'Landgraf-Philipp-Platz 1–7', confirmedMonthsAgo: 8,
    description: 'Erstaufnahmeeinrichtung des Landes Hessen; Information zum Asylverfahren.', topics: ['flucht-asyl'], languages: ['de', 'ar', 'fa', 'ti'] },
  { organization: 'Regierungspräsidium Kassel (Beispiel)', name: 'Anerkennung ausländischer Berufsabschlüsse', postcode: '34117', street: 'Am Alten Stadtschloss 1', confirmedMonthsAgo: 1,
    description: 'Beratung und Antrag zur Anerkennung von Berufsabschlüssen aus dem Ausland.', topics: ['arbeit', 'bildung-sprache'], languages: ['de', 'en'] },
  { organization: 'Minijob-Zentrale (Beispiel-Servicestelle)', name: 'Minijobs: Anmeldung und Beratung', postcode: '60311', street: 'Zeil 100', confirmedMonthsAgo: 5,
    description: 'Fragen zu Minijobs, Anmeldung im Haushalt und in Vereinen, Übungsleiterpauschale.', topics: ['arbeit', 'vereinsrecht'], languages: ['de', 'en', 'tr'],
    en: 'Mini-jobs: registration and advice', tr: 'Mini işler: kayıt ve danışmanlık' },
  { organization: 'Sprachschule Brücke e. V. (Beispiel)', name: 'Integrationskurse und Berufssprachkurse', postcode: '63450', street: 'Nürnberger Straße 5', confirmedMonthsAgo: 2,
    also: { postcode: '63065', street: 'Frankfurter Straße 40' },
    description: 'Integrationskurse (A1–B1), Alphabetisierung und Berufssprachkurse mit Kinderbetreuung.', topics: ['bildung-sprache'], languages: ['de', 'ar', 'uk', 'ru'],
    en: 'Integration and job-related language courses', ar: 'دورات الاندماج ودورات اللغة المهنية',
    easyRead: 'Sie wollen Deutsch lernen?\nBei uns gibt es Deutsch-Kurse.\nAuch mit Kinder-Betreuung.' },
  { organization: 'Volkshochschule Wetzlar (Beispiel)', name: 'Deutschkurse für Frauen', postcode: '35578', street: 'Schulstraße 2', confirmedMonthsAgo: 10,
    description: 'Deutschkurse am Vormittag für Frauen, mit Kinderbetreuung.', topics: ['bildung-sprache', 'frauen'], languages: ['de', 'ar', 'tr'] },
  { organization: 'Landesnetzwerk Vereinsberatung (Beispiel)', name: 'Vereinsberatung: Gründung, Satzung, Gemeinnützigkeit', postcode: '65183', street: 'Rheinstraße 30', confirmedMonthsAgo: 3,
    description: 'Beratung für Migrantenorganisationen zu Gründung, Satzung, Vorstand und Gemeinnützigkeit.', topics: ['vereinsrecht', 'foerderung'], languages: ['de', 'en'] },
  { organization: 'Jugendmigrationsdienst Hanau (Beispiel)', name: 'Jugendmigrationsdienst', postcode: '63450', street: 'Am Markt 1', confirmedMonthsAgo: 6,
    description: 'Begleitung für junge Zugewanderte von 12 bis 27 Jahren: Schule, Ausbildung, Beruf.', topics: ['jugend', 'migrationsberatung'], languages: ['de', 'en', 'ar'] },
];

export async function loadWegweiserDemo(db: Kysely<Database>, today: string): Promise<void> {
  const existing = await db.selectFrom('wegweiser_service').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const actor = { id: null, role: 'staff' as const, email: 'demo@kompetenzzentrum.example' };
  for (const [index, entry] of entries.entries()) {
    const place = await findPostcode(entry.postcode);
    const input: ServiceInput = {
      ...emptyServiceInput(), organizationName: entry.organization, name: entry.name, description: entry.description, topics: entry.topics,
      areas: place ? [place.district] : [], languages: entry.languages, phone: `0${600 + index} 123 45${index % 10}`,
      email: `beratung${index + 1}@beispiel.example`, openingHours: 'Mo–Do 9–12 Uhr, Di 14–17 Uhr', assurerName: `Ansprechperson ${index + 1}`,
      assurerEmail: `bestaetigung${index + 1}@beispiel.example`,
      locations: [{ name: null, address_1: entry.street, postal_code: entry.postcode, city: place?.municipality ?? null, latitude: place?.latitude ?? null, longitude: place?.longitude ?? null,
        transportation: 'Bus und Straßenbahn, Haltestelle in der Nähe', accessibility: index % 3 === 0 ? 'Stufenloser Zugang, Aufzug' : null }, ...(await secondLocation(entry))],
      translations: { en: entry.en ? { name: entry.en } : undefined, ar: entry.ar ? { name: entry.ar } : undefined, tr: entry.tr ? { name: entry.tr } : undefined },
      easyRead: entry.easyRead ?? null, easyReadChecked: Boolean(entry.easyRead),
    };
    const outcome = await saveService(db, actor, input, { now: new Date(`${today}T08:00:00Z`) });
    if (!outcome.ok) throw new Error(`demo Wegweiser entry ${entry.name}: ${JSON.stringify(outcome.problems)}`);
    await db.updateTable('wegweiser_service').set({ assured_date: addMonths(today, -entry.confirmedMonthsAgo) }).where('id', '=', outcome.id).execute();
  }
}
