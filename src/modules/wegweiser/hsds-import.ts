import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { translator } from '../../i18n/index.js';
import { isEmail, locationProblems } from './input.js';
import { refreshSearchText } from './queries.js';
import { serviceStatuses, type ServiceStatus } from './tables.js';

/**
 * `mosaik import hsds DIR`: an HSDS 3.0 JSON export of another directory
 * (services.json with nested objects, as /api/hsds/services/{id} and
 * `mosaik export hsds` write them; organizations.json, taxonomies.json and
 * taxonomy_terms.json when present). All or nothing: every record is checked
 * first, and one problem stores nothing. Records keep their ids, so that a
 * second import of the same file updates instead of duplicating.
 */

export interface ImportProblem {
  file: string;
  /** 1-based position in the file's array, and the record's id when it has one. */
  record: number;
  id?: string;
  field: string;
  code: string;
  value?: string;
}

type Json = Record<string, any>;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((v) => v && typeof v === 'object') : []);
const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** "services.json, Datensatz 3 (id …), Feld name: … / services.json, record 3 (id …), field name: …" */
export function describeProblem(problem: ImportProblem): string {
  const say = (language: 'de' | 'en') => {
    const t = translator(language);
    return t('wegweiser.import.problem', { file: problem.file, record: problem.record, id: problem.id ?? '–', field: problem.field, message: t(`wegweiser.errors.${problem.code}`, { value: problem.value ?? '' }) });
  };
  return `${say('de')} / ${say('en')}`;
}

async function readArray(folder: string, name: string, required: boolean, problems: ImportProblem[]): Promise<Json[]> {
  let text: string;
  try {
    text = await readFile(join(folder, name), 'utf8');
  } catch {
    if (required) problems.push({ file: name, record: 0, field: '(file)', code: 'fileMissing' });
    return [];
  }
  try {
    const parsed = JSON.parse(text);
    const array = Array.isArray(parsed) ? parsed : Array.isArray(parsed?.contents) ? parsed.contents : null;
    if (!array) problems.push({ file: name, record: 0, field: '(file)', code: 'notAnArray' });
    return array ?? [];
  } catch (error) {
    problems.push({ file: name, record: 0, field: '(file)', code: 'jsonInvalid', value: (error as Error).message.slice(0, 120) });
    return [];
  }
}

export interface ImportOutcome {
  ok: boolean;
  problems: ImportProblem[];
  counts: { services: number; organizations: number; taxonomy_terms: number };
}

export async function importHsds(db: Kysely<Database>, folder: string, now: Date): Promise<ImportOutcome> {
  const problems: ImportProblem[] = [];
  const services = await readArray(folder, 'services.json', true, problems);
  const organizations = await readArray(folder, 'organizations.json', false, problems);
  const taxonomies = await readArray(folder, 'taxonomies.json', false, problems);
  const terms = await readArray(folder, 'taxonomy_terms.json', false, problems);
  const known = await db.selectFrom('wegweiser_taxonomy_term').select(['id', 'code']).execute();
  const termByCode = new Map(known.map((t) => [t.code, t.id]));
  const termIds = new Set(known.map((t) => t.id));
  terms.forEach((term, index) => {
    const at = { file: 'taxonomy_terms.json', record: index + 1, id: str(term.id) ?? undefined };
    if (!str(term.id) || !uuidPattern.test(term.id)) problems.push({ ...at, field: 'id', code: 'idInvalid' });
    if (!str(term.name)) problems.push({ ...at, field: 'name', code: 'nameMissing' });
    const code = str(term.code);
    if (!code) problems.push({ ...at, field: 'code', code: 'codeInvalid' });
    // a term of our own taxonomy (known code) is matched by code; a term of another taxonomy comes in as it is
    if (code) termIds.add(term.id);
  });
  const fileTermCodes = new Map(terms.map((term) => [term.id, term.code]));
  const organizationIds = new Set(organizations.map((o) => o.id));
  for (const [index, service] of services.entries()) await checkService(service, index + 1, { termIds, termByCode, organizationIds }, problems);
  const counts = { services: services.length, organizations: organizations.length, taxonomy_terms: terms.length };
  if (problems.length > 0) return { ok: false, problems, counts };
  await db.transaction().execute(async (trx) => {
    for (const taxonomy of taxonomies) {
      if (!str(taxonomy.id) || !str(taxonomy.name)) continue;
      await trx.insertInto('wegweiser_taxonomy').values({ id: taxonomy.id, name: taxonomy.name, description: str(taxonomy.description) ?? '', uri: str(taxonomy.uri), version: str(taxonomy.version) })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: taxonomy.name, description: str(taxonomy.description) ?? '' })).execute();
    }
    for (const term of terms) {
      if (termByCode.has(term.code)) continue;
      const taxonomyId = str(term.taxonomy_id) ?? 'a0000000-0000-4000-8000-000000000001';
      await trx.insertInto('wegweiser_taxonomy_term').values({ id: term.id, taxonomy_id: taxonomyId, code: term.code, name: term.name, description: str(term.description) ?? '' })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: term.name, description: str(term.description) ?? '' })).execute();
      termByCode.set(term.code, term.id);
    }
    for (const organization of [...organizations, ...services.map((s) => s.organization).filter(Boolean)]) await upsertOrganization(trx, organization, now);
    const termOf = (attribute: Json): string => termByCode.get(str(attribute.taxonomy_term?.code) ?? fileTermCodes.get(attribute.taxonomy_term_id) ?? '') ?? attribute.taxonomy_term_id;
    for (const service of services) await storeService(trx, service, termOf, now);
  });
  return { ok: true, problems: [], counts };
}

async function checkService(service: Json, record: number, known: { termIds: Set<string>; termByCode: Map<string, string>; organizationIds: Set<unknown> }, problems: ImportProblem[]) {
  const at = { file: 'services.json', record, id: str(service.id) ?? undefined };
  if (!str(service.id) || !uuidPattern.test(service.id)) problems.push({ ...at, field: 'id', code: 'idInvalid' });
  if (!str(service.name)) problems.push({ ...at, field: 'name', code: 'nameMissing' });
  if (!serviceStatuses.includes(service.status)) problems.push({ ...at, field: 'status', code: 'statusMissing', value: String(service.status ?? '') });
  const organizationId = str(service.organization?.id) ?? str(service.organization_id);
  if (!organizationId || !uuidPattern.test(organizationId)) problems.push({ ...at, field: 'organization_id', code: 'organizationMissing' });
  else if (!service.organization && !known.organizationIds.has(organizationId)) problems.push({ ...at, field: 'organization_id', code: 'organizationUnknown', value: organizationId });
  else if (service.organization && !str(service.organization.name)) problems.push({ ...at, field: 'organization.name', code: 'organizationMissing' });
  if (str(service.email) && !isEmail(service.email)) problems.push({ ...at, field: 'email', code: 'emailInvalid' });
  if (str(service.assurer_email) && !isEmail(service.assurer_email)) problems.push({ ...at, field: 'assurer_email', code: 'emailInvalid' });
  if (service.assured_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(service.assured_date))) problems.push({ ...at, field: 'assured_date', code: 'dateInvalid', value: String(service.assured_date) });
  for (const [i, sal] of list(service.service_at_locations).entries()) {
    const location = sal.location ?? {};
    const latitude = location.latitude === undefined ? null : Number(location.latitude);
    const longitude = location.longitude === undefined ? null : Number(location.longitude);
    const address = list(location.addresses)[0];
    for (const problem of await locationProblems({ postal_code: str(address?.postal_code), latitude, longitude })) {
      problems.push({ ...at, field: `service_at_locations[${i}].location.${problem.field === 'postal_code' ? 'addresses[0].postal_code' : problem.field}`, code: problem.code, value: problem.parameters?.value });
    }
  }
  for (const [i, attribute] of list(service.attributes).entries()) {
    const code = str(attribute.taxonomy_term?.code);
    if (known.termIds.has(attribute.taxonomy_term_id) || (code && known.termByCode.has(code))) continue;
    problems.push({ ...at, field: `attributes[${i}].taxonomy_term_id`, code: 'topicUnknown', value: code ?? String(attribute.taxonomy_term_id ?? '') });
  }
  for (const [i, language] of list(service.languages).entries()) {
    if (!/^[a-z]{2,3}$/.test(String(language.code ?? ''))) problems.push({ ...at, field: `languages[${i}].code`, code: 'languageInvalid', value: String(language.code ?? '') });
  }
}

async function upsertOrganization(db: Kysely<Database>, o: Json, now: Date) {
  const values = { name: o.name, alternate_name: str(o.alternate_name), description: str(o.description) ?? '', email: str(o.email), website: str(o.website), last_modified: now };
  await db.insertInto('wegweiser_organization').values({ id: o.id, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
}

async function storeService(db: Kysely<Database>, s: Json, termOf: (attribute: Json) => string, now: Date) {
  const id: string = s.id;
  const values = {
    organization_id: str(s.organization?.id) ?? s.organization_id, name: s.name, alternate_name: str(s.alternate_name), description: str(s.description) ?? '',
    url: str(s.url), email: str(s.email), status: s.status as ServiceStatus, application_process: str(s.application_process), fees_description: str(s.fees_description),
    assurer_email: str(s.assurer_email), assured_date: str(s.assured_date), last_modified: str(s.last_modified) ?? now,
  };
  await db.insertInto('wegweiser_service').values({ id, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
  for (const table of ['wegweiser_phone', 'wegweiser_schedule', 'wegweiser_service_area', 'wegweiser_language', 'wegweiser_contact', 'wegweiser_cost_option', 'wegweiser_service_at_location'] as const) {
    await db.deleteFrom(table).where('service_id', '=', id).execute();
  }
  await db.deleteFrom('wegweiser_attribute').where('link_id', '=', id).execute();
  await db.deleteFrom('wegweiser_metadata').where('resource_id', '=', id).execute();
  for (const p of list(s.phones)) await db.insertInto('wegweiser_phone').values({ id: p.id, service_id: id, number: String(p.number ?? ''), extension: num(p.extension), type: str(p.type), description: str(p.description) }).execute();
  for (const x of list(s.schedules)) await db.insertInto('wegweiser_schedule').values({ id: x.id, service_id: id, byday: str(x.byday), opens_at: str(x.opens_at), closes_at: str(x.closes_at), description: str(x.description) }).execute();
  for (const a of list(s.service_areas)) await db.insertInto('wegweiser_service_area').values({ id: a.id, service_id: id, name: String(a.name ?? ''), description: str(a.description) }).execute();
  for (const l of list(s.languages)) await db.insertInto('wegweiser_language').values({ id: l.id, service_id: id, code: l.code, name: str(l.name), note: str(l.note) }).onConflict((oc) => oc.columns(['service_id', 'code']).doNothing()).execute();
  for (const c of list(s.contacts)) await db.insertInto('wegweiser_contact').values({ id: c.id, service_id: id, organization_id: str(c.organization_id), name: str(c.name), title: str(c.title), department: str(c.department), email: str(c.email) }).execute();
  for (const c of list(s.cost_options)) await db.insertInto('wegweiser_cost_option').values({ id: c.id, service_id: id, option: str(c.option), amount: num(c.amount), currency: str(c.currency), amount_description: str(c.amount_description) }).execute();
  // in the file's order, which the staff form and the next export keep (service_at_location.position)
  for (const [position, sal] of list(s.service_at_locations).entries()) {
    if (sal.location) await storeLocation(db, sal.location, now);
    await db.insertInto('wegweiser_service_at_location').values({ id: sal.id, service_id: id, location_id: sal.location_id ?? sal.location.id, description: str(sal.description), position }).execute();
  }
  for (const a of list(s.attributes)) {
    const termId = termOf(a);
    await db.insertInto('wegweiser_attribute').values({ id: a.id, link_id: id, link_entity: 'service', link_type: str(a.link_type), taxonomy_term_id: termId, value: str(a.value) })
      .onConflict((oc) => oc.columns(['link_id', 'taxonomy_term_id']).doNothing()).execute();
  }
  for (const m of list(s.metadata)) {
    await db.insertInto('wegweiser_metadata').values({
      id: m.id, resource_id: id, resource_type: str(m.resource_type) ?? 'service', last_action_date: str(m.last_action_date) ?? now, last_action_type: String(m.last_action_type ?? 'import'),
      field_name: String(m.field_name ?? ''), previous_value: String(m.previous_value ?? ''), replacement_value: String(m.replacement_value ?? ''), updated_by: String(m.updated_by ?? ''), account_id: null,
    }).execute();
  }
  await refreshSearchText(db, id);
}

async function storeLocation(db: Kysely<Database>, l: Json, now: Date) {
  const address = list(l.addresses)[0];
  const values = {
    organization_id: str(l.organization_id), name: str(l.name), description: str(l.description), transportation: str(l.transportation),
    address_1: str(address?.address_1), postal_code: str(address?.postal_code), city: str(address?.city),
    district: l.external_identifier_type === 'district' ? str(l.external_identifier) : null, latitude: num(l.latitude), longitude: num(l.longitude), last_modified: now,
  };
  await db.insertInto('wegweiser_location').values({ id: l.id, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
  await db.deleteFrom('wegweiser_accessibility').where('location_id', '=', l.id).execute();
  for (const a of list(l.accessibility)) await db.insertInto('wegweiser_accessibility').values({ id: a.id, location_id: l.id, description: str(a.description), details: str(a.details), url: str(a.url) }).execute();
  await db.deleteFrom('wegweiser_phone').where('location_id', '=', l.id).execute();
  for (const p of list(l.phones)) await db.insertInto('wegweiser_phone').values({ id: p.id, location_id: l.id, number: String(p.number ?? ''), extension: num(p.extension), type: str(p.type), description: str(p.description) }).execute();
  await db.deleteFrom('wegweiser_schedule').where('location_id', '=', l.id).execute();
  for (const x of list(l.schedules)) await db.insertInto('wegweiser_schedule').values({ id: x.id, location_id: l.id, byday: str(x.byday), opens_at: str(x.opens_at), closes_at: str(x.closes_at), description: str(x.description) }).execute();
}
