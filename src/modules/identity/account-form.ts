import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Role } from '../../db/tables.js';
import { addressProblem } from '../mail/index.js';
import { roles } from '../../http/access.js';
import { normaliseName } from '../names/index.js';
import type { Invitation } from './invitations.js';

/**
 * The admin's account form (invite, and change role and scopes): one Zod
 * schema for the shape, then the scopes resolved against the database
 * (districts as organisations name them, organisations by name or alias).
 * Each problem is a code (accounts.form.errors.*) the view turns into a
 * sentence naming the field.
 */

export const accountFields = ['email', 'display_name', 'role', 'districts', 'organisations'] as const;
export type AccountField = (typeof accountFields)[number];
export type AccountInput = Partial<Record<AccountField, string>>;
export interface AccountFormError {
  field: AccountField;
  code: string;
  /** The names the message lists (unknown districts or organisations). */
  names?: string;
}

const cell = z.preprocess((value) => (Array.isArray(value) ? value[0] : value ?? ''), z.string());
const lines = cell.pipe(z.string().max(20_000, 'tooLong')).transform((value) => [...new Set(value.split(/[\r\n;]+/).map((line) => line.trim()).filter(Boolean))]);

const accountForm = z.object({
  // the mail module's one address check: no non-ASCII local part (no SMTPUTF8), a dotted domain
  email: cell.pipe(z.string().trim().toLowerCase().min(1, 'required').max(320, 'tooLong')).superRefine((value, context) => {
    const problem = value === '' ? null : addressProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem === 'notAscii' ? 'emailNotAscii' : problem === 'noDomain' ? 'emailNoDomain' : 'email' });
  }),
  display_name: cell.pipe(z.string().trim().min(1, 'required').max(200, 'tooLong')),
  role: cell.pipe(z.enum(roles as [Role, ...Role[]], 'choice')),
  districts: lines,
  organisations: lines,
});

const knownCodes = new Set(['required', 'tooLong', 'email', 'emailNotAscii', 'emailNoDomain', 'choice']);

/** The submitted text, as the form shows it again. */
export function accountInputOf(body: unknown): AccountInput {
  const raw = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(accountFields.map((field) => [field, String(Array.isArray(raw[field]) ? raw[field][0] : raw[field] ?? '')]));
}

/**
 * Checks the form; `email: false` for the change form (the address stays).
 * Unknown districts and organisations are named, not dropped.
 */
export async function parseAccountForm(db: Kysely<Database>, input: AccountInput, options: { newAccount: boolean }): Promise<{ ok: true; values: Invitation } | { ok: false; errors: AccountFormError[] }> {
  const result = accountForm.safeParse(options.newAccount ? input : { ...input, email: 'unchanged@example.org' });
  const errors = new Map<AccountField, AccountFormError>();
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0] as AccountField;
      if (!errors.has(field)) errors.set(field, { field, code: knownCodes.has(issue.message) ? issue.message : 'invalid' });
    }
  }
  const values = result.success ? result.data : null;
  if (values && options.newAccount) {
    const existing = await db.selectFrom('account').select('id').where(sql`lower(email)`, '=', values.email).executeTakeFirst();
    if (existing) errors.set('email', { field: 'email', code: 'exists' });
  }
  // the scopes are checked even when another field is wrong: every problem at once
  const role = accountForm.shape.role.safeParse(input.role).data;
  const typed = { districts: lines.safeParse(input.districts).data ?? [], organisations: lines.safeParse(input.organisations).data ?? [] };
  let districts: string[] = [];
  let organisationIds: number[] = [];
  if (role === 'coordinator' && !errors.has('districts')) {
    const resolved = await resolveDistricts(db, typed.districts);
    if (resolved.unknown.length > 0) errors.set('districts', { field: 'districts', code: 'unknownDistrict', names: resolved.unknown.join(', ') });
    else if (resolved.districts.length === 0) errors.set('districts', { field: 'districts', code: 'districtRequired' });
    districts = resolved.districts;
  }
  if (role === 'representative' && !errors.has('organisations')) {
    const resolved = await resolveOrganisations(db, typed.organisations);
    if (resolved.unknown.length > 0) errors.set('organisations', { field: 'organisations', code: 'unknownOrganisation', names: resolved.unknown.join(', ') });
    organisationIds = resolved.ids;
  }
  if (!values || errors.size > 0) return { ok: false, errors: accountFields.filter((field) => errors.has(field)).map((field) => errors.get(field)!) };
  return { ok: true, values: { email: values.email, displayName: values.display_name, role: values.role, districts, organisationIds } };
}

/** Districts as the directory spells them (case ignored); a coordinator scoped to a misspelt district would see nothing. */
async function resolveDistricts(db: Kysely<Database>, typed: string[]) {
  if (typed.length === 0) return { districts: [], unknown: [] };
  const known = await db.selectFrom('organisation').select('district').distinct().where('district', 'is not', null).execute();
  const byLower = new Map(known.map((row) => [row.district!.toLowerCase(), row.district!]));
  return {
    districts: typed.flatMap((name) => (byLower.has(name.toLowerCase()) ? [byLower.get(name.toLowerCase())!] : [])),
    unknown: typed.filter((name) => !byLower.has(name.toLowerCase())),
  };
}

/** Organisations by name or alias, matched as lists are (spec/exchange.md normalisation). */
async function resolveOrganisations(db: Kysely<Database>, typed: string[]) {
  if (typed.length === 0) return { ids: [], unknown: [] };
  const wanted = typed.map((name) => ({ name, normalised: normaliseName(name) }));
  const keys = wanted.map((entry) => entry.normalised).filter(Boolean);
  const rows = keys.length === 0 ? [] : await db.selectFrom('organisation_name').select(['normalised_name', 'organisation_id']).where('normalised_name', 'in', keys).execute();
  const byName = new Map(rows.map((row) => [row.normalised_name, row.organisation_id]));
  return {
    ids: [...new Set(wanted.flatMap((entry) => (byName.has(entry.normalised) ? [byName.get(entry.normalised)!] : [])))],
    unknown: wanted.filter((entry) => !byName.has(entry.normalised)).map((entry) => entry.name),
  };
}
