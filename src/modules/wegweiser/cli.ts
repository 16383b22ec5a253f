import type { CliCommand } from '../../cli.js';
import { berlinDay } from './freshness.js';
import { writeHsdsExport } from './hsds-export.js';
import { describeProblem, importHsds } from './hsds-import.js';

/**
 * `mosaik export hsds DIR` and `mosaik import hsds DIR` (docs/exchange.md,
 * "Wegweiser: HSDS 3.0"). The export holds what the public API shows.
 */

export const exportHsdsCommand: CliCommand = async ({ args, open, out, err }) => {
  const folder = args[0];
  if (!folder) {
    err('Aufruf / usage: mosaik export hsds DIR');
    return 2;
  }
  const handle = await open();
  try {
    const counts = await writeHsdsExport(handle.db, folder, berlinDay(new Date()));
    out(Object.entries(counts).map(([file, count]) => `${file}: ${count}`).join('\n'));
    return 0;
  } finally {
    await handle.close();
  }
};

export const importHsdsCommand: CliCommand = async ({ args, open, out, err }) => {
  const folder = args[0];
  if (!folder) {
    err('Aufruf / usage: mosaik import hsds DIR');
    return 2;
  }
  const handle = await open();
  try {
    const outcome = await importHsds(handle.db, folder, new Date());
    if (!outcome.ok) {
      for (const problem of outcome.problems) err(describeProblem(problem));
      err(`Nichts gespeichert (${outcome.problems.length} Fehler). / Nothing stored (${outcome.problems.length} problems).`);
      return 1;
    }
    out(`Eingelesen / imported: ${outcome.counts.services} services, ${outcome.counts.organizations} organizations, ${outcome.counts.taxonomy_terms} taxonomy terms`);
    return 0;
  } finally {
    await handle.close();
  }
};
