import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { normaliseName } from '../names/index.js';

/**
 * Which organisation a name on a list means (spec/exchange.md). A name means
 * the organisation whose name or alias has the same normalised form; nothing
 * is merged on a guess. A name that matches nothing becomes a new organisation
 * marked for review; names with the same normalised form become one.
 */

export interface NameOccurrence {
  name: string;
  /** Where the name was written (a list's line), for the preview. */
  line: number;
  /** normaliseName(name), when the caller has it already (saves normalising every row twice). */
  normalisedName?: string;
}

export interface CreatedOrganisation {
  organisationId: number;
  /** The first spelling seen; it becomes the organisation's name. */
  name: string;
  normalisedName: string;
  lines: number[];
}

export interface NameResolution {
  /** Organisation id per normalised name, for every name given. */
  organisationIds: Map<string, number>;
  /** Organisations created for names that matched nothing, flagged for review. */
  created: CreatedOrganisation[];
  /** How many occurrences named an organisation that existed before. */
  matchedOccurrences: number;
}

export type CreatedFrom = 'staff' | 'import' | 'registration' | 'demo';

/** Organisation ids of the given normalised names that are known (as name or alias); one query. */
export async function findOrganisationIds(db: Kysely<Database>, normalisedNames: Iterable<string>): Promise<Map<string, number>> {
  const names = [...new Set(normalisedNames)];
  if (names.length === 0) return new Map();
  // the names travel as one JSON parameter: any number of them, one round trip
  const { rows } = await sql<{ normalised_name: string; organisation_id: number }>`
    select normalised_name, organisation_id
    from organisation_name
    where normalised_name in (select jsonb_array_elements_text(${JSON.stringify(names)}::jsonb))`.execute(db);
  return new Map(rows.map((row) => [row.normalised_name, row.organisation_id]));
}

/**
 * Resolves every name of a list in bulk: one query for all known names, one
 * statement creating the unknown ones. Call inside the import's transaction.
 *
 * With `readOnly` (an import's preview) nothing is written: each unknown name
 * gets a placeholder id below zero, which no stored row can ever reference, so
 * that what the preview compares against the database finds nothing for it —
 * exactly what the stored import would find for a new organisation.
 */
export async function resolveOrganisationNames(
  db: Kysely<Database>,
  occurrences: NameOccurrence[],
  options: { createdFrom: CreatedFrom; readOnly?: boolean },
): Promise<NameResolution> {
  const byName = new Map<string, { name: string; lines: number[] }>();
  for (const { name, line, normalisedName: known } of occurrences) {
    const normalisedName = known ?? normaliseName(name);
    if (normalisedName === '') continue; // a name without letters or digits means no organisation
    const entry = byName.get(normalisedName);
    if (entry) entry.lines.push(line);
    else byName.set(normalisedName, { name: name.trim(), lines: [line] });
  }
  const organisationIds = await findOrganisationIds(db, byName.keys());
  let matchedOccurrences = 0;
  const unknown: { name: string; normalised_name: string }[] = [];
  for (const [normalisedName, entry] of byName) {
    if (organisationIds.has(normalisedName)) matchedOccurrences += entry.lines.length;
    else unknown.push({ name: entry.name, normalised_name: normalisedName });
  }
  const created = options.readOnly
    ? new Map(unknown.map(({ normalised_name }, index): [string, number] => [normalised_name, -(index + 1)]))
    : await createOrganisations(db, unknown, options.createdFrom);
  for (const [normalisedName, organisationId] of created) organisationIds.set(normalisedName, organisationId);
  return {
    organisationIds,
    matchedOccurrences,
    created: unknown.map(({ normalised_name: normalisedName }) => ({
      organisationId: created.get(normalisedName)!,
      name: byName.get(normalisedName)!.name,
      normalisedName,
      lines: byName.get(normalisedName)!.lines,
    })),
  };
}

/** The organisation a single name means, created (for review) when it matches none. */
export async function resolveOrganisationName(
  db: Kysely<Database>,
  name: string,
  options: { createdFrom: CreatedFrom },
): Promise<{ organisationId: number; created: boolean } | null> {
  const normalisedName = normaliseName(name);
  if (normalisedName === '') return null;
  const resolution = await resolveOrganisationNames(db, [{ name, line: 0 }], options);
  return { organisationId: resolution.organisationIds.get(normalisedName)!, created: resolution.created.length > 0 };
}

/** One statement: an organisation per name, flagged for review, and its organisation_name row. */
async function createOrganisations(
  db: Kysely<Database>,
  names: { name: string; normalised_name: string }[],
  createdFrom: CreatedFrom,
): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  // Spellings are distinct whenever normalised forms are, so the insert's
  // returned name finds its input row again.
  const { rows } = await sql<{ normalised_name: string; organisation_id: number }>`
    with input as (
      select name, normalised_name
      from jsonb_to_recordset(${JSON.stringify(names)}::jsonb) as input (name text, normalised_name text)
    ), created as (
      insert into organisation (name, needs_review, created_from)
      select name, true, ${createdFrom} from input
      returning id, name
    )
    insert into organisation_name (normalised_name, organisation_id, name, is_alias)
    select input.normalised_name, created.id, input.name, false
    from created join input on input.name = created.name
    returning normalised_name, organisation_id`.execute(db);
  return new Map(rows.map((row) => [row.normalised_name, row.organisation_id]));
}
