import { z } from 'zod';
import { isIsoDay, parseDay } from '../../ui/dates.js';
import { consentSources, eventRoles, expertKinds, expertLanguages, expertTopics, outcomeKinds } from './tables.js';

/**
 * The forms of the pool and of a forum, as Zod schemas shared by the pages
 * and the tests: a pool entry (with its consent), a forum booking and a
 * forum outcome. Each reader returns the values or every problem with its
 * field and a code (experts.errors.<code>), so that a page names the field
 * and the fix and nothing is stored half.
 */

export interface FormError {
  field: string;
  /** experts.errors.<code> */
  code: string;
}
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormError[] };

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = (max: number) => z.preprocess((value) => (typeof first(value) === 'string' ? String(first(value)).trim() : ''), z.string().max(max, 'tooLong'));
const required = (max: number) => z.preprocess((value) => (typeof first(value) === 'string' ? String(first(value)).trim() : ''), z.string().min(1, 'required').max(max, 'tooLong'));
const optional = (max: number) => text(max).transform((value) => (value === '' ? null : value));
/** A list of checkboxes: one value or several; unknown values are dropped. */
const list = <T extends string>(allowed: readonly T[]) =>
  z.preprocess((value) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]), z.array(z.string()))
    .transform((values) => [...new Set(values.filter((value): value is T => (allowed as readonly string[]).includes(value)))]);
const freeList = z.preprocess((value) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]), z.array(z.string().trim().min(1).max(100)).max(40, 'tooMany'))
  .transform((values) => [...new Set(values)]);
const day = (code: string) => text(20).transform((value, context) => {
  if (value === '') return null;
  const parsed = parseDay(value);
  if (!parsed || !isIsoDay(parsed)) {
    context.addIssue({ code: 'custom', message: code });
    return z.NEVER;
  }
  return parsed;
});
const optionalId = text(12).transform((value, context) => {
  if (value === '') return null;
  if (!/^\d{1,9}$/.test(value)) {
    context.addIssue({ code: 'custom', message: 'choice' });
    return z.NEVER;
  }
  return Number(value);
});

export const expertSchema = z.object({
  kind: z.preprocess(first, z.enum(expertKinds, { message: 'kind' })),
  full_name: required(200),
  organisation_id: optionalId,
  person_id: optionalId,
  topics: list(expertTopics),
  languages: list(expertLanguages),
  districts: freeList,
  fee_note: text(500),
  email: optional(200).refine((value) => value === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), 'email'),
  phone: optional(60),
  notes: text(2000),
  // a person enters the pool only with their recorded consent (issue 15)
  consent_given_on: day('date').refine((value) => value !== null, 'consentMissing'),
  consent_wording_version: required(40),
  consent_source: z.preprocess(first, z.enum(consentSources, { message: 'consentSource' })),
}).superRefine((values, context) => {
  if (values.kind === 'association_expert' && values.organisation_id === null) context.addIssue({ code: 'custom', path: ['organisation_id'], message: 'organisationMissing' });
  if (!values.topics?.length) context.addIssue({ code: 'custom', path: ['topics'], message: 'topicsMissing' });
  if (!values.languages?.length) context.addIssue({ code: 'custom', path: ['languages'], message: 'languagesMissing' });
  // also when a field above failed: the page names every problem at once, not one after the other
}, { when: () => true });
export type ExpertValues = Omit<z.infer<typeof expertSchema>, 'consent_given_on'> & { consent_given_on: string };

export const bookingSchema = z.object({
  expert_id: optionalId.refine((value) => value !== null, 'choice'),
  role: z.preprocess(first, z.enum(eventRoles, { message: 'role' })),
});

export const absenceSchema = z.object({
  from_on: day('date').refine((value) => value !== null, 'required'),
  to_on: day('date').refine((value) => value !== null, 'required'),
  note: text(200),
}).superRefine((values, context) => {
  if (values.from_on && values.to_on && values.to_on < values.from_on) context.addIssue({ code: 'custom', path: ['to_on'], message: 'toBeforeFrom' });
});
export type AbsenceValues = { from_on: string; to_on: string; note: string };

export const outcomeSchema = z.object({
  kind: z.preprocess(first, z.enum(outcomeKinds, { message: 'outcomeKind' })),
  text: required(2000),
  owner: optional(200),
  due_on: day('date'),
}).superRefine((values, context) => {
  // a next step is only one with somebody who does it, by a day
  if (values.kind === 'next_step' && values.owner === null) context.addIssue({ code: 'custom', path: ['owner'], message: 'ownerMissing' });
  if (values.kind === 'next_step' && values.due_on === null) context.addIssue({ code: 'custom', path: ['due_on'], message: 'dueMissing' });
}, { when: () => true });
export type OutcomeValues = z.infer<typeof outcomeSchema>;

/** Reads a form with a schema: the values, or each problem with its field and code. */
export function readForm<S extends z.ZodType>(schema: S, body: Record<string, unknown>): Parsed<z.output<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FormError[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors.some((error) => error.field === field)) continue;
    const code = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
    errors.push({ field, code });
  }
  return { ok: false, errors };
}

export const readExpert = (body: Record<string, unknown>) => readForm(expertSchema, body) as Parsed<ExpertValues>;
export const readBooking = (body: Record<string, unknown>) => readForm(bookingSchema, body) as Parsed<{ expert_id: number; role: (typeof eventRoles)[number] }>;
export const readOutcome = (body: Record<string, unknown>) => readForm(outcomeSchema, body);
export const readAbsence = (body: Record<string, unknown>) => readForm(absenceSchema, body) as Parsed<AbsenceValues>;
