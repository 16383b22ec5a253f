import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/tables.js';
import { normalisePersonName } from './names/index.js';

/*
 * The personal-data catalogue's language, shared by every module: each module
 * describes its own tables in its personal-data.ts with these types and
 * helpers and brings them through its `module` (src/modules/module.ts); the
 * privacy module builds export, erasure, retention and docs/privacy.md from
 * the whole list (src/modules/privacy/personal-data.ts). Kept outside any
 * module folder so that every module can use it without depending on the
 * privacy module, which itself uses many of them.
 */

/**
 * The data subject of an export or an erasure: a person record, or an
 * account without one (GET /my/data). Rows that carry no person id are
 * matched by the rule below (docs/privacy.md, "Zuordnung"):
 *  - the same e-mail address (case-insensitive), anywhere; or
 *  - the same normalised name (normalisePersonName, the rule that computes
 *    participation.person_key) within one of the person's organisations
 *    (their roles; for an account, its representative scope).
 * A name alone, outside the person's organisations, never matches: two people
 * called "Ayşe Yılmaz" in different associations are two people.
 */
export interface DataSubject {
  personId: number | null;
  accountId: number | null;
  /** The name as held (person.full_name, or the account's display name). */
  name: string;
  /** normalisePersonName(name); '' when there is no name. */
  nameKey: string;
  /** Lower-cased, without empty ones. */
  emails: string[];
  organisationIds: number[];
}

export type Db = Kysely<Database>;
export type Row = Record<string, unknown>;

export type Category = 'contact' | 'special' | 'consultation' | 'free_text' | 'technical';

export interface NotPersonal {
  table: string;
  personal: false;
  why: string;
}

export interface Personal {
  table: string;
  personal: true;
  /** The columns holding personal data. */
  columns: string[];
  categories: Category[];
  /** Whose data (Kategorien betroffener Personen). */
  subjects: string;
  purpose: string;
  legalBasis: string;
  recipients: string;
  /** The retention rule in words; `rule` names the retention_rule row that enforces it. */
  retention: string;
  rule?: string;
  /** The matching rule in words. */
  finds: string;
  find(db: Db, subject: DataSubject): Promise<Row[]>;
  erasure: string;
  /** Erases the rows `find` returned (called for every table before any is changed: finding first, then erasing). */
  erase(db: Db, subject: DataSubject, rows: Row[]): Promise<void>;
  /** Columns never shown in an export (secrets: token hashes, password hashes, file contents). */
  hidden?: string[];
  /**
   * For the export and erasure tests: writes one row naming the test person
   * (samples.test-support.ts holds those of the older tables; a module of
   * src/modules/registry.ts brings its own here).
   */
  sample?: (db: Db, fixture: SampleFixture) => Promise<void>;
}

/** The rows the privacy tests create first (samples.test-support.ts, seedPerson): the test person, their organisation, an event. */
export interface SampleFixture {
  personId: number;
  accountId: number;
  organisationId: number;
  otherOrganisationId: number;
  eventId: number;
  registrationId: number;
}

export type CatalogueEntry = NotPersonal | Personal;

export const rows = async (db: Db, query: RawBuilder<unknown>) => (await query.execute(db)).rows as Row[];
export const idsOf = (found: Row[], column = 'id') => found.map((row) => row[column] as number);
/** `column in (ids)`; false for none (an empty `in ()` is a syntax error). */
export const idIn = (column: string, ids: unknown[]) => (ids.length === 0 ? sql`false` : sql`${sql.ref(column)} in (${sql.join(ids)})`);
export const orgIn = (subject: DataSubject, column: string) => idIn(column, subject.organisationIds);

export const staffAccount = 'Mitarbeitende des Zentrums (Konto-Referenz) / centre staff (account reference)';
export const centre = 'Mitarbeitende des Zentrums (admin, staff); keine Weitergabe';
export const centreAndCoordinators = 'Mitarbeitende des Zentrums; Koordinierende ihrer Landkreise (lesend); Auswertungen nur als Summen (Förderer, kleine Zahlen verborgen), Evaluation nur pseudonymisiert';
export const contract = 'Art. 6 Abs. 1 lit. b DSGVO (Anmeldung, Nutzung des Angebots)';
export const publicTask = 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. dem Förderauftrag des Zentrums; Art. 9 Abs. 2 lit. a DSGVO (Einwilligung), soweit die Vereinszugehörigkeit die ethnische Herkunft erkennen lässt';
export const legitimate = 'Art. 6 Abs. 1 lit. f DSGVO (Sicherheit und Nachvollziehbarkeit des Betriebs)';
export const accountDeleteRows = (table: string, column = 'account_id') => async (db: Db, subject: DataSubject) => {
  if (subject.accountId !== null) await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = ${subject.accountId}`.execute(db);
};
export const accountNullRows = (table: string, columns: string[]) => async (db: Db, subject: DataSubject) => {
  if (subject.accountId === null) return;
  for (const column of columns) await sql`update ${sql.table(table)} set ${sql.ref(column)} = null where ${sql.ref(column)} = ${subject.accountId}`.execute(db);
};

/** `lower(column) in (the subject's e-mails)`; false when there are none. */
export function emailMatches(subject: DataSubject, column: string): RawBuilder<boolean> {
  if (subject.emails.length === 0) return sql<boolean>`false`;
  return sql<boolean>`lower(trim(${sql.ref(column)})) in (${sql.join(subject.emails)})`;
}

/** A normalised-name column equal to the subject's, within the subject's organisations. */
export function nameKeyMatches(subject: DataSubject, keyColumn: string, organisationColumn: string): RawBuilder<boolean> {
  if (!subject.nameKey || subject.organisationIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.ref(keyColumn)} = ${subject.nameKey} and ${sql.ref(organisationColumn)} in (${sql.join(subject.organisationIds)}))`;
}

/** The subject's own account id in a column; false without an account. */
export function accountMatches(subject: DataSubject, column: string): RawBuilder<boolean> {
  if (subject.accountId === null) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(column)} = ${subject.accountId}`;
}

/** Whether a free text names the subject: the normalised name as whole words, or an e-mail address. */
export function textNames(subject: DataSubject, text: unknown): boolean {
  if (typeof text !== 'string' || !text) return false;
  const lower = text.toLowerCase();
  if (subject.emails.some((email) => lower.includes(email))) return true;
  return subject.nameKey.length > 0 && ` ${normalisePersonName(text)} `.includes(` ${subject.nameKey} `);
}

/**
 * Free-text columns that may name the subject: a coarse SQL prefilter (an
 * e-mail, or the longest part of the name with diacritics folded by
 * person_search_name of 031_people.sql), refined in code by textNames.
 */
export function textMayName(subject: DataSubject, column: string): RawBuilder<boolean> {
  const like = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const conditions = subject.emails.map((email) => sql`${sql.ref(column)} ilike ${like(email)}`);
  const longest = subject.name.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0] ?? '';
  if (longest.length >= 2) conditions.push(sql`person_search_name(${sql.ref(column)}) like person_search_name(${like(longest)})`);
  if (conditions.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(conditions, sql` or `)})`;
}

export const erasedName = 'Gelöschte Person';
export const redaction = '[gelöscht]';

/**
 * The text with every mention of the subject replaced: the e-mail addresses,
 * and the name however it is written (umlauts, accents, hyphens, case), found
 * as a run of words whose normalised forms are the name's.
 */
export function redact(subject: DataSubject, text: string | null): string | null {
  if (text === null) return null;
  let result = text;
  for (const email of subject.emails) result = result.replace(new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), redaction);
  const nameWords = subject.nameKey.split(' ').filter(Boolean);
  if (nameWords.length === 0) return result;
  const words = [...result.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, key: normalisePersonName(match[0]) }));
  const spans: [number, number][] = [];
  for (let i = 0; i + nameWords.length <= words.length; i++) {
    if (nameWords.every((word, offset) => words[i + offset].key === word)) {
      spans.push([words[i].start, words[i + nameWords.length - 1].end]);
      i += nameWords.length - 1;
    }
  }
  for (const [start, end] of spans.reverse()) result = `${result.slice(0, start)}${redaction}${result.slice(end)}`;
  return result;
}
