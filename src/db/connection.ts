import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { lockDataFolder } from './folder-lock.js';
import { PGliteBridge } from './pglite-bridge.js';
import { PGliteDialect } from './pglite-dialect.js';
import { keepText, parseCount, parseDecimal } from './parsers.js';
import type { Database } from './tables.js';
import { migrate } from './migrate.js';

export type Engine = 'pglite' | 'postgres';
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

// Both engines return the same JavaScript values (src/db/parsers.ts).

// Each engine's driver is loaded only when that engine is opened: a cold
// start of the command line pays for one of them, not both.
let postgresParsersSet = false;
function setPostgresParsers(pg: typeof import('pg').default) {
  if (postgresParsersSet) return;
  pg.types.setTypeParser(pg.types.builtins.INT8, parseCount);
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, parseDecimal);
  pg.types.setTypeParser(pg.types.builtins.DATE, keepText);
  postgresParsersSet = true;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite folder; 'memory://' for a throwaway database. */
  dataDir?: string;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** Who opens a PGlite folder ('server', or the CLI's sub-command): named in the refusal another process gets. */
  purpose?: string;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl ? await openPostgres(options.databaseUrl, options.poolSize) : await openPGlite(options.dataDir ?? './data', options.purpose ?? '');
  if (options.migrate !== false) await migrate(handle.db);
  return handle;
}

async function openPostgres(url: string, poolSize = 10): Promise<DatabaseHandle> {
  const { default: pg } = await import('pg');
  setPostgresParsers(pg);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server drops (restart, idle timeout) must not end
  // the process; the pool replaces it, and errors during a query still reach
  // the caller.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL connection lost: ${error.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

async function openPGlite(dataDir: string, purpose: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://');
  // src/db/folder-lock.ts: a second process on the same folder corrupts it
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => {} : lockDataFolder(dataDir, purpose);
  // PGlite runs in a worker thread (src/db/pglite-bridge.ts): a long statement
  // there does not stop the server's event loop
  let pglite;
  try {
    pglite = await PGliteBridge.open({ dataDir });
  } catch (error) {
    unlock();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}

/** True when the database holds no organisations and no events yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const { rows } = await sql<{ empty: boolean }>`
    select not exists (select 1 from organisation) and not exists (select 1 from event) as empty`.execute(db);
  return rows[0].empty;
}
