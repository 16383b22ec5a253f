import { sql } from 'kysely';
import type { Db } from './subject.js';

/**
 * Every place in the database where a text occurs (case-insensitive): each
 * text, jsonb, array and binary column of every table, as "table.column #row".
 * The erasure tests use it to prove a name or address is gone everywhere.
 */
export async function whereTextOccurs(db: Db, needle: string): Promise<string[]> {
  const { rows: columns } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'jsonb', 'ARRAY', 'bytea', 'character varying')
    order by c.table_name, c.column_name`.execute(db);
  const pattern = `%${needle.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const found: string[] = [];
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    const value = type === 'bytea' ? sql`encode(${sql.ref(column)}, 'escape')` : sql`${sql.ref(column)}::text`;
    const { rows } = await sql<{ n: number }>`select count(*)::integer as n from ${sql.table(table)} where lower(${value}) like ${pattern}`.execute(db);
    if (rows[0].n > 0) found.push(`${table}.${column} (${rows[0].n})`);
  }
  return found;
}
