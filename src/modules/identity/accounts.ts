import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { writeAudit } from './audit.js';
import { allowedLanguage, rememberAccountLanguage } from './language.js';
import type { Language } from '../../i18n/index.js';
import { hashPassword, minimumPasswordLength, verifyPassword } from './passwords.js';
import { DomainError } from '../domain-error.js';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');

const passwordLinkHours = 72;
/** Invitation links live longer: people invited by mail may not read it the same day. */
export const invitationLinkHours = 7 * 24;

export interface NewAccount {
  email: string;
  role: Role;
  displayName?: string;
  /** Set directly (demo, tests); otherwise the person sets it through a link. */
  password?: string;
}

export async function createAccount(db: Kysely<Database>, account: NewAccount, actorId: number | null = null) {
  const email = account.email.trim().toLowerCase();
  const existing = await db.selectFrom('account').select('id').where(sql`lower(email)`, '=', email).executeTakeFirst();
  if (existing) throw new AccountError('identity', 'accountExists', 'email', { email });
  const created = await db
    .insertInto('account')
    .values({
      email,
      role: account.role,
      display_name: account.displayName ?? '',
      password_hash: account.password ? await hashPassword(account.password) : null,
    })
    .returning(['id', 'email', 'role'])
    .executeTakeFirstOrThrow();
  await writeAudit(db, { accountId: actorId, action: 'account.create', subjectType: 'account', subjectId: created.id, details: { role: created.role } });
  return created;
}

/** Creates a one-time link token for setting the password; returns the token for the link. */
export async function createPasswordLink(db: Kysely<Database>, accountId: number, hours = passwordLinkHours): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('password_token')
    .values({ id: sha256(token), account_id: accountId, expires_at: new Date(Date.now() + hours * 3600_000), used_at: null })
    .execute();
  return token;
}

export type SetPasswordResult = 'ok' | 'invalidLink' | 'tooShort';

/**
 * `language`: the page the password was set on; an invitation is usually the
 * first page a representative sees, so the account starts in that language
 * (when the role may have it, src/modules/identity/language.ts).
 */
export async function setPasswordWithToken(db: Kysely<Database>, token: string, password: string, language?: Language): Promise<SetPasswordResult> {
  if (password.length < minimumPasswordLength) return 'tooShort';
  const passwordHash = await hashPassword(password);
  // Only the hash of a link is stored; the link is consumed by the same
  // statement that checks it, so two requests with one link cannot both pass,
  // and it only ever sets the password of the account it was made for.
  return db.transaction().execute(async (trx) => {
    const link = await trx
      .updateTable('password_token')
      .set({ used_at: new Date() })
      .where('id', '=', sha256(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .where((eb) => eb.exists(eb.selectFrom('account').select('account.id').whereRef('account.id', '=', 'password_token.account_id').where('account.disabled_at', 'is', null)))
      .returning('account_id')
      .executeTakeFirst();
    if (!link) return 'invalidLink';
    const account = await trx.updateTable('account').set({ password_hash: passwordHash }).where('id', '=', link.account_id).returning('role').executeTakeFirstOrThrow();
    const remembered = allowedLanguage(language, account.role);
    if (remembered) await rememberAccountLanguage(trx, link.account_id, remembered);
    // the other open links of that account (an older invitation) stop working too
    await trx.deleteFrom('password_token').where('account_id', '=', link.account_id).where('used_at', 'is', null).execute();
    // a new password ends every open session of that account
    await trx.deleteFrom('session').where('account_id', '=', link.account_id).execute();
    await writeAudit(trx, { accountId: link.account_id, action: 'account.password_set', subjectType: 'account', subjectId: link.account_id });
    return 'ok';
  });
}

export async function findAccountByCredentials(db: Kysely<Database>, email: string, password: string) {
  const account = await db
    .selectFrom('account')
    .select(['id', 'email', 'role', 'password_hash', 'disabled_at'])
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
  const valid = await verifyPassword(account?.password_hash ?? null, password);
  if (!account || !valid || account.disabled_at) return null;
  return { id: account.id, email: account.email, role: account.role };
}

/** An account that cannot be created as asked (messages: identity.errors.* in ./i18n). */
export class AccountError extends DomainError {}
