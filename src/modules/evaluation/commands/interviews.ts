import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { DomainError } from '../../domain-error.js';
import { writeAudit } from '../../identity/index.js';
import type { GuideInput, InterviewInput } from '../input.js';
import { checkPortrait, organisationRecord, type Finding } from '../portrait.js';
import { organisationIndex } from '../queries.js';
import { pseudonymiserFor } from '../pseudonyms.js';
import '../tables.js';

/** A new guide (a family of its own, version 1), or a new version of an existing one: old interviews keep theirs. */
export async function saveGuide(db: Kysely<Database>, actorId: number, input: GuideInput, previousId?: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let guideKey: string;
    let version = 1;
    if (previousId !== undefined) {
      const previous = await trx.selectFrom('evaluation_interview_guide').select(['guide_key']).where('id', '=', previousId).executeTakeFirst();
      if (!previous) throw new DomainError('evaluation', 'notFound');
      guideKey = previous.guide_key;
      // the family's rows locked: two editors at once make versions n+1 and n+2, never two n+1
      const versions = await trx.selectFrom('evaluation_interview_guide').select('version').where('guide_key', '=', guideKey).forUpdate().execute();
      version = Math.max(...versions.map((row) => row.version)) + 1;
    } else {
      const { rows } = await sql<{ n: number }>`select count(*)::integer + 1 as n from evaluation_interview_guide`.execute(trx);
      guideKey = `guide-${rows[0].n}-${Date.now().toString(36)}`;
    }
    const row = await trx
      .insertInto('evaluation_interview_guide')
      .values({ guide_key: guideKey, version, kind: input.kind, title: input.title, questions: input.questions, created_by: actorId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { accountId: actorId, action: 'evaluation.guide.save', subjectType: 'evaluation_interview_guide', subjectId: row.id, details: { version } });
    return row.id;
  });
}

export interface SavedInterview {
  id: number;
  /** Warnings of the portrait check that did not block saving. */
  warnings: Finding[];
}

/**
 * Saves an interview. Refused (DomainError, nothing stored): without a
 * recorded consent (the form reader already says which part is missing),
 * with an unknown guide or pseudonym, and with a portrait that names the
 * organisation, its municipality or its contacts (portrait.ts); the
 * warnings come back to be shown.
 */
export async function saveInterview(db: Kysely<Database>, actorId: number, input: InterviewInput, id?: number): Promise<SavedInterview> {
  if (!input.consentSignedOn || !input.consentVersion || input.consentScope !== 'evaluation_only') throw new DomainError('evaluation', 'consentMissing', 'consent');
  const organisationId = input.organisation ? (await organisationIndex(db, await pseudonymiserFor(db))).byPseudonym.get(input.organisation) : null;
  if (organisationId === undefined) throw new DomainError('evaluation', 'pseudonymUnknown', 'organisation');
  if (organisationId === null && input.kind === 'association' && input.portrait) throw new DomainError('evaluation', 'portraitNeedsOrganisation', 'organisation');
  const findings = organisationId === null ? [] : checkPortrait(input.portrait, (await organisationRecord(db, organisationId))!);
  const blocking = findings.filter((finding) => finding.blocking);
  if (blocking.length > 0) throw new DomainError('evaluation', 'portraitReveals', 'portrait', { what: blocking.map((finding) => finding.kind).join(',') });
  return db.transaction().execute(async (trx) => {
    const guide = await trx.selectFrom('evaluation_interview_guide').select(['id', 'kind']).where('id', '=', input.guideId).executeTakeFirst();
    if (!guide) throw new DomainError('evaluation', 'guideMissing', 'guideId');
    const values = {
      held_on: input.heldOn,
      kind: input.kind,
      channel: input.channel,
      duration_minutes: input.durationMinutes,
      guide_id: guide.id,
      organisation_id: organisationId,
      consent_signed_on: input.consentSignedOn,
      consent_version: input.consentVersion,
      consent_scope: input.consentScope,
      notes: input.notes || null,
      portrait: input.portrait,
    };
    let savedId: number;
    if (id === undefined) {
      savedId = (await trx.insertInto('evaluation_interview').values({ ...values, created_by: actorId }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const existing = await trx.selectFrom('evaluation_interview').select(['id', 'notes_erased_at', 'consent_withdrawn_on']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!existing) throw new DomainError('evaluation', 'notFound');
      if (existing.consent_withdrawn_on !== null) throw new DomainError('evaluation', 'consentWithdrawn', 'consent');
      // notes erased by retention stay erased
      const updated = existing.notes_erased_at ? { ...values, notes: null } : values;
      await trx.updateTable('evaluation_interview').set({ ...updated, updated_at: new Date() }).where('id', '=', id).execute();
      savedId = id;
    }
    await writeAudit(trx, { accountId: actorId, action: 'evaluation.interview.save', subjectType: 'evaluation_interview', subjectId: savedId, details: { kind: input.kind, consentVersion: input.consentVersion } });
    return { id: savedId, warnings: findings };
  });
}

/**
 * The interviewee withdrew the consent (Art. 7 (3) GDPR): the notes, the
 * portrait and the link to the organisation are deleted at once, in one
 * transaction; what remains (date, kind, channel, guide, the consent's dates)
 * says that an interview took place and counts in the report's methods.
 * The withdrawal cannot be dated before the consent; a second withdrawal
 * changes nothing.
 */
export async function withdrawConsent(db: Kysely<Database>, actorId: number, id: number, withdrawnOn: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const interview = await trx
      .selectFrom('evaluation_interview')
      .select([sql<string>`to_char(consent_signed_on, 'YYYY-MM-DD')`.as('signedOn'), 'consent_withdrawn_on'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!interview) throw new DomainError('evaluation', 'notFound');
    if (interview.consent_withdrawn_on !== null) return;
    if (withdrawnOn < interview.signedOn) throw new DomainError('evaluation', 'withdrawnBeforeConsent', 'withdrawnOn', { date: interview.signedOn });
    await trx
      .updateTable('evaluation_interview')
      .set({ notes: null, portrait: '', organisation_id: null, notes_erased_at: new Date(), consent_withdrawn_on: withdrawnOn, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, { accountId: actorId, action: 'evaluation.interview.withdraw', subjectType: 'evaluation_interview', subjectId: id, details: { withdrawnOn } });
  });
}

/** The evaluation's end (YYYY-MM-DD) or null: interview notes go a retention period after it. */
export async function saveEndDate(db: Kysely<Database>, actorId: number, endsOn: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (endsOn === null) await trx.deleteFrom('evaluation_setting').where('name', '=', 'ends_on').execute();
    else
      await trx
        .insertInto('evaluation_setting')
        .values({ name: 'ends_on', value: endsOn, updated_by: actorId })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ value: endsOn, updated_by: actorId, updated_at: new Date() }))
        .execute();
    await writeAudit(trx, { accountId: actorId, action: 'evaluation.settings.update', subjectType: 'evaluation_setting', details: { endsOn } });
  });
}
