import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { randomToken, sha256 } from './accounts.js';

export interface SessionAccount {
  id: number;
  email: string;
  role: Role;
  locale: string;
  csrfToken: string;
}

/** Starts a session; returns the cookie value (only its hash is stored). */
export async function startSession(db: Kysely<Database>, accountId: number, hours: number): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('session')
    .values({ id: sha256(token), account_id: accountId, csrf_token: randomToken(), expires_at: new Date(Date.now() + hours * 3600_000) })
    .execute();
  // Expired sessions are cleared as new ones start; no separate job needed.
  await db.deleteFrom('session').where('expires_at', '<', new Date()).execute();
  return token;
}

export async function findSession(db: Kysely<Database>, token: string): Promise<SessionAccount | null> {
  const row = await db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .select(['account.id', 'account.email', 'account.role', 'account.locale', 'session.csrf_token'])
    .where('session.id', '=', sha256(token))
    .where('session.expires_at', '>', new Date())
    .where('account.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, email: row.email, role: row.role, locale: row.locale, csrfToken: row.csrf_token } : null;
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sha256(token)).execute();
}
