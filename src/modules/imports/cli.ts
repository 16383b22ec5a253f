import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CliCommand } from '../../cli.js';
import { formatProblems, importFile, importKinds, isImportKind, type ImportOutcome } from './index.js';

const usage = `Aufruf / usage: mosaik import ${importKinds.join('|')} FILE [--dry-run]`;

/**
 * `mosaik import KIND FILE`: stdout gets what was stored, stderr every problem
 * as "file:line:column: message", a German line followed by an English one.
 * Exit status 0 when stored, 1 when the file was refused, 2 on a usage error.
 */
export const importCommand: CliCommand = async ({ args, open, out, err }) => {
  const dryRun = args.includes('--dry-run');
  const [kind, path, ...rest] = args.filter((arg) => arg !== '--dry-run');
  if (!kind || !path || rest.length > 0 || !isImportKind(kind)) {
    if (kind && !isImportKind(kind)) err(`Unbekannte Listenart „${kind}“. / Unknown kind of list "${kind}".`);
    err(usage);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    err(`${path}: Die Datei lässt sich nicht öffnen. Prüfen Sie den Pfad. / The file cannot be opened. Check the path.`);
    return 1;
  }
  const handle = await open();
  try {
    const outcome = await importFile(handle.db, kind, { name: basename(path), bytes }, { dryRun });
    if (outcome.problems.length > 0) {
      const german = formatProblems(outcome, 'de');
      const english = formatProblems(outcome, 'en');
      // both languages as "file:line:column: message", so that editors and grep find every line
      german.forEach((line, index) => {
        err(line);
        err(english[index]);
      });
      err(`${outcome.fileName}: nichts gespeichert / nothing stored.`);
      return 1;
    }
    out(summary(outcome, dryRun));
    return 0;
  } finally {
    await handle.close();
  }
};

function summary(outcome: ImportOutcome, dryRun: boolean): string {
  const lines = [
    `${outcome.fileName}: ${outcome.rows} Zeilen / rows — ${dryRun ? 'Probelauf, nichts gespeichert / dry run, nothing stored' : 'gespeichert / stored'}`,
    `  neu / created: ${outcome.created}, geändert / updated: ${outcome.updated}, unverändert / unchanged: ${outcome.unchanged}`,
    `  erkannte Organisationsnamen / names matched: ${outcome.matchedOrganisations}`,
  ];
  if (outcome.newOrganisations.length > 0) {
    lines.push(`  neue Organisationen zur Prüfung / new organisations to review: ${outcome.newOrganisations.length}`);
    for (const organisation of outcome.newOrganisations.slice(0, 20)) {
      lines.push(`    ${organisation.name} (Zeile / line ${organisation.lines.join(', ')})`);
    }
    if (outcome.newOrganisations.length > 20) lines.push(`    … +${outcome.newOrganisations.length - 20}`);
  }
  return lines.join('\n');
}
