import { z } from 'zod';
import { fieldsOfActivity, legalForms, orientations } from '../names/index.js';
import { isIsoDay, normaliseDay } from '../../ui/dates.js';
import { isDeliverableAddress } from '../mail/index.js';

/**
 * The profile form (edit and create): what staff type, checked by one Zod
 * schema. Each issue's message is a code (organisations.profileForm.errors.*)
 * that the view turns into a sentence naming the field, in German or English.
 */

export const roomOptions = ['own', 'shared', 'provided', 'none'] as const;
export const linkKinds = ['member_of', 'network'] as const;

/** Form fields in page order; the error summary follows it. */
export const formFields = [
  'name', 'aliases', 'legal_form', 'founded_year', 'orientation', 'communities', 'languages', 'fields', 'target_groups', 'rooms',
  'municipality', 'district', 'postcode', 'email', 'website', 'phone', 'latitude', 'longitude',
  'portrait', 'portrait_consent_by', 'portrait_consent_on', 'portrait_consent_wording', 'portrait_published', 'notes',
] as const;
export type FormField = (typeof formFields)[number];

/**
 * What an association representative may change in their own organisation's
 * profile. Place and district (the coordinators' scope), aliases (name
 * matching), the publication of the portrait and staff notes stay with staff.
 */
export const representativeFields = [
  'name', 'legal_form', 'founded_year', 'orientation', 'communities', 'languages', 'fields', 'target_groups', 'rooms',
  'email', 'website', 'phone', 'portrait', 'portrait_consent_by', 'portrait_consent_on', 'portrait_consent_wording',
] as const satisfies readonly FormField[];

const cell = z.preprocess((value) => (Array.isArray(value) ? value[0] : value ?? ''), z.string());
const optionalText = (max: number) => cell.pipe(z.string().trim().max(max, 'tooLong')).transform((value) => (value === '' ? null : value));
const choice = <T extends readonly [string, ...string[]]>(options: T) =>
  cell.pipe(z.union([z.literal(''), z.enum(options, 'choice')], 'choice')).transform((value) => (value === '' ? null : (value as T[number])));
const wholeNumber = (min: number, max: number) =>
  cell
    .pipe(z.string().trim())
    .refine((value) => value === '' || (/^\d{1,4}$/.test(value) && Number(value) >= min && Number(value) <= max), 'year')
    .transform((value) => (value === '' ? null : Number(value)));
const coordinate = (limit: number) =>
  cell
    .pipe(z.string().trim())
    .transform((value) => value.replace(',', '.'))
    .refine((value) => value === '' || (/^-?\d{1,3}(\.\d+)?$/.test(value) && Math.abs(Number(value)) <= limit), 'coordinate')
    .transform((value) => (value === '' ? null : Number(value)));
/** Comma- or line-separated words, each once, in the order typed. */
const words = cell.pipe(z.string().max(2000, 'tooLong')).transform((value) => [...new Set(value.split(/[,;\n]/).map((word) => word.trim()).filter(Boolean))]);
const lines = cell.pipe(z.string().max(5000, 'tooLong')).transform((value) => [...new Set(value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))]);
const day = cell
  .pipe(z.string().transform(normaliseDay))
  .refine((value) => value === '' || isIsoDay(value), 'date')
  .transform((value) => (value === '' ? null : value));
const website = cell
  .pipe(z.string().trim().max(300, 'tooLong'))
  .transform((value) => (value === '' || /^https?:\/\//i.test(value) ? value : `https://${value}`))
  .refine((value) => value === '' || (URL.canParse(value) && /\.[a-z]{2,}/i.test(new URL(value).hostname)), 'website')
  .transform((value) => (value === '' ? null : value));

export const profileForm = z
  .object({
    name: cell.pipe(z.string().trim().min(1, 'required').max(300, 'tooLong')).refine((value) => /[\p{L}\p{N}]/u.test(value), 'required'),
    aliases: lines.refine((names) => names.every((name) => name.length <= 300), 'tooLong'),
    legal_form: choice(legalForms),
    founded_year: wholeNumber(1800, 2100),
    orientation: choice(orientations),
    communities: words,
    languages: words,
    fields: z
      .preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(fieldsOfActivity, 'choice'), 'choice'))
      .transform((values) => fieldsOfActivity.filter((field) => values.includes(field))),
    target_groups: words,
    rooms: choice(roomOptions),
    municipality: optionalText(200),
    district: optionalText(200),
    postcode: cell.pipe(z.string().trim()).refine((value) => value === '' || /^\d{5}$/.test(value), 'postcode').transform((value) => (value === '' ? null : value)),
    email: cell
      .pipe(z.string().trim())
      .refine((value) => value === '' || isDeliverableAddress(value), 'email')
      .transform((value) => (value === '' ? null : value)),
    website,
    phone: optionalText(100),
    latitude: coordinate(90),
    longitude: coordinate(180),
    portrait: optionalText(5000),
    portrait_consent_by: optionalText(200),
    portrait_consent_on: day,
    portrait_consent_wording: optionalText(50),
    portrait_published: cell.transform((value) => value === 'yes'),
    notes: optionalText(10_000),
  })
  .superRefine((values, context) => {
    // 020_organisation_profile.sql: a portrait is published only with recorded consent
    if (values.portrait_published && !(values.portrait && values.portrait_consent_by && values.portrait_consent_on && values.portrait_consent_wording)) {
      context.addIssue({ code: 'custom', path: ['portrait_published'], message: 'consentMissing' });
    }
    if ((values.latitude === null) !== (values.longitude === null)) {
      context.addIssue({ code: 'custom', path: [values.latitude === null ? 'latitude' : 'longitude'], message: 'coordinatePair' });
    }
  });

export type ProfileValues = z.output<typeof profileForm>;
export interface FormError {
  field: FormField;
  code: string;
}

/** Parses a submitted form: the values, or one error per field in page order. */
export function parseProfileForm(body: unknown): { ok: true; values: ProfileValues } | { ok: false; errors: FormError[] } {
  const result = profileForm.safeParse(body ?? {});
  if (result.success) return { ok: true, values: result.data };
  const byField = new Map<FormField, string>();
  for (const issue of result.error.issues) {
    const field = issue.path[0] as FormField;
    if (!byField.has(field)) byField.set(field, knownCodes.has(issue.message) ? issue.message : 'invalid');
  }
  return { ok: false, errors: formFields.filter((field) => byField.has(field)).map((field) => ({ field, code: byField.get(field)! })) };
}

const knownCodes = new Set(['required', 'tooLong', 'choice', 'year', 'coordinate', 'date', 'website', 'email', 'postcode', 'consentMissing', 'coordinatePair']);

/** The raw text of each field as submitted, to show the form again after an error. */
export type FormInput = Partial<Record<FormField, string | string[]>>;

/** A representative's form over the stored profile: their fields as submitted (an unticked box is empty), every other as stored. */
export function representativeInput(stored: FormInput, submitted: FormInput): FormInput {
  const merged: FormInput = { ...stored };
  for (const field of representativeFields) merged[field] = submitted[field];
  return merged;
}
