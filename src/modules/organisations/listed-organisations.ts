import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * Organisations that come from the centre's distribution list
 * (imports/organizations.ts decides, row by row, whether a line creates an
 * organisation, adopts one a name already means, or changes one; this file
 * writes). The list's name becomes the organisation's name and its aliases
 * aliases; an earlier name stays as an alias so that older lists still find
 * it, and an import never removes a name.
 */

/** The list's names of one organisation: the name first, then its aliases, each normalised form once. */
export type ListedNames = { normalised_name: string; name: string; is_alias: boolean }[];

export async function createListedOrganisation(db: Kysely<Database>, values: Insertable<Database['organisation']>, names: ListedNames): Promise<number> {
  const { id } = await db.insertInto('organisation').values(values).returning('id').executeTakeFirstOrThrow();
  await writeListedNames(db, id, names);
  return id;
}

/** The centre's own list names it: it is no longer an unknown name from an attendance list (needs_review off). */
export async function updateListedOrganisation(db: Kysely<Database>, id: number, values: Updateable<Database['organisation']>): Promise<void> {
  await db
    .updateTable('organisation')
    .set({ ...values, needs_review: false, updated_at: sql`now()` as never })
    .where('id', '=', id)
    .execute();
}

/** Writes the names (see above); returns whether anything changed. */
export async function writeListedNames(db: Kysely<Database>, organisationId: number, names: ListedNames): Promise<boolean> {
  const primary = names[0].normalised_name;
  const { rows } = await sql<{ normalised_name: string }>`
    with demoted as (
      update organisation_name set is_alias = true
      where organisation_id = ${organisationId} and not is_alias and normalised_name <> ${primary}
      returning normalised_name
    ), written as (
      insert into organisation_name (normalised_name, organisation_id, name, is_alias)
      select normalised_name, ${organisationId}, name, is_alias
      from jsonb_to_recordset(${JSON.stringify(names)}::jsonb) as input (normalised_name text, name text, is_alias boolean)
      on conflict (normalised_name) do update set is_alias = excluded.is_alias, name = excluded.name
        where organisation_name.organisation_id = ${organisationId}
          and (organisation_name.is_alias, organisation_name.name) is distinct from (excluded.is_alias, excluded.name)
      returning normalised_name
    )
    select normalised_name from written union all select normalised_name from demoted`.execute(db);
  return rows.length > 0;
}

/** The preview's twin of writeListedNames: whether it would change anything, read only. */
export async function listedNamesWouldChange(db: Kysely<Database>, organisationId: number, names: ListedNames): Promise<boolean> {
  const primary = names[0].normalised_name;
  const { rows } = await sql<{ changes: boolean }>`
    select exists (
      select 1 from organisation_name
      where organisation_id = ${organisationId} and not is_alias and normalised_name <> ${primary}
    ) or exists (
      select 1 from jsonb_to_recordset(${JSON.stringify(names)}::jsonb) as input (normalised_name text, name text, is_alias boolean)
      left join organisation_name n on n.normalised_name = input.normalised_name
      where n.normalised_name is null
         or (n.organisation_id = ${organisationId} and (n.is_alias, n.name) is distinct from (input.is_alias, input.name))
    ) as changes`.execute(db);
  return rows[0].changes;
}
