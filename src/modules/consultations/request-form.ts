import { z } from 'zod';
import { topicsOf } from './form.js';
import { channels } from './queries.js';
import { isDeliverableAddress } from '../mail/index.js';

/**
 * The request form of a representative, checked by one Zod schema. Each
 * issue's message is a code (consultations.request.errors.*) that the view
 * turns into a short sentence naming the field.
 */

export const requestFields = ['organisation_id', 'topics', 'channel', 'preferred_times', 'message', 'contact_phone', 'contact_email'] as const;
export type RequestField = (typeof requestFields)[number];
export type RequestInput = Partial<Record<Exclude<RequestField, 'topics'>, string>> & { topics?: string[] };

const cell = z.preprocess((value) => (Array.isArray(value) ? value[0] : value ?? ''), z.string());
const optionalText = (max: number) => cell.pipe(z.string().trim().max(max, 'tooLong')).transform((value) => (value === '' ? null : value));

export function requestForm(organisationIds: readonly number[], topicKeys: readonly string[]) {
  return z
    .object({
      organisation_id: cell
        .pipe(z.string().trim())
        .refine((value) => value !== '', 'required')
        .refine((value) => value === '' || (/^\d{1,9}$/.test(value) && organisationIds.includes(Number(value))), 'organisation')
        .transform(Number),
      topics: z
        .array(z.string())
        .refine((value) => value.length > 0, 'topicsRequired')
        .refine((value) => value.every((key) => topicKeys.includes(key)), 'choice')
        .transform((value) => topicKeys.filter((key) => value.includes(key))),
      channel: cell.pipe(z.string()).refine((value) => value !== '', 'channelRequired').refine((value) => value === '' || (channels as readonly string[]).includes(value), 'choice'),
      preferred_times: optionalText(1000),
      message: optionalText(5000),
      contact_phone: optionalText(50).refine((value) => value === null || /^\+?[\d\s()/-]{5,}$/.test(value), 'phone'),
      contact_email: optionalText(200).refine((value) => value === null || isDeliverableAddress(value), 'email'),
    })
    .superRefine((values, context) => {
      if (values.contact_phone === null && values.contact_email === null) context.addIssue({ code: 'custom', path: ['contact_phone'], message: 'contactMissing' });
    });
}

export type RequestValues = z.output<ReturnType<typeof requestForm>> & { channel: (typeof channels)[number] };

export interface RequestError {
  field: RequestField;
  code: string;
}

const knownCodes = new Set(['required', 'organisation', 'topicsRequired', 'choice', 'channelRequired', 'tooLong', 'phone', 'email', 'contactMissing']);

/**
 * Parses a submitted request: the values, or one error per field in page
 * order. An organisation the representative does not speak for is refused
 * here with its own message (and again when storing).
 */
export function parseRequestForm(
  body: unknown,
  organisationIds: readonly number[],
  topicKeys: readonly string[],
): { ok: true; values: RequestValues } | { ok: false; errors: RequestError[] } {
  const fields = (body ?? {}) as Record<string, unknown>;
  const result = requestForm(organisationIds, topicKeys).safeParse({ ...fields, topics: topicsOf(fields) });
  if (result.success) return { ok: true, values: result.data as RequestValues };
  const byField = new Map<RequestField, string>();
  for (const issue of result.error.issues) {
    const field = issue.path[0] as RequestField;
    if (!byField.has(field)) byField.set(field, knownCodes.has(issue.message) ? issue.message : 'invalid');
  }
  return { ok: false, errors: requestFields.filter((field) => byField.has(field)).map((field) => ({ field, code: byField.get(field)! })) };
}
