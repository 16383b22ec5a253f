import { z } from 'zod';
import { eventFormats } from '../../db/tables.js';

/**
 * The impact report as JSON (spec/exchange.md, "The impact report"). The keys
 * are a contract: scripts read them. Additions beyond the spec are marked.
 */

/** Formats in the order the evaluation report lists them (chapter 5). */
export const reportFormats = eventFormats;

const format = z.enum(reportFormats);
const count = z.number().int().nonnegative();
const day = z.iso.date();
/** Keys that are decimal numbers written as strings ("1", "2019"): JSON keys are strings. */
const numberKey = z.string().regex(/^\d+$/);

const participationCounts = z.object({
  events: count,
  organizations: count,
  organization_participations: count,
  person_participations: count,
});

export const impactReportSchema = z.object({
  period: z.object({ from: day, to: day }),
  reach: participationCounts.extend({
    mean_events_per_organization: z.number().nonnegative(),
    organizations_by_event_count: z.record(numberKey, count),
  }),
  formats: z.partialRecord(format, participationCounts),
  grants: z.array(
    z.object({
      year: z.number().int(),
      approved: count,
      new: count,
      follow_up: count,
      reached: count,
      reached_participations: count,
      reached_by_format: z.partialRecord(format, count),
      consulted: count,
      supported: count,
      change: z.number().nullable(),
    }),
  ),
  conversion: z.partialRecord(
    format,
    z.object({
      organizations: count,
      approved: z.record(numberKey, count),
    }),
  ),
  feedback: z.array(
    z.object({
      event_key: z.string(),
      // Addition to the spec: what a dashboard needs to label the entry.
      title: z.string(),
      start_date: day,
      format,
      responses: count,
      questions: z.array(
        z.object({
          position: z.number().int().positive(),
          n: count,
          no_answer: count,
          mean: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export type ImpactReport = z.infer<typeof impactReportSchema>;
export type ReportFormat = (typeof reportFormats)[number];

function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, dayOfMonth] = match.slice(1).map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, dayOfMonth));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === dayOfMonth;
}

function periodDay(option: 'from' | 'to') {
  const which = option === 'from' ? { de: 'erste', en: 'first' } : { de: 'letzte', en: 'last' };
  const de = `${option} muss der ${which.de} Tag des Zeitraums als gültiges Datum JJJJ-MM-TT sein, z. B. 2019-08-31.`;
  const en = `${option} must be the ${which.en} day of the period as a valid date YYYY-MM-DD, e.g. 2019-08-31.`;
  return z
    .string({ error: `${de} / ${en}` })
    .refine(isCalendarDay, { message: `${de} / ${en}`, params: { code: 'date_format', de, en } })
    .meta({ format: 'date' });
}

/** The period of a report, for the command line and the HTTP API: both ends included. */
export const impactQuerySchema = z
  .object({ from: periodDay('from'), to: periodDay('to') })
  // only when both are days: a bad day already has its own message
  .refine((period) => !isCalendarDay(period.from) || !isCalendarDay(period.to) || period.from <= period.to, {
    path: ['to'],
    message:
      'Das Ende des Zeitraums (to) liegt vor dem Anfang (from): vertauschen Sie die Daten. / ' +
      'The end of the period (to) is before its start (from): swap the dates.',
    params: {
      code: 'period_order',
      de: 'Das Ende des Zeitraums (to) liegt vor dem Anfang (from): vertauschen Sie die Daten.',
      en: 'The end of the period (to) is before its start (from): swap the dates.',
    },
  });

export type ImpactQuery = z.infer<typeof impactQuerySchema>;
