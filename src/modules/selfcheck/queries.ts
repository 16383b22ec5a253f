import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { itemOf, listAreas, type Area, type ItemVersion } from './items.js';
import { openAnswers, type Answer, type Texts } from './tables.js';

/**
 * Reads of the Vereins-Check: one check with its answers (each with the
 * wording it was given to), an organisation's history, and the items still
 * open in its latest check (for the needs log, openItemsOf on the face).
 */

type Db = Kysely<Database>;

export interface CheckHead {
  id: number;
  organisationId: number;
  organisationName: string;
  district: string | null;
  state: 'draft' | 'submitted';
  withAdviser: boolean;
  consultationId: number | null;
  submittedOn: string | null;
  submittedAt: Date | null;
  latest: boolean;
}

export interface GivenAnswer {
  item: ItemVersion;
  answer: Answer;
  note: string | null;
}

export interface CheckDetail {
  head: CheckHead;
  areas: Area[];
  answers: GivenAnswer[];
}

export async function loadCheckHead(db: Db, id: number): Promise<CheckHead | null> {
  const row = await db.selectFrom('selfcheck as c').innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.organisation_id', 'o.name', 'o.district', 'c.state', 'c.with_adviser', 'c.consultation_id', sql<string | null>`to_char(c.submitted_on, 'YYYY-MM-DD')`.as('submitted_on'), 'c.submitted_at', 'c.latest'])
    .where('c.id', '=', id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id, organisationId: row.organisation_id, organisationName: row.name, district: row.district, state: row.state, withAdviser: row.with_adviser,
    consultationId: row.consultation_id, submittedOn: row.submitted_on, submittedAt: row.submitted_at, latest: row.latest,
  };
}

/** The answers of checks, each with the item version it was given to. */
async function answersOf(db: Db, checkIds: number[]): Promise<Map<number, GivenAnswer[]>> {
  const byCheck = new Map<number, GivenAnswer[]>(checkIds.map((id) => [id, []]));
  if (checkIds.length === 0) return byCheck;
  const rows = await sql<{
    selfcheck_id: number; answer: Answer; note: string | null; key: string; area_key: string; position: number; active: boolean; version_id: number; version: number;
    texts: Texts; event_formats: string[]; wegweiser_topics: string[]; consultation_topic: string | null; pinboard_kinds: string[];
  }>`
    select an.selfcheck_id, an.answer, an.note, i.key, i.area_key, i.position, i.active, v.id as version_id, v.version, v.texts, v.event_formats, v.wegweiser_topics, v.consultation_topic, v.pinboard_kinds
    from selfcheck_answer an
    join selfcheck_item i on i.key = an.item_key
    join selfcheck_area a on a.key = i.area_key
    join selfcheck_item_version v on v.id = an.item_version_id
    where an.selfcheck_id in (${sql.join(checkIds)})
    order by a.position, i.position, i.key`.execute(db);
  for (const row of rows.rows) byCheck.get(row.selfcheck_id)!.push({ item: itemOf(row), answer: row.answer, note: row.note });
  return byCheck;
}

export async function loadCheck(db: Db, id: number): Promise<CheckDetail | null> {
  const head = await loadCheckHead(db, id);
  if (!head) return null;
  const [areas, answers] = await Promise.all([listAreas(db), answersOf(db, [id])]);
  return { head, areas, answers: answers.get(id)! };
}

/** The submitted check before this one of the same organisation, or null. */
export async function previousCheckId(db: Db, head: CheckHead): Promise<number | null> {
  if (!head.submittedAt) {
    const latest = await db.selectFrom('selfcheck').select('id').where('organisation_id', '=', head.organisationId).where('state', '=', 'submitted').orderBy('submitted_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
    return latest?.id ?? null;
  }
  const row = await db.selectFrom('selfcheck').select('id').where('organisation_id', '=', head.organisationId).where('state', '=', 'submitted')
    .where((eb) => eb.or([eb('submitted_at', '<', head.submittedAt!), eb.and([eb('submitted_at', '=', head.submittedAt!), eb('id', '<', head.id)])]))
    .orderBy('submitted_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return row?.id ?? null;
}

export interface HistoryEntry {
  head: CheckHead;
  answers: GivenAnswer[];
}

/** An organisation's submitted checks, newest first, with their answers; and its open draft. */
export async function organisationHistory(db: Db, organisationId: number): Promise<{ checks: HistoryEntry[]; draftId: number | null; areas: Area[] }> {
  const rows = await db.selectFrom('selfcheck').select(['id', 'state']).where('organisation_id', '=', organisationId).orderBy('submitted_at', (order) => order.desc().nullsFirst()).orderBy('id', 'desc').execute();
  const submitted = rows.filter((row) => row.state === 'submitted').map((row) => row.id);
  const [answers, heads, areas] = await Promise.all([answersOf(db, submitted), Promise.all(submitted.map((id) => loadCheckHead(db, id))), listAreas(db)]);
  return {
    checks: heads.map((head) => ({ head: head!, answers: answers.get(head!.id)! })),
    draftId: rows.find((row) => row.state === 'draft')?.id ?? null,
    areas,
  };
}

export interface OpenItem {
  itemKey: string;
  areaKey: string;
  answer: Answer;
  note: string | null;
  texts: Texts;
  areaTitles: Texts;
  checkId: number;
  submittedOn: string;
}

/** The items of the organisation's latest check answered "not yet" or "in progress", with area and note. */
export async function openItemsOf(db: Db, organisationId: number): Promise<OpenItem[]> {
  const rows = await sql<{ item_key: string; area_key: string; answer: Answer; note: string | null; texts: Texts; titles: Texts; selfcheck_id: number; submitted_on: string }>`
    select an.item_key, i.area_key, an.answer, an.note, v.texts, a.titles, an.selfcheck_id, to_char(c.submitted_on, 'YYYY-MM-DD') as submitted_on
    from selfcheck_answer an
    join selfcheck c on c.id = an.selfcheck_id
    join selfcheck_item i on i.key = an.item_key
    join selfcheck_area a on a.key = i.area_key
    join selfcheck_item_version v on v.id = an.item_version_id
    where an.organisation_id = ${organisationId} and an.latest and an.answer in (${sql.join(openAnswers)})
    order by a.position, i.position, i.key`.execute(db);
  return rows.rows.map((row) => ({ itemKey: row.item_key, areaKey: row.area_key, answer: row.answer, note: row.note, texts: row.texts, areaTitles: row.titles, checkId: row.selfcheck_id, submittedOn: row.submitted_on }));
}

/** The organisations of a check's form: id, name, district (for scope). */
export async function organisationOf(db: Db, id: number) {
  return db.selectFrom('organisation').select(['id', 'name', 'district']).where('id', '=', id).executeTakeFirst();
}

/** Consultations of the organisation, newest first, that an adviser may link a check to. */
export async function consultationsOf(db: Db, organisationId: number) {
  return db.selectFrom('consultation').select(['id', sql<string>`to_char(consulted_on, 'YYYY-MM-DD')`.as('consulted_on'), 'topic'])
    .where('organisation_id', '=', organisationId).orderBy('consulted_on', 'desc').orderBy('id', 'desc').limit(20).execute();
}

/** The consultation an adviser links a check to, only when it is one of the organisation's (else undefined). */
export async function consultationOf(db: Db, consultationId: number, organisationId: number) {
  return db.selectFrom('consultation').select('id').where('id', '=', consultationId).where('organisation_id', '=', organisationId).executeTakeFirst();
}

export interface CheckSummary {
  id: number;
  submitted_on: string;
  with_adviser: boolean;
  done: number;
  in_progress: number;
  not_yet: number;
  not_relevant: number;
}

/** The organisation's submitted checks, newest first (at most ten), with how many items each answered how; and whether a draft is open. */
export async function checkSummariesOf(db: Db, organisationId: number): Promise<{ checks: CheckSummary[]; draft: boolean }> {
  const [checks, draft] = await Promise.all([
    sql<CheckSummary>`
      select c.id, to_char(c.submitted_on, 'YYYY-MM-DD') as submitted_on, c.with_adviser,
        (count(*) filter (where an.answer = 'done'))::int as done, (count(*) filter (where an.answer = 'in_progress'))::int as in_progress,
        (count(*) filter (where an.answer = 'not_yet'))::int as not_yet, (count(*) filter (where an.answer = 'not_relevant'))::int as not_relevant
      from selfcheck c left join selfcheck_answer an on an.selfcheck_id = c.id
      where c.organisation_id = ${organisationId} and c.state = 'submitted'
      group by c.id
      order by c.submitted_at desc, c.id desc
      limit 10`.execute(db),
    db.selectFrom('selfcheck').select('id').where('organisation_id', '=', organisationId).where('state', '=', 'draft').executeTakeFirst(),
  ]);
  return { checks: checks.rows, draft: draft !== undefined };
}
