import type { CliCommand } from '../../cli.js';
import { isEmpty } from '../../db/connection.js';
import { loadDemo } from './load.js';

/**
 * `mosaik demo`: loads the fictional demo dataset (docs/demo.md) into an
 * empty database. A database that already holds organisations or events is
 * left alone: the demo must never mix with real records.
 */
export const demoCommand: CliCommand = async ({ args, open, out, err }) => {
  if (args.length > 0) {
    err('Aufruf / usage: mosaik demo');
    return 2;
  }
  const handle = await open();
  try {
    if (!(await isEmpty(handle.db))) {
      err(
        'Die Datenbank enthält bereits Organisationen oder Veranstaltungen; der Demo-Datensatz wird nur in eine leere Datenbank geladen. ' +
          'Nutzen Sie einen leeren Ordner (MOSAIK_DATA_DIR) oder eine leere Datenbank (DATABASE_URL).\n' +
          'The database already holds organisations or events; the demo dataset is loaded into an empty database only. ' +
          'Use an empty folder (MOSAIK_DATA_DIR) or an empty database (DATABASE_URL).',
      );
      return 1;
    }
    const outcomes = await loadDemo(handle.db, { log: out });
    out('Demo-Datensatz geladen / demo dataset loaded:');
    for (const outcome of outcomes) out(`  ${outcome.kind}: ${outcome.created} neu / created`);
    return 0;
  } finally {
    await handle.close();
  }
};
