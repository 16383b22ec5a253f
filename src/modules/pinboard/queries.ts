import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Viewer } from './policy.js';
import type { PostKind, Topic } from './vocabulary.js';
import './tables.js';

/** Reads of the pinboard: the search, one post, the author's posts, the staff queues. */

type Db = Kysely<Database>;

export interface SearchFilters {
  kind?: PostKind;
  district?: string;
  topic?: Topic;
  text?: string;
  page: number;
}
export const pageSize = 20;

const listColumns = [
  'p.id', 'p.kind', 'p.state', 'p.lang', 'p.title', 'p.body', 'p.district', 'p.topics', 'p.room_size', 'p.accessible', 'p.available_when', 'p.fair_name',
  'p.published_at', 'p.expires_at', 'p.matched_at', 'p.organisation_id', 'o.name as organisation_name',
] as const;

/** Like-pattern of a typed text: its % and _ are literal. */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Published posts that have not expired, newest first, by kind, district,
 * topic and free text (title and body). `now` decides what has expired, so a
 * post is gone at its hour even before the expiry job has run. The indexes of
 * 230_pinboard_search.sql serve the page (in its order) and the topic (GIN);
 * the trigram index of 180_pinboard.sql the free text. The count leaves the
 * organisation out: every post has one (a foreign key, not null).
 */
export async function searchPosts(db: Db, filters: SearchFilters, now: Date) {
  const matching = () => {
    let query = db.selectFrom('pinboard_post as p').where('p.state', '=', 'published').where('p.expires_at', '>', now);
    if (filters.kind) query = query.where('p.kind', '=', filters.kind);
    if (filters.district) query = query.where('p.district', '=', filters.district);
    if (filters.topic) query = query.where(sql<boolean>`p.topics @> array[${filters.topic}]::text[]`);
    if (filters.text) query = query.where(sql<boolean>`lower(p.title || ' ' || p.body) like ${containing(filters.text)}`);
    return query;
  };
  const [rows, count] = await Promise.all([
    matching().innerJoin('organisation as o', 'o.id', 'p.organisation_id').select(listColumns)
      .orderBy('p.published_at', 'desc').orderBy('p.id', 'desc').limit(pageSize).offset((filters.page - 1) * pageSize).execute(),
    matching().select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
export type PostSummary = Awaited<ReturnType<typeof searchPosts>>['rows'][number];

/** One post with its organisation's name (never the author's address). */
export async function findPost(db: Db, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return undefined;
  return db
    .selectFrom('pinboard_post as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select([...listColumns, 'p.author_account_id', 'p.reject_reason', 'p.matched_note', 'p.image_type', 'p.created_at', 'p.updated_at'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
export type Post = NonNullable<Awaited<ReturnType<typeof findPost>>>;

export async function postImage(db: Db, id: number) {
  return db.selectFrom('pinboard_post').select(['image', 'image_type', 'organisation_id', 'state']).where('id', '=', id).where('image', 'is not', null).executeTakeFirst();
}

/** The posts of the viewer's organisations, every state, newest first. */
export async function postsOfOrganisations(db: Db, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('pinboard_post as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select([...listColumns, 'p.reject_reason'])
    .where('p.organisation_id', 'in', organisationIds)
    .orderBy('p.updated_at', 'desc')
    .limit(200)
    .execute();
}

/** The moderation queue: pending posts, oldest first (first come, first served). */
export async function pendingPosts(db: Db) {
  return db
    .selectFrom('pinboard_post as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select([...listColumns, 'p.created_at', 'p.updated_at'])
    .where('p.state', '=', 'pending')
    .orderBy('p.updated_at')
    .limit(200)
    .execute();
}

/** Posts with open reports (hidden ones first), with their reasons. */
export async function reportedPosts(db: Db) {
  const rows = await db
    .selectFrom('pinboard_report as r')
    .innerJoin('pinboard_post as p', 'p.id', 'r.post_id')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.title', 'p.state', 'p.lang', 'o.name as organisation_name', 'r.reason', 'r.note', 'r.created_at'])
    .where('r.decided_at', 'is', null)
    .orderBy('p.id')
    .orderBy('r.created_at')
    .execute();
  const posts = new Map<number, { id: number; title: string; state: string; lang: string; organisation_name: string; reports: { reason: string; note: string | null }[] }>();
  for (const row of rows) {
    const post = posts.get(row.id) ?? { id: row.id, title: row.title, state: row.state, lang: row.lang, organisation_name: row.organisation_name, reports: [] };
    post.reports.push({ reason: row.reason, note: row.note });
    posts.set(row.id, post);
  }
  return [...posts.values()].sort((a, b) => Number(b.state === 'hidden') - Number(a.state === 'hidden') || a.id - b.id);
}

/** What staff count: posts by kind and state, and the matches ("two associations found a room to share"). */
export async function pinboardFigures(db: Db) {
  return db
    .selectFrom('pinboard_post')
    .select(['kind', sql<number>`(count(*) filter (where state = 'published'))::int`.as('published'), sql<number>`(count(*) filter (where matched_at is not null))::int`.as('matched'), sql<number>`count(*)::int`.as('total')])
    .groupBy('kind')
    .orderBy('kind')
    .execute();
}

/** The conversations the viewer takes part in about one post: as its reader, or (own post) all of them. */
export async function conversationsOf(db: Db, viewer: Viewer, post: { id: number; organisation_id: number }, own: boolean) {
  let query = db
    .selectFrom('pinboard_conversation as c')
    .leftJoin('organisation as o', 'o.id', 'c.reader_organisation_id')
    .select(['c.id', 'c.created_at', 'o.name as reader_organisation_name'])
    .where('c.post_id', '=', post.id);
  if (!own && viewer.kind === 'representative') query = query.where('c.reader_account_id', '=', viewer.accountId);
  return query.orderBy('c.created_at', 'desc').limit(100).execute();
}

export async function findConversation(db: Db, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return undefined;
  return db
    .selectFrom('pinboard_conversation as c')
    .innerJoin('pinboard_post as p', 'p.id', 'c.post_id')
    .leftJoin('organisation as r', 'r.id', 'c.reader_organisation_id')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['c.id', 'c.post_id', 'c.reader_account_id', 'c.reader_organisation_id', 'r.name as reader_organisation_name', 'p.title', 'p.organisation_id', 'p.state', 'p.lang', 'o.name as organisation_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type Conversation = NonNullable<Awaited<ReturnType<typeof findConversation>>>;

export async function messagesOf(db: Db, conversationId: number) {
  return db.selectFrom('pinboard_message').select(['id', 'from_author', 'body', 'created_at']).where('conversation_id', '=', conversationId).orderBy('created_at').orderBy('id').execute();
}
