import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { CliCommand } from '../../cli.js';
import { eventFormats, type Database, type EventFormat } from '../../db/tables.js';
import { isIsoDay } from '../../ui/dates.js';
import './tables.js';

/**
 * The methods table of report 4.1 (docs/exchange.md, "The methods table
 * (`report evaluation`)"): events of every organiser in the period by
 * format, those of the centre, how many the evaluation observed, the share.
 * The same document from `mosaik report evaluation --format json`, from
 * GET /api/v1/reports/evaluation and on the page /evaluation/methods.
 */

const count = z.number().int().nonnegative();
const formatCounts = z.object({ events: count, centre_events: count, observed: count });
export const methodsTableSchema = z
  .object({
    period: z.object({ from: z.iso.date(), to: z.iso.date() }),
    events: count,
    centre_events: count,
    observed: count,
    observed_share: z.number().min(0).max(1),
    formats: z.partialRecord(z.enum(eventFormats), formatCounts),
  })
  .describe('The methods table of report 4.1 for the period');
export type MethodsTable = z.infer<typeof methodsTableSchema>;

const dayOption = (name: 'from' | 'to') =>
  z
    .string({ error: `--${name}: Datum fehlt, z. B. 2017-09-01. / --${name}: date missing, e.g. 2017-09-01.` })
    .refine(isIsoDay, { message: `Das Datum ist kein Tag der Form JJJJ-MM-TT, z. B. 2017-09-01. / The date is not a day written YYYY-MM-DD, e.g. 2017-09-01.` });

export const methodsQuerySchema = z
  .object({ from: dayOption('from'), to: dayOption('to') })
  .refine((period) => period.from <= period.to, { path: ['to'], message: 'Das Ende liegt vor dem Anfang: geben Sie bei to einen späteren Tag an. / The end lies before the start: give a later day as to.' });

export async function methodsTable(db: Kysely<Database>, period: { from: string; to: string }): Promise<MethodsTable> {
  const { rows } = await sql<{ format: EventFormat; events: number; centre_events: number; observed: number }>`
    select e.format, count(*)::integer as events,
      count(*) filter (where e.organizer = 'centre')::integer as centre_events,
      count(o.id)::integer as observed
    from event e left join evaluation_observation o on o.event_id = e.id
    where e.start_date between ${period.from} and ${period.to}
    group by e.format`.execute(db);
  const formats: MethodsTable['formats'] = {};
  for (const format of eventFormats) {
    const row = rows.find((item) => item.format === format);
    if (row) formats[format] = { events: row.events, centre_events: row.centre_events, observed: row.observed };
  }
  const sum = (key: 'events' | 'centre_events' | 'observed') => rows.reduce((total, row) => total + row[key], 0);
  const events = sum('events');
  return { period: { from: period.from, to: period.to }, events, centre_events: sum('centre_events'), observed: sum('observed'), observed_share: events === 0 ? 0 : sum('observed') / events, formats };
}

const usage = 'Aufruf / usage: mosaik report evaluation --from YYYY-MM-DD --to YYYY-MM-DD [--format text|json]';

/** A plain-text rendering (German), one line per format. */
export function methodsText(table: MethodsTable): string {
  const percent = (share: number) => `${Math.round(share * 100)} %`;
  const lines = [`Methoden der Evaluation ${table.period.from} bis ${table.period.to}`, ''];
  for (const [format, counts] of Object.entries(table.formats)) lines.push(`${format}: ${counts.events} Veranstaltungen (${counts.centre_events} des Zentrums), ${counts.observed} beobachtet`);
  lines.push('', `Insgesamt: ${table.events} Veranstaltungen, ${table.centre_events} des Zentrums, ${table.observed} beobachtet (${percent(table.observed_share)})`);
  return lines.join('\n');
}

/** `mosaik report evaluation --from … --to … [--format text|json]`: exit status 2 on a usage error, with a message naming the option. */
export const reportEvaluationCommand: CliCommand = async ({ args, open, out, err }) => {
  const values: Record<string, string> = {};
  for (let index = 0; index < args.length; index++) {
    const match = /^--(from|to|format)(?:=(.*))?$/.exec(args[index]);
    if (!match) {
      err(`„${args[index]}“: unbekannte Option; erlaubt sind --from, --to und --format. / "${args[index]}": unknown option; use --from, --to and --format.\n${usage}`);
      return 2;
    }
    const value = match[2] ?? args[++index];
    if (value === undefined) {
      err(`Nach --${match[1]} fehlt der Wert. / --${match[1]} needs a value.\n${usage}`);
      return 2;
    }
    values[match[1]] = value;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    err(`--format „${format}“ gibt es nicht: schreiben Sie --format text oder --format json. / --format "${format}" does not exist: write --format text or --format json.\n${usage}`);
    return 2;
  }
  const period = methodsQuerySchema.safeParse({ from: values.from, to: values.to });
  if (!period.success) {
    for (const issue of period.error.issues) err(`--${String(issue.path[0] ?? 'from')}: ${issue.message}`);
    err(usage);
    return 2;
  }
  const handle = await open();
  try {
    const table = await methodsTable(handle.db, period.data);
    out(format === 'json' ? JSON.stringify(table, null, 2) : methodsText(table));
    return 0;
  } finally {
    await handle.close();
  }
};
