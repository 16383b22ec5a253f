import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from './errors.js';
import type { FieldIssue } from './validation.js';

/**
 * No NUL byte gets past the route's validation, in any query, path or body
 * string. PostgreSQL cannot store one in text ("invalid byte sequence for
 * encoding UTF8: 0x00"), so `?q=a%00` used to reach a query and answer 500;
 * nobody types one. Refused with 400 and a message naming the field, for
 * every route at once rather than in each schema. Runs after the access and
 * CSRF checks (src/http/context.ts registers its hook first): a signed-out
 * request is still told to sign in, not what is wrong with its input.
 * Multipart bodies are read by their routes (imports), which check their own cells.
 */

type Location = 'querystring' | 'params' | 'body';
const locations: Location[] = ['querystring', 'params', 'body'];

const text = {
  de: {
    where: { querystring: 'in der Adresszeile', params: 'im Pfad der Adresse', body: 'im Formular bzw. Anfrageinhalt' },
    message: (field: string, where: string) =>
      `Das Feld „${field}“ ${where} enthält ein Nullzeichen (NUL, %00). Bitte entfernen Sie es; Texte in Mosaik enthalten keine Steuerzeichen.`,
    whole: '(gesamte Eingabe)',
  },
  en: {
    where: { querystring: 'in the address line', params: 'in the address path', body: 'in the form or request body' },
    message: (field: string, where: string) =>
      `The field “${field}” ${where} contains a null character (NUL, %00). Please remove it; texts in Mosaik hold no control characters.`,
    whole: '(whole input)',
  },
};

/** The dotted path of the first string holding a NUL byte, or undefined; '' for the value itself. */
export function pathOfNul(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 20 || value === null || typeof value !== 'object') return undefined;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = path === '' ? key : `${path}.${key}`;
    if (key.includes('\u0000')) return innerPath.replaceAll('\u0000', '\\0');
    const found = pathOfNul(inner, innerPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function issueIn(language: 'de' | 'en', field: string, location: Location): FieldIssue {
  const strings = text[language];
  return { field, location, code: 'nulCharacter', message: strings.message(field === '' ? strings.whole : field, strings.where[location]) };
}

export function assertNoNulBytes(request: FastifyRequest) {
  const parts: Record<Location, unknown> = { querystring: request.query, params: request.params, body: request.body };
  for (const location of locations) {
    const field = pathOfNul(parts[location]);
    if (field === undefined) continue;
    const local = request.language === 'en' ? 'en' : 'de';
    throw new HttpProblem(400, 'badRequest', undefined, [{ issue: issueIn(local, field, location), english: issueIn('en', field, location) }]);
  }
}

export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => assertNoNulBytes(request));
}
