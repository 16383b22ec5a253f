import { sql, type Kysely } from 'kysely';
import type { Database, Organisation } from '../../db/tables.js';
import { writeAudit } from '../identity/index.js';
import { normaliseName } from '../names/index.js';
import { similarityThreshold } from './review.js';
import { formFields, type FormField, type ProfileValues } from './profile-form.js';

/**
 * An organisation's profile: its record, names, links to umbrella bodies and
 * networks, and how many likely duplicates the review queue would show.
 * Editing and creating keep organisation_name in step: a new name makes the
 * old one an alias (older lists still find it), and a name another
 * organisation already holds is refused rather than silently merged.
 */

export interface LinkedOrganisation {
  id: number;
  name: string;
  kind: 'member_of' | 'network';
  sinceYear: number | null;
}

export interface OrganisationProfile {
  organisation: Organisation;
  names: { name: string; isAlias: boolean }[];
  /** Umbrella bodies and networks this organisation belongs to. */
  belongsTo: LinkedOrganisation[];
  /** Organisations that belong to this one (when it is an umbrella body or network). */
  members: LinkedOrganisation[];
  /** Other organisations with a similar name (the review queue's rule), pairs marked distinct left out. */
  likelyDuplicates: number;
}

export async function loadProfile(db: Kysely<Database>, id: number): Promise<OrganisationProfile | null> {
  const organisation = await db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!organisation) return null;
  const names = await db
    .selectFrom('organisation_name')
    .select(['name', 'is_alias'])
    .where('organisation_id', '=', id)
    .orderBy('is_alias')
    .orderBy('name')
    .execute();
  const { rows: links } = await sql<{ direction: 'out' | 'in'; id: number; name: string; kind: 'member_of' | 'network'; since_year: number | null }>`
    select 'out' as direction, o.id, o.name, l.kind, l.since_year
    from organisation_link l join organisation o on o.id = l.to_organisation_id
    where l.from_organisation_id = ${id}
    union all
    select 'in', o.id, o.name, l.kind, l.since_year
    from organisation_link l join organisation o on o.id = l.from_organisation_id
    where l.to_organisation_id = ${id}
    order by 1, 4, 3`.execute(db);
  const toLink = (row: (typeof links)[number]): LinkedOrganisation => ({ id: row.id, name: row.name, kind: row.kind, sinceYear: row.since_year });
  return {
    organisation,
    names: names.map((row) => ({ name: row.name, isAlias: row.is_alias })),
    belongsTo: links.filter((row) => row.direction === 'out').map(toLink),
    members: links.filter((row) => row.direction === 'in').map(toLink),
    likelyDuplicates: await countLikelyDuplicates(db, id),
  };
}

/**
 * Organisations whose names are close to one of this organisation's names:
 * the profile's hint to the review queue. The gist trigram index hands out the
 * nearest names first, so only the closest few per name are compared — a count
 * above `likelyDuplicateCap` means "at least", which is all the hint needs (at
 * national scale common words made the full trigram join take 100 ms).
 */
export const likelyDuplicateCap = 50;

async function countLikelyDuplicates(db: Kysely<Database>, id: number): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    select count(distinct near.organisation_id) as count
    from organisation_name mine
    cross join lateral (
      select other.organisation_id, other.normalised_name
      from organisation_name other
      order by other.normalised_name <-> mine.normalised_name
      limit ${likelyDuplicateCap + 10}
    ) near
    where mine.organisation_id = ${id} and near.organisation_id <> ${id}
      and similarity(mine.normalised_name, near.normalised_name) >= ${similarityThreshold}
      and not exists (
        select 1 from organisation_distinct_pair pair
        where pair.organisation_id_low = least(${id}, near.organisation_id)
          and pair.organisation_id_high = greatest(${id}, near.organisation_id))`.execute(db);
  return Math.min(Number(rows[0]?.count ?? 0), likelyDuplicateCap);
}

/** A name of the form that another organisation already holds (as its name or an alias). */
export interface NameConflict {
  field: 'name' | 'aliases';
  name: string;
  organisationId: number;
  organisationName: string;
}

export type SaveOutcome = { ok: true; id: number; changed: string[] } | { ok: false; conflicts: NameConflict[] };

type Trx = Kysely<Database>;

// Columns of the form, in the order the audit entry names them.
const columns = [
  'name', 'legal_form', 'founded_year', 'orientation', 'communities', 'languages', 'fields', 'target_groups', 'rooms',
  'municipality', 'district', 'postcode', 'email', 'website', 'phone',
  'portrait', 'portrait_consent_by', 'portrait_consent_on', 'portrait_consent_wording', 'portrait_published',
  'latitude', 'longitude', 'notes',
] as const satisfies readonly (keyof ProfileValues & keyof Organisation)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function createOrganisation(db: Kysely<Database>, values: ProfileValues, accountId: number | null): Promise<SaveOutcome> {
  return db.transaction().execute(async (trx) => {
    const conflicts = await nameConflicts(trx, null, values);
    if (conflicts.length > 0) return { ok: false as const, conflicts };
    const { id } = await trx
      .insertInto('organisation')
      .values({ ...pick(values), created_from: 'staff' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeNames(trx, id, values.name, values.aliases);
    const filled = columns.filter((column) => !same(values[column], emptyValues[column]));
    await writeAudit(trx, { accountId, action: 'organisation.create', subjectType: 'organisation', subjectId: id, details: { fields: filled } });
    return { ok: true as const, id, changed: filled };
  });
}

/**
 * A new organisation under a name someone proposed (a representative's claim
 * that staff confirm), inside the caller's transaction: the name must be free
 * (the caller has checked it under its lock), the rest of the profile stays
 * empty for the representative to fill.
 */
export async function createProposedOrganisation(trx: Trx, proposal: { name: string; municipality: string | null }, accountId: number, from: string): Promise<number> {
  const { id } = await trx.insertInto('organisation').values({ name: proposal.name, municipality: proposal.municipality, created_from: 'staff' }).returning('id').executeTakeFirstOrThrow();
  await writeNames(trx, id, proposal.name, []);
  await writeAudit(trx, { accountId, action: 'organisation.create', subjectType: 'organisation', subjectId: id, details: { fields: ['name', 'municipality'], from } });
  return id;
}

export async function updateOrganisation(db: Kysely<Database>, id: number, values: ProfileValues, accountId: number | null): Promise<SaveOutcome | null> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<Organisation>`select * from organisation where id = ${id} for update`.execute(trx);
    const current = rows[0];
    if (!current) return null;
    const conflicts = await nameConflicts(trx, id, values);
    if (conflicts.length > 0) return { ok: false as const, conflicts };
    const changed: string[] = columns.filter((column) => !same(normalisedColumn(current, column), values[column]));
    const before = await trx.selectFrom('organisation_name').select('name').where('organisation_id', '=', id).where('is_alias', '=', true).execute();
    // a renamed organisation keeps its old name as an alias: older lists still find it
    const aliases = normaliseName(current.name) === normaliseName(values.name) ? values.aliases : [...values.aliases, current.name];
    await writeNames(trx, id, values.name, aliases);
    const after = await trx.selectFrom('organisation_name').select('name').where('organisation_id', '=', id).where('is_alias', '=', true).execute();
    if (!same(before.map((row) => row.name).sort(), after.map((row) => row.name).sort())) changed.push('aliases');
    changed.sort((a, b) => formFields.indexOf(a as FormField) - formFields.indexOf(b as FormField));
    if (changed.length === 0) return { ok: true as const, id, changed };
    await trx
      .updateTable('organisation')
      .set({ ...pick(values), updated_at: sql`now()` as never })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, { accountId, action: 'organisation.update', subjectType: 'organisation', subjectId: id, details: { fields: changed } });
    return { ok: true as const, id, changed };
  });
}

function pick(values: ProfileValues) {
  return Object.fromEntries(columns.map((column) => [column, values[column]])) as Pick<ProfileValues, (typeof columns)[number]>;
}

// Dates and numbers as the form holds them, for the comparison
function normalisedColumn(row: Organisation, column: (typeof columns)[number]): unknown {
  const value = row[column];
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

const emptyValues: Record<(typeof columns)[number], unknown> = {
  ...(Object.fromEntries(columns.map((column) => [column, null])) as Record<(typeof columns)[number], null>),
  communities: [],
  languages: [],
  fields: [],
  target_groups: [],
  portrait_published: false,
};

/** Names of the form (name and aliases) that belong to another organisation. */
async function nameConflicts(trx: Trx, id: number | null, values: ProfileValues): Promise<NameConflict[]> {
  const wanted = [
    { field: 'name' as const, name: values.name },
    ...values.aliases.map((name) => ({ field: 'aliases' as const, name })),
  ].map((entry) => ({ ...entry, normalised: normaliseName(entry.name) }));
  const { rows } = await sql<{ normalised_name: string; organisation_id: number; organisation_name: string }>`
    select n.normalised_name, n.organisation_id, o.name as organisation_name
    from organisation_name n join organisation o on o.id = n.organisation_id
    where n.normalised_name in (select jsonb_array_elements_text(${JSON.stringify(wanted.map((entry) => entry.normalised))}::jsonb))
      and n.organisation_id <> ${id ?? 0}`.execute(trx);
  const owners = new Map(rows.map((row) => [row.normalised_name, row]));
  return wanted.flatMap((entry) => {
    const owner = owners.get(entry.normalised);
    return owner ? [{ field: entry.field, name: entry.name, organisationId: owner.organisation_id, organisationName: owner.organisation_name }] : [];
  });
}

/**
 * Makes `name` the organisation's name and exactly `aliases` its aliases (each
 * normalised form once; an alias that spells the name differently is dropped).
 */
async function writeNames(trx: Trx, id: number, name: string, aliases: string[]) {
  const primary = normaliseName(name);
  const rows = new Map<string, { normalised_name: string; name: string; is_alias: boolean }>([[primary, { normalised_name: primary, name, is_alias: false }]]);
  for (const alias of aliases) {
    const normalised = normaliseName(alias);
    if (normalised && !rows.has(normalised)) rows.set(normalised, { normalised_name: normalised, name: alias, is_alias: true });
  }
  const keep = JSON.stringify([...rows.keys()]);
  await sql`
    delete from organisation_name
    where organisation_id = ${id} and normalised_name not in (select jsonb_array_elements_text(${keep}::jsonb))`.execute(trx);
  await sql`
    insert into organisation_name (normalised_name, organisation_id, name, is_alias)
    select normalised_name, ${id}, name, is_alias
    from jsonb_to_recordset(${JSON.stringify([...rows.values()])}::jsonb) as input (normalised_name text, name text, is_alias boolean)
    on conflict (normalised_name) do update set name = excluded.name, is_alias = excluded.is_alias
      where organisation_name.organisation_id = ${id}`.execute(trx);
}

/** Problems with a link, for the form: the other organisation is unknown, or it is this one. */
export type LinkOutcome = { ok: true } | { ok: false; problem: 'unknown' | 'self' };

export async function addLink(
  db: Kysely<Database>,
  { fromId, toName, kind, sinceYear, accountId }: { fromId: number; toName: string; kind: 'member_of' | 'network'; sinceYear: number | null; accountId: number | null },
): Promise<LinkOutcome> {
  const target = await db.selectFrom('organisation_name').select('organisation_id').where('normalised_name', '=', normaliseName(toName)).executeTakeFirst();
  if (!target) return { ok: false, problem: 'unknown' };
  if (target.organisation_id === fromId) return { ok: false, problem: 'self' };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisation_link')
      .values({ from_organisation_id: fromId, to_organisation_id: target.organisation_id, kind, since_year: sinceYear })
      .onConflict((conflict) => conflict.columns(['from_organisation_id', 'to_organisation_id', 'kind']).doUpdateSet({ since_year: sinceYear }))
      .execute();
    await writeAudit(trx, { accountId, action: 'organisation.link', subjectType: 'organisation', subjectId: fromId, details: { fields: [kind], organisationId: target.organisation_id } });
  });
  return { ok: true };
}

export async function removeLink(
  db: Kysely<Database>,
  { fromId, toId, kind, accountId }: { fromId: number; toId: number; kind: 'member_of' | 'network'; accountId: number | null },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('organisation_link')
      .where('from_organisation_id', '=', fromId)
      .where('to_organisation_id', '=', toId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await writeAudit(trx, { accountId, action: 'organisation.unlink', subjectType: 'organisation', subjectId: fromId, details: { fields: [kind], organisationId: toId } });
    return true;
  });
}
