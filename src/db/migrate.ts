import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

// The SQL files stay in src/ and are read from there by the compiled code too
// (dist/db and src/db are at the same depth).
const migrationsDir = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));

export function migrationFiles(): string[] {
  return readdirSync(migrationsDir)
    .filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
}

/**
 * Applies the SQL files in src/db/migrations in order, each in its own
 * transaction. An advisory lock keeps two servers starting at once from
 * applying the same migration twice.
 */
export async function migrate(db: Kysely<any>): Promise<string[]> {
  await sql`create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())`.execute(db);
  // The usual case (every file applied) costs one query, not a transaction per file.
  const known = new Set((await sql<{ name: string }>`select name from schema_migration`.execute(db)).rows.map((row) => row.name));
  const pending = migrationFiles().filter((name) => !known.has(name));
  const applied: string[] = [];
  for (const name of pending) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(4711)`.execute(trx);
      const existing = await sql`select 1 from schema_migration where name = ${name}`.execute(trx);
      if (existing.rows.length > 0) return false;
      await sql.raw(readFileSync(migrationsDir + name, 'utf8')).execute(trx);
      await sql`insert into schema_migration (name) values (${name})`.execute(trx);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
