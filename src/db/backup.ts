import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import pg from 'pg';
import type { CliCommand } from '../cli.js';
import { readSettings } from '../config.js';
import { DataFolderInUseError, lockDataFolder } from './folder-lock.js';
import type { Engine } from './connection.js';

/*
 * `mosaik backup FILE` and `mosaik restore FILE [--force]` for both engines
 * (issue 8, finding 15).
 *
 * - PGlite: the data folder as a gzipped tarball (PGlite's own dumpDataDir),
 *   restored with `loadDataDir` into a fresh folder. The folder lock
 *   (./folder-lock.ts) is held throughout, so the server must be stopped.
 * - PostgreSQL: pg_dump's custom format (-Fc), restored with pg_restore in one
 *   transaction, so a failed restore leaves the database as it was.
 *
 * The file tells its engine by its first bytes (gzip 1f 8b vs pg_dump's
 * "PGDMP"), whatever it is called; the names Mosaik suggests are
 * `*.mosaik-pglite.tar.gz` and `*.mosaik-pg.dump`. A backup of one engine is
 * never restored into the other: the PGlite tarball is a data folder, not SQL.
 *
 * Nothing is deleted silently: an existing backup file is overwritten only
 * with --force; a restore over a PGlite folder keeps the old folder beside it
 * (`<folder>.before-restore-<timestamp>`); a restore over a PostgreSQL
 * database first writes a backup of it beside the restored file.
 */

export const backupExtensions: Record<Engine, string> = { pglite: '.mosaik-pglite.tar.gz', postgres: '.mosaik-pg.dump' };

/** A refusal or failure the operator can act on; the message is German, then English. */
export class BackupError extends Error {
  constructor(german: string, english: string) {
    super(`${german}\n${english}`);
    this.name = 'BackupError';
  }
}

export interface BackupTarget {
  /** PostgreSQL URL; when absent, the PGlite folder dataDir. */
  databaseUrl?: string;
  dataDir?: string;
}

export interface BackupOptions extends BackupTarget {
  file: string;
  /** Overwrite an existing backup file (backup) or replace a non-empty database (restore). */
  force?: boolean;
}

export interface RestoreResult {
  engine: Engine;
  /** What the replaced data was kept as (a folder or a backup file), when the target was not empty. */
  keptAs?: string;
}

export async function backupDatabase(options: BackupOptions): Promise<{ engine: Engine; bytes: number }> {
  const file = resolve(options.file);
  if (existsSync(file) && !options.force) {
    throw new BackupError(
      `Die Datei „${file}“ gibt es schon; sie wird nicht überschrieben. Wählen Sie einen neuen Namen oder geben Sie --force an.`,
      `The file "${file}" already exists and is not overwritten. Choose a new name or pass --force.`,
    );
  }
  if (options.databaseUrl) {
    await backupPostgres(options.databaseUrl, file);
    return { engine: 'postgres', bytes: statSync(file).size };
  }
  const tarball = await backupPGlite(options.dataDir ?? './data');
  writeFileSync(file, tarball);
  return { engine: 'pglite', bytes: tarball.length };
}

export async function restoreDatabase(options: BackupOptions): Promise<RestoreResult> {
  const file = resolve(options.file);
  if (!existsSync(file)) {
    throw new BackupError(`Die Sicherungsdatei „${file}“ gibt es nicht.`, `The backup file "${file}" does not exist.`);
  }
  const engine = options.databaseUrl ? 'postgres' : 'pglite';
  refuseOtherEngine(engineOfFile(file), engine, file);
  if (options.databaseUrl) return restorePostgres(options.databaseUrl, file, options.force ?? false);
  return restorePGlite(options.dataDir ?? './data', file, options.force ?? false);
}

// ---------------------------------------------------------------- the file

type FileKind = Engine | 'sql' | 'unknown';

export function engineOfFile(file: string): FileKind {
  const head = readFileSync(file).subarray(0, 64);
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  if (/^(--|SET |\\connect|CREATE )/.test(head.toString('utf8'))) return 'sql';
  return 'unknown';
}

const convertHint = {
  de: 'Um Daten zwischen PGlite und PostgreSQL umzuziehen, exportieren Sie sie als SQL (pg_dump --format=plain --no-owner, bei PGlite über einen PostgreSQL-Client am laufenden Server) und spielen Sie sie mit psql ein; Mosaik wandelt Sicherungen nicht um.',
  en: 'To move data between PGlite and PostgreSQL, export it as SQL (pg_dump --format=plain --no-owner; for PGlite through a PostgreSQL client attached to it) and load it with psql; Mosaik does not convert backups.',
};

function refuseOtherEngine(kind: FileKind, engine: Engine, file: string) {
  if (kind === engine) return;
  const here = engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (MOSAIK_DATA_DIR)';
  if (kind === 'pglite' || kind === 'postgres') {
    const there = kind === 'postgres' ? 'PostgreSQL (pg_dump)' : 'PGlite';
    throw new BackupError(
      `„${file}“ ist eine Sicherung von ${there}, eingestellt ist aber ${here}. ${convertHint.de}`,
      `"${file}" is a ${there} backup, but the configured engine is ${here}. ${convertHint.en}`,
    );
  }
  if (kind === 'sql') {
    throw new BackupError(
      `„${file}“ ist eine SQL-Datei, keine Mosaik-Sicherung. Spielen Sie sie mit psql ein (psql -d DATENBANK -f DATEI).`,
      `"${file}" is an SQL file, not a Mosaik backup. Load it with psql (psql -d DATABASE -f FILE).`,
    );
  }
  throw new BackupError(
    `„${file}“ ist keine Mosaik-Sicherung (erwartet: ${backupExtensions.pglite} von PGlite oder ${backupExtensions.postgres} von PostgreSQL, erstellt mit „mosaik backup“).`,
    `"${file}" is not a Mosaik backup (expected: ${backupExtensions.pglite} from PGlite or ${backupExtensions.postgres} from PostgreSQL, made by "mosaik backup").`,
  );
}

// ---------------------------------------------------------------- PGlite

async function openPGliteFolder(dataDir: string, loadDataDir?: Blob) {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm')]);
  const pglite = await PGlite.create({ dataDir, extensions: { pg_trgm }, loadDataDir });
  return pglite;
}

function hasDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

function isEmptyFolder(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/** The folder lock, with a refusal that says the server must be stopped for a backup or restore. */
function lockForBackup(dataDir: string, purpose: 'backup' | 'restore'): () => void {
  try {
    return lockDataFolder(dataDir, purpose);
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    const { holder } = error;
    const who = holder.purpose === 'server' ? 'dem Mosaik-Server' : holder.purpose ? `„mosaik ${holder.purpose}“` : 'einem anderen Mosaik-Prozess';
    const whoEn = holder.purpose === 'server' ? 'the Mosaik server' : holder.purpose ? `"mosaik ${holder.purpose}"` : 'another Mosaik process';
    throw new BackupError(
      `Der Datenordner „${error.folder}“ ist geöffnet, von ${who} (PID ${holder.pid}, seit ${holder.since}). ` +
        `Für „mosaik ${purpose}“ mit PGlite muss der Ordner frei sein: beenden Sie zuerst den Server (bzw. den anderen Befehl) und rufen Sie den Befehl dann erneut auf. ` +
        'Mit PostgreSQL (DATABASE_URL) ist eine Sicherung auch bei laufendem Server möglich.',
      `The data folder "${error.folder}" is open, by ${whoEn} (PID ${holder.pid}, since ${holder.since}). ` +
        `"mosaik ${purpose}" on PGlite needs the folder to itself: stop the server (or the other command) first, then run the command again. ` +
        'With PostgreSQL (DATABASE_URL) a backup works while the server runs.',
    );
  }
}

async function backupPGlite(dataDir: string): Promise<Buffer> {
  const folder = resolve(dataDir);
  if (!hasDatabase(folder)) {
    throw new BackupError(
      `Im Ordner „${folder}“ liegt keine Mosaik-Datenbank (MOSAIK_DATA_DIR prüfen).`,
      `The folder "${folder}" holds no Mosaik database (check MOSAIK_DATA_DIR).`,
    );
  }
  const unlock = lockForBackup(folder, 'backup');
  try {
    const pglite = await openPGliteFolder(folder);
    try {
      const tarball = await pglite.dumpDataDir('gzip');
      return Buffer.from(await tarball.arrayBuffer());
    } finally {
      await pglite.close();
    }
  } finally {
    unlock();
  }
}

function timestamp(): string {
  // an instant in a file name: UTC, without the characters some file systems refuse
  return new Date().toISOString().replace(/[:.]/g, '-');
}

async function restorePGlite(dataDir: string, file: string, force: boolean): Promise<RestoreResult> {
  const folder = resolve(dataDir).replace(/[\\/]+$/, '');
  const unlock = lockForBackup(folder, 'restore');
  try {
    const replacing = !isEmptyFolder(folder);
    const existedEmpty = !replacing && existsSync(folder);
    if (replacing && !force) {
      throw new BackupError(
        `Der Datenordner „${folder}“ ist nicht leer. Stellen Sie in einen neuen Ordner wieder her (MOSAIK_DATA_DIR), oder geben Sie --force an: ` +
          'dann wird der bisherige Ordner nicht gelöscht, sondern als „…before-restore-ZEITPUNKT“ daneben aufbewahrt.',
        `The data folder "${folder}" is not empty. Restore into a new folder (MOSAIK_DATA_DIR), or pass --force: ` +
          'the current folder is then not deleted but kept beside it as "…before-restore-TIMESTAMP".',
      );
    }
    // restore into a fresh folder beside the target, then swap: a failed
    // restore leaves the target as it was
    const stamp = timestamp();
    const fresh = replacing ? `${folder}.restoring-${stamp}` : folder;
    try {
      const pglite = await openPGliteFolder(fresh, new Blob([readFileSync(file)]));
      try {
        // PGlite starts a fresh, empty cluster when the tarball holds no data
        // folder (a damaged file): only a cluster with Mosaik's tables is a
        // restore. The pending migrations run when Mosaik next opens it.
        const { rows } = await pglite.query<{ mosaik: boolean }>(`select to_regclass('public.schema_migration') is not null as mosaik`);
        if (!rows[0]?.mosaik) throw new Error('the file holds no Mosaik database / die Datei enthält keine Mosaik-Datenbank');
      } finally {
        await pglite.close();
      }
    } catch (error) {
      // leave the target as it was: absent or empty (nothing of it is in the fresh folder)
      rmSync(fresh, { recursive: true, force: true });
      if (existedEmpty) mkdirSync(folder);
      throw new BackupError(
        `Die Sicherung „${file}“ ließ sich nicht wiederherstellen: ${(error as Error).message}`,
        `The backup "${file}" could not be restored: ${(error as Error).message}`,
      );
    }
    if (!replacing) return { engine: 'pglite' };
    const keptAs = `${folder}.before-restore-${stamp}`;
    renameSync(folder, keptAs);
    renameSync(fresh, folder);
    return { engine: 'pglite', keptAs };
  } finally {
    unlock();
  }
}

// ---------------------------------------------------------------- PostgreSQL

/** The major version of a client tool, or a refusal when it is missing. */
function toolMajor(tool: 'pg_dump' | 'pg_restore'): number {
  const result = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new BackupError(
      `Das Programm ${tool} wurde nicht gefunden. Installieren Sie die PostgreSQL-Client-Programme in der Version des Servers (z. B. Paket postgresql-client-15) und sorgen Sie dafür, dass sie im PATH liegen.`,
      `The program ${tool} was not found. Install the PostgreSQL client programs of the server's version (e.g. the package postgresql-client-15) and make sure they are on the PATH.`,
    );
  }
  const match = /(\d+)(?:\.\d+)?/.exec(result.stdout);
  return match ? Number(match[1]) : 0;
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>('show server_version_num');
    return Math.floor(Number(rows[0].v) / 10000);
  } finally {
    await client.end();
  }
}

/** pg_dump and pg_restore refuse (or fail half-way on) a server newer than themselves: say so before. */
async function checkTool(tool: 'pg_dump' | 'pg_restore', url: string) {
  const [client, server] = [toolMajor(tool), await serverMajor(url)];
  if (client < server) {
    throw new BackupError(
      `${tool} hat die Version ${client}, der Datenbankserver ${server}. ${tool} muss mindestens die Version des Servers haben: installieren Sie postgresql-client-${server} und stellen Sie es im PATH voran (z. B. PATH=/usr/lib/postgresql/${server}/bin:$PATH).`,
      `${tool} is version ${client}, the database server ${server}. ${tool} must be at least the server's version: install postgresql-client-${server} and put it first on the PATH (e.g. PATH=/usr/lib/postgresql/${server}/bin:$PATH).`,
    );
  }
}

/** The URL for the tools' --dbname with its password moved to PGPASSWORD: an argument list is readable by every local user (ps). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(tool: 'pg_dump' | 'pg_restore', url: string, args: string[]) {
  const { dbname, env } = connection(url);
  const result = spawnSync(tool, [`--dbname=${dbname}`, ...args], { encoding: 'utf8', env });
  if (result.error || result.status !== 0) {
    const detail = (result.stderr || result.error?.message || '').trim();
    throw new BackupError(`${tool} ist fehlgeschlagen.`, `${tool} failed:\n${detail}`);
  }
}

async function backupPostgres(url: string, file: string) {
  await checkTool('pg_dump', url);
  run('pg_dump', url, ['--format=custom', '--no-owner', `--file=${file}`]);
}

/** True when the database holds no table, view or sequence outside the system schemas. */
async function isEmptyDatabase(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ empty: boolean }>(`
      select not exists (
        select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
          and c.relkind in ('r', 'v', 'm', 'S', 'p')
      ) as empty`);
    return rows[0].empty;
  } finally {
    await client.end();
  }
}

async function restorePostgres(url: string, file: string, force: boolean): Promise<RestoreResult> {
  await checkTool('pg_restore', url);
  const empty = await isEmptyDatabase(url);
  if (!empty && !force) {
    throw new BackupError(
      'Die Datenbank (DATABASE_URL) ist nicht leer. Stellen Sie in eine neue, leere Datenbank wieder her (createdb …, dann DATABASE_URL darauf), ' +
        'oder beenden Sie den Server und geben Sie --force an: dann wird der bisherige Inhalt ersetzt, nachdem eine Sicherung von ihm neben der Datei abgelegt wurde.',
      'The database (DATABASE_URL) is not empty. Restore into a new, empty database (createdb …, then point DATABASE_URL at it), ' +
        'or stop the server and pass --force: the current contents are then replaced, after a backup of them was written beside the file.',
    );
  }
  let keptAs: string | undefined;
  const args = ['--no-owner', '--single-transaction', '--exit-on-error'];
  if (!empty) {
    keptAs = join(dirname(file), `${basename(file).replace(/\.mosaik-pg\.dump$|\.dump$/, '')}.before-restore-${timestamp()}${backupExtensions.postgres}`);
    await backupPostgres(url, keptAs);
    args.unshift('--clean', '--if-exists');
  }
  // one transaction: a restore that fails leaves the database as it was
  run('pg_restore', url, [...args, file]);
  return { engine: 'postgres', keptAs };
}

// ---------------------------------------------------------------- command line

function parseArgs(args: string[]): { file: string; force: boolean } | undefined {
  const rest = args.filter((arg) => arg !== '--force');
  if (rest.length !== 1 || rest[0].startsWith('-')) return undefined;
  return { file: rest[0], force: rest.length !== args.length };
}

/** `mosaik backup FILE [--force]` */
export const backupCommand: CliCommand = async ({ args, out, err }) => {
  const parsed = parseArgs(args);
  if (!parsed) {
    err(`Aufruf / usage: mosaik backup FILE [--force]   (FILE e.g. mosaik-2019-08-31${backupExtensions.pglite} or …${backupExtensions.postgres})`);
    return 2;
  }
  const settings = readSettings();
  try {
    const { engine, bytes } = await backupDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.MOSAIK_DATA_DIR, ...parsed });
    out(`Sicherung geschrieben / backup written: ${resolve(parsed.file)} (${engine}, ${bytes} bytes)`);
    if (!parsed.file.endsWith(backupExtensions[engine])) {
      out(`Hinweis / note: Mosaik names ${engine} backups *${backupExtensions[engine]}; the file is recognised by its content either way.`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    err(error.message);
    return 1;
  }
};

/** `mosaik restore FILE [--force]` */
export const restoreCommand: CliCommand = async ({ args, out, err }) => {
  const parsed = parseArgs(args);
  if (!parsed) {
    err('Aufruf / usage: mosaik restore FILE [--force]');
    return 2;
  }
  const settings = readSettings();
  try {
    const { engine, keptAs } = await restoreDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.MOSAIK_DATA_DIR, ...parsed });
    out(`Wiederhergestellt / restored (${engine}): ${resolve(parsed.file)}`);
    if (keptAs) out(`Der bisherige Stand liegt unter / the previous data is kept as: ${keptAs}`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    err(error.message);
    return 1;
  }
};
