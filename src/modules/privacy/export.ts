import { writeAudit } from '../identity/index.js';
import { redactSecretLinks } from '../mail/index.js';
import { personalTables } from './personal-data.js';
import { accountSubject, personSubject, type DataSubject, type Db, type Row } from './subject.js';

/**
 * The per-person export (Art. 15 and 20 GDPR): every row of every personal
 * table that the catalogue's finders attribute to the subject. Built only from
 * the catalogue, so a personal table added there is exported without more code.
 */

export const matchingRule = {
  de: 'Zeilen mit Personen-Id oder Konto-Id gehören der Person. Zeilen ohne Id gehören ihr bei gleicher E-Mail-Adresse (Groß-/Kleinschreibung egal) oder bei gleichem normalisierten Namen (Umlaute, Akzente, Satzzeichen und Großschreibung ausgeglichen) innerhalb einer ihrer Organisationen. Freitexte (Beratung, Rückmeldungen, Notizen) gehören ihr, wenn sie Namen oder E-Mail nennen.',
  en: 'Rows with the person id or account id belong to the person. Rows without an id belong to them when the e-mail address is the same (ignoring case), or the normalised name (umlauts, accents, punctuation and case folded) is the same within one of their organisations. Free texts (consultations, feedback, notes) belong to them when they name their name or e-mail.',
};

export interface ExportTable {
  table: string;
  purpose: string;
  legalBasis: string;
  retention: string;
  columns: string[];
  rows: Row[];
}

export interface PersonExport {
  generatedAt: string;
  subject: { personId: number | null; accountId: number | null; name: string; emails: string[]; organisationIds: number[] };
  matchingRule: { de: string; en: string };
  tables: ExportTable[];
}

/**
 * A value as JSON can carry it: instants as ISO strings, binary data left out,
 * and secret links (a live set-password or manage link in a mail's text)
 * redacted: an export is read, forwarded and stored far from the mailbox.
 */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return redactSecretLinks(value);
  if (value instanceof Uint8Array) return `(${value.byteLength} bytes)`;
  return value;
}

/** Finds the subject's rows in every personal table (the same finders the erasure uses). */
export async function findEverything(db: Db, subject: DataSubject): Promise<Map<string, Row[]>> {
  const found = new Map<string, Row[]>();
  // one after another: PGlite has one connection, and a transaction must not interleave
  for (const entry of personalTables()) found.set(entry.table, await entry.find(db, subject));
  return found;
}

export async function buildExport(db: Db, subject: DataSubject, now = new Date()): Promise<PersonExport> {
  const found = await findEverything(db, subject);
  const tables: ExportTable[] = personalTables().map((entry) => {
    const hidden = new Set(entry.hidden ?? []);
    const rows = (found.get(entry.table) ?? []).map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !hidden.has(column)).map(([column, value]) => [column, plain(value)])));
    const columns = rows.length > 0 ? Object.keys(rows[0]) : [];
    return { table: entry.table, purpose: entry.purpose, legalBasis: entry.legalBasis, retention: entry.retention, columns, rows };
  });
  return {
    generatedAt: now.toISOString(),
    subject: { personId: subject.personId, accountId: subject.accountId, name: subject.name, emails: subject.emails, organisationIds: subject.organisationIds },
    matchingRule,
    tables,
  };
}

/** The export of a person record, audited as 'person.export'; null when there is no such person. */
export async function exportPerson(db: Db, personId: number, actorId: number, format: 'json' | 'page'): Promise<PersonExport | null> {
  const subject = await personSubject(db, personId);
  if (!subject) return null;
  const result = await buildExport(db, subject);
  await writeAudit(db, { accountId: actorId, action: 'person.export', subjectType: 'person', subjectId: personId, details: { format, rows: rowCount(result) } });
  return result;
}

/** "My data": the signed-in account's own export (via its person record, or the account alone). */
export async function exportOwnData(db: Db, accountId: number, format: 'json' | 'page'): Promise<PersonExport | null> {
  const subject = await accountSubject(db, accountId);
  if (!subject) return null;
  const result = await buildExport(db, subject);
  await writeAudit(db, {
    accountId,
    action: subject.personId === null ? 'account.export' : 'person.export',
    subjectType: subject.personId === null ? 'account' : 'person',
    subjectId: subject.personId ?? accountId,
    details: { format, own: true, rows: rowCount(result) },
  });
  return result;
}

export const rowCount = (result: PersonExport) => result.tables.reduce((sum, table) => sum + table.rows.length, 0);
