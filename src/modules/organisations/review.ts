import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import type { CreatedFrom } from './matching.js';
import { ReviewError } from './review-error.js';

/**
 * The review queue (spec/exchange.md: "the review queue shows its likely
 * duplicates by similarity, for staff to merge or confirm"). Organisations
 * created from a name that matched nothing carry needs_review; staff merge
 * each into the organisation it really is, say that a suggested pair is two
 * organisations, or confirm it as an organisation of its own.
 */

export { mergeOrganisations, mergedTables, type MergeOutcome, type DroppedGrant } from './merge.js';
export { ReviewError } from './review-error.js';

/** Names this similar (pg_trgm, 0 … 1) are shown as likely duplicates. */
export const similarityThreshold = 0.4;
export const duplicatesShown = 5;

export interface RecordCounts {
  participations: number;
  consultations: number;
  grants: number;
}

export interface LikelyDuplicate {
  id: number;
  name: string;
  orgKey: string | null;
  needsReview: boolean;
  /** The other organisation's name or alias that came closest. */
  matchedName: string;
  /** Trigram similarity of the normalised names, 0 … 1. */
  similarity: number;
}

export interface ReviewItem {
  id: number;
  name: string;
  /** Its name first, then its aliases. */
  names: { name: string; isAlias: boolean }[];
  createdFrom: CreatedFrom;
  createdAt: string;
  records: RecordCounts;
  duplicates: LikelyDuplicate[];
}

export interface ReviewQueue {
  total: number;
  items: ReviewItem[];
}

interface QueueRow {
  id: number;
  name: string;
  created_from: CreatedFrom;
  created_at: Date | string;
  names: { name: string; is_alias: boolean }[];
  participations: number;
  consultations: number;
  grants: number;
  duplicates: { id: number; name: string; org_key: string | null; needs_review: boolean; matched_name: string; similarity: number }[];
}

/**
 * One page of the queue in one statement: the flagged organisations, each
 * with its names, record counts and up to five likely duplicates found by a
 * lateral join over organisation_name (the `%` operator uses the trigram
 * index organisation_name_trgm; pairs staff declared distinct are left out).
 */
export async function reviewQueue(db: Kysely<Database>, { limit, offset }: { limit: number; offset: number }): Promise<ReviewQueue> {
  const { rows } = await sql<QueueRow>`
    with flagged as (
      select id, name, created_from, created_at
      from organisation
      where needs_review
      order by created_at, name, id
      limit ${limit} offset ${offset}
    )
    select flagged.*, names.names, counts.participations, counts.consultations, counts.grants, likely.duplicates
    from flagged
    cross join lateral (
      select coalesce(jsonb_agg(jsonb_build_object('name', n.name, 'is_alias', n.is_alias) order by n.is_alias, n.name), '[]'::jsonb) as names
      from organisation_name n where n.organisation_id = flagged.id
    ) names
    cross join lateral (
      select (select count(*) from participation p where p.organisation_id = flagged.id) as participations,
             (select count(*) from consultation c where c.organisation_id = flagged.id) as consultations,
             (select count(*) from grant_application g where g.organisation_id = flagged.id) as grants
    ) counts
    cross join lateral (
      select coalesce(jsonb_agg(to_jsonb(best) order by best.similarity desc, best.id), '[]'::jsonb) as duplicates
      from (
        select other_org.id, other_org.name, other_org.org_key, other_org.needs_review, closest.matched_name, closest.similarity
        from (
          select distinct on (other.organisation_id)
                 other.organisation_id, other.name as matched_name,
                 round(similarity(mine.normalised_name, other.normalised_name)::numeric, 3)::float8 as similarity
          from organisation_name mine
          join organisation_name other on other.normalised_name % mine.normalised_name
          where mine.organisation_id = flagged.id
            and other.organisation_id <> flagged.id
            and similarity(mine.normalised_name, other.normalised_name) >= ${similarityThreshold}
            and not exists (
              select 1 from organisation_distinct_pair pair
              where pair.organisation_id_low = least(flagged.id, other.organisation_id)
                and pair.organisation_id_high = greatest(flagged.id, other.organisation_id))
          order by other.organisation_id, similarity(mine.normalised_name, other.normalised_name) desc
        ) closest
        join organisation other_org on other_org.id = closest.organisation_id
        order by closest.similarity desc, other_org.id
        limit ${duplicatesShown}
      ) best
    ) likely
    order by flagged.created_at, flagged.name, flagged.id`.execute(db);
  const total = await db
    .selectFrom('organisation')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('needs_review', '=', true)
    .executeTakeFirstOrThrow();
  return { total: Number(total.count), items: rows.map(toItem) };
}

function toItem(row: QueueRow): ReviewItem {
  return {
    id: row.id,
    name: row.name,
    names: row.names.map((name) => ({ name: name.name, isAlias: name.is_alias })),
    createdFrom: row.created_from,
    createdAt: new Date(row.created_at).toISOString(),
    records: { participations: Number(row.participations), consultations: Number(row.consultations), grants: Number(row.grants) },
    duplicates: row.duplicates.map((d) => ({
      id: d.id,
      name: d.name,
      orgKey: d.org_key,
      needsReview: d.needs_review,
      matchedName: d.matched_name,
      similarity: Number(d.similarity),
    })),
  };
}

export interface OrganisationSummary {
  id: number;
  name: string;
  orgKey: string | null;
  municipality: string | null;
  district: string | null;
  email: string | null;
  needsReview: boolean;
  createdFrom: string;
  names: { name: string; isAlias: boolean }[];
  records: RecordCounts;
}

export interface MergePreview {
  survivor: OrganisationSummary;
  merged: OrganisationSummary;
  /** Rows of the merged organisation the survivor already has (same identity): dropped, not moved. */
  collisions: RecordCounts;
}

/** What a merge of `mergedId` into `survivorId` would do, for the confirmation page. */
export async function describeMerge(db: Kysely<Database>, { survivorId, mergedId }: { survivorId: number; mergedId: number }): Promise<MergePreview> {
  if (survivorId === mergedId) throw ReviewError.intoItself(survivorId);
  const [survivor, merged] = await Promise.all([summarise(db, survivorId), summarise(db, mergedId)]);
  const { rows } = await sql<RecordCounts>`
    select
      (select count(*) from participation gone join participation kept
         on kept.event_id = gone.event_id and kept.person_key = gone.person_key
       where gone.organisation_id = ${mergedId} and kept.organisation_id = ${survivorId}) as participations,
      (select count(*) from consultation gone join consultation kept
         on kept.consulted_on = gone.consulted_on and kept.channel = gone.channel and kept.topic = gone.topic
       where gone.organisation_id = ${mergedId} and kept.organisation_id = ${survivorId}) as consultations,
      (select count(*) from grant_application gone join grant_application kept
         on kept.year = gone.year and kept.application_type = gone.application_type
       where gone.organisation_id = ${mergedId} and kept.organisation_id = ${survivorId}) as grants`.execute(db);
  const collisions = rows[0];
  return {
    survivor,
    merged,
    collisions: { participations: Number(collisions.participations), consultations: Number(collisions.consultations), grants: Number(collisions.grants) },
  };
}

async function summarise(db: Kysely<Database>, id: number): Promise<OrganisationSummary> {
  const { rows } = await sql<Omit<QueueRow, 'duplicates' | 'created_at'> & { org_key: string | null; municipality: string | null; district: string | null; email: string | null; needs_review: boolean }>`
    select o.id, o.name, o.org_key, o.municipality, o.district, o.email, o.needs_review, o.created_from,
      (select coalesce(jsonb_agg(jsonb_build_object('name', n.name, 'is_alias', n.is_alias) order by n.is_alias, n.name), '[]'::jsonb)
         from organisation_name n where n.organisation_id = o.id) as names,
      (select count(*) from participation p where p.organisation_id = o.id) as participations,
      (select count(*) from consultation c where c.organisation_id = o.id) as consultations,
      (select count(*) from grant_application g where g.organisation_id = o.id) as grants
    from organisation o where o.id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) throw ReviewError.notFound(id);
  return {
    id: row.id,
    name: row.name,
    orgKey: row.org_key,
    municipality: row.municipality,
    district: row.district,
    email: row.email,
    needsReview: row.needs_review,
    createdFrom: row.created_from,
    names: row.names.map((name) => ({ name: name.name, isAlias: name.is_alias })),
    records: { participations: Number(row.participations), consultations: Number(row.consultations), grants: Number(row.grants) },
  };
}

/** Staff say two organisations are different: the queue never suggests this pair again. */
export async function markDistinct(db: Kysely<Database>, a: number, b: number, accountId: number | null): Promise<void> {
  if (a === b) throw ReviewError.distinctFromItself(a);
  const [low, high] = a < b ? [a, b] : [b, a];
  await db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('organisation').select('id').where('id', 'in', [low, high]).execute();
    for (const id of [low, high]) if (!found.some((row) => row.id === id)) throw ReviewError.notFound(id);
    await trx
      .insertInto('organisation_distinct_pair')
      .values({ organisation_id_low: low, organisation_id_high: high, decided_by: accountId })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    await writeAudit(trx, { accountId, action: 'organisation.distinct', subjectType: 'organisation', subjectId: a, details: { organisationIds: [low, high] } });
  });
}

/** Staff checked it: an organisation of its own, not a duplicate of anything listed. */
export async function confirmOrganisation(db: Kysely<Database>, id: number, accountId: number | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('organisation')
      .set({ needs_review: false, updated_at: sql`now()` as never })
      .where('id', '=', id)
      .returning(['name'])
      .executeTakeFirst();
    if (!updated) throw ReviewError.notFound(id);
    await writeAudit(trx, { accountId, action: 'organisation.confirm', subjectType: 'organisation', subjectId: id, details: { name: updated.name } });
  });
}
