import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

/*
 * One process per PGlite folder. PGlite is PostgreSQL in one process without a
 * postmaster: two processes on one folder each believe they own its files, and
 * the second one's writes silently overwrite the first one's (issue 8, finding 2:
 * two of three imports lost, a heap tuple without its index entry).
 *
 * The lock is a file beside the folder (`data` → `data.lock`), not inside it:
 * PGlite refuses to create a database in a folder that holds a foreign file.
 * It is created with O_EXCL ('wx'), so of two processes starting at once exactly
 * one wins, and it names its holder: pid, the process's start time, host and
 * command. A lock whose process no longer runs (kill -9, power cut) is stale and
 * taken over.
 */

export interface LockHolder {
  pid: number;
  /** Start time of the holder's process (kernel clock ticks since boot, from /proc), when known. */
  processStart?: string;
  host: string;
  /** What holds the folder: 'server', the command line's sub-command, or '' (a script or test). */
  purpose: string;
  since: string;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(folderInUseMessage(folder, holder));
    this.name = 'DataFolderInUseError';
  }
}

/** The message says what holds the folder and what to do instead (German, then English). */
export function folderInUseMessage(folder: string, holder: LockHolder): string {
  const who = holder.purpose === 'server' ? 'dem Mosaik-Server' : holder.purpose ? `dem Befehl „mosaik ${holder.purpose}“` : 'einem anderen Mosaik-Prozess';
  const whoEn = holder.purpose === 'server' ? 'the Mosaik server' : holder.purpose ? `the command "mosaik ${holder.purpose}"` : 'another Mosaik process';
  const where = `PID ${holder.pid}${holder.host === hostname() ? '' : ` @ ${holder.host}`}`;
  return [
    `Der Datenordner „${folder}“ ist bereits geöffnet, von ${who} (${where}, seit ${holder.since}). ` +
      'Eine PGlite-Datenbank darf immer nur ein Prozess öffnen, sonst gehen Daten verloren. ' +
      'Beenden Sie zuerst den anderen Prozess, oder importieren Sie über die Weboberfläche (/imports) bzw. die API, während der Server läuft, ' +
      'oder nutzen Sie PostgreSQL (DATABASE_URL), auf das Server und Befehlszeile gleichzeitig zugreifen dürfen.',
    `The data folder "${folder}" is already open, by ${whoEn} (${where}, since ${holder.since}). ` +
      'Only one process may open a PGlite database at a time, or data is lost. ' +
      'Stop the other process first, or import through the web pages (/imports) or the API while the server runs, ' +
      'or use PostgreSQL (DATABASE_URL), which the server and the command line may use at the same time.',
  ].join('\n');
}

/** Lock files this process holds, so that a second open inside one process is refused too. */
const heldHere = new Set<string>();

export function lockFileOf(dataDir: string): string {
  return `${resolve(dataDir).replace(/[\\/]+$/, '')}.lock`;
}

/**
 * Takes the folder's lock or throws DataFolderInUseError. Returns the release
 * function (idempotent); the lock is also released when the process exits.
 */
export function lockDataFolder(dataDir: string, purpose: string): () => void {
  const file = lockFileOf(dataDir);
  const me: LockHolder = { pid: process.pid, processStart: processStart(process.pid), host: hostname(), purpose, since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      // an unreadable lock is being written right now, or was left half-written by a crash long ago
      const held = holder ? heldHere.has(file) || isAlive(holder) : ageInSeconds(file) < 10;
      if (held || attempt > 0) throw new DataFolderInUseError(resolve(dataDir), holder ?? { ...me, pid: 0, purpose: '' });
      // stale: its process is gone; take it over once
      try {
        unlinkSync(file);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  heldHere.add(file);
  const release = () => {
    if (!heldHere.delete(file)) return;
    process.off('exit', release);
    // remove it only while it is still ours
    if (readHolder(file)?.pid === me.pid) unlinkSync(file);
  };
  process.on('exit', release);
  return release;
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return Number.isInteger(parsed.pid) && parsed.pid > 0 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function ageInSeconds(file: string): number {
  try {
    return (Date.now() - statSync(file).mtimeMs) / 1000;
  } catch {
    return Infinity;
  }
}

/** Whether the lock's process still runs; a reused pid (a container's pid 1 after a restart) is told apart by its start time. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // another machine's process cannot be checked: assume it runs
  if (holder.pid === process.pid) return false; // not in heldHere: left by an earlier run with the same pid
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStart(holder.pid);
  return !(start && holder.processStart && start !== holder.processStart);
}

/** Field 22 of /proc/PID/stat (Linux); undefined elsewhere. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count from its closing one
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
