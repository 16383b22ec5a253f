import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

// The SQL files stay in src/ and are read from there by the compiled code too
// (dist/db and src/db are at the same depth): the shared schema in
// src/db/migrations, and each module's own tables in src/modules/<name>/migrations.
const migrationsDir = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));
const modulesDir = fileURLToPath(new URL('../../src/modules/', import.meta.url));
const migrationName = /^\d{3}_[a-z0-9_]+\.sql$/;

/** Every migration by file name, with its path; the names are applied in one global order. */
export function migrationPaths(): Map<string, string> {
  const paths = new Map<string, string>();
  const add = (folder: string) => {
    for (const name of readdirSync(folder).filter((file) => migrationName.test(file))) {
      if (paths.has(name)) throw new Error(`Migration ${name} exists twice (${paths.get(name)} and ${folder}${name}): give it a new number.`);
      const number = name.slice(0, 3);
      const clash = [...paths.keys()].find((other) => other.startsWith(number));
      if (clash) throw new Error(`Migrations ${clash} and ${name} share the number ${number}: give ${name} a number of its own.`);
      paths.set(name, folder + name);
    }
  };
  add(migrationsDir);
  for (const module of readdirSync(modulesDir, { withFileTypes: true })) {
    const folder = `${modulesDir}${module.name}/migrations/`;
    if (module.isDirectory() && existsSync(folder)) add(folder);
  }
  return paths;
}

export function migrationFiles(): string[] {
  return [...migrationPaths().keys()].sort();
}

/**
 * Applies the SQL files (migrationPaths) in the order of their names, each in its own
 * transaction. An advisory lock keeps two servers starting at once from
 * applying the same migration twice.
 */
export async function migrate(db: Kysely<any>): Promise<string[]> {
  await sql`create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())`.execute(db);
  // The usual case (every file applied) costs one query, not a transaction per file.
  const known = new Set((await sql<{ name: string }>`select name from schema_migration`.execute(db)).rows.map((row) => row.name));
  const paths = migrationPaths();
  const pending = [...paths.keys()].sort().filter((name) => !known.has(name));
  const applied: string[] = [];
  for (const name of pending) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(4711)`.execute(trx);
      const existing = await sql`select 1 from schema_migration where name = ${name}`.execute(trx);
      if (existing.rows.length > 0) return false;
      await sql.raw(readFileSync(paths.get(name)!, 'utf8')).execute(trx);
      await sql`insert into schema_migration (name) values (${name})`.execute(trx);
      return true;
    });
    if (done) applied.push(name);
  }
  // a table added by a module's later migration gets the data-version trigger too (250_data_version_everywhere.sql)
  // (under the migrations' lock: two servers starting at once must not both create the same trigger)
  if (applied.length > 0 && paths.has('250_data_version_everywhere.sql')) {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(4711)`.execute(trx);
      await sql`select data_change_attach_all()`.execute(trx);
    });
  }
  return applied;
}
