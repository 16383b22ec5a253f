import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Language } from '../../i18n/index.js';
import type { PageKey } from './pages.js';

/**
 * The demo's portal pages: German texts of a fictional competence centre in
 * Hessen, some translated, the English home page one German edit behind
 * (so the staff list shows every translation status). Written directly, as a
 * fresh demo database has no staff account to be the author.
 */
interface DemoVersion {
  pageKey: PageKey;
  language: Language;
  title: string;
  description: string;
  body: string;
  germanRevision: number;
}

const german: DemoVersion[] = [
  {
    pageKey: 'home', language: 'de', germanRevision: 2, title: 'Kompetenzzentrum für Migrantenorganisationen in Hessen',
    description: 'Beratung, Fortbildung und Förderung für Vereine von Migrantinnen und Migranten in ganz Hessen.',
    body: '<p>Wir unterstützen Vereine und Initiativen von Migrantinnen und Migranten in ganz Hessen: mit Beratung zu Vereinsarbeit und Fördermitteln, mit Fortbildungen und mit landesweiten Vernetzungstreffen.</p>\n<h2>So finden Sie, was Sie suchen</h2>\n<ul><li>Unsere <a href="/angebote">Angebote</a>: Beratung, Schulungen und die WIR-Mikroprojekte</li><li>Der <a href="/calendar">Veranstaltungskalender</a> mit allen Terminen</li><li>Unser Team erreichen Sie über die Seite <a href="/kontakt">Kontakt</a></li></ul>',
  },
  {
    pageKey: 'offers', language: 'de', germanRevision: 1, title: 'Unsere Angebote',
    description: 'Beratung, Schulungen und Förderung kleiner Projekte für Migrantenorganisationen.',
    body: '<h2>Beratung</h2>\n<p>Wir beraten Vereine kostenlos: zur Gründung, zur Satzung, zur Gemeinnützigkeit und zu Förderanträgen. Die Beratung ist vor Ort, am Telefon oder per Video möglich.</p>\n<h2>Schulungen</h2>\n<p>In unseren Schulungen lernen Vorstände und Ehrenamtliche, wie sie Projekte planen, Anträge schreiben und Fördermittel abrechnen.</p>\n<h2>WIR-Mikroprojekte</h2>\n<p>Mit Mitteln des Landesprogramms WIR fördern wir kleine Projekte von Vereinen mit bis zu 3.000 Euro.</p>',
  },
  {
    pageKey: 'about', language: 'de', germanRevision: 1, title: 'Über das Zentrum',
    description: 'Wer wir sind und wie das Kompetenzzentrum arbeitet.',
    body: '<p>Das Kompetenzzentrum ist ein Projekt im Landesprogramm WIR. Es wird vom Hessischen Ministerium für Arbeit, Integration, Jugend und Soziales gefördert.</p>\n<p>Unser Ziel: Migrantenorganisationen sollen gleichberechtigt am gesellschaftlichen Leben teilhaben und ihre Arbeit selbst gestalten können.</p>',
  },
  {
    pageKey: 'contact', language: 'de', germanRevision: 1, title: 'Kontakt',
    description: 'So erreichen Sie die Projektleitung und das Team des Zentrums.',
    body: '<h2>Projektleitung</h2>\n<p>Dr. Leyla Demir und Jonas Albrecht<br />Telefon: <a href="tel:+4969000000">069 000 000</a><br />E-Mail: <a href="mailto:kontakt@mosaik.example">kontakt@mosaik.example</a></p>\n<h2>Sprechzeiten</h2>\n<p>Montag bis Donnerstag, 9 bis 16 Uhr</p>',
  },
  {
    pageKey: 'imprint', language: 'de', germanRevision: 1, title: 'Impressum',
    description: 'Angaben gemäß § 5 Digitale-Dienste-Gesetz.',
    body: '<p>Kompetenzzentrum für Migrantenorganisationen (Demo)<br />Musterstraße 1<br />60311 Frankfurt am Main</p>\n<p>Vertreten durch den Vorstand des Trägervereins. Verantwortlich für den Inhalt: Dr. Leyla Demir.</p>',
  },
  {
    pageKey: 'privacy', language: 'de', germanRevision: 1, title: 'Datenschutzerklärung',
    description: 'Wie wir mit Ihren Daten umgehen.',
    body: '<p>Diese Seiten laden nichts von fremden Servern: Schriften und alle Dateien kommen von unserem eigenen Server. Wir setzen keine Analyse- oder Werbe-Cookies.</p>\n<p>Wenn Sie sich zu einer Veranstaltung anmelden, speichern wir Ihre Angaben nur für diese Veranstaltung und ihre Auswertung.</p>',
  },
  {
    pageKey: 'accessibility', language: 'de', germanRevision: 1, title: 'Erklärung zur Barrierefreiheit',
    description: 'Wie barrierefrei dieses Portal ist und wie Sie uns Barrieren melden.',
    body: '<p>Wir möchten, dass alle Menschen unser Portal nutzen können. Diese Erklärung gilt nach dem Hessischen Behindertengleichstellungsgesetz (HessBGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0).</p>\n<h2>Stand der Vereinbarkeit</h2>\n<p>Das Portal ist weitgehend mit den Anforderungen vereinbar. Wir prüfen jede Seite mit automatischen Tests und von Hand.</p>',
  },
];

const translations: DemoVersion[] = [
  // made from the home page's first German text: outdated since the second
  {
    pageKey: 'home', language: 'en', germanRevision: 1, title: 'Competence centre for migrant organisations in Hesse',
    description: 'Advice, training and funding for associations of migrants throughout Hesse.',
    body: '<p>We support associations and initiatives of migrants throughout Hesse with advice, training and state-wide network meetings.</p>',
  },
  {
    pageKey: 'offers', language: 'en', germanRevision: 1, title: 'What we offer',
    description: 'Advice, training and funding of small projects for migrant organisations.',
    body: '<h2>Advice</h2>\n<p>We advise associations free of charge: on founding, statutes, charitable status and funding applications.</p>\n<h2>Training</h2>\n<p>Board members and volunteers learn how to plan projects, write applications and account for funding.</p>',
  },
  {
    pageKey: 'home', language: 'tr', germanRevision: 2, title: 'Hessen Göçmen Örgütleri Yetkinlik Merkezi',
    description: 'Hessen genelinde göçmen dernekleri için danışmanlık, eğitim ve destek.',
    body: '<p>Hessen genelindeki göçmen derneklerini ve girişimlerini danışmanlık, eğitimler ve eyalet çapındaki ağ toplantılarıyla destekliyoruz.</p>',
  },
  {
    pageKey: 'home', language: 'ar', germanRevision: 2, title: 'مركز الكفاءات لمنظمات المهاجرين في ولاية هسن',
    description: 'استشارات وتدريب ودعم لجمعيات المهاجرين في جميع أنحاء هسن.',
    body: '<p>ندعم جمعيات ومبادرات المهاجرين في جميع أنحاء ولاية هسن بالاستشارات والدورات التدريبية ولقاءات التواصل على مستوى الولاية.</p>',
  },
];

const easyRead = [
  { topic: 'offers', title: 'Was finden Sie hier?', body: '<p>Auf dieser Internet-Seite finden Sie Hilfe für Vereine.</p>\n<p>Vereine von Menschen aus anderen Ländern bekommen hier Beratung.</p>', checked_by: 'Prüfgruppe Leichte Sprache Kassel', checked_on: '2026-02-10' },
  { topic: 'navigation', title: 'So finden Sie sich zurecht', body: '<p>Oben auf der Seite ist das Menü.</p>\n<p>Dort finden Sie alle Themen.</p>', checked_by: 'Prüfgruppe Leichte Sprache Kassel', checked_on: '2026-02-10' },
  { topic: 'statement', title: 'Barriere-Freiheit', body: '<p>Wir wollen: Alle Menschen können diese Seite benutzen.</p>\n<p>Ist etwas schwer für Sie? Dann schreiben Sie uns.</p>', checked_by: '', checked_on: null },
  { topic: 'more', title: 'Mehr Leichte Sprache', body: '<p>Mehr Informationen in Leichter Sprache finden Sie beim Land Hessen.</p>', checked_by: '', checked_on: null },
];

export async function loadPortalDemo(db: Kysely<Database>, _context: { today: string }): Promise<void> {
  const existing = await db.selectFrom('portal_page_version').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const published = new Date('2026-01-15T09:00:00Z');
  const row = (version: DemoVersion, revision: number) => ({
    page_key: version.pageKey, language: version.language, revision, title: version.title, description: version.description,
    body: version.body, german_revision: version.germanRevision, author_account_id: null, published_at: published,
  });
  const home = german[0];
  // the home page's first German text, from which the English one was made; revision 2 added where to find things
  const firstHome = { ...home, germanRevision: 1, body: '<p>Wir unterstützen Vereine und Initiativen von Migrantinnen und Migranten in ganz Hessen.</p>' };
  await db
    .insertInto('portal_page_version')
    .values([row(firstHome, 1), row(home, 2), ...german.slice(1).map((version) => row(version, 1)), ...translations.map((version) => row(version, 1))])
    .execute();
  await db.insertInto('portal_easy_read').values(easyRead.map((text) => ({ ...text, updated_by: null }))).execute();
}
