import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * Reads of portraits. Public reads join `released_at is not null` in SQL,
 * never in a view, so that nothing unreleased can leave by a forgotten check.
 * Micro-projects are the approved rows of the funder's list
 * (grant_application, owned by the grants module: read here, never written).
 */

type Db = Kysely<Database>;

export interface MicroProject {
  organisationId: number;
  year: number;
  summary: string | null;
}

export interface ReleasedAssociation {
  id: number;
  name: string;
  municipality: string | null;
  district: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  fields: string[];
  hasPhoto: boolean;
  projects: MicroProject[];
}

async function approvedProjects(db: Db, organisationIds: number[]): Promise<Map<number, MicroProject[]>> {
  const byOrganisation = new Map<number, MicroProject[]>();
  if (organisationIds.length === 0) return byOrganisation;
  const rows = await db
    .selectFrom('grant_application')
    .select(['organisation_id', 'year', 'summary'])
    .where('status', '=', 'approved')
    .where('organisation_id', 'in', organisationIds)
    .orderBy('organisation_id')
    .orderBy('year', 'desc')
    .execute();
  for (const row of rows) {
    const list = byOrganisation.get(row.organisation_id) ?? [];
    list.push({ organisationId: row.organisation_id, year: row.year, summary: row.summary });
    byOrganisation.set(row.organisation_id, list);
  }
  return byOrganisation;
}

/** Every released portrait's association with its approved micro-projects, by name. */
export async function releasedAssociations(db: Db): Promise<ReleasedAssociation[]> {
  const rows = await db
    .selectFrom('portrait')
    .innerJoin('organisation', 'organisation.id', 'portrait.organisation_id')
    .select([
      'organisation.id', 'organisation.name', 'organisation.municipality', 'organisation.district', 'organisation.postcode',
      'organisation.latitude', 'organisation.longitude', 'organisation.fields', sql<boolean>`portrait.photo is not null`.as('has_photo'),
    ])
    .where('portrait.released_at', 'is not', null)
    .orderBy('organisation.name')
    .orderBy('organisation.id')
    .execute();
  const projects = await approvedProjects(db, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id, name: row.name, municipality: row.municipality, district: row.district, postcode: row.postcode,
    latitude: row.latitude, longitude: row.longitude, fields: row.fields, hasPhoto: row.has_photo, projects: projects.get(row.id) ?? [],
  }));
}

export interface PublicPortrait extends ReleasedAssociation {
  text: string;
  website: string | null;
  languages: string[];
  photoAlt: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
  releasedAt: Date;
}

/** One released portrait, or undefined when there is none (never released, withdrawn, unknown). */
export async function publicPortrait(db: Db, organisationId: number): Promise<PublicPortrait | undefined> {
  const row = await db
    .selectFrom('portrait')
    .innerJoin('organisation', 'organisation.id', 'portrait.organisation_id')
    .select([
      'organisation.id', 'organisation.name', 'organisation.municipality', 'organisation.district', 'organisation.postcode',
      'organisation.latitude', 'organisation.longitude', 'organisation.fields', 'organisation.website', 'organisation.languages',
      'portrait.text', 'portrait.photo_alt', 'portrait.photo_width', 'portrait.photo_height', 'portrait.released_at',
      sql<boolean>`portrait.photo is not null`.as('has_photo'),
    ])
    .where('portrait.organisation_id', '=', organisationId)
    .where('portrait.released_at', 'is not', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const projects = await approvedProjects(db, [row.id]);
  return {
    id: row.id, name: row.name, municipality: row.municipality, district: row.district, postcode: row.postcode,
    latitude: row.latitude, longitude: row.longitude, fields: row.fields, hasPhoto: row.has_photo, projects: projects.get(row.id) ?? [],
    text: row.text, website: row.website, languages: row.languages, photoAlt: row.photo_alt, photoWidth: row.photo_width,
    photoHeight: row.photo_height, releasedAt: row.released_at!,
  };
}

/** The photo of a released portrait. */
export async function publicPhoto(db: Db, organisationId: number): Promise<{ bytes: Buffer; type: string } | undefined> {
  const row = await db
    .selectFrom('portrait')
    .select(['photo', 'photo_type'])
    .where('organisation_id', '=', organisationId)
    .where('released_at', 'is not', null)
    .where('photo', 'is not', null)
    .executeTakeFirst();
  return row?.photo && row.photo_type ? { bytes: Buffer.from(row.photo), type: row.photo_type } : undefined;
}

export interface EditablePortrait {
  organisationId: number;
  organisationName: string;
  text: string;
  photoAlt: string;
  hasPhoto: boolean;
  photoType: string | null;
  releasedAt: Date | null;
  releaseBasis: 'representative' | 'paper_consent' | null;
  paperConsentBy: string | null;
  paperConsentOn: string | null;
  withdrawnAt: Date | null;
}

/** A portrait as its editors see it; a first one starts from the profile's portrait text. */
export async function editablePortrait(db: Db, organisationId: number): Promise<EditablePortrait | undefined> {
  const row = await db
    .selectFrom('organisation')
    .leftJoin('portrait', 'portrait.organisation_id', 'organisation.id')
    .select([
      'organisation.id', 'organisation.name', 'organisation.portrait as profile_text', 'portrait.organisation_id as portrait_id', 'portrait.text',
      'portrait.photo_alt', 'portrait.photo_type', 'portrait.released_at', 'portrait.release_basis', 'portrait.paper_consent_by',
      'portrait.paper_consent_on', 'portrait.withdrawn_at',
    ])
    .where('organisation.id', '=', organisationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    organisationId: row.id, organisationName: row.name, text: row.portrait_id === null ? (row.profile_text ?? '') : (row.text ?? ''),
    photoAlt: row.photo_alt ?? '', hasPhoto: row.photo_type !== null, photoType: row.photo_type, releasedAt: row.released_at,
    releaseBasis: row.release_basis, paperConsentBy: row.paper_consent_by, paperConsentOn: row.paper_consent_on, withdrawnAt: row.withdrawn_at,
  };
}

export interface PortraitListRow {
  organisationId: number;
  name: string;
  municipality: string | null;
  releasedAt: Date | null;
  withdrawnAt: Date | null;
  started: boolean;
}

/** Staff's list: every portrait begun, and organisations found by name to begin one. */
export async function portraitsForStaff(db: Db, search: string): Promise<PortraitListRow[]> {
  let query = db
    .selectFrom('organisation')
    .leftJoin('portrait', 'portrait.organisation_id', 'organisation.id')
    .select(['organisation.id', 'organisation.name', 'organisation.municipality', 'portrait.released_at', 'portrait.withdrawn_at', 'portrait.organisation_id as portrait_id'])
    .orderBy('organisation.name')
    .orderBy('organisation.id')
    .limit(200);
  query = search ? query.where('organisation.name', 'ilike', `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : query.where('portrait.organisation_id', 'is not', null);
  const rows = await query.execute();
  return rows.map((row) => ({
    organisationId: row.id, name: row.name, municipality: row.municipality, releasedAt: row.released_at, withdrawnAt: row.withdrawn_at, started: row.portrait_id !== null,
  }));
}

/** The organisations a representative speaks for, with their portrait's state. */
export async function portraitsOfRepresentative(db: Db, organisationIds: number[]): Promise<PortraitListRow[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('organisation')
    .leftJoin('portrait', 'portrait.organisation_id', 'organisation.id')
    .select(['organisation.id', 'organisation.name', 'organisation.municipality', 'portrait.released_at', 'portrait.withdrawn_at', 'portrait.organisation_id as portrait_id'])
    .where('organisation.id', 'in', organisationIds)
    .orderBy('organisation.name')
    .execute();
  return rows.map((row) => ({
    organisationId: row.id, name: row.name, municipality: row.municipality, releasedAt: row.released_at, withdrawnAt: row.withdrawn_at, started: row.portrait_id !== null,
  }));
}
