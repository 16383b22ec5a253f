import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { translatedLanguages } from './input.js';

/**
 * An entry flattened to field → text, the form HSDS `metadata` records
 * changes in (field_name, previous_value, replacement_value). Saving compares
 * the snapshot before and after and writes one metadata row per changed field.
 */
export type Snapshot = Record<string, string>;

const serviceFields = [
  'name', 'description', 'status', 'published', 'url', 'email', 'application_process', 'fees_description', 'assurer_name',
  'assurer_email', 'assured_date', 'recheck_months', 'easy_read_summary',
] as const;

const locationSnapshotFields = ['address_1', 'postal_code', 'city', 'latitude', 'longitude', 'transportation', 'accessibility'] as const;

export async function snapshotService(db: Kysely<Database>, id: string): Promise<Snapshot> {
  const service = await db.selectFrom('wegweiser_service').selectAll().where('id', '=', id).executeTakeFirst();
  if (!service) return {};
  const snapshot: Snapshot = {};
  for (const field of serviceFields) snapshot[field] = service[field] === null ? '' : String(service[field]);
  const organization = await db.selectFrom('wegweiser_organization').select('name').where('id', '=', service.organization_id).executeTakeFirst();
  snapshot.organization = organization?.name ?? '';
  const list = (rows: { value: string | null }[]) => rows.map((row) => row.value ?? '').sort().join(', ');
  snapshot.service_areas = list(await db.selectFrom('wegweiser_service_area').select('name as value').where('service_id', '=', id).execute());
  snapshot.languages = list(await db.selectFrom('wegweiser_language').select('code as value').where('service_id', '=', id).execute());
  snapshot.topics = list(
    await db.selectFrom('wegweiser_attribute').innerJoin('wegweiser_taxonomy_term as term', 'term.id', 'wegweiser_attribute.taxonomy_term_id')
      .select('term.code as value').where('link_id', '=', id).execute(),
  );
  snapshot.phone = list(await db.selectFrom('wegweiser_phone').select('number as value').where('service_id', '=', id).execute());
  snapshot.opening_hours = list(await db.selectFrom('wegweiser_schedule').select('description as value').where('service_id', '=', id).execute());
  // every location in the staff form's order (by location id): location.address_1 for the first, location2.address_1 for the second …
  const locations = await db.selectFrom('wegweiser_service_at_location as sal').innerJoin('wegweiser_location as l', 'l.id', 'sal.location_id')
    .select((eb) => ['l.address_1', 'l.postal_code', 'l.city', 'l.latitude', 'l.longitude', 'l.transportation',
      eb.selectFrom('wegweiser_accessibility as a').select('a.description').whereRef('a.location_id', '=', 'l.id').orderBy('a.id').limit(1).as('accessibility')])
    .where('sal.service_id', '=', id).orderBy('sal.position').orderBy('l.id').execute();
  // the first location's fields always exist (empty when there is none), so that adding one shows as a change of each field
  for (const [index, location] of (locations.length > 0 ? locations : [undefined]).entries()) {
    for (const field of locationSnapshotFields) snapshot[`location${index === 0 ? '' : index + 1}.${field}`] = location?.[field] == null ? '' : String(location[field]);
  }
  const translations = await db.selectFrom('wegweiser_translation').select(['field', 'language', 'value']).where('entity', '=', 'service').where('entity_id', '=', id).execute();
  for (const language of translatedLanguages) for (const field of ['name', 'description']) snapshot[`${field}.${language}`] = '';
  for (const row of translations) snapshot[`${row.field}.${row.language}`] = row.value;
  return snapshot;
}

export const changedFields = (before: Snapshot, after: Snapshot) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => (before[field] ?? '') !== (after[field] ?? ''));

/** Writes the changes as HSDS metadata rows (one per field), in the caller's transaction. */
export async function recordChanges(
  db: Kysely<Database>,
  resource: { id: string; type: string },
  before: Snapshot,
  after: Snapshot,
  by: { name: string; accountId: number | null; action: string },
  at: Date,
): Promise<string[]> {
  const fields = changedFields(before, after);
  if (fields.length === 0) return fields;
  await db.insertInto('wegweiser_metadata').values(fields.map((field) => ({
    resource_id: resource.id, resource_type: resource.type, last_action_date: at, last_action_type: by.action, field_name: field,
    previous_value: before[field] ?? '', replacement_value: after[field] ?? '', updated_by: by.name, account_id: by.accountId,
  }))).execute();
  return fields;
}
