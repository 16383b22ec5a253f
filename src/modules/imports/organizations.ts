import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { createListedOrganisation, findOrganisationIds, listedNamesWouldChange, type ListedNames, updateListedOrganisation, writeListedNames } from '../organisations/index.js';
import { firstOccurrence, jsonTexts, turnTaker, type StoreRows } from './context.js';
import type { OrganizationRow } from './schemas.js';

/**
 * The centre's distribution list ("Verteiler"), keyed by org_key. A row whose
 * org_key is new first looks for an organisation its name or an alias already
 * means (one created from an attendance list, say) and adopts it; only when
 * there is none is a new organisation created. A row whose names point at two
 * different organisations, or at one that another org_key owns, is refused:
 * that would be a merge, and merges are for staff in the review queue. The
 * organisations module writes (organisations/listed-organisations.ts).
 */

const compared = ['name', 'legal_form', 'founded_year', 'orientation', 'municipality', 'district', 'postcode', 'email', 'website', 'phone'] as const;

type Existing = Pick<Database['organisation'], 'org_key' | (typeof compared)[number]> & { id: number; fields: string[]; needs_review: boolean };

export const storeOrganizations: StoreRows<OrganizationRow> = async (rows, context) => {
  const { db, problems } = context;
  const seenKeys = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const unique = rows.filter((row) => {
    const keyIsNew = firstOccurrence(seenKeys, row.value.org_key, row.line, 'org_key', problems, {
      de: `derselbe org_key „${row.value.org_key}“. Jede Organisation steht einmal im Verteiler: löschen Sie die doppelte Zeile oder geben Sie ihr einen eigenen Schlüssel.`,
      en: `the same org_key "${row.value.org_key}". Each organisation is listed once: delete the repeated line or give it its own key.`,
    });
    if (!keyIsNew) return false;
    return namesOf(row.value).every(({ name, normalisedName }) =>
      firstOccurrence(seenNames, normalisedName, row.line, 'name', problems, {
        de: `der Name „${name}“ bezeichnet dieselbe Organisation wie ein Name in Zeile ${seenNames.get(normalisedName)} (nach Vereinheitlichung von Schreibweise und Rechtsform). Fassen Sie die Zeilen zusammen oder unterscheiden Sie die Namen.`,
        en: `the name "${name}" means the same organisation as a name in line ${seenNames.get(normalisedName)} (after normalising spelling and legal form). Combine the lines or tell the names apart.`,
      }),
    );
  });

  const byKey = await loadByKey(db, unique.map((row) => row.value.org_key));
  const byName = await findOrganisationIds(db, unique.flatMap((row) => namesOf(row.value).map((name) => name.normalisedName)));
  const owners = await loadOwners(db, [...byName.values()]);

  let created = 0;
  let updated = 0;
  const takeTurn = turnTaker();
  for (const { line, value } of unique) {
    await takeTurn();
    const named = new Set(namesOf(value).flatMap((name) => (byName.has(name.normalisedName) ? [byName.get(name.normalisedName)!] : [])));
    const keyed = byKey.get(value.org_key);
    const target = keyed?.id ?? (named.size === 1 ? [...named][0] : undefined);
    const foreign = [...named].filter((id) => id !== target);
    if (foreign.length > 0 || (target !== undefined && !keyed && owners.get(target)?.org_key)) {
      const other = owners.get(foreign[0] ?? target!);
      const otherLabel = other ? `„${other.name}“${other.org_key ? ` (org_key ${other.org_key})` : ''}` : '';
      problems.add(line, 'name', 'name_belongs_to_other', {
        de: `Name oder Alias dieser Zeile gehört schon zur Organisation ${otherLabel}. Sind es dieselbe Organisation, führen Sie sie in der Prüfliste zusammen oder verwenden Sie deren org_key; sonst ändern Sie den Namen.`,
        en: `A name or alias in this line already belongs to the organisation ${otherLabel.replace(/[„“]/g, '"')}. If they are the same, merge them in the review queue or use its org_key; otherwise change the name.`,
      });
      continue;
    }
    const existing = target !== undefined ? (keyed ?? owners.get(target)!) : undefined;
    if (!existing) {
      created += 1;
      if (context.preview) continue;
      await createListedOrganisation(db, { org_key: value.org_key, ...fieldsOf(value), fields: value.fields, created_from: context.source === 'demo' ? 'demo' : 'import' }, listedNames(value));
      continue;
    }
    const changed =
      existing.org_key !== value.org_key ||
      existing.needs_review ||
      compared.some((field) => (existing[field] ?? null) !== (fieldsOf(value)[field] ?? null)) ||
      existing.fields.join('|') !== value.fields.join('|');
    if (context.preview) {
      if (changed || (await listedNamesWouldChange(db, existing.id, listedNames(value)))) updated += 1;
      continue;
    }
    const namesAdded = await writeListedNames(db, existing.id, listedNames(value));
    if (changed) await updateListedOrganisation(db, existing.id, { org_key: value.org_key, ...fieldsOf(value), fields: value.fields });
    if (changed || namesAdded) updated += 1;
  }
  return { created, updated, unchanged: unique.length - created - updated };
};

/** The row's name and aliases, each normalised form once (an alias may just spell the name differently). */
function namesOf(value: OrganizationRow) {
  const seen = new Set<string>();
  return [value.name, ...value.aliases].filter(({ normalisedName }) => !seen.has(normalisedName) && seen.add(normalisedName));
}

function fieldsOf(value: OrganizationRow) {
  return {
    name: value.name.name,
    legal_form: value.legal_form,
    founded_year: value.founded_year,
    orientation: value.orientation,
    municipality: value.municipality,
    district: value.district,
    postcode: value.postcode,
    email: value.email,
    website: value.website,
    phone: value.phone,
  };
}

/** The row's names as the organisations module stores them: the name first, then the aliases. */
const listedNames = (value: OrganizationRow): ListedNames => [
  { normalised_name: value.name.normalisedName, name: value.name.name, is_alias: false },
  ...namesOf(value).slice(1).map((alias) => ({ normalised_name: alias.normalisedName, name: alias.name, is_alias: true })),
];

async function loadByKey(db: Kysely<Database>, keys: string[]): Promise<Map<string, Existing>> {
  const rows = await db
    .selectFrom('organisation')
    .select(['id', 'org_key', 'fields', 'needs_review', ...compared])
    .where('org_key', 'in', jsonTexts(keys))
    .execute();
  return new Map(rows.map((row) => [row.org_key!, row as Existing]));
}

async function loadOwners(db: Kysely<Database>, ids: number[]): Promise<Map<number, Existing>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisation')
    .select(['id', 'org_key', 'fields', 'needs_review', ...compared])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row as Existing]));
}
