import { sql, type Kysely } from 'kysely';
import type { Database, Role } from '../../db/tables.js';
import { createAccount } from './accounts.js';

/**
 * The demo's accounts, one per role, so that anyone trying Mosaik (a data
 * protection officer included) sees exactly what each role may. Shown on the
 * sign-in page of a demo installation only; all share one password.
 */
export const demoPassword = 'Mosaik-Demo-2019';
export const demoAccount = { email: 'demo@mosaik.example', password: demoPassword, role: 'staff' } as const;
export const demoAccounts: readonly { email: string; role: Role; displayName: string }[] = [
  { email: demoAccount.email, role: 'staff', displayName: 'Demo (Mitarbeiterin)' },
  { email: 'admin@mosaik.example', role: 'admin', displayName: 'Demo (Administration)' },
  { email: 'koordination@mosaik.example', role: 'coordinator', displayName: 'Demo (WIR-Koordination)' },
  { email: 'verein@mosaik.example', role: 'representative', displayName: 'Demo (Vereinsvertretung)' },
  { email: 'ministerium@mosaik.example', role: 'funder', displayName: 'Demo (Ministerium)' },
  { email: 'evaluation@mosaik.example', role: 'evaluator', displayName: 'Demo (Evaluation)' },
];

const demoEmails = () => demoAccounts.map((account) => account.email);

/**
 * Creates the missing demo accounts and re-enables disabled ones; the
 * coordinator gets the busiest district, the representative an organisation
 * with people. Only for a database that holds the demo and nothing else
 * (src/modules/demo/startup.ts decides).
 */
export async function ensureDemoAccount(db: Kysely<Database>): Promise<void> {
  await db.updateTable('account').set({ disabled_at: null }).where(sql<string>`lower(email)`, 'in', demoEmails()).where('disabled_at', 'is not', null).execute();
  for (const account of demoAccounts) {
    const existing = await db.selectFrom('account').select('id').where('email', '=', account.email).executeTakeFirst();
    if (existing) continue;
    const created = await createAccount(db, { ...account, password: demoPassword });
    if (account.role === 'coordinator') {
      const busiest = await db
        .selectFrom('organisation')
        .select('district')
        .where('district', 'is not', null)
        .groupBy('district')
        .orderBy((eb) => eb.fn.countAll(), 'desc')
        .orderBy('district')
        .executeTakeFirst();
      if (busiest?.district) await db.insertInto('account_scope').values({ account_id: created.id, district: busiest.district, organisation_id: null }).execute();
    }
    if (account.role === 'representative') {
      const withPeople = await db.selectFrom('person_role').select('organisation_id').orderBy('organisation_id').executeTakeFirst();
      const organisation = withPeople ?? (await db.selectFrom('organisation').select('id as organisation_id').orderBy('id').executeTakeFirst());
      if (organisation) await db.insertInto('account_scope').values({ account_id: created.id, district: null, organisation_id: organisation.organisation_id }).execute();
    }
  }
}

/**
 * Disables the demo accounts (sign-in fails, their sessions end) and returns
 * how many were still active: the demo is off, or the database holds real data.
 */
export async function disableDemoAccounts(db: Kysely<Database>): Promise<number> {
  const disabled = await db
    .updateTable('account')
    .set({ disabled_at: sql`now()` as never })
    .where(sql<string>`lower(email)`, 'in', demoEmails())
    .where('disabled_at', 'is', null)
    .returning('id')
    .execute();
  if (disabled.length > 0) await db.deleteFrom('session').where('account_id', 'in', disabled.map((row) => row.id)).execute();
  return disabled.length;
}

/** Whether the sign-in page may list the demo accounts: the demo staff account exists and is enabled. */
export async function demoAccountExists(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('account').select('id').where('email', '=', demoAccount.email).where('disabled_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}
