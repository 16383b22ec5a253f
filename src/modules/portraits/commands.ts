import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { DomainError } from '../domain-error.js';
import { writeAudit } from '../identity/index.js';
import { uploadedPhotoLimits } from './photo.js';
import { portraitPhotoSizes, preparePhoto, type StoredPhotoType } from './prepare-photo.js';
import { mayEditPortrait, releaseBasisOf, type PortraitActor } from './policy.js';

/**
 * The operations on a portrait, each in one transaction and written to the
 * audit log: save its text and photo, release it, withdraw it. A withdrawal
 * takes effect at once: the public pages and the map read released_at on
 * every request.
 */

type Db = Kysely<Database>;

export interface PortraitInput {
  organisationId: number;
  text: string;
  photoAlt: string;
  /** A new photo (shrunk and re-encoded by prepare-photo.ts), or null to keep the present one. */
  photo: { bytes: Buffer; type: StoredPhotoType; width: number; height: number } | null;
  removePhoto: boolean;
}

async function ensureAllowed(db: Db, actor: PortraitActor, organisationId: number) {
  if (!mayEditPortrait(actor, organisationId)) throw new DomainError('portraits', 'notYours');
  const organisation = await db.selectFrom('organisation').select('id').where('id', '=', organisationId).executeTakeFirst();
  if (!organisation) throw new DomainError('portraits', 'notFound');
}

export async function savePortrait(db: Db, actor: PortraitActor, input: PortraitInput): Promise<void> {
  await ensureAllowed(db, actor, input.organisationId);
  await db.transaction().execute(async (trx) => {
    const photo = input.photo
      ? { photo: input.photo.bytes, photo_type: input.photo.type, photo_width: input.photo.width, photo_height: input.photo.height }
      : input.removePhoto
        ? { photo: null, photo_type: null, photo_width: null, photo_height: null }
        : {};
    const values = { text: input.text, photo_alt: input.photoAlt || null, ...photo, updated_at: new Date() };
    await trx
      .insertInto('portrait')
      .values({ organisation_id: input.organisationId, ...values })
      .onConflict((conflict) => conflict.column('organisation_id').doUpdateSet(values))
      .execute();
    await writeAudit(trx, {
      accountId: actor.id, action: 'portrait.saved', subjectType: 'organisation', subjectId: input.organisationId,
      details: { photo: input.photo ? 'replaced' : input.removePhoto ? 'removed' : 'kept' },
    });
  });
}

export interface ReleaseInput {
  organisationId: number;
  /** Staff only: who signed the paper consent, and on which day (YYYY-MM-DD). */
  paperConsentBy?: string;
  paperConsentOn?: string;
}

export async function releasePortrait(db: Db, actor: PortraitActor, input: ReleaseInput): Promise<void> {
  await ensureAllowed(db, actor, input.organisationId);
  const basis = releaseBasisOf(actor);
  if (basis === 'paper_consent' && !input.paperConsentBy) throw new DomainError('portraits', 'consentByMissing', 'paper_consent_by');
  if (basis === 'paper_consent' && !input.paperConsentOn) throw new DomainError('portraits', 'consentOnMissing', 'paper_consent_on');
  await db.transaction().execute(async (trx) => {
    const portrait = await trx.selectFrom('portrait').select(['text']).where('organisation_id', '=', input.organisationId).forUpdate().executeTakeFirst();
    if (!portrait || portrait.text.trim() === '') throw new DomainError('portraits', 'textMissing', 'text');
    await trx
      .updateTable('portrait')
      .set({
        released_at: new Date(), released_by: actor.id, release_basis: basis, withdrawn_at: null,
        paper_consent_by: basis === 'paper_consent' ? input.paperConsentBy! : null,
        paper_consent_on: basis === 'paper_consent' ? input.paperConsentOn! : null,
      })
      .where('organisation_id', '=', input.organisationId)
      .execute();
    await writeAudit(trx, { accountId: actor.id, action: 'portrait.released', subjectType: 'organisation', subjectId: input.organisationId, details: { basis } });
  });
}

export async function withdrawPortrait(db: Db, actor: PortraitActor, organisationId: number): Promise<void> {
  await ensureAllowed(db, actor, organisationId);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('portrait')
      .set({ released_at: null, released_by: null, release_basis: null, paper_consent_by: null, paper_consent_on: null, withdrawn_at: new Date() })
      .where('organisation_id', '=', organisationId)
      .where('released_at', 'is not', null)
      .execute();
    await writeAudit(trx, { accountId: actor.id, action: 'portrait.withdrawn', subjectType: 'organisation', subjectId: organisationId });
  });
}

/**
 * Portrait photos stored before Mosaik shrank photos (up to 2,400 pixels a
 * side): shrunk to the portrait's size and re-encoded, a few per run of the
 * module's job. A photo replaced meanwhile is left alone (the update names the
 * old size); one sharp cannot read stays as it is. Not audited: the picture
 * is the same, only smaller.
 */
export async function shrinkStoredPortraitPhotos(db: Db, limit = 10): Promise<number> {
  const rows = await db
    .selectFrom('portrait')
    .select(['organisation_id', 'photo', 'photo_width', 'photo_height'])
    .where('photo', 'is not', null)
    .where(sql<boolean>`greatest(photo_width, photo_height) > ${portraitPhotoSizes.side}`)
    .orderBy('organisation_id')
    .limit(limit)
    .execute();
  let shrunk = 0;
  for (const row of rows) {
    const prepared = await preparePhoto(Buffer.from(row.photo!), uploadedPhotoLimits, portraitPhotoSizes);
    if (!prepared.ok) continue;
    const { bytes, type, width, height } = prepared.photo;
    const updated = await db
      .updateTable('portrait')
      .set({ photo: bytes, photo_type: type, photo_width: width, photo_height: height })
      .where('organisation_id', '=', row.organisation_id)
      .where('photo_width', '=', row.photo_width!)
      .where('photo_height', '=', row.photo_height!)
      .executeTakeFirst();
    shrunk += Number(updated.numUpdatedRows);
  }
  return shrunk;
}

