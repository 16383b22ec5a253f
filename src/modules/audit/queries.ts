import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/tables.js';
import { isIsoDay, normaliseDay } from '../../ui/dates.js';

/**
 * The audit log as the admin audit view reads it: filtered, newest first,
 * paged by id (keyset: the log only grows, and an offset into millions of
 * rows would read them all). Indexes: 036_audit_evaluation.sql.
 */

export const auditKinds = ['reads', 'changes', 'exports', 'merges', 'erasures'] as const;
export type AuditKind = (typeof auditKinds)[number];

/**
 * What an action's verb (its last dotted part) says about its kind, as a
 * PostgreSQL regular expression. Every other action is a change.
 */
const kindPatterns: Record<Exclude<AuditKind, 'changes'>, string> = {
  reads: '\\.read$',
  exports: '\\.export[a-z_]*$',
  merges: '\\.merge[a-z_]*$',
  erasures: '\\.(erase|erasure|anonymi[sz]e)[a-z_]*$',
};

// a real calendar day: Date.parse would accept 2019-02-30 and PostgreSQL would not
// a filter's day as typed (31.03.2026) or picked (2026-03-31); src/ui/dates.ts
const isoDay = z.string().transform(normaliseDay).refine(isIsoDay);
const cursor = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The filter form; every field optional, a malformed one is dropped (and reported by the page). */
export const auditFilterSchema = z.object({
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  account: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().toLowerCase().regex(/^[a-z0-9_.]{0,80}$/).optional().catch(undefined),
  kind: z.enum(auditKinds).optional().catch(undefined),
  subjectType: z.string().trim().toLowerCase().regex(/^[a-z_]{0,40}$/).optional().catch(undefined),
  subjectId: z.string().trim().max(80).optional().catch(undefined),
  /** Keyset cursors: entries older than `before`, or newer than `after`. */
  before: cursor.optional().catch(undefined),
  after: cursor.optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditEntryRow {
  id: number;
  at: Date;
  accountId: number | null;
  accountEmail: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntryRow[];
  /** Cursor for the next older page, or null on the last one. */
  olderThan: number | null;
  /** Cursor for the next newer page, or null on the first one. */
  newerThan: number | null;
}

/** LIKE with the user's text taken literally. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** The conditions of a filter (period as calendar days in Berlin, both days included). */
function conditions(filter: AuditFilter): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (filter.from) where.push(sql<SqlBool>`a.at >= (${filter.from}::date)::timestamp at time zone 'Europe/Berlin'`);
  if (filter.to) where.push(sql<SqlBool>`a.at < (${filter.to}::date + 1)::timestamp at time zone 'Europe/Berlin'`);
  if (filter.account) {
    // the matching accounts first, so that audit_log_account_id serves the log
    where.push(sql<SqlBool>`a.account_id in (select id from account where lower(email) like ${`%${likeLiteral(filter.account.toLowerCase())}%`})`);
  }
  if (filter.action) where.push(sql<SqlBool>`a.action like ${`${likeLiteral(filter.action)}%`}`);
  if (filter.kind === 'changes') {
    for (const pattern of Object.values(kindPatterns)) where.push(sql<SqlBool>`a.action !~ ${pattern}`);
  } else if (filter.kind) {
    where.push(sql<SqlBool>`a.action ~ ${kindPatterns[filter.kind]}`);
  }
  if (filter.subjectType) where.push(sql<SqlBool>`a.subject_type = ${filter.subjectType}`);
  if (filter.subjectId) where.push(sql<SqlBool>`a.subject_id = ${filter.subjectId}`);
  return where;
}

function selectEntries(db: Kysely<Database>, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('account as c', 'c.id', 'a.account_id')
    .select(['a.id', 'a.at', 'a.account_id as accountId', 'c.email as accountEmail', 'a.action', 'a.subject_type as subjectType', 'a.subject_id as subjectId', 'a.details']);
  for (const condition of conditions(filter)) query = query.where(condition);
  return query;
}

interface SelectedRow extends Omit<AuditEntryRow, 'id' | 'at' | 'details'> {
  id: number | string;
  at: unknown;
  details: unknown;
}

const toRow = (row: SelectedRow): AuditEntryRow => ({
  ...row,
  id: Number(row.id),
  at: row.at instanceof Date ? row.at : new Date(String(row.at)),
  details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown>,
});

/** One page of the filtered log, newest first. */
export async function searchAudit(db: Kysely<Database>, filter: AuditFilter, pageSize: number): Promise<AuditPage> {
  const newer = filter.after !== undefined && filter.before === undefined;
  let query = selectEntries(db, filter);
  if (newer) query = query.where('a.id', '>', filter.after!).orderBy('a.id', 'asc');
  else query = (filter.before !== undefined ? query.where('a.id', '<', filter.before) : query).orderBy('a.id', 'desc');
  const rows = (await query.limit(pageSize + 1).execute()).map(toRow);
  const more = rows.length > pageSize;
  const entries = rows.slice(0, pageSize);
  if (newer) entries.reverse();
  const first = entries[0]?.id;
  const last = entries.at(-1)?.id;
  return {
    entries,
    olderThan: last !== undefined && (newer || more) ? last : null,
    newerThan: first !== undefined && (newer ? more : filter.before !== undefined) ? first : null,
  };
}

/** Every entry of the filter, newest first, read in batches (the exports stream them). */
export async function* allAuditEntries(db: Kysely<Database>, filter: AuditFilter, batchSize = 1000): AsyncGenerator<AuditEntryRow> {
  let before = filter.before;
  for (;;) {
    const batch = await searchAudit(db, { ...filter, before, after: undefined }, batchSize);
    yield* batch.entries;
    if (batch.olderThan === null) return;
    before = batch.olderThan;
  }
}

/** Where an entry's subject can be looked at, for the subject types that have a page. */
export function subjectHref(subjectType: string, subjectId: string | null): string | null {
  if (!subjectId || !/^\d+$/.test(subjectId)) return null;
  const pages: Record<string, string> = {
    organisation: '/organisations/',
    person: '/people/',
    consultation: '/consultations/',
    event: '/events/',
    account: '/admin/accounts/',
  };
  return subjectType in pages ? `${pages[subjectType]}${subjectId}` : null;
}
