import type { CliCommand } from '../../cli.js';
import { runRetention } from './retention.js';

/**
 * `mosaik retention [--dry-run]`: applies the enabled retention rules now (as
 * the daily run does), or with --dry-run only counts what would go. The
 * system is the actor in the audit log.
 */
export const retentionCommand: CliCommand = async ({ args, open, out, err }) => {
  const dryRun = args.includes('--dry-run');
  if (args.some((arg) => arg !== '--dry-run')) {
    err('Aufruf / usage: mosaik retention [--dry-run]');
    return 2;
  }
  const handle = await open();
  try {
    const results = await runRetention(handle.db, { dryRun, actorId: null });
    out(dryRun ? 'Probelauf, nichts geändert / dry run, nothing changed:' : 'Aufbewahrungsregeln angewendet / retention rules applied:');
    for (const result of results) {
      const state = result.enabled ? '' : ' (ausgeschaltet / disabled)';
      out(`  ${result.kind}${state}: ${result.count} betroffen / affected, ${result.applied} geändert / changed (vor / before ${result.cutoff})`);
    }
    return 0;
  } finally {
    await handle.close();
  }
};
