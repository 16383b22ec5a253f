import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/tables.js';
import { writeAudit } from '../../identity/index.js';
import { enqueueMail } from '../../mail/index.js';
import { addDays, berlinDay, freshnessOf, linkValidDays, reminderEveryDays } from '../freshness.js';
import { checkMail } from '../mails.js';
import { recordChanges, snapshotService } from '../snapshot.js';

/**
 * The re-check cycle (issue 12, "Freshness"): a due entry's assurer gets a
 * link that needs no account; "still correct" confirms in one POST, or they
 * propose changes, which staff or the district's coordinator accept. Only
 * these confirmations (and staff saying they checked, markChecked) set
 * `assured_date`. The link's token is stored only as its hash.
 */

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Mails every assurer whose entry is due and who has no open link younger than the reminder interval. Returns how many went out. */
export async function sendDueChecks(db: Kysely<Database>, now: Date, baseUrl: string): Promise<number> {
  const today = berlinDay(now);
  const candidates = await db.selectFrom('wegweiser_service').select(['id', 'name', 'assurer_email', 'assurer_name', 'assured_date', 'recheck_months'])
    .where('published', '=', true).where('assurer_email', 'is not', null).where('status', '<>', 'defunct').execute();
  let sent = 0;
  for (const service of candidates) {
    const state = freshnessOf({ assured_date: service.assured_date, recheck_months: service.recheck_months }, today);
    if (state === 'fresh') continue;
    const recent = await db.selectFrom('wegweiser_check').select('id').where('service_id', '=', service.id).where('answered_at', 'is', null)
      .where('sent_at', '>', new Date(now.getTime() - reminderEveryDays * 86_400_000)).executeTakeFirst();
    if (recent) continue;
    await db.transaction().execute(async (trx) => {
      const token = randomBytes(24).toString('base64url');
      await trx.insertInto('wegweiser_check').values({
        service_id: service.id, assurer_email: service.assurer_email!, token_hash: hash(token), sent_at: now, expires_at: new Date(now.getTime() + linkValidDays * 86_400_000),
      }).execute();
      const mail = checkMail({ serviceName: service.name, assurerName: service.assurer_name, link: `${baseUrl}/wegweiser/check/${token}`, validUntil: addDays(today, linkValidDays) });
      await enqueueMail(trx, { kind: 'wegweiser.check', to: service.assurer_email!, ...mail });
    });
    sent++;
  }
  return sent;
}

export type CheckLookup =
  | { state: 'open'; checkId: number; serviceId: string }
  | { state: 'used' | 'expired' | 'unknown' };

/** What a link stands for: open, already used, expired or unknown. */
export async function lookupCheck(db: Kysely<Database>, token: string, now: Date): Promise<CheckLookup> {
  const check = await db.selectFrom('wegweiser_check').select(['id', 'service_id', 'answered_at', 'expires_at']).where('token_hash', '=', hash(token)).executeTakeFirst();
  if (!check) return { state: 'unknown' };
  if (check.answered_at) return { state: 'used' };
  if (new Date(check.expires_at) <= now) return { state: 'expired' };
  return { state: 'open', checkId: check.id, serviceId: check.service_id };
}

/** "Still correct": sets assured_date to today and records it. The link works once. */
export async function confirmByLink(db: Kysely<Database>, token: string, now: Date): Promise<CheckLookup['state']> {
  return db.transaction().execute(async (trx) => {
    const check = await lockOpenCheck(trx, token, now);
    if (check.state !== 'open') return check.state;
    await trx.updateTable('wegweiser_check').set({ answered_at: now, answer: 'confirmed' }).where('id', '=', check.checkId).execute();
    await assure(trx, check.serviceId, check.email, null, now, 'confirm');
    return 'open';
  });
}

/** Changes proposed by the assurer, for staff or the coordinator to accept; the entry itself is not changed yet. */
export async function proposeByLink(db: Kysely<Database>, token: string, proposal: { text: string }, now: Date): Promise<CheckLookup['state']> {
  return db.transaction().execute(async (trx) => {
    const check = await lockOpenCheck(trx, token, now);
    if (check.state !== 'open') return check.state;
    await trx.updateTable('wegweiser_check').set({ answered_at: now, answer: 'proposed', proposal: JSON.stringify(proposal) }).where('id', '=', check.checkId).execute();
    return 'open';
  });
}

/**
 * Staff (or the district's coordinator) accept the proposal: they have made
 * the changes in the entry (or found none needed), and the entry counts as
 * confirmed by its assurer today. Rejecting leaves assured_date as it was.
 */
export async function reviewProposal(db: Kysely<Database>, actor: { id: number; email: string }, checkId: number, accept: boolean, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const check = await trx.selectFrom('wegweiser_check').select(['id', 'service_id', 'assurer_email', 'review']).where('id', '=', checkId).where('answer', '=', 'proposed').forUpdate().executeTakeFirst();
    if (!check || check.review) return false;
    await trx.updateTable('wegweiser_check').set({ review: accept ? 'accepted' : 'rejected', reviewed_by: actor.id, reviewed_at: now }).where('id', '=', checkId).execute();
    if (accept) await assure(trx, check.service_id, check.assurer_email, actor, now, 'confirm');
    await writeAudit(trx, { accountId: actor.id, action: accept ? 'wegweiser.proposal.accept' : 'wegweiser.proposal.reject', subjectType: 'wegweiser_service', subjectId: check.service_id });
    return true;
  });
}

/** Staff or the coordinator say they checked the entry themselves (by phone, on the website). */
export async function markChecked(db: Kysely<Database>, actor: { id: number; email: string }, serviceId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assure(trx, serviceId, actor.email, actor, now, 'checked');
    await writeAudit(trx, { accountId: actor.id, action: 'wegweiser.service.checked', subjectType: 'wegweiser_service', subjectId: serviceId });
  });
}

async function assure(db: Kysely<Database>, serviceId: string, by: string, account: { id: number } | null, now: Date, action: string) {
  const before = await snapshotService(db, serviceId);
  const update = { assured_date: berlinDay(now), ...(account ? {} : { assurer_email: by }) };
  await db.updateTable('wegweiser_service').set(update).where('id', '=', serviceId).execute();
  await recordChanges(db, { id: serviceId, type: 'service' }, before, await snapshotService(db, serviceId), { name: by, accountId: account?.id ?? null, action }, now);
}

async function lockOpenCheck(db: Kysely<Database>, token: string, now: Date): Promise<{ state: 'open'; checkId: number; serviceId: string; email: string } | { state: 'used' | 'expired' | 'unknown' }> {
  const rows = await sql<{ id: number; service_id: string; assurer_email: string; answered_at: Date | null; expires_at: Date }>`
    select id, service_id, assurer_email, answered_at, expires_at from wegweiser_check where token_hash = ${hash(token)} for update`.execute(db);
  const check = rows.rows[0];
  if (!check) return { state: 'unknown' };
  if (check.answered_at) return { state: 'used' };
  if (new Date(check.expires_at) <= now) return { state: 'expired' };
  return { state: 'open', checkId: check.id, serviceId: check.service_id, email: check.assurer_email };
}
