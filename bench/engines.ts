import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from '../src/db/connection.js';

/**
 * A throwaway database per benchmark run: PGlite in a fresh temporary folder,
 * PostgreSQL as a fresh database on the local server (dropped afterwards).
 */

export const postgresServerUrl = process.env.MOSAIK_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  engine: Engine;
  /** PGlite folder, or PostgreSQL URL: what the CLI is given (MOSAIK_DATA_DIR / DATABASE_URL). */
  location: string;
  open(): Promise<DatabaseHandle>;
  /** Environment for a `mosaik` process against this database. */
  cliEnvironment: Record<string, string>;
  drop(): Promise<void>;
  /** PostgreSQL only: `jit = off` for new sessions of this database (default PostgreSQL 15 has it on). */
  disableJit?(): Promise<void>;
}

export async function createBenchDatabase(engine: Engine): Promise<BenchDatabase> {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'mosaik-bench-'));
    return {
      engine,
      location: dataDir,
      open: () => openDatabase({ dataDir }),
      cliEnvironment: { MOSAIK_DATA_DIR: dataDir, DATABASE_URL: '' },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `mosaik_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    location: url.toString(),
    open: () => openDatabase({ databaseUrl: url.toString() }),
    cliEnvironment: { DATABASE_URL: url.toString() },
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
    disableJit: () => adminQuery(`alter database ${name} set jit = off`),
  };
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresServerUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: postgresServerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}
