import { z } from 'zod';
import { eventFormats, type EventFormat } from '../../db/tables.js';
import { multiLineString, singleLineString } from '../../http/text.js';
import type { EventFields, EventRecord } from './queries.js';
import { isIsoDay, normaliseDay } from '../../ui/dates.js';

/**
 * The event form: what the browser sends (all strings), its validation and
 * the fields it becomes. Each refusal carries an error code; the page turns
 * it into "field: what to do" in German or English (events.errors.<code>).
 */

export { eventFormats };

/** The form's field names, in the order of the page (and of the error summary). */
export const formFields = [
  'format', 'title', 'description', 'start_date', 'starts_at', 'ends_at', 'place', 'municipality', 'district', 'organizer',
  'cooperation_partners', 'capacity', 'per_org_limit', 'registration_opens', 'registration_closes', 'language', 'accessibility',
  'materials',
] as const;
export type FormField = (typeof formFields)[number];
export type FormValues = Partial<Record<FormField, string>>;

const time = /^([01]\d|2[0-3]):[0-5]\d$/;
const localDateTime = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;
const link = /^https?:\/\/\S+$/;

// Every text field is cleaned of control characters (src/http/text.ts); only long texts keep line breaks.
const optionalText = (max: number, lines: 'single' | 'multi' = 'single') =>
  (lines === 'single' ? singleLineString() : multiLineString()).trim().max(max, { message: 'tooLong' }).transform((value) => (value === '' ? null : value));
const optionalPattern = (pattern: RegExp, code: string) =>
  z.string().trim().refine((value) => value === '' || pattern.test(value), { message: code }).transform((value) => (value === '' ? null : value));
/**
 * Dates an event can sensibly have: the centre's records start long after
 * 2000, and nothing is planned beyond 2100. A fixed range rather than one
 * around today, so that a form means the same on every day (and in tests).
 * Year 1 or 9999 is a typing slip that would break sorting, the calendar and
 * the report periods.
 */
export const earliestDate = '2000-01-01';
export const latestDate = '2100-12-31';
const inDateRange = (value: string) => value.slice(0, 10) >= earliestDate && value.slice(0, 10) <= latestDate;
const optionalDateTime = z
  .string()
  .trim()
  .refine((value) => value === '' || localDateTime.test(value), { message: 'dateTimeInvalid' })
  .refine((value) => value === '' || !localDateTime.test(value) || inDateRange(value), { message: 'dateOutOfRange' })
  .transform((value) => (value === '' ? null : value));
const optionalCount = (minimum: number, code: string) =>
  z.string().trim().refine((value) => value === '' || (/^\d{1,6}$/.test(value) && Number(value) >= minimum), { message: code })
    .transform((value) => (value === '' ? null : Number(value)));

const isRealDate = isIsoDay;

const schema = z
  .object({
    format: z.string().refine((value) => (eventFormats as readonly string[]).includes(value), { message: 'formatMissing' }).transform((value) => value as EventFormat),
    title: singleLineString().trim().min(1, { message: 'titleMissing' }).max(200, { message: 'tooLong' }),
    description: optionalText(5000, 'multi'),
    start_date: z.string().transform(normaliseDay).refine(isRealDate, { message: 'dateInvalid' }).refine((value) => !isRealDate(value) || inDateRange(value), { message: 'dateOutOfRange' }),
    starts_at: optionalPattern(time, 'timeInvalid'),
    ends_at: optionalPattern(time, 'timeInvalid'),
    place: optionalText(300),
    municipality: optionalText(200),
    district: optionalText(200),
    organizer: z.enum(['centre', 'partner'], { message: 'organizerMissing' }),
    cooperation_partners: optionalText(2000, 'multi'),
    capacity: optionalCount(0, 'capacityInvalid'),
    per_org_limit: optionalCount(1, 'limitInvalid'),
    registration_opens: optionalDateTime,
    registration_closes: optionalDateTime,
    language: optionalText(100),
    accessibility: optionalText(2000, 'multi'),
    materials: multiLineString()
      .trim()
      .max(5000, { message: 'tooLong' })
      .refine((value) => value.split(/\r?\n/).every((line) => line.trim() === '' || link.test(line.trim())), { message: 'materialsInvalid' })
      .transform((value) => value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).join('\n') || null),
  })
  .superRefine((value, context) => {
    if (value.starts_at && value.ends_at && value.ends_at <= value.starts_at) context.addIssue({ code: 'custom', path: ['ends_at'], message: 'endBeforeStart' });
    if (value.ends_at && !value.starts_at) context.addIssue({ code: 'custom', path: ['starts_at'], message: 'startMissing' });
    if (value.registration_opens && value.registration_closes && value.registration_closes <= value.registration_opens) {
      context.addIssue({ code: 'custom', path: ['registration_closes'], message: 'closesBeforeOpens' });
    }
  });

export interface FormProblem {
  field: FormField;
  code: string;
}

export type Validation = { ok: true; fields: EventFields } | { ok: false; problems: FormProblem[] };

/**
 * Validates the posted form; missing fields count as empty. One problem per
 * field, in page order. `extra` adds the account's own limits (a
 * coordinator's districts, scope.ts) for fields that are otherwise valid.
 */
export function validateEventForm(values: FormValues, extra: FormProblem[] = []): Validation {
  const input = Object.fromEntries(formFields.map((field) => [field, typeof values[field] === 'string' ? values[field] : '']));
  const result = schema.safeParse(input);
  if (result.success && extra.length === 0) return { ok: true, fields: result.data };
  const byField = new Map<FormField, string>();
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path[0] as FormField;
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  for (const problem of extra) if (!byField.has(problem.field)) byField.set(problem.field, problem.code);
  return { ok: false, problems: formFields.filter((field) => byField.has(field)).map((field) => ({ field, code: byField.get(field)! })) };
}

/** The form values of a stored event (edit) or of a copy without its date (duplicate). */
export function valuesOf(event: EventRecord, options: { withoutDate?: boolean } = {}): FormValues {
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    format: event.format,
    title: event.title,
    description: text(event.description),
    start_date: options.withoutDate ? '' : event.start_date,
    starts_at: text(event.starts_at),
    ends_at: text(event.ends_at),
    place: text(event.place),
    municipality: text(event.municipality),
    district: text(event.district),
    organizer: event.organizer,
    cooperation_partners: text(event.cooperation_partners),
    capacity: text(event.capacity),
    per_org_limit: text(event.per_org_limit),
    registration_opens: options.withoutDate ? '' : text(event.registration_opens),
    registration_closes: options.withoutDate ? '' : text(event.registration_closes),
    language: text(event.language),
    accessibility: text(event.accessibility),
    materials: text(event.materials),
  };
}

/** More seats or a higher per-organisation limit: the waitlist may move up. */
export function seatsGrew(before: Pick<EventFields, 'capacity' | 'per_org_limit'>, after: Pick<EventFields, 'capacity' | 'per_org_limit'>): boolean {
  const grew = (old: number | null, next: number | null) => old !== null && (next === null || next > old);
  return grew(before.capacity, after.capacity) || grew(before.per_org_limit, after.per_org_limit);
}
