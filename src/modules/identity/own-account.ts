import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { randomToken, sha256 } from './accounts.js';
import { writeAudit } from './audit.js';
import { hashPassword, minimumPasswordLength, verifyPassword } from './passwords.js';
import { queueEmailChangedMail, queueEmailConfirmationMail } from './account-mails.js';
import { accountMailLanguage } from './language.js';

/**
 * "Mein Konto" (/account): every account changes its own password and e-mail
 * address and ends its sessions. Each change asks for the current password,
 * so that a session left open on a shared computer cannot take the account.
 *
 * A new address takes effect only when a link sent to it is opened: the link
 * is a password_token row (hashed, single use, expiring, bound to the
 * account, dropped when the account is disabled or sets a password) whose id
 * is the hash of purpose, new address and token, so it cannot set a password,
 * a set-password link cannot change the address, and the address in the link
 * cannot be swapped. No new table: the privacy catalogue stays as it is.
 */

type Db = Kysely<Database>;

export const emailChangeLinkHours = 24;

const emailChangeId = (token: string, email: string) => sha256(`email-change\u0000${email.trim().toLowerCase()}\u0000${token}`);
export const emailConfirmationLink = (baseUrl: string, token: string, email: string) =>
  `${baseUrl.replace(/\/+$/, '')}/account/email/confirm?token=${token}&email=${encodeURIComponent(email)}`;

async function currentPasswordMatches(db: Db, accountId: number, password: string): Promise<boolean> {
  const account = await db.selectFrom('account').select('password_hash').where('id', '=', accountId).where('disabled_at', 'is', null).executeTakeFirst();
  return verifyPassword(account?.password_hash ?? null, password);
}

export type PasswordChange = 'ok' | 'wrongPassword' | 'tooShort' | 'mismatch';

/** A new password; every other session of the account ends (the one in use stays). */
export async function changeOwnPassword(db: Db, accountId: number, change: { current: string; password: string; confirm: string; sessionToken: string | undefined }): Promise<PasswordChange> {
  if (!(await currentPasswordMatches(db, accountId, change.current))) return 'wrongPassword';
  if (change.password.length < minimumPasswordLength) return 'tooShort';
  if (change.password !== change.confirm) return 'mismatch';
  const passwordHash = await hashPassword(change.password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('account').set({ password_hash: passwordHash }).where('id', '=', accountId).execute();
    await trx
      .deleteFrom('session')
      .where('account_id', '=', accountId)
      .$if(change.sessionToken !== undefined, (query) => query.where('id', '<>', sha256(change.sessionToken!)))
      .execute();
    // an open reset link would undo the change
    await trx.deleteFrom('password_token').where('account_id', '=', accountId).where('used_at', 'is', null).execute();
    await writeAudit(trx, { accountId, action: 'account.password_change', subjectType: 'account', subjectId: accountId });
  });
  return 'ok';
}

export type EmailChangeRequest = 'ok' | 'wrongPassword' | 'sameAddress';

/**
 * Sends the confirmation link to the new address. When another account has
 * that address, nothing is sent but the answer is the same (the page does not
 * tell who has an account); the confirmation checks again.
 */
export async function requestEmailChange(db: Db, accountId: number, change: { current: string; email: string; baseUrl: string }): Promise<EmailChangeRequest> {
  if (!(await currentPasswordMatches(db, accountId, change.current))) return 'wrongPassword';
  const email = change.email.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom('account').select(['email', 'display_name', 'locale', 'role']).where('id', '=', accountId).executeTakeFirstOrThrow();
    if (account.email.toLowerCase() === email) return 'sameAddress';
    const taken = await trx.selectFrom('account').select('id').where(sql`lower(email)`, '=', email).executeTakeFirst();
    if (!taken) {
      const token = randomToken();
      await trx
        .insertInto('password_token')
        .values({ id: emailChangeId(token, email), account_id: accountId, expires_at: new Date(Date.now() + emailChangeLinkHours * 3600_000), used_at: null })
        .execute();
      await queueEmailConfirmationMail(trx, { to: email, language: accountMailLanguage(account), displayName: account.display_name, link: emailConfirmationLink(change.baseUrl, token, email), hours: emailChangeLinkHours });
    }
    await writeAudit(trx, { accountId, action: 'account.email_change_requested', subjectType: 'account', subjectId: accountId, details: { taken: Boolean(taken) } });
    return 'ok';
  });
}

export type EmailChangeConfirmation = { outcome: 'ok'; email: string } | { outcome: 'invalidLink' | 'taken' };

/** Opens the link: the address changes, the old address is told. */
export async function confirmEmailChange(db: Db, token: string, email: string): Promise<EmailChangeConfirmation> {
  const newEmail = email.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    const link = await trx
      .updateTable('password_token')
      .set({ used_at: new Date() })
      .where('id', '=', emailChangeId(token, newEmail))
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .where((eb) => eb.exists(eb.selectFrom('account').select('account.id').whereRef('account.id', '=', 'password_token.account_id').where('account.disabled_at', 'is', null)))
      .returning('account_id')
      .executeTakeFirst();
    if (!link) return { outcome: 'invalidLink' as const };
    const taken = await trx.selectFrom('account').select('id').where(sql`lower(email)`, '=', newEmail).where('id', '<>', link.account_id).executeTakeFirst();
    if (taken) return { outcome: 'taken' as const };
    const before = await trx.selectFrom('account').select(['email', 'display_name', 'locale', 'role']).where('id', '=', link.account_id).executeTakeFirstOrThrow();
    await trx.updateTable('account').set({ email: newEmail }).where('id', '=', link.account_id).execute();
    await queueEmailChangedMail(trx, { to: before.email, language: accountMailLanguage(before), displayName: before.display_name, newEmail });
    await writeAudit(trx, { accountId: link.account_id, action: 'account.email_change', subjectType: 'account', subjectId: link.account_id });
    return { outcome: 'ok' as const, email: newEmail };
  });
}

/** "Sign out everywhere": every session of the account ends, this one too. */
export async function endAllSessions(db: Db, accountId: number): Promise<number> {
  const ended = await db.deleteFrom('session').where('account_id', '=', accountId).executeTakeFirst();
  await writeAudit(db, { accountId, action: 'account.sign_out_everywhere', subjectType: 'account', subjectId: accountId, details: { sessions: Number(ended.numDeletedRows) } });
  return Number(ended.numDeletedRows);
}

/** What the account page shows. */
export async function ownAccount(db: Db, accountId: number) {
  const account = await db.selectFrom('account').select(['email', 'display_name', 'role']).where('id', '=', accountId).executeTakeFirstOrThrow();
  const sessions = await db.selectFrom('session').select((eb) => eb.fn.countAll<string>().as('count')).where('account_id', '=', accountId).where('expires_at', '>', new Date()).executeTakeFirstOrThrow();
  return { email: account.email, displayName: account.display_name, role: account.role, sessions: Number(sessions.count) };
}
