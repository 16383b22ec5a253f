import { z } from 'zod';
import { channels } from './queries.js';
import { isIsoDay, normaliseDay } from '../../ui/dates.js';

/**
 * The consultation form (create and edit), checked by one Zod schema. Each
 * issue's message is a code (consultations.form.errors.*) that the view turns
 * into a sentence naming the field, in German or English.
 */

export const formFields = [
  'consulted_on', 'organisation', 'persons', 'channel', 'topics', 'duration_minutes', 'outcome', 'notes',
  'follow_up_on', 'referral_expert_id', 'referral_expert', 'referral_cost_eur',
  // the Wegweiser referral: checked apart by wegweiser-referral.ts (it needs the database)
  'wegweiser_service',
] as const;
export type FormField = (typeof formFields)[number];
/** The raw text of each field as submitted, to show the form again after an error; topics are the ticked keys. */
export type FormInput = Partial<Record<Exclude<FormField, 'topics'> | 'organisation_id' | 'organisation_choice' | 'organisation_asked' | 'request_id' | WegweiserReferralField, string>> & { topics?: string[] };
/** The Wegweiser referral's hidden id and its choice among several matches (wegweiser-referral.ts). */
type WegweiserReferralField = 'wegweiser_service_id' | 'wegweiser_service_choice';

/** The ticked topics of a submitted form: one value or several (a repeated field); `topic` as sent by older clients. */
export const topicsOf = (body: Record<string, unknown>): string[] => {
  const value = body.topics ?? body.topic ?? [];
  return [...new Set((Array.isArray(value) ? value : [value]).map((entry) => String(entry ?? '').trim()).filter((entry) => entry !== ''))];
};

const cell = z.preprocess((value) => (Array.isArray(value) ? value[0] : value ?? ''), z.string());
const optionalText = (max: number) => cell.pipe(z.string().trim().max(max, 'tooLong')).transform((value) => (value === '' ? null : value));
// Years 2000–2100 only, as for events (src/modules/events/form.ts): year 1 or 9999 is a typing slip.
const isDay = (value: string) => isIsoDay(value) && value >= '2000-01-01' && value <= '2100-12-31';
// typed as 31.03.2026, 31/03/2026 or 2026-03-31 (src/ui/dates.ts)
const day = cell.pipe(z.string().transform(normaliseDay)).refine((value) => value === '' || isDay(value), 'date').transform((value) => (value === '' ? null : value));

/** Builds the schema for the topics that may be chosen (the active ones, plus the current one when editing). */
export function consultationForm(topicKeys: readonly string[]) {
  return z
    .object({
      consulted_on: day.refine((value) => value !== null, 'required'),
      organisation: cell.pipe(z.string().trim().max(300, 'tooLong')).refine((value) => /[\p{L}\p{N}]/u.test(value), 'required'),
      organisation_id: cell.pipe(z.string().trim()).transform((value) => (/^\d{1,9}$/.test(value) ? Number(value) : null)),
      persons: optionalText(1000),
      channel: cell.pipe(z.string()).refine((value) => value !== '', 'required').refine((value) => value === '' || (channels as readonly string[]).includes(value), 'choice'),
      // in the order of the topic list, so that the first (the import identity's `topic`) does not depend on the browser
      topics: z
        .array(z.string())
        .refine((value) => value.length > 0, 'topicsRequired')
        .refine((value) => value.every((key) => topicKeys.includes(key)), 'choice')
        .transform((value) => topicKeys.filter((key) => value.includes(key))),
      duration_minutes: cell
        .pipe(z.string().trim())
        .refine((value) => value === '' || (/^\d{1,4}$/.test(value) && Number(value) <= 1440), 'minutes')
        .transform((value) => (value === '' ? null : Number(value))),
      outcome: optionalText(5000),
      notes: optionalText(10_000),
      follow_up_on: day,
      // the expert picked from the pool (src/modules/experts); the free text below keeps the name referred to
      referral_expert_id: cell.pipe(z.string().trim()).refine((value) => value === '' || /^\d{1,9}$/.test(value), 'choice').transform((value) => (value === '' ? null : Number(value))),
      referral_expert: optionalText(300),
      referral_cost_eur: cell
        .pipe(z.string().trim())
        .transform((value) => value.replace(/\s|€/g, '').replace(/\.(?=\d{3}(,|$))/g, '').replace(',', '.'))
        .refine((value) => value === '' || (/^\d{1,8}(\.\d{1,2})?$/.test(value)), 'euros')
        .transform((value) => (value === '' ? null : Number(value))),
    })
    .superRefine((values, context) => {
      if (values.follow_up_on && values.consulted_on && values.follow_up_on < values.consulted_on) {
        context.addIssue({ code: 'custom', path: ['follow_up_on'], message: 'followUpBefore' });
      }
      if (values.referral_cost_eur !== null && !values.referral_expert && values.referral_expert_id === null) context.addIssue({ code: 'custom', path: ['referral_expert'], message: 'expertMissing' });
    });
}

export type ConsultationValues = z.output<ReturnType<typeof consultationForm>> & {
  consulted_on: string;
  channel: (typeof channels)[number];
  /** The Wegweiser service referred to, as resolved by wegweiser-referral.ts; left out (undefined): unchanged. */
  wegweiser_service_id?: string | null;
};

export interface FormError {
  field: FormField;
  code: string;
}

const knownCodes = new Set(['serviceUnknown', 'servicePick', 'required', 'tooLong', 'choice', 'date', 'minutes', 'euros', 'followUpBefore', 'expertMissing', 'notInPool', 'topicsRequired']);

/** Parses a submitted form: the values, or one error per field in page order. */
export function parseConsultationForm(body: unknown, topicKeys: readonly string[]): { ok: true; values: ConsultationValues } | { ok: false; errors: FormError[] } {
  const fields = (body ?? {}) as Record<string, unknown>;
  const result = consultationForm(topicKeys).safeParse({ ...fields, topics: topicsOf(fields) });
  if (result.success) return { ok: true, values: result.data as ConsultationValues };
  const byField = new Map<FormField, string>();
  for (const issue of result.error.issues) {
    const field = issue.path[0] as FormField;
    if (!byField.has(field)) byField.set(field, knownCodes.has(issue.message) ? issue.message : 'invalid');
  }
  return { ok: false, errors: formFields.filter((field) => byField.has(field)).map((field) => ({ field, code: byField.get(field)! })) };
}
