import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { normaliseName } from '../names/index.js';

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
  /**
   * True when more names match than the search looked at (a common word
   * such as "kulturverein" matches thousands): total then counts the best
   * candidates only and means "at least", and pages end there.
   */
  totalIsLowerBound: boolean;
  items: DirectoryEntry[];
}

/**
 * A name matches when its normalised form (organisation_name.normalised_name,
 * so aliases and acronyms count) is trigram-similar to the normalised query
 * as a whole (similarity ≥ 0.3, pg_trgm's `%`), contains a word-similar
 * stretch (word_similarity ≥ 0.5, `<%`: typos inside a long name; the
 * default 0.6 misses a typed "u" for "ü"), or starts with the query.
 *
 * Testing every name costs 250–550 ms at national scale (20,000
 * organisations), and the gin trigram index does not narrow names that share
 * common words. So the candidates come from indexes (022_search_index.sql):
 * the `candidateLimit` names nearest by word-similarity distance (gist,
 * `q <<-> normalised_name`) and the names starting with the query (btree);
 * the conditions above and the ranking apply to those. Word similarity is
 * never below similarity, so when the farthest candidate is below both
 * thresholds no other name can match and the result is exact; otherwise the
 * best candidates are shown and the total is a lower bound.
 */
export const wordSimilarityThreshold = 0.5;
export const similarityThreshold = 0.3;
/**
 * Names the nearest-neighbour walk (and the prefix scan) hand out per search:
 * more than two pages of 25. The walk is most of a search's cost: with 100
 * the 50-user capacity was 20 % lower, with 200 a third (BENCHMARKS.md, issue 4).
 */
export const candidateLimit = 60;

interface Row {
  near_count: number | string;
  near_floor: number | null;
  prefix_count: number | string;
  total: number | string;
  // null in the one row that carries only the counts of an empty page
  id: number | null;
  name: string;
  matched_name: string | null;
  legal_form: string | null;
  orientation: string | null;
  municipality: string | null;
  district: string | null;
  fields: string[];
  needs_review: boolean;
  score: number | null;
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
    return toPage(rows, false);
  }
  // no escaping for `like`: the normalised text holds only letters, digits and spaces
  const prefix = `${text}%`;
  const nearest = sql`
    select normalised_name, organisation_id, name, word_similarity(${text}, normalised_name) as closeness, 'near' as source
    from (select * from organisation_name order by ${text} <<-> normalised_name limit ${candidateLimit}) near
    union all
    select normalised_name, organisation_id, name, null, 'prefix'
    from (select * from organisation_name where normalised_name like ${prefix} order by normalised_name limit ${candidateLimit}) starting`;
  const rows = await rankCandidates(db, nearest, text, prefix, where, query);
  const counts = rows[0];
  const exhaustive =
    (Number(counts.near_count) < candidateLimit || (counts.near_floor ?? 0) < Math.min(similarityThreshold, wordSimilarityThreshold)) &&
    Number(counts.prefix_count) < candidateLimit;
  if (exhaustive) return toPage(rows, false);
  // Filters may drop most of the best candidates while the filtered
  // organisations hold further matches: then test the names of every
  // filtered organisation, which is quick because the filter narrows.
  if (filters.length > 0 && Number(counts.total) < query.offset + query.limit) {
    const filtered = sql`
      select n.normalised_name, n.organisation_id, n.name, null::real as closeness, 'filtered' as source
      from organisation_name n join organisation o on o.id = n.organisation_id
      ${where}`;
    return toPage(await rankCandidates(db, filtered, text, prefix, where, query), false);
  }
  return toPage(rows, true);
}

/**
 * The matching organisations among the candidate names, ranked: one row per
 * organisation of the page, each with the candidate counts and the total
 * (one row with only those when the page is empty).
 */
async function rankCandidates(db: Kysely<Database>, candidates: RawBuilder<unknown>, text: string, prefix: string, where: RawBuilder<unknown>, query: DirectoryQuery) {
  const order = query.sort === 'name' ? sql`o.name, o.id` : sql`best.score desc, o.name, o.id`;
  const { rows } = await sql<Row>`
    with candidate as materialized (${candidates}),
    -- each similarity once per candidate name (offset 0 keeps the subquery from being merged into the conditions)
    measured as (
      select c.normalised_name, c.organisation_id, c.name,
             word_similarity(${text}, c.normalised_name) as word_closeness, similarity(${text}, c.normalised_name) as closeness
      from (select distinct normalised_name, organisation_id, name from candidate) c
      offset 0
    ), matched as (
      select organisation_id, name,
             (case when normalised_name = ${text} then 2 when normalised_name like ${prefix} then 1 else 0 end
              + greatest(word_closeness, closeness))::float8 as score
      from measured
      where closeness >= ${similarityThreshold} or word_closeness >= ${wordSimilarityThreshold} or normalised_name like ${prefix}
    ), best as (
      select distinct on (organisation_id) organisation_id, name as matched_name, round(score::numeric, 3)::float8 as score
      from matched
      order by organisation_id, score desc, name
    ), found as (
      select o.id, o.name, best.matched_name, o.legal_form, o.orientation, o.municipality, o.district, o.fields, o.needs_review,
             best.score, row_number() over (order by ${order}) as position
      from best
      join organisation o on o.id = best.organisation_id
      ${where}
    )
    select counts.near_count, counts.near_floor, counts.prefix_count, (select count(*) from found) as total, page.*
    from (
      select count(*) filter (where source = 'near') as near_count, min(closeness) filter (where source = 'near') as near_floor,
             count(*) filter (where source = 'prefix') as prefix_count
      from candidate
    ) counts
    left join (select * from found order by position limit ${query.limit} offset ${query.offset}) page on true
    order by page.position`.execute(db);
  return rows;
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

function toPage(rows: Row[], totalIsLowerBound: boolean): DirectoryPage {
  const items = rows.filter((row): row is Row & { id: number } => row.id !== null);
  return {
    total: rows.length > 0 ? Number(rows[0].total) : 0,
    totalIsLowerBound,
    items: items.map((row) => ({
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
