import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { openDatabase } from './connection.js';
import { DataFolderInUseError, lockDataFolder, lockFileOf } from './folder-lock.js';

/*
 * Issue 8, finding 2: the server and `mosaik import` on one PGlite folder lost
 * imports and corrupted an index. One process per folder; the second is told
 * what to do. (These tests are about a folder, so they run the same on either
 * test engine.)
 */

const root = mkdtempSync(join(tmpdir(), 'mosaik-lock-'));
let counter = 0;
const freshFolder = () => join(root, `data-${++counter}`);
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function expectRefusal(error: unknown, holder: RegExp) {
  expect(error).toBeInstanceOf(DataFolderInUseError);
  expectRefusalMessage((error as Error).message, holder);
}

function expectRefusalMessage(message: string, holder: RegExp) {
  expect(message).toMatch(holder);
  expect(message).toContain('Eine PGlite-Datenbank darf immer nur ein Prozess öffnen');
  expect(message).toContain('Only one process may open a PGlite database at a time');
  expect(message).toContain('/imports');
  expect(message).toContain('DATABASE_URL');
}

/** A child process that takes the folder's lock as the server and holds it until killed. */
async function holdInChild(folder: string): Promise<ChildProcess> {
  const lockModule = fileURLToPath(new URL('./folder-lock.ts', import.meta.url));
  const script = `import { lockDataFolder } from ${JSON.stringify(lockModule)}; lockDataFolder(${JSON.stringify(folder)}, 'server'); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let errors = '';
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the child ended (${code}) before it held the lock: ${errors}`)));
  });
  return child;
}

describe('one process per PGlite folder', () => {
  it('refuses a second open of the same folder in one process, and allows it after the first is closed', async () => {
    const folder = freshFolder();
    const first = await openDatabase({ dataDir: folder, migrate: false, purpose: 'server' });
    const second = await openDatabase({ dataDir: folder, migrate: false, purpose: 'import' }).then(
      () => 'opened',
      (error: unknown) => error,
    );
    expectRefusal(second, /von dem Mosaik-Server \(PID \d+/);
    expect(existsSync(lockFileOf(folder))).toBe(true);
    await first.close();
    expect(existsSync(lockFileOf(folder))).toBe(false);
    const again = await openDatabase({ dataDir: folder, migrate: false });
    await again.close();
  }, 180_000); // a fresh PGlite folder is initialised twice

  it('refuses the command line while another process (the server) holds the folder, and takes over once that process is killed', async () => {
    const folder = freshFolder();
    const child = await holdInChild(folder);
    expect(JSON.parse(readFileSync(lockFileOf(folder), 'utf8'))).toMatchObject({ pid: child.pid, purpose: 'server' });

    expect(() => lockDataFolder(folder, 'import')).toThrow(DataFolderInUseError);
    const saved = { DATABASE_URL: process.env.DATABASE_URL, MOSAIK_DATA_DIR: process.env.MOSAIK_DATA_DIR };
    const err: string[] = [];
    try {
      delete process.env.DATABASE_URL;
      process.env.MOSAIK_DATA_DIR = folder;
      const file = join(root, 'events.csv');
      writeFileSync(file, 'event_key,title,format,start_date\nev-1,Netzwerktreffen,regional_network_meeting,2019-03-01\n');
      const status = await runCli(['import', 'events', file], { out: () => {}, err: (text) => err.push(text) });
      expect(status).toBe(1);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expectRefusalMessage(err.join('\n'), new RegExp(`Mosaik-Server \\(PID ${child.pid}`));
    expect(err.join('\n')).toContain('Stop the other process first');

    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const release = lockDataFolder(folder, 'import'); // the dead server's lock is stale
    expect(JSON.parse(readFileSync(lockFileOf(folder), 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'import' });
    release();
    expect(existsSync(lockFileOf(folder))).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const folder = freshFolder();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    writeFileSync(lockFileOf(folder), JSON.stringify({ pid: deadPid, host: hostname(), purpose: 'server', since: '2019-01-01T00:00:00.000Z' }));
    const release = lockDataFolder(folder, 'report');
    expect(JSON.parse(readFileSync(lockFileOf(folder), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('takes over a lock with this process\'s own pid that this process does not hold (a container restarted as pid 1)', () => {
    const folder = freshFolder();
    writeFileSync(lockFileOf(folder), JSON.stringify({ pid: process.pid, host: hostname(), purpose: 'server', since: '2019-01-01T00:00:00.000Z' }));
    const release = lockDataFolder(folder, 'server');
    expect(() => lockDataFolder(folder, 'import')).toThrow(DataFolderInUseError);
    release();
  });
});
