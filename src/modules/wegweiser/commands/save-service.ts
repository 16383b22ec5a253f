import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import { findPostcode } from '../geography.js';
import { serviceProblems, translatedLanguages, type LocationInput, type Problem, type ServiceInput } from '../input.js';
import { districtsOutsideScope, scopeOf, type Actor } from '../policy.js';
import { recordChanges, snapshotService } from '../snapshot.js';
import { refreshSearchText, topicCodes } from '../queries.js';
import { addedFromSuggestion } from './suggestions.js';

/** Thrown inside the transaction to store nothing when the suggestion an entry is made from was decided meanwhile. */
class SuggestionDecided extends Error {}

export type SaveOutcome = { ok: true; id: string; changed: string[] } | { ok: false; problems: Problem[] };

/**
 * Creates an entry (no `serviceId`) or replaces one with what the form holds,
 * in one transaction: nothing is stored when a field is wrong. Each changed
 * field goes into the HSDS metadata history. An ordinary edit never sets
 * `assured_date` or the assurer's confirmation (commands/confirm.ts does):
 * a date that moves with every typo fix would say nothing about whether
 * somebody checked the entry.
 */
export async function saveService(
  db: Kysely<Database>, actor: Actor, input: ServiceInput, options: { serviceId?: string; now: Date; /** a new entry made from this suggestion (closed as added with it) */ fromSuggestion?: number },
): Promise<SaveOutcome> {
  const problems = await serviceProblems(input, await topicCodes(db));
  // each location's district from its postcode (a coordinator may only place an entry in their districts)
  const locationDistricts = await Promise.all(input.locations.map(async (location) => (location.postal_code ? (await findPostcode(location.postal_code))?.district ?? null : null)));
  const districts = [...new Set([...input.areas, ...locationDistricts.filter((district): district is string => district !== null)])];
  const scope = await scopeOf(db, actor);
  if (scope.districts !== null) {
    if (districts.length === 0) problems.push({ field: 'areas', code: 'districtRequired' });
    for (const district of districtsOutsideScope(scope, districts)) problems.push({ field: 'areas', code: 'districtOutsideScope', parameters: { value: district } });
  }
  if (problems.length > 0) return { ok: false, problems };

  try {
    return await store(db, actor, input, options, locationDistricts);
  } catch (error) {
    if (error instanceof SuggestionDecided) return { ok: false, problems: [{ field: 'name', code: 'suggestionDecided' }] };
    throw error;
  }
}

async function store(db: Kysely<Database>, actor: Actor, input: ServiceInput, options: { serviceId?: string; now: Date; fromSuggestion?: number }, locationDistricts: (string | null)[]) {
  return db.transaction().execute(async (trx) => {
    const before = options.serviceId ? await snapshotService(trx, options.serviceId) : {};
    const organizationId = await organizationNamed(trx, input.organizationName.trim(), options.now);
    const previous = options.serviceId
      ? await trx.selectFrom('wegweiser_service').select(['easy_read_summary', 'easy_read_checked_at']).where('id', '=', options.serviceId).executeTakeFirstOrThrow()
      : undefined;
    const easyRead = input.easyRead?.trim() || null;
    // a checked summary stays checked only while its text is unchanged, unless the saver checks it again
    const checkedStays = previous?.easy_read_checked_at != null && previous.easy_read_summary === easyRead;
    const values = {
      organization_id: organizationId,
      name: input.name.trim(),
      description: input.description.trim(),
      status: input.status as Exclude<ServiceInput['status'], ''>,
      published: input.published,
      url: input.url,
      email: input.email,
      application_process: input.applicationProcess,
      fees_description: input.feesDescription,
      assurer_name: input.assurerName,
      assurer_email: input.assurerEmail,
      recheck_months: input.recheckMonths,
      easy_read_summary: easyRead,
      ...(input.easyReadChecked && easyRead
        ? { easy_read_checked_by: actor.id, easy_read_checked_at: options.now }
        : checkedStays ? {} : { easy_read_checked_by: null, easy_read_checked_at: null }),
      last_modified: options.now,
    };
    const id = options.serviceId
      ? (await trx.updateTable('wegweiser_service').set(values).where('id', '=', options.serviceId).returning('id').executeTakeFirstOrThrow()).id
      : (await trx.insertInto('wegweiser_service').values(values).returning('id').executeTakeFirstOrThrow()).id;

    await replaceChildren(trx, id, organizationId, input, locationDistricts);
    await refreshSearchText(trx, id);
    const changed = await recordChanges(trx, { id, type: 'service' }, before, await snapshotService(trx, id),
      { name: actor.email, accountId: actor.id, action: options.serviceId ? 'update' : 'create' }, options.now);
    await writeAudit(trx, { accountId: actor.id, action: options.serviceId ? 'wegweiser.service.update' : 'wegweiser.service.create', subjectType: 'wegweiser_service', subjectId: id, details: { fields: changed } });
    if (!options.serviceId && options.fromSuggestion !== undefined && !(await addedFromSuggestion(trx, actor.id, options.fromSuggestion, id, options.now))) throw new SuggestionDecided();
    return { ok: true as const, id, changed };
  });
}

/** The organisation of that name (case-insensitive), created when there is none. */
async function organizationNamed(db: Kysely<Database>, name: string, now: Date): Promise<string> {
  const existing = await db.selectFrom('wegweiser_organization').select('id').where(sql<string>`lower(name)`, '=', name.toLowerCase()).orderBy('id').executeTakeFirst();
  if (existing) return existing.id;
  return (await db.insertInto('wegweiser_organization').values({ name, last_modified: now }).returning('id').executeTakeFirstOrThrow()).id;
}

async function replaceChildren(db: Kysely<Database>, id: string, organizationId: string, input: ServiceInput, districts: (string | null)[]) {
  await db.deleteFrom('wegweiser_service_area').where('service_id', '=', id).execute();
  if (input.areas.length > 0) await db.insertInto('wegweiser_service_area').values([...new Set(input.areas)].map((name) => ({ service_id: id, name }))).execute();
  await db.deleteFrom('wegweiser_language').where('service_id', '=', id).execute();
  if (input.languages.length > 0) await db.insertInto('wegweiser_language').values([...new Set(input.languages)].map((code) => ({ service_id: id, code }))).execute();
  await db.deleteFrom('wegweiser_attribute').where('link_id', '=', id).execute();
  if (input.topics.length > 0) {
    const terms = await db.selectFrom('wegweiser_taxonomy_term').select('id').where('code', 'in', input.topics).execute();
    await db.insertInto('wegweiser_attribute').values(terms.map((term) => ({ link_id: id, link_entity: 'service' as const, link_type: 'topic', taxonomy_term_id: term.id }))).execute();
  }
  await db.deleteFrom('wegweiser_phone').where('service_id', '=', id).execute();
  if (input.phone) await db.insertInto('wegweiser_phone').values({ service_id: id, number: input.phone }).execute();
  await db.deleteFrom('wegweiser_schedule').where('service_id', '=', id).execute();
  if (input.openingHours) await db.insertInto('wegweiser_schedule').values({ service_id: id, description: input.openingHours }).execute();
  await saveLocations(db, id, organizationId, input.locations, districts);
  await db.deleteFrom('wegweiser_translation').where('entity', '=', 'service').where('entity_id', '=', id).execute();
  const translations = translatedLanguages.flatMap((language) =>
    (['name', 'description'] as const)
      .map((field) => ({ entity: 'service', entity_id: id, field, language, value: input.translations[language]?.[field]?.trim() ?? '' }))
      .filter((row) => row.value !== ''),
  );
  if (translations.length > 0) await db.insertInto('wegweiser_translation').values(translations).execute();
}

/**
 * The form's locations in their order (service_at_location.position): the
 * n-th updates the entry's n-th location or adds one; locations beyond the
 * form's are unlinked, and deleted when no other service is offered there.
 * A location's name, phones and opening hours from an import stay (the form
 * does not show them).
 */
async function saveLocations(db: Kysely<Database>, serviceId: string, organizationId: string, locations: LocationInput[], districts: (string | null)[]) {
  const existing = await db.selectFrom('wegweiser_service_at_location').select(['id', 'location_id']).where('service_id', '=', serviceId)
    .orderBy('position').orderBy('location_id').execute();
  for (const [position, location] of locations.entries()) {
    const values = {
      organization_id: organizationId, address_1: location.address_1, postal_code: location.postal_code, city: location.city,
      district: districts[position] ?? null, latitude: location.latitude, longitude: location.longitude, transportation: location.transportation,
    };
    let locationId = existing[position]?.location_id;
    if (locationId) {
      await db.updateTable('wegweiser_location').set(values).where('id', '=', locationId).execute();
      await db.updateTable('wegweiser_service_at_location').set({ position }).where('id', '=', existing[position].id).execute();
    } else {
      locationId = (await db.insertInto('wegweiser_location').values({ ...values, name: location.name }).returning('id').executeTakeFirstOrThrow()).id;
      await db.insertInto('wegweiser_service_at_location').values({ service_id: serviceId, location_id: locationId, position }).execute();
    }
    await db.deleteFrom('wegweiser_accessibility').where('location_id', '=', locationId).execute();
    if (location.accessibility) await db.insertInto('wegweiser_accessibility').values({ location_id: locationId, description: location.accessibility }).execute();
  }
  const dropped = existing.slice(locations.length);
  if (dropped.length === 0) return;
  await db.deleteFrom('wegweiser_service_at_location').where('id', 'in', dropped.map((link) => link.id)).execute();
  await db.deleteFrom('wegweiser_location')
    .where('id', 'in', dropped.map((link) => link.location_id))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('wegweiser_service_at_location as other').select('other.id').whereRef('other.location_id', '=', 'wegweiser_location.id'))))
    .execute();
}
