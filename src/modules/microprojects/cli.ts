import type { CliCommand } from '../../cli.js';
import { analysisQuerySchema, analysisText, latestApprovedYear, projectAnalysis } from './analysis.js';
import { listTags } from './tags.js';

const usage = 'Aufruf / usage: mosaik report projects --year YYYY [--format text|json]';

/**
 * `mosaik report projects` (docs/exchange.md, "The micro-project analysis"):
 * chapter 5.6 for one funding year; with --format json exactly one JSON
 * document on stdout, otherwise the German summary. Exit status 2 on a usage
 * error, with a message naming the option and the fix.
 */
export const projectsReportCommand: CliCommand = async ({ args, open, out, err }) => {
  const values: Record<string, string> = {};
  for (let index = 0; index < args.length; index++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(args[index]!);
    if (!match || !['year', 'format'].includes(match[1]!)) {
      err(`„${args[index]}“: erlaubt sind --year und --format. / "${args[index]}": use --year and --format.\n${usage}`);
      return 2;
    }
    const value = match[2] ?? args[++index];
    if (value === undefined || value.startsWith('--')) {
      err(`Nach --${match[1]} fehlt der Wert, z. B. ${match[1] === 'year' ? '--year 2019' : '--format json'}. / --${match[1]} needs a value.\n${usage}`);
      return 2;
    }
    values[match[1]!] = value;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    err(`--format „${format}“ gibt es nicht: schreiben Sie --format text oder --format json. / --format "${format}" does not exist: write --format text or --format json.\n${usage}`);
    return 2;
  }
  if (values.year === undefined) {
    err(`Die Option --year fehlt: geben Sie das Förderjahr an, z. B. --year 2019. / The option --year is missing: give the funding year, e.g. --year 2019.\n${usage}`);
    return 2;
  }
  const parsed = analysisQuerySchema.safeParse({ year: values.year });
  if (!parsed.success) {
    err(`--year: ${parsed.error.issues[0]!.message}\n${usage}`);
    return 2;
  }
  const handle = await open();
  try {
    const year = parsed.data.year ?? (await latestApprovedYear(handle.db)) ?? 0;
    const analysis = await projectAnalysis(handle.db, year);
    if (format === 'json') out(JSON.stringify(analysis, null, 2));
    else out(analysisText(analysis, new Map((await listTags(handle.db)).map((tag) => [tag.key, tag.label_de]))));
    return 0;
  } finally {
    await handle.close();
  }
};
