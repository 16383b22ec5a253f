import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Language } from '../../i18n/index.js';
import { enqueueMail } from '../mail/index.js';
import { createPasswordLink, randomToken, sha256 } from './accounts.js';
import { writeAudit } from './audit.js';
import { passwordResetMail } from './mails.js';

/**
 * "Passwort vergessen?" (issue 10): a one-time link to /set-password, mailed
 * through the outbox. The same password_token machinery as invitations
 * (hashed, single use, bound to the account, every open link dropped when
 * one is used), but valid for one hour only: a reset link sits in a mailbox
 * that may be read by others.
 *
 * The page's answer is the same whether or not the account exists, and so is
 * the work: the lookup, a token and the mail text are made either way, only
 * the two inserts differ. Disabled accounts get no link (they could not use it).
 */

export const resetLinkHours = 1;

export const setPasswordLink = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/set-password?token=${token}`;

export async function requestPasswordReset(db: Kysely<Database>, email: string, options: { baseUrl: string; language: Language }): Promise<void> {
  const typed = email.trim().toLowerCase();
  await db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('account')
      .select(['id', 'email'])
      .where(sql`lower(email)`, '=', typed)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!account) {
      // the same work as below, without anything to store
      sha256(randomToken());
      passwordResetMail(setPasswordLink(options.baseUrl, randomToken()), options.language);
      return;
    }
    const link = setPasswordLink(options.baseUrl, await createPasswordLink(trx, account.id, resetLinkHours));
    await enqueueMail(trx, { kind: 'account.password_reset', to: account.email, ...passwordResetMail(link, options.language) });
    await writeAudit(trx, { accountId: null, action: 'account.password_reset_requested', subjectType: 'account', subjectId: account.id });
  });
}
