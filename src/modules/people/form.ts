import { z } from 'zod';
import { consentPurposes, consentSources, personLanguages, personRoles } from './tables.js';
import { isIsoDay, normaliseDay } from '../../ui/dates.js';
import { isDeliverableAddress } from '../mail/index.js';

/**
 * The forms of the people pages, each checked by one Zod schema. An issue's
 * message is a code (people.errors.*) that the view turns into a sentence
 * naming the field, in German or English. The rules for a person's fields
 * are written once (personRules) and used by the form and by the JSON API.
 */

const phonePattern = /^\+?[0-9 ()/.-]{3,40}$/;
const letterOrDigit = /[\p{L}\p{N}]/u;

/** One rule per field of a person, on trimmed text; shared by the form and the API. */
export const personRules = {
  full_name: z.string().trim().min(1, 'required').max(200, 'tooLong').regex(letterOrDigit, 'required'),
  // Zod's e-mail format (the API documents it), then the one address check of Mosaik (src/modules/mail/address.ts): no non-ASCII local part
  email: z.string().trim().max(254, 'tooLong').pipe(z.email('email')).refine(isDeliverableAddress, 'email'),
  phone: z.string().trim().max(40, 'tooLong').regex(phonePattern, 'phone'),
  preferred_language: z.enum(personLanguages, 'choice'),
  notes: z.string().trim().max(10_000, 'tooLong'),
};

const cell = z.preprocess((value) => (Array.isArray(value) ? value[0] : value ?? ''), z.string());
/** An optional field: empty text means "none" (null); otherwise the rule applies. */
const textOf = (value: unknown) => String(Array.isArray(value) ? value[0] : value ?? '').trim();
const optional = <T extends z.ZodType<string>>(rule: T) => z.preprocess((value) => (textOf(value) === '' ? null : textOf(value)), rule.nullable());
const isDay = isIsoDay;
const optionalDay = cell.pipe(z.string().transform(normaliseDay)).refine((value) => value === '' || isDay(value), 'date').transform((value) => (value === '' ? null : value));
const requiredDay = cell.pipe(z.string().transform(normaliseDay)).refine((value) => value !== '', 'required').refine((value) => value === '' || isDay(value), 'date');
const requiredChoice = <T extends readonly [string, ...string[]]>(options: T) =>
  cell.pipe(z.string()).refine((value) => value !== '', 'required').refine((value) => value === '' || (options as readonly string[]).includes(value), 'choice').transform((value) => value as T[number]);

export const personFields = ['full_name', 'email', 'phone', 'preferred_language', 'notes'] as const;
export type PersonField = (typeof personFields)[number];

export const personForm = z.object({
  full_name: cell.pipe(personRules.full_name),
  email: optional(personRules.email),
  phone: optional(personRules.phone),
  preferred_language: cell.transform((value) => value || 'de').pipe(personRules.preferred_language),
  notes: optional(personRules.notes),
});
export type PersonValues = z.output<typeof personForm>;

export const roleFields = ['organisation', 'role', 'since', 'until'] as const;
export const roleForm = z
  .object({
    organisation: cell.pipe(z.string().trim().max(300, 'tooLong')).refine((value) => letterOrDigit.test(value), 'required'),
    role: requiredChoice(personRoles),
    since: optionalDay,
    until: optionalDay,
  })
  .superRefine((values, context) => {
    if (values.since && values.until && values.until < values.since) context.addIssue({ code: 'custom', path: ['until'], message: 'untilBeforeSince' });
  });
export type RoleValues = z.output<typeof roleForm>;

/** Ending or removing a role names it by organisation id and role. */
export const roleKeyForm = z.object({
  organisation_id: cell.pipe(z.string().regex(/^\d{1,9}$/, 'choice')).transform(Number),
  role: requiredChoice(personRoles),
  until: optionalDay,
});

export const consentFields = ['wording', 'given_on', 'source'] as const;
export const consentForm = z.object({
  // "purpose:version" of a consent_wording row; checked against the table when saved
  wording: cell
    .pipe(z.string().trim())
    .refine((value) => value !== '', 'required')
    .refine((value) => value === '' || /^[a-z]+:[0-9A-Za-z._-]{1,40}$/.test(value), 'wording')
    .transform((value) => {
      const [purpose, version] = value.split(':');
      return { purpose: purpose as (typeof consentPurposes)[number], version };
    })
    .refine((value) => (consentPurposes as readonly string[]).includes(value.purpose), 'wording'),
  given_on: requiredDay,
  source: requiredChoice(consentSources),
});
export type ConsentValues = z.output<typeof consentForm>;

export const withdrawalFields = ['withdrawn_on', 'withdrawal_source'] as const;
export const withdrawalForm = z.object({
  withdrawn_on: requiredDay,
  withdrawal_source: requiredChoice(consentSources),
});
export type WithdrawalValues = z.output<typeof withdrawalForm>;

export interface FormError<F extends string = string> {
  field: F;
  code: string;
}

const knownCodes = new Set(['required', 'tooLong', 'choice', 'date', 'email', 'phone', 'wording', 'untilBeforeSince']);

/** Parses a submitted form: the values, or one error per field in the given order. */
export function parseForm<S extends z.ZodType, F extends string>(
  schema: S,
  fields: readonly F[],
  body: unknown,
): { ok: true; values: z.output<S> } | { ok: false; errors: FormError<F>[] } {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, values: result.data };
  const byField = new Map<F, string>();
  for (const issue of result.error.issues) {
    const field = issue.path[0] as F;
    if (!byField.has(field)) byField.set(field, knownCodes.has(issue.message) ? issue.message : 'invalid');
  }
  return { ok: false, errors: fields.filter((field) => byField.has(field)).map((field) => ({ field, code: byField.get(field)! })) };
}

/** The raw text of each field as submitted, to show the form again after an error. */
export type FormInput = Partial<Record<string, string>>;

export function textInput(body: unknown): FormInput {
  return Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).map(([key, value]) => [key, String(Array.isArray(value) ? value[0] : value ?? '')]));
}
