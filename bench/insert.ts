import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';

/**
 * Bulk insert for the generator: rows travel as one JSON parameter per chunk
 * and are unpacked by jsonb_to_recordset (the COPY of a client that has only
 * parameterised statements; it works the same on PGlite and PostgreSQL).
 * `columns` is the record definition, e.g. "id integer, name text"; the
 * inserted column list is the same names. Table and columns are constants of
 * this folder, never input.
 */
export async function insertRows(db: Kysely<Database>, table: string, columns: string, rows: object[], chunk = 20_000): Promise<void> {
  const names = columns
    .split(',')
    .map((column) => column.trim().split(/\s+/)[0])
    .join(', ');
  for (let start = 0; start < rows.length; start += chunk) {
    const json = JSON.stringify(rows.slice(start, start + chunk));
    await sql`
      insert into ${sql.raw(table)} (${sql.raw(names)})
      select ${sql.raw(names)} from jsonb_to_recordset(${json}::jsonb) as input (${sql.raw(columns)})`.execute(db);
  }
}

/** After inserting explicit ids: the serial continues behind the largest one. */
export async function advanceSequence(db: Kysely<Database>, table: string): Promise<void> {
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select max(id) from ${sql.raw(table)}), 1))`.execute(db);
}

/** The largest id of a table (0 when empty), to place explicit ids behind it. */
export async function maxId(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ max: number }>`select coalesce(max(id), 0)::integer as max from ${sql.raw(table)}`.execute(db);
  return rows[0].max;
}
