import { columnsOf, type ImportKind } from './schemas.js';

/**
 * The German headings staff write above their lists, as aliases of the
 * spec's column names (docs/exchange.md, "Mosaik additions"). Headings are
 * compared after `headingKey`: case, accents, spaces, hyphens, underscores
 * and other punctuation do not matter, so "E-Mail", "e_mail" and "EMAIL" are
 * one heading, and "Gründungsjahr" matches "Grundungsjahr".
 *
 * An alias belongs to one list kind: "Veranstaltung" is the title of an
 * event in an events list but the event's key in an attendance list.
 */
export const columnAliases: Record<ImportKind, Record<string, string[]>> = {
  organizations: {
    org_key: ['Schlüssel', 'Kennung', 'ID', 'Organisationsschlüssel', 'Organisationsnummer'],
    name: ['Name', 'Organisation', 'Verein', 'Organisation/Verein', 'Organisationsname', 'Name der Organisation', 'Vereinsname'],
    aliases: ['Andere Namen', 'Kurzname', 'Abkürzung', 'Auch genannt'],
    legal_form: ['Rechtsform'],
    founded_year: ['Gründungsjahr', 'Gegründet', 'Gründung'],
    orientation: ['Ausrichtung'],
    municipality: ['Ort', 'Gemeinde', 'Stadt', 'Kommune'],
    district: ['Landkreis', 'Kreis'],
    postcode: ['PLZ', 'Postleitzahl'],
    fields: ['Handlungsfelder', 'Tätigkeitsfelder', 'Arbeitsfelder', 'Themenfelder'],
    email: ['E-Mail', 'Mail', 'E-Mail-Adresse'],
    website: ['Webseite', 'Website', 'Internetseite', 'Homepage'],
    phone: ['Telefon', 'Tel', 'Telefonnummer'],
  },
  events: {
    event_key: ['Schlüssel', 'Kennung', 'ID', 'Veranstaltungsschlüssel', 'Veranstaltungsnummer'],
    title: ['Veranstaltung', 'Titel', 'Veranstaltungstitel', 'Name der Veranstaltung'],
    format: ['Format', 'Veranstaltungsformat'],
    start_date: ['Datum', 'Beginn', 'Startdatum', 'Veranstaltungsdatum'],
    organizer: ['Veranstalter', 'Ausrichter'],
    municipality: ['Ort', 'Gemeinde', 'Stadt', 'Veranstaltungsort'],
    district: ['Landkreis', 'Kreis'],
    capacity: ['Plätze', 'Kapazität', 'Teilnehmerzahl (max.)'],
    per_org_limit: ['Plätze je Organisation', 'Plätze pro Organisation', 'Höchstzahl je Organisation'],
  },
  participants: {
    event_key: ['Veranstaltung', 'Veranstaltungsschlüssel', 'Veranstaltungsnummer'],
    organization: ['Organisation', 'Verein', 'Organisation/Verein', 'Migrantenorganisation'],
    person: ['Name', 'Person', 'Teilnehmer', 'Teilnehmerin', 'Teilnehmende', 'Vor- und Nachname'],
    email: ['E-Mail', 'Mail', 'E-Mail-Adresse'],
  },
  feedback: {
    event_key: ['Veranstaltung', 'Veranstaltungsschlüssel', 'Veranstaltungsnummer'],
    response_key: ['Bogen', 'Bogennummer', 'Fragebogen', 'Fragebogennummer', 'Antwortnummer'],
    ...Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`q${index + 1}`, [`Frage ${index + 1}`, `F${index + 1}`]])),
    comment_more: ['Kommentar', 'Anmerkungen', 'Weitere Anmerkungen'],
    comment_improve: ['Verbesserungsvorschläge', 'Verbesserung', 'Was kann besser werden'],
    language: ['Sprache'],
  },
  consultations: {
    date: ['Datum', 'Beratungsdatum'],
    organization: ['Organisation', 'Verein', 'Organisation/Verein'],
    channel: ['Kanal', 'Beratungsweg', 'Weg', 'Art'],
    topic: ['Thema', 'Anliegen'],
    duration_minutes: ['Dauer', 'Dauer (Minuten)', 'Dauer (Min.)', 'Minuten'],
  },
  grants: {
    year: ['Jahr', 'Förderjahr'],
    organization: ['Organisation', 'Verein', 'Organisation/Verein', 'Antragsteller'],
    application_type: ['Antragsart', 'Antragstyp'],
    status: ['Status'],
    approved_on: ['Bewilligt am', 'Bewilligungsdatum'],
    summary: ['Zusammenfassung', 'Vorhaben', 'Projekt', 'Kurzbeschreibung'],
    amount_eur: ['Betrag', 'Betrag (EUR)', 'Betrag in Euro', 'Fördersumme', 'Summe'],
    duration_months: ['Laufzeit', 'Laufzeit (Monate)', 'Dauer (Monate)'],
  },
};

/**
 * The first column of a file of rejected rows (rejected.ts): the problem of
 * each row. Ignored on upload, so that the corrected file can go back as it is.
 */
export const problemColumn = 'Fehler / Problem';
const ignoredHeadings = new Set([problemColumn, 'Fehler', 'Problem'].map(headingKey));

/** A heading without case, accents, ß, spaces or punctuation: "E-Mail" and "e_mail" are both "email". */
export function headingKey(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const lookups = new Map<ImportKind, Map<string, string>>();

function lookupOf(kind: ImportKind): Map<string, string> {
  let lookup = lookups.get(kind);
  if (!lookup) {
    lookup = new Map();
    for (const column of columnsOf(kind)) lookup.set(headingKey(column), column);
    for (const [column, aliases] of Object.entries(columnAliases[kind])) {
      for (const alias of aliases) if (!lookup.has(headingKey(alias))) lookup.set(headingKey(alias), column);
    }
    lookups.set(kind, lookup);
  }
  return lookup;
}

/** The spec's column a heading names in a list of this kind, 'ignored' for the problem column, or undefined. */
export function columnOfHeading(kind: ImportKind, heading: string): string | 'ignored' | undefined {
  const key = headingKey(heading);
  if (ignoredHeadings.has(key)) return 'ignored';
  return lookupOf(kind).get(key);
}

/** "title (Veranstaltung, Titel)": a column with its first German aliases, for messages. */
export function columnWithAliases(kind: ImportKind, column: string, count = 1): string {
  const aliases = (columnAliases[kind][column] ?? []).slice(0, count);
  return aliases.length > 0 ? `${column} (${aliases.join(', ')})` : column;
}
