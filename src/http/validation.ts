import type { FastifyError } from 'fastify';
import { z } from 'zod';
import type { Translate } from '../i18n/index.js';

/**
 * Turns a route's schema validation failure (Zod issues as
 * fastify-type-provider-zod reports them) into messages a person can act on:
 * which field, where it was sent (address line, form, path) and what to fix,
 * in the user's language — never Zod's technical English.
 */

export interface FieldIssue {
  /** Dotted path of the field, e.g. "from" or "rows.3.email"; '' for the whole input. */
  field: string;
  /** Where the field was sent: body (form or JSON), querystring (address line), params (path). */
  location: string;
  code: string;
  message: string;
}

interface RawIssue {
  keyword?: string;
  instancePath?: string;
  params?: Record<string, unknown>;
}

const knownLocations = new Set(['body', 'querystring', 'params', 'headers']);

/** The issues of a validation error, or [] when the error carries none. */
export function validationIssues(error: FastifyError, t: Translate): FieldIssue[] {
  const raw = (error.validation ?? []) as RawIssue[];
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const location = knownLocations.has(context) ? context : 'body';
  return raw.map((issue) => {
    const field = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const code = issue.keyword ?? 'custom';
    return { field, location, code, message: messageFor(code, issue.params ?? {}, field, location, t) };
  });
}

function messageFor(code: string, params: Record<string, unknown>, field: string, location: string, t: Translate): string {
  const where = t(`validation.location.${location}`);
  const name = field === '' ? t('validation.wholeInput') : field;
  const subject = t('validation.subject', { field: name, where });
  switch (code) {
    case 'invalid_type':
      return params.input === undefined
        ? t('validation.missing', { subject })
        : t('validation.invalidType', { subject, expected: t(`validation.types.${String(params.expected)}`, { defaultValue: String(params.expected) }) });
    case 'too_small':
      if (params.inclusive === false && params.origin !== 'string' && params.origin !== 'array') return t('validation.greaterThan', { subject, limit: String(params.minimum) });
      return t(params.origin === 'string' ? 'validation.tooShort' : params.origin === 'array' ? 'validation.tooFew' : 'validation.tooSmall', { subject, limit: String(params.minimum) });
    case 'too_big':
      if (params.inclusive === false && params.origin !== 'string' && params.origin !== 'array') return t('validation.lessThan', { subject, limit: String(params.maximum) });
      return t(params.origin === 'string' ? 'validation.tooLong' : params.origin === 'array' ? 'validation.tooMany' : 'validation.tooBig', { subject, limit: String(params.maximum) });
    case 'invalid_value':
    case 'invalid_enum_value': {
      const values = Array.isArray(params.values) ? params.values.map(String).join(', ') : '';
      return t('validation.oneOf', { subject, values });
    }
    case 'invalid_format':
      return t(params.format === 'email' ? 'validation.email' : params.format === 'date' || params.format === 'datetime' ? 'validation.date' : 'validation.format', { subject });
    case 'unrecognized_keys': {
      const keys = Array.isArray(params.keys) ? params.keys.map(String).join(', ') : '';
      return t('validation.unknownKeys', { where, keys });
    }
    default:
      return t('validation.invalid', { subject });
  }
}

// ── route schemas shared by the HTML pages ────────────────────────────────

/**
 * A value a page reads from its address line: text when given once; given
 * twice (a list) or not at all, it counts as absent, as the pages always
 * treated it. A page's address line is typed, never refused for this.
 */
export const pageText = z.string().optional().catch(undefined);

/**
 * A submitted HTML form as the route receives it: any fields, typed as
 * unknown. The form's own schema (account-form.ts, events/form.ts, …) reads
 * them, so that a wrong field re-renders the form with the message beside
 * it instead of answering 400 (GUIDE.md: errors point at the field). An
 * empty submission is an empty form.
 */
export const anyFields = z.record(z.string(), z.unknown()).default({});

/**
 * The fields of a request part that no route schema has read (a hook, a
 * helper shared by routes): a body that is not an object (a bare JSON string)
 * has none, as it always had, rather than failing with a server error.
 */
export const fieldsOf = (part: unknown): Record<string, unknown> => anyFields.safeParse(part).data ?? {};

/**
 * The same for a form whose reader takes the raw texts (a repeated field, a
 * group of checkboxes, arrives as a list). A value that is not text cannot
 * come from a browser's form and is refused with 400.
 */
export const formTexts = z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({});

/** The path of a page about one record: /…/:id (the route turns a bad id into 404, not 400). */
export const idParams = z.object({ id: z.string() });
