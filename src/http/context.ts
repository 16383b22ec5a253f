import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.js';
import type { Settings } from '../config.js';
import { negotiateLanguage, translator, type Language, type Translate } from '../i18n/index.js';
import { randomToken } from '../modules/identity/index.js';
import { allowedLanguage, findSession, languagesFor, rememberAccountLanguage, type SessionAccount } from '../modules/identity/index.js';
import { accessOf, decideAccess, redirectToSignIn, wantsJson } from './access.js';
import { HttpProblem } from './errors.js';
import { fieldsOf } from './validation.js';

export const sessionCookie = 'mosaik_session';
const anonymousCsrfCookie = 'mosaik_csrf';
export const languageCookie = 'mosaik_lang';

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
    await chooseLanguage(app.db, request, reply);
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
 * The page's language (docs/languages.md): ?lang= (the switch in the header),
 * then the signed-in account's remembered language, then the cookie a
 * signed-out visitor's choice left, then the browser's. Visitors and
 * representatives have six languages, every other role German and English.
 * A choice made while signed in is kept on the account as well as in the cookie.
 */
async function chooseLanguage(db: Db, request: FastifyRequest, reply: FastifyReply) {
  const role = request.account?.role;
  const chosen = allowedLanguage(fieldsOf(request.query).lang, role);
  let language: Language;
  if (chosen) {
    language = chosen;
    reply.setCookie(languageCookie, language, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
    if (request.account && request.account.locale !== chosen) {
      await rememberAccountLanguage(db, request.account.id, chosen);
      request.account.locale = chosen;
    }
  } else {
    language =
      allowedLanguage(request.account?.locale, role) ??
      allowedLanguage(request.cookies[languageCookie], role) ??
      negotiateLanguage(request.headers['accept-language'], languagesFor(role));
  }
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
