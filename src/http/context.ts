import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.js';
import type { Settings } from '../config.js';
import { negotiateLanguage, translator, type Language, type Translate } from '../i18n/index.js';
import { randomToken } from '../modules/identity/index.js';
import { allowedLanguage, findSession, languagesFor, type SessionAccount } from '../modules/identity/index.js';
import { accessOf, decideAccess, redirectToSignIn, wantsJson } from './access.js';
import { HttpProblem } from './errors.js';
import { fieldsOf } from './validation.js';

export const sessionCookie = 'mosaik_session';
const anonymousCsrfCookie = 'mosaik_csrf';
export const languageCookie = 'mosaik_lang';
/** A year: the language choice outlives sessions (it is not personal data, only a preference on this browser). */
export const languageCookieOptions = { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 } as const;

declare module 'fastify' {
  interface FastifyRequest {
    account: SessionAccount | null;
    language: Language;
    t: Translate;
    /** The token forms must send back (hidden field _csrf or header x-csrf-token). */
    csrfToken: string;
  }
  interface FastifyInstance {
    db: Db;
    settings: Settings;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Per request: who is signed in, which language, the CSRF token; then the
 * route's access rule and, for changing requests, the CSRF check.
 */
export function registerRequestContext(app: FastifyInstance) {
  app.decorateRequest('account', null);
  app.decorateRequest('language', 'de');
  app.decorateRequest('t', undefined as unknown as Translate);
  app.decorateRequest('csrfToken', '');

  // Before validation: a signed-out request with a bad body is refused as
  // signed out (401), not told what is wrong with its body (400).
  app.addHook('preValidation', async (request, reply) => {
    // Stylesheets, fonts and scripts are public and the same for everyone: a page
    // view fetches a dozen of them, none needs a session lookup in the database.
    if (request.url.startsWith('/assets/')) return;
    const sessionToken = request.cookies[sessionCookie];
    request.account = sessionToken ? await findSession(app.db, sessionToken) : null;
    chooseLanguage(request, reply);
    request.csrfToken = request.account?.csrfToken ?? anonymousCsrfToken(request, reply, app.settings.secureCookies);

    const decision = decideAccess(accessOf(request), request.account?.role ?? null);
    if (decision === 'signInRequired') {
      if (wantsJson(request) || request.method !== 'GET') throw new HttpProblem(401, 'signInRequired');
      return redirectToSignIn(request, reply);
    }
    if (decision === 'forbidden') throw new HttpProblem(403, 'forbidden');

    // A multipart form's fields are read by its handler, after this hook: a
    // route that says so (config.csrfInMultipart) checks the token there,
    // with multipartCsrfMatches, so that the token never travels in the address.
    if (unsafeMethods.has(request.method) && !csrfTokenMatches(request) && !checksCsrfInMultipart(request) && !keyedBySecretInPath(request)) throw new HttpProblem(403, 'csrf');
  });
}

/**
 * The page's language (docs/languages.md): ?lang= (a link to one page in a
 * language; it also sets the cookie), then the cookie (the last choice on this
 * browser), then the signed-in account's remembered language (a choice made
 * on another device, or before signing in), then the browser's. Visitors and
 * representatives have six languages, every other role German and English.
 * A link never writes the account: only the language switch in the header
 * does (POST /language, src/modules/identity/routes.tsx), so that a link with
 * ?lang= in a mail or a test changes one page, not the account.
 */
function chooseLanguage(request: FastifyRequest, reply: FastifyReply) {
  const role = request.account?.role;
  const chosen = allowedLanguage(fieldsOf(request.query).lang, role);
  if (chosen) reply.setCookie(languageCookie, chosen, languageCookieOptions);
  const language: Language =
    chosen ??
    allowedLanguage(request.cookies[languageCookie], role) ??
    allowedLanguage(request.account?.locale, role) ??
    negotiateLanguage(request.headers['accept-language'], languagesFor(role));
  request.language = language;
  request.t = translator(language);
}

function anonymousCsrfToken(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[anonymousCsrfCookie];
  if (existing && existing.length >= 32) return existing;
  const token = randomToken();
  reply.setCookie(anonymousCsrfCookie, token, { path: '/', sameSite: 'strict', httpOnly: true, secure });
  return token;
}

/**
 * A route whose path carries an unguessable secret that is itself the key
 * (config.csrf: 'secretInPath'): the newsletter's one-click unsubscribe,
 * which the recipient's mail provider POSTs without cookie or form (RFC 8058).
 * A forged cross-site request would need the secret, so a token adds nothing.
 */
function keyedBySecretInPath(request: FastifyRequest): boolean {
  return (request.routeOptions.config as { csrf?: string }).csrf === 'secretInPath';
}

function checksCsrfInMultipart(request: FastifyRequest): boolean {
  return (request.routeOptions.config as { csrfInMultipart?: boolean }).csrfInMultipart === true && request.isMultipart();
}

/** The hidden _csrf field of a multipart form (read by the route's handler), or the header, against the request's token. */
export function multipartCsrfMatches(request: FastifyRequest, field: string | undefined): boolean {
  const sent = (request.headers['x-csrf-token'] as string | undefined) ?? field;
  return tokensEqual(sent, request.csrfToken);
}

function tokensEqual(sent: string | undefined, expected: string): boolean {
  if (!sent || !expected) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function csrfTokenMatches(request: FastifyRequest): boolean {
  const body = fieldsOf(request.body);
  const query = fieldsOf(request.query);
  const sent =
    (request.headers['x-csrf-token'] as string | undefined) ??
    (typeof body._csrf === 'string' ? body._csrf : undefined) ??
    (typeof query._csrf === 'string' ? query._csrf : undefined);
  if (!sent || !request.csrfToken) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(request.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
