import { sql, type Kysely } from 'kysely';
import { isEmpty } from '../../db/connection.js';
import type { Database } from '../../db/tables.js';
import { demoAccounts, disableDemoAccounts, ensureDemoAccount } from '../identity/index.js';

/*
 * What a start does about the demo (issue 8, finding 3). The demo's accounts
 * share a published password, so they may exist only on a database that holds
 * the demo and nothing else:
 *
 * - demo wanted, database empty      → load the demo, mark the database, create the accounts
 * - demo wanted, a demo database     → create (or re-enable) the accounts
 * - demo wanted, real data           → no demo; existing demo accounts are disabled
 * - demo not wanted                  → existing demo accounts are disabled
 *
 * Whether the demo is wanted is config.ts's MOSAIK_DEMO: on by default only on
 * a development start with PGlite (`npm start` on a fresh machine), off by
 * default in production (NODE_ENV=production or a DATABASE_URL).
 */

export type DemoStartOutcome = 'loaded' | 'accounts' | 'refused' | 'off';

export interface DemoStartResult {
  outcome: DemoStartOutcome;
  /** Demo accounts that were disabled by this start. */
  disabled: number;
}

const demoMark = 'demo_dataset';

/** Marks the database as holding the fictional demo (called once the demo is loaded). */
export async function markDemoDatabase(db: Kysely<Database>): Promise<void> {
  await sql`insert into installation_setting (name, value) values (${demoMark}, 'loaded')
            on conflict (name) do update set value = excluded.value, updated_at = now()`.execute(db);
}

/**
 * True when the database holds the demo and nothing else: marked when the demo
 * was loaded, no account but the demo's, no import but the demo's own lists.
 */
export async function isDemoDatabase(db: Kysely<Database>): Promise<boolean> {
  const emails = demoAccounts.map((account) => account.email);
  const { rows } = await sql<{ demo: boolean }>`
    select exists (select 1 from installation_setting where name = ${demoMark})
       and not exists (select 1 from account where lower(email) not in (${sql.join(emails)}))
       and not exists (select 1 from import_run where account_id is not null or file_name not like 'demo-%.json')
       as demo`.execute(db);
  return rows[0].demo;
}

export async function prepareDemoAtStart(
  db: Kysely<Database>,
  options: { demo: boolean; log?: (message: string) => void; load?: (db: Kysely<Database>) => Promise<unknown> },
): Promise<DemoStartResult> {
  const log = options.log ?? (() => {});
  if (!options.demo) return { outcome: 'off', disabled: await disableDemoAccounts(db) };
  if (await isEmpty(db)) {
    log('empty database: loading the demo dataset');
    const load = options.load ?? (async (target: Kysely<Database>) => (await import('./load.js')).loadDemo(target, { log }));
    await load(db);
    await markDemoDatabase(db);
    await ensureDemoAccount(db);
    return { outcome: 'loaded', disabled: 0 };
  }
  if (await isDemoDatabase(db)) {
    await ensureDemoAccount(db);
    return { outcome: 'accounts', disabled: 0 };
  }
  return { outcome: 'refused', disabled: await disableDemoAccounts(db) };
}
