import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from '../src/db/connection.js';

/**
 * Test databases. MOSAIK_TEST_ENGINE picks the engine (npm test runs the suite
 * once per engine): 'pglite' gives an in-memory PGlite, 'postgres' a fresh
 * database on the server of MOSAIK_TEST_POSTGRES_URL (default: the local one).
 */
export const testEngine: Engine = process.env.MOSAIK_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const serverUrl = process.env.MOSAIK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends DatabaseHandle {
  /** The URL of the database (postgres) or undefined (pglite in memory). */
  url?: string;
}

export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (testEngine === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const name = `mosaik_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: options.poolSize });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
