import { sql, type Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { createAccount, createPasswordLink, invitationLinkHours } from './accounts.js';
import { writeAudit } from './audit.js';
import { queueInvitationMail } from './account-mails.js';

/**
 * Accounts by invitation (/admin/accounts, `mosaik user invite`): an account
 * without a password, its scopes, a one-time link and the invitation mail,
 * all in one transaction: no mail without an account, no account without
 * its mail. Disabling ends the account's sessions at once.
 */

type Db = Kysely<Database>;

export interface AccountScopes {
  /** A coordinator's districts. */
  districts: string[];
  /** A representative's organisations. */
  organisationIds: number[];
}

export interface Invitation extends AccountScopes {
  email: string;
  displayName: string;
  role: Role;
}

const invitationDays = invitationLinkHours / 24;
const setPasswordLink = (baseUrl: string, token: string) => `${baseUrl}/set-password?token=${token}`;

export async function inviteAccount(db: Db, invitation: Invitation, options: { actorId: number | null; baseUrl: string }): Promise<{ id: number; link: string }> {
  return db.transaction().execute(async (trx) => {
    const account = await createAccount(trx, { email: invitation.email, role: invitation.role, displayName: invitation.displayName }, options.actorId);
    await replaceScopes(trx, account.id, invitation.role, invitation);
    const link = setPasswordLink(options.baseUrl, await createPasswordLink(trx, account.id, invitationLinkHours));
    await queueInvitationMail(trx, { email: account.email, displayName: invitation.displayName, role: invitation.role }, link, invitationDays);
    await writeAudit(trx, {
      accountId: options.actorId,
      action: 'account.invite',
      subjectType: 'account',
      subjectId: account.id,
      details: { role: invitation.role, districts: invitation.districts, organisationIds: invitation.organisationIds },
    });
    return { id: account.id, link };
  });
}

export type ResendOutcome = 'ok' | 'notFound' | 'notInvited';

/** A new link for an account that has not set its password yet; earlier links stop working. */
export async function resendInvitation(db: Db, accountId: number, options: { actorId: number | null; baseUrl: string }): Promise<ResendOutcome> {
  return db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom('account').select(['id', 'email', 'display_name', 'role', 'password_hash', 'disabled_at']).where('id', '=', accountId).forUpdate().executeTakeFirst();
    if (!account) return 'notFound';
    if (account.password_hash !== null || account.disabled_at !== null) return 'notInvited';
    await trx.deleteFrom('password_token').where('account_id', '=', accountId).where('used_at', 'is', null).execute();
    const link = setPasswordLink(options.baseUrl, await createPasswordLink(trx, accountId, invitationLinkHours));
    await queueInvitationMail(trx, { email: account.email, displayName: account.display_name, role: account.role }, link, invitationDays);
    await writeAudit(trx, { accountId: options.actorId, action: 'account.invitation_resend', subjectType: 'account', subjectId: accountId });
    return 'ok';
  });
}

/** Disables (ending every session and open link) or enables an account; false when there is none. */
export async function setAccountDisabled(db: Db, accountId: number, disabled: boolean, actorId: number | null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('account')
      .set({ disabled_at: disabled ? (sql`coalesce(disabled_at, now())` as never) : null })
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    if (disabled) {
      await trx.deleteFrom('session').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('password_token').where('account_id', '=', accountId).where('used_at', 'is', null).execute();
    }
    await writeAudit(trx, { accountId: actorId, action: disabled ? 'account.disable' : 'account.enable', subjectType: 'account', subjectId: accountId });
    return true;
  });
}

/** Role, display name and scopes as the admin form sets them; false when there is no such account. */
export async function changeAccount(db: Db, accountId: number, change: AccountScopes & { role: Role; displayName: string }, actorId: number | null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('account').select(['role', 'display_name']).where('id', '=', accountId).forUpdate().executeTakeFirst();
    if (!before) return false;
    await trx.updateTable('account').set({ role: change.role, display_name: change.displayName }).where('id', '=', accountId).execute();
    await replaceScopes(trx, accountId, change.role, change);
    // a new role takes effect at the next request; the sessions can stay
    await writeAudit(trx, {
      accountId: actorId,
      action: 'account.change',
      subjectType: 'account',
      subjectId: accountId,
      details: { roleBefore: before.role, role: change.role, districts: change.districts, organisationIds: change.organisationIds },
    });
    return true;
  });
}

/** Only the scopes that fit the role are kept: districts for coordinators, organisations for representatives. */
async function replaceScopes(trx: Db, accountId: number, role: Role, scopes: AccountScopes) {
  await trx.deleteFrom('account_scope').where('account_id', '=', accountId).execute();
  const rows =
    role === 'coordinator'
      ? [...new Set(scopes.districts)].map((district) => ({ account_id: accountId, district, organisation_id: null }))
      : role === 'representative'
        ? [...new Set(scopes.organisationIds)].map((id) => ({ account_id: accountId, district: null, organisation_id: id }))
        : [];
  if (rows.length > 0) await trx.insertInto('account_scope').values(rows).execute();
}

export type AccountStatus = 'invited' | 'active' | 'disabled';

export interface AccountSummary {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  status: AccountStatus;
  lastSignIn: Date | null;
  districts: string[];
  organisations: { id: number; name: string }[];
}

/** Every account with its scopes and its last sign-in (from the audit log), by e-mail. */
export async function listAccounts(db: Db, options: { id?: number } = {}): Promise<AccountSummary[]> {
  let query = db
    .selectFrom('account')
    .select(['account.id', 'account.email', 'account.display_name', 'account.role', 'account.disabled_at', sql<boolean>`account.password_hash is not null`.as('has_password')])
    .select((eb) =>
      eb
        .selectFrom('audit_log')
        .select(sql<Date>`max(audit_log.at)`.as('at'))
        .where('audit_log.subject_type', '=', 'account')
        .whereRef('audit_log.subject_id', '=', sql`account.id::text`)
        .where('audit_log.action', '=', 'account.sign_in')
        .as('last_sign_in'),
    )
    .orderBy('account.email');
  if (options.id !== undefined) query = query.where('account.id', '=', options.id);
  const accounts = await query.execute();
  const scopes = await db
    .selectFrom('account_scope')
    .leftJoin('organisation', 'organisation.id', 'account_scope.organisation_id')
    .select(['account_scope.account_id', 'account_scope.district', 'organisation.id as organisation_id', 'organisation.name'])
    .$if(options.id !== undefined, (q) => q.where('account_scope.account_id', '=', options.id!))
    .orderBy('account_scope.district')
    .orderBy('organisation.name')
    .execute();
  return accounts.map((row) => {
    const own = scopes.filter((scope) => scope.account_id === row.id);
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      status: row.disabled_at ? 'disabled' : row.has_password ? 'active' : 'invited',
      lastSignIn: row.last_sign_in ? new Date(row.last_sign_in) : null,
      districts: own.flatMap((scope) => (scope.district ? [scope.district] : [])),
      organisations: own.flatMap((scope) => (scope.organisation_id !== null && scope.name !== null ? [{ id: scope.organisation_id, name: scope.name }] : [])),
    };
  });
}
