import type { Kysely } from 'kysely';
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

/** Creates the missing demo accounts; the coordinator gets the busiest district, the representative an organisation with people. */
export async function ensureDemoAccount(db: Kysely<Database>): Promise<void> {
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

export async function demoAccountExists(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('account').select('id').where('email', '=', demoAccount.email).executeTakeFirst()) !== undefined;
}
