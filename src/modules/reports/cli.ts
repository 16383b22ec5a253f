import type { CliCommand } from '../../cli.js';
import { computeImpactReport } from './impact.js';
import { impactQuerySchema } from './schemas.js';
import { formatImpactText } from './text.js';

const usage = 'Aufruf / usage: mosaik report impact --from YYYY-MM-DD --to YYYY-MM-DD [--format text|json]';
const options = ['from', 'to', 'format'] as const;
type Option = (typeof options)[number];

/**
 * `mosaik report impact` (spec/exchange.md, "Command line"): with --format json
 * exactly one JSON document on stdout, otherwise the German summary. Exit
 * status 2 on a usage error, with a message naming the option and the fix.
 */
export const reportCommand: CliCommand = async ({ args, open, out, err }) => {
  const [name, ...rest] = args;
  if (name !== 'impact') {
    err(`${name ? `Unbekannter Bericht „${name}“. / Unknown report "${name}".` : 'Welcher Bericht? / Which report?'} Es gibt / there is: impact.\n${usage}`);
    return 2;
  }
  const parsed = parseOptions(rest);
  if (typeof parsed === 'string') {
    err(`${parsed}\n${usage}`);
    return 2;
  }
  const format = parsed.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    err(`--format „${format}“ gibt es nicht: schreiben Sie --format text oder --format json. / --format "${format}" does not exist: write --format text or --format json.\n${usage}`);
    return 2;
  }
  const period = impactQuerySchema.safeParse({ from: parsed.from, to: parsed.to });
  if (!period.success) {
    for (const issue of period.error.issues) err(`--${String(issue.path[0] ?? 'from')}: ${issue.message}`);
    err(usage);
    return 2;
  }
  const handle = await open();
  try {
    const report = await computeImpactReport(handle.db, period.data);
    out(format === 'json' ? JSON.stringify(report, null, 2) : formatImpactText(report));
    return 0;
  } finally {
    await handle.close();
  }
};

/** `--name value` or `--name=value`; the message of the first problem otherwise. */
function parseOptions(args: string[]): Partial<Record<Option, string>> | string {
  const values: Partial<Record<Option, string>> = {};
  for (let index = 0; index < args.length; index++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(args[index]);
    if (!match) {
      return `„${args[index]}“ ist keine Option: Optionen beginnen mit -- (z. B. --from 2019-01-01). / "${args[index]}" is not an option: options start with -- (e.g. --from 2019-01-01).`;
    }
    const option = match[1] as Option;
    if (!options.includes(option)) {
      return `Die Option --${match[1]} gibt es nicht; erlaubt sind --from, --to und --format. / There is no option --${match[1]}; use --from, --to and --format.`;
    }
    const value = match[2] ?? args[++index];
    if (value === undefined || value.startsWith('--')) {
      return `Nach --${option} fehlt der Wert, z. B. ${example[option]}. / --${option} needs a value, e.g. ${example[option]}.`;
    }
    values[option] = value;
  }
  for (const option of ['from', 'to'] as const) {
    if (values[option] === undefined) {
      return `Die Option --${option} fehlt: geben Sie den ${option === 'from' ? 'ersten' : 'letzten'} Tag des Zeitraums an, z. B. ${example[option]}. / ` +
        `The option --${option} is missing: give the ${option === 'from' ? 'first' : 'last'} day of the period, e.g. ${example[option]}.`;
    }
  }
  return values;
}

const example: Record<Option, string> = { from: '--from 2017-09-01', to: '--to 2019-08-31', format: '--format json' };
