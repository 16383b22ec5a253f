import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { normaliseName } from './normalise.js';

/**
 * The organisation directory: tolerant name search with filters, for centre
 * staff (every organisation) and municipal coordinators (the organisations of
 * their districts only, from account_scope).
 */

/** What an account may see of the directory: every organisation, or those of some districts. */
export interface DirectoryScope {
  /** null: no restriction (centre staff); otherwise the districts the account may see. */
  districts: string[] | null;
}

export async function directoryScopeOf(db: Kysely<Database>, account: { id: number; role: Role }): Promise<DirectoryScope> {
  if (account.role !== 'coordinator') return { districts: null };
  const rows = await db.selectFrom('account_scope').select('district').where('account_id', '=', account.id).where('district', 'is not', null).execute();
  return { districts: rows.map((row) => row.district!).sort() };
}

export const inScope = (scope: DirectoryScope, district: string | null) => scope.districts === null || (district !== null && scope.districts.includes(district));

export interface DirectoryQuery {
  q?: string;
  district?: string;
  legalForm?: string;
  orientation?: string;
  field?: string;
  needsReview?: boolean;
  /** Only organisations with a grant approved in this year. */
  grantYear?: number;
  /** Relevance needs a search text; without one the list is sorted by name. */
  sort?: 'relevance' | 'name';
  limit: number;
  offset: number;
}

export interface DirectoryEntry {
  id: number;
  name: string;
  /** The name or alias that matched the search best (equals name when the name itself matched). */
  matchedName: string | null;
  legalForm: string | null;
  orientation: string | null;
  municipality: string | null;
  district: string | null;
  fields: string[];
  needsReview: boolean;
  /** Relevance of the match, higher is better; null without a search text. */
  score: number | null;
}

export interface DirectoryPage {
  total: number;
  items: DirectoryEntry[];
}

/**
 * A name matches when its normalised form (organisation_name.normalised_name,
 * so aliases and acronyms count) is trigram-similar to the normalised query
 * as a whole (`%`), contains a word-similar stretch (`<%`, typos inside a long
 * name), or starts with the query. All three operators can use the gin
 * trigram index organisation_name_trgm; the threshold for `<%` is lowered in
 * the transaction, since the default 0.6 misses a typed "u" for "ü".
 * Not yet fast enough at national scale: on the bench dataset (20,000
 * organisations) PostgreSQL chooses a sequential scan and one search takes
 * p50 240 ms, p95 560 ms. A GiST trigram index with nearest-neighbour order
 * (`<->`, `<<->`, measured 10–16 ms for the best 60) is the next step.
 */
export const wordSimilarityThreshold = 0.5;

interface Row {
  id: number;
  name: string;
  matched_name: string | null;
  legal_form: string | null;
  orientation: string | null;
  municipality: string | null;
  district: string | null;
  fields: string[];
  needs_review: boolean;
  score: number | null;
  total: number | string;
}

export async function searchOrganisations(db: Kysely<Database>, scope: DirectoryScope, query: DirectoryQuery): Promise<DirectoryPage> {
  const text = normaliseName(query.q ?? '');
  const filters = filtersOf(scope, query);
  const where = filters.length > 0 ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
  if (!text) {
    const { rows } = await sql<Row>`
      select o.id, o.name, null as matched_name, o.legal_form, o.orientation, o.municipality, o.district, o.fields, o.needs_review,
             null::float8 as score, count(*) over () as total
      from organisation o
      ${where}
      order by o.name, o.id
      limit ${query.limit} offset ${query.offset}`.execute(db);
    return toPage(rows);
  }
  const order = query.sort === 'name' ? sql`o.name, o.id` : sql`best.score desc, o.name, o.id`;
  // no escaping for `like`: the normalised text holds only letters, digits and spaces
  const prefix = `${text}%`;
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(wordSimilarityThreshold)}, true)`.execute(trx);
    const { rows } = await sql<Row>`
      with matched as (
        select n.organisation_id, n.name,
               (case when n.normalised_name = ${text} then 2 when n.normalised_name like ${prefix} then 1 else 0 end
                + greatest(word_similarity(${text}, n.normalised_name), similarity(${text}, n.normalised_name)))::float8 as score
        from organisation_name n
        where n.normalised_name % ${text} or ${text} <% n.normalised_name or n.normalised_name like ${prefix}
      ), best as (
        select distinct on (organisation_id) organisation_id, name as matched_name, round(score::numeric, 3)::float8 as score
        from matched
        order by organisation_id, score desc, name
      )
      select o.id, o.name, best.matched_name, o.legal_form, o.orientation, o.municipality, o.district, o.fields, o.needs_review,
             best.score, count(*) over () as total
      from best
      join organisation o on o.id = best.organisation_id
      ${where}
      order by ${order}
      limit ${query.limit} offset ${query.offset}`.execute(trx);
    return toPage(rows);
  });
}

function filtersOf(scope: DirectoryScope, query: DirectoryQuery): RawBuilder<unknown>[] {
  const filters: RawBuilder<unknown>[] = [];
  // the scope travels as one JSON parameter (a coordinator may have any number of districts)
  if (scope.districts !== null) filters.push(sql`o.district in (select jsonb_array_elements_text(${JSON.stringify(scope.districts)}::jsonb))`);
  if (query.district) filters.push(sql`o.district = ${query.district}`);
  if (query.legalForm) filters.push(sql`o.legal_form = ${query.legalForm}`);
  if (query.orientation) filters.push(sql`o.orientation = ${query.orientation}`);
  if (query.field) filters.push(sql`${query.field} = any (o.fields)`);
  if (query.needsReview !== undefined) filters.push(sql`o.needs_review = ${query.needsReview}`);
  if (query.grantYear !== undefined) {
    filters.push(sql`exists (select 1 from grant_application g where g.organisation_id = o.id and g.status = 'approved' and g.year = ${query.grantYear})`);
  }
  return filters;
}

function toPage(rows: Row[]): DirectoryPage {
  return {
    total: rows.length > 0 ? Number(rows[0].total) : 0,
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      matchedName: row.matched_name,
      legalForm: row.legal_form,
      orientation: row.orientation,
      municipality: row.municipality,
      district: row.district,
      fields: row.fields,
      needsReview: row.needs_review,
      score: row.score === null ? null : Number(row.score),
    })),
  };
}

/** The districts the account may filter by: those that occur, within its scope. */
export async function directoryDistricts(db: Kysely<Database>, scope: DirectoryScope): Promise<string[]> {
  const rows = await db.selectFrom('organisation').select('district').distinct().where('district', 'is not', null).orderBy('district').execute();
  return rows.map((row) => row.district!).filter((district) => inScope(scope, district));
}
