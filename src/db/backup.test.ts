import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../test/database.js';
import { runCli } from '../cli.js';
import { importRecords } from '../modules/imports/index.js';
import { computeImpactReport } from '../modules/reports/index.js';
import { openDatabase, type DatabaseHandle } from './connection.js';

/*
 * `mosaik backup` / `mosaik restore` end to end on the engine under test
 * (issue 8, finding 15): the round trip gives the identical impact report, and
 * a restore never replaces data without --force nor takes the other engine's file.
 */

const period = { from: '2017-09-01', to: '2019-08-31' };
const serverUrl = process.env.MOSAIK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (text: string) => out.push(text), err: (text: string) => err.push(text) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** An empty PostgreSQL database (createTestDatabase would migrate it, so it would not be empty). */
async function emptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mosaik_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

describe(`mosaik backup and restore (${testEngine})`, () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, MOSAIK_DATA_DIR: process.env.MOSAIK_DATA_DIR };
  let folder: string; // temp files (and the PGlite folders)
  let source: TestDatabase | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  let expected: Awaited<ReturnType<typeof computeImpactReport>>;
  let backupFile: string;

  /** Points the command line at a database: a PostgreSQL URL, or a PGlite folder. */
  function useTarget(target: string) {
    if (testEngine === 'postgres') {
      process.env.DATABASE_URL = target;
    } else {
      delete process.env.DATABASE_URL;
      process.env.MOSAIK_DATA_DIR = target;
    }
  }

  async function openTarget(target: string): Promise<DatabaseHandle> {
    return testEngine === 'postgres' ? openDatabase({ databaseUrl: target }) : openDatabase({ dataDir: target });
  }

  let sourceTarget: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'mosaik-backup-'));
    let handle: DatabaseHandle;
    if (testEngine === 'postgres') {
      source = await createTestDatabase();
      handle = source;
      sourceTarget = source.url!;
    } else {
      sourceTarget = join(folder, 'data');
      handle = await openDatabase({ dataDir: sourceTarget });
    }
    const lists = {
      organizations: [
        { org_key: 'a', name: 'Afrika Forum Kassel' },
        { org_key: 'b', name: 'Verein der Freunde Syriens e. V.' },
      ],
      events: [
        { event_key: 'rv-1', title: 'Regionales Vernetzungstreffen', format: 'regional_network_meeting', start_date: '2018-03-01' },
        { event_key: 'sa-1', title: 'Schulung Antragstellung', format: 'training_application', start_date: '2019-04-01' },
      ],
      participants: [
        { event_key: 'rv-1', organization: 'Afrika Forum Kassel', person: 'Amina Diallo' },
        { event_key: 'sa-1', organization: 'Afrika Forum Kassel', person: 'Amina Diallo' },
        { event_key: 'sa-1', organization: 'Verein der Freunde Syriens e. V.', person: 'Rami Haddad' },
        { event_key: 'sa-1', organization: '', person: 'Hans Müller' },
      ],
      grants: [{ year: 2019, organization: 'Afrika Forum Kassel', application_type: 'new', status: 'approved' }],
      feedback: [
        { event_key: 'rv-1', response_key: '1', q1: 1, q2: 2 },
        { event_key: 'sa-1', response_key: '2', q1: 2, q2: 3 },
      ],
    } as const;
    for (const [kind, records] of Object.entries(lists)) {
      const outcome = await importRecords(handle.db, kind as keyof typeof lists, records as unknown as Record<string, string | number>[]);
      expect(outcome.problems).toEqual([]);
    }
    expected = await computeImpactReport(handle.db, period);
    expect(expected.reach.events).toBe(2);
    if (testEngine === 'pglite') await handle.close();

    useTarget(sourceTarget);
    backupFile = join(folder, testEngine === 'postgres' ? 'backup.mosaik-pg.dump' : 'backup.mosaik-pglite.tar.gz');
    const result = await run('backup', backupFile);
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
  });

  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    for (const cleanup of cleanups) await cleanup();
    await source?.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function newEmptyTarget(name: string): Promise<string> {
    if (testEngine === 'pglite') return join(folder, name);
    const database = await emptyPostgresDatabase();
    cleanups.push(database.drop);
    return database.url;
  }

  it('restores into an empty target with the identical impact report', async () => {
    const target = await newEmptyTarget('restored');
    useTarget(target);
    const result = await run('restore', backupFile);
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    const handle = await openTarget(target);
    try {
      expect(await computeImpactReport(handle.db, period)).toEqual(expected);
    } finally {
      await handle.close();
    }
  });

  it('refuses to overwrite an existing backup file without --force', async () => {
    useTarget(sourceTarget);
    const result = await run('backup', backupFile);
    expect(result.status).toBe(1);
    expect(result.err).toContain('already exists');
    expect(result.err).toContain('gibt es schon');
  });

  it('refuses a non-empty target without --force, and with --force replaces it keeping the old data', async () => {
    // a target that holds other data: a migrated database with one organisation of its own
    const target = await newEmptyTarget('other');
    let handle = await openTarget(target);
    await importRecords(handle.db, 'organizations', [{ org_key: 'z', name: 'Andere Organisation' }]);
    await handle.close();

    useTarget(target);
    const refused = await run('restore', backupFile);
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/nicht leer/);
    expect(refused.err).toMatch(/not empty.*--force/s);
    handle = await openTarget(target);
    expect((await computeImpactReport(handle.db, period)).reach.events).toBe(0); // untouched
    await handle.close();

    const forced = await run('restore', backupFile, '--force');
    expect(forced.err).toBe('');
    expect(forced.status).toBe(0);
    const keptAs = /previous data is kept as: (.+)$/m.exec(forced.out)?.[1];
    expect(keptAs).toBeDefined();
    handle = await openTarget(target);
    try {
      expect(await computeImpactReport(handle.db, period)).toEqual(expected);
    } finally {
      await handle.close();
    }
    if (testEngine === 'pglite') {
      expect(keptAs).toContain(`${target}.before-restore-`);
      // the old folder is kept whole: it opens with its own organisation
      const old = await openDatabase({ dataDir: keptAs! });
      const names = await old.db.selectFrom('organisation').select('name').execute();
      await old.close();
      expect(names.map((row) => row.name)).toEqual(['Andere Organisation']);
      expect((await readdir(folder)).filter((name) => name.includes('.restoring-'))).toEqual([]);
    } else {
      // the replaced database was backed up beside the restored file
      expect(existsSync(keptAs!)).toBe(true);
      expect(keptAs).toMatch(/\.before-restore-.*\.mosaik-pg\.dump$/);
    }
  });

  it("refuses the other engine's backup and files that are no backup", async () => {
    const target = await newEmptyTarget('wrong-engine');
    useTarget(target);
    const other = join(folder, testEngine === 'postgres' ? 'other.mosaik-pglite.tar.gz' : 'other.mosaik-pg.dump');
    // the file is told by its first bytes: gzip for PGlite, "PGDMP" for pg_dump's custom format
    await writeFile(other, testEngine === 'postgres' ? gzipSync(Buffer.from('pgdata/PG_VERSION')) : Buffer.from('PGDMP\u0001\u000e\u0000'));
    const refused = await run('restore', other);
    expect(refused.status).toBe(1);
    expect(refused.err).toContain(testEngine === 'postgres' ? 'is a PGlite backup' : 'is a PostgreSQL (pg_dump) backup');
    expect(refused.err).toContain('pg_dump --format=plain');
    expect(refused.err).toContain('Mosaik wandelt Sicherungen nicht um');

    if (testEngine === 'pglite') {
      // a damaged tarball: PGlite would start an empty cluster from it; the restore says so and leaves nothing behind
      const damaged = join(folder, 'damaged.mosaik-pglite.tar.gz');
      await writeFile(damaged, gzipSync(Buffer.from('not a tarball')));
      const result = await run('restore', damaged);
      expect(result.status).toBe(1);
      expect(result.err).toContain('could not be restored');
      expect(result.err).toContain('holds no Mosaik database');
      expect(existsSync(target)).toBe(false);
    }

    const sql = join(folder, 'dump.sql');
    await writeFile(sql, '--\n-- PostgreSQL database dump\n--\n');
    const sqlRefused = await run('restore', sql);
    expect(sqlRefused.status).toBe(1);
    expect(sqlRefused.err).toContain('psql');

    const missing = await run('restore', join(folder, 'no-such-file.dump'));
    expect(missing.status).toBe(1);
    expect(missing.err).toContain('does not exist');
    if (testEngine === 'pglite') expect(existsSync(target)).toBe(false); // nothing created
  });

  if (testEngine === 'pglite') {
    it('refuses a PGlite backup while another process holds the folder, saying to stop the server', async () => {
      const handle = await openDatabase({ dataDir: sourceTarget, purpose: 'server' });
      try {
        useTarget(sourceTarget);
        const result = await run('backup', join(folder, 'while-running.mosaik-pglite.tar.gz'));
        expect(result.status).toBe(1);
        expect(result.err).toContain('stop the server');
        expect(result.err).toContain('beenden Sie zuerst den Server');
        expect(existsSync(join(folder, 'while-running.mosaik-pglite.tar.gz'))).toBe(false);
      } finally {
        await handle.close();
      }
    });
  } else {
    it('refuses a PostgreSQL backup when pg_dump is missing, saying what to install', async () => {
      useTarget(sourceTarget);
      const path = process.env.PATH;
      process.env.PATH = join(folder, 'no-bin');
      try {
        const result = await run('backup', join(folder, 'no-tools.mosaik-pg.dump'));
        expect(result.status).toBe(1);
        expect(result.err).toContain('pg_dump was not found');
        expect(result.err).toContain('postgresql-client');
      } finally {
        process.env.PATH = path;
      }
    });
  }
});
