import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/tables.js';
import { todayInBerlin } from '../consultations/index.js';
import type { DirectoryScope } from '../organisations/index.js';
import type { ConsentPurpose, ConsentSource, PersonLanguage, PersonRole } from './tables.js';

/**
 * Reading persons, their roles in organisations and their consents. Other
 * modules (privacy, mail, portal) use findPerson, rolesOfPerson,
 * consentsOfPerson and hasActiveConsent; the list and the scope check serve
 * the people pages and the API.
 */

type Db = Kysely<Database>;

export interface PersonRecord {
  id: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  preferredLanguage: PersonLanguage;
  source: 'staff' | 'representative' | 'invitation' | 'import';
  notes: string | null;
  accountId: number | null;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the person was erased (Art. 17 GDPR): the row stays, its data is gone. */
  erasedAt: Date | null;
}

export async function findPerson(db: Db, id: number): Promise<PersonRecord | undefined> {
  const row = await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    preferredLanguage: row.preferred_language,
    source: row.source,
    notes: row.notes,
    accountId: row.account_id,
    createdAt: row.created_at as unknown as Date,
    updatedAt: row.updated_at as unknown as Date,
    erasedAt: row.erased_at,
  };
}

export interface PersonRoleRecord {
  organisationId: number;
  organisationName: string;
  district: string | null;
  role: PersonRole;
  since: string | null;
  until: string | null;
  /** No end date, or one still to come (the role ends on its until day). */
  active: boolean;
}

// `until` is the day the role ended: from then on it is no longer current
const isActive = (until: string | null, today: string) => until === null || until > today;

/** Every role of the person, current ones first, then by organisation name. */
export async function rolesOfPerson(db: Db, personId: number, today = todayInBerlin()): Promise<PersonRoleRecord[]> {
  const rows = await db
    .selectFrom('person_role as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select(['r.organisation_id', 'o.name', 'o.district', 'r.role', 'r.since', 'r.until'])
    .where('r.person_id', '=', personId)
    .orderBy('o.name')
    .orderBy('r.role')
    .execute();
  return rows
    .map((row) => ({
      organisationId: row.organisation_id,
      organisationName: row.name,
      district: row.district,
      role: row.role,
      since: row.since,
      until: row.until,
      active: isActive(row.until, today),
    }))
    .sort((a, b) => Number(b.active) - Number(a.active));
}

export interface ConsentRecord {
  id: number;
  purpose: ConsentPurpose;
  wordingVersion: string;
  textDe: string;
  textEn: string;
  givenOn: string;
  source: ConsentSource;
  withdrawnOn: string | null;
  withdrawalSource: ConsentSource | null;
  /** Given and not withdrawn (a withdrawal dated in the future has not taken effect yet). */
  active: boolean;
}

/** The person's whole consent history, by purpose, the latest first; withdrawn consents stay. */
export async function consentsOfPerson(db: Db, personId: number, today = todayInBerlin()): Promise<ConsentRecord[]> {
  const rows = await db
    .selectFrom('consent as c')
    .innerJoin('consent_wording as w', (join) => join.onRef('w.purpose', '=', 'c.purpose').onRef('w.version', '=', 'c.wording_version'))
    .select(['c.id', 'c.purpose', 'c.wording_version', 'w.text_de', 'w.text_en', 'c.given_on', 'c.source', 'c.withdrawn_on', 'c.withdrawal_source'])
    .where('c.person_id', '=', personId)
    .orderBy('c.purpose')
    .orderBy('c.given_on', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    purpose: row.purpose,
    wordingVersion: row.wording_version,
    textDe: row.text_de,
    textEn: row.text_en,
    givenOn: row.given_on,
    source: row.source,
    withdrawnOn: row.withdrawn_on,
    withdrawalSource: row.withdrawal_source,
    active: row.given_on <= today && !(row.withdrawn_on !== null && row.withdrawn_on <= today),
  }));
}

/** True when the person (not erased) has a consent for the purpose that is given and not withdrawn. */
export async function hasActiveConsent(db: Db, personId: number, purpose: ConsentPurpose, today = todayInBerlin()): Promise<boolean> {
  const row = await db
    .selectFrom('consent as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select('c.id')
    .where('c.person_id', '=', personId)
    .where('c.purpose', '=', purpose)
    .where('p.erased_at', 'is', null)
    .where('c.given_on', '<=', today)
    .where((eb) => eb.or([eb('c.withdrawn_on', 'is', null), eb('c.withdrawn_on', '>', today)]))
    .executeTakeFirst();
  return row !== undefined;
}

export interface ConsentWording {
  purpose: ConsentPurpose;
  version: string;
  textDe: string;
  textEn: string;
  validFrom: string;
}

export async function consentWordings(db: Db): Promise<ConsentWording[]> {
  const rows = await db.selectFrom('consent_wording').selectAll().orderBy('purpose').orderBy('valid_from', 'desc').orderBy('version', 'desc').execute();
  return rows.map((row) => ({ purpose: row.purpose, version: row.version, textDe: row.text_de, textEn: row.text_en, validFrom: row.valid_from }));
}

/**
 * A coordinator sees a person who holds a current role in an organisation of
 * their districts; centre staff see everyone (scope.districts null).
 */
export async function personInScope(db: Db, scope: DirectoryScope, personId: number, today = todayInBerlin()): Promise<boolean> {
  if (scope.districts === null) return true;
  const { rows } = await sql<{ id: number }>`
    select p.id from person p where p.id = ${personId} and ${scopeCondition(scope, today)}`.execute(db);
  return rows.length > 0;
}

// the districts travel as one JSON parameter (a coordinator may have any number of them)
const inDistricts = (scope: DirectoryScope) => sql`o.district in (select jsonb_array_elements_text(${JSON.stringify(scope.districts ?? [])}::jsonb))`;

function scopeCondition(scope: DirectoryScope, today: string): RawBuilder<unknown> {
  return sql`exists (
    select 1 from person_role r join organisation o on o.id = r.organisation_id
    where r.person_id = p.id and (r.until is null or r.until > ${today}) and ${inDistricts(scope)})`;
}

export interface PeopleQuery {
  q?: string;
  organisationId?: number;
  role?: PersonRole;
  limit: number;
  offset: number;
  today?: string;
}

export interface PeopleListEntry {
  id: number;
  /** null for an erased person: shown as "Gelöscht", without data. */
  fullName: string | null;
  erased: boolean;
  /** null when the reader may not see contact data (or there is none). */
  email: string | null;
  phone: string | null;
  preferredLanguage: PersonLanguage | null;
  /** Current roles; for a coordinator only those in organisations of their districts. */
  roles: { organisationId: number; organisationName: string; role: PersonRole }[];
}

interface ListRow {
  id: number | null;
  full_name: string;
  email: string | null;
  phone: string | null;
  preferred_language: PersonLanguage;
  erased: boolean;
  directory_consent: boolean;
  roles: string | { organisation_id: number; organisation_name: string; role: PersonRole }[] | null;
  total: number | string;
}

/**
 * The people list: tolerant name search with pg_trgm on the lower-cased name
 * with diacritics folded (person_search_name, index person_search_name_trgm,
 * 031_people.sql): similar as a whole (`%`,
 * similarity ≥ 0.3), a word-similar stretch (`<%`, ≥ 0.6: typos inside a
 * long name) or a plain substring; best matches first. Erased persons never
 * match a search. Coordinators see contact data only with an active
 * 'directory' consent.
 */
export async function searchPeople(db: Db, scope: DirectoryScope, query: PeopleQuery): Promise<{ total: number; items: PeopleListEntry[] }> {
  const today = query.today ?? todayInBerlin();
  const text = (query.q ?? '').trim().replace(/\s+/g, ' ');
  // the search text is folded like the names (031_people.sql); immutable, so evaluated once
  const q = sql`person_search_name(${text})`;
  const name = sql`person_search_name(p.full_name)`;
  const filters: RawBuilder<unknown>[] = [];
  if (scope.districts !== null) filters.push(scopeCondition(scope, today));
  if (text) {
    const contains = sql`'%' || person_search_name(${text.replace(/[\\%_]/g, (match) => `\\${match}`)}) || '%'`;
    filters.push(sql`p.erased_at is null and (${name} % ${q} or ${q} <% ${name} or ${name} like ${contains})`);
  }
  if (query.organisationId !== undefined || query.role !== undefined) {
    const organisation = query.organisationId !== undefined ? sql`and r.organisation_id = ${query.organisationId}` : sql``;
    const role = query.role !== undefined ? sql`and r.role = ${query.role}` : sql``;
    filters.push(sql`exists (select 1 from person_role r where r.person_id = p.id and (r.until is null or r.until > ${today}) ${organisation} ${role})`);
  }
  const where = filters.length > 0 ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
  const order = text
    ? sql`greatest(similarity(${q}, ${name}), word_similarity(${q}, ${name})) desc, p.full_name, p.id`
    : sql`(p.erased_at is not null), p.full_name, p.id`;
  const roleScope = scope.districts !== null ? sql`and ${inDistricts(scope)}` : sql``;
  const { rows } = await sql<ListRow>`
    select p.id, p.full_name, p.email, p.phone, p.preferred_language, (p.erased_at is not null) as erased,
           exists (select 1 from consent c where c.person_id = p.id and c.purpose = 'directory' and c.given_on <= ${today}
                   and (c.withdrawn_on is null or c.withdrawn_on > ${today})) as directory_consent,
           (select json_agg(json_build_object('organisation_id', o.id, 'organisation_name', o.name, 'role', r.role) order by o.name, r.role)
              from person_role r join organisation o on o.id = r.organisation_id
             where r.person_id = p.id and (r.until is null or r.until > ${today}) ${roleScope}) as roles,
           count(*) over () as total
    from person p
    ${where}
    order by ${order}
    limit ${query.limit} offset ${query.offset}`.execute(db);
  const total = rows.length > 0 ? Number(rows[0].total) : await countPeople(db, where);
  return { total, items: rows.map((row) => toEntry(row, scope.districts === null)) };
}

// A page past the end has no rows to carry the total: count separately.
async function countPeople(db: Db, where: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ total: number | string }>`select count(*) as total from person p ${where}`.execute(db);
  return Number(rows[0]?.total ?? 0);
}

function toEntry(row: ListRow, centreStaff: boolean): PeopleListEntry {
  if (row.erased) return { id: row.id!, fullName: null, erased: true, email: null, phone: null, preferredLanguage: null, roles: [] };
  const contact = centreStaff || row.directory_consent;
  const roles = typeof row.roles === 'string' ? JSON.parse(row.roles) : (row.roles ?? []);
  return {
    id: row.id!,
    fullName: row.full_name,
    erased: false,
    email: contact ? row.email : null,
    phone: contact ? row.phone : null,
    preferredLanguage: row.preferred_language,
    roles: (roles as { organisation_id: number; organisation_name: string; role: PersonRole }[]).map((role) => ({
      organisationId: role.organisation_id,
      organisationName: role.organisation_name,
      role: role.role,
    })),
  };
}

/** The organisation's name, for the list's filter heading; undefined when unknown or outside the reader's districts. */
export async function organisationName(db: Db, scope: DirectoryScope, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('organisation').select(['name', 'district']).where('id', '=', id).executeTakeFirst();
  if (!row || (scope.districts !== null && (row.district === null || !scope.districts.includes(row.district)))) return undefined;
  return row.name;
}
