import { z } from 'zod';
import { personRoles } from '../people/index.js';
import type { ClaimRequest } from './claims.js';

/**
 * The representative's claim form: an organisation found in Mosaik
 * (organisation_id) or a proposal of a new one (name, municipality), with
 * their role in it and a message to staff. Problems are codes
 * (accounts.claim.errors.*) the view turns into sentences naming the field.
 */

export const claimFields = ['organisation_id', 'proposed_name', 'proposed_municipality', 'role', 'message'] as const;
export type ClaimField = (typeof claimFields)[number];
export type ClaimInput = Partial<Record<ClaimField, string>>;
export interface ClaimFormError {
  field: ClaimField;
  code: string;
}

const cell = z.preprocess((value) => (Array.isArray(value) ? value[0] : value ?? ''), z.string());

const claimForm = z
  .object({
    organisation_id: cell.pipe(z.string().trim().regex(/^(\d{1,9})?$/, 'invalid')),
    proposed_name: cell.pipe(z.string().trim().max(300, 'tooLong')),
    proposed_municipality: cell.pipe(z.string().trim().max(200, 'tooLong')),
    role: cell.pipe(z.enum(personRoles, 'choice')),
    message: cell.pipe(z.string().trim().max(2000, 'tooLong')),
  })
  .superRefine((values, context) => {
    if (values.organisation_id === '' && !/[\p{L}\p{N}]/u.test(values.proposed_name)) context.addIssue({ code: 'custom', path: ['proposed_name'], message: 'required' });
  });

const knownCodes = new Set(['required', 'tooLong', 'choice', 'invalid']);

export function claimInputOf(body: unknown): ClaimInput {
  const raw = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(claimFields.map((field) => [field, String(Array.isArray(raw[field]) ? raw[field][0] : raw[field] ?? '')]));
}

export function parseClaimForm(input: ClaimInput): { ok: true; claim: ClaimRequest } | { ok: false; errors: ClaimFormError[] } {
  const result = claimForm.safeParse(input);
  if (!result.success) {
    const byField = new Map<ClaimField, string>();
    for (const issue of result.error.issues) {
      const field = issue.path[0] as ClaimField;
      if (!byField.has(field)) byField.set(field, knownCodes.has(issue.message) ? issue.message : 'invalid');
    }
    return { ok: false, errors: claimFields.filter((field) => byField.has(field)).map((field) => ({ field, code: byField.get(field)! })) };
  }
  const values = result.data;
  const common = { role: values.role, message: values.message };
  return {
    ok: true,
    claim: values.organisation_id
      ? { ...common, organisationId: Number(values.organisation_id) }
      : { ...common, proposedName: values.proposed_name, proposedMunicipality: values.proposed_municipality || null },
  };
}
