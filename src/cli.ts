#!/usr/bin/env node
/**
 * The `mosaik` command (spec/exchange.md, "Command line"). Each module brings
 * its sub-commands (`commands` of its `module`, src/modules/registry.ts); this
 * file only dispatches, opens the database and keeps the installation's own
 * (migrate, backup, restore).
 */
import { readSettings } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connection.js';
import { DataFolderInUseError } from './db/folder-lock.js';

export interface CliContext {
  args: string[];
  open(): Promise<DatabaseHandle>;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A sub-command returns the process exit status. */
export type CliCommand = (context: CliContext) => Promise<number>;

const usage = `Usage:
  mosaik import organizations|events|participants|feedback|consultations|grants FILE
  mosaik report impact --from YYYY-MM-DD --to YYYY-MM-DD [--format text|json]
  mosaik report projects --year YYYY [--format text|json]
                                   the micro-project analysis of a funding year (report chapter 5.6)
  mosaik demo                      load the fictional demo dataset
  mosaik user add EMAIL --role admin|staff|coordinator|representative|funder|evaluator [--organisation ID …]
  mosaik user invite EMAIL --role ROLE [--name NAME] [--district D …] [--organisation ID …]
                                   invite by e-mail (the link arrives through the outbox)
  mosaik migrate                   apply pending database migrations
  mosaik retention [--dry-run]     apply the retention rules now (or only count what would go)
  mosaik backup FILE [--force]     write a backup (PGlite: stop the server first; PostgreSQL: pg_dump)
  mosaik restore FILE [--force]    restore a backup into an empty folder/database (--force: replace, keeping the old)

Storage: DATABASE_URL (PostgreSQL) when set, otherwise MOSAIK_DATA_DIR (default ./data).`;

/** The commands of the installation itself, not of a module: its database and its backups. */
async function loadCommand(name: string | undefined): Promise<CliCommand | undefined> {
  switch (name) {
    case 'backup':
      return (await import('./db/backup.js')).backupCommand;
    case 'restore':
      return (await import('./db/backup.js')).restoreCommand;
    case 'migrate':
      return async (context) => {
        const handle = await context.open();
        await handle.close();
        context.out('Datenbank ist aktuell. / Database is up to date.');
        return 0;
      };
    default:
      return undefined;
  }
}

/**
 * The sub-command a module of src/modules/registry.ts brings: one word
 * ("import") or two ("export hsds", "report projects"). The longest match
 * wins, so that a module's "report projects" goes before the reports
 * module's "report".
 */
async function registeredCommand(argv: string[]): Promise<{ command: CliCommand; args: string[] } | undefined> {
  const { registeredModules } = await import('./modules/registry.js');
  let best: { command: CliCommand; args: string[]; words: number } | undefined;
  for (const module of registeredModules()) {
    for (const [words, command] of Object.entries(module.commands ?? {})) {
      const parts = words.split(' ');
      if (!parts.every((part, index) => argv[index] === part)) continue;
      if (!best || parts.length > best.words) best = { command, args: argv.slice(parts.length), words: parts.length };
    }
  }
  return best;
}

export async function runCli(argv: string[], io = { out: console.log, err: console.error }): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    io.out(usage);
    return name ? 0 : 2;
  }
  const registered = await registeredCommand(argv);
  const command = registered?.command ?? (await loadCommand(name));
  if (registered) args.splice(0, args.length, ...registered.args);
  if (!command) {
    io.err(`Unbekannter Befehl „${name}“. / Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  const settings = readSettings();
  try {
    return await command({
      args,
      out: io.out,
      err: io.err,
      open: () => openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.MOSAIK_DATA_DIR, purpose: name }),
    });
  } catch (error) {
    // the server (or another command) holds the PGlite folder: say so and what to do, no stack trace
    if (error instanceof DataFolderInUseError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] && /src[\\/]cli\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2)).then(
    (status) => process.exit(status),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
