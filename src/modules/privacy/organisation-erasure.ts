import { sql } from 'kysely';
import { eraseGrantSummaries } from '../grants/index.js';
import { writeAudit } from '../identity/index.js';
import { normaliseName } from '../names/index.js';
import { registeredModules } from '../registry.js';
import type { Db } from './subject.js';

/**
 * Erasure of an organisation: what names or contacts it goes; what report
 * figures describe it stays. Kept: the row and its id (participations,
 * consultations and grants still count for it), district, municipality, legal
 * form, founding year, orientation, fields, communities, languages, target
 * groups, rooms. Gone: name and aliases (one placeholder name stays, so that
 * the one-name-one-organisation rule holds), the distribution-list key,
 * e-mail, phone, website, postcode, coordinates, portrait and its consent,
 * notes; the free texts of its consultations and grant summaries; its
 * consultation requests and claims; representatives' access to it.
 * Persons with roles in it are NOT erased: each is erased on their own.
 */

export const erasedOrganisationName = (id: number) => `Gelöschte Organisation ${id}`;

export interface OrganisationErasurePlan {
  organisationId: number;
  name: string;
  aliases: string[];
  alreadyErased: boolean;
  counts: { consultations: number; consultationRequests: number; grants: number; participations: number; persons: number; claims: number; scopes: number };
}

export async function planOrganisationErasure(db: Db, organisationId: number): Promise<OrganisationErasurePlan | null> {
  const organisation = await db.selectFrom('organisation').select(['id', 'name']).where('id', '=', organisationId).executeTakeFirst();
  if (!organisation) return null;
  const names = await db.selectFrom('organisation_name').select(['name', 'is_alias']).where('organisation_id', '=', organisationId).execute();
  const { rows } = await sql<OrganisationErasurePlan['counts']>`select
      (select count(*)::integer from consultation where organisation_id = ${organisationId}) as consultations,
      (select count(*)::integer from consultation_request where organisation_id = ${organisationId}) as "consultationRequests",
      (select count(*)::integer from grant_application where organisation_id = ${organisationId}) as grants,
      (select count(*)::integer from participation where organisation_id = ${organisationId}) as participations,
      (select count(distinct person_id)::integer from person_role where organisation_id = ${organisationId}) as persons,
      (select count(*)::integer from organisation_claim where organisation_id = ${organisationId}) as claims,
      (select count(*)::integer from account_scope where organisation_id = ${organisationId}) as scopes`.execute(db);
  return {
    organisationId,
    name: organisation.name,
    aliases: names.filter((name) => name.is_alias).map((name) => name.name),
    alreadyErased: organisation.name === erasedOrganisationName(organisationId),
    counts: rows[0],
  };
}

/** Erases the organisation in one transaction; false when there is no such organisation. */
export async function eraseOrganisation(db: Db, organisationId: number, options: { actorId: number | null; reason: string }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const locked = await sql<{ name: string }>`select name from organisation where id = ${organisationId} for update`.execute(trx);
    if (locked.rows.length === 0) return false;
    const names = (await trx.selectFrom('organisation_name').select('name').where('organisation_id', '=', organisationId).execute()).map((row) => row.name);
    const placeholder = erasedOrganisationName(organisationId);
    await sql`update organisation set name = ${placeholder}, org_key = null, email = null, phone = null, website = null, postcode = null,
        latitude = null, longitude = null, portrait = null, portrait_consent_by = null, portrait_consent_on = null,
        portrait_consent_wording = null, portrait_published = false, notes = null, needs_review = false, updated_at = now()
      where id = ${organisationId}`.execute(trx);
    await sql`delete from organisation_name where organisation_id = ${organisationId}`.execute(trx);
    await sql`insert into organisation_name (normalised_name, organisation_id, name, is_alias)
      values (${normaliseName(placeholder)}, ${organisationId}, ${placeholder}, false)`.execute(trx);
    // free texts about the organisation's people and affairs; the consultations still count
    await sql`update consultation set persons = null, notes = null, outcome = null, updated_at = now() where organisation_id = ${organisationId}`.execute(trx);
    await sql`delete from consultation_request where organisation_id = ${organisationId}`.execute(trx);
    await eraseGrantSummaries(trx, organisationId);
    // the modules of src/modules/registry.ts erase their own rows about it (a public portrait)
    for (const module of registeredModules()) await module.eraseOrganisation?.(trx, organisationId);
    await sql`delete from organisation_claim where organisation_id = ${organisationId}`.execute(trx);
    await sql`delete from account_scope where organisation_id = ${organisationId}`.execute(trx);
    // the organisation named in other records' free text (event partners, other organisations' notes)
    for (const name of [locked.rows[0].name, ...names].filter((n, i, all) => n.trim().length >= 3 && all.indexOf(n) === i)) {
      const pattern = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await sql`update event set cooperation_partners = regexp_replace(cooperation_partners, ${pattern}, ${placeholder}, 'gi') where cooperation_partners ~* ${pattern}`.execute(trx);
      await sql`update organisation set notes = regexp_replace(notes, ${pattern}, ${placeholder}, 'gi') where notes ~* ${pattern}`.execute(trx);
    }
    await writeAudit(trx, { accountId: options.actorId, action: 'organisation.erase', subjectType: 'organisation', subjectId: organisationId, details: { reason: options.reason, names: names.length } });
    return true;
  });
}
