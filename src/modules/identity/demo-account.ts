import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { createAccount } from './accounts.js';

/** The demo's staff account; shown on the sign-in page of a demo installation only. */
export const demoAccount = { email: 'demo@mosaik.example', password: 'Mosaik-Demo-2019', role: 'staff' } as const;

export async function ensureDemoAccount(db: Kysely<Database>): Promise<void> {
  const existing = await db.selectFrom('account').select('id').where('email', '=', demoAccount.email).executeTakeFirst();
  if (!existing) await createAccount(db, { ...demoAccount, displayName: 'Demo' });
}

export async function demoAccountExists(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('account').select('id').where('email', '=', demoAccount.email).executeTakeFirst()) !== undefined;
}
