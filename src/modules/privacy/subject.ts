import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/tables.js';
import { normalisePersonName } from '../names/index.js';

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

const unique = <T,>(values: T[]) => [...new Set(values)];

export async function personSubject(db: Db, personId: number): Promise<DataSubject | null> {
  const person = await db.selectFrom('person').select(['id', 'full_name', 'email', 'account_id']).where('id', '=', personId).executeTakeFirst();
  if (!person) return null;
  const roles = await db.selectFrom('person_role').select('organisation_id').where('person_id', '=', personId).execute();
  const account = person.account_id
    ? await db.selectFrom('account').select(['email']).where('id', '=', person.account_id).executeTakeFirst()
    : undefined;
  return {
    personId: person.id,
    accountId: person.account_id,
    name: person.full_name,
    nameKey: normalisePersonName(person.full_name),
    emails: unique([person.email, account?.email].filter((e): e is string => Boolean(e?.trim())).map((e) => e.trim().toLowerCase())),
    organisationIds: unique(roles.map((role) => role.organisation_id)),
  };
}

/** The subject of "my data": the person linked to the account, or the account alone. */
export async function accountSubject(db: Db, accountId: number): Promise<DataSubject | null> {
  const person = await db.selectFrom('person').select('id').where('account_id', '=', accountId).where('erased_at', 'is', null).orderBy('id').executeTakeFirst();
  if (person) return personSubject(db, person.id);
  const account = await db.selectFrom('account').select(['id', 'email', 'display_name']).where('id', '=', accountId).executeTakeFirst();
  if (!account) return null;
  const scopes = await db.selectFrom('account_scope').select('organisation_id').where('account_id', '=', accountId).where('organisation_id', 'is not', null).execute();
  return {
    personId: null,
    accountId: account.id,
    name: account.display_name,
    nameKey: normalisePersonName(account.display_name),
    emails: account.email.trim() ? [account.email.trim().toLowerCase()] : [],
    organisationIds: unique(scopes.map((scope) => scope.organisation_id!)),
  };
}

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
